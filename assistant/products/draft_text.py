"""First-pass ISF text built only from the planning context: no corpus, no facts of the assistant's own.

Each writer turns the drafter's context into the blocks of one section: the mandated tasks
seed the strategic objectives and the results-matrix rows, only listed entities are named
(a mission section such as "UNMICA Police" counts as the mission), and whatever the context
does not say is "[to be agreed]".

>>> ctx = PlanningContext(country="Carana", presence="SPM", mission="UNOCA", key_tasks=["Good offices"],
...     un_entities=["UNDP"], period="2027-2028")
>>> results_matrix(ctx)[1][:2]
['Strategic objective 1', 'Good offices']
"""

from __future__ import annotations

import re

from assistant.products.context import PlanningContext, Priority
from assistant.products.draft_match import best_match, setting_of
from assistant.products.export import Block

TBD = "[to be agreed]"
MAX_OBJECTIVES = 8
FUNDING_WORDS = re.compile(r"fund|budget|financ|resource|donor|cost", re.IGNORECASE)


def _list(items: list[str]) -> str:
    items = [i for i in items if i]
    if not items:
        return TBD
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


# Number words a request writes counts in ('three indicator rows', 'a two-page summary').
NUMBER = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "ten": 10}


def number(word: str) -> int:
    """'3' or 'three' as 3; 0 for a word that is no number."""
    return int(word) if word.isdigit() else NUMBER.get(word.lower(), 0)


MONTHS = re.compile(r"\b(?:in|within|next|over|last)\s+(?:the\s+(?:next|last)\s+)?"
                    r"(\d{1,2}|six|three|four|nine|twelve|eighteen)\s+months?\b|\b(\d{1,2})-month\b", re.IGNORECASE)
WORDS = {"three": 3, "four": 4, "six": 6, "nine": 9, "twelve": 12, "eighteen": 18}


def months_asked(text: str) -> int:
    """The months a request gives itself ('over the next 18 months', 'in 6 months', 'a 24-month drawdown'), or 0.

    >>> months_asked("a mission drawing down over 24 months"), months_asked("a 12-month plan"), months_asked("soon")
    (24, 12, 0)
    """
    match = MONTHS.search(text)
    if not match:
        return 0
    word = match.group(1) or match.group(2)
    return int(word) if word.isdigit() else WORDS[word.lower()]


def _the(ctx: PlanningContext) -> str:
    """'UNMIT' (acronyms take no article; a name given with its acronym is called by it) or 'the Integrated Office'."""
    short = ctx.mission_short
    return short if re.fullmatch(r"[A-Z][A-Za-z-]*[A-Z]", short) else f"the {short}"


def _named(ctx: PlanningContext) -> str:
    """The mission in full at its first mention: 'UNMICA', 'the United Nations Mission in Tarsovia (MINUSTAR)'."""
    return ctx.mission if re.fullmatch(r"[A-Z][A-Za-z-]*[A-Z]", ctx.mission) else f"the {ctx.mission}"


def _entities(ctx: PlanningContext, names: list[str]) -> list[str]:
    return [n for n in names if ctx.listed(n)]


def _placement(ctx: PlanningContext) -> dict[str, Priority | None]:
    """Each mandated task's agreed priority (None where no priority shares its subject), matched once per section."""
    setting, by_name = setting_of(ctx.tasks), {p.name: p for p in ctx.priorities}
    return {t: by_name.get(best_match(t, list(by_name), setting)) for t in ctx.own_tasks}


# --- first-pass text from the context only ----------------------------------------------
def _purpose(ctx: PlanningContext) -> list[Block]:
    plan = f" It is aligned with {ctx.national_plan}." if ctx.national_plan else f" The national plan it supports is {TBD}."
    leaving = (f" As {_the(ctx)} {'withdraws' if ctx.phase == 'withdrawal' else 'draws down'}, it also sets out which "
               f"mandated tasks pass to national authorities and the country team, on what conditions and by when."
               if ctx.leaving else "")
    return [Block(kind="paragraph", text=(
        f"This Integrated Strategic Framework sets out the shared strategy of {_named(ctx)}, a {ctx.presence_name}, and the "
        f"United Nations country team in {ctx.country} ({_list(ctx.un_entities)}) for {ctx.span}.{plan}{leaving} "
        f"It covers the tasks critical to consolidating peace; it does not replace the mission budget, the "
        f"Cooperation Framework, agency country programmes or humanitarian plans, and it refers to them where they meet."))]


def _context(ctx: PlanningContext) -> list[Block]:
    rows = [["Element of the shared analysis", "What the planning context records", "For the joint analysis to establish"],
            ["Drivers and root causes of conflict", TBD, "Evidence agreed by the mission and the country team"],
            ["Actors and their interests", f"Government of {ctx.country}; {_list(ctx.entities)}",
                f"Other national, regional and armed actors: {TBD}"],
            ["Risks and tensions", "; ".join(t.rstrip(".") for t in ctx.tensions) or TBD,
             f"Likelihood and impact of each: {TBD}"],
            ["National plan and priorities", "; ".join(filter(None, [ctx.national_plan, *ctx.national_priorities])) or TBD,
             f"Which of them the UN supports, and how: {TBD}"],
            ["Capacities for peace", TBD, f"Institutions and local capacities to build on: {TBD}"],
            ["What the mandate asks of the UN", "; ".join(ctx.tasks), f"Gaps the UN is not best placed to fill: {TBD}"]]
    if ctx.humanitarian_response:
        rows.append(["Humanitarian situation", "An active humanitarian response plan is in place",
                     f"Needs, access constraints and humanitarian actors' positions on integration: {TBD}"])
    return [Block(kind="paragraph", text=(
        f"Scaffold for the shared analysis of {ctx.country}. The summary of the joint conflict analysis (or strategic "
        f"assessment) that {_the(ctx)} and the country team agree goes here: {TBD}. The table records what the planning "
        f"context already states and what the joint analysis still has to establish.")),
        Block(kind="table", rows=rows)]


def _vision(ctx: PlanningContext, by: str = "") -> list[Block]:
    """The draft vision and one objective per mandated task; ``by`` is the horizon ('within 18 months')."""
    by = by or f"by {ctx.ends}"
    how = {"withdrawal": "and has handed its remaining tasks to national authorities and the country team without a gap",
           "drawdown": "while handing tasks to national authorities and the country team as benchmarks are met",
           }.get(ctx.phase, "")
    if ctx.presence == "transition" and not how:
        how = "while the UN presence is reconfigured and tasks pass to national authorities and the country team"
    objectives, setting = [], setting_of(ctx.tasks)
    for i, task in enumerate(ctx.own_tasks[:MAX_OBJECTIVES], 1):
        link = best_match(task, ctx.national_priorities, setting) or TBD
        objectives.append(f"Strategic objective {i} (from the mandate: “{task}”): result for {ctx.country} {by}: {TBD}. "
                          f"National priority served: {link}.")
    return [Block(kind="paragraph", text=(
        f"Shared vision (draft): {by}, the United Nations in {ctx.country} — {_the(ctx)} and the country team "
        f"acting as one — has helped national authorities consolidate peace in the areas the mandate sets {how}".rstrip()
        + (f", in support of {ctx.national_plan}." if ctx.national_plan else ".")
    )), Block(kind="bullets", items=objectives)]


def _priority_line(ctx: PlanningContext, p: Priority, placed: dict[str, Priority | None]) -> str:
    if not ctx.priorities:
        return (f"Provisional, from the mandate: {p.name} — lead: {TBD}; contributing: {TBD}. "
                f"Comparative advantage of the UN: {TBD}.")
    contributing = _entities(ctx, p.contributing)
    tasks = [t for t, q in placed.items() if q is p]
    lead = p.lead if p.lead and ctx.listed(p.lead) else TBD
    return (f"{p.name} — mandated tasks: {_list(tasks)}; lead: {lead}; contributing: {_list(contributing)}. "
            f"Comparative advantage of the UN: {TBD}.")


def _priorities(ctx: PlanningContext) -> list[Block]:
    placed = _placement(ctx)
    blocks = [Block(kind="paragraph",
        text="Peace-consolidation priorities (draft, to be limited to the few the UN is best placed to support):"),
              Block(kind="bullets", items=[_priority_line(ctx, p, placed) for p in ctx.all_priorities])]
    unlisted = sorted({e for p in ctx.priorities for e in [p.lead, *p.contributing] if e and not ctx.listed(e)})
    if unlisted:
        blocks.append(Block(kind="note", text=f"Left out because the planning context does not list them among the UN entities: "
                                               f"{', '.join(unlisted)}. Add them to un_entities if they take part."))
    return blocks


RESULTS_HEADER = ["Strategic objective / priority", "Mandated task", "Expected result", "Indicator", "Baseline / target",
                  "Timeline", "Lead", "Contributing"]


def results_matrix(ctx: PlanningContext) -> list[list[str]]:
    """Header plus one row per mandated task, under the priority it serves; unknown cells are to be agreed."""
    rows, placed = [RESULTS_HEADER], _placement(ctx)
    for i, task in enumerate(ctx.own_tasks, 1):
        p = placed[task]
        lead = p.lead if p and p.lead and ctx.listed(p.lead) else TBD
        objective = p.name if p else (f"Strategic objective {i}" if not ctx.priorities and i <= MAX_OBJECTIVES else TBD)
        rows.append([objective, task, TBD, TBD, f"{TBD} / {TBD}", ctx.span, lead,
                     _list(_entities(ctx, p.contributing)) if p else TBD])
    covered = {r[0] for r in rows[1:]}
    for p in ctx.priorities:
        if p.name not in covered:
            rows.append([p.name, TBD, TBD, TBD, f"{TBD} / {TBD}", ctx.span,
                p.lead if p.lead and ctx.listed(p.lead) else TBD,
                         _list(_entities(ctx, p.contributing))])
    return rows


def _results(ctx: PlanningContext) -> list[Block]:
    return [Block(kind="paragraph",
        text="Results matrix (draft; one row per mandated task; indicators, baselines and targets to be set jointly):"),
            Block(kind="table", rows=results_matrix(ctx))]


def _division(ctx: PlanningContext) -> list[Block]:
    if ctx.leaving:
        rows = [["Mandated task", "Current owner", "Future owner", "Conditions / benchmarks", "Handover date",
            "Funding after handover"]]
        rows += [[t, ctx.mission_short, TBD, TBD, TBD, TBD] for t in ctx.own_tasks]
        intro = f"Transfer of tasks as {_the(ctx)} {'withdraws' if ctx.phase == 'withdrawal' else 'draws down'}:"
    else:
        rows = [["Mandated task", "Lead", "Country team contribution", "Future owner at transition"]]
        for t, p in _placement(ctx).items():
            lead = p.lead if p and p.lead and ctx.listed(p.lead) else TBD
            rows.append([t, lead, _list(_entities(ctx, p.contributing)) if p else TBD, TBD])
        intro = "Division of labour between the mission and the country team (and, later, the transfer of tasks):"
    return [Block(kind="paragraph", text=intro), Block(kind="table", rows=rows)]


def _group_on(name: str, ctx: PlanningContext) -> str:
    """A working group's name: on an agreed priority ("on justice and corrections"); for a mandated task, which reads as
    an order ("Monitor and report on human rights"), the task quoted, not run into "Working group on monitor and …".

    >>> from assistant.products.context import PlanningContext
    >>> ctx = PlanningContext(country="Bogaland", presence="SPM", mission="UNAMB", un_entities=["UNDP"], period="2027-2028",
    ...                       mandate="(a) monitor and report on human rights; (b) support the elections.")
    >>> _group_on(ctx.all_priorities[0].name, ctx)
    'Working group on the mandated task “Monitor and report on human rights”'
    >>> _group_on("Justice and corrections", ctx)
    'Working group on justice and corrections'
    """
    if name in ctx.tasks:
        return f"Working group on the mandated task “{name}”"
    return f"Working group on {name[0].lower() + name[1:]}"


def _coordination(ctx: PlanningContext) -> list[Block]:
    groups = [f"{_group_on(p.name, ctx)} — co-chaired by {p.lead if p.lead and ctx.listed(p.lead) else TBD} and {TBD}"
              for p in ctx.all_priorities[:4]]
    items = [f"Senior leadership forum of {_the(ctx)} and the country team ({_list(ctx.un_entities)}): decides on ISF "
             f"priorities and reviews progress; meets {TBD}.",
             f"Joint planning capacity: drafts, monitors and reports on the ISF; staffed by {TBD}.", *groups]
    if ctx.leaving:
        items.append(f"Joint transition working group with the Government of {ctx.country}: tracks each handover; chaired by "
            f"{TBD}.")
    return [Block(kind="bullets", items=items)]


def _resources(ctx: PlanningContext) -> list[Block]:
    mission_money = "Regular budget (SPM)" if ctx.presence == "SPM" else "Assessed budget (mission)"
    rows = [["Priority", mission_money, "Agency core / non-core", "Peacebuilding Fund / pooled funds", "Gap"]]
    rows += [[p.name, TBD, TBD, TBD, TBD] for p in ctx.all_priorities]
    blocks = [Block(kind="paragraph", text="Resource mapping (draft):"), Block(kind="table", rows=rows)]
    funding = [t for t in ctx.tensions if FUNDING_WORDS.search(t)]
    if funding:
        blocks.append(Block(kind="bullets", items=[f"Funding tension from the planning context: {t}" for t in funding]))
    return blocks


def _monitoring(ctx: PlanningContext) -> list[Block]:
    start, end = ctx.years
    items = [f"Working groups report progress against the results matrix to the senior leadership forum: frequency {TBD}.",
             f"Joint annual review of the ISF with national counterparts in "
             f"{', '.join(str(y) for y in range(start + 1, end + 1))}.",
             "Findings feed the Secretary-General's reporting to the Security Council and the review of priorities "
             "after mandate changes."]
    if ctx.leaving:
        items.append(f"Benchmarks for each handover in section 6 are tracked jointly with the Government; owner {TBD}.")
    return [Block(kind="bullets", items=items)]


def _risks(ctx: PlanningContext) -> list[Block]:
    rows = [["Risk", "Likelihood / impact", "Mitigation", "Owner"]]
    rows += [[t, TBD, TBD, TBD] for t in ctx.tensions]
    if ctx.humanitarian_response and not any("humanitarian" in t.lower() for t in ctx.tensions):
        rows.append(["Perceived association of humanitarian actors with the mission (to confirm)", TBD, TBD, TBD])
    if ctx.leaving and not any(FUNDING_WORDS.search(t) for t in ctx.tensions):
        rows.append(["Tasks without funding or an owner after the mission leaves (to confirm)", TBD, TBD, TBD])
    if len(rows) == 1:
        rows.append([TBD, TBD, TBD, TBD])
    return [Block(kind="table", rows=rows)]
