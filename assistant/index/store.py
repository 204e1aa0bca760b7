"""The vector store: one Chroma collection, embedded on disk or on a Chroma server.

The same code serves both: ``PLANASSIST_CHROMA_HOST`` unset gives an embedded
``PersistentClient`` under ``indexes/chroma``; set, an ``HttpClient`` to ``chroma run``.
Telemetry is off either way. Records are keyed by chunk content hash, so an upsert of a
passage the store already has changes nothing and costs no embedding. Every call on the
Chroma collection is a method here; metadata goes in and comes out as :class:`ChunkMeta`.

The chromadb client is used directly rather than through langchain-chroma's ``Chroma``: the
hybrid retriever needs ids-only queries, paged metadata scans and metadata-only updates, which
that wrapper does not expose; :class:`assistant.index.langchain_retriever.HybridRetriever` is the LangChain face.

>>> store = Store.open(Settings(), get_encoder())                 # doctest: +SKIP
>>> store.count()                                                 # doctest: +SKIP
1064
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from assistant.index.embeddings import Encoder
from assistant.index.records import MISSING, ChunkMeta, Record, search_text
from assistant.settings import Settings

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    import chromadb

__all__ = ["MISSING", "ChunkMeta", "DocState", "Record", "Store", "make_client", "search_text"]

PAGE = 5000
GENERATION_KEY = "planassist_generation"
VECTORS_KEY = "planassist_passage_vectors"
_WRITTEN_HERE: set[str] = set()  # generations this process wrote: its own Chroma system already holds them


def new_generation() -> str:
    """A fresh generation marker: nanoseconds since the epoch, so later ingests sort after earlier ones."""
    return str(time.time_ns())


@dataclass
class DocState:
    """What the store holds of one document, to decide whether a file changed."""

    chunks: int = 0
    file_sha256: set[str] = field(default_factory=set)
    declared: set[int] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)
    pipelines: set[str] = field(default_factory=set)


def make_client(settings: Settings) -> chromadb.ClientAPI:
    """An HTTP client for a Chroma server when one is configured, else the embedded on-disk store."""
    import chromadb  # here, not at module level: 1 s of imports that `--help` or a settings check need not pay
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if settings.chroma_host:
        return chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings)
    path = settings.chroma_path
    if path.exists() and not _writable(path):
        path = _read_only_copy(path)
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=chroma_settings)


def _writable(path: Path) -> bool:
    return all(os.access(p, os.W_OK) for p in (path, *path.glob("*.sqlite3")))


_COPIES: dict[Path, Path] = {}


def _read_only_copy(path: Path) -> Path:
    """A private copy of a read-only index to serve from: embedded Chroma cannot open its database read-only.

    Searches and answers work; writes go to the copy and are lost (the writers refuse first:
    see ``ingest.write_lock``).
    """
    if path not in _COPIES:
        copy = Path(tempfile.mkdtemp(prefix="planassist-readonly-")) / "chroma"
        shutil.copytree(path, copy)
        log.warning("index folder %s is read-only: serving a private copy in %s", path, copy)
        _COPIES[path] = copy
    return _COPIES[path]


def _records(ids: list[str], texts: Sequence[str] | None, metas: Sequence[Mapping[str, Any]] | None) -> list[Record]:
    texts = texts if texts is not None else [""] * len(ids)
    return [Record(i, t, ChunkMeta.from_chroma(m)) for i, t, m in zip(ids, texts, metas or [], strict=True)]


class Store:
    """Chunks with embeddings and metadata in one Chroma collection."""

    def __init__(self, client: chromadb.ClientAPI, name: str, encoder: Encoder):
        self.encoder = encoder
        self.client = client
        self.name = name
        self.collection = client.get_or_create_collection(name, configuration={"hnsw": {"space": "cosine"}})

    @classmethod
    def open(cls, settings: Settings, encoder: Encoder) -> Store:
        """Connect to the configured Chroma (embedded or server); the encoder is not loaded until something is embedded."""
        return cls(make_client(settings), settings.collection, encoder)

    # --- the generation marker: changes whenever the passages change ---------------------
    def generation(self) -> str:
        """The collection's generation marker, read afresh (another process or machine may have written since)."""
        return str(self._metadata().get(GENERATION_KEY, "none"))

    def passage_vectors(self) -> str:
        """How the stored passages were embedded ('' for a store written before this was recorded)."""
        return str(self._metadata().get(VECTORS_KEY, ""))

    def mark_passage_vectors(self, kind: str) -> None:
        """Record how the passages are embedded, in the collection metadata beside the generation."""
        self.collection.modify(metadata={**self._metadata(), VECTORS_KEY: kind})

    def _metadata(self) -> dict:
        """The collection's metadata as the server holds it now (not this handle's copy)."""
        return dict(self.client.get_collection(self.name).metadata or {})

    def bump_generation(self, generation: str | None = None) -> str:
        """Mark the passages as changed, in the collection metadata so every reader of this Chroma sees it.

        A writer that prepares files for the new generation first passes the :func:`new_generation` it used.
        """
        generation = generation or new_generation()
        self.collection.modify(metadata={**self._metadata(), GENERATION_KEY: generation})
        _WRITTEN_HERE.add(generation)
        return generation

    def follow(self, generation: str, settings: Settings) -> Store:
        """This store, able to read ``generation``: an embedded store written by another process is reopened.

        Embedded Chroma caches vector segments per process; after another process writes,
        reads of the new passages fail ("Error finding id") until the path is opened afresh.
        A Chroma server needs none of this.
        """
        if settings.chroma_host or generation in _WRITTEN_HERE or generation == "none":
            return self
        from chromadb.api.shared_system_client import SharedSystemClient

        # Forget (not stop) this path's shared system, so the next client builds a fresh one;
        # clients already holding the old one keep working on what they had.
        identifier = str(getattr(self.client, "_identifier", ""))  # chromadb internals: not in its typed API
        SharedSystemClient._identifier_to_system.pop(identifier, None)
        SharedSystemClient._identifier_to_refcount.pop(identifier, None)
        return Store(make_client(settings), self.name, self.encoder)

    def count(self) -> int:
        """How many passages the store holds."""
        return self.collection.count()

    def ids(self) -> list[str]:
        """Every stored passage id."""
        return self.collection.get(include=[])["ids"]

    def existing_ids(self, ids: list[str]) -> set[str]:
        """Which of these ids the store already holds."""
        found: set[str] = set()
        for i in range(0, len(ids), PAGE):
            found.update(self.collection.get(ids=ids[i : i + PAGE], include=[])["ids"])
        return found

    def doc_records(self, doc_id: str, limit: int | None = None) -> list[Record]:
        """The passages of one document, metadata only (text left empty)."""
        got = self.collection.get(where={"doc_id": doc_id}, include=["metadatas"], limit=limit)
        return _records(got["ids"], None, got["metadatas"])

    def first_chunks(self) -> list[ChunkMeta]:
        """The metadata of each document's first passage: one entry per stored document."""
        got = self.collection.get(where={"seq": 0}, include=["metadatas"])
        return [ChunkMeta.from_chroma(m) for m in got["metadatas"] or []]

    def doc_states(self) -> dict[str, DocState]:
        """For every stored document: file hashes, chunk count and titles its chunks carry (one paged pass).

        Reads the four keys it needs from Chroma's metadata directly: the warm re-ingest check
        scans every chunk, and building a full ChunkMeta per chunk would be most of its cost.
        """
        states: dict[str, DocState] = {}
        offset = 0
        while True:
            got = self.collection.get(limit=PAGE, offset=offset, include=["metadatas"])
            for m in got["metadatas"] or []:
                state = states.setdefault(str(m.get("doc_id", "")), DocState())
                state.chunks += 1
                state.file_sha256.add(str(m.get("file_sha256", "")))
                state.declared.add(int(str(m.get("doc_chunks", MISSING))))
                state.titles.add(str(m.get("title", "")))
                state.pipelines.add(str(m.get("pipeline", "")))
            if len(got["ids"]) < PAGE:
                return states
            offset += PAGE

    def add(self, texts: list[str], metadatas: list[ChunkMeta], ids: list[str], vectors: np.ndarray) -> None:
        """Upsert the verbatim passages with their vectors (ingest pools them, :mod:`assistant.index.pooling`)."""
        if ids:
            self.collection.upsert(ids=ids, embeddings=vectors, documents=texts,
                                   metadatas=[m.to_chroma() for m in metadatas])

    def update_metadata(self, ids: list[str], metadatas: list[ChunkMeta]) -> None:
        """Rewrite the metadata of passages the store holds (text and embedding unchanged)."""
        if ids:
            self.collection.update(ids=ids, metadatas=[m.to_chroma() for m in metadatas])

    def delete(self, ids: list[str]) -> None:
        """Remove these passages."""
        for i in range(0, len(ids), PAGE):
            self.collection.delete(ids=ids[i : i + PAGE])

    def all_records(self) -> list[Record]:
        """Every passage with its metadata, in pages (for the lexical index and listings)."""
        records: list[Record] = []
        offset = 0
        while True:
            got = self.collection.get(limit=PAGE, offset=offset, include=["documents", "metadatas"])
            records.extend(_records(got["ids"], got["documents"], got["metadatas"]))
            if len(got["ids"]) < PAGE:
                return records
            offset += PAGE

    def dense(self, vector: list[float], k: int, where: dict | None = None) -> list[tuple[str, float]]:
        """Ids of the nearest passages with cosine similarity (1 - cosine distance).

        Only ids and distances come back: the caller holds the texts and metadata in memory,
        and fetching them for 100 candidates cost 8 ms of a 10 ms query (docs/benchmarks.md).
        """
        got = self.collection.query(query_embeddings=np.asarray([vector], dtype=np.float32), n_results=k, where=where,
                                    include=["distances"])
        distances = got["distances"] or [[]]
        return [(cid, 1.0 - distance) for cid, distance in zip(got["ids"][0], distances[0], strict=True)]

    def embeddings(self, ids: list[str]) -> dict[str, np.ndarray]:
        """The stored vectors of these passages, by id."""
        got = self.collection.get(ids=ids, include=["embeddings"])
        vectors = got["embeddings"] if got["embeddings"] is not None else []
        return {cid: np.asarray(emb, dtype=np.float32) for cid, emb in zip(got["ids"], vectors, strict=True)}

    def get(self, ids: list[str]) -> list[Record]:
        """These passages with text and metadata, in the order asked (unknown ids left out)."""
        got = self.collection.get(ids=ids, include=["documents", "metadatas"])
        by_id = {r.id: r for r in _records(got["ids"], got["documents"], got["metadatas"])}
        return [by_id[i] for i in ids if i in by_id]
