"""Two processes on one index: `planassist ingest` beside a running server (issue 9)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import cli_env

from assistant.index.ingest import ingest
from assistant.index.retrieve import Retriever

pytestmark = pytest.mark.integration
NEW_TEXT = ("1. The Kivu liaison cell shares early-warning reports with the humanitarian country team "
            "every Thursday and keeps a joint log of protection incidents.")


def test_server_sees_another_process_ingest(make_settings, tmp_path):
    settings = make_settings()
    (settings.corpus_dir / "documents" / "first.md").write_text("1. Integrated planning needs a shared analysis.\n")
    server = Retriever.open(settings)
    ingest(settings=settings, store=server.store)
    server.refresh(force=True)
    assert server.search("Kivu liaison cell early warning", k=3, mode="dense")

    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "kivu-cell.md").write_text(NEW_TEXT)
    done = subprocess.run([sys.executable, "-m", "assistant", "ingest", str(extra), "--json"], env=cli_env(settings),
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]

    for mode in ("dense", "lexical", "hybrid"):
        hits = server.search("Kivu liaison cell early-warning reports", k=3, mode=mode)
        assert hits and hits[0].doc_id == "kivu-cell", (mode, [h.doc_id for h in hits])
    assert server.neighbours(hits[0].chunk_id)
