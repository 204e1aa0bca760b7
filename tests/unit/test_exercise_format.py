"""Exercise formats: the timetable grows breaks, moves, rotations and injects with the session; topics pick roles."""

from __future__ import annotations

import pytest

from assistant.products.exercise import format_for, scenario, scenario_words, timeline, validate
from assistant.products.exercise_catalogue import TOPICS
from assistant.products.exercise_requests import ROLES, match_topic, topic_roles


def _minutes(cell: str) -> tuple[int, int]:
    start, end = cell.split("–")
    return tuple(int(t.split(":")[0]) * 60 + int(t.split(":")[1]) for t in (start, end))


@pytest.mark.parametrize("minutes", [90, 240, 480, 960])
def test_timetable_fills_the_session_without_gaps(minutes):
    fmt = format_for(minutes)
    rows = timeline(minutes, [f"inject {i}" for i in range(fmt.injects)], 3)
    time_col = 1 if fmt.days == 2 else 0
    days = {r[0] for r in rows[1:]} if fmt.days == 2 else {"Day 1"}
    total = 0
    for day in days:
        spans = [_minutes(r[time_col]) for r in rows[1:] if fmt.days == 1 or r[0] == day]
        assert spans[0][0] == 0 and all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))
        total += spans[-1][1]
    assert total == minutes
    released = [r[-1] for r in rows[1:] if r[-1]]
    assert sum(cell.count("Inject ") for cell in released) == fmt.injects


def test_long_formats_have_breaks_rotations_and_more_injects():
    short, half, day, two = (format_for(m) for m in (90, 240, 480, 960))
    assert short.injects < half.injects < day.injects < two.injects and short.moves < half.moves < day.moves < two.moves
    assert not any("Break" in r[1] or "Lunch" in r[1] for r in timeline(90, ["a", "b"], 3))
    phases = [r[1] for r in timeline(480, [str(i) for i in range(6)], 3)]
    assert "Lunch" in phases and phases.count("Break") == 2 and any("rotate roles" in p for p in phases)
    two_day = timeline(960, [str(i) for i in range(9)], 3)
    assert {r[0] for r in two_day[1:]} == {"Day 1", "Day 2"}
    assert any("Recap of day 1" in r[2] for r in two_day) and two_day[-1][2] == "After-action review and improvement plan"


def test_injects_are_numbered_in_release_order():
    rows = timeline(240, ["a", "b", "c", "d"], 3)
    numbers = [int(part.split("Inject ")[1].split(":")[0]) for r in rows[1:] for part in r[-1].split("; ") if part]
    assert numbers == sorted(numbers) == [1, 2, 3, 4]


def test_catalogue_covers_the_topics_with_fitting_roles_and_briefs():
    assert {t.key for t in TOPICS} == {"transition", "humanitarian", "elections", "poc", "mandate", "budget", "analysis",
        "crisis", "host", "political", "recovery"}
    for t in TOPICS:
        assert all(r in ROLES for r in t.roles) and len(t.injects) >= 6 and len(t.questions) >= 2
    drawdown = match_topic("mission drawdown and handover")
    humanitarian = match_topic("humanitarian space and co-branding")
    assert drawdown.key == "transition" and humanitarian.key == "humanitarian"
    brief = dict((r.title, b) for r, b in topic_roles(drawdown))
    assert "Head of OCHA" not in brief and "co-brand" not in " ".join(brief.values())
    assert "Head of OCHA" in {r.title for r, _ in topic_roles(humanitarian)}
    assert drawdown.injects[0].title != humanitarian.injects[0].title
    dialogue = match_topic("A half-day exercise on the highland parties' boycott of the national dialogue")  # trial 12
    assert dialogue.key == "political" and "Force Commander" not in {r.title for r, _ in topic_roles(dialogue)}
    returns = match_topic("a half-day tabletop on running refugee returns and DDR reintegration at the same time, before "
                          "the 2028 local elections")  # trial 13: the elections are its deadline, not its topic
    assert returns.key == "recovery" and "Chief of the DDR Section" in {r.title for r, _ in topic_roles(returns)}


def test_read_ahead_is_at_least_400_words():
    assert all(scenario_words(scenario(t)) >= 400 for t in TOPICS)


@pytest.mark.parametrize("args, message", [
    (("", 90, 18), "topic"), (("transition", 10, 18), "minutes"), (("transition", 2000, 18), "minutes"),
    (("transition", 90, 1), "participants"),
])
def test_invalid_requests(args, message):
    with pytest.raises(ValueError, match=message):
        validate(*args)


def test_short_sessions_drop_optional_phases_rather_than_run_backwards():
    """A 180-minute half day once had a move from 2:00 to 1:45: every phase now lasts at least five minutes."""
    for minutes in range(45, 961, 5):
        fmt = format_for(minutes)
        rows = timeline(minutes, [str(i) for i in range(fmt.injects)], 3)
        col = 1 if fmt.days == 2 else 0
        for r in rows[1:]:
            start, end = _minutes(r[col])
            assert end - start >= (10 if r[col + 1].startswith("Move") else 5), (minutes, r)
