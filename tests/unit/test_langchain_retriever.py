"""The LangChain face of the retriever on the fake encoder: Documents carry the citation."""

import pytest
from fakes import FakeEncoder
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import RunnableLambda

from assistant.corpus.glossary import load_glossary
from assistant.index.ingest import ingest
from assistant.index.langchain_retriever import HybridRetriever
from assistant.index.retrieve import Filters, Retriever
from assistant.index.store import Store

TEXT = "\n\n".join(f"{n}. Paragraph {n} on integrated planning, budget item {n} and mission {n}." for n in range(1, 13))


@pytest.fixture
def lc_retriever(make_settings) -> HybridRetriever:
    settings = make_settings(chunk_chars=120, chunk_overlap=0)  # one numbered paragraph per chunk
    (settings.corpus_dir / "documents" / "note.md").write_text(TEXT, encoding="utf-8")
    encoder = FakeEncoder()
    store = Store.open(settings, encoder)
    assert not ingest(settings=settings, store=store).failed
    return HybridRetriever(retriever=Retriever(settings, store, encoder, load_glossary(settings.corpus_dir)), k=3)


def test_documents_carry_the_citation(lc_retriever):
    docs = lc_retriever.invoke("integrated planning budget")
    assert isinstance(lc_retriever, BaseRetriever) and len(docs) == 3 and all(isinstance(d, Document) for d in docs)
    meta = docs[0].metadata
    assert {"doc_id", "title", "short", "locator", "citation", "score", "similarity"} <= set(meta)
    assert meta["citation"] == f"{meta['short']}, {meta['locator']}" and meta["locator"].startswith("para")
    assert docs[0].id and f"Paragraph {meta['locator'].split()[-1]} " in docs[0].page_content


def test_k_and_filters_per_call(lc_retriever):
    assert len(lc_retriever.invoke("budget", k=1)) == 1
    assert lc_retriever.invoke("budget", filters=Filters(doc_ids=["elsewhere"])) == []


def test_it_composes_in_a_chain(lc_retriever):
    chain = lc_retriever | RunnableLambda(lambda docs: [d.metadata["citation"] for d in docs])
    assert len(chain.invoke("mission")) == 3


def test_the_readme_chain_runs(lc_retriever, fake_llm):
    """The chain shown in README.md, against the scripted OpenAI-compatible server (plumbing, not quality)."""
    from langchain_core.prompts import ChatPromptTemplate
    from langchain_core.runnables import RunnablePassthrough
    from langchain_openai import ChatOpenAI

    from assistant.index.langchain_retriever import cited_context

    prompt = ChatPromptTemplate.from_template(
        "Answer only from these passages and cite them in brackets.\n\n{context}\n\nQuestion: {question}")
    llm = ChatOpenAI(base_url=fake_llm.url, model="fake", api_key="none")
    chain = {"context": lc_retriever | cited_context, "question": RunnablePassthrough()} | prompt | llm
    fake_llm.script("Budget items are listed [note, para. 3].")
    assert chain.invoke("budget item 3").content == "Budget items are listed [note, para. 3]."
    sent = fake_llm.requests[-1]["messages"][-1]["content"]
    assert "[note, para. 3] 3. Paragraph 3" in sent and "Question: budget item 3" in sent
