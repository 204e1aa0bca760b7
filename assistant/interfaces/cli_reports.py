"""The `planassist` commands that write reports: draft, exercise, quiz and healthcheck (Markdown or Word).

Registered on the main app in :mod:`assistant.interfaces.cli`; like every command, thin shells over
the library functions the API and the UI call too.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from assistant.constants import MAX_MINUTES, MAX_PARTICIPANTS, MAX_QUESTIONS, MIN_MINUTES, MIN_PARTICIPANTS
from assistant.errors import ContextError, InvalidRequest

reports = typer.Typer()


def ensure_index() -> None:
    """Build the index on first use so that every command works on a fresh clone."""
    from assistant.index.retrieve import get_retriever

    retriever = get_retriever()
    if retriever.store.count() == 0:  # only then import ingest and the document loaders
        from assistant.index.library import ensure_index as build

        typer.echo("Building the index of the default corpus (first run)...", err=True)
        build(retriever)


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


@reports.command()
def draft(
    context: Path = typer.Option(..., "--context", help="Planning context, YAML or JSON (see examples/carana.yaml)."),
    section: list[str] = typer.Option(["all"], "--section", help="Section key or 'all' (repeatable)."),
    fmt: str = FORMAT_OPT,
    output: Optional[Path] = OUTPUT_OPT,
    backend: str = BACKEND_OPT,
    length: str = typer.Option("full", "--length", help="brief (about 8 pages, sources by label) or full."),
    request: str = typer.Option("", "--request", help="What you ask for, in words: the section, a priority, indicators, "
                                                      "reporting cadence, mechanisms, a length limit."),
):
    """First-pass ISF sections for your context, each tied to the cited policy behind it; --request shapes them."""
    from assistant.index.retrieve import get_retriever
    from assistant.products.context import load_context
    from assistant.products.draft import draft as make_draft

    try:
        ctx = load_context(context)
    except ContextError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(2) from None
    _write_report(lambda: make_draft(ctx, get_retriever(), sections=section, backend=backend, length=length,
                                     request=request), fmt, output)


@reports.command()
def exercise(
    topic: str = typer.Option(..., "--topic", help="The request in your words, or what the exercise is about."),
    minutes: Optional[int] = typer.Option(None, "--minutes", help=f"Minutes ({MIN_MINUTES}-{MAX_MINUTES}; 960 = two days); "
                                                                   "default: the length the request states, else 90."),
    participants: Optional[int] = typer.Option(None, "--participants", help=f"Number of participants ({MIN_PARTICIPANTS}-"
                                               f"{MAX_PARTICIPANTS}); default: the number the request states, else 18."),
    country: str = typer.Option("Carana", "--country", help="Fictional country of the scenario."),
    fmt: str = FORMAT_OPT,
    output: Optional[Path] = OUTPUT_OPT,
    backend: str = BACKEND_OPT,
    context: Optional[Path] = typer.Option(None, "--context", help="Planning context to build the scenario from (YAML/JSON)."),
    inject: Optional[list[str]] = typer.Option(None, "--inject", help="An event to play, e.g. 'election incident at month 9' "
                                                                     "(repeatable)."),
    shape: str = typer.Option("auto", "--shape", help="pack, drill, aar, course, workshop, proposal or quiz; "
                                                      "auto: recognised from the request."),
):
    """A training product in the shape the request asks for: an exercise pack by topic (transition, humanitarian space,
    elections, protection of civilians, mandate renewal, budget cuts, joint analysis, crisis response, host government),
    a snap-situation drill, a hot-wash and AAR template, a course design with a rubric, a drafting workshop or a proposal
    exercise. The numbers in the request (six situations, 10 minutes each, half-day, 3-day, groups of 5-8) are kept."""
    from assistant.index.retrieve import get_retriever
    from assistant.products.context import load_context
    from assistant.products.exercise_product import training_product

    try:
        ctx = load_context(context) if context else None
    except ContextError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(2) from None
    _write_report(lambda: training_product(topic, minutes, participants, get_retriever(), backend=backend, country=country,
                                           context=ctx, injects=inject or [], shape=shape), fmt, output)


@reports.command()
def quiz(
    topic: str = typer.Option(..., "--topic", help="What the quiz checks."),
    count: Optional[int] = typer.Option(None, "-n", "--count", help=f"Number of questions (1-{MAX_QUESTIONS}); default: the "
                                        "number the topic states ('a 20-question quiz'), else 10."),
    fmt: str = typer.Option("md", "--format", help="md, docx, or json (one {stem, options, answer, citation} object a line)."),
    output: Optional[Path] = OUTPUT_OPT,
    difficulty: str = typer.Option("mixed", "--difficulty", help="easy, medium, hard or mixed."),
    part: str = typer.Option("all", "--part", help="all; questions (the participant copy, no answers); key (answers, sources)."),
):
    """Multiple-choice items on reasons (why, what for), concepts, roles, requirements and cases, each with its source."""
    from assistant.index.retrieve import get_retriever
    from assistant.products.exercise_shapes import recognise
    from assistant.products.quiz import quiz_items
    from assistant.products.quiz_sheets import PARTS, public, quiz_notes
    from assistant.products.quiz_sheets import quiz as make_quiz

    count = count or recognise(topic, "quiz").count or 10
    if part not in PARTS:
        raise typer.BadParameter(f"one of {', '.join(PARTS)}", param_hint="--part")
    if fmt == "json":
        ensure_index()
        try:
            items, _ = quiz_items(topic, count, get_retriever(), difficulty)
        except InvalidRequest as err:
            raise typer.BadParameter(str(err)) from None
        for item in items:
            typer.echo(json.dumps(public(item, part), ensure_ascii=False))
        for note in quiz_notes(topic, get_retriever()):  # the items stay one JSON object a line on stdout
            typer.echo(f"note: {note}", err=True)
        return
    _write_report(lambda: make_quiz(topic, count, get_retriever(), difficulty, part), fmt, output)


@reports.command()
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
    from assistant.products.healthcheck import healthcheck as make_check
    from assistant.products.healthcheck import question_ids
    from assistant.products.healthcheck_report import health_report
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
