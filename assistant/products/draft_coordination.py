"""The coordination section a request sets out: the senior leadership forum and how often it meets, the working or
results groups with their co-chairs (those the request names for each group, in its order), the joint planning unit,
Cooperation Framework results groups, the ITF and any other body it names, and where coordination passes at closure.

>>> [m.group("group", "a", "b") for m in GROUP_CHAIRS.finditer("three results groups (elections co-chaired by UNDP and the "
...  "Electoral Commission; human rights co-chaired by OHCHR and the Ministry of Justice)")]
[('elections', 'UNDP', 'the Electoral Commission'), ('human rights', 'OHCHR', 'the Ministry of Justice')]
"""

from __future__ import annotations

import re

from assistant.citation import CitationBook
from assistant.index.retrieve import Retriever
from assistant.products.context import PlanningContext, Priority
from assistant.products.draft_asked import FORMS, _check, _library_notes
from assistant.products.draft_match import best_match
from assistant.products.draft_request import DraftAsk
from assistant.products.draft_text import TBD, _list, _the
from assistant.products.export import Block

SLF_MEETS = re.compile(r"\b(?:SLF|Senior Leadership Forum)\b[^.;]*?\b(monthly|weekly|quarterly|fortnightly|every (?:two|three|"
                       r"six) (?:weeks|months)|twice a (?:month|year))\b", re.IGNORECASE)
CO_CHAIRS = re.compile(r"\bco-?chair(?:s|ed)? (?:from|by) ([A-Z][\w-]+) and ([A-Z][\w-]+)\b")
# Each group with its own co-chairs: '(elections co-chaired by UNDP and the Electoral Commission; human rights co-chaired by
# OHCHR and the Ministry of Justice; …)' (trial 14 got '[to be agreed] (mission section)' for a group the mission had left)
_NAME = r"(?:the )?[A-Z][\w'’-]*(?: (?:of |for )?[A-Z][\w'’-]*)*"
GROUP_CHAIRS = re.compile(rf"(?P<group>[a-z][\w ,'’-]{{2,60}}?) co-?chaired by (?P<a>{_NAME}) and (?P<b>{_NAME})")
GROUPS_FOR = re.compile(r"\b(?:pillar |thematic )?(?:working )?groups? (?:for|on) (.+?)(?=\s+with\b|[,;.]|$)", re.IGNORECASE)


MEETING = re.compile(r"\b(?:meeting|meets|to meet)\s+((?:once|twice|three times|four times) a (?:year|month|quarter)|monthly|"
                     r"quarterly|weekly|annually|every (?:\w+ )?(?:weeks?|months?|quarters?|years?))\b", re.IGNORECASE)


def _body(body: str, text: str) -> str:
    """A body the request names, with the co-chairs and the meetings it gives it ('a UN–Government Joint Steering Committee
    co-chaired by the Minister of Planning and the Resident Coordinator, meeting twice a year')."""
    key = body.lower().split()[-1]
    chairs = next((m for m in GROUP_CHAIRS.finditer(text) if key in m.group("group").lower()), None)
    after = text[chairs.end():] if chairs else text[text.lower().find(key):]
    meets = MEETING.match(after.lstrip(" ,;")) if chairs else MEETING.search(after.split(";")[0])
    said = [f"co-chaired by {chairs.group('a')} and {chairs.group('b')}" if chairs else f"chair {TBD}",
            f"meets {meets.group(1)}" if meets else f"meets {TBD}"]
    return f"{body[0].upper() + body[1:]} (as asked): {'; '.join(said)}{' (as you set it)' if chairs or meets else ''}; " \
           f"members and role {TBD}."


def _the_chair(chair: str) -> str:
    """'the SRSG' for an acronym or title as a request writes it."""
    return f"the {chair}" if chair.isupper() else chair


def _groups_asked(text: str, ctx: PlanningContext) -> list[Priority]:
    """The working groups a request names ('for the national dialogue and for decentralization'), each the context's
    closest priority, or the name as asked (trial 12 asked for two and got all three of the context's)."""
    found = GROUPS_FOR.search(text)
    if not found:
        return []
    names = [n.strip() for n in re.split(r",?\s+and\s+(?:for|on)\s+|,\s*(?:for|on)\s+", found.group(1)) if n.strip()]
    by_name = {p.name: p for p in ctx.all_priorities}
    return [by_name.get(best_match(n, list(by_name))) or Priority(name=n) for n in names]


def coordination_mechanisms(ctx: PlanningContext, ask: DraftAsk, retriever: Retriever, book: CitationBook) -> list[Block]:
    """The mechanisms the request names, in its terms, with co-chairs from the context where it has them."""
    items: list[str] = []
    if "slf" in ask.mechanisms:
        meets = SLF_MEETS.search(ask.text)
        items.append(f"Senior Leadership Forum (SLF) of {_the(ctx)} and the country team ({_list(ctx.un_entities)}): decides "
                     f"on ISF priorities and reviews progress; chaired by {_the_chair(ask.slf_chair) or TBD}; meets "
                     + (f"{meets.group(1)} (as you set it)." if meets else f"{TBD}."))
    if "pillar_groups" in ask.mechanisms or ask.groups:
        asked = _groups_asked(ask.text, ctx)  # 'working groups for the national dialogue and for decentralization'
        n = ask.groups or len(asked) or min(len(ctx.all_priorities), 4)
        named = CO_CHAIRS.search(ask.text)  # 'with co-chairs from UNPOV and UNDP'
        own = [m for m in GROUP_CHAIRS.finditer(ask.text) if not re.search(r"committee|forum|board", m.group("group"), re.I)]
        if len(own) == n:  # each group named with its co-chairs: as asked, in its order
            items += [f"Results group {i + 1} — {m.group('group').strip().capitalize()}: co-chaired by {m.group('a')} and "
                      f"{m.group('b')} (as you set it); plans, monitors and reports on its results." for i, m in enumerate(own)]
            n = 0
        for i in range(n):
            p = (asked[i] if i < len(asked) else None) if asked else ctx.all_priorities[i] if i < len(ctx.all_priorities) \
                else None
            name = p.name if p else TBD
            mission_chair = p.lead if p and p.lead.startswith(ctx.mission) else f"{TBD} ({ctx.mission_short} section)"
            agencies = [e for e in ([p.lead] if p and p.lead and not p.lead.startswith(ctx.mission) else []) +
                        (p.contributing if p else []) if e in ctx.un_entities]
            agency = agencies[0] if agencies else f"{TBD} (agency)"
            chairs = (f"co-chaired by {named.group(1)} and {named.group(2)} (as you set it)" if named else
                      f"co-chaired by {mission_chair} and {agency}" if ask.co_chairs else f"chaired by {mission_chair}")
            items.append(f"Pillar working group {i + 1} — {name}: {chairs}; plans, monitors and reports on its results.")
    if "planning_unit" in ask.mechanisms:
        items.append(f"Joint planning unit: drafts, monitors and reports on the ISF for the SLF; staffed by {TBD} from "
                     f"{_the(ctx)} and the Resident Coordinator's office.")
    if "results_groups" in ask.mechanisms:
        items.append(f"Cooperation Framework (UNSDCF) results groups: where one already covers a pillar, it serves as that "
                     f"pillar's working group instead of a new one; which groups: {TBD}.")
    if "itf" in ask.mechanisms:
        items.append(f"Integrated Task Force at Headquarters: receives the ISF and its reviews; focal point {TBD}.")
    items += [_body(b, ask.text) for b in ask.bodies]
    if ask.passes_to:  # 'how coordination passes to the RCO at closure': which forum goes on, and who holds it
        lost = [t for t in ctx.tensions if re.search(r"resident coordinator|\bRCO\b|clos", t, re.IGNORECASE)]
        items.append(f"At {_the(ctx)}'s closure, coordination passes to {ask.passes_to}: which forum continues, who chairs "
                     f"it and from when {TBD}" + (f"; from your planning context: {'; '.join(lost)}." if lost else "."))
    found, missing = _check([k for k in ask.mechanisms if k in FORMS], retriever, book)
    return [Block(kind="paragraph", text="Coordination and implementation arrangements, as you set them out:"),
            Block(kind="bullets", items=items)] + _library_notes(found, missing, "mechanisms")
