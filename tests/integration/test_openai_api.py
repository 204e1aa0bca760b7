"""The OpenAI-compatible endpoint driven by the official `openai` client against the real app on loopback."""

from __future__ import annotations

import socket
import threading
import time

import httpx
import pytest
import uvicorn
from openai import AuthenticationError, NotFoundError, OpenAI

from assistant.citation import NOT_COVERED
from assistant.index.retrieve import Retriever
from assistant.interfaces.web import create_app

pytestmark = pytest.mark.integration
KEY = "s3cret-key"
JDP = "What are the priority areas of the police Joint Development Plan in Timor-Leste?"


def _serve(retriever: Retriever):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(retriever, with_ui=False), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    return server, thread, f"http://127.0.0.1:{port}"


@pytest.fixture(scope="module")
def server(retriever):
    srv, thread, url = _serve(retriever)
    yield url
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def client(server):
    return OpenAI(base_url=f"{server}/v1", api_key="unused", max_retries=0, timeout=120)


def test_models_lists_planassist(client):
    assert [m.id for m in client.models.list().data] == ["planassist"]


def test_plain_completion_is_the_cited_answer(client):
    reply = client.chat.completions.create(
        model="planassist", messages=[{"role": "user", "content": JDP}])
    content = reply.choices[0].message.content
    assert reply.object == "chat.completion" and reply.choices[0].finish_reason == "stop"
    assert "legislation, training, administration, discipline and operations" in content and "[1]" in content
    assert "Sources:" in content and "S/2012/765" in content
    citations = reply.model_extra["citations"]
    assert citations and {"n", "chunk_id", "doc_id", "title", "locator", "quote", "source_type"} <= set(citations[0])


def test_streaming_completion_yields_chunks_then_citations(client):
    stream = client.chat.completions.create(
        model="planassist", stream=True,
        messages=[{"role": "user", "content": JDP}])
    chunks = list(stream)
    assert len(chunks) >= 3 and all(c.object == "chat.completion.chunk" for c in chunks)
    text = "".join(c.choices[0].delta.content or "" for c in chunks)
    assert "legislation, training, administration, discipline and operations" in text and "[1]" in text
    assert chunks[-1].choices[0].finish_reason == "stop" and chunks[-1].model_extra["citations"]


def test_stream_ends_with_done(server):
    with httpx.stream("POST", f"{server}/v1/chat/completions", timeout=120, json={
            "model": "planassist", "stream": True, "messages": [{"role": "user", "content": "What is sourdough?"}]}) as r:
        lines = [line for line in r.iter_lines() if line]
    assert lines[-1] == "data: [DONE]" and NOT_COVERED in "".join(lines)


def test_two_turns_follow_up_changes_the_answer(client):
    first_q = {"role": "user", "content": JDP}
    first = client.chat.completions.create(model="planassist", messages=[first_q]).choices[0].message.content
    second = client.chat.completions.create(model="planassist", messages=[
        first_q, {"role": "assistant", "content": first},
        {"role": "user", "content": "and how many PNTL officers will there be after the 2012 cadets finish training?"},
    ]).choices[0].message.content
    assert "3,386" in second
    quoted = first.split("\n\nSources:")[0]  # the answer's lines; a source cited in both turns is listed in both
    first_sentences = {line.split(" [")[0] for line in quoted.splitlines() if "[" in line}
    assert not any(s and s in second for s in first_sentences), "a follow-up repeats a sentence already given"


def test_unknown_model_is_404(client):
    with pytest.raises(NotFoundError):
        client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hi"}])


def test_api_key_rules_are_those_of_the_api(retriever):
    settings = retriever.settings.model_copy(update={"api_key": KEY, "protect_reads": True})
    locked = Retriever(settings, retriever.store, retriever.encoder, retriever.glossary)
    srv, thread, url = _serve(locked)
    try:
        with pytest.raises(AuthenticationError):
            OpenAI(base_url=f"{url}/v1", api_key="wrong", max_retries=0).models.list()
        assert OpenAI(base_url=f"{url}/v1", api_key=KEY, max_retries=0).models.list().data[0].id == "planassist"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)
