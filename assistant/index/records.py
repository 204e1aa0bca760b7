"""What the store holds for each passage: :class:`ChunkMeta` (typed metadata) and :class:`Record`.

Ingest writes a ``ChunkMeta`` per chunk; the store turns it into Chroma's flat metadata
(``to_chroma``: no nulls, so -1 stands for "none") and back (``from_chroma``); retrieval, the
library listing and the store read typed fields, never ``dict.get`` with a guessed default.

>>> meta = ChunkMeta(doc_id="ipi-2013", title="Driving the System Apart", short="IPI 2013", seq=0)
>>> meta.to_chroma()["year"]
-1
>>> ChunkMeta.from_chroma(meta.to_chroma()) == meta
True
>>> search_text("The ISF is shared.", meta)
'Driving the System Apart (IPI 2013) \\nThe ISF is shared.'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

MISSING = -1
"""Chroma stores no nulls: this stands for an absent year, paragraph or page number."""
_OPTIONAL_INTS = ("year", "para_start", "para_end", "page_start", "page_end")


@dataclass(slots=True)
class ChunkMeta:
    """The metadata of one stored passage: its document, where it sits in it, and the file it came from.

    A slotted dataclass, not a pydantic model: every refresh reads one per stored chunk (18,376 for
    the 318-report library), and validating each cost about ten times the dict it replaces. The
    types are checked by mypy where ingest builds it; the store is the only other writer.
    """

    doc_id: str
    title: str = ""
    short: str = ""  # how UN staff cite the document, e.g. 'S/2012/765' or 'IPI 2013'
    symbol: str = ""
    type: str = "document"
    status: str = "current"  # current or superseded
    superseded_by: str = ""
    year: int | None = None
    origin: str = "corpus"  # corpus, catalogue, library or upload
    source_path: str = ""
    file_sha256: str = ""
    doc_chunks: int = 0  # how many chunks the document has (a killed ingest leaves fewer)
    seq: int = 0  # position of the chunk in its document, from 0
    heading: str = ""
    locator: str = ""  # where in the document: 'para. 23', 'pp. 4–5', a section title...
    para_start: int | None = None
    para_end: int | None = None
    page_start: int | None = None
    page_end: int | None = None
    # text cleaning: footnotes as their own units, linked to the citing passage; OCR text
    kind: str = "text"  # 'text', or 'footnote' for a note body stored as its own unit
    footnote: str = ""  # the note's label, for a footnote unit ('12', '*')
    notes: str = ""  # labels of the notes the passage cites, comma-separated ('4,5')
    cited_by: str = ""  # for a footnote unit: id of the passage whose marker cites it
    ocr: bool = False  # the text was read by OCR from a scanned page
    pipeline: str = ""  # version of the text pipeline (loaders, cleaning, chunking) that cut this passage

    def to_chroma(self) -> dict[str, str | int]:
        """Flat metadata for Chroma, with :data:`MISSING` for every absent number."""
        data = {name: getattr(self, name) for name in _FIELDS}
        for key in _OPTIONAL_INTS:
            if data[key] is None:
                data[key] = MISSING
        return data

    @classmethod
    def from_chroma(cls, data: Mapping[str, Any]) -> ChunkMeta:
        """Read Chroma metadata back (:data:`MISSING` becomes None; keys this version does not know are ignored)."""
        try:
            meta = cls(**data)
        except TypeError:  # written by another version: keep the keys this one knows
            meta = cls(**{k: v for k, v in data.items() if k in _FIELDS})
        for key in _OPTIONAL_INTS:
            if getattr(meta, key) == MISSING:
                setattr(meta, key, None)
        return meta


_FIELDS = frozenset(f.name for f in fields(ChunkMeta))


@dataclass
class Record:
    """One stored passage: id, verbatim text and its metadata."""

    id: str
    text: str
    meta: ChunkMeta


def search_text(text: str, meta: ChunkMeta) -> str:
    """What gets embedded and BM25-indexed: the passage under a header naming its document and section.

    A bare passage often never names its mission or document ("the Mission closes..."); the
    header puts the title, short citation and heading into both retrievers. It raised hybrid
    recall@5 from 0.900 to 0.933 on evals/retrieval.jsonl (docs/evaluation.md). The stored,
    quoted text stays the verbatim passage. A footnote unit gets only its section heading: under
    the full header a two-line note matched every question naming the document (notes took nine
    of the ten nearest passages for "What did the IPI study recommend on joint analysis units?").
    """
    return f"{search_header(meta)}\n{text}"


def search_header(meta: ChunkMeta) -> str:
    """The header line of :func:`search_text`: title, short citation and heading (a footnote: its heading only)."""
    if meta.kind == "footnote":
        return meta.heading
    return f"{meta.title} ({meta.short}) {meta.heading}"
