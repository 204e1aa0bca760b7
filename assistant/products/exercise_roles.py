# ruff: noqa: E501 — prose for trainers (interests, friction, briefs) reads better unbroken.
"""The players of integrated-planning exercises: mission leadership, country team heads, government,
partners and Headquarters, each with interests, typical friction and a default confidential brief.

Drawn from the role catalogue of joint-training practice; a topic in
:mod:`assistant.products.exercise_catalogue` picks the roles that fit it and may rewrite the briefs.

>>> ROLES["Head of OCHA"].interests.startswith("Humanitarian access")
True
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from assistant.index.lexical import tokenize

if TYPE_CHECKING:
    from assistant.products.context import PlanningContext, Priority
    from assistant.products.exercise_catalogue import Inject


@dataclass(frozen=True)
class Role:
    """A player: title, interests, friction, and a default confidential brief."""

    title: str
    interests: str
    friction: str
    brief: str



ROLES = {r.title: r for r in (
    Role("SRSG / Head of Mission", "Delivery of the mandate, the political strategy and the coherence of the UN presence.",
         "Security Council timelines against the country team's programme cycles; pressure from the host government.",
         "You have promised the Council visible progress before the next report."),
    Role("DSRSG (Political)", "The political process, good offices, elections.", "Mission-centred priorities.",
         "The opposition leader calls you, not the SRSG; you want to keep that channel open."),
    Role("DSRSG/RC/HC", "Leadership of the country team, humanitarian coordination, alignment with development plans; reports to "
         "the SRSG and in the UN development and humanitarian lines.", "Torn between mission objectives and humanitarian principles.",
         "Two agency heads have told you privately they will not co-sign anything that links them to military operations."),
    Role("Force Commander", "Security tasks, protection of civilians, support to national forces.",
         "Requests for escorts and assets; conditions on support to national forces.",
         "Your troops are stretched; you cannot escort convoys and hold the northern bases."),
    Role("Police Commissioner", "Police development, public order support, protection through policing.",
         "Support to national police with a poor human rights record.", "Two national police units are on the HRDDP watch list."),
    Role("Director of Mission Support", "Budget, assets, logistics, staff.",
        "Administrative rules block joint work (cost recovery, asset transfer).",
         "The Controller has warned that any new commitment must be absorbed within the approved budget."),
    Role("Head of OCHA", "Humanitarian access, humanitarian principles, civil-military coordination.",
         "Visible association of humanitarian actors with the mission.", "An NGO consortium will leave the joint forums if co-branding goes ahead."),
    Role("UNDP Resident Representative", "Governance and rule-of-law programmes; continuity after the mission leaves.",
         "Loss of funding and visibility when mission tasks end.", "Your donors fund only activities branded as UNDP's."),
    Role("UNICEF Representative", "Child protection and basic services under the agency's own mandate and board.",
         "Whose lead? Agency accountability against joint results.", "Your regional office has asked you not to join integrated structures in the north."),
    Role("UNHCR Representative", "Protection of refugees and internally displaced persons; durable solutions.",
         "Returns pushed for political reasons.", "You will not support returns to areas your protection monitors call unsafe."),
    Role("WFP Representative", "Food assistance and logistics; common services.",
        "Requests to lend humanitarian logistics to the mission.",
         "Your trucks carry the only fuel reserve in the east; you will not lend them for mission tasks."),
    Role("Chief of the joint planning capacity", "Drafting the ISF, the transition plan and monitoring.",
         "Consensus fatigue and lowest-common-denominator results.", "You must deliver a revised results matrix to the senior leadership forum by Friday."),
    Role("JMAC chief", "Integrated analysis and early warning.", "Limits on sharing information with the country team.",
         "Your latest assessment contradicts the country team's reading of the north."),
    Role("Human rights chief (OHCHR)", "Monitoring, public reporting, human rights due diligence.",
        "Public reporting against political engagement.",
         "Your draft public report names army units involved in abuses; the SRSG wants it delayed."),
    Role("Peace and development adviser (RCO)", "Conflict sensitivity, the Cooperation Framework, continuity after the mission.",
         "Post-mission continuity with no political capacity in the RC office.", "The RC office will lose its only analyst post next year."),
    Role("Chief Electoral Adviser", "Technical electoral assistance and the electoral calendar.",
        "Logistics depend on mission assets.",
         "Ballot printing is three weeks late; you have not told the electoral commission yet."),
    Role("Host Government (Ministry of Foreign Affairs)", "Sovereignty, consent to the UN presence, one door to knock on.",
         "Sees integrated arrangements as the mission steering the agencies' programmes.",
         "The President has told you the mission is to keep to its mandate; agencies are to deal with line ministries, not "
         "through it."),
    Role("Host Government (Ministry of Planning)", "National ownership, sovereignty, development funding.",
         "Resists human rights reporting; wants logistics support.", "The Minister will ask for helicopters for army operations."),
    Role("National electoral commission chair", "A credible calendar and national ownership of the process.",
         "Dependence on UN logistics; political pressure.", "The President's office wants the vote brought forward by two months."),
    Role("Chief of the DDR Section", "Disarmament, demobilization and reinsertion of former fighters; weapons management.",
         "Reintegration depends on agency programmes the mission does not fund.",
         "Cantonment sites hold twice the fighters planned; food runs out in three weeks."),
    Role("IOM Chief of Mission", "Displacement tracking, transport of returnees, community stabilization.",
         "Returns funded only where reintegration projects are planned.", "Your donors ask for return figures by district each month."),
    Role("National DDR Commission chair", "National ownership of DDR; results before the elections.",
         "Wants UN funds through its own accounts; pressure from the parties' leaders.",
         "The President's office wants the packages paid before the local elections."),
    Role("NGO forum representative", "Independence of humanitarian action; access; staff safety.",
        "Refusal of integrated arrangements.",
         "Your members voted to suspend participation in joint forums if the mission brands aid."),
    Role("Peacebuilding Fund focal point", "Joint proposals with clear results and co-signature.",
        "Earmarking and reporting burdens.",
         "A new envelope must be committed within three weeks."),
    Role("HQ desk officer (Integrated Task Force)", "The Secretariat's position; Council deadlines.",
        "Pushes a single option; reporting deadlines.",
         "The Under-Secretary-General wants one recommended option, not three."),
    Role("Donor representative", "Results, value for money, visibility.", "Earmarking; reporting burdens.",
         "Your capital will fund only what can show results within 12 months."),
    Role("Security adviser (DSS)", "Staff safety and security risk management.",
        "Movement restrictions against programme delivery.",
         "You are about to recommend relocating non-essential staff from the east."),
    Role("ITF chair (lead department)", "One recommendation from the UN system to the Secretary-General and the Council, on time.",
         "Agency headquarters and the field send different positions; the other department wants the lead.",
         "The Under-Secretary-General wants the ITF's options paper in two weeks; the mission and two agencies still disagree."),
    Role("Development Coordination Office (DCO)", "The Resident Coordinator system and the Cooperation Framework after the mission.",
         "Mission-centred options that leave the RC office without capacity.",
         "The RC office's funding for next year is not secured; you will not endorse an option that adds tasks to it."),
    Role("Chief of Staff", "Turning the senior leadership's decisions into tasks, deadlines and one mission-wide plan.",
         "Sections and agencies that agree in the forum and then act alone; competing deadlines from Headquarters.",
         "The SRSG wants one integrated plan on the table by Monday; two sections have not sent their inputs."),
    Role("Chief of the Joint Operations Centre", "Situational awareness and crisis coordination.",
        "Information overload; competing reporting lines.",
         "Two incident reports contradict each other and HQ wants a flash report in an hour."),
)}


def role_for(name: str) -> Role:
    """The catalogue's card for a role, or one written from the trainer's words for a role the catalogue lacks (said so on
    the card, for the trainer to complete) rather than dropping a player the trainer named."""
    if name in ROLES:
        return ROLES[name]
    todo = "[to be written by the trainer: the catalogue has no card for this role]"
    return Role(name, todo, todo, todo)


# A special political mission has no force or police component: its exercises play neither role unless the trainer asks.
UNIFORMED = frozenset({"Force Commander", "Police Commissioner"})


def for_presence(roles: list[tuple[Role, str]], events: Sequence[Inject], presence: str,
                 cast: Collection[str]) -> tuple[list[tuple[Role, str]], list[Inject]]:
    """The role cards and injects as this kind of presence has them: for an SPM, no uniformed roles (but those asked
    for), and an inject addressed to one goes to the others it names, or to the SRSG.

    >>> from assistant.products.exercise_catalogue import Inject
    >>> riot = Inject("Rally", "flash report", "Police Commissioner, Human rights chief (OHCHR)", "Police fire.", "Agree.")
    >>> cards, injects = for_presence([(ROLES["Police Commissioner"], "")], [riot], "SPM", [])
    >>> cards, injects[0].to
    ([], 'Human rights chief (OHCHR)')
    """
    if presence != "SPM":
        return roles, list(events)
    dropped = UNIFORMED - set(cast)

    def to(names: str) -> str:
        return ", ".join(n for n in (x.strip() for x in names.split(",")) if n not in dropped) or "SRSG / Head of Mission"

    return [r for r in roles if r[0].title not in dropped], [replace(e, to=to(e.to)) for e in events]


def fit_injects(injects: Sequence[Inject], ctx: PlanningContext | None) -> list[Inject]:
    """Injects addressed as the context's presence and entities have them (:func:`for_entities`, :func:`for_presence`),
    for events played without role cards: trial 12's SPM snap situations named OCHA, WFP and a Force Commander its
    context did not have."""
    if ctx is None:
        return list(injects)
    _, fitted = for_entities([], list(injects), ctx.un_entities, bool(ctx.humanitarian_response))
    return for_presence([], fitted, ctx.presence, [])[1]


def retitled(roles: list[tuple[Role, str]], events: list[Inject], titles: dict[str, str]) -> tuple[list[tuple[Role, str]],
                                                                                               list[Inject]]:
    """The cards under the titles the trainer gave them ('UNDP Country Director'), and the injects addressed to them."""
    if not titles:
        return roles, events

    short = {"SRSG": titles["SRSG / Head of Mission"]} if "SRSG / Head of Mission" in titles else {}  # 'To: SRSG, …'

    def to(names: str) -> str:
        return ", ".join({**titles, **short}.get(n.strip(), n.strip()) for n in names.split(","))

    return [(replace(r, title=titles.get(r.title, r.title)), b) for r, b in roles], [replace(e, to=to(e.to)) for e in events]


AGENCY_CARDS = {"UNDP Resident Representative": "UNDP", "UNICEF Representative": "UNICEF", "UNHCR Representative": "UNHCR",
                "WFP Representative": "WFP", "Head of OCHA": "OCHA"}


def for_entities(roles: list[tuple[Role, str]], events: list[Inject], entities: Collection[str] | None,
                 humanitarian: bool = False) -> tuple[list[tuple[Role, str]], list[Inject]]:
    """With a planning context, an agency's card only where the context lists the agency (OCHA too where a humanitarian
    response is running), and every inject's addressee with a card: an inject 'To: UNICEF Representative' came with no
    UNICEF card, and a UNHCR card came for a country team without UNHCR.

    >>> from assistant.products.exercise_catalogue import Inject
    >>> fire = Inject("Attack", "flash report", "Head of OCHA, UNICEF Representative", "Armed men attack a site.", "Agree.")
    >>> cards, injects = for_entities([(ROLES["UNHCR Representative"], "")], [fire], ["UNICEF"])
    >>> [r.title for r, _ in cards], injects[0].to
    (['UNICEF Representative'], 'UNICEF Representative')
    """
    listed = set(entities or ()) | ({"OCHA"} if humanitarian else set())
    absent = {title for title, agency in AGENCY_CARDS.items() if entities is not None and agency not in listed}
    events = [replace(e, to=", ".join(n for n in (x.strip() for x in e.to.split(",")) if n not in absent)
                      or "SRSG / Head of Mission") for e in events]
    roles = [r for r in roles if r[0].title not in absent]
    for name in dict.fromkeys(n.strip() for e in events for n in e.to.split(",")):
        if name in ROLES and name not in {role.title for role, _ in roles}:
            roles.append((ROLES[name], ROLES[name].brief))
    return roles, events


AGENCY_TITLES = {agency: title for title, agency in AGENCY_CARDS.items()} | {"OHCHR": "Human rights chief (OHCHR)"}


def to_named_agencies(events: list[Inject], said: Mapping[str, str]) -> list[Inject]:
    """Each inject addressed also to the agencies its event names, in its text or in the trainer's words for it
    (``said``, by inject title): an inject on attacks on WFP and UNHCR food distributions went to the Force Commander
    and OCHA, with no WFP card (trial 15); :func:`for_entities` then gives each addressee a card.

    >>> from assistant.products.exercise_catalogue import Inject
    >>> fire = Inject("Attack", "flash report", "Force Commander", "Armed men attack a site.", "Agree.")
    >>> to_named_agencies([fire], {"Attack": "WFP and UNHCR food distributions are attacked"})[0].to
    'Force Commander, UNHCR Representative, WFP Representative'
    """
    out = []
    for e in events:
        text = f"{e.content} {said.get(e.title, '')}"
        named = [title for agency, title in AGENCY_TITLES.items() if re.search(rf"\b{agency}\b", text)]
        out.append(replace(e, to=", ".join(dict.fromkeys([*(n.strip() for n in e.to.split(",")), *named]))))
    return out


AGENCY_NAMED = re.compile(r"\b(UNDP|UNICEF|UNHCR|WFP|OHCHR|OCHA|IOM|UN[- ]Women|UNFPA|WHO|FAO|UNOPS|UNMAS|UNODC)\b")


def named_agency_cards(request: str, held: Collection[str]) -> list[tuple[Role, str]]:
    """A card for each UN agency the request names ('staff from UNDP, UNICEF, IOM and UN-Women'): its catalogue card, or
    one written for it, the brief left to the trainer; hc15's drawdown tabletop named four agencies and carded one.

    >>> [r.title for r, _ in named_agency_cards("planners from UNDP, IOM and UN-Women", ["UNDP Resident Representative"])]
    ['IOM Representative', 'UN-Women Representative']
    """
    out: list[tuple[Role, str]] = []
    for agency in dict.fromkeys(m.group(1) for m in AGENCY_NAMED.finditer(request)):
        card = ROLES.get(AGENCY_TITLES.get(agency, "")) or Role(
            f"{agency} Representative", f"{agency}'s programmes, staff and funding in the country, and their continuity.",
            "Asked to take on work or change plans without the funds, access or time to do it.",
            "[to be written by the trainer: the catalogue has no brief for this agency]")
        if card.title not in held and card.title not in {r.title for r, _ in out}:
            out.append((card, card.brief))
    return out


# Words every exercise request and every context share ('mission', 'UN', 'United Nations'): they name no stake.
EVERY_REQUEST = frozenset(tokenize("mission UN United Nations"))


def lead_cards(request: str, priorities: Sequence[Priority], tension: str, held: Collection[str],
               mission: str = "") -> list[tuple[Role, str]]:
    """Cards for the players a request's own stakes bring in: the agency leading each context priority the request
    names (its catalogue card, or one written from the priority), and the host government when the context's tension the
    exercise plays is the Government's. A newcomer's drawdown-and-elections exercise had no card for IOM or UNDP, which
    led two of its three priorities, nor for the Government pushing the mission out.

    >>> from assistant.products.context import Priority
    >>> cards = lead_cards("protecting civilians before the elections", [Priority(name="Credible 2028 elections",
    ...                    lead="UNDP"), Priority(name="Jobs", lead="IOM")], "The Government wants the mission out.", [])
    >>> [r.title for r, _ in cards]
    ['UNDP Resident Representative', 'Host Government (Ministry of Foreign Affairs)']
    >>> lead_cards("elections", [Priority(name="Peaceful elections", lead="UNIOV")], "", [], "Integrated Office (UNIOV)")
    []
    """
    words = set(tokenize(request)) - EVERY_REQUEST
    out: list[tuple[Role, str]] = []
    for p in priorities:
        agency = p.lead.strip()
        if not agency or " " in agency or agency in mission or not words & set(tokenize(p.name)):
            continue  # the mission itself or one of its sections (its own cards play it), or a priority not asked about
        card = ROLES.get(f"{agency} Resident Representative") or ROLES.get(f"{agency} Representative") or Role(
            f"{agency} Representative", f"Leads the priority “{p.name}”; its results, staff and funding.",
            "Asked to take on mission tasks under the priority without the funds, access or security to deliver them.",
            f"Your headquarters will not let you take over any task under “{p.name}” until its funding for two years is "
            "pledged.")
        out.append((card, card.brief))
    if re.search(r"\bGovernment\b", tension):
        government = ROLES["Host Government (Ministry of Foreign Affairs)"]
        out.append((government, government.brief))
    return [(r, b) for r, b in out if r.title not in held]
