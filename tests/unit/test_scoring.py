"""What is never a lead or a point of an answer (no model)."""

from __future__ import annotations

from assistant.answering.scoring import never_an_answer


def test_an_authors_note_is_never_an_answer():
    assert never_an_answer("ARTHUR BOUTELLIS is a Research Fellow and Adviser to the Peace Operations and Africa "
                           "Programs at the International Peace Institute.", "text")
    assert not never_an_answer("UNMIT is a mission that closed at the end of 2012.", "text")  # one acronym: a subject
    assert not never_an_answer("The Integration Steering Group is a standing body.", "text")


def test_footnotes_attributions_and_rhetorical_questions_are_never_answers():
    assert never_an_answer("See Victoria Metcalfe, UN Integration and Humanitarian Space, 2011.", "text")
    assert never_an_answer("The ISF is a framework.", "footnote")
    assert never_an_answer("What does integration mean in practice?", "text")
