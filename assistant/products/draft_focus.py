"""How the planning context steers an ISF draft's search: the presence and phase in words, the context words each
section searches with, and which statements belong to this kind of presence.

A special political mission preparing its withdrawal and a peacekeeping operation in transition must not be handed the
same guidance: each section's search carries the presence type and phase, the mandated tasks, priorities, tensions or
entities that bear on it (:func:`focus_for`); statements about this kind of presence rank higher and about another kind
lower; and statements about what only an armed presence has (troops, a force) do not apply to a mission without one.

>>> from assistant.products.context import PlanningContext
>>> ctx = PlanningContext(country="Carana", presence="SPM", phase="withdrawal", mission="UNOCA", key_tasks=["Good offices"],
...     un_entities=["UNDP"], period="2027-2029")
>>> "Good offices" in focus_for("division")(ctx)
True
>>> bool(EXCLUDED["SPM"].search("A parallel deployment of a UN peacekeeping force and a non-UN fighting force."))
True
"""

from __future__ import annotations

import re
from typing import Callable

from assistant.products.context import PlanningContext
from assistant.products.draft_text import FUNDING_WORDS

PRESENCE_QUERY = {
    "PKO": "multidimensional peacekeeping operation with troops and police, protection of civilians",
    "SPM": "special political mission, good offices and the political process, no peacekeepers",
    "transition": "transition of the UN presence, drawdown of the peacekeeping mission, handover of tasks",
}
PHASE_QUERY = {
    "": "", "start-up": "start-up and deployment of a new mission", "consolidation": "consolidation of peace",
    "drawdown": "drawdown of the mission and transfer of tasks to the country team",
    "withdrawal": "withdrawal and closure of the mission, exit, handover to the Government and the country team",
}
# Statements about this kind of presence rank higher, about another kind lower (a withdrawing SPM has no troops).
PRESENCE_TERMS = {
    "PKO": re.compile(r"peacekeep|protection of civilians|troop|\bforce\b|police component", re.IGNORECASE),
    "SPM": re.compile(r"political mission|political process|good offices|mediation|elections?\b|electoral|political dialogue",
                      re.IGNORECASE),
    "transition": re.compile(r"transition|drawdown|draw down|handover|hand over|withdraw|exit|closure|clos(e|ing) of the mission",
                             re.IGNORECASE),
}
OTHER_PRESENCE = {"PKO": PRESENCE_TERMS["SPM"], "SPM": PRESENCE_TERMS["PKO"], "transition": re.compile(r"start-up|new mission",
    re.I)}
# What only an armed presence has: a statement about it does not apply to a special political mission (unless it also
# speaks of political missions), so an SPM's draft does not quote it at all.
EXCLUDED = {"SPM": re.compile(r"peacekeeping (?:force|troops|contingents?|soldiers)|\btroops?\b|troop-contributing|"
                              r"military (?:component|personnel)|force commander|uniformed personnel|police component",
                              re.IGNORECASE)}


def presence_words(ctx: PlanningContext) -> str:
    """The kind of presence and its phase, in the words its guidance and practice use."""
    return " ".join(x for x in (PRESENCE_QUERY[ctx.presence], PHASE_QUERY[ctx.phase]) if x)


def _tasks(ctx: PlanningContext) -> str:
    return "; ".join(ctx.tasks[:5])


def focus_for(key: str) -> Callable[[PlanningContext], str]:
    """The context words that steer one section's search and ranking."""
    parts: dict[str, Callable[[PlanningContext], list[str]]] = {
        "purpose": lambda c: [presence_words(c), c.national_plan],
        "context": lambda c: [presence_words(c), *c.tensions[:3], *c.national_priorities[:2]],
        "vision": lambda c: [presence_words(c), _tasks(c), *c.national_priorities[:3]],
        "priorities": lambda c: [_tasks(c), *c.national_priorities[:3]],
        "results": lambda c: [_tasks(c), "benchmarks and indicators of progress"],
        "division": lambda c: [presence_words(c), _tasks(c)],
        "coordination": lambda c: [presence_words(c), ", ".join(c.entities)],
        "resources": lambda c: [presence_words(c), *[t for t in c.tensions if FUNDING_WORDS.search(t)]],
        "monitoring": lambda c: [presence_words(c), _tasks(c)],
        "risks": lambda c: [*c.tensions[:4], presence_words(c)],
    }
    return lambda ctx: " ".join(p for p in parts[key](ctx) if p)
