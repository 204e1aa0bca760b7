# ruff: noqa: E501 — prose for trainers (briefs, injects, read-ahead) reads better unbroken.
"""Joint-training exercise packs for mixed mission / UN country team groups, by topic.

A pack follows UN training exercises: purpose and audience, learning objectives, a read-ahead scenario (from the
planning context, or a fictional country), a real case from the corpus (cited as such), role cards with confidential
briefs, a timetable with injects, discussion questions, a facilitator answer key and debrief questions.

The topic picks from the catalogue (:mod:`assistant.products.exercise_catalogue`) the roles, briefs, injects,
objectives and questions that fit it. The length picks the format: a 90-minute tabletop (two moves, two injects), a half
day (three moves, a break, snap situations), a full day (four moves, breaks and lunch, syndicates rotating roles) or two
days (six moves, an end-of-day hot-wash, a second-day recap and an after-action review). The answer key is the answer
work's own answer to each question (:mod:`exercise_key`); where the library is silent it says so.

>>> [row[1] for row in timeline(90, ["A", "B"], 3)][1:3]
['Opening: objectives, rules, scenario brief', 'Role allocation and reading of briefs']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from assistant.answering.answer import answer_question
from assistant.citation import CitationBook
from assistant.constants import MAX_MINUTES, MAX_PARTICIPANTS, MIN_MINUTES, MIN_PARTICIPANTS
from assistant.errors import InvalidRequest
from assistant.index.lexical import tokenize
from assistant.index.retrieve import Filters, Retriever
from assistant.products.context import PlanningContext
from assistant.products.exercise_aar import DEBRIEF_BANK
from assistant.products.exercise_cast import own_titles
from assistant.products.exercise_catalogue import TOPICS, Topic
from assistant.products.exercise_closure import after_closure
from assistant.products.exercise_drill import round_situations
from assistant.products.exercise_guide import guide, mel, objectives_played
from assistant.products.exercise_key import answer_key, cited
from assistant.products.exercise_red_lines import brief_lines
from assistant.products.exercise_requests import (
    Requested,
    after_premise,
    echoed,
    extra_injects,
    match_topic,
    premise_injects,
    request_note,
    requested_injects,
    topic_fits,
    topic_roles,
)
from assistant.products.exercise_roles import (
    for_entities,
    for_presence,
    lead_cards,
    named_agency_cards,
    retitled,
    role_for,
    to_named_agencies,
)
from assistant.products.exercise_setting import (
    ARMY,
    STAKEHOLDERS,
    assumptions_note,
    conflict_area,
    map_text,
    placed_in,
    places,
    scenario_setting,
    security_actor,
)
from assistant.products.exercise_shapes import subject as shape_subject
from assistant.products.exercise_stakes import played_situation, played_topics, tension_injects
from assistant.products.exercise_timeline import assign, day_plan, hm, move_spans
from assistant.products.export import Block, Report
from assistant.products.missing_texts import missing_notes
from assistant.products.statements import FIRST_PERSON

SYNDICATE_SIZE = 6
DEFAULT_COUNTRY = "Carana"
DAY = 480


@dataclass(frozen=True)
class Format:
    """How a session of a given length is run."""

    name: str
    moves: int
    injects: int
    snap_round: bool
    rotate: bool
    days: int


def format_for(minutes: int) -> Format:
    """More moves, injects, breaks and rotations as time grows (the name never states a length: the header does)."""
    if minutes <= 120:
        return Format("tabletop exercise", 2, 2 if minutes < 120 else 3, False, False, 1)
    if minutes <= 270:
        return Format("half-day tabletop exercise", 3, 4, True, False, 1)
    if minutes <= DAY:
        return Format("one-day exercise", 4, 6, True, True, 1)
    return Format("two-day exercise", 6, 9, True, True, 2)


def validate(topic: str, minutes: int, participants: int) -> None:
    """Clear errors for a request the pack cannot serve."""
    if len(topic.strip()) < 3:
        raise InvalidRequest("topic: give the subject of the exercise (at least 3 characters)")
    if not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise InvalidRequest(f"minutes: between {MIN_MINUTES} and {MAX_MINUTES} (two days of eight hours)")
    if not MIN_PARTICIPANTS <= participants <= MAX_PARTICIPANTS:
        raise InvalidRequest(f"participants: between {MIN_PARTICIPANTS} and {MAX_PARTICIPANTS}")


def timeline(minutes: int, injects: list[str], syndicates: int) -> list[list[str]]:
    """The timetable: one row per phase with its clock time and the injects released in it; an inject asked for at a
    minute of the session ('(minute 55)') is released then, in the move running at that time."""
    fmt = format_for(minutes)
    moves = list(range(1, fmt.moves + 1))
    by_day = [moves[: len(moves) // fmt.days], moves[len(moves) // fmt.days:]] if fmt.days == 2 else [moves]
    plans = [day_plan(minutes // fmt.days, day, d == 0, d == len(by_day) - 1, fmt.snap_round and d == len(by_day) - 1)
             for d, day in enumerate(by_day)]
    assigned, timed = assign(injects, moves, move_spans(plans[0]))
    header = ["Day", "Time", "Phase", "Injects"] if fmt.days == 2 else ["Time", "Phase", "Injects"]
    rows = [header]
    for d, plan in enumerate(plans):
        clock = 0
        for phase, length, move in plan:
            releases = []
            if move is not None:
                idx = assigned[move]
                for j, i in enumerate(idx):
                    at = clock + (length * (j + 1)) // (len(idx) + 1) if move == 1 else clock + (length * j) // max(1, len(idx))
                    releases.append(f"{hm(timed.get(i, at))} — Inject {i + 1}: {injects[i]}")
            row = [f"{hm(clock)}–{hm(clock + length)}", phase, "; ".join(sorted(releases, key=_clock))]
            rows.append([f"Day {d + 1}", *row] if fmt.days == 2 else row)
            clock += length
    return rows


def _clock(release: str) -> int:
    hours, minutes = release.split(" — ")[0].split(":")
    return int(hours) * 60 + int(minutes)


def scenario(topic: Topic, ctx: PlanningContext | None = None, country: str = DEFAULT_COUNTRY) -> list[Block]:
    """The read-ahead: background, actors, humanitarian and economic situation, UN presence, the start state, map."""
    s = scenario_setting(ctx, country)
    c = s["country"]
    real = s["fictional"] == "no"
    found, uniformed = places(ctx), ctx is None or ctx.presence == "PKO"
    area, held = conflict_area(found)
    blocks = [Block(kind="note", text=assumptions_note(c, real))] if ctx is not None else []
    sections = [
        ("Background", (
            f"{c} is a {'' if real else 'fictional '}country of about nine million people, emerging from a decade of intermittent armed "
            f"conflict between the central government and armed movements based in its {area}. "
            f"{s['agreement']} ended the worst fighting, created a power-sharing government and promised decentralization, security "
            f"sector reform and the return of displaced people. Implementation is slow: the army and police are still being rebuilt, "
            f"state administration is absent from many districts, and two armed movements that did not sign the agreement control "
            f"parts of {held}. Land disputes between returning families and those who settled during the war are a growing source of local violence.")),
        ("Actors", (
            f"The President's party dominates the government and wants to show that the peace agreement has delivered before the next "
            f"elections. The main opposition party accuses it of using state resources for the campaign. The Ministry of Planning leads "
            f"relations with the United Nations and donors and insists on national ownership; {security_actor(uniformed)}. "
            f"Civil society is active in the capital but weak in the provinces; women's organizations and youth "
            f"groups ask for a voice in the peace process. A regional organization observes the ceasefire, and two neighbouring states "
            f"host refugees from {c} and follow events closely.")),
        ("Humanitarian and economic situation", (
            f"{s['displaced']} "
            f"{'An active humanitarian response plan is in place and half funded.' if ctx is None or ctx.humanitarian_response else 'There is no humanitarian response plan; needs are met through development programmes.'} "
            f"The economy depends on agriculture and a mining sector whose revenues rarely reach the provinces. Youth unemployment is high, "
            f"public salaries are often paid late, and donors have begun to shift their funding from humanitarian to development programmes.")),
        ("The UN presence", (
            f"{s['mission']}, a {s['presence']}, works alongside a UN country team ({s['entities']}). Its mandate covers: {s['tasks']}. "
            f"The mission and the country team share an Integrated Strategic Framework aligned with {s['plan']} (priorities: {s['priorities']}); "
            f"the country team also has a Cooperation Framework with the Government. A senior leadership forum brings mission and agency "
            f"heads together monthly; working groups under each priority are co-chaired by a mission section and an agency. "
            f"{s['tensions']}")),
        (f"Start state: {topic.named}", (
            f"{placed_in(topic.situation, ctx)} The senior leadership has called an extraordinary meeting. Each syndicate plays the mission and country "
            f"team leadership and must agree a course of action, who decides it, and how it is communicated to the Government and to "
            f"Headquarters. The facilitator releases injects on the timetable; the time jumps between moves.")),
        ("Map description", map_text(c, s["mission"], uniformed, found)),
    ]
    for title, text in sections:
        blocks += [Block(kind="heading", text=title, level=2), Block(kind="paragraph", text=text.strip())]
    blocks += [
        Block(kind="heading", text="Stakeholders (exercise assumptions)", level=2),
        Block(kind="table", rows=[list(row) for row in STAKEHOLDERS if uniformed or not ARMY.search(" ".join(row))]),
        Block(kind="heading", text="Documents in the pack", level=2),
        Block(kind="bullets", items=[
            "Mandate extract (above) and the latest report of the Secretary-General (fictional summary).",
            "The Integrated Strategic Framework's priorities and results matrix (use a draft from `planassist draft`).",
            "Role cards and confidential briefs (handed out separately).", "The real case from the corpus below, for discussion."]),
    ]
    return blocks


def scenario_words(blocks: list[Block]) -> int:
    """Words of read-ahead text (paragraphs, notes and bullets)."""
    return sum(len(t.split()) for b in blocks if b.kind != "heading" for t in [b.text, *b.items])


def _injects(chosen: Topic, fmt: Format, asked: list[Requested], done: set[str], also: list[Topic], played: list) -> list:
    """The trainer's asked-for injects first, then the topic's own, then those of the other topics the request also
    names, each in turn (up to half the injects: a closure asked beside elections got one of six), then the nearest
    topics' (more for longer formats); none that the request says has already happened (``done``)."""
    out, half = [r.inject for r in asked] + played[:max(1, fmt.injects // 3)], fmt.injects // 2  # the context's tensions
    taken = {o.title for o in out} | {r.replaces for r in asked} | done
    theirs = [i for j in range(half) for t in also for i in t.injects[j:j + 1] if i.title not in taken][:half]
    out += [i for i in after_premise(chosen, done) if i.title not in taken][: max(0, fmt.injects - len(out) - len(theirs))]
    out += [i for i in theirs if i.title not in {o.title for o in out}][: max(0, fmt.injects - len(out))]
    out = _distinct(out + extra_injects(chosen, fmt.injects - len(out), {o.title for o in out} | done))
    return out + extra_injects(chosen, fmt.injects - len(out), {o.title for o in out} | taken)


SAME_EVENT = 0.6  # share of the shorter inject's words: two topics' injects telling one event ('Armed men attack …')


def _distinct(injects: list) -> list:
    """The injects less one telling an event told before: trial 15 played the same attack on a displacement site twice,
    from the protection and the crisis topics."""
    kept: list = []
    for inject in injects:
        words = set(tokenize(inject.content))
        if not any(len(words & (w := set(tokenize(k.content)))) >= SAME_EVENT * min(len(words), len(w)) for k in kept):
            kept.append(inject)
    return kept


def _no_topic(chosen: Topic) -> str:
    return (f"No catalogue topic fits this request, so the pack uses the {chosen.named} topic; its roles, injects "
            f"and questions may not be what you asked for. Topics: {', '.join(t.named for t in TOPICS)}.")


def exercise(topic: str, minutes: int, participants: int, retriever: Retriever, backend: str = "auto",
             country: str = DEFAULT_COUNTRY, context: PlanningContext | None = None,
             injects: list[str] | None = None, inject_count: int | None = None, cast: list[str] | None = None) -> Report:
    """A complete exercise pack on the topic; ``injects`` are events the trainer wants played (matched to the catalogue),
    ``inject_count`` the number of injects asked for (else the format's), ``cast`` the roles asked for."""
    validate(topic, minutes, participants)
    chosen, tension = played_situation(after_closure(match_topic(topic), topic), topic, context.tensions if context else [])
    subject = about if not (about := shape_subject(topic)).endswith("…") else chosen.named
    fmt = format_for(minutes) if not inject_count else replace(format_for(minutes), injects=inject_count)
    book = CitationBook()
    syndicates = max(1, round(participants / SYNDICATE_SIZE))
    asked, played = echoed(requested_injects(topic, injects or []), tension_injects(tension))
    done = premise_injects(topic)  # what happened, not played
    events = [replace(i, content=placed_in(i.content, context))
              for i in _injects(chosen, fmt, asked, done, played_topics(topic, chosen, tension), played)]
    sentences = re.split(r"(?<=[.;?!])\s+", topic)  # the trainer's whole sentence for each event asked ('WFP and …')
    events = to_named_agencies(events, {r.inject.title: next((s for s in sentences if r.asked_for[:40] in s), r.asked_for)
                                        for r in asked})
    when = {r.inject.title: r.when for r in asked if r.when}
    cards = [(n, role_for(n)) for n in cast or []]
    named = [(card, chosen.briefs.get(n, card.brief)) for n, card in cards]  # the roles asked for come first
    roles = named + [r for r in topic_roles(chosen, done) if r[0].title not in set(cast or [])]
    roles += lead_cards(topic, context.priorities if context else [], tension, {r.title for r, _ in roles},
                        context.mission if context else "")
    roles += named_agency_cards(topic, {r.title for r, _ in roles})  # every agency the request names plays
    roles, events = for_entities(roles, events, context.un_entities if context else None,
                                 bool(context and context.humanitarian_response))
    roles, events = retitled(*for_presence(roles, events, context.presence if context else "PKO", cast or []), own_titles(topic))
    case = answer_question(f"{chosen.title}: {topic}", retriever, backend="extractive", filters=Filters(types=["report"]))
    kept = [s for s in case.sentences if s.supported and s.citations and s.role != "note"
            and not FIRST_PERSON.search(s.text)][:2]
    case_lines = [cited(case, book, s.text, s.citations) for s in kept]  # only what is quoted enters the sources
    place = context.country if context else country
    table = timeline(minutes, [i.title + (f" ({when[i.title]})" if i.title in when else "") for i in events], syndicates)
    phases = " ".join(r[-2] for r in table[1:])
    homes = {i.title: list(t.objectives) for t in TOPICS if t is not chosen for i in t.injects
             if i.title not in {j.title for j in chosen.injects}}  # an inject from another topic tests its objective there
    objectives = objectives_played(chosen.objectives, events, homes, retriever.encoder.encode)
    blocks = [
        Block(kind="heading", text="Purpose and audience", level=1),
        Block(kind="paragraph", text=(
            f"A {fmt.name} on {subject} (catalogue topic: {chosen.named}) for {participants} mission and UN country team staff in "
            f"{syndicates} mixed syndicate{'s' * (syndicates != 1)} of about {participants // syndicates}. {fmt.moves} moves and {len(events)} injects"
            + (", with breaks" if "Break" in phases or "Lunch" in phases else "") + (", syndicates rotating roles between moves" if fmt.rotate else "")
            + (", a snap-situation round" if "Snap situations" in phases else "") + ".")),
        *[Block(kind="note", text=n) for n in ([] if topic_fits(topic) else [_no_topic(chosen)])
          + ([request_note(asked)] if asked else []) + missing_notes(topic, retriever)],
        Block(kind="heading", text="Learning objectives", level=1),
        Block(kind="bullets", items=objectives),
        Block(kind="heading", text="Scenario (read-ahead)", level=1),
        *scenario(chosen, context, place),
    ]
    if case_lines:
        blocks += [Block(kind="heading", text="A real case from the corpus", level=2),
                   Block(kind="note", text="Quoted from UN reports for discussion; the scenario is separate."),
                   Block(kind="bullets", items=case_lines)]
    blocks.append(Block(kind="heading", text="Role cards", level=1))
    for role, brief in roles:
        blocks += [Block(kind="heading", text=role.title, level=2),
                   Block(kind="bullets", items=[f"Interests: {role.interests}", f"Friction: {role.friction}",
                                                *brief_lines(role.title, placed_in(brief, context), topic)])]
    blocks += [Block(kind="heading", text="Timetable and injects", level=1),
               Block(kind="table", rows=table)]
    for n, inj in enumerate(events, 1):
        blocks += [Block(kind="heading", text=f"Inject {n}: {inj.title}", level=2),
                   Block(kind="bullets", items=[f"Medium: {inj.medium}", f"To: {inj.to}"]
                         + ([f"Scenario time: {when[inj.title]} (as requested)"] if inj.title in when else [])
                         + [f"Content: {inj.content}", f"Expected action: {inj.action}"])]
    if "Snap situations" in phases:  # the round the timetable holds: one situation per syndicate, none already an inject
        snaps = round_situations(chosen, syndicates, {i.title for i in events}, retriever.encoder.encode, context)
        blocks += [Block(kind="heading", text="Snap situations (one per syndicate)", level=1)] if snaps else []
        for k, x in enumerate(snaps, 1):
            blocks += [Block(kind="heading", text=f"Situation {k}: {placed_in(x.title, context)}", level=2),
                       Block(kind="paragraph", text=f"Case: {placed_in(x.case, context)} What do you do now, and who decides?"),
                       Block(kind="paragraph", text=f"Model answer: {placed_in(x.answer, context)}")]
    blocks += mel(events, table, when, objectives, retriever.encoder.encode) + guide(events, syndicates)
    questions = list(dict.fromkeys(chosen.questions))  # a topic played with another may share a question with it
    blocks += [Block(kind="heading", text="Discussion questions", level=1), Block(kind="bullets", items=questions),
               Block(kind="heading", text="Facilitator answer key", level=1),
               Block(kind="note", text="What a good answer draws on, quoted from the corpus. Where the corpus is silent, the "
                   "key says so.")]
    for q in questions:
        blocks += [Block(kind="heading", text=q, level=2), *answer_key(q, retriever, book, backend)]
    blocks += [Block(kind="heading", text="Debrief (hot-wash)", level=1), Block(kind="bullets", items=list(DEBRIEF_BANK))]
    return Report(title=f"Joint training exercise: {subject}",
                  subtitle=f"{fmt.name} · {minutes} minutes · {participants} participants · {'fictional country ' if not context or context.fictional else ''}{place}",
                  blocks=blocks, sources=book.sources)


CATALOGUE = tuple((t.key, t.title) for t in TOPICS)
