"""The cover note from the SRSG and the DSRSG/RC/HC submitting the ISF to the Integrated Task Force at Headquarters.

It is built from the drafter's planning context: the priorities, what changed (the phase, the
mandate's tasks and the tensions the team names — the earlier ISF is not in the context, so the
comparison is the team's to complete), and the decisions requested, which are the drafter's own
(decisions the request lists, else the tensions turned into questions for Headquarters), stated as
such — no policy is claimed. What the library says of the Integrated Task Force is quoted (cited).
"""

from __future__ import annotations

import re

from assistant.citation import CitationBook
from assistant.index.retrieve import Retriever
from assistant.products.context import PlanningContext
from assistant.products.draft_asked import support
from assistant.products.draft_request import DraftAsk
from assistant.products.draft_text import TBD, _list, _the
from assistant.products.export import Block, Report

DECISIONS = re.compile(r"decisions? (?:requested|needed|we need)?\s*(?::|on|about|such as)\s+([^.]+)", re.IGNORECASE)
OWN = "The decisions requested are ours, for the ITF to consider; they are not drawn from policy."


def _decisions(ask: DraftAsk, ctx: PlanningContext) -> list[str]:
    """The decisions the request lists, or the context's tensions as questions for Headquarters (to confirm)."""
    match = DECISIONS.search(ask.text)
    if match:
        return [d.strip() for d in re.split(r";|,\s*(?:and\s+)?|\s+and\s+", match.group(1)) if len(d.strip()) > 3]
    return [f"Guidance on: {t[0].lower() + t[1:]} (to confirm)" for t in ctx.tensions[:3]] or [TBD]


def cover_report(ask: DraftAsk, ctx: PlanningContext, retriever: Retriever) -> Report:
    """The cover note: to, from, subject, priorities, what changed, decisions requested; the ITF's role as the library says."""
    book = CitationBook()
    priorities = [f"{p.name} (lead: {p.lead or TBD})" for p in ctx.all_priorities] or [TBD]
    changed = [f"The UN presence is now in its {ctx.phase} phase." if ctx.phase else "",
               f"The mandate's tasks: {_list(ctx.tasks[:5])}." if ctx.tasks else "",
               *(f"New since the last ISF (to confirm): {t}." for t in ctx.tensions[:3]),
               f"Changes to the priorities, results and entities since the last ISF: {TBD}."]
    blocks = [
        Block(kind="paragraph", text="To: the Chair of the Integrated Task Force (ITF) for " + ctx.country + ", Headquarters"),
        Block(kind="paragraph", text=f"From: the Special Representative of the Secretary-General ({_the(ctx)}) and the Deputy "
                                     "Special Representative / Resident Coordinator / Humanitarian Coordinator"),
        Block(kind="paragraph", text=f"Subject: Integrated Strategic Framework {ctx.span} for {ctx.country}, for review"),
        Block(kind="paragraph", text=(
            f"We submit for the ITF's review the Integrated Strategic Framework {ctx.span} agreed by {_the(ctx)} and the "
            f"United Nations country team ({_list(ctx.un_entities)})" + (f", aligned with {ctx.national_plan}" if
            ctx.national_plan else "") + ".")),
        Block(kind="heading", text="Priorities", level=1), Block(kind="bullets", items=priorities),
        Block(kind="heading", text="What changed since the last ISF", level=1),
        Block(kind="bullets", items=[c for c in changed if c]),
        Block(kind="heading", text="Decisions requested", level=1), Block(kind="note", text=OWN),
        Block(kind="bullets", items=_decisions(ask, ctx)),
    ]
    quote = support("itf", retriever, book)
    blocks.append(Block(kind="heading", text="The Integrated Task Force, as the library describes it", level=1))
    blocks.append(Block(kind="bullets", items=[quote]) if quote else Block(kind="note", text=(
        "No document in the library describes the ITF's review of an ISF; the IAP Policy 2013 sets it and is not in "
        "the library.")))
    return Report(title=f"Cover note: submission of the Integrated Strategic Framework for {ctx.country} to the ITF — draft",
                  subtitle=f"From your planning context; items marked {TBD} are for the team; the decisions requested are "
                           "the drafters' own.", blocks=blocks, sources=book.sources)
