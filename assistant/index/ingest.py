"""Documents -> chunks -> embeddings in the store: incremental, crash-safe, one writer at a time.

Why it is safe to kill: every chunk id is a content hash, every document's chunks carry
the file's SHA-256 and the document's chunk count. A re-run treats a document as
unchanged only when all of its stored chunks agree with the file; otherwise it upserts
(embedding only ids the store lacks) and then deletes the chunks the file no longer has.
An interrupted run therefore leaves nothing that the next run does not repair, and never
a duplicate.

>>> report = ingest(settings=Settings())                          # doctest: +SKIP
>>> report.skipped_unchanged                                     # doctest: +SKIP
9
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from pydantic import BaseModel
from tqdm import tqdm

from assistant.corpus.limits import error_line, failure_reason, printable_name
from assistant.corpus.loaders import SUPPORTED_SUFFIXES, LoadError, load
from assistant.corpus.manifest import FETCHED_DIR, DocumentInfo, Manifest, describe, load_manifest
from assistant.errors import IndexWriteError
from assistant.index.embeddings import encoder_for
from assistant.index.pooling import KIND as VECTORS
from assistant.index.pooling import PassageVectors
from assistant.index.records import ChunkMeta
from assistant.index.saved import bump_generation, ensure_sentence_index
from assistant.index.shared_vectors import SharedVectors
from assistant.index.store import DocState, Store
from assistant.settings import Settings, get_settings

if TYPE_CHECKING:
    from assistant.corpus.chunking import Chunk

log = logging.getLogger(__name__)
EMBED_BATCH = 256
# Bump when loaders, text cleaning, chunking, BM25 tokens (index.lexical.tokenize) or what a quotable sentence is
# (index.sentences.quotable) change what is stored: documents cut by another version are re-chunked on the next ingest
# even though their files did not change, and the new generation's BM25 snapshots and sentence index are rebuilt.
TEXT_PIPELINE = "18"
PARSE_WORKERS = 1
# The parser runs ahead of the encoder at a lower priority: it needs a few per cent of the CPU, and takes it
# from the encoder's idle moments rather than from its runs.
PARSER_NICENESS = 10
PROCESS_FROM = 4  # files to parse before a separate parser process pays for its start (about a second)


class Failure(BaseModel):
    """A file that could not be ingested and the reason, as shown to the user."""
    path: str
    error: str


class IngestReport(BaseModel):
    """What one ingest run did: documents seen, chunks stored and embedded, skipped, removed, failed."""
    documents: int = 0
    chunks: int = 0
    embedded: int = 0
    skipped_unchanged: int = 0
    removed: int = 0
    failed: list[Failure] = []
    took_ms: float = 0.0
    doc_ids: list[str] = []


def default_sources(settings: Settings) -> list[Path]:
    """The default corpus, fetched canonical texts and uploads."""
    return [settings.corpus_dir / "documents", settings.corpus_dir / FETCHED_DIR, settings.uploads_dir]


def expand(paths: list[Path], skipped: list[Path] | None = None) -> list[Path]:
    """Files under the given paths: folders recursively (supported types only), files as given.

    A symbolic link inside a folder is followed only when it stays inside that folder; one
    that leads out (to /etc/passwd, say) is left out and added to ``skipped``.
    """
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            root = path.resolve()
            for p in sorted(path.rglob("*")):
                if not (p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES):
                    continue
                if p.resolve().is_relative_to(root):
                    files.append(p)
                elif skipped is not None:
                    skipped.append(p)
        else:
            files.append(path)
    return files


def origin_of(path: Path, settings: Settings) -> str:
    """Where a file comes from (upload, catalogue, corpus or library), judged by its folder."""
    resolved = path.resolve()
    for root, origin in (
        (settings.uploads_dir, "upload"),
        (settings.corpus_dir / FETCHED_DIR, "catalogue"),
        (settings.corpus_dir, "corpus"),
    ):
        if resolved.is_relative_to(root.resolve()):
            return origin
    return "library"


def metadata(info: DocumentInfo, chunk: Chunk, file_sha: str, count: int, path: Path) -> ChunkMeta:
    """What the store keeps about one chunk: its document, its place in it, and the file's hash."""
    return ChunkMeta(
        doc_id=info.id,
        title=info.title,
        short=info.short,
        symbol=info.symbol,
        type=info.type,
        status=info.status,
        superseded_by=info.superseded_by,
        year=info.year,
        origin=info.origin,
        source_path=os.path.abspath(path),  # the link itself, not its target: removing the link removes the document
        file_sha256=file_sha,
        doc_chunks=count,
        seq=chunk.seq,
        heading=chunk.heading,
        locator=chunk.locator,
        para_start=chunk.para_start,
        para_end=chunk.para_end,
        page_start=chunk.page_start,
        page_end=chunk.page_end,
        kind=chunk.kind,
        footnote=chunk.footnote,
        notes=",".join(chunk.notes),
        cited_by=chunk.cited_by,
        ocr=chunk.ocr,
        pipeline=TEXT_PIPELINE,
    )


@contextmanager
def write_lock(settings: Settings) -> Iterator[None]:
    """One writer at a time, across threads and processes (an flock on indexes/.write.lock)."""
    try:
        settings.index_dir.mkdir(parents=True, exist_ok=True)
        handle = open(settings.index_dir / ".write.lock", "w")  # noqa: SIM115 (closed by the with below)
    except OSError as err:
        raise IndexWriteError(f"the index folder {settings.index_dir} cannot be written ({err.strerror or err}); "
                              "search and answers still work, adding documents does not") from err
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _prepare(path: Path, info: DocumentInfo, settings: Settings) -> list[Chunk] | str:
    """Load and chunk one file; any failure — a parser's crash included — comes back as its one-line error.

    A string, not the LoadError, so that it crosses from the parser process intact.
    """
    from assistant.corpus.chunking import chunk_pages  # LangChain's splitter: only when a file is read

    try:
        doc = load(path, max_mb=settings.max_file_mb, ocr=settings.ocr, ocr_languages=settings.ocr_languages)
        chunks = chunk_pages(info.id, [(p.text, p.number) for p in doc.pages], settings.chunk_chars, settings.chunk_overlap,
                             ocr_pages={p.number for p in doc.pages if p.ocr and p.number is not None})
        if not chunks:
            raise LoadError(path, "no passages could be extracted")
        return chunks
    except LoadError as err:
        return str(err)
    except (Exception, MemoryError, RecursionError) as err:  # one bad file never stops the batch
        log.warning("could not ingest %s", path, exc_info=True)
        return str(LoadError(path, failure_reason(err)))


def _parsed(todo: list[tuple[Path, DocumentInfo, str]], settings: Settings) -> Iterator[list[Chunk] | str]:
    """Each file's chunks in order, parsed ahead of the encoder.

    Many files are parsed in one separate process: in a thread, parsing and chunking
    (pure Python) held the GIL against the encoder, and ingest ran 18 % slower than raw
    encoding on the library. One worker, because the encoder already uses every core.
    A few files (an upload) are not worth starting a process for.
    """
    if len(todo) < PROCESS_FROM:
        with ThreadPoolExecutor(max_workers=1) as pool:
            yield from pool.map(lambda item: _prepare(item[0], item[1], settings), todo)
        return
    with ProcessPoolExecutor(max_workers=PARSE_WORKERS, mp_context=multiprocessing.get_context("spawn"),
                             initializer=os.nice, initargs=(PARSER_NICENESS,)) as pool:
        futures = [pool.submit(_prepare, path, info, settings) for path, info, _ in todo]
        for (path, info, _), future in zip(todo, futures, strict=True):
            try:
                yield future.result()
            except BrokenProcessPool:  # the parser process died (a crash in PDFium): parse the rest here
                yield _prepare(path, info, settings)


def file_hash(path: Path) -> str:
    """SHA-256 of the file's bytes; empty when it cannot be read (the load step then reports why)."""
    try:
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return ""


def _unchanged(state: DocState | None, info: DocumentInfo, file_sha: str) -> bool:
    """Same file, every chunk written (a killed ingest leaves fewer), same manifest title, same text pipeline."""
    return (state is not None and state.file_sha256 == {file_sha} and state.declared == {state.chunks}
            and state.titles == {info.title} and state.pipelines == {TEXT_PIPELINE})


def ingest(
    paths: list[Path] | None = None,
    settings: Settings | None = None,
    store: Store | None = None,
    progress: bool = False,
) -> IngestReport:
    """Bring the store in line with the given files and folders (default: the configured sources).

    Folders are synced: a document that was ingested from a folder and is no longer in it
    is removed. Single files are only added or updated.
    """
    settings = settings or get_settings()
    started = time.perf_counter()
    store = store or Store.open(settings, encoder_for(settings))  # the model loads only if something needs embedding
    sources = [Path(p) for p in (paths or default_sources(settings))]
    manifest = load_manifest(settings.corpus_dir)
    report = IngestReport()
    missing = [p for p in sources if not p.exists() and p not in default_sources(settings)]
    report.failed.extend(Failure(path=str(p), error=f"{p.name}: no such file or folder") for p in missing)
    outside: list[Path] = []
    files = expand([p for p in sources if p.exists()], skipped=outside)
    report.failed.extend(Failure(path=str(p), error=f"{printable_name(p.name)}: a link to a file outside the folder; "
                                 "not followed") for p in outside)
    with write_lock(settings):
        pooled = PassageVectors(store.encoder, settings.index_dir)
        stale = store.passage_vectors() != VECTORS
        reembed = stale and store.count() > 0  # passages embedded another way: every document is embedded again
        if stale and not reembed:
            store.mark_passage_vectors(VECTORS)  # empty: marked first, so a killed first ingest resumes where it was
        _ingest_files(files, settings, store, manifest, report, progress, pooled, reembed)
        pooled.save(SharedVectors.for_store(store, settings))
        if reembed and {m.doc_id for m in store.first_chunks()} <= set(report.doc_ids):
            store.mark_passage_vectors(VECTORS)
        report.removed = _remove_vanished([p for p in sources if p.is_dir() or p in default_sources(settings)], store)
        changed = report.removed or len(report.doc_ids) > report.skipped_unchanged
        if changed:
            bump_generation(store, settings, pooled.units)
        else:
            ensure_sentence_index(store, settings)
    if report.embedded:
        store.encoder.engine("query")  # after a torch ingest: the ONNX export now, not on the first question (else loaded)
    report.took_ms = round((time.perf_counter() - started) * 1000, 1)
    return report


def _ingest_files(files: list[Path], settings: Settings, store: Store, manifest: Manifest, report: IngestReport,
                  progress: bool, pooled: PassageVectors, reembed: bool) -> None:
    infos = [describe(f, manifest, origin_of(f, settings)) for f in files]
    todo: list[tuple[Path, DocumentInfo, str]] = []
    states = store.doc_states()
    for path, info in zip(files, infos, strict=True):
        report.documents += 1
        file_sha = file_hash(path)
        if file_sha and not reembed and _unchanged(states.get(info.id), info, file_sha):
            report.skipped_unchanged += 1
            report.chunks += states[info.id].chunks
            report.doc_ids.append(info.id)
        else:
            todo.append((path, info, file_sha))
    bar = tqdm(total=len(todo), unit="doc", disable=not progress or not todo, desc="ingest")
    for (path, info, file_sha), result in zip(todo, _parsed(todo, settings), strict=True):
        if isinstance(result, str):
            report.failed.append(Failure(path=str(path), error=result))
            _advance(bar)
            continue
        try:
            report.embedded += _write_document(store, pooled, info, path, file_sha, result, reembed)
        except Exception as err:  # the store, not the file: disk full, read-only, server gone — stop here
            raise IndexWriteError(f"{printable_name(path.name)}: the index could not be written "
                                  f"({error_line(err)}); files before it are in, a re-run completes the rest") from err
        report.chunks += len(result)
        report.doc_ids.append(info.id)
        _advance(bar)
    bar.close()


def _advance(bar: tqdm) -> None:
    """Count a written document; the last is drawn by ``close()`` alone (drawing it here too printed 100 % twice)."""
    if bar.n + 1 < (bar.total or 0):
        bar.update(1)
    else:
        bar.n += 1


def _write_document(store: Store, pooled: PassageVectors, info: DocumentInfo, path: Path, file_sha: str,
                    chunks: list[Chunk], reembed: bool) -> int:
    """Upsert one document's chunks, then drop its stale ones. Returns how many were embedded."""
    previous = {r.id for r in store.doc_records(info.id)}
    metas = [metadata(info, c, file_sha, len(chunks), path) for c in chunks]
    ids = [c.id for c in chunks]
    present = set() if reembed else store.existing_ids(ids)
    new = sorted((i for i, cid in enumerate(ids) if cid not in present), key=lambda i: chunks[i].seq == 0)
    # the first chunk goes in last: documents are listed from it, so a half-written one is not listed
    for start in range(0, len(new), EMBED_BATCH):
        batch = new[start : start + EMBED_BATCH]
        texts, batch_metas = [chunks[i].text for i in batch], [metas[i] for i in batch]
        store.add(texts, batch_metas, [ids[i] for i in batch], pooled.vectors(texts, batch_metas))
    kept = [i for i, cid in enumerate(ids) if cid in present]
    store.update_metadata([ids[i] for i in kept], [metas[i] for i in kept])
    stale = sorted(previous - set(ids))
    store.delete(stale)
    return len(new)


def _remove_vanished(folders: list[Path], store: Store) -> int:
    """Delete documents that were ingested from one of these folders and whose file is gone."""
    roots = [f.resolve() for f in folders] + [Path(os.path.abspath(f)) for f in folders]
    removed = 0
    for meta in store.first_chunks():
        source = Path(meta.source_path)
        if meta.source_path and any(source.is_relative_to(r) for r in roots) and not source.exists():
            remove_document(store, meta.doc_id)
            removed += 1
    return removed


def remove_document(store: Store, doc_id: str) -> int:
    """Delete every chunk of one document; returns how many."""
    ids = [r.id for r in store.doc_records(doc_id)]
    store.delete(ids)
    return len(ids)
