"""Objectives in the request's terms: its horizon, the mandated tasks closest to each, the lead it implies (no model)."""

from __future__ import annotations

from conftest import PROJECT_ROOT

from assistant.products.context import load_context
from assistant.products.draft_objectives import objectives
from assistant.products.draft_request import parse_request
from assistant.products.draft_text import months_asked

TRANSITION = PROJECT_ROOT / "evals" / "contexts" / "pko-transition.yaml"
REQUEST = ("Draft the shared vision and two strategic objectives for our ISF over the next 18 months of drawdown; priorities "
           "are protection of civilians and handing policing to the national police. Keep it to a page.")


def _objectives(request: str) -> list[str]:
    ask = parse_request(request)
    return objectives(ask.refine(load_context(TRANSITION)), ask)[1].items


def test_objectives_take_the_requests_horizon_tasks_and_the_lead_of_the_closest_priority():
    first, second = _objectives(REQUEST)
    assert "result for Naraland within 18 months" in first and "by 2029" not in first
    assert "Mandated tasks: Protection of civilians in the eastern provinces." in first  # not 'hand over its civilian tasks'
    assert "Lead: proposed: UNMINA (the mandate gives it this task; [to be agreed])" in first
    # the request's own wording names no lead: the context's police priority does
    assert "Lead: UNMINA Police (lead of your priority “Security sector and police capacity”)" in second


def test_without_months_the_horizon_is_the_end_of_the_period():
    first, _ = _objectives(REQUEST.replace(" over the next 18 months of drawdown", ""))
    assert "result for Naraland by 2029" in first


def test_months_a_request_gives_itself():
    assert months_asked("ahead of a mandate renewal in 6 months") == 6
    assert months_asked("drawing down in Country X over 24 months") == 24
    assert months_asked("over the next eighteen months") == 18
    assert months_asked("the vision for the last 12 months of UNIOK") == 12
    assert months_asked("the 2027-2029 framework") == 0


def test_objectives_fewer_than_tasks_take_the_others_and_propose_contributors_by_field():
    """Hand-read request 7: four objectives for five tasks dropped human rights monitoring without a word, left every
    lead '[to be agreed]' beside "the mandate gives this task to" the mission, and named no contributing entity."""
    from assistant.products.context import PlanningContext

    ctx = PlanningContext(country="Carana", fictional=True, presence="PKO", mission="UNIMICA", period="2027-2029",
                          key_tasks=["Protection of civilians", "Support to DDR and the reintegration of ex-combatants",
                                     "Electoral assistance", "Human rights monitoring and reporting",
                                     "Repatriation of weapons"],
                          un_entities=["UNDP", "IOM", "OHCHR"])
    ask = parse_request("Draft the strategic objectives section. Keep it to 3 shared objectives, with lead and "
                        "contributing entities for each.")
    blocks = objectives(ctx, ask)
    items = blocks[1].items
    assert "Lead: proposed: UNIMICA" in items[0] and "Contributing: IOM (proposed: their field)" in items[1]
    said = " ".join([*items, *(b.text for b in blocks[2:])])
    assert "Human rights monitoring and reporting" in said  # placed under an objective, or said to be unplaced


def test_objectives_name_the_national_priority_none_serves_and_end_with_the_period():
    from assistant.products.context import parse_context
    ctx = parse_context({"country": "Tarsovia", "presence": "PKO", "mission": "UNMT", "period": "July 2026 - June 2028",
                         "key_tasks": ["Support to the elections", "Progressive handover of mission tasks to the UNCT"],
                         "national_priorities": ["Credible elections", "Return of displaced communities"],
                         "un_entities": ["UNDP"]})
    blocks = objectives(ctx, parse_request("Write two strategic objectives."))
    said = " ".join([*blocks[1].items, *(b.text for b in blocks[2:])])
    assert "by June 2028" in said and "Progressive handover" not in said
    assert "National priorities no objective serves yet: Return of displaced communities." in said


def test_coordination_details_asked_are_kept():
    """Trial 12: 'an SLF … meeting monthly, pillar working groups for the national dialogue and for decentralization with
    co-chairs from UNPOV and UNDP' gave 'meets [to be agreed]', three groups and co-chairs '[to be agreed]'."""
    from assistant.products.context import parse_context
    from assistant.products.draft_coordination import CO_CHAIRS, SLF_MEETS, _groups_asked
    text = ("a Senior Leadership Forum chaired by the SRSG meeting monthly, pillar working groups for the national dialogue "
            "and for decentralization with co-chairs from UNPOV and UNDP, a joint planning unit")
    ctx = parse_context({"country": "Veldoria", "presence": "SPM", "mission": "UNPOV", "key_tasks": ["Good offices"],
                         "un_entities": ["UNDP", "UNFPA"], "period": "2027-2028", "priorities": [
                             {"name": "Inclusive national dialogue and a new constitution", "lead": "UNPOV"},
                             {"name": "Decentralization and local governance", "lead": "UNDP"},
                             {"name": "Youth employment", "lead": "UNFPA"}]})
    assert SLF_MEETS.search(text).group(1) == "monthly" and CO_CHAIRS.search(text).groups() == ("UNPOV", "UNDP")
    assert [p.name for p in _groups_asked(text, ctx)] == ["Inclusive national dialogue and a new constitution",
                                                          "Decentralization and local governance"]


def test_monitoring_asked_for_each_priority_gets_a_row_per_priority():
    """Hand-read request 7 of set 11: 'who collects the data for each priority and how often each priority is looked at,
    and by whom' got three general bullets."""
    from assistant.products.context import parse_context
    from assistant.products.draft_asked import EACH_PRIORITY, by_priority
    ctx = parse_context({"country": "Marenzia", "presence": "PKO", "mission": "UNMSM", "key_tasks": ["Protect civilians"],
                         "un_entities": ["UNHCR"], "period": "2026-2028",
                         "priorities": [{"name": "Return of displaced people", "lead": "UNHCR"}, {"name": "Elections"}]})
    assert EACH_PRIORITY.search("who collects the data for each priority and how often")
    rows = by_priority(ctx)[1].rows
    assert [r[0] for r in rows[1:]] == ["Return of displaced people", "Elections"] and "UNHCR" in rows[1][1]
