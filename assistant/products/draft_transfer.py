"""The transfer-of-tasks table a request asks for: only the civilian tasks when it says so, the owners it names as candidates.

A transition annex ("a table of mandated civilian tasks with the future owner, conditions and benchmarks,
funding source and handover date") keeps the drafter's columns; uniformed tasks (protection of civilians
by the force, disarmament, handing over security responsibility) are left out when civilian tasks are
asked for, and said to be; the future owners the request names ("UNDP, UNICEF or the Ministry of
Justice") are offered as candidates in each row, never assigned.

>>> uniformed("Support disarmament, demobilization and reintegration of former combatants")
True
>>> uniformed("Support the reform of the justice and corrections sectors")
False
"""

from __future__ import annotations

import re

from assistant.products.context import PlanningContext
from assistant.products.draft_request import DraftAsk
from assistant.products.draft_text import TBD, _list, _the
from assistant.products.export import Block

UNIFORMED = re.compile(r"\bprotection of civilians\b|\btroops?\b|\bmilitary\b|\bforce\b|\bdisarmament\b|\bceasefire\b|"
                       r"security responsibility|\barmed\b", re.IGNORECASE)


def uniformed(task: str) -> bool:
    """A task of the force or of uniformed personnel rather than of civilians."""
    return bool(UNIFORMED.search(task))


def transfer_table(ctx: PlanningContext, ask: DraftAsk) -> list[Block]:
    """One row per mandated task to hand over, with the columns of a transition annex."""
    tasks = [t for t in ctx.tasks if not (ask.civilian and uniformed(t))]
    left = [t for t in ctx.tasks if t not in tasks]
    owner = f"{TBD} (candidates you named: {_list(ask.owners)})" if ask.owners else TBD
    rows = [["Mandated task", "Current owner", "Future owner", "Conditions / benchmarks", "Handover date",
             "Funding after handover"]]
    rows += [[t, ctx.mission, owner, TBD, TBD, TBD] for t in tasks]
    leaving = "withdraws" if ctx.phase == "withdrawal" else "draws down" if ctx.leaving else "hands over tasks"
    blocks = [Block(kind="paragraph", text=f"Transfer of {'civilian ' if ask.civilian else ''}tasks as {_the(ctx)} {leaving}, "
                                           f"{ctx.years[0]}–{ctx.years[1]}:"), Block(kind="table", rows=rows)]
    if left:
        blocks.append(Block(kind="note", text=f"Left out as uniformed rather than civilian tasks: {'; '.join(left)}. Add any "
                                              "that a civilian entity will take over."))
    return blocks
