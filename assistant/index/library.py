"""The user's view of the index: which documents are in, which canonical texts are missing,
adding an uploaded file and deleting a user document.

>>> docs = list_documents(get_retriever())                     # doctest: +SKIP
>>> docs[0].status                                             # doctest: +SKIP
'current'
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
import threading
from dataclasses import asdict
from pathlib import Path

from pydantic import BaseModel

from assistant.corpus.limits import error_line, failure_reason
from assistant.corpus.loaders import SUPPORTED_SUFFIXES, check, sniff
from assistant.corpus.manifest import describe, load_manifest
from assistant.corpus.quality import DocumentQuality, assess
from assistant.errors import IndexWriteError, LoadError, NotDeletable, NotFound
from assistant.index.ingest import IngestReport, ingest, remove_document, write_lock
from assistant.index.retrieve import Retriever
from assistant.index.saved import bump_generation

log = logging.getLogger(__name__)
_LOADING = threading.Lock()
SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
SNIFFED_SUFFIX = {"pdf": {".pdf"}, "zip": {".docx"}, "html": {".html", ".htm"}, "text": {".md", ".markdown", ".txt", ".text"}}


class DocumentEntry(BaseModel):
    """One document in the index, as the Library tab, `planassist docs` and GET /api/documents list it."""
    id: str
    title: str
    short: str
    type: str
    status: str
    superseded_by: str = ""
    chunks: int
    origin: str
    year: int | None = None


class CatalogueEntry(BaseModel):
    """One canonical text catalogued in the manifest, with its official address and whether it is indexed."""
    id: str
    title: str
    short: str
    symbol: str
    url: str
    status: str
    in_index: bool


def ensure_index(retriever: Retriever, progress: bool = True) -> bool:
    """Build the default index on first use so every command works on a fresh clone; True if it built."""
    built = retriever.store.count() == 0
    if built:
        ingest(settings=retriever.settings, store=retriever.store, progress=progress)
    retriever.refresh(force=built)
    return built


def list_documents(retriever: Retriever) -> list[DocumentEntry]:
    """Documents in the index, from the first chunk of each."""
    entries = [
        DocumentEntry(id=m.doc_id, title=m.title, short=m.short, type=m.type, status=m.status,
                      superseded_by=m.superseded_by, chunks=m.doc_chunks, origin=m.origin, year=m.year)
        for m in retriever.store.first_chunks()
    ]
    return sorted(entries, key=lambda e: (e.origin != "corpus", e.id))


def list_catalogue(retriever: Retriever) -> list[CatalogueEntry]:
    """Canonical texts catalogued in the manifest, and whether each is in the index yet."""
    manifest = load_manifest(retriever.settings.corpus_dir)
    present = {d.id for d in list_documents(retriever)}
    return [
        CatalogueEntry(id=c.id, title=c.title, short=c.short, symbol=c.symbol, url=c.url, status=c.status,
                       in_index=c.id in present)
        for c in manifest.catalogue.values()
    ]


def safe_filename(name: str) -> str:
    """A file name with no path parts and only plain characters ('../../x.pdf' -> 'x.pdf')."""
    base = Path(name.replace("\\", "/")).name
    cleaned = SAFE_NAME.sub("_", base).strip("._") or "upload"
    stem, suffix = os.path.splitext(cleaned)
    suffix = suffix[:12]
    return cleaned if len(cleaned) <= 120 else stem[: 120 - len(suffix)] + suffix  # a long name keeps its type


def check_upload(name: str, data: bytes, max_mb: float) -> str:
    """Validate an upload by size and by content (not by name); returns the safe file name."""
    filename = safe_filename(name)
    suffix = Path(filename).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise LoadError(filename, f"unsupported file type '{suffix or 'none'}' (use .pdf, .docx, .html, .md or .txt)")
    if not data:
        raise LoadError(filename, "empty file")
    if len(data) > max_mb * 1024 * 1024:
        raise LoadError(filename, f"file too large ({len(data) / 1048576:.1f} MB; the limit is {max_mb:g} MB)")
    kind = sniff(data)
    if suffix not in SNIFFED_SUFFIX.get(kind, set()):
        raise LoadError(filename, f"content is {kind}, which does not match the '{suffix}' extension")
    return filename


def add_upload(retriever: Retriever, name: str, data: bytes) -> IngestReport:
    """Check, save under uploads/ and ingest an uploaded file.

    The file is loaded from a staging copy first, so a bad upload never replaces (or
    deletes) an earlier good file of the same name; one writer at a time via ingest's lock.
    """
    settings = retriever.settings
    filename = check_upload(name, data, settings.max_upload_mb)
    path = settings.uploads_dir / filename
    previous: bytes | None = None
    try:
        settings.uploads_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=settings.uploads_dir.parent, prefix=".staging-") as tmp:
            staged = Path(tmp) / filename
            staged.write_bytes(data)
            with _LOADING:  # one upload inflated at a time: concurrent uploads do not add up in memory
                _check_loads(staged, settings.max_upload_mb)
            previous = path.read_bytes() if path.exists() else None
            os.replace(staged, path)
    except OSError as err:
        raise IndexWriteError(f"{filename}: could not be saved ({err.strerror or err}); "
                              "check the disk space and permissions of the uploads folder") from err
    try:
        report = ingest([path], settings=settings, store=retriever.store)
    except Exception as err:  # the store failed mid-write (disk full, read-only): take the upload back out
        _roll_back(retriever, path, previous)
        cause = err.__cause__ if isinstance(err, IndexWriteError) and err.__cause__ else err
        raise IndexWriteError(f"{filename}: the index could not be written ({error_line(cause)}). "
                              "Nothing was added: free disk space and try again") from err
    retriever.refresh()
    return report


def _roll_back(retriever: Retriever, path: Path, previous: bytes | None) -> None:
    """Best effort after a failed write: the earlier file back (or none), and the document's chunks removed.

    If the store cannot even delete now, the next ingest removes them: its file is gone.
    """
    try:
        if previous is None:
            path.unlink(missing_ok=True)
        else:
            path.write_bytes(previous)
        doc_id = describe(path, load_manifest(retriever.settings.corpus_dir), "upload").id
        with write_lock(retriever.settings):
            remove_document(retriever.store, doc_id)  # by id: a half-written document is not listed
            bump_generation(retriever.store, retriever.settings)
    except Exception:  # noqa: BLE001 (still failing: leave it to the next ingest)
        log.warning("could not roll back the failed upload %s", path, exc_info=True)


def _check_loads(path: Path, max_mb: float) -> None:
    """The file loads: every failure, a parser's crash included, is a LoadError in plain words."""
    try:
        check(path, max_mb=max_mb)  # a scan passes when OCR can read it; OCR itself runs once, at ingest
    except LoadError:
        raise
    except (Exception, MemoryError, RecursionError) as err:
        raise LoadError(path, failure_reason(err)) from err


def delete_document(retriever: Retriever, doc_id: str) -> int:
    """Delete an uploaded document and its file; shipped corpus documents are not deletable."""
    entry = next((d for d in list_documents(retriever) if d.id == doc_id), None)
    if entry is None:
        raise NotFound(f"no document with id '{doc_id}'")
    if entry.origin != "upload":
        raise NotDeletable(f"{doc_id} is part of the {entry.origin}, not a user document")
    settings = retriever.settings
    first = retriever.store.doc_records(doc_id, limit=1)
    with write_lock(settings):
        removed = remove_document(retriever.store, doc_id)
        if first and first[0].meta.source_path:
            Path(first[0].meta.source_path).unlink(missing_ok=True)
        bump_generation(retriever.store, settings)
    retriever.refresh()
    return removed


def document_quality(retriever: Retriever) -> list[DocumentQuality]:
    """Text-quality defect counts for every document in the index (``planassist docs --quality``)."""
    retriever.refresh()
    by_doc: dict[str, list] = {}
    for record in retriever.records:
        by_doc.setdefault(record.meta.doc_id, []).append(record)
    return [assess(doc_id, [(r.text, asdict(r.meta)) for r in records], records[0].meta.title)
            for doc_id, records in sorted(by_doc.items())]
