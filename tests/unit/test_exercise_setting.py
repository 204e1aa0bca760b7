"""The setting a trainer's request names: the kind of country, and Headquarters for an ITF meeting."""

from __future__ import annotations

from assistant.products.exercise_setting import HQ_CAST, apply_setting, at_headquarters, country_traits, hq_cast
from assistant.products.export import Block, Report

OPENING = "Carana is a fictional country of about nine million people, emerging from conflict."


def _pack() -> Report:
    return Report(title="t", subtitle="s", sources=[], blocks=[
        Block(kind="heading", text="Background", level=2), Block(kind="paragraph", text=OPENING),
        Block(kind="heading", text="Start state: transition", level=2), Block(kind="paragraph", text="The mission draws down.")])


def test_the_country_the_request_describes_is_the_country_of_the_read_ahead():
    """Left open on main 82ac910: 'a fictional middle-income country' still read as the default country."""
    pack = apply_setting(_pack(), "Design a scenario in a fictional middle-income country with an SPM")
    assert pack.blocks[1].text.startswith("Carana is a fictional middle-income country of about nine million people")
    assert apply_setting(_pack(), "a 90-minute tabletop on elections").blocks[1].text == OPENING
    assert country_traits("a landlocked, low-income country") == ["low-income", "landlocked"]


def test_an_itf_meeting_is_played_at_headquarters_with_the_lead_department_in_the_chair():
    """Left open on main 82ac910: an ITF-meeting request was set in the field with no lead-department role."""
    request = "Simulate an Integrated Task Force meeting at Headquarters on the options for a strategic assessment"
    assert at_headquarters(request) and not at_headquarters("a tabletop for the SLF in the field")
    assert hq_cast(request, ["SRSG / Head of Mission"])[:4] == [*HQ_CAST, "SRSG / Head of Mission"]
    blocks = apply_setting(_pack(), request).blocks
    assert blocks[4].text.startswith("Setting: the exercise is played at Headquarters")


def test_a_transition_set_after_the_closure_starts_there_and_plays_its_injects():
    from assistant.products.exercise_catalogue import TOPICS
    from assistant.products.exercise_closure import CLOSED, after_closure, in_the_past
    from assistant.products.export import Block, Report

    transition = next(t for t in TOPICS if t.key == "transition")
    closed = after_closure(transition, "a transition exercise after the peacekeeping mission closes")
    assert closed.situation == CLOSED and not any("leave" in i.content and "mission" in i.content for i in closed.injects)
    pack = Report(title="t", blocks=[Block(kind="paragraph", text="The X operation works alongside a UN country team (UNDP).")])
    in_the_past(pack, "a transition exercise after the peacekeeping mission closes")
    assert pack.blocks[0].text == "The X operation worked, until it closed, alongside a UN country team (UNDP)."


def test_the_read_ahead_sets_the_fighting_and_the_offices_where_the_context_does():
    """Trial 7: the context put returns in the northern provinces; the stock map put displacement in the east and
    returnees in the south, and gave an SPM's Ministry of Defence 'army operations' to ask for."""
    from assistant.products.context import PlanningContext
    from assistant.products.exercise import scenario
    from assistant.products.exercise_catalogue import TOPICS

    ctx = PlanningContext(country="Ostrania", presence="SPM", mission="UNOST", key_tasks=["Good offices"],
                          un_entities=["UNDP"], period="2027-2029",
                          tensions=["Armed groups attack villages in the western provinces",
                                    "Returns to the north are outpacing services"])
    text = " ".join(b.text for b in scenario(TOPICS[0], ctx) if b.kind == "paragraph")
    assert "armed movements based in its western provinces" in text and "control parts of the western provinces" in text
    assert "the east" not in text and "army operations" not in text
    assert "field offices in the western provinces and the north" in text
    assert "The north: returns to the north are outpacing services (your context)" in text


def test_a_named_region_is_a_place_and_a_special_political_mission_s_stakeholders_hold_no_army():
    """Trial 9: the map never placed the context's 'Kessa region', and the SPM pack's stakeholders included 'Ministry of
    Defence | Support for army operations'."""
    from assistant.products.context import PlanningContext
    from assistant.products.exercise import scenario
    from assistant.products.exercise_catalogue import TOPICS

    ctx = PlanningContext(country="Marevia", presence="SPM", mission="UNPOMAR", key_tasks=["Good offices"],
                          un_entities=["UNHCR"], period="2027-2028",
                          tensions=["Returns of displaced people to the Kessa region outpace services"])
    blocks = scenario(TOPICS[0], ctx)
    text = " ".join(b.text for b in blocks if b.kind == "paragraph")
    assert "The Kessa region: returns of displaced people" in text and "field offices in the Kessa region" in text
    assert not any("army" in " ".join(row) for b in blocks if b.kind == "table" for row in b.rows)


def test_an_spm_pack_has_no_peacekeepers_in_its_stock_text():
    """Trial 12: an SPM's crisis pack had 'rumours blame the peacekeepers' and a brief about 'military operations'."""
    from types import SimpleNamespace

    from assistant.products.exercise_setting import placed_in
    spm = SimpleNamespace(presence="SPM", tensions=[], tasks=[], national_priorities=[], priorities=[])
    said = placed_in("Cholera breaks out near the mission's largest base; rumours blame the peacekeepers. Agencies will not "
                     "co-sign anything that links them to military operations.", spm)
    assert "peacekeepers" not in said and "base" not in said and "military" not in said


def test_snap_situations_are_addressed_as_the_context_has_its_entities_and_presence():
    """Trial 12: an SPM's snap situations said 'Who leads: DSRSG/RC/HC, Head of OCHA' and 'WFP Representative' for a
    country team with neither and no humanitarian response."""
    from assistant.products.context import parse_context
    from assistant.products.exercise_catalogue import TOPICS
    from assistant.products.exercise_drill import round_situations
    ctx = parse_context({"country": "Veldoria", "presence": "SPM", "mission": "UNPOV", "key_tasks": ["Good offices"],
                         "un_entities": ["UNDP"], "period": "2027-2028"})
    crisis = next(t for t in TOPICS if t.key == "crisis")
    said = " ".join(s.answer for s in round_situations(crisis, 6, set(), None, ctx))
    assert "Head of OCHA" not in said and "WFP Representative" not in said and "Force Commander" not in said
    assert "Head of OCHA" in " ".join(s.answer for s in round_situations(crisis, 6, set()))  # no context: the catalogue's


def test_no_role_brief_breaks_its_line():
    """A brief written across two source lines carried a newline into the pack ('… not' / 'through it.')."""
    from assistant.products.exercise_roles import ROLES
    assert not [r.title for r in ROLES.values() if "\n" in r.brief or "\n" in r.friction or "\n" in r.interests]
