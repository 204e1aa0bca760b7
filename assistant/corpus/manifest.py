"""The corpus manifest: what each document is, how to cite it, whether it is current.

``corpus/manifest.toml`` lists the shipped documents (``[[document]]``) and catalogues
canonical texts that could not be shipped (``[[catalogue]]``) with their official
addresses. :func:`fetch_catalogue` downloads those when a network is there; nothing in
the product ever makes up their content.

>>> from assistant.settings import Settings
>>> m = load_manifest(Settings().corpus_dir)
>>> m.documents["s-2012-765"].short
'S/2012/765'
"""

from __future__ import annotations

import re
import tomllib
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, Field

from assistant.corpus.loaders import document_title, sniff
from assistant.settings import Settings

DOC_TYPES = ("policy", "guidance", "report", "resolution", "analysis", "commentary", "document")
FETCHED_DIR = "fetched"
UPLOAD_ID_PREFIX = "upload-"
SYMBOL_IN_NAME = re.compile(r"(?:^|_)(S|A)_(\d{2,4})_(\d{1,5})(?=_|$)")


# The UN's own sites: un.org and its subdomains (documents, repository, digital library), the UN document-symbol
# resolver, and the development group's site. Anything else is a copy.
UN_HOSTS = ("un.org", "undocs.org", "undg.org")


class DocumentInfo(BaseModel):
    """Bibliographic record of one document (shipped, catalogued or user-supplied)."""

    id: str
    title: str
    short: str = Field(description="How UN staff cite it: symbol or short title, e.g. 'IPI 2013'.")
    symbol: str = ""
    date: str = ""
    issuer: str = ""
    type: str = "document"
    status: str = "current"
    superseded_by: str = ""
    file: str = ""
    url: str = ""
    source: str = ""
    rights: str = ""
    origin: str = Field("corpus", description="corpus, catalogue, library or upload.")
    names: list[str] = Field(default_factory=list, description="The names a planner gives it, where its title would "
                             "give wrong ones: 'UNSDCF' names the framework, not its guidance.")

    @property
    def year(self) -> int | None:
        """The year of the document's date, if it has one."""
        match = re.match(r"(\d{4})", self.date)
        return int(match.group(1)) if match else None

    @property
    def current(self) -> bool:
        """False when the manifest marks the document as superseded."""
        return not self.superseded_by

    @property
    def address(self) -> str:
        """Where to find the text, said for what it is: an address on a UN site is official; an internal text that the
        UN never published may only be copied elsewhere, and a planner must know the copy is not the UN's.

        >>> DocumentInfo(id="h", title="IAP Handbook", short="h", url="https://www.scribd.com/document/1").address
        'a copy outside the UN: https://www.scribd.com/document/1'
        >>> DocumentInfo(id="p", title="IAP Policy", short="p", url="https://repository.un.org/handle/1").address
        'official address: https://repository.un.org/handle/1'
        >>> DocumentInfo(id="b", title="Brahimi Report", short="b", url="https://undocs.org/en/A/55/305").address
        'official address: https://undocs.org/en/A/55/305'
        """
        if not self.url:
            return "no public copy known"
        host = urllib.parse.urlparse(self.url).hostname or ""
        official = host in UN_HOSTS or host.endswith(tuple(f".{h}" for h in UN_HOSTS))
        return f"{'official address' if official else 'a copy outside the UN'}: {self.url}"


@dataclass
class Manifest:
    """Shipped documents and catalogued canonical texts, by id."""
    documents: dict[str, DocumentInfo] = field(default_factory=dict)
    catalogue: dict[str, DocumentInfo] = field(default_factory=dict)

    def get(self, doc_id: str) -> DocumentInfo | None:
        """A shipped or catalogued document by id."""
        return self.documents.get(doc_id) or self.catalogue.get(doc_id)

    def by_file(self, name: str) -> DocumentInfo | None:
        """The shipped document whose manifest entry names this file."""
        for info in self.documents.values():
            if Path(info.file).name == name:
                return info
        for info in self.catalogue.values():
            if Path(name).stem == info.id and Path(name).suffix in (".pdf", ".html"):
                return info
        return None


def _info(entry: dict, origin: str) -> DocumentInfo:
    entry = dict(entry)
    superseded = entry.pop("superseded_by", "")
    entry["status"] = "superseded" if superseded else entry.get("status", "current")
    return DocumentInfo(**entry, superseded_by=superseded, origin=origin)


def load_manifest(corpus_dir: Path) -> Manifest:
    """Read manifest.toml; a missing manifest is an empty one (user folders need none).

    Every answer consults it (missing texts, superseded documents), so a parse is kept until the file
    changes: about 1 ms saved twice per question. Nobody mutates a Manifest.
    """
    path = Path(corpus_dir) / "manifest.toml"
    if not path.exists():
        return Manifest()
    stat = path.stat()
    return _parsed(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _parsed(path: Path, mtime_ns: int, size: int) -> Manifest:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return Manifest(
        documents={e["id"]: _info(e, "corpus") for e in data.get("document", [])},
        catalogue={e["id"]: _info(e, "catalogue") for e in data.get("catalogue", [])},
    )


def slug(text: str) -> str:
    """A lower-case id made of letters, digits and hyphens ('S/2012/765' -> 's-2012-765')."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:80] or "document"


def describe(path: Path, manifest: Manifest, origin: str = "library") -> DocumentInfo:
    """The record for a file: from the manifest when listed, else inferred from its name.

    UN file names such as ``MINUSTAH_S_2004_698.pdf`` give the symbol S/2004/698.
    An upload is never taken for a manifest document, and its id lives in its own
    namespace (``upload-...``), so no upload can replace or pose as a corpus or catalogue text.
    """
    upload = origin == "upload"
    listed = None if upload else manifest.by_file(path.name)
    if listed:
        return listed
    match = SYMBOL_IN_NAME.search(path.stem)
    symbol = f"{match.group(1)}/{match.group(2)}/{match.group(3)}" if match else ""
    prefix = path.stem[: match.start()].replace("_", " ").strip() if match else ""
    declared = document_title(path)  # a Word file's own title beats its file name
    title = declared or (f"{prefix} report {symbol}".strip() if symbol else path.stem.replace("_", " ").replace("-", " "))
    short = symbol or title[:60]
    return DocumentInfo(
        id=f"{UPLOAD_ID_PREFIX}{slug(path.stem)}" if upload else slug(path.stem),
        title=f"{title} (uploaded)" if upload else title,
        short=f"{short} (upload)" if upload and symbol else short,
        symbol=symbol,
        date=match.group(2) if match and len(match.group(2)) == 4 else "",
        type="report" if symbol.startswith("S/") else "document",
        origin=origin,
        file=str(path),
    )


class FetchResult(BaseModel):
    """What happened when fetching one catalogued text: where it went, or why it failed."""
    id: str
    url: str
    ok: bool
    path: str = ""
    error: str = ""


def fetch_catalogue(settings: Settings, timeout: float = 30.0) -> list[FetchResult]:
    """Download each catalogued canonical text that is not here yet; verify it is PDF or HTML.

    Offline, each entry reports what could not be reached; nothing is written then.
    """
    manifest = load_manifest(settings.corpus_dir)
    target = settings.corpus_dir / FETCHED_DIR
    results = []
    for info in manifest.catalogue.values():
        existing = [p for p in (target / f"{info.id}.pdf", target / f"{info.id}.html") if p.exists()]
        if existing:
            results.append(FetchResult(id=info.id, url=info.url, ok=True, path=str(existing[0])))
            continue
        results.append(_fetch_one(info, target, timeout))
    return results


def _fetch_one(info: DocumentInfo, target: Path, timeout: float) -> FetchResult:
    if not info.url:
        return FetchResult(id=info.id, url="", ok=False, error="no public copy known: upload the text if you hold it")
    request = urllib.request.Request(info.url, headers={"User-Agent": "planassist corpus fetch"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (catalogued URLs)
            data = response.read(200 * 1024 * 1024)
    except (urllib.error.URLError, OSError, ValueError) as err:
        reason = getattr(err, "reason", err)
        return FetchResult(id=info.id, url=info.url, ok=False, error=f"could not reach {info.url}: {reason}")
    kind = sniff(data)
    if kind not in ("pdf", "html"):
        return FetchResult(id=info.id, url=info.url, ok=False, error=f"{info.url} returned {kind}, not a PDF or HTML page")
    target.mkdir(parents=True, exist_ok=True)
    path = target / f"{info.id}.{kind}"
    path.write_bytes(data)
    return FetchResult(id=info.id, url=info.url, ok=True, path=str(path))
