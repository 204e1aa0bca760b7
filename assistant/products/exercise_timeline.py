"""The clock of an exercise day: its phases (opening, moves, back-briefs, breaks, snap round, debrief) and when each
inject is released — the one a trainer asked for at a minute of the session then, in the move running at that time.

>>> [p[1] for p in day_plan(120, [1, 2], True, True, False)]
[10, 5, 30, 15, 30, 15, 15]
>>> assign(["Field office closures", "A gang burns the courthouse (minute 55)"], [1, 2], {1: (15, 45), 2: (60, 90)})
({1: [0], 2: [1]}, {1: 60})
"""

from __future__ import annotations

import re

AT_MINUTE = re.compile(r"\(minute (\d+)\)$")  # an inject's label, as the trainer timed it


def hm(minutes: int) -> str:
    """'1:05' for 65 minutes."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def day_plan(length: int, moves: list[int], first: bool, last: bool, snap: bool) -> list[tuple[str, int, int | None]]:
    """(phase, minutes, move number or None) for one day; moves share what fixed phases leave."""
    fixed: list[tuple[str, int, int | None]] = []
    if first:
        fixed.append(("Opening: objectives, rules, scenario brief", 10 if length <= 120 else 20, None))
        fixed.append(("Role allocation and reading of briefs", 5 if length <= 120 else 15, None))
    else:
        fixed.append(("Recap of day 1 and the overnight time jump", 20, None))
    breaks = 0 if length <= 120 else (1 if length <= 270 else 2)
    lunch = 60 if length >= 360 else 0
    back = 15 if length <= 120 else 20
    close = 15 if length <= 120 else (30 if length <= 270 else 45)
    snap_time = 25 if snap else 0
    available = length - sum(f[1] for f in fixed) - 15 * breaks - lunch - back * len(moves) - close - snap_time
    per_move = max(15, available // len(moves))
    plan = list(fixed)
    for k, move in enumerate(moves):
        rotation = " (syndicates rotate roles)" if k > 0 and length > 270 else ""
        label = ("Move 1: syndicates respond to the opening situation" if move == 1
                 else f"Move {move}: time jump; injects test the decisions taken{rotation}")
        plan.append((label, per_move, move))
        plan.append((f"Back-briefs to the plenary after move {move}", back, None))
        if lunch and k == len(moves) // 2 - 1:
            plan.append(("Lunch", lunch, None))
        elif breaks and (k == 0 or (breaks == 2 and k == len(moves) - 2)):
            plan.append(("Break", 15, None))
    if snap_time:
        plan.append(("Snap situations: ten-minute dilemmas, one per syndicate", snap_time, None))
    plan.append(("After-action review and improvement plan" if last and length > 270 else
                 ("Hot-wash debrief" if last else "End-of-day hot-wash"), close, None))
    plan = _fit(plan, length)
    used = sum(p[1] for p in plan)
    if used != length:  # give the rounding remainder to the last move
        i = max(i for i, p in enumerate(plan) if p[2] is not None)
        plan[i] = (plan[i][0], plan[i][1] + length - used, plan[i][2])
    return plan


def _fit(plan: list[tuple[str, int, int | None]], length: int) -> list[tuple[str, int, int | None]]:
    """A session too short for every phase: drop the snap round, then the breaks, then shorten the other phases
    (to multiples of five minutes, at least five) and the moves (at least ten) until the plan fits."""
    for optional in ("Snap situations", "Break"):
        if sum(p[1] for p in plan) > length:
            plan = [p for p in plan if not p[0].startswith(optional)]
    excess = sum(p[1] for p in plan) - length
    if excess <= 0:
        return plan
    flexible = sum(p[1] for p in plan if p[2] is None)
    share = max(0.0, (flexible - excess) / flexible)
    plan = [p if p[2] is not None else (p[0], max(5, int(p[1] * share) // 5 * 5), None) for p in plan]
    moves = [p for p in plan if p[2] is not None]
    room = length - sum(p[1] for p in plan if p[2] is None)
    per_move = max(10, room // len(moves))
    return [p if p[2] is None else (p[0], per_move, p[2]) for p in plan]


def move_spans(plan: list[tuple[str, int, int | None]]) -> dict[int, tuple[int, int]]:
    """Each move's start and end minute in a day's plan."""
    spans, clock = {}, 0
    for _, length, move in plan:
        if move is not None:
            spans[move] = (clock, clock + length)
        clock += length
    return spans


def assign(injects: list[str], moves: list[int],
           spans: dict[int, tuple[int, int]]) -> tuple[dict[int, list[int]], dict[int, int]]:
    """Which injects each move releases, and the minute of those asked at one: a timed inject goes to the move running at
    its minute (at the start of the next one when it falls between moves — a back-brief runs then —, the last when after
    them all); the rest are shared out in
    order, evenly, over the moves."""
    timed = {i: int(at.group(1)) for i, label in enumerate(injects) if (at := AT_MINUTE.search(label))}
    assigned: dict[int, list[int]] = {m: [] for m in moves}
    for i, minute in timed.items():
        move = next((m for m in moves if m in spans and minute < spans[m][1]), moves[-1])
        assigned[move].append(i)
        timed[i] = max(minute, spans.get(move, (minute, minute))[0])
    rest = [i for i in range(len(injects)) if i not in timed]
    counts = [len(rest) // len(moves) + (k < len(rest) % len(moves)) for k in range(len(moves))]
    nxt = 0
    for m, n in zip(moves, counts, strict=True):
        assigned[m] = sorted(assigned[m] + rest[nxt:nxt + n])
        nxt += n
    return assigned, timed
