"""Sentence evidence helpers: broken lines joined, leaning sentences, what is quotable (no model)."""

from __future__ import annotations

from conftest import REAL_CORPUS

from assistant.index.sentences import complete, join_broken_lines, leans_on_predecessor, passage_sentences, quotable


def test_page_break_inside_a_sentence_is_joined():
    text = ("The policy sets minimum requirements for joint analysis (through the joint\n\n \n"
            "conduct of strategic assessments), common priorities.")
    assert passage_sentences(text) == [
        "The policy sets minimum requirements for joint analysis (through the joint conduct of strategic assessments), "
        "common priorities."]


def test_a_line_ending_in_a_word_no_sentence_ends_with_runs_on():
    text = ("- Promote joint training for staff in the UN Development Group and Department of\n\n"
            "Peacekeeping Operations and capacity development for UN planners.\n\n- Establish planning capacities.")
    assert passage_sentences(text)[0] == ("Promote joint training for staff in the UN Development Group and Department of "
                                          "Peacekeeping Operations and capacity development for UN planners.")
    assert passage_sentences("The framework was agreed.\n\nPeacekeeping Operations support it.") == [
        "The framework was agreed.", "Peacekeeping Operations support it."]


def test_a_footnote_marker_after_a_comma_does_not_end_the_sentence():
    text = 'Peacekeepers became "early peacebuilders,"³¹ and DPKO adopted a strategy in June 2011. It guides them.'
    assert passage_sentences(text)[0] == 'Peacekeepers became "early peacebuilders," and DPKO adopted a strategy in June 2011.'
    assert passage_sentences('It keeps the peace."¹⁶ Depth follows.') == ['It keeps the peace."', "Depth follows."]


def test_a_paragraph_number_is_not_a_sentence():
    from assistant.index.sentences import passage_units

    assert [s for s, _ in passage_units("3.\nThis was the second visit of the Council.")] == [
        "This was the second visit of the Council."]


def test_list_items_stay_separate_lines():
    text = "The tools help teams to:\n- identify when resources should be integrated;\n- monitor integration."
    assert join_broken_lines(text).count("\n") == 2


def test_leaning_openers():
    assert leans_on_predecessor("It also clarified that integration does not only apply to missions.")
    assert leans_on_predecessor("However, these initiatives have proceeded mostly in parallel.")
    assert not leans_on_predecessor("The Integration Steering Group meets quarterly.")
    # trial 13: "A number emphasized that …" led an answer with no word of whom
    assert leans_on_predecessor("A number emphasized that they considered it preferable to seek assistance.")
    assert leans_on_predecessor("A number of these interlocutors further stressed the partnership.")
    assert leans_on_predecessor("Others noted the delay.") and leans_on_predecessor("Some argued for a delay.")
    assert not leans_on_predecessor("A number of officers left.") and not leans_on_predecessor("Some 7,000 troops remain.")


def test_complete_and_quotable():
    assert complete("The ISF was made into a requirement in 2008.")
    assert not complete("conduct of strategic assessments), common priorities.")
    assert not complete("The ISF was made into a requirement in")
    assert not quotable("²² See Victoria Metcalfe, UN Integration and Humanitarian Space, 2011.")
    assert quotable("The Integration Steering Group meets quarterly to review UN system-wide work on integration.")


def test_saved_index_opens_with_the_same_sentences_vectors_and_search(tmp_path, monkeypatch):
    from fakes import FakeEncoder

    from assistant.index.records import ChunkMeta, Record
    from assistant.index.sentences import SAVED, SentenceIndex

    texts = ["The Integrated Strategic Framework sets shared objectives. It also fixes timelines for the mission.",
             "The Integration Steering Group meets quarterly to review progress on integration across the system."]
    records = [Record(f"a{i}", t, ChunkMeta(doc_id="a", seq=i, title="A", short="A 2013")) for i, t in enumerate(texts)]
    encoder = FakeEncoder()
    built = SentenceIndex.open(lambda: records, encoder, tmp_path, tmp_path)  # builds, then saves into the snapshot folder
    assert (tmp_path / SAVED).is_dir()
    monkeypatch.setattr(SentenceIndex, "build", None)  # opened from disk: nothing is split or embedded again
    loaded = SentenceIndex.open(lambda: records, encoder, tmp_path, tmp_path)
    assert loaded.texts == built.texts and loaded.by_row == built.by_row and loaded.library_text == built.library_text
    assert (loaded.vectors == built.vectors).all() and (loaded.prev == built.prev).all()
    vector = built.vectors[1]
    assert loaded.search("steering group quarterly", vector, k=2) == built.search("steering group quarterly", vector, k=2)
    assert loaded.with_predecessors(1) == [0, 1]


def test_lexical_scores_of_every_sentence_scaled_to_the_best():
    from assistant.index.lexical import LexicalIndex

    texts = ["The Integrated Strategic Framework sets out shared priorities.", "Police recruitment continued in 2019.",
             "The framework was reviewed by the Integration Steering Group."]
    lexical = LexicalIndex.build(texts)
    ranked = dict(lexical.search("integrated strategic framework", k=3))
    scores = lexical.scores("integrated strategic framework")
    assert scores is not None and [round(float(scores[i]), 5) for i in ranked] == [round(v, 5) for v in ranked.values()]
    assert lexical.scores("gratuity") is None
    assert 0 < scores[2] < scores[0] and scores[1] == 0


def test_the_longest_sentence_a_question_needs_is_quotable():
    """S/2012/889's 907-character sentence naming whom the Council mission met (over the old 900 limit)."""
    text = (REAL_CORPUS / "documents" / "sc-mission-report-timor-leste-s-2012-889.md").read_text(encoding="utf-8")
    paragraph = next(p for p in text.split("\n\n") if "Taur Matan Ruak, the Prime Minister" in p)
    sentence = next(s for s in passage_sentences(paragraph) if s.startswith("During the visit, the mission met"))
    assert len(sentence) > 900 and quotable(sentence)


def test_passages_ranked_by_their_best_sentence_each_once_and_within_the_filter(tmp_path):
    import numpy as np
    from fakes import FakeEncoder

    from assistant.index.records import ChunkMeta, Record
    from assistant.index.sentences import SentenceIndex

    texts = ["Police recruitment continued in the districts during the year. The Integration Steering Group meets "
             "quarterly to review progress on integration.",
             "The Integration Steering Group meets quarterly to review progress. It reports to the Policy Committee.",
             "Budgets for the mission were reduced in the second half of the year by the General Assembly."]
    records = [Record(f"a{i}", t, ChunkMeta(doc_id="a", seq=i, title="A", short="A 2013")) for i, t in enumerate(texts)]
    encoder = FakeEncoder()
    index = SentenceIndex.build(records, encoder, tmp_path)
    query = "Integration Steering Group quarterly"
    by_dense, by_bm25 = index.passage_rankings(query, encoder.query_vector(query), k=3)
    assert sorted(by_dense) == [0, 1, 2] and by_dense[-1] == 2  # every passage once, the one with no such sentence last
    assert set(by_bm25) == {0, 1}  # BM25 leaves out passages with no query word
    by_dense, by_bm25 = index.passage_rankings(query, encoder.query_vector(query), k=3,
                                               allowed_rows=np.array([0, 1, 1], dtype=np.float32))
    assert 0 not in by_dense and by_bm25 == [1]
