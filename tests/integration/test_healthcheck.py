"""Integration health check on the real index: citations resolve to stored passages, CLI and API.

The session index holds three documents (UNMIT report, IPI study, A/RES/80/11): anchors in the
other shipped documents must be reported missing, never paraphrased.
"""

from __future__ import annotations

import io
import json

import pytest
import yaml
from docx import Document
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from assistant.interfaces.cli import app
from assistant.interfaces.web import create_app
from assistant.products.context import load_context
from assistant.products.healthcheck import MONITORING_HEADER, healthcheck
from assistant.settings import PROJECT_ROOT

pytestmark = pytest.mark.integration
EXAMPLES = PROJECT_ROOT / "examples"
CONTEXT = EXAMPLES / "carana.yaml"
RATINGS = EXAMPLES / "carana-ratings.yaml"


def _norm(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def check(retriever):
    return healthcheck(load_context(CONTEXT), retriever, yaml.safe_load(RATINGS.read_text(encoding="utf-8")))


def test_every_citation_resolves_to_a_stored_passage_with_the_same_text_and_locator(check, retriever):
    stored = {r.id: r for r in retriever.store.get([c.chunk_id for c in check.sources])}
    assert len(stored) == len(check.sources) > 10
    for c in check.sources:
        assert stored[c.chunk_id].text == c.quote and stored[c.chunk_id].meta.locator == c.locator
    quotes = [q for i in check.items for q in i.why] + [s.quote for w in check.weakest for s in w.suggestions]
    assert quotes
    for q in quotes:
        record = stored[q.chunk_id]
        assert _norm(q.quote.removesuffix(" …")) in _norm(record.text)
        assert q.locator == record.meta.locator and q.label == f"{record.meta.short}, {record.meta.locator}"
        assert check.sources[q.n - 1].chunk_id == q.chunk_id


def test_documents_outside_the_index_are_reported_not_paraphrased(check, retriever):
    indexed = {r.meta.doc_id for r in retriever.records}
    assert {q.doc_id for i in check.items for q in i.why} <= indexed
    assert check.missing and any("itad-integrated-delivery" in m for m in check.missing)
    assert not any(doc in m for m in check.missing for doc in indexed)


def _invoke(*args: str):
    return CliRunner().invoke(app, list(args))


def test_cli_blank_form_and_rated_report_as_docx(cli, tmp_path):
    blank, rated = tmp_path / "check.docx", tmp_path / "rated.docx"
    cli("healthcheck", "--context", str(CONTEXT), "--format", "docx", "-o", str(blank))
    cli("healthcheck", "--context", str(CONTEXT), "--ratings", str(RATINGS), "--format", "docx", "-o", str(rated))
    form, report = Document(str(blank)), Document(str(rated))
    assert sum(t.cell(1, 0).text == "Why it matters" for t in form.tables) == 31
    assert not any(t.rows[0].cells[0].text == "No." for t in form.tables)
    monitoring = [t for t in report.tables if [c.text for c in t.rows[0].cells] == MONITORING_HEADER]
    assert monitoring and len(monitoring[0].rows) > 10
    assert any(p.text == "Weakest areas first" for p in report.paragraphs)


def test_cli_json_items(cli, tmp_path):
    out = tmp_path / "check.json"
    cli("healthcheck", "--context", str(CONTEXT), "--ratings", str(RATINGS), "--format", "json", "-o", str(out))
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["rated"] and len(data["items"]) == 31
    item = next(i for i in data["items"] if i["id"] == "A2")
    assert item["rating"] == "not in place" and item["why"] and item["why"][0]["chunk_id"]


def test_cli_invalid_ratings_exit_2_with_the_reason(cli, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("ratings:\n  A1: excellent\n  T3: partly\n", encoding="utf-8")
    result = _invoke("healthcheck", "--context", str(CONTEXT), "--ratings", str(bad))
    assert result.exit_code == 2
    assert "A1: 'excellent' is not on the scale" in result.output and "T3: not a question" in result.output
    assert _invoke("healthcheck", "--context", str(CONTEXT), "--format", "pdf").exit_code == 2


def test_api_healthcheck(retriever):
    client = TestClient(create_app(retriever, with_ui=False), base_url="http://127.0.0.1")
    context = yaml.safe_load(CONTEXT.read_text(encoding="utf-8"))
    ratings = yaml.safe_load(RATINGS.read_text(encoding="utf-8"))
    ratings["date"] = str(ratings["date"])
    blank = client.post("/api/healthcheck", json={"context": context}).json()
    assert not blank["rated"] and all(not i["rating"] for i in blank["items"])
    rated = client.post("/api/healthcheck", json={"context": context, "ratings": ratings})
    assert rated.status_code == 200 and rated.json()["summary"]["areas"][0]["name"] == "Humanitarian space"
    word = client.post("/api/healthcheck", json={"context": context, "ratings": ratings, "format": "docx"})
    assert word.status_code == 200 and "healthcheck.docx" in word.headers["content-disposition"]
    assert Document(io.BytesIO(word.content)).tables
    bad = client.post("/api/healthcheck", json={"context": context, "ratings": {"A1": "great"}})
    assert bad.status_code == 400 and "A1: 'great' is not on the scale" in bad.json()["error"]
    bad_docx = client.post("/api/healthcheck", json={"context": context, "ratings": {"Z1": "partly"}, "format": "docx"})
    assert bad_docx.status_code == 400 and "Z1" in bad_docx.json()["error"]
