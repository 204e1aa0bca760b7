"""The Gradio interface: Ask, Library and Glossary tabs; Draft and Training in ui_products.py, Health check in healthcheck_ui.py.

A thin shell: every action calls the same library functions as the CLI and the API.
Sources are rendered as expandable blocks (title, locator, quoted passage, and the
surrounding text on demand); unsupported sentences and abstentions are marked as such.
"""

from __future__ import annotations

import html
import tempfile
from pathlib import Path

import gradio as gr

from assistant.answering.answer import Answer
from assistant.answering.conversation import Conversation
from assistant.answering.llm import llm_configured
from assistant.citation import NOT_COVERED, UNDERSTOOD_PREFIX
from assistant.errors import IndexWriteError, LoadError, NotDeletable, NotFound
from assistant.index.library import add_upload, delete_document, list_catalogue, list_documents
from assistant.index.retrieve import Filters, Retriever
from assistant.interfaces.healthcheck_ui import healthcheck_tab
from assistant.interfaces.security import is_user_upload
from assistant.interfaces.ui_products import draft_tab, training_tab
from assistant.interfaces.ui_render import highlight, library_notice, md_text, page_label, telling_apart
from assistant.products.export import answer_report, to_docx, to_markdown

EMPTY_QUESTION = "Type a question first, for example: What must an Integrated Strategic Framework contain?"
INTRO = """### UN Planning Assistant
Answers on UN integrated planning, quoted from the policy corpus and cited by document and paragraph.
Every sentence carries its source; when the corpus does not cover a question, it says so."""


def sources_html(answer: Answer, retriever: Retriever) -> str:
    """Each source as an expandable block: label and title; quote; surrounding passages."""
    if not answer.citations:
        return ""
    title = "Nearest sources (none answers the question)" if answer.abstained else "Sources"
    parts = [f"<div class='pa-sources'><h4>{title}</h4>"]
    apart = telling_apart(answer.citations)
    for c in answer.citations:
        around = retriever.neighbours(c.chunk_id)
        quoted = [s.text for s in answer.sentences if c.n in s.citations]  # the sentences the answer took from it
        context = "".join(
            f"<p class='pa-cited'>{highlight(r.text, quoted)}</p>" if r.id == c.chunk_id
            else f"<p class='pa-context'>{html.escape(r.text)}</p>" for r in around
        )
        cited = next((r for r in around if r.id == c.chunk_id), None)
        page = page_label(cited.meta.page_start, cited.meta.page_end) if cited else ""
        superseded = f" <em>(superseded by {html.escape(c.superseded_by)})</em>" if c.superseded_by else ""
        superseded = (f" <span class='pa-type'>({html.escape(c.source_type)})</span>" if c.source_type else "") + superseded
        parts.append(
            f"<details class='pa-source'><summary><b>[{c.n}] {html.escape(c.short)}, "
            f"<span class='pa-locator'>{html.escape(c.locator)}{page}{apart.get(c.n, '')}</span></b>"
            f" — {html.escape(c.title)}{superseded}</summary>"
            f"<blockquote>{highlight(c.quote, quoted)}</blockquote>"
            f"<details><summary>Read in context</summary>{context}</details></details>"
        )
    parts.append("</div>")
    return "".join(parts)


def answer_markdown(answer: Answer) -> str:
    """The chat message: answer with [n] markers, flags and notes; corpus text shown as text, never markup.

    The sources are listed once, in the panel under the chat.
    """
    understood, text = "", answer.answer
    if text.startswith(UNDERSTOOD_PREFIX):  # a follow-up as it was understood: its own paragraph, in italics
        line, text = text.split("\n", 1)
        understood = f"*{md_text(line)}*\n\n"
    if text == NOT_COVERED:
        body = f"**{NOT_COVERED}**"
    else:
        body = md_text(text).replace(r" \(unsupported\)", " *(unsupported)*")
    return understood + body + "".join(f"\n\n> {md_text(n)}" for n in answer.notes)


def _export_files(answer: Answer) -> tuple[str, str]:
    folder = Path(tempfile.mkdtemp(prefix="planassist-answer-"))
    report = answer_report(answer)
    md, docx = folder / "answer.md", folder / "answer.docx"
    md.write_text(to_markdown(report), encoding="utf-8")
    docx.write_bytes(to_docx(report))
    return str(md), str(docx)


def _filters(docs: list[str] | None, types: list[str] | None, current_only: bool) -> Filters:
    return Filters(doc_ids=docs or None, types=types or None, current_only=bool(current_only))


def ask_tab(retriever: Retriever) -> list:
    """The chat: questions with follow-ups, streamed answers, sources to read in context, filters, export."""
    documents = list_documents(retriever)
    with gr.Row():
        with gr.Column(scale=3):
            chatbot = gr.Chatbot(label="Conversation", height=460, elem_id="pa-chat", buttons=["copy", "copy_all"],
                                 autoscroll=False)  # JS pins the newest question to the top instead
            with gr.Row():
                question = gr.Textbox(placeholder="e.g. What must an Integrated Strategic Framework contain?",
                                      show_label=False, scale=5, elem_id="pa-question", lines=1)
                send = gr.Button("Ask", variant="primary", scale=1, elem_id="pa-ask")
            sources = gr.HTML(elem_id="pa-sources")
            with gr.Row():
                md_file = gr.File(label="Answer as Markdown", interactive=False)
                docx_file = gr.File(label="Answer as Word", interactive=False)
            clear = gr.Button("New conversation", size="sm")
        with gr.Column(scale=1):
            notice = gr.Markdown(library_notice(list_catalogue(retriever)), elem_id="pa-library-notice")
            gr.Markdown("**Filters**")
            doc_filter = gr.Dropdown(choices=[(f"{d.short} — {d.title[:50]}", d.id) for d in documents], multiselect=True,
                                     label="Documents")
            type_filter = gr.Dropdown(choices=sorted({d.type for d in documents}), multiselect=True, label="Types")
            current_only = gr.Checkbox(label="Current documents only")
            backend = gr.Radio(["auto", "extractive", "llm"], value="auto", label="Answer backend",
                               visible=llm_configured(retriever.settings))
    turns = gr.State([])

    def respond(message, history, turns, docs, types, current, backend):
        message = (message or "").strip()
        if not message:  # said where the sources go: a click that does nothing looks broken
            yield history, turns, f'<p class="pa-empty">{EMPTY_QUESTION}</p>', None, None, ""
            return
        conversation = Conversation(retriever, backend=backend or "auto", filters=_filters(docs, types, current), turns=turns)
        history = history + [{"role": "user", "content": message}, {"role": "assistant", "content": ""}]
        text = ""
        for event in conversation.stream(message):
            if isinstance(event, Answer):
                history[-1]["content"] = answer_markdown(event)
                md, docx = _export_files(event)
                yield history, conversation.turns, sources_html(event, retriever), md, docx, ""
            else:
                text += event
                history[-1]["content"] = md_text(text)
                yield history, turns, gr.update(), None, None, ""

    inputs = [question, chatbot, turns, doc_filter, type_filter, current_only, backend]
    outputs = [chatbot, turns, sources, md_file, docx_file, question]
    send.click(respond, inputs, outputs)
    question.submit(respond, inputs, outputs)
    clear.click(lambda: ([], [], "", None, None), None, [chatbot, turns, sources, md_file, docx_file])
    return [doc_filter, type_filter, notice]


def ask_lists(retriever: Retriever) -> list:
    """Fresh choices for the Ask tab's filters and its library notice (run on every page load)."""
    documents = list_documents(retriever)
    return [gr.update(choices=[(f"{d.short} — {d.title[:50]}", d.id) for d in documents]),
            gr.update(choices=sorted({d.type for d in documents})), library_notice(list_catalogue(retriever))]


def _documents_table(retriever: Retriever) -> list[list]:
    return [[d.id, d.short, d.title, d.type, d.status if not d.superseded_by else f"superseded by {d.superseded_by}",
             d.chunks, d.origin] for d in list_documents(retriever)]


def _catalogue_md(retriever: Retriever) -> str:
    missing = [c for c in list_catalogue(retriever) if not c.in_index]
    if not missing:
        return "All catalogued canonical texts are in the index."
    rows = "\n".join(f"- **{c.short}** — {c.title} ({c.symbol or 'no symbol'}; id `{c.id}`): [{c.url}]({c.url})"
                     for c in missing)
    return ("**Canonical texts not on this machine** — an administrator fetches them with `planassist corpus fetch` "
            "when online, or saves the official PDF as `corpus/fetched/<id>.pdf` and runs `planassist ingest` "
            "(an upload here stays a user document):\n" + rows)


def _uploads(retriever: Retriever) -> list[tuple[str, str]]:
    return [(f"{d.title} ({d.id})", d.id) for d in list_documents(retriever) if d.origin == "upload"]


def library_tab(retriever: Retriever) -> list:
    """The documents in the index, the canonical texts missing, upload and delete."""
    table = gr.Dataframe(value=_documents_table(retriever), headers=["id", "cite as", "title", "type", "status", "chunks",
                                                                     "origin"],
                         interactive=False, wrap=True, elem_id="pa-library",
                         column_widths=["14%", "12%", "34%", "9%", "13%", "7%", "11%"])
    catalogue = gr.Markdown(_catalogue_md(retriever))
    with gr.Row():
        # No file_types filter: the browser would refuse an .exe with a bare pop-up; the server says why.
        upload = gr.File(label="Add a document (PDF, DOCX, HTML, Markdown, text)", elem_id="pa-upload")
        with gr.Column():
            add = gr.Button("Add to library", variant="primary", elem_id="pa-add")
            status = gr.Markdown(elem_id="pa-upload-status")
    with gr.Row():
        to_delete = gr.Dropdown(choices=_uploads(retriever), label="Your uploaded documents")
        delete = gr.Button("Delete document", variant="stop")

    def add_file(path, progress=gr.Progress()):
        if not path:
            return gr.update(), gr.update(), "Choose a file first.", gr.update()
        if not is_user_upload(path):  # a crafted payload naming a server file
            return gr.update(), gr.update(), "Upload the file from your computer.", gr.update()
        progress(0.1, desc="Reading the file")
        name = Path(path).name
        try:
            progress(0.3, desc="Chunking and embedding")
            report = add_upload(retriever, name, Path(path).read_bytes())
        except (LoadError, IndexWriteError) as err:
            return gr.update(), gr.update(), f"**Problem:** {err}", gr.update()
        progress(1.0)
        if report.failed:
            message = f"**Problem:** {report.failed[0].error}"
        else:
            message = f"**Done:** Added **{name}**: {report.chunks} passages ({report.embedded} new)."
        return _documents_table(retriever), _catalogue_md(retriever), message, gr.update(choices=_uploads(retriever))

    def remove(doc_id):
        if not doc_id:
            return gr.update(), "Choose an uploaded document.", gr.update()
        try:
            n = delete_document(retriever, doc_id)
        except (NotFound, NotDeletable) as err:
            return gr.update(), f"**Problem:** {err}", gr.update()
        return _documents_table(retriever), f"Deleted {doc_id} ({n} passages).", gr.update(choices=_uploads(retriever),
                                                                                           value=None)

    add.click(add_file, [upload], [table, catalogue, status, to_delete], show_progress_on=[status])
    delete.click(remove, [to_delete], [table, status, to_delete], show_progress_on=[status])
    return [table, catalogue, to_delete]


def library_lists(retriever: Retriever) -> list:
    """Fresh table, catalogue and delete choices for the Library tab (run on every page load)."""
    return [_documents_table(retriever), _catalogue_md(retriever), gr.update(choices=_uploads(retriever), value=None)]


def glossary_tab(retriever: Retriever) -> None:
    """The glossary, searchable."""
    def rows(text: str = "") -> list[list[str]]:
        return [[t.term, t.expansion, t.definition] for t in retriever.glossary.search(text or "")]

    box = gr.Textbox(label="Search terms and acronyms", placeholder="e.g. DSRSG, integrated assessment")
    table = gr.Dataframe(value=rows(), headers=["term", "stands for", "meaning"], interactive=False, wrap=True,
                         column_widths=["14%", "26%", "60%"], elem_id="pa-glossary")
    box.change(rows, [box], [table])


CSS = """
.pa-source { border: 1px solid var(--border-color-primary); border-radius: 6px; padding: 6px 10px; margin: 6px 0; }
.pa-source blockquote { margin: 6px 0; padding-left: 10px; border-left: 3px solid #009edb; }
.pa-context { color: var(--body-text-color-subdued); font-size: 0.92em; }
.pa-cited { background: rgba(0, 158, 219, 0.08); }
.pa-quote { background: #ffe58a; color: inherit; padding: 0 2px; border-radius: 2px; }
"""


# Gradio's autoscroll keeps the chat at its bottom, so a long answer was read from its end (or its notes)
# and its start was out of view. Instead the newest question is brought to the top of the chat as the
# answer streams in below it (until it is there, or the reader scrolls).
JS = """() => {
  let seen = 0, target = null;
  const wrap = () => document.querySelector('#pa-chat .bubble-wrap');
  ['wheel', 'touchmove', 'keydown'].forEach(e => document.addEventListener(e, () => { target = null; }, {passive: true}));
  new MutationObserver(() => {
    const box = wrap();
    const rows = box ? box.querySelectorAll('.user-row') : [];
    if (rows.length !== seen) { seen = rows.length; target = rows[rows.length - 1] || null; }
    if (!target || !target.isConnected) return;
    const gap = () => target.getBoundingClientRect().top - box.getBoundingClientRect().top - 36;  // under the label
    if (Math.abs(gap()) > 1) box.scrollTop += gap();
    if (Math.abs(gap()) <= 1) target = null;
  }).observe(document.body, {childList: true, subtree: true, characterData: true});
}"""


def theme() -> gr.themes.Base:
    """The default look with system fonts: the stock theme would fetch web fonts from the internet."""
    return gr.themes.Default(primary_hue="sky", font=[gr.themes.Font("system-ui"), "sans-serif"],
                             font_mono=[gr.themes.Font("ui-monospace"), "monospace"])


def build_ui(retriever: Retriever) -> gr.Blocks:
    """The whole interface."""
    with gr.Blocks(title="UN Planning Assistant", analytics_enabled=False) as ui:
        gr.Markdown(INTRO)
        with gr.Tabs():
            with gr.Tab("Ask", id="ask"):
                ask_state = ask_tab(retriever)
            with gr.Tab("Draft", id="draft"):
                draft_tab(retriever)
            with gr.Tab("Training", id="training"):
                training_tab(retriever)
            with gr.Tab("Health check", id="healthcheck"):
                healthcheck_tab(retriever)
            with gr.Tab("Library", id="library"):
                library_state = library_tab(retriever)
            with gr.Tab("Glossary", id="glossary"):
                glossary_tab(retriever)
        # Lists that change on the server (uploads, deletes, CLI ingests) are read on every page load.
        ui.load(lambda: ask_lists(retriever) + library_lists(retriever), None, ask_state + library_state,
                show_progress="hidden")
    return ui
