"""The Draft and Training tabs of the web UI: for drafters (ISF sections) and trainers (exercises, quizzes).

Thin shells over :mod:`assistant.products`: the form fields become a planning context or a
request, the product function builds the report, the tab shows it as Markdown and offers Word.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import gradio as gr

from assistant.constants import MAX_MINUTES, MAX_PARTICIPANTS, MAX_QUESTIONS, MIN_MINUTES, MIN_PARTICIPANTS
from assistant.errors import ContextError, InvalidRequest, PlanAssistError
from assistant.index.retrieve import Retriever
from assistant.interfaces.ui_render import plain_form_error
from assistant.products.context import load_context, parse_context
from assistant.products.draft import SECTIONS, draft
from assistant.products.exercise_product import training_product
from assistant.products.exercise_shapes import SHAPES
from assistant.products.export import Report, to_docx, to_markdown
from assistant.products.quiz_sheets import quiz
from assistant.settings import PROJECT_ROOT

EXAMPLE_CONTEXT = PROJECT_ROOT / "examples" / "carana.yaml"

SHEETS = {"questions and key": "all", "participant copy (no answers)": "questions", "answer key": "key"}


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _save(report: Report, stem: str) -> str:
    path = Path(tempfile.mkdtemp(prefix="planassist-")) / f"{stem}.docx"
    path.write_bytes(to_docx(report))
    return str(path)


def _priorities(text: str) -> list[dict]:
    """'name | lead | contributing, contributing' per line."""
    out = []
    for line in _lines(text):
        parts = [p.strip() for p in line.split("|")]
        out.append({"name": parts[0], "lead": parts[1] if len(parts) > 1 else "",
                    "contributing": [c.strip() for c in parts[2].split(",") if c.strip()] if len(parts) > 2 else []})
    return out


def _example_form() -> list:
    ctx = load_context(EXAMPLE_CONTEXT)
    return [ctx.country, ctx.fictional, ctx.presence, ctx.mission, ctx.mandate.strip(), "\n".join(ctx.key_tasks),
            ctx.national_plan,
            "\n".join(ctx.national_priorities), ", ".join(ctx.un_entities), ctx.period,
            "\n".join(f"{p.name} | {p.lead} | {', '.join(p.contributing)}" for p in ctx.priorities),
            "\n".join(ctx.tensions), ctx.humanitarian_response]


FORM_LABELS = {
    "country": "Country", "presence": "UN presence", "mission": "Mission", "period": "Period", "mandate": "Mandate text",
    "key_tasks": "Key tasks", "national_plan": "National plan", "national_priorities": "National priorities",
    "un_entities": "UN entities present", "priorities": "Agreed priorities", "tensions": "Known tensions",
}


def draft_tab(retriever: Retriever) -> None:
    """The planning-context form and the ISF section drafts, with a Word download."""
    gr.Markdown("Fill in your planning context; each section comes with the policy it rests on (cited), a first-pass "
                "text built only from what you enter, practice from the corpus, and open questions.")
    with gr.Row():
        with gr.Column():
            country = gr.Textbox(label="Country (real or fictional)", elem_id="pa-country")
            fictional = gr.Checkbox(label="Fictional (training scenario)")
            presence = gr.Radio(["PKO", "SPM", "transition"], value="PKO", label="UN presence")
            mission = gr.Textbox(label="Mission (name or acronym)")
            period = gr.Textbox(label="Period", placeholder="2027-2029")
            entities = gr.Textbox(label="UN entities present (comma-separated)", placeholder="UNDP, UNICEF, UNHCR")
            humanitarian = gr.Checkbox(label="Active humanitarian response plan")
        with gr.Column():
            mandate = gr.Textbox(label="Mandate text or extract", lines=4)
            tasks = gr.Textbox(label="Key tasks (one per line)", lines=4)
            plan = gr.Textbox(label="National plan")
            national = gr.Textbox(label="National priorities (one per line)", lines=3)
        with gr.Column():
            priorities = gr.Textbox(label="Agreed priorities: name | lead | contributing, ... (one per line)", lines=4)
            tensions = gr.Textbox(label="Known tensions (one per line)", lines=3)
            sections = gr.CheckboxGroup([(s.title, s.key) for s in SECTIONS], value=[s.key for s in SECTIONS], label="Sections")
    request = gr.Textbox(label="Your request (optional): the section, a priority, indicators, reporting cadence, "
                               "mechanisms, a length limit", lines=2, elem_id="pa-draft-request")
    with gr.Row():
        example = gr.Button("Load the Carana example")
        go = gr.Button("Draft", variant="primary", elem_id="pa-draft")
    status = gr.Markdown()
    preview = gr.Markdown(elem_id="pa-draft-preview")
    download = gr.File(label="Draft as Word", interactive=False)
    fields = [country, fictional, presence, mission, mandate, tasks, plan, national, entities, period, priorities, tensions,
              humanitarian]

    def run(country, fictional, presence, mission, mandate, tasks, plan, national, entities, period, priorities, tensions,
            humanitarian, sections, request, progress=gr.Progress()):
        data = {"country": country, "fictional": fictional, "presence": presence, "mission": mission, "mandate": mandate or "",
                "key_tasks": _lines(tasks), "national_plan": plan or "", "national_priorities": _lines(national),
                "un_entities": [e.strip() for e in (entities or "").split(",") if e.strip()], "period": period or "",
                "priorities": _priorities(priorities), "tensions": _lines(tensions), "humanitarian_response": humanitarian}
        try:
            ctx = parse_context(data)
        except ContextError as err:
            return f"**Problem:** please fix the form — {plain_form_error(str(err), FORM_LABELS)}", "", None
        if not sections:
            return "**Problem:** Choose at least one section.", "", None
        progress(0.2, desc="Retrieving guidance and drafting")
        try:  # a request names its own section unless sections were narrowed here
            report = draft(ctx, retriever, sections=sections if len(sections) < len(SECTIONS) else None, request=request or "")
        except InvalidRequest as err:
            return f"**Problem:** {err}", "", None
        drafted = sum(b.kind == "heading" and b.level == 1 and b.text[:1].isdigit() for b in report.blocks)
        done = f"**Done:** {drafted} section(s), {len(report.sources)} sources."
        return done, to_markdown(report), _save(report, "isf-draft")

    example.click(_example_form, None, fields)
    go.click(run, [*fields, sections, request], [status, preview, download])


def training_tab(retriever: Retriever) -> None:
    """Exercise packs and quizzes, with Word downloads."""
    gr.Markdown("**Exercise** — write the request in your words: an exercise pack (scenario, roles, injects, answer key), "
                "snap situations, a hot-wash/AAR template, a course design with a rubric, or a drafting or proposal workshop.")
    with gr.Row():
        topic = gr.Textbox(label="Request or topic", placeholder="six snap situations (10 minutes each) on which mechanism "
                           "decides", scale=3, elem_id="pa-topic")
        shape = gr.Dropdown(["auto", *SHAPES], value="auto", label="Product")
        minutes = gr.Number(None, label=f"Minutes ({MIN_MINUTES}–{MAX_MINUTES})", info="Blank: the length the request "
                            "states, else 90.", precision=0)
        people = gr.Number(None, label=f"Participants ({MIN_PARTICIPANTS}–{MAX_PARTICIPANTS})", info="Blank: the number "
                           "the request states, else 18.", precision=0)
        country = gr.Textbox("Carana", label="Fictional country")
    asked = gr.Textbox(label="Injects to play (optional, one a line)", lines=2,
                       placeholder="election incident at month 9\nSecurity Council asks for benchmarks")
    build = gr.Button("Build exercise", variant="primary", elem_id="pa-exercise")
    gr.Markdown("**Quiz** — multiple-choice items on reasons, concepts, roles, requirements and cases, with answers and sources.")
    with gr.Row():
        quiz_topic = gr.Textbox(label="Quiz topic", placeholder="integrated strategic framework", scale=3)
        count = gr.Number(10, label=f"Questions (1–{MAX_QUESTIONS})", precision=0)
        sheet = gr.Dropdown(list(SHEETS), value=next(iter(SHEETS)), label="Sheet")
        make_quiz = gr.Button("Build quiz")
    status = gr.Markdown(elem_id="pa-training-status")
    preview = gr.Markdown(elem_id="pa-training-preview")
    download = gr.File(label="Download as Word", interactive=False)

    def run_exercise(topic, shape, minutes, people, country, asked):
        try:
            report = training_product(topic or "", int(minutes) if minutes else None, int(people) if people else None, retriever,
                                      country=country or "Carana", shape=shape or "auto",
                                      injects=[line for line in (asked or "").splitlines() if line.strip()])
        except PlanAssistError as err:  # any error of ours in plain words, never Gradio's red 'Error' badges
            return f"**Problem:** {err}", "", None
        return f"**Done:** {(report.subtitle.split(' · ')[0] or 'report').capitalize()} with {len(report.sources)} sources.", \
            to_markdown(report), _save(report, "exercise")

    def run_quiz(topic, count, sheet):
        try:
            report = quiz(topic or "", int(count or 0), retriever, part=SHEETS.get(sheet, "all"))
        except PlanAssistError as err:  # any error of ours in plain words, never Gradio's red 'Error' badges
            return f"**Problem:** {err}", "", None
        return "**Done:** Quiz ready.", to_markdown(report), _save(report, "quiz")

    build.click(run_exercise, [topic, shape, minutes, people, country, asked], [status, preview, download])
    make_quiz.click(run_quiz, [quiz_topic, count, sheet], [status, preview, download])
