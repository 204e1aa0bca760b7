"""Where a trainer's request sets the exercise: the kind of fictional country it names, and Headquarters.

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

from assistant.products.export import Block, Report

TRAITS = (re.compile(r"\b(?:low|lower[- ]middle|upper[- ]middle|middle|high)[- ]income\b", re.I),
          re.compile(r"\b(?:coastal|landlocked|small island|island|oil[- ]producing|mineral[- ]rich|arid|mountainous)\b", re.I))
HEADQUARTERS = re.compile(r"\b(?:ITF|IMTF|integrated (?:mission )?task force)\b[^.]*\b(?:meeting|session)|\bat headquarters\b|"
                          r"\bin new york\b|\bheadquarters[- ]level\b", re.I)
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


def apply_setting(pack: Report, request: str) -> Report:
    """The pack with the read-ahead's opening naming the country the request describes, and a Headquarters setting said."""
    traits = country_traits(request)
    for i, block in enumerate(pack.blocks):
        if traits and block.kind == "paragraph" and (m := OPENING.match(block.text)):
            kind = f"{m.group(2) or ''}{' '.join(traits)} country of about"
            pack.blocks[i] = Block(kind="paragraph", text=OPENING.sub(f"{m.group(1)} is a {kind}", block.text, count=1))
            break
    if at_headquarters(request):
        start = next((i for i, b in enumerate(pack.blocks) if b.kind == "heading" and b.text.startswith("Start state")), None)
        if start is not None:
            pack.blocks.insert(start + 2, Block(kind="paragraph", text=(
                "Setting: the exercise is played at Headquarters, as a meeting of the Integrated Task Force chaired by the "
                "lead department. Syndicates play the ITF's members (the departments and the agencies' headquarters), with "
                "the mission and the country team joining by video; the field situation above is what the meeting "
                "discusses. Each syndicate agrees the options, the recommendation the ITF sends up, and who tells the field.")))
    return pack
