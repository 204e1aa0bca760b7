"""First-pass drafts of Integrated Strategic Framework (ISF) sections, driven by the planning context.

For every section the draft gives: what the guidance requires (normative statements from
policy, resolution or analysis sources, labelled and cited — or the corpus-does-not-cover
phrase and the catalogued canonical text to check), a first-pass text built only from the
drafter's planning context, practice from UN missions (labelled practice, cited), and open
questions for the team. The context shapes every part: the presence type and phase, the
mandated tasks (parsed from the mandate text), national priorities, tensions and entities go
into each section's retrieval and ranking, the mandated tasks seed the strategic objectives
and the rows of the results matrix, and only the entities the drafter listed are named.
Whatever the context does not say is marked "[to be agreed]" and listed at the end.

A drafting request in words (``request=``) narrows and shapes the draft: the section it names, the
priority, indicators, reporting cadence and mechanisms it sets out (:mod:`assistant.products.draft_request`,
written by :mod:`assistant.products.draft_asked`), with a "Your request" part saying how each was taken
and what the library does not describe. A request for something that is not an ISF section is declined.

``length="brief"`` keeps two guidance statements and one practice example per section and
lists sources without quoting them; ``"full"`` keeps four and two, with quotes.

>>> report = draft(load_context("examples/carana.yaml"), get_retriever(), sections=["vision"])  # doctest: +SKIP
>>> to_docx(report)                                                                              # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Literal

from assistant.answering.answer import resolve_backend
from assistant.citation import NOT_COVERED, CitationBook
from assistant.corpus.manifest import load_manifest
from assistant.errors import InvalidRequest
from assistant.index.retrieve import Retriever
from assistant.products.context import PlanningContext
from assistant.products.draft_asked import asked_blocks
from assistant.products.draft_benchmarks import benchmark_blocks
from assistant.products.draft_cover import cover_report
from assistant.products.draft_focus import EXCLUDED, OTHER_PRESENCE, PRESENCE_TERMS, focus_for, presence_words
from assistant.products.draft_request import DraftAsk, parse_request
from assistant.products.draft_subject import SUBJECTS, on_subject, subject_gate
from assistant.products.draft_summary import contingency_blocks, decline_message, focus_blocks, request_blocks
from assistant.products.draft_text import (
    TBD,
    _context,
    _coordination,
    _division,
    _monitoring,
    _priorities,
    _purpose,
    _resources,
    _results,
    _risks,
    _vision,
)
from assistant.products.draft_text import (
    results_matrix as results_matrix,  # re-exported: callers build the matrix from here
)
from assistant.products.draft_tor import tor_report
from assistant.products.export import LANDSCAPE_COLUMNS, OPEN_ITEM_CHARS, Block, Report, marker_count, open_items
from assistant.products.guidance import Chooser, closest_requirement
from assistant.products.prose import draft_paragraph, prose_blocks

DRAFT_LABEL = "First-pass draft (from your planning context; not policy)"
REQUIRES_LABEL = "What the guidance requires"
PRACTICE_LABEL = "Practice from UN missions (examples, not guidance)"
QUESTIONS_LABEL = "Open questions for the drafting team"
OPEN_QUESTION = "Open question for the team:"  # the brief draft's one question (no heading before it)
OPEN_ITEMS_HEADING = "Items to be agreed"
BRIEF_ITEM_CHARS = 90  # a brief draft's list of items to agree: each item's opening and its open clauses
Length = Literal["brief", "full"]
LENGTHS: dict[str, tuple[int, int, int]] = {"brief": (2, 1, 1), "full": (4, 2, 3)}  # guidance, practice, questions

@dataclass(frozen=True)
class Section:
    """One ISF section: what to ask the corpus, which context shapes the search, how to draft it."""

    key: str
    title: str
    requirement: str
    practice: str
    focus: Callable[[PlanningContext], str]
    write: Callable[[PlanningContext], list[Block]]
    questions: tuple[str, ...]
    check: tuple[str, ...] = ("iap-policy-2013", "iap-handbook-2014")


SECTIONS: tuple[Section, ...] = (
    Section("purpose", "1. Purpose, scope and period",
            "What must an Integrated Strategic Framework contain, and where is it required?",
            "integrated strategic framework agreed by the mission and the United Nations country team",
            focus_for("purpose"), _purpose,
            ("Which UN entities sign the ISF, and does the government co-sign?",
             "Which existing frameworks (Cooperation Framework, HRP, PBF plan) does the ISF refer to or replace?",
             "Does the period match the national plan and the mandate cycle?")),
    Section("context", "2. Context and shared analysis",
            "Why must the mission and the country team share a common analysis of the conflict?",
            "joint assessment and analysis carried out by the mission and the United Nations country team",
            focus_for("context"), _context,
            ("Which joint analysis or strategic assessment is the basis, and when was it done?",
             "Where do mission and agency readings of the situation differ?",
             "Who updates the analysis, and how often?")),
    Section("vision", "3. Shared vision and strategic objectives",
            "What shared vision and strategic objectives should the mission and UN country team agree?",
            "shared vision and strategic objectives of the United Nations in the country",
            focus_for("vision"), _vision,
            ("How does each objective link to a national priority?",
             "Is the vision specific to this country, or could it be pasted into any ISF?",
             "Which mandated task is not reflected in an objective, and why?")),
    Section("priorities", "4. Peace-consolidation priorities",
            "How should integrated planning set priorities for peace consolidation and where should integration apply?",
            "priorities for peace consolidation agreed with the Government",
            focus_for("priorities"), _priorities,
            ("Which priorities can the UN drop because others are better placed?",
             "What is each entity's comparative advantage under each priority?",
             "Which priorities need a joint programme?")),
    Section("results", "5. Results matrix",
            "What agreed results, timelines and responsibilities must an integrated strategic framework set?",
            "benchmarks and indicators to measure progress",
            focus_for("results"), _results,
            ("Which indicators already exist in national or agency monitoring systems?",
             "Who collects each baseline, and by when?",
             "Which results depend on the Government alone?")),
    Section("division", "6. Division of labour and transfer of tasks",
            "How should mission tasks be handed over to the UN country team and national authorities?",
            "handover of tasks from the mission to the United Nations country team and the Government",
            focus_for("division"), _division,
            ("Which tasks have no future owner or funding once the mission leaves?",
             "What benchmarks trigger each handover?",
             "Which tasks end rather than transfer?"),
            ("iap-policy-2013", "iap-handbook-2014", "transitions-policy-2013", "s-res-2594-2021")),
    Section("coordination", "7. Coordination mechanisms",
            "What integrated mechanisms and structures should coordinate the mission and the UN country team?",
            "coordination structures between the mission, the country team and the Government",
            focus_for("coordination"), _coordination,
            ("Can existing Cooperation Framework results groups serve as ISF working groups?",
             "Who chairs the senior leadership forum when the head of mission is absent?",
             "How is the Government engaged?"),
            ("iap-policy-2013", "iap-handbook-2014", "unsdcf-guidance-2019")),
    Section("resources", "8. Resources and funding",
            "How should integrated peacebuilding be funded, including the Peacebuilding Fund, budgets and pooled funds?",
            "Peacebuilding Fund and programmatic funding for the mission and agencies",
            focus_for("resources"), _resources,
            ("Which priorities depend on mission funds that end with the mission?",
             "Is a joint proposal to the Peacebuilding Fund planned?",
             "Which donors fund joint work?")),
    Section("monitoring", "9. Monitoring, reporting and review",
            "How should integrated monitoring, reporting and review of shared priorities work?",
            "monitoring of benchmarks and reporting on progress",
            focus_for("monitoring"), _monitoring,
            ("Who owns the monitoring calendar?", "How do review findings change the ISF between mandates?",
             "Which reports to the Security Council draw on ISF monitoring?")),
    Section("risks", "10. Risks and mitigation",
            "What risks must integrated planning manage, including risks to humanitarian space and principles?",
            "risks to the consolidation of peace and to the transition",
            focus_for("risks"), _risks,
            ("Has the humanitarian country team been consulted on integration arrangements?",
             "Which risks would change the priorities if they materialised?",
             "Who owns each mitigation?")),
)
SECTION_KEYS = tuple(s.key for s in SECTIONS)


def _check_texts(section: Section, retriever: Retriever) -> list:
    manifest = load_manifest(retriever.settings.corpus_dir)
    return [manifest.catalogue[c] for c in section.check if c in manifest.catalogue]


def _not_covered(section: Section, retriever: Retriever, length: Length = "full") -> str:
    """The not-covered note naming the texts to check: in a brief by short title (their addresses are listed once, at
    the end), in a full draft with title and address."""
    texts = _check_texts(section, retriever)
    check = "; ".join(t.short if length == "brief" else f"{t.title} ({t.address})" for t in texts)
    return f"{NOT_COVERED} Check: {check}." if check else NOT_COVERED


def draft_section(section: Section, ctx: PlanningContext, retriever: Retriever, chooser: Chooser,
                  length: Length = "full", backend: str = "auto", ask: DraftAsk | None = None) -> list[Block]:
    """The blocks of one section (guidance, draft, practice, open questions); a request's specifics steer its searches
    and, where it sets them out, its text."""
    n_guidance, n_practice, n_questions = LENGTHS[length]
    ask = ask or DraftAsk()
    asked = ask.terms(section.key)  # what the request names leads this section's searches, in this kind of presence
    focus = f"{asked} {presence_words(ctx)}" if asked else section.focus(ctx)
    # what the request focuses on gates its section's practice: named topics, else the humanitarian space it asks about
    named = ask.topics if section.key in ask.sections else []
    topics = named or (["humanitarian space"] if ask.humanitarian and section.key in ask.sections else [])
    blocks = [Block(kind="heading", text=section.title, level=1), Block(kind="heading", text=REQUIRES_LABEL, level=2)]
    gate = subject_gate(section.key, ask, named)  # a section asked for with no topic: bullets on its subject only
    # in a whole draft too, a section's guidance speaks of its subject: else the same general lines fill every draft
    subject = None if gate or topics else SUBJECTS.get(section.key)
    guidance = on_subject(chooser, "guidance", gate, section.requirement, focus, n_guidance, topics, subject)
    blocks += [Block(kind="bullets", items=guidance)] if guidance else closest_requirement(
        chooser, section.requirement, _not_covered(section, retriever, length), topics, section.title.split(". ", 1)[-1],
        SUBJECTS.get(section.key))
    blocks.append(Block(kind="heading", text=DRAFT_LABEL, level=2))
    if resolve_backend(backend, retriever) == "llm":  # a model-written paragraph, verified sentence by sentence
        blocks += prose_blocks(draft_paragraph(section.title, section.requirement, ctx, retriever, chooser.book))
    blocks += asked_blocks(section.key, ctx, ask, retriever, chooser.book) or section.write(ctx)
    blocks += focus_blocks(section.key, ctx, ask) + contingency_blocks(section.key, ctx, ask)
    blocks += benchmark_blocks(section.key, ctx, ask, retriever, chooser.book)
    examples = on_subject(chooser, "practice", gate, f"{section.practice} {section.requirement}", focus, n_practice, topics,
                          subject)
    shown = " ".join(" ".join([b.text, *b.items, *(c for r in b.rows for c in r)]) for b in blocks)
    examples = [e for e in examples if e.split(" (practice")[0] not in shown]  # quoted above (the risks' practice): once
    if examples:
        blocks += [Block(kind="heading", text=PRACTICE_LABEL, level=2), Block(kind="bullets", items=examples)]
    # without a humanitarian response (and none asked about), questions about humanitarian actors do not arise
    questions = [q for q in section.questions if ctx.humanitarian_response or ask.humanitarian or "humanitarian" not in q] \
        or list(section.questions)
    if length == "brief":
        blocks.append(Block(kind="paragraph", text=f"{OPEN_QUESTION} {questions[0]}"))
    else:
        blocks += [Block(kind="heading", text=QUESTIONS_LABEL, level=2), Block(kind="bullets", items=questions[:n_questions])]
    return blocks


def select_sections(names: list[str] | None) -> list[Section]:
    """Sections by key ('all' or none for every section); unknown names are a clear error."""
    if not names or "all" in names:
        return list(SECTIONS)
    unknown = [n for n in names if n not in SECTION_KEYS]
    if unknown:
        raise InvalidRequest(f"unknown section(s) {', '.join(unknown)}; choose from: all, {', '.join(SECTION_KEYS)}")
    return [s for s in SECTIONS if s.key in names]


def _by_section(items: list[str]) -> list[str]:
    """One line per section (brief drafts): 'section — what is open; what is open'."""
    grouped: dict[str, list[str]] = {}
    for item in items:
        section, _, what = item.partition(" — ")  # already short (open_phrase): never cut before what is open
        grouped.setdefault(section, []).append(what)
    return [f"{section} — {'; '.join(whats)}" for section, whats in grouped.items()]


def _tables_to_annexes(blocks: list[Block]) -> tuple[list[Block], list[Block]]:
    """Brief drafts: wide tables move to annexes at the end (one landscape stretch, no half-empty pages)."""
    out: list[Block] = []
    annexes: list[Block] = []
    section = ""
    for b in blocks:
        if b.kind == "heading" and b.level == 1:
            section = b.text
        if b.kind == "table" and b.rows and max(len(r) for r in b.rows) >= LANDSCAPE_COLUMNS:
            name = f"Annex {chr(65 + len(annexes) // 2)}. {section.split('. ', 1)[-1]}"
            out.append(Block(kind="paragraph", text=f"The table is in {name.split('.')[0]} (landscape page)."))
            annexes += [Block(kind="heading", text=name, level=1), b]
        else:
            out.append(b)
    return out, annexes


def _draft_words(blocks: list[Block]) -> int:
    """Words of first-pass text (what the drafter edits), not of quoted guidance and practice."""
    words, inside = 0, False
    for b in blocks:
        if b.kind == "heading":
            inside = b.text == DRAFT_LABEL
        elif inside and not b.text.startswith(OPEN_QUESTION):  # brief drafts: no heading before it
            words += sum(len(t.split()) for t in [b.text, *b.items, *(c for r in b.rows for c in r)])
    return words


def draft(ctx: PlanningContext, retriever: Retriever, sections: list[str] | None = None, backend: str = "auto",
          length: Length | str = "full", request: str = "") -> Report:
    """The draft ISF (all or some sections), the items still to be agreed, and one numbered Sources list.

    Guidance and practice are always quoted verbatim (an LLM would paraphrase requirement language
    away); with an LLM backend each section also gets a model-written paragraph, checked sentence
    by sentence (:mod:`assistant.products.prose`).
    """
    if length not in LENGTHS:
        raise InvalidRequest(f"length: brief or full, not {length!r}")
    ask = parse_request(request)
    if ask.product:  # terms of reference for a strategic assessment, a cover note to the ITF
        return (tor_report if ask.product == "tor" else cover_report)(ask, ctx, retriever)
    if ask.declined:
        raise InvalidRequest(decline_message(ask, ctx, retriever, SECTION_KEYS))
    if ask.sections and (not sections or "all" in sections):
        sections = ask.sections
    ctx, length = ask.refine(ctx), "brief" if ask.limited else length
    book = CitationBook()
    chooser = Chooser(retriever, book, avoid=OTHER_PRESENCE[ctx.presence], prefer=PRESENCE_TERMS[ctx.presence],
                      exclude=EXCLUDED.get(ctx.presence))
    blocks: list[Block] = []
    for section in select_sections(sections):
        blocks += draft_section(section, ctx, retriever, chooser, "brief" if length == "brief" else "full", backend, ask)
    if ask.text:
        blocks = request_blocks(ask, ctx, retriever, [s.title for s in select_sections(sections)], _draft_words(blocks)) + blocks
    items, places = open_items(blocks, TBD, BRIEF_ITEM_CHARS if length == "brief" else OPEN_ITEM_CHARS), marker_count(blocks, TBD)
    annexes: list[Block] = []
    if length == "brief":
        items = _by_section(items)
        blocks, annexes = _tables_to_annexes(blocks)
    if items:
        blocks += [Block(kind="heading", text=OPEN_ITEMS_HEADING, level=1),
                   Block(kind="paragraph", text=f"{places} {'place' if places == 1 else 'places'} in this draft marked {TBD}, "
                                                f"by section:"),
                   Block(kind="bullets", items=items)]
    if length == "brief" and any(b.kind == "note" and b.text.startswith(f"{NOT_COVERED} Check:") for b in blocks):
        texts = {t.short: t for sec in select_sections(sections) for t in _check_texts(sec, retriever)}
        blocks.append(Block(kind="paragraph", text="Texts to check, not in the library: " + "; ".join(
            f"{t.short} ({t.address})" for t in texts.values()) + "."))
    blocks += annexes
    kind = "fictional scenario" if ctx.fictional else "country"
    return Report(
        title=f"Integrated Strategic Framework {ctx.span}: {ctx.country} — first draft",
        subtitle=(f"{ctx.mission} ({ctx.presence_name}{', ' + ctx.phase if ctx.phase else ''}) and the United Nations country "
                  f"team ({kind}). Guidance is quoted from the corpus with its source type and cited [n]; draft text comes only "
                  f"from the planning context; items marked {TBD} are listed at the end."),
        blocks=blocks, sources=book.sources, brief=length == "brief",
    )
