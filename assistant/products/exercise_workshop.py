# ruff: noqa: E501 — workshop prose for trainers reads better unbroken.
"""Drafting and proposal-writing workshops: syndicates produce a document, not decisions under injects.

Two shapes. A **drafting workshop** ("mixed syndicates draft the vision and two priorities of an
ISF for Carana, half a day, with a 4-page read-ahead"): the syndicate task, a timetable for the
length asked, the products to deliver with a template for each, the read-ahead, and facilitator
notes on what a good product shows, quoted from the library. A **proposal exercise** (the DPKO
scenario-based format — groups of 5–8, 10-minute presentations — turned into a Peacebuilding
Fund joint proposal): teams agree an outcome and who co-signs it; the facilitator notes say what
the library holds on the Fund and, where it holds nothing (the Fund's own guidelines are not in
it), say so rather than answer.

>>> [r[1] for r in drafting_timetable(240, 3, 2, 10)][1:3]
['Opening: objectives, the task, syndicates and the read-ahead', 'Syndicates draft the vision']
"""

from __future__ import annotations

from assistant.citation import CitationBook
from assistant.index.retrieve import Retriever
from assistant.products.context import PlanningContext
from assistant.products.exercise_catalogue import TOPICS
from assistant.products.exercise_key import library_lines
from assistant.products.exercise_readahead import pages_label, pages_of, read_ahead
from assistant.products.exercise_shapes import Shape, opening, syndicates
from assistant.products.export import Block, Report

DEFAULT_MINUTES = {"workshop": 240}
DEFAULT_PRIORITIES, DEFAULT_PAGES, DEFAULT_TALK = 2, 2, 10
SBE_GROUP = (5, 8)  # the DPKO/DFS scenario-based exercise's group size


def _hm(m: int) -> str:
    return f"{m // 60}:{m % 60:02d}"


def _rows(phases: list[tuple[str, int]]) -> list[list[str]]:
    rows, clock = [["Time", "Phase"]], 0
    for phase, length in phases:
        rows.append([f"{_hm(clock)}–{_hm(clock + length)}", phase])
        clock += length
    return rows


def drafting_timetable(minutes: int, groups: int, priorities: int, talk: int) -> list[list[str]]:
    """Opening, drafting rounds (vision, then each priority), a break, presentations, consolidation, hot-wash — in ``minutes``."""
    fixed = [("Opening: objectives, the task, syndicates and the read-ahead", 15), ("Break", 15 if minutes >= 180 else 0),
             (f"Syndicate presentations ({talk} minutes each, {groups} syndicates)", groups * talk),
             ("Plenary: the facilitator merges the strongest elements into one text", 20 if minutes >= 180 else 10),
             ("Hot-wash: what made drafting jointly hard, what to take home", 15 if minutes >= 180 else 5)]
    drafting = max(20, minutes - sum(m for _, m in fixed))
    vision = drafting // (priorities + 1)
    each = (drafting - vision) // priorities
    rounds = [("Syndicates draft the vision", vision)] + [(f"Syndicates draft priority {k} with its results", each) for k in range(1, priorities + 1)]
    rounds[-1] = (rounds[-1][0], rounds[-1][1] + drafting - vision - each * priorities)
    phases = [fixed[0], rounds[0]] + ([fixed[1]] if fixed[1][1] else []) + rounds[1:] + fixed[2:]
    return _rows(phases)


def proposal_timetable(minutes: int | None, groups: int, talk: int) -> tuple[list[list[str]], int]:
    """The scenario-based exercise pattern: introduction 15, reading 15, team work 60–90, presentations, plenary debrief 30."""
    fixed = 15 + 15 + groups * talk + 30
    work = max(30, (minutes or fixed + 75) - fixed)
    phases = [("Introduction: objectives, the Fund's envelope, teams", 15), ("Reading the scenario and the call for proposals", 15),
              ("Team work: agree the outcome, outputs, recipients, budget split and co-signatories", work),
              (f"Team presentations ({talk} minutes each, {groups} teams)", groups * talk),
              ("Plenary debrief: compare outcomes and co-signatories; facilitator notes", 30)]
    return _rows(phases), sum(m for _, m in phases)


CALL = ("The Peacebuilding Fund has announced an envelope for {place} and asks for a joint mission–agency proposal within three weeks, "
        "built around one outcome in the Priority Plan. The Government wants the money for the extension of State authority in the "
        "east; agencies want community reconciliation and land-dispute mediation; the mission wants support to police deployment. "
        "Donors will co-fund only an outcome with one lead and clear recipients. (Exercise assumptions, not the Fund's rules.)")


def _setting(ctx: PlanningContext | None, country: str) -> str:
    return ctx.country if ctx else country


def drafting_workshop(text: str, shape: Shape, participants: int, retriever: Retriever, country: str,
                      context: PlanningContext | None, minutes: int | None) -> Report:
    """The drafting workshop: purpose, syndicate task, products, timetable, read-ahead and facilitator notes."""
    length = minutes or shape.minutes or DEFAULT_MINUTES["workshop"]
    priorities = shape.priorities or DEFAULT_PRIORITIES
    pages = shape.pages or DEFAULT_PAGES
    talk = shape.presentation or DEFAULT_TALK
    groups, size = syndicates(participants, shape.group)
    place = _setting(context, country)
    book = CitationBook()
    guidance = library_lines("What must an Integrated Strategic Framework contain?", retriever, book,
                             ("strategic framework", "ISF", "priorit", "vision"), limit=4)
    practice = library_lines("How did missions and country teams plan jointly in practice?", retriever, book,
                             ("strategic framework", "joint"), limit=2)
    library = [Block(kind="heading", text="What the library says an ISF contains", level=2),
               Block(kind="bullets", items=guidance) if guidance else Block(kind="note", text="The library has no passage on what an ISF contains."),
               *([Block(kind="heading", text="How joint planning went in practice", level=2), Block(kind="bullets", items=practice)] if practice else [])]
    products = [f"A vision: two or three sentences on the peace the UN in {place} works towards with the Government, in plain words.",
                *[f"Priority {k}: one sentence, two or three results, and for each result a lead entity, contributing entities, one indicator and a date." for k in range(1, priorities + 1)],
                "A list of what the syndicate could not agree, for the plenary."]
    task = [Block(kind="heading", text="Your task", level=2),
            Block(kind="paragraph", text=(f"Each syndicate mixes mission and country team staff. Draft the vision and {priorities} "
                                          f"priorit{'y' if priorities == 1 else 'ies'} of the Integrated Strategic Framework for {place}, "
                                          f"aligned with the national plan, and present them in {talk} minutes.")),
            Block(kind="bullets", items=products)]
    handout, words = read_ahead(TOPICS[0], context, place, pages, library, task, drafting=True)
    notes = [] if pages_of(words) >= pages else [f"The read-ahead fills about {pages_label(words)} ({words} words), fewer than the {pages} asked: add the mandate and your own national-plan extract."]
    blocks = [
        *opening(text, (
            f"A {_length_words(length)} drafting workshop for {participants} mission and UN country team staff in {groups} mixed "
            f"syndicate{'s' * (groups != 1)} of up to {size}. Syndicates draft the vision and {priorities} priorities of an Integrated Strategic "
            f"Framework for {place}, from a read-ahead of about {pages_label(words)} ({words} words) handed out beforehand."), notes),
        Block(kind="heading", text="Learning objectives", level=1),
        Block(kind="bullets", items=["Draft ISF elements (vision, priorities, results with owners and timelines) jointly across the mission and the country team.",
                                     "Align the priorities with the national plan and the mandate, and record what could not be agreed."]),
        Block(kind="heading", text="Timetable", level=1),
        Block(kind="table", rows=drafting_timetable(length, groups, priorities, talk)),
        Block(kind="heading", text="Products to deliver", level=1),
        Block(kind="bullets", items=products),
        Block(kind="table", rows=[["Priority", "Result", "Lead entity", "Contributing entities", "Indicator", "Date"],
                                  *[[f"Priority {k}", "", "", "", "", ""] for k in range(1, priorities + 1)]]),
        Block(kind="heading", text=f"Read-ahead ({pages_label(words)}, {words} words)", level=1),
        *handout,
        Block(kind="heading", text="Facilitator notes", level=1),
        Block(kind="bullets", items=[
            "Mix each syndicate: at least two mission and two country team members, one from the joint planning capacity.",
            "Watch for a vision that lists every agency's mandate: push for two or three sentences about the country, not the UN.",
            "Priorities should be few; a syndicate with more than the number asked must drop one and say why.",
            "In the plenary, merge the strongest vision and the priorities with the clearest owners; keep the disagreements list.",
            "Compare the products with what the library says an ISF contains (quoted in the read-ahead)."]),
    ]
    return Report(title=f"Drafting workshop: the vision and {priorities} priorit{'y' if priorities == 1 else 'ies'} of an ISF for {place}",
                  subtitle=f"drafting workshop · {_length_words(length)} ({length} minutes) · {groups} syndicates · read-ahead of {pages_label(words)} · {participants} participants",
                  blocks=blocks, sources=book.sources)


def _length_words(minutes: int) -> str:
    return "half-day" if minutes == 240 else "one-day" if minutes == 480 else f"{minutes}-minute"


def proposal_exercise(text: str, shape: Shape, participants: int, retriever: Retriever, country: str,
                      context: PlanningContext | None, minutes: int | None) -> Report:
    """The proposal exercise: teams agree a Priority Plan outcome and co-signatories, then present."""
    groups, size = syndicates(participants, shape.group or SBE_GROUP)
    low, high = shape.group or SBE_GROUP
    talk = shape.presentation or DEFAULT_TALK
    table, total = proposal_timetable(minutes or shape.minutes, groups, talk)
    place = _setting(context, country)
    book = CitationBook()
    fund = library_lines("What does the Peacebuilding Fund support?", retriever, book, ("Peacebuilding Fund",), limit=3)
    signing = library_lines("Who signs a Peacebuilding Fund priority plan or joint proposal?", retriever, book, ("sign",), limit=2)
    signing = [s for s in signing if "Peacebuilding Fund" in s or "proposal" in s]
    task = [Block(kind="heading", text="The call for proposals", level=2), Block(kind="paragraph", text=CALL.format(place=place))]
    handout, words = read_ahead(TOPICS[0], context, place, shape.pages or 1, [], task)
    blocks = [
        *opening(text, (
            f"The DPKO scenario-based exercise format adapted to a Peacebuilding Fund joint proposal: {participants} mission and UN "
            f"country team staff in {groups} teams of {low}–{high} (largest {size}). Each team agrees one Priority Plan outcome and who "
            f"co-signs it, then presents in {talk} minutes; {total} minutes in all.")),
        Block(kind="heading", text="Learning objectives", level=1),
        Block(kind="bullets", items=["Agree one joint peacebuilding outcome that the mission and agencies deliver together, with the Government.",
                                     "Decide who leads, who receives funds and who co-signs, and defend it in plenary.",
                                     "Use joint analysis to justify the outcome and its risks."]),
        Block(kind="heading", text=f"Scenario handout ({pages_label(words)}, {words} words)", level=1),
        *handout,
        Block(kind="heading", text="Roles in each team", level=1),
        Block(kind="bullets", items=["Mission political affairs officer: wants the outcome to back the mission's mandate (police deployment, State authority).",
                                     "Joint planning capacity officer: keeps the proposal within the ISF priorities and holds the pen.",
                                     "UNDP programme officer: wants to be the main recipient and to manage the funds.",
                                     "UN Women or UNHCR officer: wants land-dispute mediation and women's participation in the outcome.",
                                     "RCO peace and development adviser: checks conflict sensitivity and links to the Cooperation Framework.",
                                     "Ministry of Planning official (played by a team member): wants the funds on budget and a Government co-chair.",
                                     "In teams of more than six, add a donor representative and an NGO partner."]),        Block(kind="heading", text="Team task and products", level=1),
        Block(kind="bullets", items=["One outcome statement (one sentence) and two or three outputs.",
                                     "Recipient entities and the budget share of each (percentages).",
                                     "The co-signatories, and why each signs.",
                                     "The two main risks and how the team will monitor them.",
                                     f"A {talk}-minute presentation; one speaker from the mission and one from an agency."]),
        Block(kind="table", rows=[["Outcome", "Outputs", "Recipient entities (% of budget)", "Co-signatories", "Risks"], ["", "", "", "", ""]]),
        Block(kind="heading", text="Timetable", level=1),
        Block(kind="table", rows=table),
        Block(kind="paragraph", text=("Inject halfway through the team work (a message from the Ministry of Planning): \"The Government will "
                                      "co-sign only if the funds go through the national budget and a ministry co-chairs the project board.\" "
                                      "Teams must decide whether to accept, and say so in their presentation.")),
        Block(kind="heading", text="What a strong presentation shows", level=1),
        Block(kind="table", rows=[["Criterion", "Strong", "Weak"],
                                  ["Outcome", "One outcome, tied to the joint analysis and a national priority", "A list of agency projects"],
                                  ["Recipients and budget", "Few recipients, shares justified by comparative advantage", "Every agency gets a share"],
                                  ["Co-signatories", "Reasoned from ownership and accountability, the Government's condition answered", "Not discussed, or left to Headquarters"],
                                  ["Risks", "Two risks with a monitoring arrangement", "None, or generic risks"],
                                  ["Presentation", f"Within {talk} minutes, mission and agency speakers", "Over time, one voice"]]),
        Block(kind="heading", text="Facilitator notes", level=1),
        Block(kind="heading", text="What the library says about the Peacebuilding Fund", level=2),
        Block(kind="bullets", items=fund) if fund else Block(kind="note", text="The library has no passage on the Peacebuilding Fund."),
        Block(kind="heading", text="Who co-signs", level=2),
        Block(kind="bullets", items=signing) if signing else Block(kind="note", text=(
            "The library does not state who co-signs a Peacebuilding Fund Priority Plan or proposal, and the Fund's own guidelines are "
            "not in it. Confirm the rule with the Fund's secretariat before the session; in the debrief, judge the teams on how they "
            "reasoned about ownership (Government, mission, country team), not on a signature list.")),
        Block(kind="heading", text="Debrief questions", level=2),
        Block(kind="bullets", items=["Why did your team pick this outcome over the others on the table?",
                                     "Who will be accountable for the outcome, and would the Government agree?",
                                     "Where did mission and agency interests pull apart, and how did you settle it?",
                                     "What would make the proposal fail in its first six months?"]),
    ]
    return Report(title=f"Proposal exercise: a Peacebuilding Fund joint proposal for {place}",
                  subtitle=f"scenario-based proposal exercise · {groups} teams of {low}–{high} · {talk}-minute presentations · {total} minutes · {participants} participants",
                  blocks=blocks, sources=book.sources)

