"""BM25 tokens: stemmed words, stop words out, irregular past forms with their verb (no model)."""

from __future__ import annotations

from assistant.index.lexical import LexicalIndex, tokenize


def test_an_irregular_past_form_matches_its_verb():
    index = LexicalIndex.build(["The Council mission visited the Police Training Centre in Dili.",
                                "During the visit, the mission met with the President and the Prime Minister."])
    assert index.search("Whom did the mission meet?", k=1)[0][0] == 1
    assert tokenize("Which office took over?") == tokenize("Which office takes over?")
    assert tokenize("the lead agency") == tokenize("the led agency")


def test_regular_words_are_stemmed_and_stop_words_dropped():
    assert tokenize("The Integrated Missions") == ["integr", "mission"]
    assert tokenize("found") == ["found"]  # 'found' also means 'establish': not taken to 'find'
