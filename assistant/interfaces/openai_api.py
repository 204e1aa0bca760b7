"""An OpenAI-compatible chat endpoint, so Open WebUI, LibreChat or the `openai` package can talk to the assistant.

``GET /v1/models`` lists one model, ``planassist``; ``POST /v1/chat/completions`` answers
the last user message with the earlier messages as the conversation (stateless, as the
OpenAI API is). The message content is the cited answer with its [n] markers, its notes
and a short source list; a top-level ``citations`` array carries the same citation objects
as ``/api/ask``. With ``"stream": true`` the reply is server-sent ``chat.completion.chunk``
events ending ``data: [DONE]``; the last chunk before it carries ``citations``. The API-key
rules are those of ``/api`` (key in ``Authorization: Bearer`` or ``X-API-Key``).

>>> from openai import OpenAI                                            # doctest: +SKIP
>>> client = OpenAI(base_url="http://127.0.0.1:7860/v1", api_key="-")    # doctest: +SKIP
>>> client.chat.completions.create(model="planassist",                   # doctest: +SKIP
...     messages=[{"role": "user", "content": "What must an ISF contain?"}]).choices[0].message.content
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from typing import Iterator

from fastapi import APIRouter, Depends, HTTPException
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from assistant.answering.answer import Answer
from assistant.answering.conversation import Message, answer_with_history
from assistant.citation import SourceRef
from assistant.constants import MAX_HISTORY, MAX_QUERY_CHARS
from assistant.index.retrieve import Retriever
from assistant.interfaces.api import ERRORS, require_read

log = logging.getLogger(__name__)
MODEL_ID = "planassist"
router = APIRouter(prefix="/v1", responses=ERRORS, tags=["OpenAI-compatible"])


class ChatRequest(BaseModel):
    """The fields of an OpenAI chat request that matter here; sampling parameters are accepted and ignored."""

    model_config = ConfigDict(extra="allow")

    model: str = MODEL_ID
    messages: list[Message] = Field(min_length=1, max_length=MAX_HISTORY + 1)
    stream: bool = False


class ModelCard(BaseModel):
    """One entry of GET /v1/models."""
    id: str
    object: str = "model"
    created: int = 0
    owned_by: str = "planassist"


class ModelList(BaseModel):
    """GET /v1/models."""
    object: str = "list"
    data: list[ModelCard]


class ChatMessageOut(BaseModel):
    """The assistant message of a completion."""
    role: str = "assistant"
    content: str


class Choice(BaseModel):
    """One completion choice."""
    index: int = 0
    message: ChatMessageOut
    finish_reason: str = "stop"


class Usage(BaseModel):
    """Token counts (not measured: always zero)."""
    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0


class ChatCompletion(BaseModel):
    """POST /v1/chat/completions, plain."""
    id: str
    object: str = "chat.completion"
    created: int
    model: str = MODEL_ID
    choices: list[Choice]
    usage: Usage = Field(default_factory=Usage)
    citations: list[SourceRef]


def sources_block(answer: Answer) -> str:
    """Notes and the numbered sources, appended to the message content."""
    parts = [f"> {n}" for n in answer.notes if not n.startswith("Sentence ")]
    if answer.citations:
        heading = "Nearest sources (none answers the question):" if answer.answer.startswith("The corpus") else "Sources:"
        parts.append(heading + "\n" + "\n".join(f"[{c.n}] {c.label} ({c.source_type}) — {c.title}" for c in answer.citations))
    return "\n\n" + "\n\n".join(parts) if parts else ""


def _citations(answer: Answer) -> list[dict]:
    return answer.public()["citations"]


def _events(body: ChatRequest, retriever: Retriever) -> Iterator[str | Answer]:
    """The answer stream for the last user message, the messages before it as history."""
    if body.model != MODEL_ID:
        raise HTTPException(404, f"model '{body.model}' not found; this server serves '{MODEL_ID}'")
    last = body.messages[-1]
    if last.role != "user" or not last.content.strip():
        raise HTTPException(400, "the last message must be a non-empty user message")
    if len(last.content) > MAX_QUERY_CHARS:
        raise HTTPException(400, f"the question is longer than {MAX_QUERY_CHARS} characters")
    history = [m for m in body.messages[:-1] if m.role != "system"]
    return _prime(answer_with_history(last.content.strip(), history, retriever))  # a misconfiguration is a 400 here


def _prime(events: Iterator[str | Answer]) -> Iterator[str | Answer]:
    """Run the stream to its first event now, so configuration errors become a 400 before any byte is sent."""
    first = next(events)

    def chained() -> Iterator[str | Answer]:
        yield first
        yield from events

    return chained()


@router.get("/models", response_model=ModelList, summary="The one model served: planassist")
def models(retriever: Retriever = Depends(require_read)) -> dict:
    """The one model this server answers as."""
    return {"object": "list", "data": [{"id": MODEL_ID, "object": "model", "created": 0, "owned_by": "planassist"}]}


@router.post("/chat/completions", response_model=ChatCompletion, summary="OpenAI-compatible chat (plain or streaming)",
             responses={200: {"content": {"text/event-stream": {}}}})
def chat_completions(body: ChatRequest, retriever: Retriever = Depends(require_read)):
    """The cited answer to the last user message, plain or as chat.completion.chunk events."""
    events = _events(body, retriever)
    completion_id, created = f"chatcmpl-{uuid.uuid4().hex}", int(time.time())
    if not body.stream:
        answer = next(e for e in events if isinstance(e, Answer))
        return {"id": completion_id, "object": "chat.completion", "created": created, "model": MODEL_ID,
                "choices": [{"index": 0, "message": {"role": "assistant", "content": answer.answer + sources_block(answer)},
                             "finish_reason": "stop"}],
                "usage": Usage().model_dump(), "citations": _citations(answer)}
    return StreamingResponse(_sse(events, completion_id, created), media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache"})


def _chunk(completion_id: str, created: int, delta: dict, finish: str | None = None, **extra) -> str:
    data = {"id": completion_id, "object": "chat.completion.chunk", "created": created, "model": MODEL_ID,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}], **extra}
    return f"data: {json.dumps(data, ensure_ascii=False)}\n\n"


def _sse(events: Iterator[str | Answer], completion_id: str, created: int) -> Iterator[str]:
    yield _chunk(completion_id, created, {"role": "assistant", "content": ""})
    try:
        for event in events:
            if isinstance(event, Answer):
                yield _chunk(completion_id, created, {"content": sources_block(event)})
                yield _chunk(completion_id, created, {}, "stop", citations=_citations(event))
            else:
                yield _chunk(completion_id, created, {"content": event})
    except Exception as err:  # the stream is already open: report in-band, then close it properly
        log.exception("streaming chat completion failed")
        yield _chunk(completion_id, created, {"content": f"\n\n[answer failed: {type(err).__name__}]"}, "stop")
    yield "data: [DONE]\n\n"
