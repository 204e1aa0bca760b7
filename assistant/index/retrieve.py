"""Hybrid retrieval: dense (Chroma) + lexical (BM25), fused by weighted reciprocal rank.

Queries are expanded with the glossary first (ISF <-> Integrated Strategic Framework).
Filters — documents, types, year range, current-only — apply to both retrievers: a
Chroma ``where`` for the dense side and a 0/1 mask for BM25. Superseded documents are
kept but ranked lower, so a current text wins when both match.

>>> r = Retriever.open(Settings())                                  # doctest: +SKIP
>>> [h.label for h in r.search("What must an ISF contain?", k=2)]   # doctest: +SKIP
['IPI 2013', ...]
"""

from __future__ import annotations

import threading
import time
from functools import lru_cache
from typing import Literal

import numpy as np
from pydantic import BaseModel, Field

from assistant.citation import Citation, format_citation
from assistant.corpus.glossary import Glossary, load_glossary
from assistant.index.embeddings import Encoder, get_encoder
from assistant.index.fusion import ranked, reciprocal_rank_fusion
from assistant.index.ingest import GENERATION_FILE
from assistant.index.lexical import LexicalIndex
from assistant.index.store import MISSING, Record, Store, search_text
from assistant.settings import Settings, get_settings

Mode = Literal["hybrid", "dense", "lexical"]


class Filters(BaseModel):
    """Restrict retrieval; every field optional."""

    doc_ids: list[str] | None = Field(None, description="Only these document ids.")
    types: list[str] | None = Field(None, description="Only these document types (report, policy...).")
    year_from: int | None = Field(None, description="Documents dated this year or later.")
    year_to: int | None = Field(None, description="Documents dated this year or earlier.")
    current_only: bool = Field(False, description="Leave out superseded documents.")

    def where(self) -> dict | None:
        """The Chroma metadata filter."""
        clauses: list[dict] = []
        if self.doc_ids:
            clauses.append({"doc_id": {"$in": list(self.doc_ids)}})
        if self.types:
            clauses.append({"type": {"$in": list(self.types)}})
        if self.year_from is not None:
            clauses.append({"year": {"$gte": self.year_from}})
        if self.year_to is not None:
            clauses.append({"year": {"$lte": self.year_to}})
        if self.year_from is not None and self.year_to is None:
            clauses.append({"year": {"$ne": MISSING}})
        if self.current_only:
            clauses.append({"status": {"$eq": "current"}})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}


class SearchResult(BaseModel):
    """One search result as CLI ``--json`` and the API return it."""

    rank: int
    chunk_id: str
    doc_id: str
    title: str
    locator: str
    score: float = Field(description="Fused score (higher is better).")
    text: str


class SearchResponse(BaseModel):
    """The results of one query (CLI ``search --json`` lines and ``POST /api/search``)."""

    query: str
    took_ms: float
    results: list[SearchResult]


class Hit(SearchResult):
    """One retrieved passage, ready to cite."""

    short: str
    similarity: float = Field(description="Cosine similarity of passage and query.")
    heading: str = ""
    type: str = ""
    status: str = "current"
    superseded_by: str = ""
    seq: int = 0
    ocr: bool = Field(False, description="The passage was read by OCR from a scanned page.")

    @property
    def label(self) -> str:
        return format_citation(self.short, self.locator)

    def citation(self, n: int) -> Citation:
        """This passage as source number n of an answer, draft or quiz."""
        return Citation(n=n, chunk_id=self.chunk_id, doc_id=self.doc_id, title=self.title, short=self.short,
                        locator=self.locator, quote=self.text, status=self.status, superseded_by=self.superseded_by)


def _hit(record: Record, rank: int, score: float, similarity: float) -> Hit:
    m = record.meta
    return Hit(rank=rank, chunk_id=record.id, doc_id=m.doc_id, title=m.title, short=m.short, locator=m.locator,
               score=round(score, 6), similarity=round(similarity, 4), text=record.text, heading=m.heading,
               type=m.type, status=m.status, superseded_by=m.superseded_by, seq=m.seq, ocr=m.ocr)


class Retriever:
    """Holds the store, encoder, glossary and an in-memory BM25 index kept in step with the store."""

    def __init__(self, settings: Settings, store: Store, encoder: Encoder, glossary: Glossary):
        self.settings = settings
        self.store = store
        self.encoder = encoder
        self.glossary = glossary
        self._lock = threading.Lock()
        self._generation: str | None = None
        self.records: list[Record] = []
        self.row: dict[str, int] = {}
        self.lexical = LexicalIndex.build([])
        self._meta_arrays: dict[str, np.ndarray] = {}

    @classmethod
    def open(cls, settings: Settings | None = None) -> "Retriever":
        settings = settings or get_settings()
        encoder = get_encoder(settings.embedding_model, settings.device, settings.embedding_batch_size)
        return cls(settings, Store.open(settings, encoder), encoder, load_glossary(settings.corpus_dir))

    # --- keeping the lexical side in step ----------------------------------------------
    def _current_generation(self) -> str:
        path = self.settings.index_dir / GENERATION_FILE
        return path.read_text() if path.exists() else "none"

    def refresh(self, force: bool = False) -> None:
        """Rebuild BM25 from the store when an ingest (in any process) changed it."""
        generation = self._current_generation()
        if not force and generation == self._generation:
            return
        with self._lock:
            if not force and generation == self._generation:
                return
            records = self.store.all_records()
            records.sort(key=lambda r: (r.meta.doc_id, r.meta.seq))
            texts = [search_text(r.text, r.meta) for r in records]
            self.lexical = LexicalIndex.build(texts)
            self.records = records
            self.row = {r.id: i for i, r in enumerate(records)}
            self._meta_arrays = {
                "doc_id": np.array([r.meta.doc_id for r in records], dtype=object),
                "type": np.array([r.meta.type for r in records], dtype=object),
                "year": np.array([MISSING if r.meta.year is None else r.meta.year for r in records], dtype=np.int64),
                "status": np.array([r.meta.status for r in records], dtype=object),
            }
            self._generation = generation

    def _mask(self, filters: Filters) -> np.ndarray | None:
        if filters.where() is None:
            return None
        a = self._meta_arrays
        keep = np.ones(len(self.records), dtype=bool)
        if filters.doc_ids:
            keep &= np.isin(a["doc_id"], list(filters.doc_ids))
        if filters.types:
            keep &= np.isin(a["type"], list(filters.types))
        if filters.year_from is not None:
            keep &= (a["year"] >= filters.year_from) & (a["year"] != MISSING)
        if filters.year_to is not None:
            keep &= a["year"] <= filters.year_to
        if filters.current_only:
            keep &= a["status"] == "current"
        return keep.astype(np.float32)

    # --- search ------------------------------------------------------------------------
    def search(self, query: str, k: int | None = None, filters: Filters | None = None, mode: Mode = "hybrid") -> list[Hit]:
        """The k best passages for the query."""
        self.refresh()
        k = k or self.settings.top_k
        filters = filters or Filters()
        expanded = self.glossary.expand(query)
        n = max(self.settings.candidates, k)
        vector = self.encoder.query_vector(expanded)
        dense: list[tuple[str, float]] = []
        lexical: list[tuple[int, float]] = []
        if mode in ("hybrid", "dense") and self.records:
            dense = self.store.dense(vector.tolist(), k=min(n, len(self.records)), where=filters.where())
        if mode in ("hybrid", "lexical"):
            lexical = self.lexical.search(expanded, n, self._mask(filters))
        return self._fuse(dense, lexical, vector, k)

    def _records(self, ids: list[str]) -> dict[str, Record]:
        """Records from memory; any written by another process since the last refresh, from the store."""
        found = {i: self.records[self.row[i]] for i in ids if i in self.row}
        missing = [i for i in ids if i not in found]
        if missing:
            found.update({r.id: r for r in self.store.get(missing)})
        return found

    def _fuse(self, dense: list[tuple[str, float]], lexical: list[tuple[int, float]], vector: np.ndarray, k: int) -> list[Hit]:
        s = self.settings
        records = self._records([cid for cid, _ in dense])
        dense = [(cid, sim) for cid, sim in dense if cid in records]  # deleted since the last refresh
        similarity = dict(dense)
        lexical_ids = [self.records[row].id for row, _ in lexical]
        for row, _ in lexical:
            records.setdefault(self.records[row].id, self.records[row])
        scores = reciprocal_rank_fusion([[cid for cid, _ in dense], lexical_ids], [s.dense_weight, s.lexical_weight], s.rrf_k)
        for cid, record in records.items():
            if record.meta.status == "superseded":
                scores[cid] *= s.superseded_penalty
            if record.meta.kind == "footnote":
                scores[cid] *= s.footnote_penalty
        best = ranked(scores, k)
        self._fill_similarity([c for c in best if c not in similarity], vector, similarity)
        return [_hit(records[c], i + 1, scores[c], similarity[c]) for i, c in enumerate(best)]

    def _fill_similarity(self, ids: list[str], vector: np.ndarray, similarity: dict[str, float]) -> None:
        if not ids:
            return
        for cid, emb in self.store.embeddings(ids).items():
            similarity[cid] = float(np.dot(emb, vector))

    def neighbours(self, chunk_id: str, width: int = 1) -> list[Record]:
        """The passage with the ones before and after it in its document (to read in context)."""
        self.refresh()
        row = self.row.get(chunk_id)
        if row is None:
            return self.store.get([chunk_id])
        doc = self.records[row].meta.doc_id
        lo, hi = max(0, row - width), min(len(self.records), row + width + 1)
        return [r for r in self.records[lo:hi] if r.meta.doc_id == doc]

    def timed_search(self, query: str, **kwargs) -> tuple[list[Hit], float]:
        started = time.perf_counter()
        hits = self.search(query, **kwargs)
        return hits, round((time.perf_counter() - started) * 1000, 2)


@lru_cache(maxsize=1)
def get_retriever() -> Retriever:
    """The process-wide retriever on the process-wide settings."""
    return Retriever.open(get_settings())
