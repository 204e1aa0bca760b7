"""The trainer-request measures of `planassist eval products` on hand-made reports: each can fail."""

from __future__ import annotations

from assistant.products.evaluation_requests import _numbers, contradicts, on_point
from assistant.products.export import Block, Report


def _report(subtitle: str, blocks: list[Block]) -> Report:
    return Report(title="Snap-situation drill: x", subtitle=subtitle, blocks=blocks, sources=[])


def test_a_header_that_states_another_length_than_the_timetable_is_a_contradiction():
    table = Block(kind="table", rows=[["Time", "Phase"], ["0:00–0:10", "Intro"], ["0:10–1:00", "Debrief"]])
    assert contradicts(_report("tabletop exercise (90 minutes) · 60 minutes", [table]))
    assert not contradicts(_report("drill · 6 situations × 10 minutes · 60 minutes in all", [table]))


def test_numbers_not_kept_are_counted_as_missed():
    blocks = [Block(kind="heading", text=f"Situation {k}: A", level=2) for k in (1, 2)]
    case = {"kind": "drill", "count": 3, "each": 10, "minutes": 60}
    assert _numbers(case, _report("drill · 2 situations × 10 minutes · 60 minutes in all", blocks)) == [True, False, True]


def test_a_quote_on_another_subject_does_not_put_a_situation_on_point():
    blocks = [Block(kind="heading", text="Situation 1 (10 minutes): Attack on a displacement site", level=2),
              Block(kind="paragraph", text="Case: Armed men attack a displacement site near a base."),
              Block(kind="bullets", items=["The seminar was attended by 149 participants. [1]"]),
              Block(kind="heading", text="Situation 2 (10 minutes): Sexual violence reports", level=2),
              Block(kind="paragraph", text="Case: A women's group reports sexual violence by soldiers."),
              Block(kind="bullets", items=["The team worked to combat sexual violence with the police. [2]"])]
    assert on_point(_report("", blocks)) == [False, True]


def test_debrief_questions_after_the_last_situation_are_not_its_quotes():
    blocks = [Block(kind="heading", text="Situation 1 (10 minutes): Attack on a displacement site", level=2),
              Block(kind="heading", text="Debrief questions", level=1),
              Block(kind="bullets", items=["Was the attack on the displacement site handled by the right forum?"])]
    assert on_point(_report("", blocks)) == [False]
