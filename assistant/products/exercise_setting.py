"""Where an exercise is set: the scenario's country and UN presence, the kind of fictional country a request names,
and Headquarters.

A request for "a scenario in a fictional middle-income country" or "a small island state" gets
that country, not the default one: the read-ahead's opening sentence says what the request
said, and nothing else about the country changes. A request to play "an Integrated Task Force
meeting at Headquarters" is set there: the lead department chairs, Headquarters players are cast
first, and the read-ahead says the field situation is what the meeting discusses. Both are the
trainer's words, applied; neither adds policy.

>>> country_traits("Design a scenario in a fictional middle-income coastal country with an SPM")
['middle-income', 'coastal']
>>> at_headquarters("Simulate an ITF meeting in New York on the mission's drawdown")
True
"""

from __future__ import annotations

import re

from assistant.products.context import PlanningContext
from assistant.products.exercise_closure import in_the_past
from assistant.products.exercise_requests import match_topic, premise, premise_events
from assistant.products.exercise_roles import UNIFORMED
from assistant.products.export import Block, Report

# A stakeholder whose stake is the army: a special political mission has no troops to lend it (trial 9).
ARMY = re.compile(r"\barmy\b|\bmilitary\b|\btroops?\b", re.IGNORECASE)
# The read-ahead's stakeholder list (exercise assumptions about the fictional country, the same for every topic).
STAKEHOLDERS = (("Actor", "Interests", "Likely position"),
                ("Ministry of Planning", "National ownership; one framework for all partners",
                 "Wants the UN's priorities to follow the national plan"),
                ("Ministry of Defence", "Support for army operations", "Presses for logistics support before anything else"),
                ("Opposition parties", "A level field for the elections",
                 "Suspicious of support that strengthens the Government"),
                ("Women's and youth organizations", "A voice in the peace process", "Ask to be consulted on every priority"),
                ("Donors", "Results, one UN counterpart, less duplication", "Will fund joint priorities with clear owners"),
                ("Regional organization", "Stability on the borders", "Observes the ceasefire; wants to be informed"))

TRAITS = (re.compile(r"\b(?:low|lower[- ]middle|upper[- ]middle|middle|high)[- ]income\b", re.I),
          re.compile(r"\b(?:coastal|landlocked|small island|island|oil[- ]producing|mineral[- ]rich|arid|mountainous)\b", re.I))
HEADQUARTERS = re.compile(r"\b(?:ITF|IMTF|integrated (?:mission )?task force)\b[^.]*\b(?:meeting|session)|\bat headquarters\b|"
                          r"\bin new york\b|\bheadquarters[- ]level\b", re.I)
FIELD_FORUM = re.compile(r"\b(?:SLF|senior leadership forum)\b[^.]*\b(?:meeting|session)|\b(?:meeting|session) of the "
                         r"(?:SLF|senior leadership forum)\b", re.I)
NOT_AT_SLF = ("Host Government", "HQ desk officer", "ITF chair", "Donor representative", "NGO forum", "National electoral",
              "Development Coordination Office")
HQ_CAST = ("ITF chair (lead department)", "HQ desk officer (Integrated Task Force)", "Development Coordination Office (DCO)")
OPENING = re.compile(r"^(\S+(?: \S+)?) is a (fictional )?country of about")


def country_traits(request: str) -> list[str]:
    """The income level and geography the request gives its country, as written."""
    return [m.group(0).lower() for pattern in TRAITS for m in pattern.finditer(request)]


def at_headquarters(request: str) -> bool:
    """Whether the request plays a meeting at Headquarters (an Integrated Task Force) rather than in the field."""
    return bool(HEADQUARTERS.search(request))


def hq_cast(request: str, cast: list[str]) -> list[str]:
    """The roles asked for, with the Headquarters players first when the exercise is set there."""
    return list(dict.fromkeys([*HQ_CAST, *cast])) if at_headquarters(request) else cast


def at_slf(request: str) -> bool:
    """Whether the request plays a meeting of the Senior Leadership Forum in the field."""
    return bool(FIELD_FORUM.search(request)) and not at_headquarters(request)


def _slf_meeting(pack: Report, request: str, start: int | None) -> None:
    """An SLF meeting: its setting said, the start state the request gives, and no cards for those not at the table."""
    if start is not None:
        done = premise(request)
        pack.blocks.insert(start + 2, Block(kind="paragraph", text=(
            "Setting: the exercise is played as a meeting of the Senior Leadership Forum, chaired by the SRSG, with the "
            "DSRSG/RC/HC, the heads of the mission's components and the agency heads. The Government and Headquarters are not "
            "at the table: their positions reach the meeting as injects." + (f" The meeting opens after {done}: that is where "
                                                                              "play starts, not an inject." if done else ""))))
    cards = next((i for i, b in enumerate(pack.blocks) if b.kind == "heading" and b.text == "Role cards"), None)
    if cards is None:
        return
    drop = {i for i, b in enumerate(pack.blocks[cards:], cards) if b.kind == "heading" and b.level == 2
            and b.text.startswith(NOT_AT_SLF) and b.text.split(" (")[0].lower() not in request.lower()}
    pack.blocks[:] = [b for i, b in enumerate(pack.blocks) if i not in drop and i - 1 not in drop]


def _open_on_premise(pack: Report, request: str, start: int | None) -> None:
    """The start state the request names ("on a disputed election result") in place of its topic's usual opening."""
    events = premise_events(request)
    situation = match_topic(request).situation
    if not events or start is None or situation not in pack.blocks[start + 1].text:
        return
    again = "These have already happened when play starts; they are not played again as injects." if len(events) > 1 else \
        "This has already happened when play starts; it is not played again as an inject."
    opening = " ".join(i.content for i in events) + f" {again}"
    pack.blocks[start + 1] = Block(kind="paragraph", text=pack.blocks[start + 1].text.replace(situation, opening))


def apply_setting(pack: Report, request: str) -> Report:
    """The pack with the read-ahead's opening naming the country the request describes, and a Headquarters setting said."""
    traits = country_traits(request)
    for i, block in enumerate(pack.blocks):
        if traits and block.kind == "paragraph" and (m := OPENING.match(block.text)):
            kind = f"{m.group(2) or ''}{' '.join(traits)} country of about"
            pack.blocks[i] = Block(kind="paragraph", text=OPENING.sub(f"{m.group(1)} is a {kind}", block.text, count=1))
            break
    start = next((i for i, b in enumerate(pack.blocks) if b.kind == "heading" and b.text.startswith("Start state")), None)
    _open_on_premise(pack, request, start)
    in_the_past(pack, request)
    if at_slf(request):
        _slf_meeting(pack, request, start)
    if at_headquarters(request):
        if start is not None:
            pack.blocks.insert(start + 2, Block(kind="paragraph", text=(
                "Setting: the exercise is played at Headquarters, as a meeting of the Integrated Task Force chaired by the "
                "lead department. Syndicates play the ITF's members (the departments and the agencies' headquarters), with "
                "the mission and the country team joining by video; the field situation above is what the meeting "
                "discusses. Each syndicate agrees the options, the recommendation the ITF sends up, and who tells the field.")))
    return pack


STOCK_SPM_NOTE = ("No planning context was given: the UN presence below is a stock special political mission, as the "
                  "request asks, and the background, actors, figures and map are the exercise's stock assumptions. Give a "
                  "planning context (--context) to play your own.")


def assumptions_note(country: str, real: bool) -> str:
    """What in a read-ahead built on a planning context comes from it and what is invented for play: a newcomer's
    fictional context put 340,000 displaced people in the north, and the read-ahead's stock background said "About
    400,000 … in the east" without a word that it was an assumption."""
    if real:
        return (f"The UN presence below is taken from the planning context for {country}. Everything else in this read-ahead "
                f"is an exercise assumption for training, not a statement about {country}.")
    return ("The UN presence, mandate, priorities and tensions below come from your planning context. The background, "
            "actors, figures and map are the exercise's stock assumptions: replace them where your context says otherwise.")


# A part of the country a planning context names ('the northern provinces', 'the west'), and words that say armed conflict
# is there: the read-ahead sets its fighting, displacement and bases where the context does, not in the stock 'east'.
PLACE = re.compile(r"\b(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+(?:provinces?|regions?|districts?|areas?|"
                   r"border(?:lands|s)?|lakes?|highlands?|coast|departments?|states?)\b|\bthe (?:north|south|east|west)\b|"
                   r"\b(?:the )?(?-i:[A-Z][a-z]+)(?: (?:river|lake))? (?:region|province|district|department|valley|"
                   r"highlands|county|plateau)\b", re.I)
ARMED = re.compile(r"\b(?:armed|attacks?|fighting|insurgen\w*|militias?|violence|clashes|rebels?)\b", re.I)
STOCK_CONFLICT = "northern and eastern provinces"


def places(ctx: PlanningContext | None) -> dict[str, str]:
    """The parts of the country the context names, each with the first tension, task or priority naming it."""
    return places_in([*ctx.tensions, *ctx.tasks, *ctx.national_priorities, *(p.name for p in ctx.priorities)]) if ctx else {}


def places_in(texts: list[str]) -> dict[str, str]:
    """Each place the texts name, with the first text naming it.

    >>> places_in(["Armed groups attack the western provinces", "Returns to the north outpace services"])
    {'the western provinces': 'Armed groups attack the western provinces', 'the north': 'Returns to the north outpace services'}
    >>> list(places_in(["Returns of displaced people to the Kessa region outpace services"]))
    ['the Kessa region']
    >>> list(places_in(["Militias attack villages in Lakari province", "Returns to the Oron river valley"]))
    ['Lakari province', 'the Oron river valley']
    """
    found: dict[str, str] = {}
    for text in texts:
        for m in PLACE.finditer(text):
            name = m.group(0)
            if re.match(r"(?i)(?:the )?(?:north|south|east|west)", name):  # 'Western provinces' -> 'the western provinces'
                name = name.lower()
            if not name[:1].isupper():  # 'Lakari province' takes no article; 'the Kessa region' keeps its own
                name = re.sub(r"^(?:the\s+)?", "the ", name, flags=re.I)
            found.setdefault(name, text.rstrip("."))
    return found


def conflict_area(found: dict[str, str]) -> tuple[str, str]:
    """Where the background's armed movements are based and what part they hold (with its article: 'the east', 'Lakari
    province'): the places the context ties to armed violence, else the stock ones when it names no place, else its
    outlying provinces."""
    armed = [p for p, text in found.items() if ARMED.search(text)]
    if armed:
        return " and ".join(p.removeprefix("the ") for p in armed), armed[0]
    return (STOCK_CONFLICT, "the east") if not found else ("outlying provinces", "the outlying provinces")


_UNIFORMED = "|".join(sorted(UNIFORMED))  # the roles an SPM has not: 'Force Commander', 'Police Commissioner'
UNARMED = ((r"The mission has just helped the army retake", "The army has just retaken"),
           (r"saw the mission fight alongside the army", "saw the mission stand with the Government"),
           (r"in a mission convoy during an offensive", "beside army trucks during an offensive"),
           (r"rumours blame the peacekeepers", "rumours blame UN staff"),  # trial 12's SPM pack
           (r"the mission's largest base", "the mission's main office"),
           (r"links them to military operations", "links them to the mission's political positions"),
           (r"\b(from|near) a UN base\b", r"\1 a UN field office"),
           (rf"\b(?:{_UNIFORMED})(?:'s [\w–-]+(?: [\w–-]+)? officer)?(?:, | and |(?=[.;]))", ""),
           (rf"(?:, | and )(?:the )?(?:{_UNIFORMED})\b", ""))


def placed_in(text: str, ctx: PlanningContext | None) -> str:
    """Stock text set 'in the east' moved to where the context's fighting is, when the context names places and not
    that one (trial 8: "Militia violence in the east" for a context whose armed groups are in the west).

    >>> from types import SimpleNamespace
    >>> ctx = SimpleNamespace(tensions=["Armed groups in the west attack civilians"], tasks=[], national_priorities=[],
    ...                       priorities=[])
    >>> placed_in("Militia violence in the east has displaced 60,000 people.", ctx)
    'Militia violence in the west has displaced 60,000 people.'

    A special political mission has no troops: stock text that has the mission fight is told of the army instead
    (trial 10's SPM pack: "the mission has just helped the army retake the district", "Who leads: Force Commander").

    >>> placed_in("Who leads: Force Commander, Head of OCHA.", SimpleNamespace(presence="SPM", tensions=[], tasks=[],
    ...           national_priorities=[], priorities=[]))
    'Who leads: Head of OCHA.'
    """
    if getattr(ctx, "presence", "") == "SPM":
        for pattern, said in UNARMED:
            text = re.sub(pattern, said, text)
    found = places(ctx)
    if not found:
        return text
    held, named = conflict_area(found)[1], " ".join(found)
    for side in ("north", "south", "east", "west"):
        if side not in named:
            text = re.sub(rf"\b(in|from|to|into|hits|across|near|of) the {side}\b", rf"\1 {held}", text)
    return text


def map_text(c: str, mission: str, uniformed: bool, found: dict[str, str]) -> str:
    """The map: the stock four regions, or the capital and the places the context names, each with what it says there."""
    posts = "bases" if uniformed else "field offices"
    if not found:
        return (f"{c} has four regions. The capital and the central plain are stable; the north is mountainous, with poor roads "
                f"cut in the rainy season; the east borders two neighbours and holds the mines, most displacement sites and the "
                f"areas held by armed movements; the south is agricultural and hosts returnees. The mission has its "
                f"headquarters in the capital and {posts} in the north and east; agencies have field offices in the same towns, "
                f"and some share the mission's compounds.")
    named = "; ".join(f"{place[:1].upper()}{place[1:]}: {text[:1].lower()}{text[1:]} (your context)"
                      for place, text in found.items())
    return (f"The capital and the central plain are stable. {named}. {mission} has its headquarters in the capital and "
            f"{posts} in {' and '.join(found)}; agencies have field offices in the same towns.")


def security_actor(uniformed: bool) -> str:
    """The security ministry's stance: army operations beside a peacekeeping force, continued support where there is none
    (a special political mission has no troops to lend)."""
    if uniformed:
        return "the Ministry of Defence wants more support for army operations"
    return "the security ministries want the international support to the police to continue after the UN presence leaves"


def mission_for(country: str) -> str:
    """The fictional mission of a fictional country: the UN Mission In CArana is UNMICA, in Zembla UNMIZE.

    >>> mission_for("Carana"), mission_for("Zembla")
    ('UNMICA', 'UNMIZE')
    """
    return "UNMI" + "".join(ch for ch in country if ch.isalpha())[:2].upper()


STOCK_AGREEMENT = "A peace agreement signed four years ago"
STOCK_DISPLACED = "About 400,000 people remain internally displaced and 1.2 million need humanitarian assistance."
AGREEMENT = re.compile(r"\b(?:the )?((?:19|20)\d\d )?((?:[A-Z][\w'’-]+ )+(?:Peace |Ceasefire |Political )?Agreement)\b")
DISPLACED = re.compile(r"\b(?:some |about |around |nearly |over )?(\d[\d,.]*(?: million)?) (refugees|returnees|internally "
                       r"displaced (?:persons|people)|displaced (?:persons|people)|IDPs)\b")


def own_facts(ctx: PlanningContext) -> dict[str, str]:
    """The peace agreement and the displacement figure the planning context states, in place of the read-ahead's stock ones
    (trial 13: "A peace agreement signed four years ago" and "About 400,000 … displaced" beside a context's 2026 Kerrin
    Peace Agreement and 340,000 refugees).

    >>> from assistant.products.context import PlanningContext
    >>> ctx = PlanningContext(country="Nalesh", presence="PKO", mission="UNIPSNAL", un_entities=["UNHCR"], period="2027-2029",
    ...                       mandate="(a) to support the 2026 Kerrin Peace Agreement; (b) to support the return of some "
    ...                       "340,000 refugees.")
    >>> facts = own_facts(ctx)
    >>> facts["agreement"], facts["displaced"][:61]
    ('The 2026 Kerrin Peace Agreement', 'Your planning context counts some 340,000 refugees; about 1.2')
    """
    text = " ".join([ctx.mandate, *ctx.tasks, *ctx.tensions, *ctx.national_priorities])
    agreement, displaced = AGREEMENT.search(text), DISPLACED.search(text)
    return {"agreement": f"The {agreement.group(1) or ''}{agreement.group(2)}" if agreement else STOCK_AGREEMENT,
            "displaced": (f"Your planning context counts some {displaced.group(1)} {displaced.group(2)}; about 1.2 million "
                          "people need humanitarian assistance (an exercise assumption)." if displaced else STOCK_DISPLACED)}


def scenario_setting(ctx: PlanningContext | None, country: str) -> dict[str, str]:
    """The scenario's country, UN presence and national setting: the planning context's, or a default fictional one."""
    if ctx is None:
        return {"country": country, "mission": mission_for(country), "presence": "multidimensional peacekeeping operation",
                "tasks": "protect civilians, support the extension of State authority and police reform, support elections and "
                         "facilitate the return of displaced people",
                "entities": "UNDP, UNICEF, UNHCR, WFP, OHCHR and UN Women", "plan": f"the {country} National Development Plan",
                "priorities": "security sector reform, decentralized governance and the economic recovery of the north",
                "tensions": "", "fictional": "yes", "agreement": STOCK_AGREEMENT, "displaced": STOCK_DISPLACED}
    return {"country": ctx.country, "mission": ctx.mission, "presence": ctx.presence_name,
            "tasks": "; ".join(t[0].lower() + t[1:] for t in ctx.tasks), "entities": ", ".join(ctx.un_entities),
            "plan": ctx.national_plan or "the national development plan",
            "priorities": "; ".join(ctx.national_priorities or [p.name for p in ctx.priorities]) or "[to be agreed]",
            "tensions": " ".join(f"{t}." if not t.endswith(".") else t for t in ctx.tensions),
            "fictional": "yes" if ctx.fictional else "no", **own_facts(ctx)}
