"""The Health check tab of the web app: a blank workshop form, or the rated report.

A thin shell over :func:`assistant.products.healthcheck.healthcheck`: the planning context
is pasted as YAML (or loaded from the Carana example); ratings come from an uploaded file
or are typed into the form table; the result is previewed and offered as Word and JSON.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import gradio as gr
import yaml

from assistant.errors import ContextError, RatingError
from assistant.index.retrieve import Retriever
from assistant.products.context import MAX_CONTEXT_BYTES, parse_context
from assistant.products.export import to_docx, to_markdown
from assistant.products.healthcheck import HealthCheck, healthcheck
from assistant.products.healthcheck_report import health_report
from assistant.products.ratings import SCALE, read_ratings
from assistant.settings import PROJECT_ROOT

EXAMPLE_CONTEXT = PROJECT_ROOT / "examples" / "carana.yaml"
FORM_HEADERS = ["No.", "Stage", "Area", "Key performance question", "Rating", "Comment"]


def _context(text: str):
    if len((text or "").encode("utf-8")) > MAX_CONTEXT_BYTES:
        raise ContextError("the planning context is too large")
    try:
        data = yaml.safe_load(text or "")
    except yaml.YAMLError as err:
        raise ContextError(f"the context is not valid YAML ({str(err).splitlines()[0]})") from None
    return parse_context(data)


def _form_ratings(rows) -> dict:
    """Ratings typed into the form: rows with a rating (or a comment) count."""
    out = {}
    for row in rows or []:
        cells = [str(c or "").strip() for c in row] + [""] * len(FORM_HEADERS)
        qid, rating, comment = cells[0], cells[4], cells[5]
        if qid and (rating or comment):
            out[qid] = {"rating": rating, "comment": comment}
    return {"ratings": out}


def _files(check: HealthCheck) -> tuple[str, str]:
    folder = Path(tempfile.mkdtemp(prefix="planassist-healthcheck-"))
    word, data = folder / "healthcheck.docx", folder / "healthcheck.json"
    word.write_bytes(to_docx(health_report(check)))
    data.write_text(json.dumps(check.public(), ensure_ascii=False, indent=1), encoding="utf-8")
    return str(word), str(data)


def _rows(check: HealthCheck) -> list[list[str]]:
    return [[i.id, i.stage, i.area, i.question, i.rating, i.comment] for i in check.items]


def healthcheck_tab(retriever: Retriever) -> None:
    """Context, ratings (file or table), blank form or rated report, Word and JSON downloads."""
    gr.Markdown("**Integration health check** — key performance questions for each stage of the planning cycle, shaped by "
                "your planning context, each with why it matters quoted from the library. Build the blank form for a "
                "workshop; then upload the team's ratings file or type ratings into the table for the rated report "
                f"(scale: {', '.join(SCALE)}).")
    with gr.Row():
        with gr.Column(scale=3):
            context = gr.Textbox(label="Planning context (YAML, as in examples/carana.yaml)", lines=14, elem_id="pa-hc-context")
            example = gr.Button("Load the Carana example", elem_id="pa-hc-example")
        with gr.Column(scale=2):
            ratings_file = gr.File(label="Ratings file (YAML or JSON, optional)", file_types=[".yaml", ".yml", ".json"],
                                   elem_id="pa-hc-ratings")
            blank = gr.Button("Blank form", elem_id="pa-hc-blank")
            rate = gr.Button("Report with ratings", variant="primary", elem_id="pa-hc-rate")
    status = gr.Markdown(elem_id="pa-hc-status")
    form = gr.Dataframe(headers=FORM_HEADERS, interactive=True, type="array", wrap=True, elem_id="pa-hc-form",
                        column_widths=["5%", "10%", "13%", "42%", "12%", "18%"], max_height=520,
                        label="Ratings form: type a rating and a comment per question, then 'Report with ratings'")
    with gr.Row():
        word = gr.File(label="Health check as Word", interactive=False)
        data = gr.File(label="Health check as JSON", interactive=False)
    preview = gr.Markdown(elem_id="pa-hc-preview")

    def build(text, ratings_path, rows, rated: bool, progress):
        try:
            ctx = _context(text)
            raw = (read_ratings(ratings_path) if ratings_path else _form_ratings(rows)) if rated else None
            progress(0.3, desc="Finding the quotes in the library")
            check = healthcheck(ctx, retriever, raw)
        except (ContextError, RatingError) as err:
            return f"**Problem:** {err}", gr.update(), gr.update(), None, None
        if rated and not check.rated:
            problem = "**Problem:** No ratings: upload a ratings file or type ratings into the table."
            return problem, gr.update(), gr.update(), None, None
        word_path, json_path = _files(check)
        kind = "Rated report" if check.rated else "Blank form"
        message = f"**Done:** {kind}: {len(check.items)} questions, {len(check.sources)} sources."
        if check.missing:
            message += f" {len(check.missing)} passage(s) not in the library were left out."
        return message, _rows(check), to_markdown(health_report(check)), word_path, json_path

    outputs = [status, form, preview, word, data]
    example.click(lambda: EXAMPLE_CONTEXT.read_text(encoding="utf-8"), None, [context])
    def blank_form(text, ratings_path, rows, progress=gr.Progress()):
        return build(text, ratings_path, rows, False, progress)

    def rated_report(text, ratings_path, rows, progress=gr.Progress()):
        return build(text, ratings_path, rows, True, progress)

    blank.click(blank_form, [context, ratings_file, form], outputs)
    rate.click(rated_report, [context, ratings_file, form], outputs)
