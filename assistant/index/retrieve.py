"""Hybrid retrieval: dense (Chroma) + lexical (BM25), fused by weighted reciprocal rank.

Queries are expanded with the glossary first (ISF <-> Integrated Strategic Framework); the dense side
embeds the question and its expanded form and averages the two (:meth:`Retriever.query_vector`).
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

from assistant.citation import SOURCE_TYPES, Citation, format_citation
from assistant.corpus.glossary import Glossary, load_glossary
from assistant.corpus.manifest import load_manifest
from assistant.index.described import rest_of_query
from assistant.index.embeddings import Encoder, encoder_for
from assistant.index.fusion import ranked, reciprocal_rank_fusion
from assistant.index.lexical import LexicalIndex
from assistant.index.lexical_snapshot import LexicalSnapshot
from assistant.index.sentences import SentenceIndex
from assistant.index.shared_vectors import SharedVectors
from assistant.index.store import MISSING, Record, Store
from assistant.settings import Settings, get_settings

Mode = Literal["hybrid", "dense", "lexical"]
EMPTY = "empty"  # generation of the snapshot before the first search: nothing loaded yet


class Filters(BaseModel):
    """Restrict retrieval; every field optional."""

    doc_ids: list[str] | None = Field(None, description="Only these document ids.")
    types: list[str] | None = Field(None, description="Only these document types (report, policy...).")
    year_from: int | None = Field(None, ge=0, le=9999, description="Documents dated this year or later.")
    year_to: int | None = Field(None, ge=0, le=9999, description="Documents dated this year or earlier.")
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
        """How the passage is cited in text: 'S/2012/765, para. 23'."""
        return format_citation(self.short, self.locator)

    def citation(self, n: int) -> Citation:
        """This passage as source number n of an answer, draft or quiz."""
        return Citation(n=n, chunk_id=self.chunk_id, doc_id=self.doc_id, title=self.title, short=self.short,
                        locator=self.locator, quote=self.text, status=self.status, superseded_by=self.superseded_by,
                        source_type=SOURCE_TYPES.get(self.type, SOURCE_TYPES["document"]))


def _hit(record: Record, rank: int, score: float, similarity: float) -> Hit:
    m = record.meta
    return Hit(rank=rank, chunk_id=record.id, doc_id=m.doc_id, title=m.title, short=m.short, locator=m.locator,
               score=round(score, 6), similarity=round(similarity, 4), text=record.text, heading=m.heading,
               type=m.type, status=m.status, superseded_by=m.superseded_by, seq=m.seq, ocr=m.ocr)


class Retriever:
    """Holds the store, encoder, glossary and the lexical snapshot of the store's current generation.

    Nothing heavy happens on construction: the snapshot is opened on the first search
    (memory-mapped from disk when saved), and the encoder loads on the first query.
    """

    def __init__(self, settings: Settings, store: Store, encoder: Encoder, glossary: Glossary):
        self.settings = settings
        self.store = store
        self.encoder = encoder
        self.glossary = glossary
        self._lock = threading.Lock()
        self.snapshot = LexicalSnapshot.build([], EMPTY)
        self._sentences: tuple[str, SentenceIndex] | None = None
        self._documents: tuple[str, list[str]] = ("", [])

    @classmethod
    def open(cls, settings: Settings | None = None) -> "Retriever":
        """A retriever on the configured store, encoder and glossary."""
        settings = settings or get_settings()
        encoder = encoder_for(settings)
        return cls(settings, Store.open(settings, encoder), encoder, load_glossary(settings.corpus_dir))

    # --- keeping the lexical side in step ----------------------------------------------
    def refresh(self, force: bool = False) -> None:
        """Open the lexical snapshot of the store's generation when it changed (an ingest in any process)."""
        generation = self.store.generation()
        if not force and generation == self.snapshot.generation:
            return
        with self._lock:
            if force or generation != self.snapshot.generation:
                self.store = self.store.follow(generation, self.settings)
                self.snapshot = LexicalSnapshot.open(self.store, self.settings, generation)

    @property
    def lexical(self) -> LexicalIndex:
        """The BM25 index of the current snapshot."""
        return self.snapshot.lexical

    @property
    def row(self) -> dict[str, int]:
        """Row of each chunk id in the current snapshot's records."""
        return self.snapshot.row

    @property
    def records(self) -> list[Record]:
        """Every passage in (document, sequence) order; read from the snapshot on first use."""
        try:
            return self.snapshot.records
        except OSError:  # the snapshot's folder was replaced by a newer generation
            self.refresh(force=True)
            return self.snapshot.records

    @property
    def sentences(self) -> SentenceIndex:
        """The sentence index of the passages the last search loaded (opened or built on first use).

        It follows the loaded snapshot instead of reading the marker again: an answer reads it about
        eight times a question, and each marker read is a Chroma round trip (a quarter of an answer's
        time, profiled 2026-11-26); :meth:`search` reads the marker once a question.
        """
        if self.snapshot.generation == EMPTY:
            self.refresh()
        generation = self.snapshot.generation
        with self._lock:
            if self._sentences is None or self._sentences[0] != generation:
                shared = SharedVectors.for_store(self.store, self.settings)
                self._sentences = (generation, SentenceIndex.open(lambda: self.records, self.encoder, self.settings.index_dir,
                                                                    self.snapshot.folder, shared))
            return self._sentences[1]

    def query_vector(self, query: str, expanded: str | None = None) -> np.ndarray:
        """The query's vector: the mean of the question's own and its glossary-expanded form's, normalised.

        The expansion appends long names ('… United Nations Integrated Mission in Timor-Leste'), which pull the
        vector toward the name and away from what is asked; the question alone loses acronyms the model does
        not know. The mean keeps both (measured in docs/evaluation.md, seventh pass)."""
        expanded = self.glossary.expand(query) if expanded is None else expanded
        vector = self.encoder.query_vector(expanded)
        if expanded == query:
            return vector
        both = vector + self.encoder.query_vector(query)
        return both / float(np.linalg.norm(both))

    def allowed_rows(self, filters: Filters | None) -> np.ndarray | None:
        """A 0/1 weight per passage row for these filters (None: all allowed)."""
        return self._mask(filters) if filters else None

    def hit_for_row(self, row: int, rank: int, vector: np.ndarray) -> Hit:
        """A passage found through one of its sentences, as a citable hit."""
        record = self.records[row]
        similarity: dict[str, float] = {}
        self._fill_similarity([record.id], vector, similarity)
        return _hit(record, rank, 0.0, similarity.get(record.id, 0.0))

    def _mask(self, filters: Filters) -> np.ndarray | None:
        if filters.where() is None:
            return None
        a = self.snapshot.columns
        keep = np.ones(len(self.snapshot), dtype=bool)
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
    def search(self, query: str, k: int | None = None, filters: Filters | None = None, mode: Mode = "hybrid",
               by_sentence: bool = True) -> list[Hit]:
        """The k best passages for the query.

        ``hybrid`` fuses passages ranked by dense similarity, by BM25 and by their best sentence (dense and BM25,
        :meth:`SentenceIndex.passage_rankings`), and a document the query names by description ranked for the rest of
        it (:mod:`described`). ``by_sentence=False`` keeps the first two: the answerer searches sentences itself,
        and its scorer was fitted on those passage ranks (docs/evaluation.md)."""
        self.refresh()
        k = k or self.settings.top_k
        filters = filters or Filters()
        expanded = self.glossary.expand(query)
        vector = self.query_vector(query, expanded)
        n = max(self.settings.candidates, k)
        rankings, weights, similarity = self._rankings(expanded, vector, n, filters, mode, by_sentence)
        if mode == "hybrid" and by_sentence and self.settings.described_weight > 0:
            inside = rest_of_query(query, load_manifest(self.settings.corpus_dir), self._held(), filters.doc_ids)
            if inside is not None:
                asked, docs = inside
                named = filters.model_copy(update={"doc_ids": docs})
                wide = self.glossary.expand(asked)
                inner = self._rankings(wide, self.query_vector(asked, wide), n, named, mode, True)
                scores = reciprocal_rank_fusion(inner[0], inner[1], self.settings.rrf_k)
                rankings.append(ranked(scores, n))
                weights.append(self.settings.described_weight)
        return self._fuse(rankings, weights, similarity, vector, k)

    def _held(self) -> list[str]:
        """Ids of the documents in the loaded snapshot (once per generation: a sort of every passage's id)."""
        if self._documents[0] != self.snapshot.generation:
            held = np.unique(self.snapshot.columns["doc_id"]).tolist() if len(self.snapshot) else []
            self._documents = (self.snapshot.generation, held)
        return self._documents[1]

    def _rankings(self, expanded: str, vector: np.ndarray, n: int, filters: Filters, mode: Mode,
                  by_sentence: bool) -> tuple[list[list[str]], list[float], dict[str, float]]:
        """The ranked passage-id lists to fuse, their weights, and the dense similarities already known."""
        s = self.settings
        rankings: list[list[str]] = []
        weights: list[float] = []
        similarity: dict[str, float] = {}
        if mode in ("hybrid", "dense") and len(self.snapshot):
            dense = self.store.dense(vector.tolist(), k=min(n, len(self.snapshot)), where=filters.where())
            similarity = dict(dense)
            rankings.append([cid for cid, _ in dense])
            weights.append(s.dense_weight)
        if mode in ("hybrid", "lexical"):
            rankings.append([self.snapshot.ids[row] for row, _ in self.lexical.search(expanded, n, self._mask(filters))])
            weights.append(s.lexical_weight)
        if mode == "hybrid" and by_sentence and len(self.snapshot):
            by_best = self.sentences.passage_rankings(expanded, vector, n, self.allowed_rows(filters))
            for rows, weight in zip(by_best, (s.sentence_dense_weight, s.sentence_lexical_weight), strict=True):
                if weight > 0:
                    rankings.append([self.snapshot.ids[row] for row in rows])
                    weights.append(weight)
        return rankings, weights, similarity

    def _records(self, ids: list[str]) -> dict[str, Record]:
        """Records of these ids: from memory when the snapshot's texts are loaded, else one store read."""
        if self.snapshot._records is not None:
            found = {i: self.snapshot._records[self.row[i]] for i in ids if i in self.row}
        else:
            found = {}
        missing = [i for i in ids if i not in found]
        if missing:
            found.update({r.id: r for r in self.store.get(missing)})
        return found

    def _status(self, cid: str) -> str:
        row = self.row.get(cid)
        return self.snapshot.columns["status"][row] if row is not None else ""

    def _fuse(self, rankings: list[list[str]], weights: list[float], similarity: dict[str, float], vector: np.ndarray,
              k: int) -> list[Hit]:
        s = self.settings
        scores = reciprocal_rank_fusion(rankings, weights, s.rrf_k)
        unknown = [c for c in scores if c not in self.row]  # written by another process since the snapshot
        status = {r.id: r.meta.status for r in self.store.get(unknown)} if unknown else {}
        for cid in scores:
            if (status.get(cid) or self._status(cid)) == "superseded":
                scores[cid] *= s.superseded_penalty
        order = ranked(scores)
        records = self._records(order[: k + len(unknown)])
        best = [c for c in order if c in records][:k]  # a passage deleted since the snapshot is left out
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
        docs = self.snapshot.columns["doc_id"]
        lo, hi = max(0, row - width), min(len(self.snapshot), row + width + 1)
        ids = [self.snapshot.ids[i] for i in range(lo, hi) if docs[i] == docs[row]]
        records = self._records(ids)
        return [records[i] for i in ids if i in records]

    def timed_search(self, query: str, **kwargs) -> tuple[list[Hit], float]:
        """``search`` and the milliseconds it took."""
        started = time.perf_counter()
        hits = self.search(query, **kwargs)
        return hits, round((time.perf_counter() - started) * 1000, 2)


@lru_cache(maxsize=1)
def get_retriever() -> Retriever:
    """The process-wide retriever on the process-wide settings."""
    return Retriever.open(get_settings())
