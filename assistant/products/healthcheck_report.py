"""The health check as a report (Markdown, Word): how-to, context notes, question cards, summary, monitoring table.

See :mod:`assistant.products.healthcheck` for how the check itself is built.
"""

from __future__ import annotations

from assistant.citation import NOT_COVERED, Citation
from assistant.products.export import Block, Report
from assistant.products.healthcheck import BLANK_RATING, MONITORING_NOTE, HealthCheck, Item, Tally, tally
from assistant.products.healthcheck_quotes import Quote
from assistant.products.ratings import SCALE

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
