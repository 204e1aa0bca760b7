"""Sentence vectors shared through a Chroma server, so a second app machine does not embed them again.

App machines that share one Chroma server each keep the sentence index in their own index folder.
The passages and the generation marker come from the server, but the sentence vectors used to come
only from the writer's local cache file: a machine whose folder is not shared embedded every quotable
sentence again on its first question (60,626 sentences, about 451 s, for the 318-report library on
2 cores). The writer now also puts the vectors it computes into a second collection on the server,
keyed by each sentence's content hash, and a reader takes them from there, embedding only what is
missing. Embedded Chroma needs none of this — the cache file is on the same disk — so
:meth:`SharedVectors.for_store` returns None there.

>>> shared = SharedVectors.for_store(store, settings)          # doctest: +SKIP
>>> shared.get(["3f2a…"])                                       # doctest: +SKIP
{'3f2a…': array([...], dtype=float32)}
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from assistant.index.store import Store
    from assistant.settings import Settings

SUFFIX = "-sentence-vectors"
PAGE = 1000


class SharedVectors:
    """Sentence vectors by content hash in a collection beside the passages."""

    def __init__(self, collection):
        self.collection = collection

    @classmethod
    def for_store(cls, store: Store, settings: Settings) -> SharedVectors | None:
        """The shared vectors of this store when it is a Chroma server; None for an embedded store."""
        if not settings.chroma_host:
            return None
        # Read by id, never searched: a sparse graph keeps the server's index building cheap.
        return cls(store.client.get_or_create_collection(
            store.name + SUFFIX, configuration={"hnsw": {"space": "cosine", "ef_construction": 16, "max_neighbors": 4}}))

    def get(self, keys: list[str]) -> dict[str, np.ndarray]:
        """The vectors the server holds for these keys (absent keys are left out)."""
        found: dict[str, np.ndarray] = {}
        for i in range(0, len(keys), PAGE):
            got = self.collection.get(ids=keys[i : i + PAGE], include=["embeddings"])
            found.update(zip(got["ids"], np.asarray(got["embeddings"], dtype=np.float32), strict=True))
        return found

    def put(self, vectors: dict[str, np.ndarray]) -> None:
        """Store these vectors (a key already there gets the same vector again: it is the same sentence)."""
        keys = list(vectors)
        for i in range(0, len(keys), PAGE):
            page = keys[i : i + PAGE]
            self.collection.upsert(ids=page, embeddings=np.stack([vectors[k] for k in page]))
