"""Every /api route with FastAPI's TestClient: shapes, bad payloads, auth on and off."""

from __future__ import annotations

import io
import json
import shutil

import pytest
from conftest import REAL_CORPUS
from docx import Document
from fastapi.testclient import TestClient

from assistant.index.ingest import ingest
from assistant.index.retrieve import Retriever
from assistant.interfaces.web import create_app

pytestmark = pytest.mark.integration
KEY = "s3cret-key"


@pytest.fixture(scope="module")
def client(retriever):
    return TestClient(create_app(retriever, with_ui=False), base_url="http://127.0.0.1")


@pytest.fixture
def writable(make_settings):
    """An app over its own small index, for uploads and deletes."""

    def make(**overrides) -> TestClient:
        settings = make_settings(**overrides)
        shutil.copy(REAL_CORPUS / "documents" / "ga-res-80-11-peacebuilding-architecture-review-2025.md",
                    settings.corpus_dir / "documents")
        r = Retriever.open(settings)
        ingest(settings=settings, store=r.store)
        return TestClient(create_app(r, with_ui=False), base_url="http://127.0.0.1")

    return make


def docx_bytes(text: str) -> bytes:
    d = Document()
    d.add_paragraph(text)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_healthz(client):
    body = client.get("/healthz").json()
    assert body["status"] == "ok" and body["chunks"] > 0


def test_search_shape_matches_cli(client):
    r = client.post("/api/search", json={"query": "joint analysis units", "k": 3, "filters": {"doc_ids": ["ipi-2013"]}})
    assert r.status_code == 200
    body = r.json()
    assert set(body) == {"query", "took_ms", "results"} and 0 < len(body["results"]) <= 3
    assert set(body["results"][0]) == {"rank", "chunk_id", "doc_id", "title", "locator", "score", "text"}


def test_ask_json(client):
    r = client.post("/api/ask",
                    json={"question": "What are the priority areas of the police Joint Development Plan in Timor-Leste?"})
    body = r.json()
    assert r.status_code == 200 and not body["abstained"] and body["citations"][0]["locator"]
    assert set(body) == {"question", "answer", "abstained", "citations", "sentences", "notes", "backend", "took_ms",
                         "question_type", "standalone"}


def test_ask_with_history_follows_up_without_repeating(client):
    question = "What are the priority areas of the police Joint Development Plan in Timor-Leste?"
    first = client.post("/api/ask", json={"question": question}).json()
    r = client.post("/api/ask", json={
        "question": "and how many PNTL officers will there be after the 2012 cadets finish training?",
        "history": [{"role": "user", "content": question}, {"role": "assistant", "content": first["answer"]}]})
    body = r.json()
    assert r.status_code == 200 and "3,386" in body["answer"]
    assert body["answer"].startswith(f"Answering: {body['standalone']}\n") and "PNTL" in body["standalone"]
    assert not {s["text"] for s in first["sentences"]} & {s["text"] for s in body["sentences"]}


def test_ask_history_is_validated(client):
    r = client.post("/api/ask", json={"question": "and then?", "history": [{"role": "robot", "content": "x"}]})
    assert r.status_code == 422 and "history" in r.json()["error"]


def test_ask_streams_server_sent_events(client):
    with client.stream("POST", "/api/ask", json={"question": "Who leads the UN country team?"},
                       headers={"Accept": "text/event-stream"}) as r:
        assert r.headers["content-type"].startswith("text/event-stream")
        text = "".join(r.iter_text())
    events = [block.split("\n") for block in text.strip().split("\n\n")]
    names = [e[0].removeprefix("event: ") for e in events]
    assert names[-1] == "answer" and set(names[:-1]) == {"token"}
    final = json.loads(events[-1][1].removeprefix("data: "))
    assert "citations" in final


def test_ask_out_of_scope_abstains(client):
    body = client.post("/api/ask", json={"question": "What is the recipe for sourdough bread?"}).json()
    assert body["abstained"] and body["answer"].startswith("The corpus does not cover this.")


def test_ask_llm_without_llm_is_a_400(client):
    r = client.post("/api/ask", json={"question": "anything", "backend": "llm"})
    assert r.status_code == 400 and "PLANASSIST_LLM_BASE_URL" in r.json()["error"]


@pytest.mark.parametrize("payload", [
    {}, {"question": ""}, {"question": 5}, {"question": "x" * 5000}, {"question": "ok", "backend": "gpt"},
    {"question": "ok", "filters": {"year_from": "last year"}}, [1, 2],
])
def test_bad_ask_payloads_get_json_errors(client, payload):
    r = client.post("/api/ask", json=payload)
    assert r.status_code == 422 and r.json()["error"].startswith("invalid request") and "Traceback" not in r.text


def test_malformed_json_body(client):
    r = client.post("/api/search", content=b'{"query": ', headers={"content-type": "application/json"})
    assert r.status_code == 422 and "error" in r.json()


def test_documents_and_glossary(client):
    docs = client.get("/api/documents").json()
    assert len(docs["documents"]) == 3 and any(not c["in_index"] for c in docs["catalogue"])
    terms = client.get("/api/glossary", params={"q": "JMAC"}).json()["terms"]
    assert terms and terms[0]["term"] == "JMAC"


def test_unknown_route_is_json_404(client):
    r = client.get("/api/nothing")
    assert r.status_code == 404 and r.json() == {"error": "Not Found"}


def test_upload_search_and_delete(writable):
    c = writable()
    data = docx_bytes("The joint transition cell met weekly to track benchmarks for the handover of police tasks.")
    r = c.post("/api/documents", files={"file": ("../../transition note.docx", data)})
    assert r.status_code == 201, r.text
    doc_id = r.json()["doc_ids"][0]
    assert ".." not in doc_id and "/" not in doc_id
    hits = c.post("/api/search", json={"query": "joint transition cell benchmarks", "k": 1}).json()["results"]
    assert hits[0]["doc_id"] == doc_id
    assert doc_id in {d["id"] for d in c.get("/api/documents").json()["documents"]}
    assert c.delete(f"/api/documents/{doc_id}").json()["deleted"] == doc_id
    assert doc_id not in {d["id"] for d in c.get("/api/documents").json()["documents"]}
    assert c.delete(f"/api/documents/{doc_id}").status_code == 404


def test_shipped_documents_cannot_be_deleted(writable):
    c = writable()
    doc_id = c.get("/api/documents").json()["documents"][0]["id"]
    r = c.delete(f"/api/documents/{doc_id}")
    assert r.status_code == 403 and "not a user document" in r.json()["error"]


@pytest.mark.parametrize("name, data, expected", [
    ("report.pdf", b"this is text pretending to be a pdf", "does not match"),
    ("virus.exe", b"MZ\x90\x00", "unsupported file type"),
    ("empty.txt", b"", "empty file"),
    ("latin.txt", "Planification intégrée".encode("latin-1"), "not UTF-8"),
])
def test_bad_uploads_rejected_with_clear_error(writable, name, data, expected):
    c = writable()
    r = c.post("/api/documents", files={"file": (name, data)})
    assert r.status_code == 400 and expected in r.json()["error"]


def test_failed_upload_keeps_the_earlier_good_file(writable):
    c = writable()
    good = docx_bytes("Integrated planning cell terms of reference for the mission and UNCT.")
    assert c.post("/api/documents", files={"file": ("tor.docx", good)}).status_code == 201
    broken = b"PK\x03\x04 this zip is truncated"
    assert c.post("/api/documents", files={"file": ("tor.docx", broken)}).status_code == 400
    assert any(d["id"] == "upload-tor" for d in c.get("/api/documents").json()["documents"])


def test_oversized_upload_is_413(writable):
    c = writable(max_upload_mb=0.01)
    r = c.post("/api/documents", files={"file": ("big.txt", b"a" * 20000)})
    assert r.status_code == 413 and "too large" in r.json()["error"]


def test_api_key_guards_writes_only_by_default(writable):
    c = writable(api_key=KEY)
    assert c.post("/api/search", json={"query": "peacebuilding"}).status_code == 200
    data = docx_bytes("A note.")
    assert c.post("/api/documents", files={"file": ("n.docx", data)}).status_code == 401
    assert c.post("/api/documents", files={"file": ("n.docx", data)}, headers={"X-API-Key": "wrong"}).status_code == 401
    ok = c.post("/api/documents", files={"file": ("n.docx", docx_bytes("Integrated mission planning note."))},
                headers={"Authorization": f"Bearer {KEY}"})
    assert ok.status_code == 201
    assert c.delete("/api/documents/n").status_code == 401


def test_api_key_can_guard_reads(writable):
    c = writable(api_key=KEY, protect_reads=True)
    assert c.post("/api/search", json={"query": "peacebuilding"}).status_code == 401
    assert c.get("/api/glossary").status_code == 401
    assert c.get("/api/glossary", headers={"X-API-Key": KEY}).status_code == 200
    assert c.get("/healthz").status_code == 200


def carana() -> dict:
    import yaml

    from assistant.settings import PROJECT_ROOT

    return yaml.safe_load((PROJECT_ROOT / "examples" / "carana.yaml").read_text())


def test_draft_json_and_docx(client):
    body = client.post("/api/draft", json={"context": carana(), "sections": ["vision", "results"],
                                           "backend": "extractive"}).json()
    assert set(body) == {"title", "subtitle", "blocks", "sources", "brief"} and body["sources"]
    r = client.post("/api/draft", json={"context": carana(), "sections": ["results"], "format": "docx", "backend": "extractive"})
    assert r.status_code == 200 and r.content[:2] == b"PK" and "isf-draft.docx" in r.headers["content-disposition"]
    doc = Document(io.BytesIO(r.content))
    assert doc.tables


@pytest.mark.parametrize("payload, fragment", [
    ({"context": {"country": "Carana"}}, "context.presence"),
    ({"context": {**carana(), "period": "soon"}}, "context.period"),
    ({"context": carana(), "sections": ["budget"]}, "sections"),
])
def test_draft_validation_errors(client, payload, fragment):
    r = client.post("/api/draft", json=payload)
    assert r.status_code == 422 and fragment in r.json()["error"]


def test_draft_takes_a_request_in_words(client):
    md = client.post("/api/draft", json={"context": carana(), "format": "md", "backend": "extractive", "request":
                                         "Build a results matrix for the ISF priority 'Extension of State authority' with "
                                         "3 indicators, baselines and targets."})
    assert md.status_code == 200 and "## Your request" in md.text and "## 5. Results matrix" in md.text
    assert "## 3. Shared vision" not in md.text  # only the section asked for
    r = client.post("/api/draft", json={"context": carana(), "request": "Draft the UNMISS budget justification for 2026/27."})
    assert r.status_code == 400 and "budget justification" in r.json()["error"]


def test_exercise_and_quiz(client):
    md = client.post("/api/exercise", json={"topic": "humanitarian space", "minutes": 90, "participants": 12,
                                            "format": "md", "backend": "extractive", "injects": ["cholera outbreak"]})
    assert md.status_code == 200 and md.text.startswith("# Joint training exercise") and "## Sources" in md.text
    assert "### Inject 1: Cholera outbreak" in md.text  # the asked-for inject is played first
    assert client.post("/api/exercise", json={"topic": "x", "minutes": 5}).status_code == 422
    q = client.post("/api/quiz", json={"topic": "peacebuilding", "count": 3, "format": "json"}).json()
    assert set(q) == {"items", "notes"} and q["notes"] == []
    assert len(q["items"]) == 3 and all(set(item) == {"stem", "options", "answer", "citation"} for item in q["items"])
    named = client.post("/api/quiz", json={"topic": "the Brahimi Report and the Note of Guidance", "count": 3}).json()
    assert any("Brahimi Report" in n for n in named["notes"]) and any("Note of Guidance" in n for n in named["notes"])
    assert all(set(item) == {"stem", "options", "answer", "citation"} for item in named["items"])
    md = client.post("/api/quiz", json={"topic": "peacebuilding", "count": 3, "format": "md"})
    assert md.status_code == 200 and md.text.startswith("# Quiz") and "## Sources" in md.text
    sheet = client.post("/api/quiz", json={"topic": "peacebuilding", "count": 3, "format": "md", "part": "questions"}).text
    assert "## Questions" in sheet and "Answer key" not in sheet and "## Sources" not in sheet  # the participant copy
    bare = client.post("/api/quiz", json={"topic": "peacebuilding", "count": 3, "part": "questions"}).json()
    assert all(set(item) == {"stem", "options"} for item in bare["items"])
