"""Integration health check: key performance questions across the planning cycle, rated by the team.

The question bank (``healthcheck_bank.yaml``) holds key performance questions by stage of the
cycle (assessment, planning, implementation, monitoring and review, transition) and area of
integration. The planning context selects and words them: a transition gets drawdown and
handover questions, a presence without a humanitarian response has its humanitarian-space
questions marked not applicable, and questions name only the entities the context lists.

"Why it matters" is never written by the assistant: each question carries anchors into the
library, and at run time the sentence is found in the index, quoted verbatim and cited with
the stored passage's locator (the Itad blog is labelled as a UK-government analogy). An
anchor the index does not hold is reported, not paraphrased.

Without ratings the result is a blank workshop form; with ratings it adds a summary by area
and stage (weakest first), suggestions from practice in the library for the weakest areas,
and a monitoring table for the ISF annual review.

>>> check = healthcheck(load_context("examples/carana.yaml"), get_retriever())      # doctest: +SKIP
>>> to_docx(health_report(check))                                                  # doctest: +SKIP
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, Field, model_validator

from assistant.answering.verify import split_sentences
from assistant.citation import NOT_COVERED, Citation, CitationBook
from assistant.index.records import Record
from assistant.index.retrieve import Retriever
from assistant.products.context import PlanningContext
from assistant.products.export import Block, Report
from assistant.products.ratings import SCALE, Ratings, parse_ratings

BANK_FILE = Path(__file__).with_name("healthcheck_bank.yaml")
SCORES = {"in place": 2, "partly": 1, "not in place": 0}
NOT_APPLICABLE = "not applicable"
TARGET = {"not in place": "partly", "partly": "in place"}
TBD = "[to be agreed]"
MONITORING_NOTE = ("One row per question rated partly or not in place, weakest areas first. The target is one step up the "
                   "scale by the review; owners are for the team to agree.")
MONITORING_HEADER = ["No.", "Area", "Key performance question", "Rating now", "Target", "Evidence to look for", "Owner", "Review"]
BLANK_RATING = "☐ in place   ☐ partly   ☐ not in place   ☐ not applicable"
ANALOGY = "UK-government analogy, not UN guidance"
SOURCE_TYPES = {
    "commentary": ANALOGY,
    "analysis": "independent study",
    "report": "UN practice",
    "resolution": "UN resolution",
    "policy": "UN policy",
    "guidance": "UN guidance",
}
"""How each kind of source is labelled beside its quote (the Itad blog is the corpus's only commentary)."""
HUMANITARIAN_ENTITIES = ("UNHCR", "WFP", "UNICEF", "OCHA", "IOM", "UNFPA", "WHO", "FAO", "UNRWA")
# Sentences the shared splitter leaves joined: after a closing quote ('space." While') and
# after a plain footnote number ('practice.22 Such').
_MORE_SPLITS = re.compile(
    r"(?<=[.!?][\"”’])\s+(?=[A-Z“\"])|(?<=[a-z][.!?])\d{1,2}\s+(?=[A-Z])|(?<=[.!?])[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s+(?=[A-Z])")
_BULLET = re.compile(r"^[-•▪●]\s+")
_TRAILING_MARK = re.compile(r"\s*[¹²³⁴⁵⁶⁷⁸⁹⁰]+$")
LONG_QUOTE = 360


# --- the bank --------------------------------------------------------------------------------
class Anchor(BaseModel):
    """Where a quote lives: a manifest document id and a phrase of one of its sentences."""

    doc: str
    find: str = Field(min_length=12)


class Suggestion(Anchor):
    """An action from practice, backed by the anchored sentence."""

    action: str


class Stage(BaseModel):
    """A stage of the planning cycle; its code prefixes question numbers (A1, P2, ...)."""

    key: str
    name: str
    code: str


class Area(BaseModel):
    """An area of integration, with the practice suggested when a team rates it weak."""

    key: str
    name: str
    tension_words: list[str] = Field(default_factory=list, description="Words that tie a context tension to this area.")
    suggestions: list[Suggestion] = Field(default_factory=list)
    humanitarian: bool = Field(False, description="Not applicable without a humanitarian response.")


class BankQuestion(BaseModel):
    """A key performance question as written in the bank, before the context words it."""

    id: str
    stage: str
    area: str
    question: str
    question_by_presence: dict[str, str] = Field(default_factory=dict)
    evidence: str
    why: list[Anchor] = Field(min_length=1)
    only: Literal["leaving", "staying"] | None = Field(
        None, description="Only for a presence drawing down or in transition (leaving), or only for one that is not (staying).")


class Bank(BaseModel):
    """The whole question bank, checked for consistency when loaded."""

    stages: list[Stage]
    areas: list[Area]
    questions: list[BankQuestion]

    @model_validator(mode="after")
    def _consistent(self) -> "Bank":
        stages, areas = {s.key for s in self.stages}, {a.key for a in self.areas}
        ids = Counter(q.id for q in self.questions)
        problems = [f"{i}: duplicate id" for i, n in ids.items() if n > 1]
        problems += [f"{q.id}: unknown stage {q.stage}" for q in self.questions if q.stage not in stages]
        problems += [f"{q.id}: unknown area {q.area}" for q in self.questions if q.area not in areas]
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def stage(self, key: str) -> Stage:
        """The stage with this key."""
        return next(s for s in self.stages if s.key == key)

    def area(self, key: str) -> Area:
        """The area with this key."""
        return next(a for a in self.areas if a.key == key)


@lru_cache(maxsize=1)
def load_bank(path: Path = BANK_FILE) -> Bank:
    """The question bank shipped with the package."""
    return Bank.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


# --- quotes from the index -------------------------------------------------------------------
def _norm(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.split()).lower()


def sentences(passage: str) -> list[str]:
    """The passage's sentences, verbatim, split a little finer than answers need."""
    out = []
    for sentence in split_sentences(passage):
        out += [_TRAILING_MARK.sub("", _BULLET.sub("", s)).strip() for s in _MORE_SPLITS.split(sentence) if s.strip()]
    return out


def shorten(sentence: str, phrase: str) -> str:
    """A long sentence cut after the clause holding the phrase (a verbatim prefix, marked '…')."""
    if len(sentence) <= LONG_QUOTE:
        return sentence
    start = max(_norm(sentence).find(_norm(phrase)) + len(phrase), 160)
    cuts = [m.start() for m in re.finditer(r"[,;] ", sentence[start:])]
    balanced = [start + i for i in cuts if sentence[:start + i].count("(") == sentence[:start + i].count(")")]
    cut = balanced[0] if balanced else -1
    return sentence[:cut] + " …" if 0 < cut < len(sentence) - 40 else sentence


class Quote(BaseModel):
    """One 'why it matters' sentence: verbatim from a stored passage, numbered in the report's sources."""

    n: int
    quote: str
    label: str = Field(description="Document and locator, as UN staff cite it.")
    source_type: str
    doc_id: str
    chunk_id: str
    locator: str


class Library:
    """Finds anchored sentences among stored passages; one per health check (it numbers the sources)."""

    def __init__(self, records: list[Record]):
        self.by_doc: dict[str, list[Record]] = {}
        for record in records:
            self.by_doc.setdefault(record.meta.doc_id, []).append(record)
        self.book = CitationBook()
        self.missing: list[str] = []

    @classmethod
    def of(cls, retriever: Retriever) -> "Library":
        """The passages of the index as they are now."""
        retriever.refresh()
        return cls(retriever.records)

    def find(self, anchor: Anchor) -> tuple[Record, str] | None:
        """The stored passage and the verbatim sentence holding the anchor's phrase, if the index has them."""
        phrase = _norm(anchor.find)
        for record in self.by_doc.get(anchor.doc, []):
            if phrase in _norm(record.text):
                match = next((s for s in sentences(record.text) if phrase in _norm(s)), None)
                if match:
                    return record, shorten(match, anchor.find)
        return None

    def quote(self, anchor: Anchor, where: str) -> Quote | None:
        """The anchored sentence, numbered in this check's sources; None (and a note in missing) if not held."""
        found = self.find(anchor)
        if found is None:
            self.missing.append(f"{where}: the library holds no passage of '{anchor.doc}' with “{anchor.find}”")
            return None
        record, sentence = found
        m = record.meta
        citation = Citation(n=0, chunk_id=record.id, doc_id=m.doc_id, title=m.title, short=m.short, locator=m.locator,
                            quote=record.text, status=m.status, superseded_by=m.superseded_by)
        n = self.book.cite(citation)
        return Quote(n=n, quote=sentence, label=citation.label, source_type=SOURCE_TYPES.get(m.type, m.type),
                     doc_id=citation.doc_id, chunk_id=record.id, locator=citation.locator)


# --- the check -------------------------------------------------------------------------------
class Item(BaseModel):
    """One key performance question as the team sees it (the JSON item of the issue's contract)."""

    id: str
    stage: str
    area: str
    question: str
    why: list[Quote]
    evidence: str
    rating: str = Field("", description="Blank, or one of the rating scale.")
    comment: str = ""
    context_note: str = Field("", description="Tensions from the planning context that bear on this question.")


class Tally(BaseModel):
    """Ratings counted for one area or stage; score is the share of the best rating (in place = 1, partly = 0.5)."""

    name: str
    counts: dict[str, int]
    unrated: int
    score: float | None

    @property
    def rated(self) -> int:
        """Questions rated on the scored part of the scale."""
        return sum(self.counts[r] for r in SCORES)


class Suggested(BaseModel):
    """An action from practice with the quote that backs it."""

    action: str
    quote: Quote


class WeakArea(BaseModel):
    """An area rated below 'in place': its weak questions and the practice suggested."""

    tally: Tally
    items: list[Item]
    suggestions: list[Suggested]


class HealthCheck(BaseModel):
    """A health check for one planning context, blank or rated."""

    title: str
    subtitle: str
    context_notes: list[str]
    items: list[Item]
    sources: list[Citation]
    missing: list[str] = Field(default_factory=list, description="Anchors the index does not hold (reported, never paraphrased).")
    rated: bool = False
    areas: list[Tally] = Field(default_factory=list, description="Weakest first.")
    stages: list[Tally] = Field(default_factory=list)
    weakest: list[WeakArea] = Field(default_factory=list)
    monitoring: list[list[str]] = Field(default_factory=list, description="Header plus one row per question to improve.")

    def public(self) -> dict:
        """The JSON shape of the CLI and API: items as {stage, area, question, why, evidence, rating, comment}."""
        return {
            "title": self.title, "rated": self.rated, "context_notes": self.context_notes,
            "items": [i.model_dump() for i in self.items],
            "summary": {"areas": [_tally_json(t) for t in self.areas], "stages": [_tally_json(t) for t in self.stages]},
            "weakest": [{"area": w.tally.name, "suggestions": [s.model_dump() for s in w.suggestions]} for w in self.weakest],
            "monitoring": self.monitoring, "sources": [c.model_dump() for c in self.sources], "missing": self.missing,
        }


def _tally_json(t: Tally) -> dict:
    return {"name": t.name, **t.counts, "unrated": t.unrated, "score": t.score}


def _list(items: list[str], empty: str) -> str:
    if not items:
        return empty
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def wording(ctx: PlanningContext) -> dict[str, str]:
    """Values of the bank's placeholders, from the context only (no entity the context does not list)."""
    humanitarian = [e for e in ctx.un_entities if _key(e) in {_key(h) for h in HUMANITARIAN_ENTITIES}]
    start, end = ctx.years
    return {
        "mission": ctx.mission, "country": ctx.country, "entities": _list(ctx.un_entities, "the agencies present"),
        "humanitarian_entities": _list(humanitarian, "the humanitarian organizations present"),
        "national_plan": ctx.national_plan or "the national plan", "period": f"{start}–{end}",
        "first_review": str(start + 1), "key_tasks": "; ".join(t.rstrip(".") for t in ctx.tasks) or "the mandated tasks",
    }


def select(ctx: PlanningContext, bank: Bank) -> list[BankQuestion]:
    """The bank's questions that apply to this presence, in bank order (drawdown and handover ones when it is leaving)."""
    phase = "leaving" if ctx.leaving else "staying"
    return [q for q in bank.questions if q.only in (None, phase)]


def question_ids(ctx: PlanningContext) -> list[str]:
    """The numbers of the questions this context gets (what a ratings file may rate); needs no index."""
    return [q.id for q in select(ctx, load_bank())]


def _tension_notes(ctx: PlanningContext, bank: Bank) -> dict[str, list[str]]:
    notes: dict[str, list[str]] = {}
    for tension in ctx.tensions:
        low = tension.lower()
        for area in bank.areas:
            if any(word in low for word in area.tension_words):
                notes.setdefault(area.key, []).append(tension)
    return notes


HUMANITARIAN_NA = "Not applicable: the planning context has no humanitarian response (humanitarian_response: false)."


def build_items(ctx: PlanningContext, library: Library, bank: Bank) -> list[Item]:
    """Every applicable question, worded for the context, with its verified quotes."""
    values, tensions = wording(ctx), _tension_notes(ctx, bank)
    items = []
    for q in select(ctx, bank):
        area = bank.area(q.area)
        text = q.question_by_presence.get(ctx.presence, q.question)
        quotes = [quote for a in q.why if (quote := library.quote(a, q.id))]
        note = "; ".join(f"“{t}”" for t in tensions.get(area.key, []))
        item = Item(id=q.id, stage=bank.stage(q.stage).name, area=area.name, question=text.format(**values), why=quotes,
                    evidence=q.evidence.format(**values), context_note=f"Known tension in your context: {note}" if note else "")
        if area.humanitarian and not ctx.humanitarian_response:
            item.rating, item.comment = NOT_APPLICABLE, HUMANITARIAN_NA
        items.append(item)
    return items


def apply_ratings(items: list[Item], ratings: Ratings) -> None:
    """The team's ratings and comments, over any preset (a team may rate a preset not-applicable item)."""
    for item in items:
        if item.id in ratings.ratings:
            given = ratings.ratings[item.id]
            item.rating, item.comment = given.rating, given.comment


def tally(name: str, items: list[Item]) -> Tally:
    """Count the ratings of some items; the score leaves out not-applicable and unrated ones."""
    counts = {r: sum(i.rating == r for i in items) for r in SCALE}
    rated = sum(counts[r] for r in SCORES)
    score = round(sum(SCORES[i.rating] for i in items if i.rating in SCORES) / (2 * rated), 3) if rated else None
    return Tally(name=name, counts=counts, unrated=sum(not i.rating for i in items), score=score)


def _weakest_first(tallies: list[Tally]) -> list[Tally]:
    return sorted(tallies, key=lambda t: (t.score is None, t.score if t.score is not None else 0, -t.counts["not in place"]))


def _next_review(ctx: PlanningContext, ratings: Ratings) -> str:
    _, end = ctx.years
    if ratings.date is None:
        return "next ISF annual review"
    if ratings.date.year >= end:
        return "review of the successor framework"
    return f"next ISF annual review (after {ratings.date.isoformat()})"


def summarise(check: HealthCheck, ctx: PlanningContext, bank: Bank, library: Library, ratings: Ratings) -> None:
    """Summary by area and stage, weakest areas with suggestions from practice, and the monitoring table."""
    by_area = {a.name: [i for i in check.items if i.area == a.name] for a in bank.areas}
    check.areas = _weakest_first([tally(name, items) for name, items in by_area.items() if items])
    check.stages = [tally(s.name, [i for i in check.items if i.stage == s.name]) for s in bank.stages
                    if any(i.stage == s.name for i in check.items)]
    order = {t.name: n for n, t in enumerate(check.areas)}
    for t in check.areas:
        if t.score is None or t.score >= 1:
            continue
        area = next(a for a in bank.areas if a.name == t.name)
        suggested = [Suggested(action=s.action, quote=quote) for s in area.suggestions if (quote := library.quote(s, area.key))]
        weak = [i for i in by_area[t.name] if i.rating in ("not in place", "partly")]
        check.weakest.append(WeakArea(tally=t, items=sorted(weak, key=lambda i: SCORES[i.rating]), suggestions=suggested))
    to_improve = sorted((i for i in check.items if i.rating in TARGET), key=lambda i: (order[i.area], SCORES[i.rating]))
    review = _next_review(ctx, ratings)
    check.monitoring = [MONITORING_HEADER]
    check.monitoring += [[i.id, i.area, i.question, i.rating, TARGET[i.rating], i.evidence, TBD, review] for i in to_improve]


def _context_notes(ctx: PlanningContext, bank: Bank) -> list[str]:
    start, end = ctx.years
    transition = ("drawdown and handover questions (T1–T8) are included." if ctx.leaving else
                  "one early transition-planning question (P8) is included; a presence drawing down gets the handover set.")
    phase = f", {ctx.phase}" if ctx.phase else ""
    notes = [f"Presence: {ctx.presence_name} ({ctx.mission}{phase}); {transition}"]
    notes.append("Humanitarian response: yes — humanitarian-space questions apply." if ctx.humanitarian_response else
                 "Humanitarian response: none — humanitarian-space questions are marked not applicable (rate them if needed).")
    entities = _list(ctx.un_entities, "none listed")
    notes.append(f"Entities named in the questions: the mission ({ctx.mission}) and {entities} — only those the context lists.")
    for area_key, tensions in _tension_notes(ctx, bank).items():
        notes.append(f"{bank.area(area_key).name}: " + "; ".join(f"“{t}”" for t in tensions))
    notes.append(f"Period {start}–{end}: the first ISF annual review falls in {start + 1}.")
    return notes


def healthcheck(ctx: PlanningContext, retriever: Retriever, ratings: object = None) -> HealthCheck:
    """The health check for a context: a blank form, or with ratings (raw mapping, validated here) a rated report."""
    return check_with(Library.of(retriever), ctx, ratings)


def check_with(library: Library, ctx: PlanningContext, ratings: object = None) -> HealthCheck:
    """The health check quoting from a given set of stored passages (what :func:`healthcheck` runs on the index)."""
    bank = load_bank()
    items = build_items(ctx, library, bank)
    parsed = parse_ratings(ratings, [i.id for i in items])
    apply_ratings(items, parsed)
    start, end = ctx.years
    rated = bool(parsed.ratings)
    check = HealthCheck(
        title=f"Integration health check: {ctx.mission} and the UN country team in {ctx.country}, {start}–{end}",
        subtitle=("Rated by the team" + (f" on {parsed.date.isoformat()}" if parsed.date else "") if rated
                  else "Blank assessment form for a workshop") + (" (fictional scenario)" if ctx.fictional else ""),
        context_notes=_context_notes(ctx, bank), items=items, sources=[], rated=rated)
    if rated:
        summarise(check, ctx, bank, library, parsed)
    check.sources, check.missing = library.book.sources, library.missing
    return check


# --- the report ------------------------------------------------------------------------------
HOW_TO = (
    "Work through the questions stage by stage. For each, read why it matters, look at the evidence the team has, "
    "then agree a rating — in place, partly, not in place, or not applicable — and note the evidence or the gap in "
    "the comment. Record the ratings in a ratings file (see examples/carana-ratings.yaml) and run "
    "`planassist healthcheck --ratings FILE` for the summary, the weakest areas with suggestions from practice, "
    "and a monitoring table for the ISF annual review."
)
SOURCES_NOTE = (
    "Why it matters is quoted verbatim from the library and numbered [n] in the Sources: the IPI study of UN "
    "integration (independent study), Secretary-General and Security Council reports on missions and transitions "
    "(UN practice), General Assembly resolution 80/11, and the Itad blog on UK cross-government integrated "
    "delivery — an analogy from national practice, never UN guidance. The IAP Policy (2013) itself is not in this "
    "library; its minimum requirements are quoted as the IPI study states them."
)


def quote_line(q: Quote) -> str:
    """'“sentence” [n] — IPI 2013, 'Analyzing as One' (independent study)'."""
    return f"“{q.quote}” [{q.n}] — {q.label} ({q.source_type})"


def _card(item: Item) -> Block:
    why = "\n".join(quote_line(q) for q in item.why) or NOT_COVERED
    rows = [[f"{item.id} · {item.area}", item.question], ["Why it matters", why], ["Evidence to look for", item.evidence]]
    if item.context_note:
        rows.append(["Your context", item.context_note])
    rows += [["Rating", item.rating or BLANK_RATING], ["Comment", item.comment]]
    return Block(kind="table", rows=rows)


def _tally_rows(label: str, tallies: list[Tally]) -> list[list[str]]:
    rows = [[label, "In place", "Partly", "Not in place", "Not applicable", "Not rated", "Score"]]
    for t in tallies:
        rows.append([t.name, *(str(t.counts[r]) for r in SCALE), str(t.unrated), _percent(t)])
    return rows


def _percent(t: Tally) -> str:
    return f"{round(100 * t.score)} %" if t.score is not None else "—"


def _summary_blocks(check: HealthCheck) -> list[Block]:
    overall = tally("Overall", check.items)
    weakest_stage = min((t for t in check.stages if t.score is not None), key=lambda t: t.score or 0.0, default=None)
    headline = (f"Overall: {_percent(overall)} — {overall.counts['in place']} of {overall.rated} rated questions in place, "
                f"{overall.counts['partly']} partly, {overall.counts['not in place']} not in place. Weakest area: "
                f"{check.areas[0].name}" + (f"; weakest stage: {weakest_stage.name}." if weakest_stage else "."))
    blocks = [Block(kind="heading", text="Summary", level=1), Block(kind="paragraph", text=headline),
              Block(kind="paragraph", text="Score: in place counts 1, partly ½, not in place 0; not applicable and unrated "
                                            "questions are left out. Areas are listed weakest first."),
              Block(kind="heading", text="By area", level=2), Block(kind="table", rows=_tally_rows("Area", check.areas)),
              Block(kind="heading", text="By stage", level=2), Block(kind="table", rows=_tally_rows("Stage", check.stages)),
              Block(kind="heading", text="Weakest areas first", level=1)]
    for weak in check.weakest:
        t = weak.tally
        heading = f"{t.name} — {_percent(t)} ({t.counts['in place']} of {t.rated} in place)"
        blocks.append(Block(kind="heading", level=2, text=heading))
        lines = [f"{i.id} ({i.rating}): {i.question}" + (f" — Team: {i.comment}" if i.comment else "") for i in weak.items]
        blocks.append(Block(kind="bullets", items=lines))
        if weak.suggestions:
            blocks.append(Block(kind="paragraph", text="Suggestions from practice in the library:"))
            blocks.append(Block(kind="bullets", items=[f"{s.action} {quote_line(s.quote)}" for s in weak.suggestions]))
    if len(check.monitoring) > 1:
        blocks += [Block(kind="heading", text="Monitoring table for the ISF annual review", level=1),
                   Block(kind="paragraph", text=MONITORING_NOTE),
                   Block(kind="table", rows=check.monitoring)]
    return blocks


def health_report(check: HealthCheck) -> Report:
    """The health check as a report (Markdown or Word): how to use it, context, summary if rated, question cards, sources."""
    blocks = [Block(kind="heading", text="How to use this form", level=1), Block(kind="paragraph", text=HOW_TO),
              Block(kind="paragraph", text=SOURCES_NOTE), Block(kind="heading", text="Shaped by your planning context", level=1),
              Block(kind="bullets", items=check.context_notes)]
    if check.missing:
        missing = "; ".join(check.missing)
        blocks.append(Block(kind="note", text=f"Passages the library does not hold (left out, not paraphrased): {missing}"))
    if check.rated:
        blocks += _summary_blocks(check)
    for stage in dict.fromkeys(i.stage for i in check.items):
        blocks.append(Block(kind="heading", text=f"Stage: {stage}", level=1))
        blocks += [_card(i) for i in check.items if i.stage == stage]
    return Report(title=check.title, subtitle=check.subtitle, blocks=blocks, sources=_quoted_sources(check))


def _quoted_sources(check: HealthCheck) -> list[Citation]:
    """Sources showing the sentences quoted from each passage (the JSON keeps the whole stored passage)."""
    quoted: dict[str, list[str]] = {}
    for q in [q for i in check.items for q in i.why] + [s.quote for w in check.weakest for s in w.suggestions]:
        quoted.setdefault(q.chunk_id, []).append(q.quote)
    return [c.model_copy(update={"quote": " … ".join(dict.fromkeys(quoted.get(c.chunk_id, [c.quote])))}) for c in check.sources]
