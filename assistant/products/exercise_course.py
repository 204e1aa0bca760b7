# ruff: noqa: E501 — objectives and rubric descriptors are prose for trainers and read better unbroken.
"""Course designs: learning objectives per day, each mapped to its IAP anchor, and an evaluation rubric.

A trainer asking for "learning objectives and an evaluation rubric for a 3-day joint course" gets
the course laid out over the days asked for: each day's objectives, the sessions that teach them
(seminar, workshop, snap drill, tabletop) and a rubric with four levels per objective. The
objectives are the IAP-anchored set trainers use; each anchor names the text it comes from,
and what the library says on the point is quoted and cited under it. The IAP Policy 2013 and the
IAP Handbook 2014 are catalogued but not in the library, so the course says so rather than
quote them.

>>> [len(d) for d in by_day(3)]
[3, 2, 2]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.citation import CitationBook
from assistant.index.retrieve import Retriever
from assistant.products.exercise_key import library_lines
from assistant.products.exercise_shapes import Shape, opening, syndicates
from assistant.products.export import Block, Report
from assistant.products.missing_texts import missing_notes

MAX_DAYS = 10
DEFAULT_DAYS = 3
SYMBOL = re.compile(r"\d{4}/\d+|\d{3,4} \(\d{4}\)")  # a decision or resolution number, as library titles write it
LEVELS = ("1 Not yet", "2 Developing", "3 Proficient", "4 Advanced")


@dataclass(frozen=True)
class Objective:
    """A learning objective, its policy anchor, the session that teaches it and its rubric row."""

    text: str
    anchor: str
    texts: tuple[str, ...]  # the texts the anchor names, as their titles or symbols read
    ask: str  # what the library is asked for the anchor
    terms: tuple[str, ...]
    session: str
    rubric: tuple[str, str, str, str]
    evidence: str


OBJECTIVES: tuple[Objective, ...] = (
    Objective("Explain when and why integration applies, and the difference between structural and strategic integration.",
              "Secretary-General's decision 2008/24; the purpose of the IAP Policy 2013", ("decision 2008/24", "IAP Policy 2013"),
              "What is the difference between structural and strategic integration?", ("integrat",),
              "Seminar: from the Brahimi Report to the IAP Policy, with the IPI 2013 study as the reading",
              ("Cannot say when integration applies.", "Names integration but confuses structural and strategic integration.",
               "Explains both, with an example of each from a real presence.", "Argues which form fits a given context and why (form follows function)."),
              "Pre/post quiz; seminar contribution"),
    Objective("Run a joint analysis and agree a small set of peace-consolidation priorities.",
              "IAP Policy 2013, minimum requirements 1–2 (shared analysis, shared objectives)", ("IAP Policy 2013",),
              "How should the mission and the country team carry out joint analysis?", ("analys", "assessment"),
              "Workshop: a joint conflict analysis of the course scenario, ending in three priorities",
              ("Lists problems without analysis.", "Analysis from one pillar only (mission or agencies).",
               "A joint analysis of drivers, actors and risks that leads to three or fewer priorities.", "Priorities traced to the analysis, with disagreements recorded and resolved."),
              "Syndicate product: analysis and priorities"),
    Objective("Draft ISF elements: vision, priorities, results with owners and timelines.",
              "IAP Policy 2013, minimum requirement 2; decision 2008/24", ("IAP Policy 2013", "decision 2008/24"),
              "What must an Integrated Strategic Framework contain?", ("integrated strategic framework", "ISF", "strategic framework"),
              "Workshop: syndicates draft a vision and two priorities with a results matrix",
              ("No usable draft.", "A vision or priorities without results, owners or dates.",
               "Vision, priorities and results, each result with a lead entity and a timeline.", "Results with indicators, baselines and targets, and a stated link to the national plan."),
              "Syndicate product: ISF extract"),
    Objective("Choose and use the right integrated mechanism for a decision.",
              "IAP Policy 2013, minimum requirement 3; IAP Handbook 2014, section II", ("IAP Policy 2013", "IAP Handbook 2014"),
              "Which integrated mechanisms, such as task forces and senior leadership forums, coordinate mission and country team decisions?", ("senior leadership", "task force", "forum", "steering group"),
              "Snap-situation drill: which mechanism (SLF, HCT, ITF, UNCT) decides",
              ("Picks forums at random.", "Right forum for clear cases only.", "Right forum with the reason and who brings the issue.", "Also spots when no forum fits and proposes a decision rule."),
              "Drill answers, scored by the facilitator"),
    Objective("Design joint monitoring and adapt priorities to new information.",
              "IAP Policy 2013, minimum requirement 4 (integrated monitoring and reporting)", ("IAP Policy 2013",),
              "How should progress against integrated priorities be monitored and reported?", ("monitor", "benchmark", "review"),
              "Tabletop exercise: a monitoring review after a mandate change",
              ("No monitoring arrangement.", "Indicators without owners or review dates.", "Indicators, owners, a review cycle and a reporting line to leadership.",
               "Shows how a review result changes a priority, and who decides the change."),
              "Tabletop observation sheet"),
    Objective("Apply humanitarian safeguards when proposing integrated arrangements.",
              "IAP Policy 2013 safeguards on humanitarian principles; OCHA policy instruction on integrated presences", ("IAP Policy 2013", "OCHA policy instruction on integrated presences"),
              "How should integration take account of humanitarian principles and humanitarian space?", ("humanitarian",),
              "Tabletop exercise: co-branded quick-impact projects and armed escorts",
              ("Ignores humanitarian principles.", "Names the principles but proposes arrangements that breach them.",
               "Proposes arrangements that protect humanitarian space, with the HC's role.", "Weighs each arrangement case by case and explains the trade-off to the mission leadership."),
              "Tabletop observation sheet"),
    Objective("Plan the transfer of tasks in a transition.",
              "IAP Handbook 2014, section III.5.2; Security Council resolution 2594 (2021)", ("IAP Handbook 2014", "Security Council resolution 2594 (2021)"),
              "How were the mission's tasks handed over to the country team and national authorities during the transition?", ("transition", "handover", "hand over", "transfer"),
              "Workshop: a task-transfer plan with funding gaps for the course scenario",
              ("No transfer plan.", "Tasks listed without a receiving entity.", "Each task with a receiving entity, timing and funding source.", "Also identifies the financial cliff and a fallback for tasks no one can take."),
              "Syndicate product: transfer plan"),
)


def by_day(days: int) -> list[list[Objective]]:
    """The objectives spread over the days in order; days beyond the objectives are integrating exercise days."""
    teach = min(days, len(OBJECTIVES))
    per, extra = divmod(len(OBJECTIVES), teach)
    out, start = [], 0
    for d in range(teach):
        n = per + (d < extra)
        out.append(list(OBJECTIVES[start:start + n]))
        start += n
    return out + [[] for _ in range(days - teach)]


def _day_table(day: list[Objective], number: int, last: bool) -> list[list[str]]:
    """A day of four sessions: each objective's session, then practice on the day's objectives, then back-briefs."""
    opening = "Opening: course aims, participants' expectations, pre-course quiz" if number == 1 else f"Recap of day {number - 1}"
    if day:
        sessions = [(o.session, o.text) for o in day]
        if len(sessions) < 3:
            sessions.append(("Practice: syndicates apply the day's objectives to the course scenario", " / ".join(o.text.rstrip(".") for o in day)))
    else:
        sessions = [("Integrating tabletop exercise, move 1: all objectives under injects", "All"),
                    ("Integrating tabletop exercise, move 2", "All"), ("Syndicate work on the exercise's products", "All")]
    sessions.append(("Syndicate back-briefs and facilitator feedback", ""))
    times = [("09:30–11:00", "11:00–11:15", "Break"), ("11:15–12:45", "12:45–13:45", "Lunch"),
             ("13:45–15:15", "15:15–15:30", "Break"), ("15:30–16:30", "", "")]
    rows = [["Time", "Session", "Objective"], ["09:00–09:30", opening, ""]]
    for (slot, pause, what), (session, objective) in zip(times, sessions[:4], strict=False):
        rows.append([slot, session, objective])
        if pause:
            rows.append([pause, what, ""])
    rows.append(["16:30–17:00", "Post-course quiz, rubric scoring and course evaluation" if last else
                 "Daily hot-wash: what worked, what to change tomorrow", ""])
    return rows


def _held(name: str, retriever: Retriever) -> bool:
    """Whether a library document's title, short name or symbol names this text."""
    symbol = SYMBOL.search(name)
    key = (symbol.group(0) if symbol else name).lower()
    return any(key in f"{r.meta.title} {r.meta.short} {r.meta.symbol}".lower() for r in retriever.records
               if r.meta.origin != "catalogue")


def rubric() -> list[list[str]]:
    """Criteria × levels, with the evidence each criterion is scored on."""
    return [["Criterion", *LEVELS, "Evidence"], *[[o.text, *o.rubric, o.evidence] for o in OBJECTIVES]]


def course(text: str, shape: Shape, participants: int, retriever: Retriever) -> Report:
    """The course design: audience, objectives mapped to anchors (with library quotes), the days, and the rubric."""
    days = min(shape.days or DEFAULT_DAYS, MAX_DAYS)
    plan = by_day(days)
    groups, size = syndicates(participants, shape.group)
    book = CitationBook()
    named = list(dict.fromkeys(t for o in OBJECTIVES for t in o.texts))
    notes = [f"{n} The anchors below name it for the trainer; nothing in this course quotes it."
             for n in missing_notes(" and ".join(named), retriever)]
    absent = [t for t in named if not _held(t, retriever) and not any(t in n for n in notes)]
    if absent:
        notes.append(f"Not in the library: {', '.join(absent)}. The anchors name them so the trainer can find them; what the "
                     "library says of them second-hand is quoted under each objective.")
    if (shape.days or 0) > MAX_DAYS:
        notes.append(f"Courses are laid out for at most {MAX_DAYS} days; you asked for {shape.days}.")
    if days < len(OBJECTIVES) / 3:
        notes.append(f"{days} {'day gives' if days == 1 else 'days give'} each objective a short session only; three days suit seven objectives.")
    blocks = [
        *opening(text, (
            f"A {days}-day joint course for {participants} mission and UN country team planners, in {groups} mixed syndicate{'s' * (groups != 1)} of up to "
            f"{size}, on integrated assessment and planning. Participants leave able to do what the {len(OBJECTIVES)} objectives "
            "below state; each is assessed against the rubric at the end."), notes),
        Block(kind="heading", text="Learning objectives and their policy anchors", level=1),
        Block(kind="table", rows=[["#", "Learning objective", "Anchor", "Day"]]
              + [[str(k), o.text, o.anchor, str(d)] for d, day in enumerate(plan, 1) for k, o in
                 [(OBJECTIVES.index(o) + 1, o) for o in day]]),
        Block(kind="heading", text="What the library says on each anchor", level=1),
    ]
    for k, o in enumerate(OBJECTIVES, 1):
        quotes = library_lines(o.ask, retriever, book, o.terms, limit=2)
        blocks.append(Block(kind="heading", text=f"Objective {k}: {o.text}", level=2))
        blocks.append(Block(kind="bullets", items=quotes) if quotes else
                      Block(kind="note", text=f"The library has no passage on this anchor ({o.anchor})."))
    for d, day in enumerate(plan, 1):
        blocks += [Block(kind="heading", text=f"Day {d}" + (f": objectives {', '.join(str(OBJECTIVES.index(o) + 1) for o in day)}" if day else ": integrating exercise"), level=1),
                   Block(kind="table", rows=_day_table(day, d, d == days))]
    blocks += [
        Block(kind="heading", text="Evaluation rubric", level=1),
        Block(kind="paragraph", text=("Score each participant (or syndicate, for syndicate products) on each criterion. A participant "
                                      "meets the course standard at level 3 on at least five criteria and no criterion at level 1.")),
        Block(kind="table", rows=rubric()),
        Block(kind="heading", text="Assessment instruments", level=1),
        Block(kind="bullets", items=[
            "Pre- and post-course quiz on the library's texts (`planassist quiz --topic \"integrated assessment and planning\"`).",
            "Syndicate products (analysis, ISF extract, transfer plan), scored against the rubric by two facilitators.",
            "Observation sheets for the drill and the tabletop exercises.",
            "Participant feedback form at the end of each day and a course after-action review (`planassist exercise --topic \"hot-wash and AAR template\"`)."]),
    ]
    return Report(title=f"Course design: a {days}-day joint course on integrated assessment and planning",
                  subtitle=f"course design · {days} {'day' if days == 1 else 'days'} · {len(OBJECTIVES)} learning objectives · rubric of {len(LEVELS)} levels · {participants} participants",
                  blocks=blocks, sources=book.sources)
