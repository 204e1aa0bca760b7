"""The never-repeat set of a conversation (no model); the condensation rules are in test_condense.py."""

from __future__ import annotations

from assistant.answering.conversation import given_sentences


def test_given_sentences_strip_markers_and_bullets():
    given = given_sentences(["The ISF is shared. [1]\n- It sets results. [2][3]"])
    assert given == {"the isf is shared.", "it sets results."}


def test_the_understood_line_is_not_a_sentence_to_withhold():
    given = given_sentences(["Answering: Who approves the ISF?\nThe ISF is shared. [1]"])
    assert "the isf is shared." in given


def test_a_footnote_shown_earlier_is_given_without_its_label():
    given = given_sentences(["The ISF is shared. [1]\n  Footnote: The policy was approved on April 9, 2013. [2]"])
    assert "the policy was approved on april 9, 2013." in given
