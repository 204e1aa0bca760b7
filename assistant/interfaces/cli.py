"""`planassist`: the command line. Each command is a thin shell over the library functions
that the web app and API call too.

    planassist ingest [PATH...] [--json]
    planassist search QUERY [-k K] [--json]      planassist search --queries FILE --json
    planassist ask QUESTION [--json]             planassist ask --questions FILE --json
    planassist draft --context FILE [--section S] [--length brief|full] [--format md|docx -o OUT]
    planassist exercise --topic T [--minutes N --participants N]    planassist quiz --topic T [-n N] [--format json]
    planassist healthcheck --context FILE [--ratings FILE] [--format md|docx|json -o OUT]
    planassist docs | corpus fetch | chat | eval retrieval | eval answers | eval products | serve
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from assistant.constants import MAX_MINUTES, MAX_PARTICIPANTS, MAX_QUESTIONS, MIN_MINUTES, MIN_PARTICIPANTS
from assistant.errors import ContextError, InvalidRequest
from assistant.settings import get_settings

app = typer.Typer(help="UN Planning Assistant: cited search, answers, ISF drafts and training exercises.", no_args_is_help=True, add_completion=False)
corpus_app = typer.Typer(help="The catalogue of canonical texts.", no_args_is_help=True)
eval_app = typer.Typer(help="Evaluations (retrieval, answers, products).", no_args_is_help=True)
app.add_typer(corpus_app, name="corpus")
app.add_typer(eval_app, name="eval")

JSON_OPT = typer.Option(False, "--json", help="Machine-readable JSON output.")
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
def ingest(paths: Optional[list[Path]] = typer.Argument(None, help="Files or folders (default: the configured corpus)."), as_json: bool = JSON_OPT):
    """Index documents: incremental, crash-safe; folders are synced."""
    from assistant.index.ingest import ingest as run

    report = run(paths or None, settings=get_settings(), progress=not as_json)
    data = report.model_dump(exclude={"doc_ids"})
    if as_json:
        _emit(data)
    else:
        typer.echo(
            f"{report.documents} documents, {report.chunks} chunks: {report.embedded} embedded, "
            f"{report.skipped_unchanged} unchanged, {report.removed} removed, {len(report.failed)} failed ({report.took_ms:.0f} ms)"
        )
        for f in report.failed:
            typer.echo(f"  failed: {f.error}", err=True)


def ensure_index() -> None:
    """Build the index on first use so that every command works on a fresh clone."""
    from assistant.index.retrieve import get_retriever

    retriever = get_retriever()
    if retriever.store.count() == 0:  # only then import ingest and the document loaders
        from assistant.index.library import ensure_index as build

        typer.echo("Building the index of the default corpus (first run)...", err=True)
        build(retriever)


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
    from assistant.answering.answer import answer_question, render_text
    from assistant.index.retrieve import get_retriever

    items = read_questions(questions) if questions else [question or ""]
    if not any(items):
        raise typer.BadParameter("give a QUESTION or --questions FILE")
    ensure_index()
    filters = _filters(doc, doc_type, None, None, current_only)
    for q in items:
        result = answer_question(q, get_retriever(), filters=filters, backend=backend)
        if as_json:
            _emit(result.public())
        else:
            typer.echo(render_text(result) + "\n")


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
        result = conv.ask(line)
        if result.standalone and result.standalone != line:
            typer.echo(f"(searching for: {result.standalone})")
        typer.echo(render_text(result))


@app.command()
def docs(as_json: bool = JSON_OPT):
    """Documents in the index with status, and catalogued canonical texts that are missing."""
    from assistant.index.library import list_catalogue, list_documents
    from assistant.index.retrieve import get_retriever

    ensure_index()
    retriever = get_retriever()
    documents, catalogue = list_documents(retriever), list_catalogue(retriever)
    if as_json:
        _emit({"documents": [d.model_dump() for d in documents], "catalogue": [c.model_dump() for c in catalogue]})
        return
    for d in documents:
        status = d.status if not d.superseded_by else f"superseded by {d.superseded_by}"
        typer.echo(f"{d.id:28} {d.short:22} {d.type:11} {status:10} {d.chunks:5} chunks  {d.title[:70]}")
    missing = [c for c in catalogue if not c.in_index]
    if missing:
        typer.echo("\nCanonical texts catalogued but not in the index (run `planassist corpus fetch` when online):")
        for c in missing:
            typer.echo(f"  {c.short:36} {c.url}")


@corpus_app.command("fetch")
def corpus_fetch(as_json: bool = JSON_OPT, timeout: float = typer.Option(30.0, help="Seconds per download.")):
    """Download catalogued canonical texts (when online), verify them, and ingest them."""
    from assistant.corpus.manifest import FETCHED_DIR, fetch_catalogue
    from assistant.index.ingest import ingest as run

    settings = get_settings()
    results = fetch_catalogue(settings, timeout=timeout)
    report = run([settings.corpus_dir / FETCHED_DIR], settings=settings) if any(r.ok for r in results) else None
    if as_json:
        _emit({"fetched": [r.model_dump() for r in results], "ingest": report.model_dump(exclude={"doc_ids"}) if report else None})
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
def eval_answers(file: Path = typer.Option(Path("evals/answers.jsonl"), "--file"), as_json: bool = JSON_OPT):
    """Key-fact recall, citation precision/recall, support and abstention accuracy."""
    from assistant.evaluate import evaluate_answers, format_table

    ensure_index()
    results = evaluate_answers(file)
    _emit(results) if as_json else typer.echo(format_table(results))


@eval_app.command("products")
def eval_products(as_json: bool = JSON_OPT):
    """Drafts, quizzes and exercise packs: requirement share, context sensitivity, quiz leakage, answer-key support."""
    from assistant.index.retrieve import get_retriever
    from assistant.products.evaluation import evaluate_products, format_products

    ensure_index()
    results = evaluate_products(get_retriever())
    _emit(results) if as_json else typer.echo(format_products(results))


def _write_report(build, fmt: str, output: Optional[Path]) -> None:
    """Build the report on the (ensured) index; Markdown to stdout or a file, Word only to a file."""
    from assistant.products.export import to_docx, to_markdown

    if fmt not in ("md", "docx"):
        raise typer.BadParameter("--format must be md or docx")
    if fmt == "docx" and not output:
        raise typer.BadParameter("--format docx needs -o FILE")
    ensure_index()
    try:
        report = build()
    except InvalidRequest as err:
        raise typer.BadParameter(str(err)) from None
    if fmt == "docx" and output:
        output.write_bytes(to_docx(report))
    elif output:
        output.write_text(to_markdown(report), encoding="utf-8")
    else:
        typer.echo(to_markdown(report))
    if output:
        typer.echo(f"wrote {output} ({len(report.sources)} sources)", err=True)


FORMAT_OPT = typer.Option("md", "--format", help="md or docx.")
OUTPUT_OPT = typer.Option(None, "-o", "--output", help="Output file (required for docx).")
BACKEND_OPT = typer.Option("auto", help="extractive, llm or auto (llm when configured).")


@app.command()
def draft(
    context: Path = typer.Option(..., "--context", help="Planning context, YAML or JSON (see examples/carana.yaml)."),
    section: list[str] = typer.Option(["all"], "--section", help="Section key or 'all' (repeatable)."),
    fmt: str = FORMAT_OPT,
    output: Optional[Path] = OUTPUT_OPT,
    backend: str = BACKEND_OPT,
    length: str = typer.Option("full", "--length", help="brief (2 guidance statements a section, sources unquoted) or full."),
):
    """First-pass ISF sections for your context, each tied to the cited policy behind it."""
    from assistant.index.retrieve import get_retriever
    from assistant.products.context import load_context
    from assistant.products.draft import draft as make_draft

    try:
        ctx = load_context(context)
    except ContextError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(2) from None
    _write_report(lambda: make_draft(ctx, get_retriever(), sections=section, backend=backend, length=length), fmt, output)


@app.command()
def exercise(
    topic: str = typer.Option(..., "--topic", help="What the exercise is about."),
    minutes: int = typer.Option(90, "--minutes", help=f"Minutes ({MIN_MINUTES}-{MAX_MINUTES}; 960 = two days)."),
    participants: int = typer.Option(18, "--participants", help=f"Number of participants ({MIN_PARTICIPANTS}-{MAX_PARTICIPANTS})."),
    country: str = typer.Option("Carana", "--country", help="Fictional country of the scenario."),
    fmt: str = FORMAT_OPT,
    output: Optional[Path] = OUTPUT_OPT,
    backend: str = BACKEND_OPT,
    context: Optional[Path] = typer.Option(None, "--context", help="Planning context to build the scenario from (YAML/JSON)."),
):
    """A joint-training exercise pack by topic (transition, humanitarian space, elections, protection of civilians,
    mandate renewal, budget cuts, joint analysis, crisis response), 45 minutes to two days (960)."""
    from assistant.index.retrieve import get_retriever
    from assistant.products.context import ContextError, load_context
    from assistant.products.exercise import exercise as make_exercise

    try:
        ctx = load_context(context) if context else None
    except ContextError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(2) from None
    _write_report(lambda: make_exercise(topic, minutes, participants, get_retriever(), backend=backend, country=country,
                                        context=ctx), fmt, output)


@app.command()
def quiz(
    topic: str = typer.Option(..., "--topic", help="What the quiz checks."),
    count: int = typer.Option(10, "-n", "--count", help=f"Number of questions (1-{MAX_QUESTIONS})."),
    fmt: str = typer.Option("md", "--format", help="md, docx, or json (one {stem, options, answer, citation} object a line)."),
    output: Optional[Path] = OUTPUT_OPT,
    difficulty: str = typer.Option("mixed", "--difficulty", help="easy, medium, hard or mixed."),
):
    """Multiple-choice items on concepts, roles, requirements and cases, each with its source."""
    from assistant.index.retrieve import get_retriever
    from assistant.products.quiz import quiz as make_quiz
    from assistant.products.quiz import quiz_items

    if fmt == "json":
        ensure_index()
        try:
            items, _ = quiz_items(topic, count, get_retriever(), difficulty)
        except InvalidRequest as err:
            raise typer.BadParameter(str(err)) from None
        for item in items:
            _emit(item.public())
        return
    _write_report(lambda: make_quiz(topic, count, get_retriever(), difficulty), fmt, output)


@app.command()
def healthcheck(
    context: Path = typer.Option(..., "--context", help="Planning context, YAML or JSON (see examples/carana.yaml)."),
    ratings: Optional[Path] = typer.Option(None, "--ratings", help="Team ratings, YAML/JSON (examples/carana-ratings.yaml)."),
    fmt: str = typer.Option("md", "--format", help="md, docx or json."),
    output: Optional[Path] = OUTPUT_OPT,
):
    """Integration health check: cited key performance questions for your context; with --ratings, the rated report."""
    from assistant.errors import RatingError
    from assistant.index.retrieve import get_retriever
    from assistant.products.context import load_context
    from assistant.products.healthcheck import health_report, question_ids
    from assistant.products.healthcheck import healthcheck as make_check
    from assistant.products.ratings import parse_ratings, read_ratings

    if fmt not in ("md", "docx", "json"):
        raise typer.BadParameter("--format must be md, docx or json")
    try:
        ctx = load_context(context)
        raw = read_ratings(ratings) if ratings else None
        parse_ratings(raw, question_ids(ctx))
    except (ContextError, RatingError) as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(2) from None
    if fmt != "json":
        _write_report(lambda: health_report(make_check(ctx, get_retriever(), raw)), fmt, output)
        return
    ensure_index()
    data = json.dumps(make_check(ctx, get_retriever(), raw).public(), ensure_ascii=False, indent=1)
    if output:
        output.write_text(data, encoding="utf-8")
        typer.echo(f"wrote {output}", err=True)
    else:
        typer.echo(data)


@app.command()
def serve(host: Optional[str] = typer.Option(None), port: Optional[int] = typer.Option(None)):
    """Start the web app (API + Gradio UI)."""
    from assistant.interfaces.web import run

    run(host=host, port=port)


def main() -> None:
    """Console-script entry point."""
    app()
