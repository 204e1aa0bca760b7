"""What a trainer's request asks for, and its numbers: pure rules, no model (the five §5.3 requests that failed)."""

from __future__ import annotations

import pytest
from trainer_requests import AAR, COURSE, PBF, SNAP, WORKSHOP

from assistant.products.exercise import format_for
from assistant.products.exercise_aar import hot_wash_agenda
from assistant.products.exercise_course import LEVELS, OBJECTIVES, by_day, rubric
from assistant.products.exercise_drill import MECHANISM_BANK, MECHANISMS, situations, timetable
from assistant.products.exercise_shapes import covers, recognise, syndicates
from assistant.products.exercise_workshop import drafting_timetable, proposal_timetable


def _end(rows: list[list[str]]) -> str:
    return rows[-1][0].split("–")[1]


@pytest.mark.parametrize("text, kind", [(SNAP, "drill"), (AAR, "aar"), (COURSE, "course"), (PBF, "proposal"),
                                        (WORKSHOP, "workshop"),
                                        ("Build a 90-minute tabletop exercise on humanitarian space with 3 injects", "pack"),
                                        ("Build a pre-course quiz (15 questions) on Brahimi and the IAP policy", "quiz")])
def test_the_product_is_recognised_from_the_request(text, kind):
    assert recognise(text).kind == kind


def test_the_requests_numbers_are_kept():
    snap = recognise(SNAP)
    assert (snap.count, snap.minutes_each) == (6, 10)
    assert recognise(COURSE).days == 3
    pbf = recognise(PBF)
    assert (pbf.group, pbf.presentation, pbf.minutes) == ((5, 8), 10, None)  # a 10-minute talk is not the session length
    work = recognise(WORKSHOP)
    assert (work.minutes, work.pages, work.priorities) == (240, 4, 2)
    assert recognise("a 2-hour simulation of an ITF meeting").minutes == 120
    assert recognise("Build a 90-minute tabletop exercise with 3 injects").injects == 3
    assert recognise("Build a pre-course quiz (15 questions)").count == 15
    assert recognise("a one-day CPX on drawdown").minutes == 480


def test_a_shape_asked_for_explicitly_wins():
    assert recognise("humanitarian space", "drill").kind == "drill"


def test_syndicates_stay_within_the_group_size_asked_for():
    assert syndicates(18, (5, 8)) == (3, 6)
    n, largest = syndicates(30, (5, 8))
    assert 5 <= 30 // n and largest <= 8
    assert syndicates(4, (5, 8))[0] == 1


def test_no_format_name_states_a_length_the_header_could_contradict():
    """5.3 #3 read 'tabletop exercise (90 minutes) · 60 minutes'."""
    assert all("minute" not in format_for(m).name for m in (45, 60, 90, 120, 240, 480, 960))


def test_a_drill_has_the_count_and_minutes_asked_for():
    rows = timetable(6, 10)
    assert [r[1] for r in rows[2:8]] == [f"Situation {k}: syndicates decide and prepare a one-minute answer" for k in range(1, 7)]
    assert rows[-1][0] == "1:10–1:25"  # 10 introduction + 6 × 10 + 15 debrief
    chosen = situations(SNAP, 6)
    assert len(chosen) == 6 and {s.mechanism for s in chosen} == {"SLF", "HCT", "ITF", "UNCT"}
    assert all(s.case and (s.mechanism in s.answer or MECHANISMS[s.mechanism][0] in s.answer) for s in chosen)
    assert len(MECHANISM_BANK) >= 8


def test_a_drill_on_a_catalogue_topic_uses_its_injects_and_one_outside_it_is_declined():
    assert [s.title for s in situations("four snap situations on humanitarian space", 4)][0] == "Co-branded quick-impact projects"
    with pytest.raises(ValueError, match="neither the library nor the exercise catalogue"):
        situations("a firearms-safety drill for UN police", 6)


def test_a_course_spreads_the_iap_objectives_over_the_days_with_a_rubric():
    assert [len(d) for d in by_day(3)] == [3, 2, 2]
    assert sum(len(d) for d in by_day(1)) == len(OBJECTIVES)
    assert by_day(10)[-1] == []  # days beyond the objectives are integrating exercise days
    table = rubric()
    assert table[0][1:5] == list(LEVELS) and len(table) == len(OBJECTIVES) + 1
    assert all(all(cell for cell in row) for row in table)


def test_the_aar_and_workshop_timetables_fill_the_time_asked_for():
    assert _end(hot_wash_agenda()) == "0:30"
    rows = drafting_timetable(240, 3, 2, 10)
    assert _end(rows) == "4:00" and any(r[1] == "Break" for r in rows)
    assert sum("draft priority" in r[1] for r in rows) == 2
    rows, total = proposal_timetable(None, 3, 10)
    assert "10 minutes each, 3 teams" in rows[4][1] and _end(rows) == f"{total // 60}:{total % 60:02d}"


def test_courses_and_workshops_on_other_subjects_are_not_faked():
    assert covers("course", COURSE) and covers("workshop", WORKSHOP) and covers("proposal", PBF)
    assert not covers("course", "a 3-day course on firearms safety for UN police")
    assert not covers("workshop", "a workshop where syndicates draft a vehicle maintenance SOP")


def test_roles_and_group_size_named_in_the_request_are_kept():
    from assistant.products.exercise_cast import requested_roles
    from assistant.products.exercise_scope import codes

    assert requested_roles("a tabletop with role cards (SRSG, Head of OCHA, FC, UNICEF Rep, NGO forum), 3 injects") == [
        "SRSG / Head of Mission", "Head of OCHA", "Force Commander", "UNICEF Representative", "NGO forum representative"]
    assert requested_roles("an exercise on humanitarian space and the FC's escorts") == []  # no role list, no roles
    assert recognise("eight snap situations for a mixed group of 24 staff").participants == 24
    assert recognise("groups of 5-8").participants is None
    assert codes("the UN80 reforms, IDDRS 5.10 and the SRSG's role in an ISF") == ["UN80", "IDDRS"]


def test_the_master_events_list_has_each_inject_with_its_time_and_objective():
    from assistant.products.exercise import timeline
    from assistant.products.exercise_catalogue import TOPICS
    from assistant.products.exercise_guide import mel, objective_for

    topic = TOPICS[0]
    events = list(topic.injects[:3])
    table = timeline(480, [i.title for i in events], 3)
    rows = mel(events, table, {events[0].title: "month 6"}, topic.objectives)[1].rows
    assert rows[0][-1] == "Objective tested" and len(rows) == 4
    assert rows[1][2] == "month 6" and all(r[1] for r in rows[1:])
    assert all(r[-1] in topic.objectives for r in rows[1:])  # every inject tests an objective of the topic
    assert objective_for(events[0], ()) == "—"  # only a topic without objectives leaves it open


def test_counts_written_the_ways_trainers_write_them():
    assert recognise("Eight snap drills on protection of civilians").count == 8
    assert recognise("a 20-question quiz on the ISF").count == 20
    s = recognise("six 10-minute snap situations on elections")
    assert (s.count, s.minutes_each) == (6, 10)


def test_a_title_names_the_subject_not_the_whole_request():
    from assistant.products.exercise_shapes import subject

    request = ("Build a pre-course quiz (15 questions, with answers and source references) on Brahimi, the 2006 Note of "
               "Guidance, the 2008 decision and the IAP policy.")
    assert subject(request) == "Brahimi, the 2006 Note of Guidance, the 2008 decision and the IAP policy"
    assert subject("integrated strategic framework") == "integrated strategic framework"


def test_an_explicit_length_sets_the_minutes_of_each_snap_situation():
    from assistant.products.exercise_drill import _each

    each, notes = _each(recognise("eight snap drills on elections"), 8, 60)
    assert each == 4 and not notes
    each, notes = _each(recognise("six snap situations (10 minutes each) on elections"), 6, 60)
    assert each == 5 and "gives each 5" in notes[0]


def test_a_quote_is_on_a_situations_point_only_when_it_shares_its_words():
    from assistant.products.exercise_drill import on_point

    case = "Sexual violence reports. A women's organisation reports sexual violence by soldiers near the camp."
    assert on_point(case, "The team worked to combat sexual violence with the national police.")
    assert not on_point(case, "The seven formed police units will support the national police throughout the country.")


def test_a_short_request_naming_its_product_is_titled_by_its_subject():
    from assistant.products.exercise_shapes import subject

    assert subject("a 12-question quiz on the Peacebuilding Fund") == "the Peacebuilding Fund"
    topic = "peacebuilding architecture and the Peacebuilding Fund"
    assert subject(topic) == topic


def test_a_group_size_in_plain_words_and_one_described_inject_are_read_as_meant():
    """Trial 11: "for about 25 … staff" gave 18 participants and the title "25 mission and UN country team staff on …";
    "one inject where the Government …" made a one-day pack of two injects."""
    from assistant.products.exercise_shapes import recognise, subject
    request = ("A one-day tabletop exercise for about 25 mission and UN country team staff on the MINUSTAR drawdown, with "
               "injects on protection of civilians and one inject where the Government demands the force leave")
    assert recognise(request).participants == 25 and recognise(request).injects is None
    assert subject(request) == "the MINUSTAR drawdown"
    assert recognise("a two-hour exercise for 12 humanitarian and mission staff").participants == 12
    assert recognise("three timed injects").injects == 3


def test_an_exercise_asked_for_first_is_a_pack_that_ends_in_its_review():
    from assistant.products.exercise_shapes import kind_of
    assert kind_of("Design a two-day simulation for senior leaders. Finish with an after-action review format.") == "pack"
    assert kind_of("For the exercise we ran last week, write an after-action review template.") == "aar"


def test_a_role_play_asked_first_with_quiz_questions_to_close_it_is_an_exercise():
    asked = ("Using the Timor-Leste documents, design a 60-minute role-play for 4 groups, plus 5 quiz questions to close the "
             "session and a short summary for the debrief.")
    assert recognise(asked).kind == "pack"
    assert recognise("Make a 10-question quiz for new planners on benchmarks, for the end of the exercise.").kind == "quiz"
