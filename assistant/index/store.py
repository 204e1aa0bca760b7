"""The vector store: Chroma through langchain-chroma, embedded on disk or a Chroma server.

The same code serves both: ``PLANASSIST_CHROMA_HOST`` unset gives an embedded
``PersistentClient`` under ``indexes/chroma``; set, an ``HttpClient`` to ``chroma run``.
Telemetry is off either way. Records are keyed by chunk content hash, so an upsert of a
passage the store already has changes nothing and costs no embedding.

>>> store = Store.open(Settings(), get_encoder())                 # doctest: +SKIP
>>> store.count()                                                 # doctest: +SKIP
1064
"""

from __future__ import annotations

from dataclasses import dataclass, field

import chromadb
from chromadb.config import Settings as ChromaSettings
from langchain_chroma import Chroma

from assistant.index.embeddings import Encoder
from assistant.settings import Settings

PAGE = 5000
MISSING = -1


def search_text(text: str, meta: dict) -> str:
    """What gets embedded and BM25-indexed: the passage under a header naming its document and section.

    A bare passage often never names its mission or document ("the Mission closes..."); the
    header puts the title, short citation and heading into both retrievers. It raised hybrid
    recall@5 from 0.900 to 0.933 on evals/retrieval.jsonl (docs/evaluation.md). The stored,
    quoted text stays the verbatim passage.
    """
    return f"{meta.get('title', '')} ({meta.get('short', '')}) {meta.get('heading', '')}\n{text}"


@dataclass
class DocState:
    """What the store holds of one document, to decide whether a file changed."""

    chunks: int = 0
    file_sha256: set = field(default_factory=set)
    declared: set = field(default_factory=set)
    titles: set = field(default_factory=set)


@dataclass
class Record:
    """One stored passage: id, verbatim text and its metadata."""

    id: str
    text: str
    meta: dict


def make_client(settings: Settings) -> chromadb.ClientAPI:
    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if settings.chroma_host:
        return chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings)
    settings.chroma_path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.chroma_path), settings=chroma_settings)


def _vectorstore(settings: Settings, client: chromadb.ClientAPI, encoder: Encoder) -> Chroma:
    return Chroma(collection_name=settings.collection, embedding_function=encoder, client=client,
                  collection_configuration={"hnsw": {"space": "cosine"}})


class Store:
    """Chunks with embeddings and metadata in one Chroma collection."""

    def __init__(self, vectorstore: Chroma, client: chromadb.ClientAPI, name: str, encoder: Encoder,
                 settings: Settings | None = None):
        self.settings = settings
        self.vectorstore = vectorstore
        self.encoder = encoder
        self.client = client
        self.name = name
        self.collection = client.get_or_create_collection(name, configuration={"hnsw": {"space": "cosine"}})

    @classmethod
    def open(cls, settings: Settings, encoder: Encoder) -> "Store":
        client = make_client(settings)
        return cls(_vectorstore(settings, client, encoder), client, settings.collection, encoder, settings)

    def reopen(self) -> None:
        """A fresh embedded client, to see what another process wrote (a Chroma server needs none).

        The old client is closed first: Chroma shares one client per path inside a process.
        """
        settings = self.settings
        if settings is None or settings.chroma_host:
            return
        self.client.close()
        self.client = make_client(settings)
        self.vectorstore = _vectorstore(settings, self.client, self.encoder)
        self.collection = self.client.get_or_create_collection(self.name, configuration={"hnsw": {"space": "cosine"}})

    def count(self) -> int:
        return self.collection.count()

    def existing_ids(self, ids: list[str]) -> set[str]:
        found: set[str] = set()
        for i in range(0, len(ids), PAGE):
            found.update(self.collection.get(ids=ids[i : i + PAGE], include=[])["ids"])
        return found

    def doc_records(self, doc_id: str) -> list[Record]:
        got = self.collection.get(where={"doc_id": doc_id}, include=["metadatas"])
        return [Record(i, "", m) for i, m in zip(got["ids"], got["metadatas"])]

    def doc_states(self) -> dict[str, "DocState"]:
        """For every stored document: file hashes, chunk count and titles its chunks carry (one paged pass)."""
        states: dict[str, DocState] = {}
        offset = 0
        while True:
            got = self.collection.get(limit=PAGE, offset=offset, include=["metadatas"])
            for m in got["metadatas"]:
                state = states.setdefault(m.get("doc_id", ""), DocState())
                state.chunks += 1
                state.file_sha256.add(m.get("file_sha256", ""))
                state.declared.add(m.get("doc_chunks", -1))
                state.titles.add(m.get("title", ""))
            if len(got["ids"]) < PAGE:
                return states
            offset += PAGE

    def add(self, texts: list[str], metadatas: list[dict], ids: list[str]) -> None:
        """Embed (with the document header, see ``search_text``) and upsert the verbatim passages.

        Callers pass only ids the store does not hold yet.
        """
        if ids:
            vectors = self.encoder.encode([search_text(t, m) for t, m in zip(texts, metadatas)])
            self.collection.upsert(ids=ids, embeddings=vectors, documents=texts, metadatas=metadatas)

    def delete(self, ids: list[str]) -> None:
        for i in range(0, len(ids), PAGE):
            self.collection.delete(ids=ids[i : i + PAGE])

    def all_records(self) -> list[Record]:
        """Every passage with its metadata, in pages (for the lexical index and listings)."""
        records: list[Record] = []
        offset = 0
        while True:
            got = self.collection.get(limit=PAGE, offset=offset, include=["documents", "metadatas"])
            records.extend(Record(i, t, m) for i, t, m in zip(got["ids"], got["documents"], got["metadatas"]))
            if len(got["ids"]) < PAGE:
                return records
            offset += PAGE

    def dense(self, vector: list[float], k: int, where: dict | None = None) -> list[tuple[str, float]]:
        """Ids of the nearest passages with cosine similarity (1 - cosine distance).

        Only ids and distances come back: the caller holds the texts and metadata in memory,
        and fetching them for 100 candidates cost 8 ms of a 10 ms query (docs/benchmarks.md).
        """
        got = self.collection.query(query_embeddings=[vector], n_results=k, where=where, include=["distances"])
        return [(cid, 1.0 - distance) for cid, distance in zip(got["ids"][0], got["distances"][0])]

    def get(self, ids: list[str]) -> list[Record]:
        got = self.collection.get(ids=ids, include=["documents", "metadatas"])
        by_id = {i: Record(i, t, m) for i, t, m in zip(got["ids"], got["documents"], got["metadatas"])}
        return [by_id[i] for i in ids if i in by_id]
