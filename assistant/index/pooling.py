"""Passage vectors pooled from their sentences: one encoder pass serves passages and the sentence index.

The answerer needs every quotable sentence embedded on its own (:mod:`assistant.index.sentences`);
embedding each passage as well encoded the same text twice (451 s of the 318-report library's
1,243 s). Instead each passage's vector is the mean of the token states of its pieces — its
header line (:func:`search_header`) and its sentences — each piece encoded alone: the sum of the
pieces' unit vectors weighted by token count × length of the mean-pooled state, normalised. On the
default corpus this retrieves as well as whole-passage vectors (docs/evaluation.md, "Passage vectors
pooled from sentences"); the sentence vectors are the standalone ones the answer scorer was fitted on.

>>> from tests.fakes import FakeEncoder                                    # doctest: +SKIP
>>> pooled = PassageVectors(FakeEncoder(), Path("/tmp/index"))            # doctest: +SKIP
>>> pooled.vectors(["The ISF is shared."], [ChunkMeta(doc_id="d", title="T", short="S")]).shape  # doctest: +SKIP
(1, 64)
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from assistant.index import vector_cache
from assistant.index.records import ChunkMeta, search_header

if TYPE_CHECKING:
    from assistant.index.embeddings import Encoder
    from assistant.index.shared_vectors import SharedVectors

KIND = "pooled-sentences-1"  # kept in the collection's metadata: a store embedded another way is embedded again


def pieces(text: str, meta: ChunkMeta, units: list[tuple[str, bool]] | None = None) -> list[str]:
    """What one passage's vector is pooled from: its header line, then its sentences (quotable or not).

    ``units`` is the passage already split (:func:`~assistant.index.sentences.passage_units`), if it was.
    """
    if units is None:
        from assistant.index.sentences import passage_units  # with bm25s: only once something is embedded

        units = passage_units(text)
    return [p for p in (search_header(meta), *(s for s, _ in units)) if p.strip()]


class PassageVectors:
    """Pools passage vectors for one ingest run, reusing and then saving sentence vectors by content hash."""

    def __init__(self, encoder: Encoder, index_dir: Path):
        self.encoder = encoder
        self.path = index_dir / vector_cache.FILE
        self._vectors: dict[str, np.ndarray] | None = None
        self._weights: dict[str, float] = {}
        self.fresh: set[str] = set()
        self.units: dict[str, list[tuple[str, bool]]] = {}  # each passage split once: the sentence index reuses it

    def vectors(self, texts: list[str], metas: list[ChunkMeta]) -> np.ndarray:
        """One unit vector per passage; pieces not seen before (with a weight) are encoded in one batch."""
        from assistant.index.sentences import passage_units, quotable

        for text in texts:
            self.units[text] = passage_units(text)
        groups = [{vector_cache.key(p): p for p in pieces(t, m, self.units[t])}  # hashed once
                  for t, m in zip(texts, metas, strict=True)]
        known, weights = self._known()
        todo = {k: p for g in groups for k, p in g.items() if not np.isfinite(weights.get(k, np.nan))}
        if todo:
            fresh, fresh_weights = self.encoder.encode_weighted(list(todo.values()))
            for (k, text), vector, weight in zip(todo.items(), fresh, fresh_weights, strict=True):
                known[k], weights[k] = vector, float(weight)
                if quotable(text):
                    self.fresh.add(k)
        out = np.empty((len(groups), self.encoder.dimension), dtype=np.float32)
        for row, group in enumerate(groups):
            summed = np.sum([known[k] * weights[k] for k in group], axis=0)
            out[row] = summed / max(float(np.linalg.norm(summed)), 1e-12)
        return out

    def save(self, shared: SharedVectors | None = None) -> None:
        """Keep the quotable sentences' vectors for the sentence index (and, on a Chroma server, for other machines)."""
        if not self.fresh:
            return
        known, weights = self._known()
        old, old_weights = vector_cache.load(self.path)  # another writer's vectors since we read it stay
        keep = {**old, **{k: known[k] for k in self.fresh}}
        vector_cache.save(self.path, keep, {**old_weights, **{k: weights[k] for k in self.fresh}})
        if shared is not None:
            shared.put({k: known[k] for k in self.fresh})
        self.fresh.clear()

    def _known(self) -> tuple[dict[str, np.ndarray], dict[str, float]]:
        if self._vectors is None:  # read once, and only when something is embedded
            self._vectors, self._weights = vector_cache.load(self.path)
        return self._vectors, self._weights
