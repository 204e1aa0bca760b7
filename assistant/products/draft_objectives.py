"""The strategic objectives a drafting request asks for: one per priority it lists (or the context's), as many as it
asks, each with the mandated tasks closest to it, the national priority it serves, its lead and contributing entities,
a result by the request's horizon and, when asked, indicators to adapt.

The lead is the planning context's: a request's own wording ('handing policing to the national police') names none.
A mandated task that is the handover itself ('Progressive handover of mission tasks …') serves every objective and is
placed under none; a national priority that no objective serves is named, not silently left (trial 11).
"""

from __future__ import annotations

from collections.abc import Callable

from assistant.products.context import PlanningContext
from assistant.products.draft_match import best_match, setting_of, stems
from assistant.products.draft_request import DraftAsk
from assistant.products.draft_text import TBD, _entities, _list, months_asked
from assistant.products.draft_transfer import by_field
from assistant.products.export import Block


def objectives(ctx: PlanningContext, ask: DraftAsk, indicators: Callable[[str], str] | None = None) -> list[Block]:
    """One strategic objective per priority the request lists (as many as it asks for), by the request's horizon;
    ``indicators`` proposes an objective's indicators when the request asks for them."""
    names = ask.priorities or ask.topics or [p.name for p in ctx.all_priorities]
    n = ask.objectives or len(names)
    names = [names[i] if i < len(names) else TBD for i in range(n)]
    led = [p for p in ctx.priorities if p.lead]
    placeable = ctx.own_tasks
    tasks = {name: _closest_tasks(placeable, name) if name != TBD else [] for name in names}
    own = bool(ask.priorities or ask.topics)  # the request chose its objectives: the other tasks are not put under them
    for task in [t for t in placeable if not own and not any(t in ts for ts in tasks.values())]:  # fewer objectives
        home = best_match(task, [m for m in names if m != TBD], setting_of(ctx.tasks))  # than tasks: each joins its closest
        if home:
            tasks[home] = tasks[home] + [task]
    items, served = [], set()
    for i, name in enumerate(names):
        link = best_match(" ".join([name, *tasks[name]]), ctx.national_priorities, setting_of(ctx.tasks))
        served.add(link)
        best = best_match(name, [p.name for p in led]) if name != TBD else ""
        p = next((p for p in led if p.name == best), None)
        lead = (p.lead if p.name.lower() == name.lower() else f"{p.lead} (lead of your priority “{p.name}”)") if p else (
            f"proposed: {ctx.mission_short} (the mandate gives it this task; {TBD})" if tasks[name] else TBD)
        helping = _entities(ctx, p.contributing) if p else by_field(ctx, tasks[name])
        measured = f" Indicators ({ask.indicators} asked): {indicators(name)}." if indicators and ask.indicators else ""
        items.append(f"Strategic objective {i + 1} ({name}): result for {ctx.country} {horizon(ctx, ask)}: {TBD}. "
                     f"Mandated tasks: {_list(tasks[name]) or TBD}. Serves: {link or ctx.national_plan or TBD}. Lead: "
                     f"{lead}. Contributing: " + (f"{_list(helping)}" + ("" if p else " (proposed: their field)")
                                                  if helping else TBD) + f".{measured}")
    unplaced = [t for t in placeable if not own and not any(t in ts for ts in tasks.values())]
    unserved = [q for q in ctx.national_priorities if q not in served]
    notes = [f"Mandated tasks under no objective yet (the team to place them): {_list(unplaced)}."] if unplaced else []
    notes += [f"National priorities no objective serves yet: {_list(unserved)}."] if unserved else []
    return [Block(kind="paragraph", text=f"Strategic objectives, as asked ({n}):"), Block(kind="bullets", items=items),
            *(Block(kind="note", text=t) for t in notes)]


def horizon(ctx: PlanningContext, ask: DraftAsk) -> str:
    """'within 18 months' when the request gives itself months, else 'by <the end of the period>' ('by June 2028')."""
    months = months_asked(ask.text)
    return f"within {months} months" if months else f"by {ctx.ends}"


def _closest_tasks(tasks: list[str], name: str) -> list[str]:
    """The mandated tasks sharing most words with an objective ('protection of civilians' takes the civilians task,
    not 'hand over its civilian tasks', which shares one word of two)."""
    shared = {t: len(stems(t) & stems(name)) for t in tasks}
    most = max(shared.values(), default=0)
    return [t for t, k in shared.items() if k and k == most]


__all__ = ["horizon", "objectives"]
