"""`planassist` JSON output shapes, on the session's real index."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from assistant.interfaces.cli import app

pytestmark = pytest.mark.integration
RUNNER = CliRunner()


def test_ingest_summary(cli):
    (report,) = cli("ingest", "--json")
    assert set(report) == {"documents", "chunks", "embedded", "skipped_unchanged", "removed", "failed", "took_ms"}
    assert report["embedded"] == 0 and report["skipped_unchanged"] == report["documents"] == 3


def test_search_one_query(cli):
    (out,) = cli("search", "joint analysis units", "-k", "3", "--json")
    assert set(out) == {"query", "took_ms", "results"} and len(out["results"]) == 3
    assert set(out["results"][0]) == {"rank", "chunk_id", "doc_id", "title", "locator", "score", "text"}


def test_search_queries_file_jsonl_and_plain(cli, tmp_path):
    path = tmp_path / "q.jsonl"
    path.write_text('{"question": "Who leads the UN country team?"}\n\nWhat is peacebuilding?\n')
    outs = cli("search", "--queries", str(path), "--json")
    assert [o["query"] for o in outs] == ["Who leads the UN country team?", "What is peacebuilding?"]
    assert all(o["took_ms"] > 0 and len(o["results"]) == 8 for o in outs)


def test_search_filters(cli):
    (out,) = cli("search", "peacebuilding", "--type", "resolution", "--json")
    assert {r["doc_id"] for r in out["results"]} == {"a-res-80-11"}


def test_ask_questions_file(cli, tmp_path):
    path = tmp_path / "q.jsonl"
    path.write_text('{"question": "What are the priority areas of the police Joint Development Plan in Timor-Leste?"}\n'
                    '{"question": "What is the recipe for sourdough bread?"}\n')
    good, oos = cli("ask", "--questions", str(path), "--json")
    assert set(good) == {"question", "answer", "abstained", "citations", "sentences", "notes", "backend", "took_ms",
                         "question_type", "standalone"}
    assert not good["abstained"] and good["citations"] and good["backend"] == "extractive"
    assert oos["abstained"] and oos["answer"].startswith("The corpus does not cover this.")


def test_docs_lists_documents_and_missing_canonical_texts(cli):
    (out,) = cli("docs", "--json")
    assert len(out["documents"]) == 3 and all(d["chunks"] > 0 for d in out["documents"])
    assert {"brahimi-2000", "iap-policy-2013"} <= {c["id"] for c in out["catalogue"]}


def test_bad_invocation_is_a_clear_error(cli):
    result = RUNNER.invoke(app, ["search"])
    assert result.exit_code != 0 and "QUERY" in result.output
