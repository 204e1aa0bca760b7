"""The transfer-of-tasks table a request asks for: the tasks it names, only the civilian tasks when it says so, the owners
it names as candidates.

A transition annex ("a table of mandated civilian tasks with the future owner, conditions and benchmarks,
funding source and handover date") keeps the drafter's columns; uniformed tasks (protection of civilians
by the force, disarmament, handing over security responsibility) are left out when civilian tasks are
asked for, and said to be; the future owners the request names ("UNDP, UNICEF or the Ministry of
Justice") are offered as candidates in each row, never assigned. A request that names the tasks ("handing
over human rights monitoring, rule of law and civil affairs to the UNCT and OHCHR") gets one row per task
named, with the mandated task it rests on, and the named owner whose field it is suggested (OHCHR for human
rights; for "the UNCT", the listed agency whose field it is). A mandated task's row suggests the listed agency whose
field it is (UNHCR for the return of displaced people) when the request names no owner: a suggestion, to be agreed.

>>> uniformed("Support disarmament, demobilization and reintegration of former combatants")
True
>>> uniformed("Support the reform of the justice and corrections sectors")
False
>>> handed_over("Prepare a table for handing over human rights monitoring, rule of law and civil affairs to the UNCT.")
['human rights monitoring', 'rule of law', 'civil affairs']
>>> handed_over("Which civilian tasks transfer to UNDP?")
[]
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.products.context import PlanningContext
from assistant.products.draft_match import stems
from assistant.products.draft_request import DraftAsk
from assistant.products.draft_text import TBD, _list, _the, months_asked
from assistant.products.export import Block

UNIFORMED = re.compile(r"\bprotection of civilians\b|\btroops?\b|\bmilitary\b|\bforce\b|\bdisarmament\b|\bceasefire\b|"
                       r"security responsibility|\barmed\b", re.IGNORECASE)


# The tasks a request hands over, between the verb and 'to <owner>': 'handing over A, B and C to the UNCT'.
HANDED = re.compile(r"\b(?:hand(?:s|ed|ing)?[- ]?over|transfer(?:s|red|ring)?)\s+(?:of\s+)?(?:the\s+)?(?P<tasks>[^.;:]+?)\s+"
                    r"to\s+(?:the\s+)?[A-Z]", re.IGNORECASE)
# 'Tasks to be transferred: A, B, and C' — a list, each item a task ('rule of law and justice support' is one)
LISTED_TASKS = re.compile(r"\btasks? (?:to be )?(?:transferred|handed over|to transfer|to hand over)(?: or (?:ended|closed|"
                          r"discontinued))?(?: are| include)?\s*:\s*"
                          r"(?P<tasks>[^.;]+)", re.IGNORECASE)
# An owner named in lower case: 'the follow-on mission', 'national authorities', 'the resident coordinator's office'
OWNER_NOUN = (r"(?:[a-z][\w'’-]*\s+){0,3}(?:mission|office|authorities|government|ministry|police|commission|"
              r"country team|coordinator|presence)")
# One task and the owner the drafter gives it: 'human rights monitoring to OHCHR'.
# 'hand A to UNHCR and UNICEF by 30 June 2028': the verb, owners joined by 'and', and the task's own date, are read too.
# 'human rights monitoring goes to OHCHR', 'police and justice support split between UNDP and IOM' (trial 14) too
PAIR = re.compile(r"^(?:and\s+)?(?:(?:hand|transfer|pass|give)\w*(?:\s+over)?\s+)?(?P<task>[^,;]+?)\s+(?:(?:goes|go|passes|moves|"
                  r"(?:is|are) (?:handed|transferred|passed)(?: over)?)\s+to|to|(?:is |are )?split between)\s+(?:the\s+)?"
                  r"(?P<owner>[A-Z][\w'’.-]*(?:\s+(?:(?:and|with)\s+(?:the\s+)?)?[A-Z][\w'’.-]*){0,5}|" + OWNER_NOUN + r")"
                  r"(?:\s+(?:by|before|on)\s+[^,;]+)?$")
# A listed handover PAIR cannot read ('… to the Government with UNHCR and the commission by …'): the task up to its last
# 'to', the owner after it, so that no task the drafter listed is dropped without a word (trial 16 lost two of four)
LOOSE_PAIR = re.compile(r"^(?:and\s+)?(?:(?:hand|transfer|pass|give)\w*(?:\s+over)?\s+)?(?P<task>\S.+)\s+to\s+(?:the\s+)?"
                        r"(?P<owner>\S.+?)(?:\s+(?:by|before|on)\s+[^,;]+)?$")
DATE = re.compile(r"\b(?:by|before|on)\s+(\d{1,2} [A-Z][a-z]+ \d{4}|(?:end|mid|early|late)[- ]\d{4}|[A-Z][a-z]+ \d{4})\b")
# The field of each UN entity, to suggest which named owner a task goes to (a suggestion to be agreed, never assigned).
FIELDS = {
    "OHCHR": r"human rights", "UNDP": r"rule of law|justice|legal aid|corrections|governance|civil affairs|state authority|elect",
    "UNHCR": r"refugee|displace|return", "UNICEF": r"\bchild", "UN Women": r"gender|\bwomen", "IOM": r"migra|reintegration",
    "WFP": r"\bfood", "UNMAS": r"\bmine", "UNFPA": r"reproductive|population", "WHO": r"\bhealth",
}
UNCT = re.compile(r"^(?:UNCT|UN country team|country team)$", re.IGNORECASE)
GENERIC_TASK_WORDS = stems("function functions task tasks role roles work programme programmes activities")
COVERS = 0.6  # share of a named task's words (three or more) a mandated task holds: 'community-based protection of civilians
# in Vardel' rests on 'Protection of civilians, including in … Vardel and Kesh'; 'civil affairs' still not on it


def handed_over(text: str) -> list[str]:
    """The tasks a request names as handed over ('A, B and C'), or lists ('Tasks to be transferred: A, B, and C'); none
    when it speaks of tasks in general.

    >>> handed_over("It hands over to the UN country team. Tasks to be transferred: rule of law and justice support, "
    ...             "community violence reduction, and electoral technical assistance.")
    ['rule of law and justice support', 'community violence reduction', 'electoral technical assistance']
    """
    listed = LISTED_TASKS.search(text)
    if listed:
        return [p.strip() for p in re.split(r",\s*(?:and\s+)?", listed.group("tasks")) if p.strip()]
    match = HANDED.search(text)
    if not match or re.search(r"\btasks?\b|\bfunctions\b|\bresponsibilities\b", match.group("tasks"), re.IGNORECASE):
        return []
    parts = [p.strip() for p in re.split(r",\s*(?:and\s+)?", match.group("tasks")) if p.strip()]
    if len(parts) > 1:
        parts[-1:] = [p.strip() for p in re.split(r"\s+and\s+", parts[-1])]
    return parts


def owners_per_task(text: str) -> list[tuple[str, str]]:
    """'…: good offices to the Resident Coordinator's Office, human rights monitoring to OHCHR, and women's
    participation to UN Women' -> each task with the owner the drafter gave it (none unless two or more). Pairs joined
    by 'and' are read too, an 'and' without 'to' joining owners ("human rights monitoring to OHCHR and the national
    human rights commission and the good offices function to the Resident Coordinator by 31 December 2028").

    >>> owners_per_task("Hand over tasks: good offices to the Resident Coordinator's Office, and mine action to UNMAS.")
    [('good offices', "Resident Coordinator's Office"), ('mine action', 'UNMAS')]
    >>> owners_per_task("Transfer of tasks: hand protection in Vardel to UNHCR and UNICEF by 30 June 2028, human rights "
    ...                 "monitoring to OHCHR by 31 December 2028, and DDR reintegration programmes to UNDP and IOM.")
    [('protection in Vardel', 'UNHCR and UNICEF'), ('human rights monitoring', 'OHCHR'), ('DDR reintegration programmes', \
'UNDP and IOM')]
    >>> owners_per_task("Handover table: human rights monitoring goes to OHCHR by 31 December 2027, and police and justice "
    ...                 "support split between UNDP and IOM by 30 June 2028.")
    [('human rights monitoring', 'OHCHR'), ('police and justice support', 'UNDP and IOM')]
    >>> owners_per_task("Focused on handing human rights monitoring to OHCHR and the national human rights commission and "
    ...                 "the good offices function to the Resident Coordinator by 31 December 2028, with conditions.")
    [('human rights monitoring', 'OHCHR and the national human rights commission'), ('good offices function', \
'Resident Coordinator')]
    """
    for sentence in re.split(r"(?<=\.)\s+", text):  # 'A goes to X by <date>; B to Y by <date>' is one list
        listed = sentence.split(":", 1)[1] if ":" in sentence else sentence
        parts = [p.strip().rstrip(".") for p in re.split(r"[,;]\s+", listed)]
        pairs = [(m.group("task"), m.group("owner")) for p in parts if (m := PAIR.match(p) or LOOSE_PAIR.match(p))]
        if len(pairs) >= 2:
            return pairs
    return _joined_pairs(text)


def _joined_pairs(text: str) -> list[tuple[str, str]]:
    """'handing A to X and Y and B to Z by <date>': pieces between 'and's; one holding ' to ' opens a pair, one without
    joins the owner before it."""
    for verb in re.finditer(r"\b(?:hand(?:s|ed|ing)?(?:[- ]?over)?|transfer(?:s|red|ring)?|pass(?:es|ed|ing)?|"
                            r"giv(?:e|es|ing))\s+(?P<rest>[^,;.:]+)", text, re.IGNORECASE):
        pairs: list[list[str]] = []
        for piece in re.split(r"\s+and\s+", verb.group("rest")):
            task, to, owner = piece.rpartition(" to ")  # 'support to the national police to UNDP': the last 'to'
            if to:
                pairs.append([re.sub(r"^(?:(?:hand|transfer|pass|give)\w*\s+)?(?:the|over(?: the)?)?\s*", "",
                                     task.strip()), owner])
            elif pairs:
                pairs[-1][1] += f" and {piece}"
        cleaned = [(t, re.sub(r"^the\s+|\s+(?:by|before|within|in|from|over)\s.*$", "", o.strip())) for t, o in pairs]
        if len(cleaned) >= 2 and all(t and o for t, o in cleaned):
            return cleaned
    return []


def suggested_owner(task: str, owners: list[str], ctx: PlanningContext) -> str:
    """The named owner whose field the task is in; for 'the UNCT', the listed agency whose field it is; else ''."""
    for owner in owners:
        field = FIELDS.get(owner)
        if field and re.search(field, task, re.IGNORECASE):
            return owner
    if any(UNCT.match(o) for o in owners):
        return next(iter(by_field(ctx, [task])), "")
    return ""


def by_field(ctx: PlanningContext, tasks: list[str]) -> list[str]:
    """The listed agencies whose field one of the tasks is in (OHCHR for human rights monitoring, UNDP for elections)."""
    return [e for e in ctx.un_entities if FIELDS.get(e) and any(re.search(FIELDS[e], t, re.IGNORECASE) for t in tasks)]


def uniformed(task: str) -> bool:
    """A task of the force or of uniformed personnel rather than of civilians."""
    return bool(UNIFORMED.search(task))


def named_tasks(text: str) -> list[str]:
    """The tasks a transfer request names, with or without their owners."""
    return [t for t, _ in owners_per_task(text)] or handed_over(text)


def transfer_table(ctx: PlanningContext, ask: DraftAsk, conditions: Callable[[str], str] | None = None) -> list[Block]:
    """One row per task to hand over (those the request names, else the mandated ones), as a transition annex;
    ``conditions`` proposes each task's benchmarks when the request asks for them per handover."""
    propose = conditions or (lambda _: TBD)
    pairs = owners_per_task(ask.text)
    if pairs:
        return _named_rows(ctx, ask, [t for t, _ in pairs], propose, dict(pairs))
    named = handed_over(ask.text)
    if named:
        return _named_rows(ctx, ask, named, propose)
    tasks = [t for t in ctx.own_tasks if not (ask.civilian and uniformed(t))]
    left = [t for t in ctx.own_tasks if t not in tasks]
    rows = [["Mandated task", "Current owner", "Future owner", "Conditions / benchmarks", "Handover date",
             "Funding after handover"]]
    rows += [[t, ctx.mission_short, _future(t, ask, ctx), propose(t), _date(ask), TBD] for t in tasks]
    blocks = [_heading(ctx, ask), Block(kind="table", rows=rows)]
    if left:
        blocks.append(Block(kind="note", text=f"Left out as uniformed rather than civilian tasks: {'; '.join(left)}. Add any "
                                              "that a civilian entity will take over."))
    return blocks


def _future(task: str, ask: DraftAsk, ctx: PlanningContext) -> str:
    """A mandated task's future owner: to be agreed, with the listed agency whose field it is suggested (UNHCR for the
    return of displaced people), or the candidates the request names."""
    if ask.owners:
        return f"{TBD} (candidates you named: {_list(ask.owners)})"
    owner = suggested_owner(task, ["UNCT"], ctx)
    return f"{TBD} — suggested: {owner} (its field)" if owner else TBD


def _named_rows(ctx: PlanningContext, ask: DraftAsk, named: list[str], propose: Callable[[str], str],
                given: dict[str, str] | None = None) -> list[Block]:
    capacity = bool(re.search(r"\bcapacit(?:y|ies)\b", ask.text, re.IGNORECASE))
    rows = [["Task (as you named it)", "Mandated task it rests on", "Current owner", "Future owner",
             "Conditions / benchmarks", "Handover date", "Funding after handover"]
            + (["Capacity the new owner needs"] if capacity else [])]
    sections = sorted({e for p in ctx.priorities for e in [p.lead, *p.contributing] if e and e.startswith(ctx.mission + " ")})
    for task in named:
        basis = next((t for t in ctx.tasks if _covers(t, task)), f"{TBD} (none of the mandated tasks in your context)")
        current = next((e for e in sections if _covers(e, task)), "") or next(
            (p.lead for p in ctx.priorities if p.lead in sections and _covers(p.name, task)), ctx.mission_short)
        owner = suggested_owner(task, ask.owners or ["UNCT"], ctx)  # none named: the listed agency whose field it is
        future = (f"{given[task][:1].upper()}{given[task][1:]} (as you set it)" if given and task in given else
                  f"{TBD} — suggested: {owner} (its field)" if owner else
                  f"{TBD} (candidates you named: {_list(ask.owners)})" if ask.owners else TBD)
        row = [task[:1].upper() + task[1:], basis, current, future, propose(task), _date(ask, task), TBD]
        rows.append(row + ([TBD] if capacity else []))
    return [_heading(ctx, ask), Block(kind="table", rows=rows)]


def _covers(text: str, task: str) -> bool:
    """Does the text hold every word of the task named ('UNMICA Civil Affairs' covers 'civil affairs'; 'Protection of
    civilians' does not)?"""
    words = set(stems(task)) - GENERIC_TASK_WORDS  # 'the good offices function' rests on 'Provide good offices …'
    held = words & stems(text)
    return bool(words) and (held == words or len(words) >= 3 and len(held) >= COVERS * len(words))


def _heading(ctx: PlanningContext, ask: DraftAsk) -> Block:
    leaving = "withdraws" if ctx.phase == "withdrawal" else "draws down" if ctx.leaving else "hands over tasks"
    months = months_asked(ask.text)
    when = f"over the next {months} months" if months else f"{ctx.years[0]}–{ctx.years[1]}"
    return Block(kind="paragraph", text=f"Transfer of {'civilian ' if ask.civilian else ''}tasks as {_the(ctx)} {leaving}, "
                                        f"{when}:")


def _date(ask: DraftAsk, task: str = "") -> str:
    """The handover date the request sets for the task ('… to OHCHR by 31 December 2028, …'), else for all ('by …'), else
    to be agreed (within the months it sets)."""
    months = months_asked(ask.text)
    at = ask.text.find(task) if task else -1
    own = DATE.search(re.split(r"[,;]", ask.text[at:], maxsplit=1)[0]) if at >= 0 else None
    date = own or DATE.search(ask.text)
    return f"{date.group(1)} (as you set it)" if date else f"{TBD} (within the {months} months you set)" if months else TBD
