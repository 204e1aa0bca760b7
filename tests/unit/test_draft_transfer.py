"""The transfer table in the request's terms: the tasks it names, the owners it names, its horizon (no model)."""

from __future__ import annotations

from conftest import PROJECT_ROOT

from assistant.products.context import load_context
from assistant.products.draft_request import parse_request
from assistant.products.draft_transfer import handed_over, owners_per_task, transfer_table

CARANA = PROJECT_ROOT / "examples" / "carana.yaml"
REQUEST = ("Prepare the division of labour table for handing over human rights monitoring, rule of law and civil affairs "
           "to the UNCT and OHCHR over 12 months.")


def _rows(request: str) -> list[list[str]]:
    ask = parse_request(request)
    return next(b.rows for b in transfer_table(ask.refine(load_context(CARANA)), ask) if b.kind == "table")


def test_the_tasks_a_request_hands_over_are_the_rows_with_the_owner_whose_field_each_is():
    assert parse_request(REQUEST).owners == ["UNCT", "OHCHR"]
    header, rights, law, affairs = _rows(REQUEST)
    assert header[0] == "Task (as you named it)"
    assert rights[0] == "Human rights monitoring" and "suggested: OHCHR" in rights[3]
    assert "suggested: UNDP" in law[3]  # 'the UNCT': the listed agency whose field rule of law is
    assert law[2] == "UNMICA Police"  # the lead of the context's 'Police development and rule of law'
    assert affairs[2] == "UNMICA Civil Affairs" and "Protection of civilians" not in affairs[1]
    assert all("within the 12 months you set" in row[5] for row in (rights, law, affairs))


def test_tasks_in_general_keep_the_mandated_rows():
    assert handed_over("Draft a table of which civilian tasks transfer to UNDP, UNICEF or the Ministry of Justice.") == []
    rows = _rows("Draft a table of which civilian tasks transfer to UNDP or UNICEF.")
    assert rows[0][0] == "Mandated task" and any(r[0] == "Electoral support" for r in rows[1:])


SPM = PROJECT_ROOT / "examples" / "spm-withdrawal.yaml"
EACH = ("Give me a table handing over UNIOK's civilian tasks before closure: good offices and political analysis to the "
        "Resident Coordinator's Office, human rights monitoring and reporting to OHCHR, security sector governance support "
        "to UNDP, and women's participation in the political process to UN Women. For each, show timing and what capacity "
        "the receiving entity needs.")


def test_an_owner_given_for_each_task_is_kept_and_the_capacity_asked_for_is_a_column():
    ask = parse_request(EACH)
    assert ask.sections == ["division"]  # 'human rights monitoring' is a task here, not the monitoring section
    rows = next(b.rows for b in transfer_table(ask.refine(load_context(SPM)), ask) if b.kind == "table")
    assert rows[0][-1] == "Capacity the new owner needs"
    owners = {r[0]: r[3] for r in rows[1:]}
    assert owners == {"Good offices and political analysis": "Resident Coordinator's Office (as you set it)",
                      "Human rights monitoring and reporting": "OHCHR (as you set it)",
                      "Security sector governance support": "UNDP (as you set it)",
                      "Women's participation in the political process": "UN Women (as you set it)"}


def test_each_task_handed_to_its_owners_by_its_own_date_is_a_row():
    """Trial 8: 'hand A to UNHCR and UNICEF by 30 June 2028, B to OHCHR by 31 December 2028, and C to UNDP and IOM by
    31 March 2029' gave the mandated rows with every owner and date to be agreed; 'DDR reintegration programmes' rests on
    the DDR task."""
    from assistant.products.context import PlanningContext

    ctx = PlanningContext(country="Ostrania", presence="PKO", mission="UNMOST", un_entities=["UNDP"], period="2027-2029",
                          key_tasks=["Protection of civilians, including in the western provinces of Vardel and Kesh",
                                     "Disarmament, demobilization and reintegration (DDR) of former combatants"])
    ask = parse_request("Transfer of tasks: hand community-based protection of civilians in Vardel to UNHCR and UNICEF by "
                        "30 June 2028, and DDR reintegration programmes to UNDP and IOM by 31 March 2029.")
    rows = transfer_table(ctx, ask)[1].rows[1:]
    assert [r[3] for r in rows] == ["UNHCR and UNICEF (as you set it)", "UNDP and IOM (as you set it)"]
    assert [r[5] for r in rows] == ["30 June 2028 (as you set it)", "31 March 2029 (as you set it)"]
    assert [r[1] for r in rows] == ctx.key_tasks


def test_a_transfer_of_tasks_table_written_with_hyphens_is_the_division_section():
    """Trial 9: 'A transfer-of-tasks table: hand … and coordination of transition planning to the RCO …' was read as
    the coordination section, with no table."""
    ask = parse_request("A transfer-of-tasks table: hand the good offices to the Resident Coordinator by 30 June 2028, and "
                        "coordination of transition planning to the Resident Coordinator's Office by 31 December 2028")
    assert ask.sections == ["division"]


def test_benchmarks_asked_per_handover_fill_each_row_and_a_transition_section_is_the_transfer_table():
    """Trial 11: "Draft the transition and handover section" was declined; "for each handover give two or three
    benchmarks" left every row's conditions blank."""
    from assistant.products.draft_request import EACH_HANDOVER
    ask = parse_request("Draft the transition and handover section: hand human rights monitoring to OHCHR by 30 June 2028. "
                        "For each handover give two or three benchmarks the Government and the UN must meet.")
    assert ask.sections == ["division"] and ask.benchmarks == EACH_HANDOVER
    table = next(b.rows for b in transfer_table(ask.refine(load_context(CARANA)), ask, lambda task: f"bench for {task}")
                 if b.kind == "table")
    column = table[0].index("Conditions / benchmarks")
    assert table[1:] and all(row[column] == f"bench for {row[0]}" for row in table[1:])


def test_handovers_listed_with_semicolons_and_an_owner_in_lower_case_are_each_a_row():
    """Trial 15: 'We hand four tasks to new owners. A goes to OHCHR by <date>; B to UNDP by <date>; C to the follow-on
    mission by <date>; and D to the Government by <date>' was declined as naming no section, then gave every owner and
    date to be agreed and dropped the task going to 'the follow-on mission'."""
    from assistant.products.context import PlanningContext

    ctx = PlanningContext(country="Norvania", presence="PKO", mission="UNSMINOR", un_entities=["UNDP", "OHCHR"],
                          period="2027-2028", mandate="Decides that UNSMINOR shall: (a) protect civilians under threat of "
                          "physical violence in the northern districts; (b) provide strategic advice on security sector "
                          "reform to the national police; (c) monitor and report on human rights.")
    ask = parse_request("We hand three tasks to new owners. Human rights monitoring goes to OHCHR by 30 June 2028; "
                        "strategic advice on security sector reform to the follow-on mission by 31 December 2028; and "
                        "protection of civilians in the north to the Government by 30 September 2028.")
    assert ask.sections == ["division"]
    rows = transfer_table(ctx, ask)[1].rows[1:]
    assert [r[3] for r in rows] == ["OHCHR (as you set it)", "Follow-on mission (as you set it)",
                                    "Government (as you set it)"]
    assert [r[5] for r in rows] == ["30 June 2028 (as you set it)", "31 December 2028 (as you set it)",
                                    "30 September 2028 (as you set it)"]
    assert not any("none of the mandated tasks" in r[1] for r in rows)


def test_no_listed_handover_is_dropped_and_a_task_naming_a_body_keeps_it():
    """Trial 16: of four handovers listed after one 'hand', the two whose owners read 'UNDP and the National DDR
    Commission' and 'the Government with UNHCR' vanished; 'hand support to the Carana National Police to UNDP' became the
    task 'Support' for the owner 'Carana National Police to UNDP'."""
    listed = owners_per_task(
        "Draft the transition annex as a handover table: hand human rights monitoring to OHCHR by 31 December 2028, DDR "
        "reintegration support to UNDP and the National DDR Commission by 30 June 2029, support to the national police to "
        "UNDP by 31 March 2029, and protection of civilians in Orvan to the Government with UNHCR by 30 September 2029.")
    assert listed == [("human rights monitoring", "OHCHR"),
                      ("DDR reintegration support", "UNDP and the National DDR Commission"),
                      ("support to the national police", "UNDP"),
                      ("protection of civilians in Orvan", "Government with UNHCR")]
    assert owners_per_task("Draft the transition annex: hand support to the Carana National Police to UNDP by 30 June 2028 "
                           "and hand return of internally displaced persons to UNHCR by 31 December 2028.") == [
        ("support to the Carana National Police", "UNDP"), ("return of internally displaced persons", "UNHCR")]


def test_tasks_to_be_handed_over_or_ended_are_rows_with_the_listed_agency_whose_field_each_is():
    """hc15: 'Tasks to be handed over or ended: …' gave the generic table with every owner to be agreed."""
    from assistant.products.context import PlanningContext

    ctx = PlanningContext(country="Kelmaria", presence="SPM", mission="UNOK", un_entities=["UNDP", "IOM"],
                          period="2026-2027", key_tasks=["Legal aid offices (12 sites)", "Electoral logistics support"])
    ask = parse_request("Draft the transition plan section on task handover. Tasks to be handed over or ended: legal aid "
                        "offices (12 sites), and electoral logistics support.")
    rows = transfer_table(ctx, ask)[1].rows[1:]
    assert [r[0] for r in rows] == ["Legal aid offices (12 sites)", "Electoral logistics support"]
    assert all(r[3].endswith("suggested: UNDP (its field)") for r in rows), rows
    assert parse_request('Draft the "Shared vision and priorities" and "Results, responsibilities and timelines" sections '
                         "of the ISF.").sections == ["vision", "results"]
