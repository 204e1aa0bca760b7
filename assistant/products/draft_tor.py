"""Terms of Reference for a Strategic Assessment: a scaffold whose statements about assessments are cited.

Planners ask for "the ToR for a Strategic Assessment ahead of a mandate renewal: objectives, scope,
team composition from the ITF, methodology, deliverables, timeline". The library holds no policy on
strategic assessments (the IAP Policy 2013 and Handbook 2014 define them and are catalogued, not
shipped), but its analysis and Secretary-General's reports describe assessments, Integrated Task
Forces, conflict analysis and benchmarks. So each part of the ToR is the drafter's scaffold from
their planning context, the library's sentence on that part where one names it (cited, labelled as
an example, not policy), and what the missing IAP texts would define there.
"""

from __future__ import annotations

from assistant.citation import CitationBook
from assistant.index.retrieve import Retriever
from assistant.products.context import PlanningContext
from assistant.products.draft_asked import support
from assistant.products.draft_request import DraftAsk
from assistant.products.draft_text import TBD, _list, _the, months_asked
from assistant.products.export import Block, Report

# (heading, drafter's scaffold, how the library would name it, the query, what the IAP texts would define there)
PARTS: tuple[tuple[str, str, tuple[str, ...], str, str], ...] = (
    ("1. Background", "background", ("strategic assessment",), "strategic assessment mission identified",
     "when a strategic assessment is required and who initiates it"),
    ("2. Objectives", "objectives", ("strategic assessment",), "strategic assessment mission recommendations",
     "the purposes a strategic assessment serves"),
    ("3. Scope", "scope", ("conflict analysis", "strategic assessment"), "system-wide conflict analysis priorities",
     "the minimum scope (conflict analysis, UN priorities, options for the UN configuration)"),
    ("4. Team composition", "team", ("integrated task force",), "integrated task force headquarters",
     "who leads the assessment and which ITF members take part"),
    ("5. Methodology", "method", ("conflict analysis", "joint analysis", "shared understanding"),
     "early and system-wide conflict analysis shared understanding of context", "the methodology and its minimum steps"),
    ("6. Deliverables", "deliverables", ("benchmark",), "benchmarks report of the Secretary-General recommendations",
     "the format of the assessment report and of the options put to the Secretary-General"),
    ("7. Timeline", "timeline", (), "", "how far ahead of a mandate renewal an assessment starts"),
)
def _lower(task: str) -> str:
    """'Protect civilians' -> 'protect civilians' inside a sentence (an acronym such as 'DDR' stays)."""
    return task[0].lower() + task[1:] if task[1:2].islower() else task


def _scaffold(part: str, ctx: PlanningContext, ask: DraftAsk) -> str:
    """The drafter's own text for a part, from the planning context; what it does not say is to be agreed."""
    months, the, names = months_asked(ask.text), _the(ctx), [p.name for p in ctx.all_priorities]
    text = {
        "background": f"{the} ({ctx.presence_name}{', ' + ctx.phase if ctx.phase else ''}) in {ctx.country}; its mandate "
                      f"covers {_list([_lower(t) for t in ctx.tasks])}. The assessment comes ahead of the Security "
                      f"Council's decision on the mandate" + (f", in {months} months" if months else f", on {TBD}") + ".",
        "objectives": f"To assess progress on the mandated tasks and the ISF priorities ({_list(names[:4])}); to "
                      f"analyse the conflict and the risks ahead; to propose options for the UN configuration in "
                      f"{ctx.country} and benchmarks. Objectives to add: {TBD}.",
        "scope": f"The whole UN presence: {the} and the country team ({_list(ctx.un_entities)}); the national priorities "
                 f"({_list(ctx.national_priorities[:3])}); the tensions the team already sees ({_list(ctx.tensions[:3])}).",
        "team": f"Led by {TBD} (Headquarters); members drawn from the Integrated Task Force for {ctx.country}: {TBD}; in the "
                f"field, {the} and the Resident Coordinator's office with {_list(ctx.un_entities)}.",
        "method": f"Desk review; conflict analysis with the country team; consultations with the Government of {ctx.country}, "
                  f"civil society and partners; field visits: {TBD}.",
        "deliverables": "The assessment report with options and recommended benchmarks, for the Secretary-General's report to "
                        f"the Security Council; a briefing of the Integrated Task Force; format and length {TBD}.",
        "timeline": "",
    }
    return text[part]


def _timeline(ask: DraftAsk) -> Block:
    months = months_asked(ask.text)
    end = f"month {months} (the mandate renewal, as you said)" if months else TBD
    rows = [["Step", "When", "Output"], ["ToR agreed by the Integrated Task Force", f"{TBD} (month 1)", "These terms of "
            "reference"], ["Desk review and conflict analysis", TBD, "Analysis note"], ["Field mission", TBD, "Findings"],
            ["Report to the ITF and the Secretary-General", TBD, "Assessment report with options"],
            ["Secretary-General's report to the Security Council", f"before {end}", "Recommendations and benchmarks"]]
    return Block(kind="table", rows=rows)


def tor_report(ask: DraftAsk, ctx: PlanningContext, retriever: Retriever) -> Report:
    """The ToR scaffold: each part in the drafter's terms, the library's cited sentence on it, and what IAP texts define."""
    book = CitationBook()
    blocks: list[Block] = [Block(kind="note", text=(
        "The library holds no policy on strategic assessments: the IAP Policy 2013 and the IAP Handbook 2014 define them "
        "and are not in the library. This is a scaffold from your planning context; each part quotes what the library's "
        "documents say of it (examples, not requirements) and names what the IAP texts would define there."))]
    for heading, part, forms, query, iap in PARTS:
        blocks.append(Block(kind="heading", text=heading, level=1))
        blocks.append(_timeline(ask) if part == "timeline" else Block(kind="paragraph", text=_scaffold(part, ctx, ask)))
        quote = support(part, retriever, book, forms=forms, query=query) if forms else ""
        if quote and quote not in str(blocks):
            blocks += [Block(kind="paragraph", text="What the library's documents say (example, not a requirement):"),
                       Block(kind="bullets", items=[quote])]
        blocks.append(Block(kind="note", text=f"Not in the library: {iap} — set by the IAP Policy 2013 / IAP Handbook 2014."))
    return Report(title=f"Terms of Reference: Strategic Assessment of the UN presence in {ctx.country} — first draft",
                  subtitle=f"Scaffold from your planning context ({ctx.mission}); statements about assessments are cited; "
                           f"items marked {TBD} are for the team.", blocks=blocks, sources=book.sources)
