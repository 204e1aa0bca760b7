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
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, Field

MISSING = -1
"""Chroma stores no nulls: this stands for an absent year, paragraph or page number."""
_OPTIONAL_INTS = ("year", "para_start", "para_end", "page_start", "page_end")


class ChunkMeta(BaseModel):
    """The metadata of one stored passage: its document, where it sits in it, and the file it came from."""

    doc_id: str
    title: str = ""
    short: str = Field("", description="How UN staff cite the document, e.g. 'S/2012/765' or 'IPI 2013'.")
    symbol: str = ""
    type: str = "document"
    status: str = Field("current", description="current or superseded.")
    superseded_by: str = ""
    year: int | None = None
    origin: str = Field("corpus", description="corpus, catalogue, library or upload.")
    source_path: str = ""
    file_sha256: str = ""
    doc_chunks: int = Field(0, description="How many chunks the document has (a killed ingest leaves fewer).")
    seq: int = Field(0, description="Position of the chunk in its document, from 0.")
    heading: str = ""
    locator: str = Field("", description="Where in the document: 'para. 23', 'pp. 4–5', a section title...")
    para_start: int | None = None
    para_end: int | None = None
    page_start: int | None = None
    page_end: int | None = None

    def to_chroma(self) -> dict[str, str | int]:
        """Flat metadata for Chroma, with :data:`MISSING` for every absent number."""
        data = self.model_dump()
        for key in _OPTIONAL_INTS:
            if data[key] is None:
                data[key] = MISSING
        return data

    @classmethod
    def from_chroma(cls, data: Mapping[str, Any]) -> ChunkMeta:
        """Read Chroma metadata back (:data:`MISSING` becomes None)."""
        values = dict(data)
        for key in _OPTIONAL_INTS:
            if values.get(key) == MISSING:
                values[key] = None
        return cls.model_validate(values)


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
    quoted text stays the verbatim passage.
    """
    return f"{meta.title} ({meta.short}) {meta.heading}\n{text}"
