"""Fair answering over HTTP: requests queue in order, a request past its wait gets 503 + Retry-After, health stays up."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient

from assistant.interfaces.answer_queue import AnswerQueue
from assistant.interfaces.web import create_app

pytestmark = pytest.mark.integration
QUESTION = {"question": "Who does the DSRSG/RC/HC report to?", "backend": "extractive"}


@pytest.fixture
def app(retriever):
    app = create_app(retriever, with_ui=False)
    yield app
    app.state.answer_queue.close()


def test_busy_server_answers_503_with_retry_after_and_health_stays_up(app):
    app.state.answer_queue = AnswerQueue(workers=1, max_wait_s=0.5)
    release = threading.Event()
    blocker = app.state.answer_queue._pool.submit(release.wait, 60)  # the only worker is busy
    with TestClient(app, base_url="http://127.0.0.1") as client:
        busy = client.post("/api/ask", json=QUESTION)
        assert busy.status_code == 503 and int(busy.headers["Retry-After"]) >= 1
        assert "busy" in busy.json()["error"]
        health = client.get("/healthz")
        assert health.status_code == 200 and health.json()["chunks"] > 0
        release.set()
        blocker.result()
        ok = client.post("/api/ask", json=QUESTION)
        assert ok.status_code == 200 and ok.json()["citations"]


def test_concurrent_requests_all_answered_in_order_of_arrival(app, retriever):
    app.state.answer_queue = AnswerQueue(workers=1, max_wait_s=120)
    started: list[str] = []
    real = retriever.timed_search

    def recording(query, **kwargs):
        started.append(query)
        return real(query, **kwargs)

    retriever.timed_search = recording
    release = threading.Event()
    blocker = app.state.answer_queue._pool.submit(release.wait, 60)
    queries = [f"integrated planning question {i}" for i in range(6)]
    try:
        with TestClient(app, base_url="http://127.0.0.1") as client, ThreadPoolExecutor(len(queries)) as pool:
            futures = []
            for q in queries:
                futures.append(pool.submit(client.post, "/api/search", json={"query": q, "k": 2}))
                while app.state.answer_queue.waiting < len(futures):  # each request queued before the next is sent
                    threading.Event().wait(0.01)
            release.set()
            blocker.result()
            assert all(f.result().status_code == 200 for f in futures)
    finally:
        del retriever.timed_search
    assert started == queries
