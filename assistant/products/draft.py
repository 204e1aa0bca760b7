"""First-pass drafts of Integrated Strategic Framework (ISF) sections, each tied to cited policy.

For every section the draft gives: what the guidance requires (verified, cited sentences
from the corpus — or the corpus-does-not-cover phrase and the catalogued canonical text
to check), a first-pass text built only from the drafter's planning context, practice
examples from the corpus where they exist (cited), and open questions for the team. The
results matrix is a real table. With an LLM configured, the guidance summaries are written
by the LLM under the same citation verification as answers, and each section also gets a
model-written first-pass paragraph checked sentence by sentence (:mod:`assistant.products.prose`).

>>> report = draft(load_context("examples/carana.yaml"), get_retriever(), sections=["vision"])  # doctest: +SKIP
>>> to_docx(report)                                                                              # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from assistant.answering.answer import answer_question, resolve_backend
from assistant.citation import NOT_COVERED, CitationBook
from assistant.corpus.manifest import load_manifest
from assistant.errors import InvalidRequest
from assistant.index.retrieve import Filters, Retriever
from assistant.products.context import PlanningContext
from assistant.products.export import Block, Report
from assistant.products.prose import draft_paragraph, prose_blocks

DRAFT_LABEL = "First-pass draft (from your planning context; not policy)"
REQUIRES_LABEL = "What the guidance requires"
PRACTICE_LABEL = "Practice examples from the corpus"
QUESTIONS_LABEL = "Open questions for the drafting team"
GUIDANCE_SENTENCES = 3
PRACTICE_SENTENCES = 2
TBD = "[to be agreed]"


@dataclass(frozen=True)
class Section:
    """One ISF section: how to find its policy basis and practice, and how to draft it."""

    key: str
    title: str
    requirement: str
    practice: str
    write: Callable[[PlanningContext], list[Block]]
    questions: tuple[str, ...]
    check: tuple[str, ...] = field(default=("iap-policy-2013", "iap-handbook-2014"))


def _list(items: list[str]) -> str:
    items = [i for i in items if i]
    if not items:
        return TBD
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _presence(ctx: PlanningContext) -> str:
    return {"PKO": "multidimensional peacekeeping operation", "SPM": "special political mission",
            "transition": "UN presence in transition"}[ctx.presence]


def _purpose(ctx: PlanningContext) -> list[Block]:
    start, end = ctx.years
    plan = f" It is aligned with {ctx.national_plan}." if ctx.national_plan else ""
    return [Block(kind="paragraph", text=(
        f"This Integrated Strategic Framework sets out the shared strategy of the {ctx.mission} {_presence(ctx)} and the "
        f"United Nations country team in {ctx.country} ({_list(ctx.un_entities)}) for {start}–{end}.{plan} "
        f"It covers the tasks critical to consolidating peace; it does not replace the mission budget, the "
        f"Cooperation Framework, agency country programmes or humanitarian plans, and it refers to them where they meet."))]


def _context(ctx: PlanningContext) -> list[Block]:
    blocks = [Block(kind="paragraph", text=(
        f"[Summarise here the joint conflict analysis of {ctx.country} agreed by the mission and the country team: "
        f"drivers of conflict, risks, and capacities for peace.]"))]
    if ctx.tensions:
        blocks.append(Block(kind="bullets", items=[f"Known tension to reflect in the analysis: {t}" for t in ctx.tensions]))
    if ctx.national_priorities:
        blocks.append(Block(kind="bullets", items=[f"National priority: {p}" for p in ctx.national_priorities]))
    return blocks


def _vision(ctx: PlanningContext) -> list[Block]:
    start, end = ctx.years
    objectives = [f"Strategic objective {i}: {p.name}." for i, p in enumerate(ctx.all_priorities[:4], 1)]
    return [Block(kind="paragraph", text=(
        f"Shared vision (draft): by {end}, the United Nations in {ctx.country} — the {ctx.mission} and the country team "
        f"acting as one — has helped national authorities consolidate peace in the areas below"
        + (f", in support of {ctx.national_plan}." if ctx.national_plan else ".")
    )), Block(kind="bullets", items=objectives)]


def _priorities(ctx: PlanningContext) -> list[Block]:
    items = []
    for p in ctx.all_priorities:
        lead = p.lead or TBD
        items.append(f"{p.name} — lead: {lead}; contributing: {_list(p.contributing)}. Comparative advantage: {TBD}.")
    return [Block(kind="paragraph",
                  text="Peace-consolidation priorities (draft, to be limited to the few the UN is best placed to support):"),
            Block(kind="bullets", items=items)]


def results_matrix(ctx: PlanningContext) -> list[list[str]]:
    """Header plus one row per priority; cells the context cannot fill are marked to be agreed."""
    start, end = ctx.years
    rows = [["Priority / result", "Indicator", "Baseline / target", "Timeline", "Lead", "Contributing"]]
    for p in ctx.all_priorities:
        rows.append([p.name, TBD, f"{TBD} / {TBD}", f"{start}–{end}", p.lead or TBD, _list(p.contributing)])
    return rows


def _results(ctx: PlanningContext) -> list[Block]:
    return [Block(kind="paragraph", text="Results matrix (draft; indicators, baselines and targets to be set jointly):"),
            Block(kind="table", rows=results_matrix(ctx))]


def _division(ctx: PlanningContext) -> list[Block]:
    rows = [["Mandated task", "Current owner", "Future owner", "Conditions / benchmarks", "Handover date"]]
    rows += [[t, ctx.mission, TBD, TBD, TBD] for t in ctx.key_tasks]
    intro = ("Tasks and their future owners as the mission draws down:" if ctx.presence == "transition"
             else "Division of labour between the mission and the country team (and, later, the transfer of tasks):")
    return [Block(kind="paragraph", text=intro), Block(kind="table", rows=rows)]


def _coordination(ctx: PlanningContext) -> list[Block]:
    groups = [f"Working group on {p.name.lower()} — co-chaired by {p.lead or TBD} and {TBD}" for p in ctx.all_priorities[:4]]
    return [Block(kind="paragraph", text=(
        f"Senior leadership forum of the {ctx.mission} and the country team: decides on ISF priorities and reviews progress. "
        f"Joint planning capacity: drafts, monitors and reports on the ISF.")),
        Block(kind="bullets", items=groups)]


def _resources(ctx: PlanningContext) -> list[Block]:
    rows = [["Priority", "Assessed (mission)", "Agency core/non-core", "Peacebuilding Fund / pooled funds", "Gap"]]
    rows += [[p.name, TBD, TBD, TBD, TBD] for p in ctx.all_priorities]
    return [Block(kind="paragraph", text="Resource mapping (draft):"), Block(kind="table", rows=rows)]


def _monitoring(ctx: PlanningContext) -> list[Block]:
    start, end = ctx.years
    return [Block(kind="bullets", items=[
        "Working groups report progress against the results matrix to the senior leadership forum [frequency to be agreed].",
        f"Joint annual review of the ISF with national counterparts in {', '.join(str(y) for y in range(start + 1, end + 1))}.",
        "Findings feed the Secretary-General's reporting to the Security Council and the review of priorities after mandate "
        "changes.",
    ])]


def _risks(ctx: PlanningContext) -> list[Block]:
    rows = [["Risk", "Likelihood / impact", "Mitigation", "Owner"]]
    rows += [[t, TBD, TBD, TBD] for t in ctx.tensions]
    if ctx.humanitarian_response and not any("humanitarian" in t.lower() for t in ctx.tensions):
        rows.append(["Perceived association of humanitarian actors with the mission", TBD, TBD, TBD])
    if len(rows) == 1:
        rows.append([TBD, TBD, TBD, TBD])
    return [Block(kind="table", rows=rows)]


SECTIONS: tuple[Section, ...] = (
    Section("purpose", "1. Purpose, scope and period",
            "What is the Integrated Strategic Framework, where is it required, and what must it contain?",
            "Integrated Strategic Framework adopted by the mission and the United Nations country team",
            _purpose, ("Which UN entities sign the ISF, and does the government co-sign?",
                       "Which existing frameworks (UNDAF/Cooperation Framework, HRP, PBF plan) does the ISF refer to or "
                       "replace?")),
    Section("context", "2. Context and shared analysis",
            "Why should the mission and the country team carry out joint analysis of the conflict?",
            "joint analysis of the situation by the mission and the United Nations country team",
            _context, ("Which joint analysis or strategic assessment is the basis, and when was it done?",
                       "Where do mission and agency readings of the situation differ?")),
    Section("vision", "3. Shared vision and strategic objectives",
            "What shared vision and strategic objectives should the mission and UN country team agree?",
            "joint vision of the United Nations family in the country",
            _vision, ("Is the vision specific to this country, or could it be pasted into any ISF?",
                      "How does each objective link to a national priority?")),
    Section("priorities", "4. Peace-consolidation priorities",
            "How should integrated planning set priorities for peace consolidation and draw on comparative advantage?",
            "priorities for peace consolidation agreed with the Government",
            _priorities, ("Which priorities can the UN drop because others are better placed?",
                          "What is each entity's comparative advantage under each priority?")),
    Section("results", "5. Results matrix",
            "What agreed results, timelines and responsibilities should an integrated strategic framework set?",
            "benchmarks and indicators to measure progress in the transition",
            _results, ("Which indicators already exist in national or agency monitoring systems?",
                       "Who collects each baseline, and by when?")),
    Section("division", "6. Division of labour and transfer of tasks",
            "How are mission tasks handed over to the UN country team and national authorities during transition?",
            "joint transition plan and handover of tasks to the United Nations country team and the Government",
            _division, ("Which tasks have no future owner or funding after drawdown?",
                        "What benchmarks trigger each handover?")),
    Section("coordination", "7. Coordination mechanisms",
            "What integrated mechanisms and structures coordinate the mission and the UN country team?",
            "integrated coordination structures between the mission and the country team",
            _coordination, ("Can existing Cooperation Framework results groups serve as ISF working groups?",
                            "Who chairs the senior leadership forum when the SRSG is absent?")),
    Section("resources", "8. Resources and funding",
            "How are integrated peacebuilding activities funded, including the Peacebuilding Fund and pooled funds?",
            "Peacebuilding Fund support to the transition",
            _resources, ("Which priorities depend on assessed programmatic funds that end with the mission?",
                         "Is a joint proposal to the Peacebuilding Fund planned?")),
    Section("monitoring", "9. Monitoring, reporting and review",
            "How should integrated monitoring and reporting on shared priorities work?",
            "monitoring of benchmarks and reporting on progress of the transition plan",
            _monitoring, ("Who owns the monitoring calendar?", "How do review findings change the ISF between mandates?")),
    Section("risks", "10. Risks and mitigation",
            "What risks does integration pose for humanitarian space and humanitarian principles?",
            "risks to the transition and the consolidation of peace",
            _risks, ("Has the humanitarian country team been consulted on integration arrangements?",
                     "Which risks would change the priorities if they materialised?")),
)
SECTION_KEYS = tuple(s.key for s in SECTIONS)


def _not_covered(section: Section, retriever: Retriever) -> str:
    manifest = load_manifest(retriever.settings.corpus_dir)
    texts = [manifest.catalogue[c] for c in section.check if c in manifest.catalogue]
    check = "; ".join(f"{t.title} ({t.url})" for t in texts)
    return f"{NOT_COVERED} Check: {check}." if check else NOT_COVERED


def draft_section(section: Section, ctx: PlanningContext, retriever: Retriever, book: CitationBook,
                  backend: str = "auto") -> list[Block]:
    """The blocks of one section (guidance, draft, practice, open questions)."""
    blocks = [Block(kind="heading", text=section.title, level=1), Block(kind="heading", text=REQUIRES_LABEL, level=2)]
    guidance = answer_question(section.requirement, retriever, backend=backend)
    sentences = guidance.cited_lines(book, GUIDANCE_SENTENCES)
    blocks.append(Block(kind="bullets", items=sentences) if sentences
                  else Block(kind="note", text=_not_covered(section, retriever)))
    blocks.append(Block(kind="heading", text=DRAFT_LABEL, level=2))
    if resolve_backend(backend, retriever) == "llm":  # a model-written paragraph, verified sentence by sentence
        blocks += prose_blocks(draft_paragraph(section.title, section.requirement, ctx, retriever, book))
    blocks += section.write(ctx)
    practice = answer_question(section.practice, retriever, backend="extractive", filters=Filters(types=["report"]))
    examples = practice.cited_lines(book, PRACTICE_SENTENCES)
    if examples:
        blocks += [Block(kind="heading", text=PRACTICE_LABEL, level=2), Block(kind="bullets", items=examples)]
    blocks += [Block(kind="heading", text=QUESTIONS_LABEL, level=2), Block(kind="bullets", items=list(section.questions))]
    return blocks


def select_sections(names: list[str] | None) -> list[Section]:
    """Sections by key ('all' or none for every section); unknown names are a clear error."""
    if not names or "all" in names:
        return list(SECTIONS)
    unknown = [n for n in names if n not in SECTION_KEYS]
    if unknown:
        raise InvalidRequest(f"unknown section(s) {', '.join(unknown)}; choose from: all, {', '.join(SECTION_KEYS)}")
    return [s for s in SECTIONS if s.key in names]


def draft(ctx: PlanningContext, retriever: Retriever, sections: list[str] | None = None, backend: str = "auto") -> Report:
    """The draft ISF (all or some sections) with one numbered Sources list."""
    book = CitationBook()
    blocks: list[Block] = []
    for section in select_sections(sections):
        blocks += draft_section(section, ctx, retriever, book, backend)
    start, end = ctx.years
    kind = "fictional scenario" if ctx.fictional else "country"
    return Report(
        title=f"Integrated Strategic Framework {start}–{end}: {ctx.country} — first draft",
        subtitle=(f"{ctx.mission} and the United Nations country team ({kind}). Policy statements are quoted from the "
                  f"corpus and cited [n]; draft text comes only from the planning context; items marked {TBD} are for the team."),
        blocks=blocks, sources=book.sources,
    )
