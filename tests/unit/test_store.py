"""The index layer on a real embedded Chroma with the fake encoder: typed metadata in and out."""

import pytest
from fakes import FakeEncoder

from assistant.corpus.glossary import load_glossary
from assistant.errors import NotDeletable, NotFound
from assistant.index.ingest import ingest
from assistant.index.library import delete_document, list_documents
from assistant.index.records import MISSING, ChunkMeta
from assistant.index.retrieve import Filters, Retriever
from assistant.index.store import Store

TEXT = """# Integrated planning

1. The integrated strategic framework sets out the shared vision of the mission and the country team.

2. Budget ceilings are agreed with the host government before the planning cycle opens.
"""


@pytest.fixture
def indexed(make_settings, tmp_path):
    settings = make_settings()
    doc = settings.corpus_dir / "documents" / "note.md"
    doc.write_text(TEXT, encoding="utf-8")
    encoder = FakeEncoder()
    store = Store.open(settings, encoder)
    report = ingest(settings=settings, store=store)
    assert not report.failed and report.chunks >= 1
    retriever = Retriever(settings, store, encoder, load_glossary(settings.corpus_dir))
    retriever.refresh(force=True)
    return retriever


def test_records_come_back_typed(indexed):
    records = indexed.store.all_records()
    assert records and all(isinstance(r.meta, ChunkMeta) for r in records)
    first = indexed.store.first_chunks()
    assert [m.seq for m in first] == [0] and first[0].doc_id == records[0].meta.doc_id
    assert first[0].year is None  # stored as MISSING, read back as None
    states = indexed.store.doc_states()
    assert states[first[0].doc_id].chunks == len(records)


def test_reingest_embeds_nothing_new(indexed):
    before = indexed.encoder.encoded
    report = ingest(settings=indexed.settings, store=indexed.store)
    assert report.skipped_unchanged == 1 and report.embedded == 0
    assert indexed.encoder.encoded == before


def test_search_and_filters_use_the_typed_metadata(indexed):
    hits = indexed.search("budget ceilings host government", k=2)
    assert hits and "Budget ceilings" in hits[0].text
    doc_id = hits[0].doc_id
    assert indexed.search("budget", filters=Filters(doc_ids=["nothing"])) == []
    assert {h.doc_id for h in indexed.search("budget", filters=Filters(doc_ids=[doc_id]))} == {doc_id}
    vectors = indexed.store.embeddings([hits[0].chunk_id])
    assert vectors[hits[0].chunk_id].shape == (indexed.encoder.dimension,)


def test_library_errors_are_the_product_errors(indexed):
    with pytest.raises(NotFound):
        delete_document(indexed, "no-such-doc")
    corpus_doc = list_documents(indexed)[0]
    with pytest.raises(NotDeletable):
        delete_document(indexed, corpus_doc.id)


def test_chunk_meta_round_trips_missing_numbers():
    meta = ChunkMeta(doc_id="d", para_start=3, page_end=None)
    flat = meta.to_chroma()
    assert flat["para_start"] == 3 and flat["page_end"] == MISSING and None not in flat.values()
    assert ChunkMeta.from_chroma(flat) == meta
    assert ChunkMeta.from_chroma({"doc_id": "old"}).status == "current"  # older stores lacking keys still read
