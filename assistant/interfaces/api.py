"""The HTTP API under /api: the same functions and JSON shapes as the CLI.

Errors are JSON ``{"error": "..."}`` with no stack traces. When ``PLANASSIST_API_KEY`` is
set, write endpoints need it (``X-API-Key`` header or ``Authorization: Bearer``); with
``PLANASSIST_PROTECT_READS`` every /api endpoint does.
"""

from __future__ import annotations

import json
import logging
from itertools import chain
from typing import Any, Callable, Literal

from fastapi import APIRouter, Depends, FastAPI, File, HTTPException, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response, StreamingResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from assistant.answering.answer import Answer, AnswerView
from assistant.answering.conversation import Message, answer_with_history, ask_with_history
from assistant.constants import (
    MAX_HISTORY,
    MAX_QUERY_CHARS,
    MAX_QUESTIONS,
)
from assistant.corpus.glossary import Term
from assistant.errors import (
    Busy,
    ConfigurationError,
    IndexWriteError,
    InvalidRequest,
    LLMUnavailable,
    LoadError,
    NotDeletable,
    NotFound,
    PlanAssistError,
)
from assistant.index.ingest import IngestReport
from assistant.index.library import CatalogueEntry, DocumentEntry, add_upload, delete_document, list_catalogue, list_documents
from assistant.index.retrieve import Filters, Retriever, SearchResponse, get_retriever
from assistant.interfaces.answer_queue import AnswerQueue
from assistant.interfaces.security import authenticated
from assistant.products.context import PlanningContext
from assistant.products.draft import SECTION_KEYS, draft
from assistant.products.exercise_product import TrainingRequest
from assistant.products.export import Report, to_docx, to_markdown
from assistant.products.healthcheck import healthcheck
from assistant.products.healthcheck_report import health_report
from assistant.products.quiz_sheets import Part, QuizView, quiz, quiz_views

log = logging.getLogger(__name__)
# The one map from the product's errors to HTTP: the first matching class wins.
STATUS: tuple[tuple[type[PlanAssistError], int], ...] = (
    (NotFound, 404),
    (NotDeletable, 403),
    (InvalidRequest, 400),
    (LoadError, 400),
    (ConfigurationError, 503),
    (Busy, 503),
    (IndexWriteError, 507),
    (LLMUnavailable, 504),
)


def status_of(err: PlanAssistError) -> int:
    """The HTTP status for one of the product's errors (500 for one not mapped: a bug)."""
    return next((code for cls, code in STATUS if isinstance(err, cls)), 500)


class SearchRequest(BaseModel):
    """Body of POST /api/search."""
    query: str = Field(min_length=1, max_length=MAX_QUERY_CHARS, description="What to look for.")
    k: int | None = Field(None, ge=1, le=50, description="Number of results (default: top_k).")
    filters: Filters = Field(default_factory=Filters)
    mode: Literal["hybrid", "dense", "lexical"] = "hybrid"


class AskRequest(BaseModel):
    """Body of POST /api/ask."""
    question: str = Field(min_length=1, max_length=MAX_QUERY_CHARS)
    filters: Filters = Field(default_factory=Filters)
    backend: Literal["auto", "extractive", "llm"] = "auto"
    stream: bool = Field(False, description="Stream as server-sent events: 'token' events, then one 'answer'.")
    history: list[Message] = Field(default_factory=list, max_length=MAX_HISTORY,
                                   description="Earlier turns, oldest first: a follow-up keeps their topic and repeats "
                                               "none of their sentences.")


class DocumentsResponse(BaseModel):
    """Indexed documents and the catalogue of canonical texts."""
    documents: list[DocumentEntry]
    catalogue: list[CatalogueEntry]


class DeleteResponse(BaseModel):
    """Which document was deleted and how many passages went with it."""
    deleted: str
    chunks: int


class GlossaryResponse(BaseModel):
    """Glossary terms matching the filter text."""
    terms: list[Term]


class ErrorResponse(BaseModel):
    """Every error: one message, no stack trace."""
    error: str


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorResponse}, 401: {"model": ErrorResponse}, 422: {"model": ErrorResponse},
    503: {"model": ErrorResponse, "description": "Busy: retry after the Retry-After header's seconds"}}


def retriever_dep() -> Retriever:
    """The process-wide retriever (tests and the web app override this dependency)."""
    return get_retriever()


def queue_dep(request: Request) -> AnswerQueue:
    """The app's FIFO answer queue (see answer_queue.py): retrieval and answer building run through it."""
    return request.app.state.answer_queue


def _key_ok(request: Request, expected: str) -> bool:
    return authenticated(request.headers, dict(request.cookies), expected)


def require_read(request: Request, retriever: Retriever = Depends(retriever_dep)) -> Retriever:
    """The retriever, once the API key is checked if reads are protected."""
    s = retriever.settings
    if s.api_key and s.protect_reads and not _key_ok(request, s.api_key):
        raise HTTPException(401, "missing or wrong API key (X-API-Key header)")
    return retriever


def require_write(request: Request, retriever: Retriever = Depends(retriever_dep)) -> Retriever:
    """The retriever, once the API key is checked if one is set."""
    s = retriever.settings
    if s.api_key and not _key_ok(request, s.api_key):
        raise HTTPException(401, "missing or wrong API key (X-API-Key header)")
    return retriever


router = APIRouter(prefix="/api", responses=ERRORS)


@router.post("/search", response_model=SearchResponse, summary="Cited passages for a query")
async def search(body: SearchRequest, retriever: Retriever = Depends(require_read),
                 queue: AnswerQueue = Depends(queue_dep)) -> SearchResponse:
    """The best passages for a query, with citation locators (queued with answers)."""
    hits, took = await queue.run(retriever.timed_search, body.query, k=body.k, filters=body.filters, mode=body.mode)
    return SearchResponse(query=body.query, took_ms=took, results=list(hits))


def _sse(event: str, data: dict) -> str:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


@router.post("/ask", response_model=AnswerView, summary="A cited, verified answer (JSON or server-sent events)",
             responses={200: {"content": {"text/event-stream": {}}}})
async def ask(body: AskRequest, request: Request, retriever: Retriever = Depends(require_read),
              queue: AnswerQueue = Depends(queue_dep)):
    """A cited, verified answer as JSON, or as server-sent events when asked for a stream (queued)."""
    wants_stream = body.stream or "text/event-stream" in request.headers.get("accept", "")
    if not wants_stream:
        answer = await queue.run(ask_with_history, body.question, body.history, retriever, filters=body.filters,
                                 backend=body.backend)
        return answer.public()
    events = answer_with_history(body.question, body.history, retriever, filters=body.filters, backend=body.backend)
    first = await queue.run(next, events)  # retrieval queued; fail before the 200 if the backend is misconfigured

    def generate():
        try:
            for event in chain([first], events):  # lazily: each token goes out as it is produced
                if isinstance(event, Answer):
                    yield _sse("answer", event.public())
                else:
                    yield _sse("token", {"text": event})
        except Exception as err:  # the stream is already open: report in-band
            log.exception("streaming answer failed")
            yield _sse("error", {"error": f"answer failed: {type(err).__name__}"})

    return StreamingResponse(generate(), media_type="text/event-stream", headers={"Cache-Control": "no-cache"})


@router.get("/documents", response_model=DocumentsResponse, summary="Indexed documents and the catalogue")
def documents(retriever: Retriever = Depends(require_read)) -> dict:
    """What the index holds and which catalogued canonical texts it lacks."""
    return {"documents": list_documents(retriever), "catalogue": list_catalogue(retriever)}


@router.post("/documents", response_model=IngestReport, status_code=201, summary="Upload and index a document",
             responses={413: {"model": ErrorResponse}})
def upload(file: UploadFile = File(...), retriever: Retriever = Depends(require_write)) -> dict:
    """Check, store and index an uploaded document (413 when too large, 400 when unusable)."""
    limit = int(retriever.settings.max_upload_mb * 1024 * 1024)
    data = file.file.read(limit + 1)
    if len(data) > limit:
        raise HTTPException(413, f"{file.filename}: file too large (the limit is {retriever.settings.max_upload_mb:g} MB)")
    report = add_upload(retriever, file.filename or "upload", data)
    if report.failed:
        raise HTTPException(400, report.failed[0].error)
    return report.model_dump()


@router.delete("/documents/{doc_id}", response_model=DeleteResponse, summary="Delete a user-uploaded document",
               responses={403: {"model": ErrorResponse}, 404: {"model": ErrorResponse}})
def delete(doc_id: str, retriever: Retriever = Depends(require_write)) -> dict:
    """Delete a user-uploaded document and its passages; shipped documents are refused (403)."""
    removed = delete_document(retriever, doc_id)
    return {"deleted": doc_id, "chunks": removed}


@router.get("/glossary", response_model=GlossaryResponse, summary="Terms and acronyms of UN integrated planning")
def glossary(q: str = Query("", max_length=200, description="Filter text."),
             retriever: Retriever = Depends(require_read)) -> dict:
    """Terms and acronyms, filtered by the text given."""
    return {"terms": [t.model_dump() for t in retriever.glossary.search(q)]}


DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
OutputFormat = Literal["json", "md", "docx"]


class DraftRequest(BaseModel):
    """Body of POST /api/draft."""
    context: PlanningContext
    sections: list[Literal["all", *SECTION_KEYS]] = Field(default_factory=lambda: ["all"], min_length=1)  # type: ignore[valid-type]
    format: OutputFormat = "json"
    backend: Literal["auto", "extractive", "llm"] = "auto"
    length: Literal["brief", "full"] = "full"
    request: str = Field("", max_length=4000, description="What the drafter asks for, in words (section, priority, cadence...).")


class ExerciseRequest(TrainingRequest):
    """Body of POST /api/exercise: the trainer's request (a pack, drill, AAR template, course, workshop...)."""
    format: OutputFormat = "json"


class QuizRequest(BaseModel):
    """Body of POST /api/quiz."""
    topic: str = Field(min_length=3, max_length=300)
    count: int = Field(10, ge=1, le=MAX_QUESTIONS)
    format: OutputFormat = Field("json", description="json: {items: [{stem, options, answer, citation}], notes}; md, docx.")
    difficulty: Literal["easy", "medium", "hard", "mixed"] = "mixed"
    part: Part = Field("all", description="questions: the participant copy, no answers; key.")


class HealthcheckRequest(BaseModel):
    """A planning context and, for the rated report, the team's ratings."""

    context: PlanningContext
    ratings: dict[str, Any] | list[dict[str, Any]] | None = Field(
        None, description="Question number to rating ('in place', 'partly', 'not in place', 'not applicable') or "
                          "{rating, comment}; or {'ratings': {...}, 'date': 'YYYY-MM-DD'}. Leave out for a blank form.")
    format: OutputFormat = "json"


def _deliver(build: Callable[[], Report], fmt: str, name: str):
    """Build the report (an InvalidRequest becomes a 400 in the error handler) and send it as JSON, Markdown or Word."""
    report = build()
    if fmt == "md":
        return Response(to_markdown(report), media_type="text/markdown; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}.md"'})
    if fmt == "docx":
        return Response(to_docx(report), media_type=DOCX_TYPE,
                        headers={"Content-Disposition": f'attachment; filename="{name}.docx"'})
    return report.model_dump()


FILE_RESPONSES: dict[int | str, dict[str, Any]] = {200: {"content": {"text/markdown": {}, DOCX_TYPE: {}}}}


@router.post("/draft", response_model=Report, summary="First-pass ISF sections for a planning context", responses=FILE_RESPONSES)
async def draft_route(body: DraftRequest, retriever: Retriever = Depends(require_read), queue: AnswerQueue = Depends(queue_dep)):
    """Queued like answers: a draft is many answers."""
    build = lambda: draft(body.context, retriever, sections=list(body.sections), backend=body.backend,  # noqa: E731
                          length=body.length, request=body.request)
    return await queue.run(_deliver, build, body.format, "isf-draft")


@router.post("/exercise", response_model=Report, summary="A training product in the shape the request asks for",
             responses=FILE_RESPONSES)
async def exercise_route(body: ExerciseRequest, retriever: Retriever = Depends(require_read),
                         queue: AnswerQueue = Depends(queue_dep)):
    """Queued like answers: an exercise's answer key is many answers."""
    return await queue.run(_deliver, lambda: body.build(retriever), body.format, "exercise")


@router.post("/quiz", response_model=QuizView | Report, summary="A quiz that teaches", responses=FILE_RESPONSES,
             response_model_exclude_none=True)  # the participant copy's items carry no answer or citation
async def quiz_route(body: QuizRequest, retriever: Retriever = Depends(require_read), queue: AnswerQueue = Depends(queue_dep)):
    """JSON: {"items": as `planassist quiz --format json` prints them, "notes": missing texts}; md/docx. Queued."""
    if body.format == "json":
        return await queue.run(quiz_views, body.topic, body.count, retriever, body.difficulty, body.part)
    build = lambda: quiz(body.topic, body.count, retriever, body.difficulty, body.part)  # noqa: E731
    return await queue.run(_deliver, build, body.format, "quiz")


@router.post("/healthcheck", summary="Integration health check: cited key performance questions, blank or rated",
             responses=FILE_RESPONSES)
async def healthcheck_route(body: HealthcheckRequest, retriever: Retriever = Depends(require_read),
                            queue: AnswerQueue = Depends(queue_dep)):
    """The blank form (no ratings) or the rated report; invalid ratings are a 400 naming each bad entry (queued like answers)."""
    if body.format != "json":
        build = lambda: health_report(healthcheck(body.context, retriever, body.ratings))  # noqa: E731
        return await queue.run(_deliver, build, body.format, "healthcheck")
    return (await queue.run(healthcheck, body.context, retriever, body.ratings)).public()


def install_error_handlers(app: FastAPI) -> None:
    """Every error as JSON ``{"error": ...}``; never a stack trace."""

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return JSONResponse({"error": str(exc.detail)}, status_code=exc.status_code, headers=getattr(exc, "headers", None))

    @app.exception_handler(PlanAssistError)
    async def product_error(request: Request, exc: PlanAssistError):
        headers = {"Retry-After": str(exc.retry_after)} if isinstance(exc, Busy) else None
        return JSONResponse({"error": str(exc)}, status_code=status_of(exc), headers=headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'] if p != 'body') or 'body'}: {e['msg']}" for e in exc.errors())
        return JSONResponse({"error": f"invalid request: {problems}"}, status_code=422)

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception):
        log.exception("unhandled error on %s", request.url.path)
        return JSONResponse({"error": f"internal error ({type(exc).__name__})"}, status_code=500)
