"""The parts of an ISF draft a request asked for by name, and whether the library describes what it names.

:mod:`assistant.products.draft_request` reads the request; here it shapes the section text:

- a results matrix for the **named priority**, with as many indicator rows as asked, baselines and
  targets dated to the ISF period, and indicator wording *proposed* from benchmark indicators the
  library's mission reports actually measure (cited, labelled as another mission's wording to adapt);
- the **reporting and review calendar** asked for (quarterly dashboard, semi-annual SLF review,
  annual joint review …) and what each feeds (the Secretary-General's reports, CPAS);
- the **coordination mechanisms** asked for (SLF, N pillar working groups with their co-chairs,
  joint planning unit, Cooperation Framework results groups);
- the **strategic objectives** asked for, one per priority the request lists.

Each mechanism, cadence and report the request names is looked up in the library
(:func:`support`): where a passage describes it, the draft quotes it (cited); where none does, the
draft says so — the drafter's design stays in the text as theirs, with no requirement invented for it.
"""

from __future__ import annotations

import re

from assistant.answering.named import library_passages
from assistant.answering.verify import split_sentences
from assistant.citation import CitationBook
from assistant.index.retrieve import Retriever
from assistant.products.context import PlanningContext, Priority
from assistant.products.draft_cadence import Cadence
from assistant.products.draft_findings import findings_blocks
from assistant.products.draft_indicators import (
    PASSAGES,
    indicator_cells,
    measured_indicators,
    proposed_indicators,
)
from assistant.products.draft_match import best_match, setting_of
from assistant.products.draft_objectives import horizon, objectives
from assistant.products.draft_request import EACH_HANDOVER, MECHANISMS, DraftAsk
from assistant.products.draft_text import TBD, _entities, _list, _placement, _the
from assistant.products.draft_transfer import named_tasks, transfer_table
from assistant.products.export import Block
from assistant.products.statements import FIRST_PERSON, tidy

# How the library would name each mechanism if it described one (lower case; a passage holding any form supports it).
FORMS: dict[str, tuple[str, ...]] = {
    "slf": ("senior leadership forum", "senior leadership group", "senior management group"),  # a mission's own team is not one
    "pillar_groups": ("pillar working group", "thematic working group", "pillar group", "pillar lead"),
    "planning_unit": ("joint planning unit", "planning unit", "joint planning capacity", "integrated planning unit",
                      "strategic planning unit", "joint strategic unit"),
    "results_groups": ("results group", "outcome group"),
    "itf": ("integrated task force",),
    "sg_report": ("report of the secretary-general", "reports of the secretary-general", "secretary-general’s report",
                  "secretary-general's report"),
    "cpas": ("cpas", "comprehensive planning and performance assessment"),
    "dashboard": ("dashboard",),
}
QUERIES = {"sg_report": "report of the Secretary-General to the Security Council on progress against benchmarks",
           "planning_unit": "joint planning unit of the mission and the country team"}
FREQUENCY_FORMS = {"weekly": ("weekly",), "monthly": ("monthly",), "quarterly": ("quarterly",),
                   "semi-annual": ("semi-annual", "six-month", "twice a year", "biannual", "every six months"),
                   "annual": ("annual review", "annually", "each year", "yearly"),
                   "mid-term": ("mid-term",), "end of period": ("end of the period", "final review")}


def support(key: str, retriever: Retriever, book: CitationBook, forms: tuple[str, ...] | None = None,
            query: str = "") -> str:
    """A cited sentence from the library that names the mechanism (forms), or '' when no passage does."""
    forms = forms or FORMS.get(key, ())
    name = query or QUERIES.get(key) or (MECHANISMS[key][1] if key in MECHANISMS else key)
    hits = retriever.search(name, k=PASSAGES)  # first: it loads the index's records that library_passages reads
    if not forms or not any(f in t for t in library_passages(retriever) for f in forms):
        return ""
    for hit in hits:
        for sentence in split_sentences(hit.text):
            if 40 <= len(sentence) <= 480 and any(f in sentence.lower() for f in forms) and not FIRST_PERSON.search(sentence):
                return f"“{tidy(sentence)}” ({hit.short}) [{book.cite(hit.citation(0))}]"
    return ""


def _cadence_support(c: Cadence, retriever: Retriever, book: CitationBook) -> str:
    """A library sentence with the frequency and what is reviewed ('quarterly' + 'pillar' + 'dashboard'), or ''."""
    words = [w.lower() for w in re.findall(r"[A-Za-z]{3,}", c.what) if w.lower() not in ("the", "with", "and", "for")]
    need = min(2, len(words))
    texts = library_passages(retriever)
    forms = FREQUENCY_FORMS.get(c.frequency, (c.frequency,))
    if not any(f in t and sum(w in t for w in words) >= need for t in texts for f in forms):
        return ""
    for hit in retriever.search(f"{c.frequency} {c.what}", k=PASSAGES):
        for sentence in split_sentences(hit.text):
            low = sentence.lower()
            if 40 <= len(sentence) <= 480 and any(f in low for f in forms) and sum(w in low for w in words) >= need:
                return f"“{tidy(sentence)}” ({hit.short}) [{book.cite(hit.citation(0))}]"
    return ""


def _library_notes(found: list[tuple[str, str]], missing: list[str], what: str) -> list[Block]:
    blocks: list[Block] = []
    if found:
        blocks.append(Block(kind="paragraph", text=f"What the library's documents say of the {what} you named "
                                                   "(examples, not requirements):"))
        blocks.append(Block(kind="bullets", items=[f"{name}: {quote}" for name, quote in found]))
    if missing:
        blocks.append(Block(kind="note", text=(
            f"Not described in any document of the library: {'; '.join(missing)}. The draft sets "
            f"{'it' if len(missing) == 1 else 'them'} out as you asked — your team's design — but cannot cite a "
            "requirement or an example for " + ("it" if len(missing) == 1 else "them") + ".")))
    return blocks


def _check(keys: list[str], retriever: Retriever, book: CitationBook) -> tuple[list[tuple[str, str]], list[str]]:
    found, missing = [], []
    for key in keys:
        if key == "government":
            continue
        quote = support(key, retriever, book)
        (found.append((MECHANISMS[key][1], quote)) if quote else missing.append(MECHANISMS[key][1]))
    return found, missing


# --- results matrix for a named priority --------------------------------------------------------------
def _matching_priority(ctx: PlanningContext, name: str) -> Priority | None:
    best = best_match(name, [p.name for p in ctx.priorities])
    return next((p for p in ctx.priorities if p.name == best), None)


def priority_matrix(ctx: PlanningContext, ask: DraftAsk, retriever: Retriever, book: CitationBook) -> list[Block]:
    """The results matrix for the one priority the request names: outcome, n indicators, baselines, targets, timelines."""
    start, end = ctx.years
    mid = (start + end + 1) // 2 if end - start >= 2 else f"end-{start}"  # a two-year ISF is reviewed after its first year
    p = _matching_priority(ctx, ask.priority)
    # a priority named in passing ('the elections priority', lower case) goes by your context's name for it; one quoted,
    # by the name you gave it
    named = p.name if p and ask.priority.islower() else ask.priority
    n = ask.indicators or 3
    lead = p.lead if p and p.lead and ctx.listed(p.lead) else f"{TBD} (a {ctx.mission} section)"
    contributing = _list(_entities(ctx, p.contributing)) if p and p.contributing else f"{TBD} (from {_list(ctx.un_entities)})"
    setting = setting_of(ctx.tasks)
    placed = _placement(ctx)  # the tasks the results matrix places under this priority, not every one sharing a word
    tasks = [t for t in ctx.own_tasks if placed[t] is p] if p else \
        [t for t in ctx.tasks if best_match(t, [ask.priority], setting)]
    sources = None if ask.data_sources is None else f"{_list(ask.data_sources)} (as you named them)" if ask.data_sources else TBD
    measured = [] if ask.indicator_asks else measured_indicators(ask.priority, n, retriever)
    cells = indicator_cells(ask.indicator_asks, retriever, book, measured)  # the rows asked for, each subject in turn
    rows = [["Priority", "Outcome", "Indicator", "Baseline", "Target", *["Data source"] * (sources is not None), "Timeline",
             "Lead", "Contributing"]]
    for i in range(n):
        indicator = cells[i] if i < len(cells) else f"Indicator {i + 1}: {TBD}"
        first = i == 0
        rows.append([named if first else "", f"{TBD} (result for {ctx.country} by {end})" if first else "",
                     indicator, f"{TBD} ({start})", f"{TBD} ({end})", *[sources or ""] * (sources is not None),
                     f"Baseline {start}; mid-term review {mid}; target {end}", lead if first else "",
                     contributing if first else ""])
    intro = (f"Results matrix for the priority “{named}”, as asked: the outcome, {n} indicators with baselines and "
             f"targets, lead and contributing entities and timelines"
             + (f"; it serves the mandated task{'s' if len(tasks) > 1 else ''} {_list(tasks)}" if tasks else "") + ".")
    blocks = [Block(kind="paragraph", text=intro), Block(kind="table", rows=rows)]
    reports = list(dict.fromkeys(m.group(1) for c in cells for m in re.finditer(r"wording of ([^,]+),", c)))
    if reports:
        blocks.append(Block(kind="note", text=(
            f"The proposed indicators are the wording of benchmark indicators another mission reported against "
            f"({', '.join(reports)}): a starting point to adapt to {ctx.country}, not a requirement. Baselines and targets "
            "come from national and agency data the team agrees.")))
    elif ask.indicator_asks:
        blocks.append(Block(kind="note", text="No benchmark indicator the library's mission reports measure is close to "
                                              "the indicators you named: the rows keep your wording."))
    else:
        blocks.append(Block(kind="note", text=f"No benchmark indicator in the library's mission reports is about "
                                              f"“{ask.priority}”: indicators are {TBD}."))
    if not p and ctx.priorities:
        blocks.append(Block(kind="note", text=f"“{ask.priority}” is not among the priorities of your planning context: "
                                              "lead and contributing entities are to be agreed."))
    return blocks


PERIOD = {"weekly": 1, "monthly": 2, "quarterly": 3, "semi-annual": 4, "annual": 5, "mid-term": 6, "end of period": 7}


# --- monitoring, coordination, vision -------------------------------------------------------------------
def _event_who(c: Cadence, ctx: PlanningContext) -> str:
    """Who holds the event: the body 'by' names ('reporting by the pillar working groups to the SLF' is the groups'), else
    the body it is of."""
    kept = re.search(r"\bby (?:the )?(.+?)(?: to\b|$)", c.what, re.IGNORECASE)  # 'a tracker kept by the joint planning unit'
    what = (kept.group(1) if kept else c.what).lower()
    if "government" in what or "joint review" in what:
        return f"{_the(ctx)}, the country team and the Government of {ctx.country}"
    if "slf" in what or "senior leadership" in what:
        return "Senior Leadership Forum (SLF)"
    if chairs := re.search(r"\((co-?chaired by [^)]+)\)", c.what):  # 'the returns working group (co-chaired by …)'
        return f"{c.what[:chairs.start()].strip().capitalize()}, {chairs.group(1)}"
    if "pillar" in what or "working group" in what:
        return f"Pillar working groups; compiled by {TBD}"
    return kept.group(1)[0].upper() + kept.group(1)[1:] if kept else TBD


EACH_PRIORITY = re.compile(r"\b(?:each|every) (?:ISF |strategic )?priority\b|\bper priority\b|\bpriority by priority\b", re.I)


def by_priority(ctx: PlanningContext) -> list[Block]:
    """Who collects the data on each priority, how often it is looked at and by whom, as a request asks (hand-read
    request 7 of set 11 got three general bullets): the priority's lead proposed for its data, the rest the team's."""
    rows = [["Priority", "Data collected by", "Looked at how often", "By whom"]]
    for p in ctx.all_priorities:
        lead = p.lead if p.lead and ctx.listed(p.lead) else ""
        rows.append([p.name, f"{TBD} (proposed: the monitoring focal point of {lead}, its lead)" if lead else TBD,
                     TBD, f"the working group on it, then the senior leadership forum; {TBD}"])
    return [Block(kind="paragraph", text="Monitoring by priority, as asked (who collects, how often and who looks: the "
                                         "team's to agree; nothing in it is quoted from the library):"),
            Block(kind="table", rows=rows)]


def _every(text: str) -> str:
    """How often the request says the Secretary-General reports ('every 90 days (as you set it)'), or ''."""
    found = re.search(r"\b(?:reports?|reporting)\b[^.;]*?\b(every \d+ (?:days|weeks|months))\b", text, re.IGNORECASE)
    return f"{found.group(1)} (as you set it)" if found else ""


def monitoring_calendar(ctx: PlanningContext, ask: DraftAsk, retriever: Retriever, book: CitationBook) -> list[Block]:
    """The reporting and review events asked for, what each feeds, and what the library says of them."""
    feeds = [MECHANISMS[k][1] for k in ask.mechanisms if k in ("sg_report", "cpas", "itf")]
    rows = [["Event (as asked)", "Frequency", "Who", "Feeds into", "Described in the library"]]
    found, missing = [], []
    for c in ask.cadence:
        later = [f"the {d.frequency} {d.what}" for d in _next_less_often(c, ask.cadence)]
        quote = _cadence_support(c, retriever, book)
        plural_or_gerund = re.search(r"[^s]s\b|ing\b", c.what.split()[0])  # 'updates', 'reporting': no article
        article = "" if plural_or_gerund else "an " if c.frequency[0] in "aeiou" else "a "
        (found.append((f"{c.frequency} {c.what}", quote)) if quote else missing.append(f"{article}{c.frequency} {c.what}"))
        # where it goes, as asked: what it feeds, or Headquarters it is sent to ('a progress note to the ITF'); updates to the
        # SLF feed the next review through the SLF
        to = re.search(r"\bto (?:the )?(.+)$", c.what)
        named = c.feeds or (to.group(1) if to and not re.search(r"\bSLF\b|senior leadership", to.group(1), re.I) else "")
        into = [named] if named else later + (feeds if not later or "slf" in c.what.lower() else [])
        rows.append([c.what[0].upper() + c.what[1:], c.frequency, _event_who(c, ctx), _list(into) if into else TBD,
                     "yes, see below" if quote else "no"])
    blocks = [Block(kind="paragraph", text=(
        f"Reporting and review calendar for {ctx.country}, {ctx.years[0]}–{ctx.years[1]}, as you set it out; each event "
        "feeds the next less frequent one, and the least frequent one feeds " + (_list(feeds) if feeds else f"{TBD}") + ".")),
        Block(kind="table", rows=rows)]
    if "sg_report" in ask.mechanisms:
        blocks.append(Block(kind="paragraph", text=(
            f"Link to the Secretary-General's reports: the SLF review closest to each reporting date gives the mission's "
            f"input on ISF progress; reporting dates: {_every(ask.text) or TBD}.")))
    if "cpas" in ask.mechanisms:
        blocks.append(Block(kind="paragraph", text=f"Link to CPAS: ISF indicators used in the mission's CPAS results "
                                                   f"framework: {TBD}."))
    keys = [k for k in ask.mechanisms if k in ("sg_report", "cpas", "itf")]
    more_found, more_missing = _check(keys, retriever, book)
    return blocks + _library_notes(found + more_found, missing + more_missing, "reporting events and reports")


def _next_less_often(c: Cadence, events: list[Cadence]) -> list[Cadence]:
    """The first event asked for that comes less often than this one (quarterly updates feed the annual review)."""
    return next(([d] for d in events if PERIOD.get(d.frequency, 0) > PERIOD.get(c.frequency, 0)), [])


def asked_blocks(key: str, ctx: PlanningContext, ask: DraftAsk, retriever: Retriever, book: CitationBook) -> list[Block]:
    """The first-pass text of a section in the request's terms, or [] when the request asks nothing of this section."""
    from assistant.products.draft_coordination import coordination_mechanisms  # it reads the library through _check
    from assistant.products.draft_risks import risks_table  # it quotes the library through support() above
    from assistant.products.draft_text import _context, _monitoring, _vision  # the generic writers the asked parts extend

    if key not in ask.sections:
        return []
    if key == "results" and ask.priority:  # a matrix for each priority named
        return [b for name in [ask.priority, *ask.more_priorities]
                for b in priority_matrix(ctx, ask.model_copy(update={"priority": name}), retriever, book)]
    if key == "monitoring" and EACH_PRIORITY.search(ask.text):  # 'who collects the data for each priority, how often …'
        return (monitoring_calendar(ctx, ask, retriever, book) if ask.cadence else _monitoring(ctx)) + by_priority(ctx)
    if key == "monitoring" and (ask.cadence or ask.priority and ask.indicators):  # the indicators asked, for the priority
        return (monitoring_calendar(ctx, ask, retriever, book) if ask.cadence else []) + (
            priority_matrix(ctx, ask, retriever, book) if ask.priority and ask.indicators else [])
    if key == "coordination" and (ask.bodies or set(ask.mechanisms) & {"slf", "pillar_groups", "planning_unit",
                                                                          "results_groups"}):
        return coordination_mechanisms(ctx, ask, retriever, book)
    if key == "vision" and (ask.objectives or ask.priorities or ask.topics):
        return _vision(ctx, horizon(ctx, ask))[:1] + objectives(ctx, ask, proposed_indicators(retriever, book))
    if key == "division" and (ask.civilian or ask.owners or named_tasks(ask.text)):  # 'hand A to UNHCR by …, B to …'
        return transfer_table(ctx, ask, proposed_indicators(retriever, book) if ask.benchmarks == EACH_HANDOVER else None)
    if key == "risks" and (ask.assumptions or ask.humanitarian or ask.topics or ask.mitigations):
        return risks_table(ctx, ask, retriever, book)
    if key == "context" and ask.pasted_text:
        return [Block(kind="paragraph", text=f"Context and shared analysis of {ctx.country}, from the findings you pasted. The "
                                             f"summary {_the(ctx)} and the country team agree: {TBD}.")] + findings_blocks(
            ask.pasted_text, ask.risks)
    if key == "context" and ask.risks:
        risks = [*ctx.tensions[:ask.risks], *[TBD] * max(0, ask.risks - len(ctx.tensions))]
        return _context(ctx) + [Block(kind="paragraph", text=f"The {ask.risks} highest risks, as asked (candidates from "
                                                                f"your planning context; the ranking is {TBD}):"),
                                Block(kind="bullets", items=risks)]
    return []
