"""The gate in front of the app (issue 9): hosts, origins, body sizes, JSON errors, namespaced uploads."""

from __future__ import annotations

import shutil

import badfiles
import pytest
from conftest import REAL_CORPUS
from fastapi.testclient import TestClient

from assistant.index.ingest import ingest
from assistant.index.retrieve import Retriever
from assistant.interfaces.web import create_app

pytestmark = pytest.mark.integration
RES = "ga-res-80-11-peacebuilding-architecture-review-2025.md"
LOCAL = "http://127.0.0.1"


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    """A small index of its own (one real resolution) that the tests may write to."""
    from assistant.settings import Settings

    root = tmp_path_factory.mktemp("guards")
    (root / "corpus" / "documents").mkdir(parents=True)
    for name in ("manifest.toml", "glossary.toml"):
        shutil.copy(REAL_CORPUS / name, root / "corpus" / name)
    shutil.copy(REAL_CORPUS / "documents" / RES, root / "corpus" / "documents" / RES)
    settings = Settings(corpus_dir=root / "corpus", index_dir=root / "indexes", uploads_dir=root / "uploads",
                        collection="guards", max_upload_mb=1, max_body_kb=64)
    r = Retriever.open(settings)
    ingest(settings=settings, store=r.store)
    r.refresh(force=True)
    return r


def client(retriever, with_ui=False, **overrides) -> TestClient:
    settings = retriever.settings.model_copy(update=overrides)
    r = Retriever(settings, retriever.store, retriever.encoder, retriever.glossary)
    return TestClient(create_app(r, with_ui=with_ui), base_url=LOCAL)


def test_unknown_host_is_refused(index):
    c = client(index)
    assert c.get("/healthz").status_code == 200
    r = c.get("/healthz", headers={"host": "attacker.example:7860"})
    assert r.status_code == 400 and "not served here" in r.json()["error"]


def test_configured_hosts_are_served(index):
    c = client(index, allowed_hosts=["planning.example.org"])
    assert c.get("/healthz", headers={"host": "planning.example.org"}).status_code == 200


def test_no_credentialed_cors_for_other_localhost_ports(index):
    c = client(index, with_ui=True)
    pre = c.options("/api/search", headers={"origin": "http://localhost:9999", "access-control-request-method": "POST"})
    assert "access-control-allow-origin" not in pre.headers
    got = c.get("/api/glossary", headers={"origin": "http://localhost:9999"})
    assert "access-control-allow-origin" not in got.headers and "access-control-allow-credentials" not in got.headers


def test_cross_site_upload_refused_without_a_key(index):
    c = client(index)
    r = c.post("/api/documents", files={"file": ("x.docx", badfiles.docx("Cross-site note."))},
               headers={"origin": "http://evil.example"})
    assert r.status_code == 403 and "cross-site" in r.json()["error"]


def test_bodies_over_the_limit_are_refused_before_reading(index):
    c = client(index, api_key="k")
    big_json = b'{"query": "' + b"a" * 100_000 + b'"}'
    r = c.post("/api/search", content=big_json, headers={"content-type": "application/json"})
    assert r.status_code == 413 and "too large" in r.json()["error"]

    def chunks():  # no Content-Length: counted while it arrives
        for _ in range(40):
            yield b"a" * 4096

    r = c.post("/api/search", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413
    upload = c.post("/api/documents", files={"file": ("big.txt", b"a" * 3_000_000)})
    assert upload.status_code in (401, 413)  # refused from the headers: no key, and too large


def test_unknown_api_path_is_json_error_with_the_ui_mounted(index):
    c = client(index, with_ui=True)
    r = c.get("/api/nothing")
    assert r.status_code == 404 and r.json() == {"error": "Not Found"}


def test_huge_year_is_a_422(index):
    c = client(index)
    r = c.post("/api/search", json={"query": "peacebuilding", "filters": {"year_from": 2**63}})
    assert r.status_code == 422 and "year_from" in r.json()["error"]


def test_uploads_never_replace_corpus_or_catalogue_documents(index):
    c = client(index)
    before = {d["id"]: d for d in c.get("/api/documents").json()["documents"]}
    real = before["ga-res-80-11"] if "ga-res-80-11" in before else next(d for d in before.values() if d["origin"] == "corpus")
    fake = b"1. The General Assembly endorses the fictional plan X.\n"
    up = c.post("/api/documents", files={"file": (RES, fake)})
    assert up.status_code == 201, up.text
    assert up.json()["doc_ids"][0].startswith("upload-")
    brahimi = c.post("/api/documents", files={"file": ("brahimi-2000.html", b"<html><p>Fake Brahimi text.</p></html>")})
    assert brahimi.status_code == 201 and brahimi.json()["doc_ids"] == ["upload-brahimi-2000"]

    body = c.get("/api/documents").json()
    after = {d["id"]: d for d in body["documents"]}
    assert after[real["id"]]["chunks"] == real["chunks"] and after[real["id"]]["origin"] == "corpus"
    assert not next(x for x in body["catalogue"] if x["id"] == "brahimi-2000")["in_index"]
    hits = c.post("/api/search", json={"query": "endorses the fictional plan X", "k": 1}).json()["results"]
    assert hits[0]["doc_id"].startswith("upload-") and "(uploaded)" in hits[0]["title"]
    for doc_id in up.json()["doc_ids"] + ["upload-brahimi-2000"]:
        assert c.delete(f"/api/documents/{doc_id}").status_code == 200


def test_server_errors_keep_the_connection(index, monkeypatch):
    from assistant.index import retrieve

    c = client(index)

    def boom(*args, **kwargs):
        raise RuntimeError("simulated")

    monkeypatch.setattr(retrieve.Retriever, "timed_search", boom)
    r = c.post("/api/search", json={"query": "x"})
    assert r.status_code == 500 and r.json() == {"error": "internal error (RuntimeError)"}


def test_a_store_failure_mid_upload_is_a_clear_507_and_leaves_nothing(index, monkeypatch):
    """The store stops accepting writes after the first batch (what a full disk does to Chroma)."""
    from assistant.index.store import Store

    c = client(index)
    real_add = Store.add
    calls = {"n": 0}

    def failing_add(self, texts, metadatas, ids, vectors):
        calls["n"] += 1
        if calls["n"] > 1:
            raise RuntimeError("database or disk is full")
        real_add(self, texts[:3], metadatas[:3], ids[:3], vectors[:3])

    monkeypatch.setattr(Store, "add", failing_add)
    monkeypatch.setattr("assistant.index.ingest.EMBED_BATCH", 3)
    text = "\n\n".join(f"{i}. Benchmark {i} of the transition plan is reviewed by the joint cell." for i in range(1, 40))
    r = c.post("/api/documents", files={"file": ("transition-benchmarks.md", text.encode())})
    assert r.status_code == 507, r.text
    assert "could not be written" in r.json()["error"] and "disk is full" in r.json()["error"]
    monkeypatch.setattr(Store, "add", real_add)
    assert not (index.settings.uploads_dir / "transition-benchmarks.md").exists()
    assert not index.store.doc_records("upload-transition-benchmarks")  # no partial document left behind
    again = c.post("/api/documents", files={"file": ("after.md", b"1. Written once space is back.\n")})
    assert again.status_code == 201 and c.delete("/api/documents/upload-after").status_code == 200


def test_streamed_markers_match_the_final_answer(index):
    import json
    import re

    c = client(index)
    with c.stream("POST", "/api/ask", json={"question": "What is the peacebuilding architecture review?", "stream": True}) as r:
        text = "".join(r.iter_text())
    events = [block.split("\n", 1) for block in text.strip().split("\n\n")]
    tokens = "".join(json.loads(data.removeprefix("data: "))["text"] for name, data in events if name == "event: token")
    final = json.loads(events[-1][1].removeprefix("data: "))
    if final["abstained"]:
        pytest.skip("the question was not answered on this index")
    assert re.findall(r"\[\d+\]", tokens) == re.findall(r"\[\d+\]", final["answer"])
