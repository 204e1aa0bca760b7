"""What shape of training product a trainer's request asks for, and the numbers it gives.

A request is not always an exercise pack (scenario, roles, injects, key). Trainers also ask for
a set of snap situations, a hot-wash and after-action review template, a course design with a
rubric, or a workshop in which syndicates draft a document or a funding proposal. The request's
own numbers are kept: "six snap situations (10 minutes each)", "a 3-day course", "a half-day
workshop", "groups of 5–8", "10-minute presentations", "a 4-page read-ahead", "two priorities".

Recognition is by the words trainers use for each product (pure rules: the shapes are few and
their names distinctive, so a learned classifier would add a model for nothing).

>>> s = recognise("Create six snap situations (10 minutes each) testing which mechanism decides")
>>> (s.kind, s.count, s.minutes_each)
('drill', 6, 10)
>>> recognise("a half-day workshop in which syndicates draft the vision and two priorities").minutes
240
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from assistant.products.export import Block

ShapeKind = Literal["pack", "drill", "aar", "course", "workshop", "proposal", "quiz"]
SHAPES: tuple[ShapeKind, ...] = ("pack", "drill", "aar", "course", "workshop", "proposal", "quiz")
NUMBER_WORDS = {w: n for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
NUM = r"(\d+|" + "|".join(NUMBER_WORDS) + r"|a dozen|a couple of)"
DASH = r"\s*(?:-|–|—|to)\s*"
SESSION = r"(?:tabletop|exercise|session|workshop|simulation|drill|seminar|role[- ]play|cpx|game|module|course|ttx|sbe)"

KINDS: tuple[tuple[ShapeKind, re.Pattern[str]], ...] = (
    ("quiz", re.compile(r"\bquiz(?:zes)?\b", re.I)),
    ("aar", re.compile(r"hot[- ]?wash|after[- ]action|\baars?\b|lessons[- ]learned template|debrief template", re.I)),
    ("drill", re.compile(r"snap[- ]situations?|\bsnap\b|\bdrills?\b|vignettes|quick(?:-fire)? dilemmas", re.I)),
    ("course", re.compile(r"\bcourse\b|curriculum|learning objectives|\brubric\b|training programme", re.I)),
    ("proposal", re.compile(r"proposal|funding application|concept note|priority plan", re.I)),
    ("workshop", re.compile(r"\bworkshop\b|(?:syndicates?|teams?|groups?) (?:\w+ ){0,3}(?:draft|write)s?\b|drafting "
                            r"(?:exercise|session)", re.I)),
)


# The subjects each built-in product is about: a course or workshop on anything else is declined, not faked.
SUBJECTS: dict[str, re.Pattern[str]] = {
    "course": re.compile(r"\bIAP\b|integrat|\bISF\b|strategic framework|joint (?:analysis|planning)|transition|UNCT|"
                         r"country team", re.I),
    "workshop": re.compile(r"\bISF\b|strategic framework|vision|priorit|results matrix|integrated plan", re.I),
    "proposal": re.compile(r"\bPBF\b|peacebuilding fund|priority plan|joint[- ]proposal", re.I),
}


def covers(kind: str, text: str) -> bool:
    """Whether the product of this kind is built on the request's subject (drills, packs and templates check their own)."""
    pattern = SUBJECTS.get(kind)
    return pattern is None or bool(pattern.search(text))


@dataclass(frozen=True)
class Shape:
    """The product asked for and the request's own numbers (None where the request gives none)."""

    kind: ShapeKind
    count: int | None = None  # situations in a drill
    minutes_each: int | None = None  # per situation
    minutes: int | None = None  # the whole session, when the request gives it in minutes, hours or a half day
    days: int | None = None
    group: tuple[int, int] | None = None  # syndicate size, lowest and highest
    presentation: int | None = None  # minutes per syndicate presentation
    pages: int | None = None  # length of the read-ahead
    priorities: int | None = None  # priorities a drafting workshop produces
    injects: int | None = None
    participants: int | None = None


def number(word: str) -> int:
    """'six' → 6, '10' → 10, 'a dozen' → 12."""
    word = word.lower()
    return 12 if word == "a dozen" else 2 if word == "a couple of" else NUMBER_WORDS.get(word) or int(word)


def _find(pattern: str, text: str) -> re.Match[str] | None:
    return re.search(pattern, text, re.I)


def _length(text: str) -> tuple[int | None, int | None]:
    """(minutes, days) of the whole session as the request states it."""
    if _find(r"half[- ]a?[- ]?day", text):
        return 240, None
    if m := _find(NUM + r"[- ]days?\b", text):
        days = number(m.group(1))
        return (days * 480 if days <= 2 else None), days
    if m := _find(NUM + r"[- ]hours?\b", text):
        return number(m.group(1)) * 60, None
    if m := _find(r"(\d+)[- ]min(?:ute)?s?\b(?:\s+\w+){0,2}?\s+" + SESSION, text):
        return int(m.group(1)), None
    return None, None


# An exercise asked for first, a review of it named after: 'Design a two-day simulation … Finish with an after-action review
# format' is a pack that ends in an AAR, not the AAR template alone (hand-read request 11 of set 11)
PACK_FIRST = re.compile(r"\b(?:simulation|tabletop|exercise|TTX|CPX|role[- ]play|war[- ]?game)\b", re.I)


def kind_of(text: str) -> ShapeKind:
    """The first product whose words the request uses; a pack otherwise (and when an exercise is asked for before its
    after-action review)."""
    first = re.split(r"(?<=[.!?])\s+", text.strip(), maxsplit=1)[0]  # the sentence that asks for the product
    for kind, pattern in KINDS:
        if (found := pattern.search(text)) and kind == "aar" and PACK_FIRST.search(first) and not pattern.search(first):
            continue
        if found and kind == "quiz" and PACK_FIRST.search(text[:found.start()]):
            continue  # 'design a 60-minute role-play … plus 5 quiz questions to close the session': the role-play
        if found:
            if kind == "course" and not _find(r"\bcourse\b|curriculum|rubric|training programme", text):
                continue  # learning objectives alone belong to any pack ('agency programme officers' are no course)
            return kind
    return "pack"


def recognise(text: str, kind: str = "auto") -> Shape:
    """The shape (``kind`` given, or recognised from the text) and the numbers the text states."""
    shape: ShapeKind = kind if kind in SHAPES else kind_of(text)
    minutes, days = _length(text)
    items = r"questions?|items?" if shape == "quiz" else (r"(?:snap[- ]|drill[- ])?(?:situations|vignettes|dilemmas|cases|"
                                                        r"scenarios|drills)")
    count = _find(NUM + r"[\s-]+(?:short\s+|quick\s+|\d+[- ]min(?:ute)?s?\s+)?(?:" + items + r")\b", text)
    each = _find(r"(\d+)[- ]?min(?:ute)?s?\s*(?:each|apiece|per (?:situation|case|vignette))|"
                 r"(\d+)[- ]min(?:ute)?\s+(?:snap |drill )?(?:situations|vignettes|dilemmas|cases|drills)", text)
    group = _find(r"(?:groups?|syndicates?|teams?) of " + NUM + r"(?:" + DASH + NUM + r")?", text)
    talk = _find(r"(\d+)[- ]min(?:ute)?s?\s+(?:\w+\s+)?(?:presentations?|back[- ]?briefs?|briefings?|pitch(?:es)?)", text)
    pages = _find(NUM + r"[- ]pages?\b", text)
    priorities = _find(NUM + r"\s+(?:\w+\s+)?priorit(?:y|ies)\b", text)
    # "three timed injects"; "one inject where the Government …" describes one of them, not how many there are
    injects = _find(NUM + r"\s+(?:timed\s+|short\s+|more\s+)?injects?\b"
                    r"(?!(?<=\bone inject)\s+(?:where|in which|when|I|we|that)\b)", text)
    people = _find(r"(?:group|class|cohort|audience) of (\d+)\b(?!\s*(?:-|–|to)\s*\d)|\b(\d+) (?:participants|trainees|"
                   r"people|staff|planners|students)\b|\bfor (?:about |around |some |roughly |up to )?(\d+)\s+"
                   r"(?:[\w-]+\s+){1,6}?(?:participants|trainees|people|staff|planners|students|officers|officials)\b", text)
    low = number(group.group(1)) if group else 0
    return Shape(
        kind=shape,
        count=number(count.group(1)) if count else None,
        minutes_each=int(each.group(1) or each.group(2)) if each else None,
        minutes=minutes, days=days,
        group=(low, number(group.group(2)) if group.group(2) else low) if group else None,
        presentation=int(talk.group(1)) if talk else None,
        pages=number(pages.group(1)) if pages else None,
        priorities=number(priorities.group(1)) if priorities else None,
        injects=number(injects.group(1)) if injects else None,
        participants=int(people.group(1) or people.group(2) or people.group(3)) if people else None)


def syndicates(participants: int, group: tuple[int, int] | None, default: int = 6) -> tuple[int, int]:
    """(number of syndicates, people in the largest) keeping every syndicate within the requested size where possible."""
    low, high = group or (default, default)
    best = max(1, round(participants / ((low + high) / 2)))
    for n in sorted(range(1, participants + 1), key=lambda k: abs(k - best)):
        if low <= participants // n and -(-participants // n) <= high:
            return n, -(-participants // n)
    return best, -(-participants // best)


SUBJECT = re.compile(r"\b(?:on|about(?!\s+\d)|covering|testing(?: knowledge of)?|for \w+ (?:staff|planners|officers) on)\s+(.+)",
                     re.I)  # 'for about 25 staff': a number is no subject
TRAILER = re.compile(r"\s*(?:[;(]|\bwith\b|\bfor (?:new|newly|senior|mission|the|our|\d+)\b|\busing\b|\bincluding\b).*$",
                     re.I)  # 'for 20 participants: …' is the audience, not the subject
MAX_SUBJECT = 80
TITLE_CHARS = 130  # a title this long wraps to two lines; a list of four subjects fits ("… the role of the…" did not)


FORMAT_LABEL = re.compile(r"^[\w\s-]{0,40}\b(?:simulation|exercise|tabletop|drill|workshop|quiz|course)\s*:\s*", re.I)
MIN_CLAUSE = 40  # characters a subject cut at a clause keeps at least
CLAUSE = re.compile(r"[,;]\s+(?:with|while|as|amid|after|before)\b", re.I)
ASKS = re.compile(r"(?i)(?:please |i'd like |i need )?(?:build|design|create|write|give|make|prepare|produce|draft|set up)\b")


def subject(request: str) -> str:
    """What a request is about, for a title: :func:`topic_of`, cut at a word when long.

    >>> subject("I'd like a 20-question quiz for new staff on the ISF and the SLF, with source references")
    'the ISF and the SLF'
    >>> subject("Design a 90-minute tabletop exercise on joint analysis for 20 participants: mission planners.")
    'joint analysis'
    >>> subject("Two-day simulation: UNMOST drawdown while the Kesh Liberation Front attacks civilians in Vardel, with the "
    ...         "Government pressing for the force to leave by mid-2028 and agencies facing a funding cliff")
    'UNMOST drawdown while the Kesh Liberation Front attacks civilians in Vardel'
    """
    about = FORMAT_LABEL.sub("", topic_of(request))  # 'Two-day simulation:' is the format, which the subtitle gives
    if len(about) <= TITLE_CHARS:
        return about
    cut = about[:TITLE_CHARS]
    clauses = [m.start() for m in CLAUSE.finditer(cut) if m.start() >= MIN_CLAUSE]  # ends at a clause, not mid-phrase
    if clauses and not ASKS.match(about):  # 'Design a scenario in …, where …' names no subject to end
        return cut[:clauses[-1]]
    return cut.rsplit(" ", 1)[0] + "…"  # a list cut short says so


def topic_of(request: str) -> str:
    """What a request is about, whole: "Build a pre-course quiz (15 questions, with answers) on Brahimi and the IAP
    policy." → "Brahimi and the IAP policy"; a short topic is itself. What is read for the subject must not be the title's
    cut: "… integration, the ISF, the DSRSG/RC/HC role and transitions" lost its last two subjects at MAX_SUBJECT.

    >>> topic_of("A quiz for new staff on how a UN mission and the country team work together: integration, the ISF, "
    ...          "the DSRSG/RC/HC role and transitions")
    'how a UN mission and the country team work together: integration, the ISF, the DSRSG/RC/HC role and transitions'
    >>> topic_of("A quiz on lessons from Haiti (MINUSTAH, MINUJUSTH), Timor-Leste (UNMIT), and the 2025 review")
    'lessons from Haiti, Timor-Leste, and the 2025 review'
    """
    text = re.sub(r"\s*\([^)]*\)", "", request).strip().rstrip(".")  # 'Haiti (MINUSTAH), Timor-Leste' → 'Haiti, Timor-Leste'
    asks = ASKS.match(text) or re.search(r"(?i)\b(?:quiz|exercise|tabletop|course|drill|workshop)\b", text)
    if len(text) <= MAX_SUBJECT and not asks:
        return text
    found = SUBJECT.search(text.split(". ")[0])
    return TRAILER.sub("", found.group(1)).strip(" ,") if found else text


def opening(request: str, purpose: str, notes: Sequence[str] = (), heading: str = "Purpose and audience") -> list[Block]:
    """How every training product opens: the request as the trainer wrote it, the purpose paragraph, then any notes."""
    return [Block(kind="note", text=f"Request: {request.strip()}"), Block(kind="heading", text=heading, level=1),
            Block(kind="paragraph", text=purpose), *[Block(kind="note", text=n) for n in notes]]
