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
>>> to_docx(health_report(check))  # health_report from healthcheck_report        # doctest: +SKIP
"""

from __future__ import annotations

import re

from pydantic import BaseModel, Field

from assistant.citation import Citation
from assistant.index.retrieve import Retriever
from assistant.products.context import PlanningContext
from assistant.products.healthcheck_bank import Bank, BankQuestion, load_bank
from assistant.products.healthcheck_quotes import Library, Quote
from assistant.products.ratings import SCALE, Ratings, parse_ratings

SCORES = {"in place": 2, "partly": 1, "not in place": 0}
NOT_APPLICABLE = "not applicable"
TARGET = {"not in place": "partly", "partly": "in place"}
TBD = "[to be agreed]"
MONITORING_NOTE = ("One row per question rated partly or not in place, weakest areas first. The target is one step up the "
                   "scale by the review; owners are for the team to agree.")
MONITORING_HEADER = ["No.", "Area", "Key performance question", "Rating now", "Target", "Evidence to look for", "Owner", "Review"]
BLANK_RATING = "☐ in place   ☐ partly   ☐ not in place   ☐ not applicable"
HUMANITARIAN_ENTITIES = ("UNHCR", "WFP", "UNICEF", "OCHA", "IOM", "UNFPA", "WHO", "FAO", "UNRWA")


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
    start, _ = ctx.years
    return {
        "mission": ctx.mission, "country": ctx.country, "entities": _list(ctx.un_entities, "the agencies present"),
        "humanitarian_entities": _list(humanitarian, "the humanitarian organizations present"),
        "national_plan": ctx.national_plan or "the national plan", "period": ctx.span,
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
    start, _ = ctx.years
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
    notes.append(f"Period {ctx.span}: the first ISF annual review falls in {start + 1}.")
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
    rated = bool(parsed.ratings)
    check = HealthCheck(
        title=f"Integration health check: {ctx.mission} and the UN country team in {ctx.country}, {ctx.span}",
        subtitle=("Rated by the team" + (f" on {parsed.date.isoformat()}" if parsed.date else "") if rated
                  else "Blank assessment form for a workshop") + (" (fictional scenario)" if ctx.fictional else ""),
        context_notes=_context_notes(ctx, bank), items=items, sources=[], rated=rated)
    if rated:
        summarise(check, ctx, bank, library, parsed)
    check.sources, check.missing = library.book.sources, library.missing
    return check
