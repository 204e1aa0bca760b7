"""The hybrid retriever as a LangChain ``BaseRetriever``, so it drops into any LangChain chain.

Each ``Document`` is one passage, verbatim, with what a UN citation needs in its metadata:
``doc_id``, ``title``, ``short`` (how staff cite the document), ``locator`` (paragraph or page),
``citation`` (the two joined, e.g. ``S/2012/765, para. 23``), the fused ``score`` and the cosine
``similarity``, plus ``status``/``superseded_by``. ``Document.id`` is the chunk id. Checked with
LangChain's own standard ``RetrieversIntegrationTests`` (tests/integration/test_langchain_retriever.py).

>>> docs = HybridRetriever(retriever=get_retriever(), k=2).invoke("Who does the DSRSG/RC/HC report to?")  # doctest: +SKIP
>>> docs[0].metadata["citation"]                                                              # doctest: +SKIP
'IPI 2013, p. 12'
"""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict, Field

from assistant.index.retrieve import Filters, Hit, Mode, Retriever


def hit_document(hit: Hit) -> Document:
    """One search hit as a LangChain Document carrying its citation."""
    return Document(
        id=hit.chunk_id,
        page_content=hit.text,
        metadata={
            "doc_id": hit.doc_id,
            "title": hit.title,
            "short": hit.short,
            "locator": hit.locator,
            "citation": hit.label,
            "score": hit.score,
            "similarity": hit.similarity,
            "rank": hit.rank,
            "status": hit.status,
            "superseded_by": hit.superseded_by,
        },
    )


def cited_context(docs: list[Document]) -> str:
    """Passages for a prompt, each under its citation, so a model can cite the way UN staff do.

    >>> cited_context([Document(page_content="The ISF is shared.", metadata={"citation": "S/2012/765, para. 4"})])
    '[S/2012/765, para. 4] The ISF is shared.'
    """
    return "\n\n".join(f"[{d.metadata['citation']}] {d.page_content}" for d in docs)


class HybridRetriever(BaseRetriever):
    """Dense + BM25 search over the planning corpus, glossary-expanded and filtered, as LangChain Documents."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    retriever: Retriever = Field(description="The product's retriever (assistant.index.retrieve.get_retriever()).")
    k: int = Field(8, ge=1, description="Passages returned per query; invoke(query, k=3) overrides it.")
    filters: Filters = Field(default_factory=Filters, description="Documents, types, years, current only.")
    mode: Mode = Field("hybrid", description="hybrid, dense or lexical.")

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun, **kwargs: Any
    ) -> list[Document]:
        k = int(kwargs.get("k", self.k))
        hits = self.retriever.search(query, k=k, filters=kwargs.get("filters", self.filters), mode=kwargs.get("mode", self.mode))
        return [hit_document(h) for h in hits]
