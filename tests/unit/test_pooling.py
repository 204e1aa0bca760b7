"""Passage vectors pooled from sentences: one encoder pass for passages and the sentence index."""

import numpy as np
from fakes import FakeEncoder

from assistant.corpus.glossary import load_glossary
from assistant.index import vector_cache
from assistant.index.ingest import ingest
from assistant.index.pooling import KIND, PassageVectors, pieces
from assistant.index.records import ChunkMeta
from assistant.index.retrieve import Retriever
from assistant.index.store import Store

TEXT = """# Integrated planning

1. The integrated strategic framework sets out the shared vision of the mission and the country team.
It is reviewed every year by the senior leadership.

2. Budget ceilings are agreed with the host government before the planning cycle opens.
"""
META = ChunkMeta(doc_id="note", title="A note", short="Note 1", heading="Planning", seq=0)


def test_a_passage_is_pooled_from_its_header_and_sentences(tmp_path):
    encoder = FakeEncoder()
    text = "The ISF is shared by all. It is reviewed yearly."
    got = PassageVectors(encoder, tmp_path).vectors([text], [META])[0]
    parts = pieces(text, META)
    assert parts == ["A note (Note 1) Planning", "The ISF is shared by all.", "It is reviewed yearly."]
    vectors, weights = encoder.encode_weighted(parts)
    expected = (vectors * weights[:, None]).sum(axis=0)
    assert np.allclose(got, expected / np.linalg.norm(expected), atol=1e-6)
    assert np.isclose(np.linalg.norm(got), 1.0)


def test_a_piece_is_encoded_once_across_passages(tmp_path):
    encoder = FakeEncoder()
    pooled = PassageVectors(encoder, tmp_path)
    pooled.vectors(["The ISF is shared by all members of the team."], [META])
    before = encoder.encoded
    pooled.vectors(["The ISF is shared by all members of the team. Budgets are agreed early in the year."], [META])
    assert encoder.encoded - before == 1  # only the new sentence: the header and the first sentence are known


def test_ingest_embeds_each_sentence_once(make_settings):
    settings = make_settings()
    (settings.corpus_dir / "documents" / "note.md").write_text(TEXT, encoding="utf-8")
    encoder = FakeEncoder()
    store = Store.open(settings, encoder)
    report = ingest(settings=settings, store=store)
    assert report.embedded >= 1 and store.passage_vectors() == KIND
    texts = [t for call in encoder.calls for t in call]
    every_piece = {p for r in store.all_records() for p in pieces(r.text, r.meta)}
    assert set(texts) <= every_piece and len(texts) == len(set(texts))  # no passage encoded whole, nothing twice
    vectors, weights = vector_cache.load(settings.index_dir / vector_cache.FILE)
    assert vectors and all(np.isfinite(w) for w in weights.values())
    retriever = Retriever(settings, store, encoder, load_glossary(settings.corpus_dir))
    retriever.refresh(force=True)
    assert encoder.encoded == len(texts)
    hits = retriever.search("budget ceilings host government", k=1)
    assert hits and "Budget ceilings" in hits[0].text


def test_a_store_embedded_another_way_is_embedded_again(make_settings):
    settings = make_settings()
    (settings.corpus_dir / "documents" / "note.md").write_text(TEXT, encoding="utf-8")
    store = Store.open(settings, FakeEncoder())
    ingest(settings=settings, store=store)
    store.mark_passage_vectors("whole-passages")
    again = ingest(settings=settings, store=store)
    assert again.embedded == again.chunks and again.skipped_unchanged == 0
    assert store.passage_vectors() == KIND
    assert ingest(settings=settings, store=store).embedded == 0


def test_the_sentence_index_reuses_the_splits_pooling_made(tmp_path, monkeypatch):
    from assistant.index import sentences
    from assistant.index.records import Record

    encoder = FakeEncoder()
    pooled = PassageVectors(encoder, tmp_path)
    texts = ["The ISF is shared by all. It is reviewed yearly.", "Budget ceilings are agreed early. They bind."]
    pooled.vectors(texts, [META, META])
    pooled.save()
    records = [Record(f"r{i}", t, META) for i, t in enumerate(texts)]
    fresh = sentences.SentenceIndex.build(records, encoder, tmp_path)
    monkeypatch.setattr(sentences, "passage_units", lambda text: (_ for _ in ()).throw(AssertionError(text)))
    reused = sentences.SentenceIndex.build(records, encoder, tmp_path, units=pooled.units)  # splits nothing again
    assert reused.texts == fresh.texts and np.array_equal(reused.vectors, fresh.vectors)
