"""Planning context files: the example validates; each kind of mistake names its field."""

from __future__ import annotations

import pytest

from assistant.products.context import ContextError, load_context, mandate_tasks, parse_context
from assistant.settings import PROJECT_ROOT

EXAMPLE = PROJECT_ROOT / "examples" / "carana.yaml"
VALID = {"country": "Carana", "presence": "PKO", "mission": "UNMICA", "key_tasks": ["Protect civilians"],
         "un_entities": ["UNDP"], "period": "2027-2029"}


def test_example_context_loads():
    ctx = load_context(EXAMPLE)
    assert ctx.fictional and ctx.years == (2027, 2029) and len(ctx.priorities) == 3


def test_json_context(tmp_path):
    path = tmp_path / "ctx.json"
    path.write_text('{"country": "Carana", "presence": "SPM", "mission": "UNOCA", "mandate": "Good offices.", '
                    '"un_entities": ["UNDP"], "period": "2027–2028"}')
    ctx = load_context(path)
    assert ctx.period == "2027-2028" and [p.name for p in ctx.all_priorities] == ["Good offices"]


def test_mandate_text_is_parsed_into_tasks():
    text = ("Decides that the mandate of UNAMB shall be to: (i) use its good offices to support the political dialogue; "
            "(ii) support the Government in preparing the 2028 elections; (iii) monitor and report on human rights. "
            "Requests the Secretary-General to present a transition plan.")
    assert mandate_tasks(text) == ["Use its good offices to support the political dialogue",
                                   "Support the Government in preparing the 2028 elections", "Monitor and report on human rights"]
    assert mandate_tasks("- Good offices\n- Human rights monitoring") == ["Good offices", "Human rights monitoring"]
    assert mandate_tasks("(a) to monitor elections; and\n (b) to plan the transfer of tasks.") == [
        "Monitor elections", "Plan the transfer of tasks"]


def test_tasks_merge_key_tasks_and_new_mandate_tasks():
    ctx = parse_context({**VALID, "key_tasks": ["Protection of civilians"],
                         "mandate": "Protect civilians under threat of physical violence; support security sector reform."})
    assert ctx.tasks == ["Protection of civilians", "Support security sector reform"]
    assert [p.name for p in ctx.all_priorities] == ctx.tasks


def test_only_listed_entities_mission_sections_and_national_counterparts():
    ctx = parse_context(VALID)
    assert ctx.listed("UNDP") and ctx.listed("UNMICA Police") and ctx.listed("Ministry of Interior")
    assert not ctx.listed("WFP") and not ctx.listed("UNMICAX")
    assert ctx.presence_name == "multidimensional peacekeeping operation" and not ctx.leaving
    assert parse_context({**VALID, "presence": "SPM", "phase": "withdrawal"}).leaving


def test_a_period_in_months_is_kept_and_its_years_read():
    """Trial 9's 18-month window was refused ("use the form '2027-2029'")."""
    ctx = parse_context({**VALID, "period": "jul 2027 to Dec. 2028"})
    assert ctx.period == "July 2027-December 2028" and ctx.years == (2027, 2028)
    assert ctx.span == "July 2027–December 2028"
    assert parse_context({**VALID, "period": "January 2027 - December 2027"}).years == (2027, 2027)


@pytest.mark.parametrize("change, field, message", [
    ({"period": "next year"}, "period", "2027-2029"),
    ({"period": "2029-2027"}, "period", "end year"),
    ({"period": "December 2028 - July 2028"}, "period", "end year"),
    ({"period": "July 2027 - 2028"}, "period", "both ends"),
    ({"period": "Jully 2027 - Dec 2028"}, "period", "not a month"),
    ({"presence": "army"}, "presence", "PKO"),
    ({"un_entities": []}, "un_entities", "at least 1"),
    ({"key_tasks": []}, "context", "key_tasks or the mandate"),
    ({"country": ""}, "country", "at least 2"),
])
def test_invalid_fields_are_named(change, field, message):
    with pytest.raises(ContextError) as err:
        parse_context({**VALID, **change})
    assert field in str(err.value) and message in str(err.value)


def test_missing_fields_listed_together():
    with pytest.raises(ContextError) as err:
        parse_context({"country": "Carana"})
    text = str(err.value)
    assert all(f in text for f in ("presence", "mission", "un_entities", "period"))


@pytest.mark.parametrize("content, message", [
    ("country: [unclosed", "cannot be parsed"),
    ("- just\n- a list", "must be a mapping"),
])
def test_bad_files(tmp_path, content, message):
    path = tmp_path / "ctx.yaml"
    path.write_text(content)
    with pytest.raises(ContextError, match=message):
        load_context(path)


def test_missing_file(tmp_path):
    with pytest.raises(ContextError, match="no such file"):
        load_context(tmp_path / "none.yaml")


def test_a_misspelt_field_is_an_error_that_names_the_fields():
    """Trials 8 and 9: 'tenshuns:' was accepted without a word and the risks table came out blank."""
    data = {"country": "Marevia", "presence": "SPM", "mission": "UNPOMAR", "un_entities": ["UNDP"], "period": "2027-2028",
            "key_tasks": ["Good offices"], "tenshuns": ["The Government wants the mission out"],
            "priorities": [{"name": "Dialogue", "contributng": ["UNDP"]}]}
    with pytest.raises(ContextError) as err:
        parse_context(data)
    assert "tenshuns: Extra inputs are not permitted (the fields are: country," in str(err.value)
    assert "priorities.0.contributng: Extra inputs are not permitted (the fields are: name, lead, contributing)" in str(err.value)


def test_the_mission_listed_among_the_un_entities_is_kept_apart_from_the_country_team():
    """Trials 7 and 9: 'the country team in Marevia (UNPOMAR, UNDP, …)'; the mission still leads its own priority."""
    ctx = parse_context({"country": "Marevia", "presence": "SPM", "period": "2027-2028", "key_tasks": ["Good offices"],
                         "mission": "United Nations Political Mission in Marevia (UNPOMAR)", "un_entities": ["UNPOMAR", "UNDP"],
                         "priorities": [{"name": "Dialogue", "lead": "UNPOMAR"}]})
    assert ctx.un_entities == ["UNDP"] and ctx.listed("UNPOMAR") and ctx.listed("UNPOMAR Political Affairs")
    with pytest.raises(ContextError, match="besides the mission"):
        parse_context({**VALID, "mission": "UNPOMAR", "un_entities": ["UNPOMAR"]})


def test_the_readme_s_context_example_is_a_valid_context():
    import re

    import yaml
    from conftest import PROJECT_ROOT

    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"### The planning context.*?```yaml\n(.*?)```", readme, re.S)
    assert block, "README lost its planning-context example"
    ctx = parse_context(yaml.safe_load(block.group(1)))
    assert ctx.mission == "UNMOST" and ctx.priorities[0].lead == "UNMOST"


def test_a_mission_named_with_its_acronym_is_called_by_it_and_the_handover_task_is_no_task_to_place():
    ctx = parse_context({**VALID, "mission": "United Nations Stabilization Mission in Tarsovia (MINUSTAR)",
                         "period": "July 2026 - June 2028",
                         "key_tasks": ["Protection of civilians", "Progressive handover of mission tasks to the UNCT"]})
    assert ctx.mission_short == "MINUSTAR" and parse_context(VALID).mission_short == "UNMICA"
    assert ctx.ends == "June 2028" and parse_context(VALID).ends == "2029"
    assert ctx.own_tasks == ["Protection of civilians"] and len(ctx.tasks) == 2


def test_a_mandate_clause_supporting_the_transition_of_tasks_is_no_task_to_place():
    """Trial 15: '(e) support the transition of its civilian tasks to the United Nations country team' was a row of the
    transfer table it describes; 'progressively hand over its civilian tasks' too."""
    for clause in ("support the transition of its civilian tasks to the United Nations country team",
                   "progressively hand over its civilian tasks to the Government"):
        ctx = parse_context({**VALID, "key_tasks": ["Protection of civilians"],
                             "mandate": f"Decides that the mission shall: (a) protect civilians; (b) {clause}."})
        assert ctx.own_tasks == ["Protection of civilians"]
