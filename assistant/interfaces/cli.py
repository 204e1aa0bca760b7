"""`planassist`: the command line. Each command is a thin shell over the library functions
that the web app and API call too.

    planassist ingest [PATH...] [--json]
    planassist search QUERY [-k K] [--json]      planassist search --queries FILE --json
    planassist ask QUESTION [--json]             planassist ask --questions FILE --json
    planassist draft --context FILE [--section S] [--request TEXT] [--length brief|full] [--format md|docx -o OUT]
    planassist exercise --topic T [--minutes N --participants N]    planassist quiz --topic T [-n N] [--format json]
    planassist healthcheck --context FILE [--ratings FILE] [--format md|docx|json -o OUT]
    planassist docs | corpus fetch | chat | eval retrieval | eval answers [--backend llm --limit N] | eval products | serve
    planassist models list | install NAME | verify
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from assistant.interfaces.cli_models import models_app
from assistant.interfaces.cli_reports import ensure_index, reports
from assistant.settings import get_settings

app = typer.Typer(help="UN Planning Assistant: cited search, answers, ISF drafts and training exercises.", no_args_is_help=True,
                  add_completion=False)
corpus_app = typer.Typer(help="The catalogue of canonical texts.", no_args_is_help=True)
eval_app = typer.Typer(help="Evaluations (retrieval, answers, products).", no_args_is_help=True)
app.add_typer(corpus_app, name="corpus")
app.add_typer(eval_app, name="eval")
app.add_typer(models_app, name="models")

JSON_OPT = typer.Option(False, "--json", help="Machine-readable JSON output.")
EXIT_PARTIAL = 3  # `planassist ingest`: some files failed, the rest is indexed (1 would mean it crashed)
K_OPT = typer.Option(None, "-k", help="Number of results.")


def _emit(obj) -> None:
    typer.echo(json.dumps(obj, ensure_ascii=False))


def read_questions(path: Path) -> list[str]:
    """JSONL with a 'question' (or 'query') field per line, or plain lines."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("{"):
            row = json.loads(line)
            out.append(row.get("question") or row.get("query") or "")
        else:
            out.append(line)
    return [q for q in out if q]


@app.command()
def ingest(paths: Optional[list[Path]] = typer.Argument(None, help="Files or folders (default: the configured corpus)."),
           as_json: bool = JSON_OPT):
    """Index documents: incremental, crash-safe; folders are synced."""
    from assistant.index.ingest import ingest as run

    report = run(paths or None, settings=get_settings(), progress=not as_json)
    data = report.model_dump(exclude={"doc_ids"})
    if as_json:
        _emit(data)
    else:
        typer.echo(
            f"{report.documents} documents, {report.chunks} chunks: {report.embedded} embedded, "
            f"{report.skipped_unchanged} unchanged, {report.removed} removed, {len(report.failed)} failed ({report.took_ms:.0f} "
            f"ms)"
        )
        for f in report.failed:
            typer.echo(f"  failed: {f.error}", err=True)
    if report.failed:
        raise typer.Exit(EXIT_PARTIAL)


def _filters(doc: list[str] | None, doc_type: list[str] | None, year_from: int | None, year_to: int | None, current_only: bool):
    from assistant.index.retrieve import Filters

    return Filters(doc_ids=doc or None, types=doc_type or None, year_from=year_from, year_to=year_to, current_only=current_only)


@app.command()
def search(
    query: Optional[str] = typer.Argument(None),
    queries: Optional[Path] = typer.Option(None, "--queries", help="JSONL ('question' field) or plain lines."),
    k: Optional[int] = K_OPT,
    doc: Optional[list[str]] = typer.Option(None, "--doc", help="Only this document id (repeatable)."),
    doc_type: Optional[list[str]] = typer.Option(None, "--type", help="Only this type (repeatable)."),
    year_from: Optional[int] = typer.Option(None, "--from"),
    year_to: Optional[int] = typer.Option(None, "--to"),
    current_only: bool = typer.Option(False, "--current-only"),
    mode: str = typer.Option("hybrid", help="hybrid, dense or lexical."),
    as_json: bool = JSON_OPT,
):
    """Find passages, with citation locators."""
    from assistant.index.retrieve import SearchResponse, get_retriever

    items = read_questions(queries) if queries else [query or ""]
    if not any(items):
        raise typer.BadParameter("give a QUERY or --queries FILE")
    ensure_index()
    retriever = get_retriever()
    filters = _filters(doc, doc_type, year_from, year_to, current_only)
    for q in items:
        hits, took = retriever.timed_search(q, k=k, filters=filters, mode=mode)
        if as_json:
            _emit(SearchResponse(query=q, took_ms=took, results=list(hits)).model_dump())
            continue
        typer.echo(f"\n{q}  ({took:.1f} ms)")
        for h in hits:
            typer.echo(f"  [{h.rank}] {h.label} — {h.title}")
            typer.echo(f"      {h.text[:300]}{'…' if len(h.text) > 300 else ''}")


@app.command()
def ask(
    question: Optional[str] = typer.Argument(None),
    questions: Optional[Path] = typer.Option(None, "--questions", help="JSONL ('question' field) or plain lines."),
    doc: Optional[list[str]] = typer.Option(None, "--doc"),
    doc_type: Optional[list[str]] = typer.Option(None, "--type"),
    current_only: bool = typer.Option(False, "--current-only"),
    backend: str = typer.Option("auto", help="extractive, llm or auto (llm when configured)."),
    as_json: bool = JSON_OPT,
):
    """Answer from the corpus with cited, verified sentences — or say it is not covered."""
    from assistant.answering.answer import answer_question, answer_stream, render_text, resolve_backend
    from assistant.index.retrieve import get_retriever

    items = read_questions(questions) if questions else [question or ""]
    if not any(items):
        raise typer.BadParameter("give a QUESTION or --questions FILE")
    ensure_index()
    filters = _filters(doc, doc_type, None, None, current_only)
    for q in items:
        if as_json or resolve_backend(backend, get_retriever()) != "llm":
            result = answer_question(q, get_retriever(), filters=filters, backend=backend)
        else:  # the model's words appear as they come (on stderr); the verified answer follows on stdout
            result = _stream_to_stderr(answer_stream(q, get_retriever(), filters=filters, backend=backend))
        if as_json:
            _emit(result.public())
        else:
            typer.echo(render_text(result) + "\n")


def _stream_to_stderr(events):
    """Echo streamed text to stderr and return the final Answer."""
    result = None
    for event in events:
        if isinstance(event, str):
            typer.echo(event, err=True, nl=False)
        else:
            result = event
    typer.echo("\n--- verified answer ---", err=True)
    return result


@app.command()
def chat(backend: str = typer.Option("auto", help="extractive, llm or auto.")):
    """Conversation in the terminal; follow-up questions keep their context."""
    from assistant.answering.answer import render_text
    from assistant.answering.conversation import Conversation
    from assistant.index.retrieve import get_retriever

    ensure_index()
    conv = Conversation(get_retriever(), backend=backend)
    typer.echo("UN Planning Assistant — ask about UN integrated planning. Empty line or Ctrl-D to quit.")
    while True:
        try:
            line = input("\nyou> ").strip()
        except (EOFError, KeyboardInterrupt):
            break
        if not line:
            break
        if not sys.stdin.isatty():  # piped questions are not echoed by a terminal: show each on its prompt line
            typer.echo(line)
        typer.echo(render_text(conv.ask(line)))  # a rewritten follow-up opens with 'Answering: <standalone question>'


@app.command()
def docs(as_json: bool = JSON_OPT, quality: bool = typer.Option(False, "--quality", help="Text-quality defects per document.")):
    """Documents in the index with status, and catalogued canonical texts that are missing."""
    from assistant.index.library import list_catalogue, list_documents
    from assistant.index.retrieve import get_retriever

    ensure_index()
    retriever = get_retriever()
    if quality:
        _quality(retriever, as_json)
        return
    documents, catalogue = list_documents(retriever), list_catalogue(retriever)
    if as_json:
        _emit({"documents": [d.model_dump() for d in documents], "catalogue": [c.model_dump() for c in catalogue]})
        return
    for d in documents:
        status = d.status if not d.superseded_by else f"superseded by {d.superseded_by}"
        typer.echo(f"{d.id:28} {d.short:22} {d.type:11} {status:10} {d.chunks:5} chunks  {d.title[:70]}")
    missing = [c for c in catalogue if not c.in_index]
    if missing:
        typer.echo(f"\nLibrary status: {len(missing)} catalogued canonical texts are not in the library; answers that "
                   "depend on them say so:")
        for c in missing:
            typer.echo(f"  {c.short:36} {c.url}")
        typer.echo("To add them: `planassist corpus fetch` when online, or download each official PDF into "
                   f"{get_settings().corpus_dir / 'fetched'}/<id>.pdf (ids: `planassist docs --json`) and run "
                   "`planassist ingest`. (An upload in the web app stays a user document, never the canonical text.)")


def _quality(retriever, as_json: bool) -> None:
    """Print split/glued words, spliced footnotes, odd sentences and OCR pages for each document."""
    from assistant.index.library import document_quality

    report = document_quality(retriever)
    if as_json:
        _emit({"documents": [q.model_dump() | {"defects": q.defects} for q in report],
               "defects": sum(q.defects for q in report)})
        return
    typer.echo(f"{'document':34} {'split':>5} {'glued':>5} {'spliced':>7} {'long':>4} {'short':>5} {'notes':>5} {'ocr pp':>6}")
    for q in report:
        typer.echo(f"{q.doc_id[:34]:34} {q.split_words:5} {q.glued_words:5} {q.spliced_footnotes:7} {q.long_sentences:4} "
                   f"{q.short_sentences:5} {q.footnotes:5} {q.ocr_pages:6}")
        for example in q.examples if q.defects else []:
            typer.echo(f"    {example[:120]}")
    typer.echo(f"\n{sum(q.defects for q in report)} split/glued words and spliced footnotes in {len(report)} documents")


@corpus_app.command("fetch")
def corpus_fetch(as_json: bool = JSON_OPT, timeout: float = typer.Option(30.0, help="Seconds per download.")):
    """Download catalogued canonical texts (when online), verify them, and ingest them."""
    from assistant.corpus.manifest import FETCHED_DIR, fetch_catalogue
    from assistant.index.ingest import ingest as run

    settings = get_settings()
    results = fetch_catalogue(settings, timeout=timeout)
    report = run([settings.corpus_dir / FETCHED_DIR], settings=settings) if any(r.ok for r in results) else None
    if as_json:
        _emit({"fetched": [r.model_dump() for r in results],
               "ingest": report.model_dump(exclude={"doc_ids"}) if report else None})
    else:
        for r in results:
            typer.echo(f"{'ok    ' if r.ok else 'FAILED'} {r.id:20} {r.path or r.error}")
    if not any(r.ok for r in results):
        raise typer.Exit(1)


@eval_app.command("retrieval")
def eval_retrieval(
    file: Path = typer.Option(Path("evals/retrieval.jsonl"), "--file"),
    as_json: bool = JSON_OPT,
    chunk_chars: Optional[int] = typer.Option(None, help="Rebuild a temporary index with this chunk size first."),
):
    """Recall@1/5/10 and MRR for dense, BM25 and hybrid retrieval."""
    from assistant.evaluate import evaluate_retrieval, format_table

    ensure_index()
    results = evaluate_retrieval(file, chunk_chars=chunk_chars)
    _emit(results) if as_json else typer.echo(format_table(results))


@eval_app.command("answers")
def eval_answers(
    file: Path = typer.Option(Path("evals/answers.jsonl"), "--file"),
    as_json: bool = JSON_OPT,
    backend: str = typer.Option("extractive", help="extractive or llm (llm also reruns extractive on the same questions)."),
    limit: Optional[int] = typer.Option(None, "--limit", help="Evaluate an evenly spaced sample of N questions."),
):
    """Key-fact recall, citation precision/recall, support, abstention accuracy and latency."""
    from assistant.evaluate import evaluate_answers, format_table

    ensure_index()
    results = evaluate_answers(file, backend=backend, limit=limit, progress=backend == "llm")
    if backend == "llm":
        results = {"llm": results, "extractive": evaluate_answers(file, backend="extractive", limit=limit)}
    _emit(results) if as_json else typer.echo(format_table(results))


@eval_app.command("products")
def eval_products(as_json: bool = JSON_OPT):
    """Drafts, quizzes and exercise packs: requirement share, context sensitivity, quiz leakage, answer-key support."""
    from assistant.index.retrieve import get_retriever
    from assistant.products.evaluation import evaluate_products, format_products

    ensure_index()
    results = evaluate_products(get_retriever())
    _emit(results) if as_json else typer.echo(format_products(results))


@app.command()
def serve(host: Optional[str] = typer.Option(None), port: Optional[int] = typer.Option(None)):
    """Start the web app (API + Gradio UI)."""
    from assistant.interfaces.web import run

    run(host=host, port=port)


app.registered_commands += reports.registered_commands  # draft, exercise, quiz, healthcheck (cli_reports.py)


def main() -> None:
    """Console-script entry point: the product's own errors as one line on stderr, never a traceback."""
    from assistant.errors import PlanAssistError

    try:
        app()
    except PlanAssistError as err:
        typer.echo(f"error: {err}", err=True)
        raise SystemExit(1) from None
