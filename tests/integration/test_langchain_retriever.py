"""LangChain's own standard retriever tests (langchain-tests), run against HybridRetriever on the real index."""

from __future__ import annotations

import pytest
from langchain_tests.integration_tests import RetrieversIntegrationTests

from assistant.index.ingest import ingest
from assistant.index.langchain_retriever import HybridRetriever
from assistant.index.retrieve import Retriever

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def real_index(corpus_settings) -> Retriever:
    """The session corpus (real model, real Chroma, real documents); ingest is a no-op if another test built it."""
    index = Retriever.open(corpus_settings)
    assert not ingest(settings=corpus_settings, store=index.store).failed
    index.refresh(force=True)
    return index


class TestHybridRetrieverStandard(RetrieversIntegrationTests):
    """The suite LangChain ships for every retriever integration (k in the constructor and per call, async)."""

    index: Retriever

    @pytest.fixture(autouse=True)
    def _bind_index(self, real_index):
        # the standard suite's own ``retriever`` fixture shadows conftest's, so the index comes in here
        type(self).index = real_index

    @property
    def retriever_constructor(self) -> type[HybridRetriever]:
        return HybridRetriever

    @property
    def retriever_constructor_params(self) -> dict:
        return {"retriever": self.index}

    @property
    def retriever_query_example(self) -> str:
        return "What must an integrated strategic framework contain?"
