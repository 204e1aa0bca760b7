"""Transition exercises set after the mission has closed ("a transition after a peacekeeping mission closes").

The catalogue's transition topic starts while the mission draws down, and its injects are about the drawdown (a
benchmark met early, the Government asking the mission to leave sooner). A trainer who sets play after the closure
gets that start state and injects for the country team carrying the tasks alone instead.

>>> from assistant.products.exercise_catalogue import TOPICS
>>> transition = next(t for t in TOPICS if t.key == "transition")
>>> after_closure(transition, "a tabletop on the transition after the peacekeeping mission closes").injects[0].title
'Violence returns to the east'
>>> after_closure(transition, "a tabletop on the mission's drawdown") is transition
True
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.products.exercise_catalogue import Inject, Topic
from assistant.products.export import Block, Report

AFTER_CLOSURE = re.compile(r"\bafter (?:the |a |an )?(?:[\w-]+ ){0,3}(?:mission|operation|presence) (?:closes|has closed|"
                           r"closed|leaves|has left|left|withdraws|has withdrawn|withdrew)\b", re.IGNORECASE)
CLOSED = ("The mission closed six months ago. Its civilian tasks — police support, justice, human rights monitoring — passed "
          "to the Government and the country team, which now carry them without the mission's logistics, security cover or "
          "political weight; agencies say they lack funds and staff for some, and the Government wants some to end.")
CLOSED_INJECTS = (
    Inject("Violence returns to the east", "flash report", "DSRSG/RC/HC, Security adviser (DSS)",
           "Armed groups attack two towns the mission used to patrol; the Government asks the UN to bring police support "
           "back.", "Decide what the country team can and cannot do without a mission, who tells the Government, and what "
           "goes to Headquarters."),
    Inject("Rule-of-law funding ends", "e-mail", "UNDP Resident Representative, Peacebuilding Fund focal point",
           "The rule-of-law programme the country team took over from the mission runs out of money in three months; no "
           "donor has pledged.", "Agree which activities continue, a joint funding request and who makes it."),
    Inject("Case files requested", "letter", "Human rights chief (OHCHR)",
           "A victims' association asks for the closed mission's human rights case files; the Government objects to their "
           "release.", "Decide who holds the mission's records, what can be shared, with whom and how."),
    Inject("Government ends a handed-over task", "meeting", "DSRSG/RC/HC, Host Government (Ministry of Foreign Affairs)",
           "The Government tells the Resident Coordinator it will no longer accept UN support for the national human "
           "rights commission.", "Agree the response, who speaks for the UN, and what the framework that followed the ISF "
           "says."),
    Inject("Analysis gap before elections", "e-mail", "Peace and development adviser (RCO)",
           "Headquarters asks the Resident Coordinator's office for a conflict analysis before the elections; with the "
           "mission's political affairs office gone, it has one analyst.", "Decide what analysis the office can deliver, "
           "with whom and by when."),
)


def after_closure(topic: Topic, request: str) -> Topic:
    """The transition topic moved to after the mission's closure when the request sets play there; else the topic."""
    if topic.key != "transition" or not AFTER_CLOSURE.search(request):
        return topic
    return replace(topic, title="Transition after the mission's closure", situation=CLOSED, injects=CLOSED_INJECTS)


def in_the_past(pack: Report, request: str) -> None:
    """The read-ahead's UN presence told in the past when play starts after the closure ('worked alongside')."""
    if not AFTER_CLOSURE.search(request):
        return
    now, then = " works alongside a UN country team", " worked, until it closed, alongside a UN country team"
    for i, block in enumerate(pack.blocks):
        if block.kind == "paragraph" and now in block.text:
            pack.blocks[i] = Block(kind="paragraph", text=block.text.replace(now, then))
