"""What a trainer asks for, matched against the exercise catalogue: the topic and the injects.

A request such as "a one-day CPX on mission drawdown: a financial cliff at month 6, an election
incident at month 9 and a Security Council request for benchmarks" picks the transition topic
and asks for three injects. Each asked-for event (a clause of the request, or an ``--inject``
given on its own) is matched to the catalogue inject whose own words it shares most, with its
topic's keywords as a tie-breaker, so an election incident in a drawdown exercise comes from
the elections topic. An event the catalogue has no inject for becomes a facilitator inject in
the trainer's words, marked as such. A time the trainer gives ("at month 9") stays with it.

>>> match_topic("mission drawdown and handover of tasks").key
'transition'
>>> [(r.inject.title, r.when) for r in requested_injects("drawdown with an election incident at month 9")]
[('Election incident: violence at a rally', 'month 9')]
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace

from assistant.index.lexical import tokenize
from assistant.products.exercise_catalogue import CORE, TOPICS, Inject, Topic
from assistant.products.exercise_roles import ROLES, Role

CLAUSE = re.compile(r"[.;:]\s+|,\s*(?:and\s+)?|\s+(?:and|with|plus|then)\s+")
WHEN = re.compile(r"\b(?:at|in|by|after|on)\s+((?:month|week|day|hour|minute)\s+\d+)\b", re.IGNORECASE)
GENERIC = frozenset(tokenize("mission un united nations country team government exercise inject injects one day cpx tabletop "
                             "write build design master events list include includes appears appear month week near "
                             "after before during out no longer available reports"))  # 'after' names no event
AS_WRITTEN = 8  # words from which an event the trainer describes is played as written, not as the catalogue's
OWN_WORDS = 2  # words an event shares with an inject's title and content for a request to name it ("data" alone does not)
ASKED_SCORE = 1.5  # and, for an asked-for event, its score with the topic's keywords
# The clause that asks for the product ("Build a 2-hour tabletop for a team facing a renewal where the Council asks for
# benchmarks") is the frame, not an event; only what follows "where", "in which", "when"... in it describes one.
FRAME = re.compile(r"^\s*(?:please\s+)?(?:build|design|create|write|draft|prepare|give|set up|make|produce|develop|run|plan|"
                   r"simulate|put together|i need|i'd like|i would like|we need)\b", re.IGNORECASE)
PARTS = re.compile(r"\b(?:\d+|\w+) injects?\b|role (?:cards?|briefs?)|facilitator|debrief|read-ahead|answer key|stakeholder "
                   r"list|map description|master events list|learning objectives|participants\b", re.IGNORECASE)
PRODUCT = re.compile(r"\b(?:exercise|tabletop|simulation|cpx|ttx|workshop|drill|course|session|role[- ]play|game|meeting)s?\b",
                     re.I)
AUDIENCE = re.compile(r"\s*(?:they|participants|the participants|the audience|players|the group)\s+(?:are|will be|include)\b",
                      re.IGNORECASE)
WANTED = re.compile(r"\b(?:(?:one|an?|the) inject (?:that )?(?:I|we) (?:\w+ )?(?:want|need|would like)\s*(?:is\s*)?:|"
                    r"one of them (?:should|must|will|could) be(?: that)?)\s*"
                    r"(?:(?:halfway through|at the start|at the end|early on|later),\s*)?(?P<event>[^.!?]+)[.!?]?", re.IGNORECASE)
# 'There is one inject, at minute 55: two weeks after …. The governor goes on radio …': the inject told whole, up to three
# sentences (not the instruction after it), with its time
INJECT_TOLD = re.compile(r"\b(?:there (?:is|will be)|it has|with|include)\s+(?:one|an?|a single)\s+inject"
                         r"(?:,?\s+(?P<at>at\s+(?:minute|hour)\s+\d+))?\s*:\s*(?P<event>[^.!?]+[.!?]"
                         r"(?:\s+(?!(?:Show|Give|Include|Add|Make|Use|Build|Please|List|Provide|Write)\b)(?-i:[A-Z])[^.!?]*[.!?]){0,2})",
                         re.IGNORECASE)
ONE_WHERE = re.compile(r"\s*(?:including|with|and|plus)?\s*(?:one|an? (?:inject|event))\s+(?:where|in which|when|of which "
                       r"(?:is|has|sees))\b", re.I)  # 'three injects, one of which is the Government asking …' (hc15)
EVENT_TAIL = re.compile(r"\b(?:where|in which|during which|when|whereby|after|as soon as|of which (?:is|has|sees))\s+(.+)$",
                        re.IGNORECASE)
FRAME_TAIL = re.compile(r"\b(?:where|in which|during which|when|whereby|as soon as)\s+(.+)$", re.IGNORECASE)
# "a meeting on reprioritising the ISF after a 30% troop cut": the cut has happened when play starts — a premise, not an inject
PREMISE = re.compile(r"\b(?:after|following|in the wake of)\s+((?:an?|the)\s+[^.;,]+)", re.IGNORECASE)
# "a tabletop on a disputed election result": the event the exercise is about, when two words of a catalogue inject's title
# name it ("on the Integrated Strategic Framework" names a subject, not the inject on a rejected framework)
# a role list names players, not events ('role cards for the SRSG, the FC …')
ROLE_LIST = re.compile(r"\brole (?:cards?|briefs?|players?)\b[^.]*|\broles?\b\s*(?:for|of|:|\()[^.]*", re.IGNORECASE)
SUBJECT_EVENT = re.compile(r"\bon\s+((?:an?|the)\s+[^.;,:]+?)"
                           r"(?=\s+(?:in|for|with|where|between|among|at|involving|and)\s|[.;,:]|$)", re.IGNORECASE)


@dataclass(frozen=True)
class Requested:
    """An inject the trainer asked for, with the scenario time they gave and whether the catalogue had it."""

    inject: Inject
    when: str
    asked_for: str
    catalogued: bool
    replaces: str = ""  # the catalogue inject played in the trainer's own words, so the pack does not play it again


def _words(text: str) -> set[str]:
    return set(tokenize(text.replace("-", " "))) - GENERIC


def topic_fits(text: str) -> bool:
    """Whether any catalogue topic fits the subject (else :func:`match_topic` falls back to transition)."""
    lowered = text.strip().lower()
    words = set(tokenize(text))
    return any(lowered in (t.key, t.named) or words & set(tokenize(f"{t.title} {t.keywords}")) for t in TOPICS)


HANDOVER = re.compile(r"\bhand(?:ing|s|ed)?[- ]?over\b|\bhandovers?\b|\btransferr?(?:ing|s)?\b[^.]{0,60}\bto the\b", re.I)


# "… on humanitarian space in the Oron valley as the mission hands over, with an inject …": what the exercise is on, before
# the clause that sets its time and the parts asked for
ON_SUBJECT = re.compile(r"\b(?:on|about|the topic is|topic:|the subject is)\s+(?!\d)(?P<subject>.+?)"
                        r"(?=\s+(?:as|while|amid|during|with|for|including|in which|where)\b|[,;:.(]|$)", re.IGNORECASE)


def _title_words(text: str) -> list[tuple[int, int]]:
    """Each topic's score by the words of its title the text uses (twice) and of its keywords, with its place to break
    ties ('a mission that is closing' is the transition topic's 'closing')."""
    words = set(tokenize(text))
    return [(2 * len(words & set(tokenize(t.title))) + len(words & set(tokenize(t.keywords))), -i)
            for i, t in enumerate(TOPICS)]


def match_topic(text: str) -> Topic:
    """The catalogue topic a free-text subject is about (by key, title or keywords); transition when none fits.

    What the exercise is said to be on comes first: "… on the MINUSTAR drawdown, with injects on protection of civilians"
    is a drawdown exercise, "… on humanitarian space … as the mission hands over" a humanitarian-space one (trial 11)."""
    lowered = text.strip().lower()
    for t in TOPICS:
        if lowered in (t.key, t.named):
            return t
    on = ON_SUBJECT.search(text)
    if on and on.group("subject") != text and (named := max(_title_words(on.group("subject"))))[0]:
        return TOPICS[-named[1]]
    if HANDOVER.search(text):  # 'handing over protection of civilians to the police' is a transition of that task
        return TOPICS[0]
    words = set(tokenize(text))  # a word of the topic's title counts twice: 'quick dilemmas on elections' is on elections,
    # not on humanitarian space for sharing 'quick' with its 'quick impact projects'
    scored = [(2 * len(words & set(tokenize(t.title))) + len(words & set(tokenize(t.keywords)) - set(tokenize(t.title))), -i)
              for i, t in enumerate(TOPICS)]
    best, index = max(scored)
    return TOPICS[-index] if best else TOPICS[0]


def topic_roles(topic: Topic, done: AbstractSet[str] = frozenset()) -> list[tuple[Role, str]]:
    """Core roles then the topic's roles, each with the brief written for this topic (or its default): for the point in
    the story where play starts, when an inject has already happened (``done``)."""
    briefs = {**topic.briefs, **next((b for title, b in topic.after.items() if title in done), {})}
    return [(ROLES[title], briefs.get(title, ROLES[title].brief)) for title in (*CORE, *topic.roles)]


def extra_injects(topic: Topic, count: int, taken: frozenset[str] | set[str] = frozenset()) -> list[Inject]:
    """Injects beyond the topic's own for long formats: the nearest other topics' first injects not yet taken."""
    if count <= 0:
        return []
    others = [t for t in TOPICS if t.key != topic.key]
    words = set(re.findall(r"\w+", topic.keywords))
    others.sort(key=lambda t: -len(words & set(re.findall(r"\w+", t.keywords))))
    out: list[Inject] = []
    for t in others:
        for inj in t.injects:
            if inj.title not in {i.title for i in topic.injects} | {i.title for i in out} | taken:
                out.append(inj)
                break
        if len(out) == count:
            break
    return out


def best_inject(event: str) -> tuple[Inject, int, float]:
    """The catalogue inject an event describes: (inject, words shared with it, score with its topic's keywords).

    Words count only when at least one is in the inject's title: "human rights" alone does not make an expulsion
    of the human rights chief the inject about a leaked draft resolution that drops human rights tasks.
    """
    words = _words(event)
    best: tuple[float, Inject, int, float] | None = None
    for topic in TOPICS:
        keywords = len(words & _words(f"{topic.title} {topic.keywords}"))
        for inj in topic.injects:
            title = len(words & _words(inj.title))
            own = len(words & _words(f"{inj.title} {inj.content}")) if title else 0
            score = own + 0.5 * keywords
            rank = score + 0.5 * title  # the title names the event; its topic only breaks ties
            if best is None or rank > best[0]:
                best = (rank, inj, own, score)
    assert best is not None
    return best[1:]


TITLE_CHARS = 80


def _own(event: str, uncatalogued: bool = True) -> Inject:
    """An inject written from the trainer's words, titled by them (cut at a word); one the catalogue has no inject for
    says so."""
    text = event.strip().rstrip(".")
    text = text[:1].upper() + text[1:]
    title = text if len(text) <= TITLE_CHARS else text[:TITLE_CHARS].rsplit(" ", 1)[0] + "…"
    said = " (Written from the trainer's request: the catalogue has no inject for it; add the detail players need.)"
    return Inject(title, "facilitator message", "SRSG, DSRSG/RC/HC", f"{text}.{said if uncatalogued else ''}",
                  "Decide who leads the response, what the mission and the country team each do, and how it is communicated.")


def _described(request: str) -> list[tuple[str, bool]]:
    """The request's clauses that may name events, each with whether the trainer clearly described it as one: the frame
    clause asking for the product is dropped, and the event it describes ("... where the Council asks for X") kept."""
    out: list[tuple[str, bool]] = [(f"{m.group('at') or ''} {m.group('event')}".strip(), True)
                                   for m in INJECT_TOLD.finditer(request)]  # 'There is one inject, at minute 55: …'
    out += [(m.group("event"), True) for m in WANTED.finditer(request)]  # 'One inject I want: …'
    for n, clause in enumerate(re.split(r"(?<=[.;:?!])\s+", WANTED.sub("", INJECT_TOLD.sub("", request)))):
        if AUDIENCE.match(clause):  # 'They are civil affairs officers plus agency programme officers.' names players
            continue
        if n == 0 and (FRAME.search(clause) or PRODUCT.search(CLAUSE.split(clause)[0])):
            tail = FRAME_TAIL.search(clause)
            clause = tail.group(1) if tail else ""
            head = CLAUSE.split(clause)[0] if clause else ""
            out += [(head, True)] * bool(head.strip())
            clause = clause[len(head):]
        out += [(c, False) for c in CLAUSE.split(ROLE_LIST.sub("", clause)) if c.strip()]  # a role list names players
    kept = []
    for c, explicit in out:  # "3 injects, including one where the Government refuses to share data" asks for that event
        tail = EVENT_TAIL.search(c)
        if tail and (PARTS.search(c) or ONE_WHERE.match(c)):
            kept.append((tail.group(1), True))
        elif not PARTS.search(c):
            kept.append((c, explicit))
    return kept


def premise(request: str) -> str:
    """What has already happened when play starts, as the request's framing clause says ("after a 30% troop cut", "on a
    disputed election result" where a catalogue inject's title names it); ''."""
    first = re.split(r"(?<=[.;:])\s+", request)[0]
    if not (FRAME.search(first) or PRODUCT.search(first)):
        return ""
    if found := PREMISE.search(first):
        return found.group(1).strip()
    subject = m.group(1).strip() if (m := SUBJECT_EVENT.search(first)) else ""
    return subject if subject and len(_words(subject) & _words(best_inject(subject)[0].title)) >= 2 else ""


PERCENT = re.compile(r"\b(\d{1,2})\s?(?:%|per ?cent)")


def premise_events(request: str) -> list[Inject]:
    """The catalogue injects the premise names, one per event it joins with 'and' ("after the General Assembly cuts the
    mission budget by 25% and programmatic funds … disappear": the cut, then the funds): they are the start state, so
    they are not played again as injects.

    >>> [i.title for i in premise_events("An exercise after the General Assembly cuts the budget by 25% and programmatic "
    ...                                  "funds for community violence reduction disappear")]
    ['Budget cut', 'Programmatic funds end']
    """
    out: list[Inject] = []
    for event in re.split(r",?\s+and\s+", premise(request)) if premise(request) else []:
        inject, own, _ = best_inject(event)
        if own >= OWN_WORDS and inject not in out:
            out.append(with_figures(inject, request))
    return out


def with_figures(inject: Inject, request: str) -> Inject:
    """The inject with the share the request names in place of the catalogue's: 'a 30% budget cut' makes 'a budget
    15 % below the request' 30 %.

    >>> from assistant.products.exercise_catalogue import TOPICS
    >>> cut = next(i for t in TOPICS for i in t.injects if i.title == "Budget cut")
    >>> with_figures(cut, "a tabletop on a 30% budget cut").content
    'The General Assembly approves a budget 30 % below the request.'
    """
    asked = PERCENT.search(request)
    if not asked or not PERCENT.search(inject.content):
        return inject
    return replace(inject, content=PERCENT.sub(f"{asked.group(1)} %", inject.content, count=1))


def premise_injects(request: str) -> set[str]:
    """The titles of the injects the premise names, if any (:func:`premise_events`)."""
    return {inject.title for inject in premise_events(request)}


def after_premise(topic: Topic, done: set[str]) -> list[Inject]:
    """The topic's injects that can still happen: after one that has already happened, only those that follow it (a
    topic's injects run in story order: after a disputed result come the protests, not the ballot logistics)."""
    at = next((n for n, i in enumerate(topic.injects) if i.title in done), None)
    return list(topic.injects) if at is None else list(topic.injects[at + 1:])


def _as_asked(inj: Inject, event: str, when: str, asked_for: str, explicit: bool) -> Requested:
    """The catalogue inject an event names, played in the trainer's words when they describe it whole and say more than
    it ("OCHA reports that armed escorts are no longer available …" is not the catalogue's "WFP asks for armed escorts",
    trial 11): the catalogue gives who receives it and the decision it asks for."""
    words = _words(event)
    if not explicit or len(event.split()) < AS_WRITTEN or 2 * len(words & _words(f"{inj.title} {inj.content}")) > len(words):
        return Requested(inj, when, asked_for, True)  # short, or the catalogue's own event in other words
    written = _own(event, uncatalogued=False)
    return Requested(replace(inj, title=written.title, medium=written.medium, content=written.content), when, asked_for,
                     True, replaces=inj.title)


def echoed(asked: list[Requested], played: list[Inject]) -> tuple[list[Requested], list[Inject]]:
    """An inject the trainer asked for that a tension of their context already plays ("the Government demands the force
    leave before the elections" beside "The Government wants the force withdrawn before the November 2027 elections") is
    played once, as the context's, which says more (trial 11 got both); so is a catalogue inject the request names in the
    tension's words, more than half of them ("highland parties boycott the national dialogue" is the context's highland
    parties, not the catalogue's opposition boycotting over the voter register, trial 12)."""
    out, left = [], list(played)
    for r in asked:
        words = _words(r.asked_for)
        same = next((i for i in left if 2 * len(words & _words(i.content)) >= len(words) + r.catalogued), None)
        out.append(replace(r, inject=same, catalogued=True) if same else r)
        left = [i for i in left if i is not same]
    return out, left


def requested_injects(topic: str, asked: list[str] | tuple[str, ...] = ()) -> list[Requested]:
    """Injects named in the free-text topic (clauses that clearly describe a catalogue inject) and those asked for
    explicitly (each matched, or written from the trainer's words); ordered by the time given, then as asked."""
    out: list[Requested] = []
    events = [*_described(topic), *((a, True) for a in asked if a.strip())]
    for event, explicit in events:
        when = WHEN.search(event)
        inj, own, score = best_inject(WHEN.sub("", event))
        if explicit and (score < ASKED_SCORE or own < OWN_WORDS):
            out.append(Requested(_own(WHEN.sub("", event)), when.group(1) if when else "", event.strip(), False))
        elif (own >= OWN_WORDS or explicit) and inj.title not in {r.inject.title for r in out} | {r.replaces for r in out}:
            out.append(_as_asked(inj, WHEN.sub("", event), when.group(1) if when else "", event.strip(), explicit))
    timed = sorted((r for r in out if r.when), key=lambda r: int(re.sub(r"\D", "", r.when)))
    return timed + [r for r in out if not r.when]


def request_note(asked: list[Requested]) -> str:
    """The pack's note on the injects the trainer asked for: each one's number, and whether the catalogue had it."""
    parts = [f"Inject {n} ({r.inject.title}{', ' + r.when if r.when else ''})" + ("" if r.catalogued else
             ", written from your words: the catalogue has no inject for it") + f" for “{r.asked_for.rstrip('.')}”"
             for n, r in enumerate(asked, 1)]
    return "Injects you asked for: " + "; ".join(parts) + "."
