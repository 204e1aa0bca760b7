"""Irregular verb forms count as their verb in the words a candidate sentence holds (no model)."""

from __future__ import annotations

import pytest

from assistant.answering.scoring import words_of
from assistant.answering.verbforms import verb_stems
from assistant.index.lexical import tokenize


@pytest.mark.parametrize(("text", "verbs"), [
    ("During the visit, the mission met with the President.", {"meet"}),
    ("The Under-Secretary-General held the chair and led the group.", {"hold", "lead"}),
    ("The Council began its review and took note of the report.", {"begin", "take"}),
    ("The meetings were reported and the mission was established.", set()),  # stemming already joins these
    ("", set()),
])
def test_irregular_forms_give_their_verb(text, verbs):
    assert verb_stems(text) == {s for v in verbs for s in tokenize(v)}


def test_a_sentence_saying_met_holds_the_word_meet():
    assert {"mission", "meet"} <= words_of("During the visit, the mission met with the President.")
