"""Sentence vectors on disk, by content hash: ``<index_dir>/sentence_vectors.npz``.

Ingest fills it while it pools passage vectors from their sentences
(:mod:`assistant.index.pooling`); the sentence index reads it, so a sentence is embedded once.
Each vector keeps its pooling weight (token count × length of the mean-pooled state); a file
written before weights were kept loads with NaN weights, and pooling embeds those sentences again.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> save(folder / "v.npz", {"a": np.ones(2, dtype=np.float32)}, {"a": 3.0})
>>> vectors, weights = load(folder / "v.npz")
>>> vectors["a"].tolist(), weights["a"]
([1.0, 1.0], 3.0)
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import numpy as np

FILE = "sentence_vectors.npz"


def key(text: str) -> str:
    """The cache key of a text: SHA-1 of its UTF-8 bytes."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def load(path: Path) -> tuple[dict[str, np.ndarray], dict[str, float]]:
    """Vectors and weights by key; empty when the file is missing or damaged (its vectors are embedded again)."""
    if not path.exists():
        return {}, {}
    try:
        with np.load(path) as data:
            keys = data["keys"].tolist()
            vectors = dict(zip(keys, data["vectors"], strict=True))
            weights = data["weights"].tolist() if "weights" in data.files else [float("nan")] * len(keys)
            return vectors, dict(zip(keys, weights, strict=True))
    except (OSError, ValueError, KeyError):
        return {}, {}


def save(path: Path, vectors: dict[str, np.ndarray], weights: dict[str, float]) -> None:
    """Write atomically (another process may be reading the file); a key without a weight gets NaN."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp.npz")
    keys = list(vectors)
    stacked = np.stack([vectors[k] for k in keys]) if keys else np.zeros((0, 0))
    np.savez(tmp, keys=np.array(keys, dtype=str), vectors=stacked.astype(np.float32),
             weights=np.array([weights.get(k, np.nan) for k in keys], dtype=np.float32))
    os.replace(tmp, path)
