# ruff: noqa: E501 — situations and model answers are prose for trainers and read better unbroken.
"""Snap-situation drills: N short cases of M minutes each, each with its question and a model answer.

The DPKO/DFS scenario-based exercises use "snap situations": a short case on a handout, a few
minutes for a syndicate to decide, then the facilitator's model answer. A drill on *who
decides* (the Senior Leadership Forum, the Humanitarian Country Team, the Integrated Task Force
at Headquarters or the UN country team) draws on the bank below; a drill on a catalogue topic
turns that topic's injects into situations. Each model answer carries what the library says,
quoted and cited, or says that the library is silent: the remits of these mechanisms are set by
the IAP Policy 2013 and the IAP Handbook 2014, which the library catalogues but does not hold.

>>> [s.mechanism for s in MECHANISM_BANK][:4]
['HCT', 'SLF', 'ITF', 'UNCT']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.citation import CitationBook
from assistant.errors import InvalidRequest
from assistant.index.lexical import tokenize
from assistant.index.retrieve import Retriever
from assistant.products.context import PlanningContext
from assistant.products.exercise_answers import model_answer
from assistant.products.exercise_catalogue import TOPICS, Topic
from assistant.products.exercise_guide import Encode
from assistant.products.exercise_key import library_lines
from assistant.products.exercise_requests import extra_injects, match_topic, topic_fits
from assistant.products.exercise_roles import fit_injects
from assistant.products.exercise_shapes import Shape, opening, syndicates
from assistant.products.export import Block, Report
from assistant.products.missing_texts import missing_notes

DEFAULT_COUNT, DEFAULT_EACH = 6, 10
MAX_SITUATIONS = 12
INTRO, DEBRIEF = 10, 15
ON_POINT_WORDS = 2  # content words a quote shares with its situation to be on its point
OFF_POINT = frozenset(tokenize("un united nations mission country team government support national said also including "
                               "people staff report reports"))
MIN_EACH = 3
# Each mechanism and the words a quote must use to speak of it (not 'humanitarian' or 'headquarters' alone: 'Delivery as
# One … the cluster approach in the humanitarian field' says nothing of the HCT).
MECHANISMS = {
    "SLF": ("Senior Leadership Forum", ("senior leadership", "leadership forum", "integrated management team", "strategic policy group")),
    "HCT": ("Humanitarian Country Team", ("humanitarian country team", "humanitarian coordinator")),
    "ITF": ("Integrated Task Force at Headquarters", ("task force",)),
    "UNCT": ("UN country team", ("country team",)),
}
MECHANISM_WORDS = re.compile(r"\b(?:SLF|HCT|ITF|IMTF|UNCT|mechanisms?|forums?|who (?:should )?decides?|task force|leadership forum)\b", re.I)


@dataclass(frozen=True)
class Situation:
    """One snap situation: the case, what is asked, the model answer and the library question behind it."""

    mechanism: str
    title: str
    case: str
    answer: str
    not_this: str
    ask: str  # the question put to the library for what it says on the point


MECHANISM_BANK: tuple[Situation, ...] = (
    Situation("HCT", "Armed escorts for a food convoy",
              "The Force Commander offers armed escorts to WFP convoys on the eastern road after two attacks. Three NGOs say they will leave the joint logistics arrangement if escorts are used.",
              "The HCT, chaired by the Humanitarian Coordinator: the use of armed escorts is a humanitarian decision taken against the humanitarian principles and the last-resort test. The DSRSG/RC/HC brings the HCT's position to the mission leadership.",
              "Not the SLF: the mission leadership cannot decide for humanitarian actors how they protect their own access.",
              "How should humanitarian actors relate to the mission's military forces in an integrated presence?"),
    Situation("SLF", "Reprioritising after a troop cut",
              "The Council cuts the troop ceiling by 30 %. Two ISF priorities depend on military presence in the north. Agencies ask whether they should keep their northern programmes.",
              "The Senior Leadership Forum: it is the field forum where mission and country team leaders take joint strategic decisions, including a change to the ISF priorities; the joint planning capacity prepares the options.",
              "Not the ITF alone: Headquarters is consulted and informed, but the field leadership owns the ISF.",
              "Which forum brings mission and country team leadership together for joint decisions in an integrated mission?"),
    Situation("ITF", "Options for a new mission configuration",
              "The Secretary-General has asked for options for the UN presence after the mission's mandate ends in 18 months. The field team wants to start drafting a transition plan at once.",
              "The Integrated Task Force at Headquarters, chaired by the lead department: it leads the strategic assessment and the options that go to the Secretary-General, with the field taking part.",
              "Not the SLF: the field contributes analysis but does not decide the UN's options for the Council.",
              "What is the role of integrated task forces at headquarters in integrated planning?"),
    Situation("UNCT", "Aligning the Cooperation Framework",
              "The country team's Cooperation Framework is due for renewal. The Government wants its priorities to match the new national development plan; the mission's mandate is unchanged.",
              "The UN country team, led by the Resident Coordinator, with the Government: the Cooperation Framework is the country team's agreement with the Government. The DSRSG/RC/HC makes sure it stays consistent with the ISF.",
              "Not the SLF: the mission does not sign the Cooperation Framework, though it should be consulted where the ISF overlaps.",
              "How do the country team's development frameworks relate to the mission's integrated planning?"),
    Situation("SLF", "A joint public message on elections",
              "Violence at an opposition rally kills four people. The mission's spokesperson and UNDP's electoral project are each about to issue statements that differ on who is to blame.",
              "The Senior Leadership Forum (or its chair, the SRSG, acting for it in an emergency): one UN public position on a political event is a mission–country team decision, agreed before either statement goes out.",
              "Not the UNCT alone: a political statement engages the mission's good offices mandate.",
              "How should the mission and the country team coordinate their public communication?"),
    Situation("HCT", "Cholera in a displacement site",
              "Cholera is confirmed in a displacement site next to a mission base. The mission offers engineers and water trucks; health partners ask for a coordinated response plan within 48 hours.",
              "The HCT, through the health and WASH clusters under the Humanitarian Coordinator: the response plan is humanitarian; the mission's assets are offered as support requested through civil–military coordination.",
              "Not the SLF: it may note the offer of mission assets, but the humanitarian response is planned by humanitarian actors.",
              "How was the humanitarian response to cholera coordinated in Haiti?"),
    Situation("ITF", "Conflicting readings of a regional crisis",
              "The mission's analysis cell and the regional envoy's office send Headquarters opposite readings of a cross-border crisis. The Council expects a briefing in ten days.",
              "The Integrated Task Force at Headquarters: it brings the lead department, the envoy's office and the agencies together to agree one analysis for the Secretary-General's briefing.",
              "Not the field SLF alone: the envoy's office is outside the mission's leadership.",
              "How is joint analysis between headquarters and the field organized for integrated planning?"),
    Situation("UNCT", "Who takes over the justice programme",
              "The mission will close its justice section in nine months. UNDP and UN Women each propose to take over parts of the programme, and donors ask who leads.",
              "The UN country team under the Resident Coordinator agrees the division of labour among agencies; the transition plan, endorsed by the SLF, records the handover of the mission's tasks.",
              "Not the ITF: Headquarters follows the transition but does not allocate programmes among agencies in the field.",
              "How were the mission's tasks handed over to the country team during the transition?"),
)


def _mechanism_drill(text: str) -> bool:
    return bool(MECHANISM_WORDS.search(text))


def _topic_situations(text: str, count: int, encode: Encode | None = None,
                      ctx: PlanningContext | None = None) -> list[Situation]:
    """The topic's injects, then those of topics sharing a keyword with it, one per event (an attack near a base is not
    played twice), addressed as the context has them; each asks the library about its own event."""
    topic = match_topic(text)
    words = set(topic.keywords.split())
    related = sorted((t for t in TOPICS if t.key != topic.key and words & set(t.keywords.split())),
                     key=lambda t: -len(words & set(t.keywords.split())))  # no ballot logistics in a drill on principles
    injects = fit_injects(list(topic.injects) + [i for t in related for i in t.injects], ctx)
    out: list[Situation] = []
    for i in injects:
        if any(set(i.content.split()[:6]) == set(o.case.split()[:6]) for o in out):
            continue
        out.append(Situation("", i.title, i.content, model_answer(i, topic.objectives, encode), "",
                             f"{topic.title}: {i.title.lower()}. {i.content}"))
    return out


def round_situations(topic: Topic, count: int, taken: set[str], encode: Encode | None = None,
                     ctx: PlanningContext | None = None) -> list[Situation]:
    """A pack's snap-situation round: ``count`` situations on the topic that are not already its injects (``taken``),
    then the nearest other topics' events (a drawdown pack plays all its topic's events as injects), addressed as the
    planning context has them."""
    own = [s for s in _topic_situations(topic.title, count + len(taken), encode, ctx) if s.title not in taken]
    more = [Situation("", i.title, i.content, model_answer(i, topic.objectives, encode), "", f"{topic.title}: {i.content}")
            for i in fit_injects(extra_injects(topic, count, taken | {s.title for s in own}), ctx)]
    return (own + more)[:count]


def situations(text: str, count: int, encode: Encode | None = None) -> list[Situation]:
    """The first ``count`` situations that fit the request: the mechanism bank or the matched topic's injects."""
    if _mechanism_drill(text):
        return list(MECHANISM_BANK[:count])
    if not topic_fits(text):
        topics = ", ".join(t.named for t in TOPICS)
        raise InvalidRequest("no snap situations built: neither the library nor the exercise catalogue covers this subject. "
                             f"Drills can be built on who decides (SLF, HCT, ITF, UN country team) or on a catalogue topic: {topics}.")
    return _topic_situations(text, count, encode)[:count]


def timetable(count: int, each: int, debrief: int = DEBRIEF) -> list[list[str]]:
    """Introduction, one row per situation, then the plenary debrief."""
    rows, clock = [["Time", "Phase"]], 0
    for phase, length in [("Introduction: the rules, the syndicates and the handouts", INTRO),
                          *[(f"Situation {k}: syndicates decide and prepare a one-minute answer", each) for k in range(1, count + 1)],
                          ("Plenary debrief: model answers, what the library says, open questions", debrief)]:
        rows.append([f"{clock // 60}:{clock % 60:02d}–{(clock + length) // 60}:{(clock + length) % 60:02d}", phase])
        clock += length
    return rows


def on_point(situation_text: str, sentence: str) -> bool:
    """A quote is on the situation's point when it shares ON_POINT_WORDS content words with its title and case."""
    return len(_content(situation_text) & _content(sentence)) >= ON_POINT_WORDS


def _content(text: str) -> set[str]:
    return set(tokenize(text)) - OFF_POINT


def _quotes(s: Situation, retriever: Retriever, book: CitationBook, terms: tuple[str, ...], used: set[str]) -> list[str]:
    """Quotes for a situation: on a catalogue topic, only sentences on the situation's own point, asked about the event and
    then about what to do (a GBV workshop is not an answer about an attack on a camp); on a mechanism, those naming it."""
    if s.mechanism:
        return [q for q in library_lines(s.ask, retriever, book, terms) if q not in used]
    point = f"{s.title}. {s.case}"
    out: list[str] = []
    for ask in (s.ask, f"What should the UN do when {s.case[:1].lower() + s.case[1:]}"):
        out += [q for q in library_lines(ask, retriever, book, limit=2 - len(out), keep=lambda t: on_point(point, t))
                if q not in used and q not in out]
        if len(out) >= 2:
            break
    return out


def _each(shape: Shape, count: int, minutes: int | None) -> tuple[int, list[str]]:
    """Minutes per situation: from an explicit length in all (which wins, as for every product), else the request's own
    per-situation minutes, else the default; with a note where the two disagree or the length is too short."""
    each = shape.minutes_each or DEFAULT_EACH
    if not minutes:
        return each, []
    fitted = max(MIN_EACH, (minutes - INTRO - DEBRIEF) // count)
    notes = [f"The request gives {each} minutes a situation; the length you set ({minutes} minutes) gives each {fitted}."] \
        if shape.minutes_each and fitted != each else []
    if INTRO + DEBRIEF + fitted * count > minutes:
        notes.append(f"{count} situations of at least {MIN_EACH} minutes do not fit in {minutes} minutes with the introduction "
                     "and debrief; the timetable runs longer.")
    return fitted, notes


def drill(text: str, shape: Shape, participants: int, retriever: Retriever, minutes: int | None = None) -> Report:
    """The drill: purpose, timetable, then each situation with its case, question, model answer and library quotes."""
    count = min(shape.count or DEFAULT_COUNT, MAX_SITUATIONS)
    chosen = situations(text, count, retriever.encoder.encode)
    each, timing = _each(shape, len(chosen), minutes)
    mechanism = _mechanism_drill(text)
    groups, size = syndicates(participants, shape.group)
    debrief = max(DEBRIEF, (minutes or 0) - INTRO - each * len(chosen))  # an explicit length's remainder goes to the debrief
    total = INTRO + each * len(chosen) + debrief
    book = CitationBook()
    notes = [f"You asked for {count} situations; the bank holds {len(chosen)} that fit, so the drill has {len(chosen)}."] if len(chosen) < count else []
    notes += timing
    used: set[str] = set()  # a passage quoted under one situation is not repeated under the next
    quoted = []
    for s in chosen:
        quoted.append(_quotes(s, retriever, book, MECHANISMS[s.mechanism][1] if s.mechanism else (), used))
        used.update(quoted[-1])
    if not mechanism and 2 * sum(not q for q in quoted) > len(quoted):
        notes.append(f"The library holds little on {match_topic(text).named}: {sum(not q for q in quoted)} of "
                     f"{len(quoted)} situations have no passage on their point, so their model answers are the exercise "
                     "designer's alone. Check them against your mission's own policy and directives before the session.")
    if (shape.count or 0) > MAX_SITUATIONS:
        notes.append(f"A drill holds at most {MAX_SITUATIONS} situations; you asked for {shape.count}.")
    missing = missing_notes("IAP Policy 2013 and the IAP Handbook 2014", retriever) if mechanism else []
    if missing:
        notes += [*missing, "The model answers below are the exercise designer's reading of the mechanisms' remits, which those texts set; "
                  "check them against the texts before the session. Only the quotes under \"What the library says\" are cited."]
    question = ("Which mechanism should decide this — the Senior Leadership Forum (SLF), the Humanitarian Country Team (HCT), "
                "the Integrated Task Force at Headquarters (ITF) or the UN country team (UNCT) — and who takes it there?") if mechanism else ""
    blocks = [
        *opening(text, (
            f"A snap-situation drill of {len(chosen)} situations, {each} minutes each ({total} minutes in all, with a {INTRO}-minute "
            f"introduction and a {debrief}-minute plenary debrief), for {participants} mission and UN country team staff in {groups} "
            f"mixed syndicate{'s' * (groups != 1)} of up to {size}. Each syndicate gets one situation at a time on a handout, decides, and gives a "
            "one-minute answer; the facilitator then reads the model answer."), notes),
        Block(kind="heading", text="Learning objective", level=1),
        Block(kind="bullets", items=["Choose and use the right integrated mechanism for a decision, and say who brings the issue to it."
                                     if mechanism else f"Decide quickly and jointly on {match_topic(text).named} dilemmas, and say who decides."]),
        Block(kind="heading", text="Timetable", level=1),
        Block(kind="table", rows=timetable(len(chosen), each, debrief)),
    ]
    if mechanism:
        blocks += [Block(kind="heading", text="The mechanisms (handout)", level=1),
                   Block(kind="bullets", items=[f"{k}: {name}" + (" (field)" if k == "SLF" else "") for k, (name, _) in MECHANISMS.items()])]
    blocks.append(Block(kind="heading", text="Situations", level=1))
    for k, (s, quotes) in enumerate(zip(chosen, quoted, strict=True), 1):
        blocks += [Block(kind="heading", text=f"Situation {k} ({each} minutes): {s.title}", level=2),
                   Block(kind="paragraph", text=f"Case: {s.case}"),
                   Block(kind="paragraph", text=f"Question: {question or 'What do you do now, and who decides?'}"),
                   Block(kind="paragraph", text=f"Model answer{f' — {s.mechanism}' if s.mechanism else ''}: {s.answer}" + (f" {s.not_this}" if s.not_this else ""))]
        if quotes:
            blocks += [Block(kind="paragraph", text="What the library says:"), Block(kind="bullets", items=quotes)]
        else:
            blocks.append(Block(kind="note", text=(f"The library does not describe the {MECHANISMS[s.mechanism][0]}'s role in a case like this; "
                                                   "the model answer rests on texts the library lacks." if s.mechanism else
                                                   "The library has no passage on this point; the model answer is the exercise designer's.")))
    blocks += [Block(kind="heading", text="Debrief questions", level=1),
               Block(kind="bullets", items=["Which situations split the syndicates, and why?",
                                            "Where was the right forum unclear, and what would make it clear (a ToR, a standing agenda item, a decision rule)?",
                                            "Which decisions needed both the mission and the country team?",
                                            "What should we take back to our own mission or country team?"])]
    subject = "who decides — SLF, HCT, ITF or UNCT" if mechanism else match_topic(text).named
    return Report(title=f"Snap-situation drill: {subject}",
                  subtitle=f"snap-situation drill · {len(chosen)} situations × {each} minutes · {total} minutes in all · {participants} participants",
                  blocks=blocks, sources=book.sources)
