"""Many files are parsed in a separate process while the encoder runs: same result, bad files still fail alone."""

from __future__ import annotations

import shutil

import pytest
from conftest import LIBRARY
from fakes import FakeEncoder

import assistant.index.ingest as ingest_module
from assistant.index.ingest import ingest
from assistant.index.store import Store

REPORTS = sorted((LIBRARY / "un-sg-reports").glob("*.pdf"))[:: 64]
pytestmark = pytest.mark.skipif(len(REPORTS) < 4, reason="shared library not on this machine")


def run(settings, monkeypatch, process_from: int):
    monkeypatch.setattr(ingest_module, "PROCESS_FROM", process_from)
    return ingest(settings=settings, store=Store.open(settings, FakeEncoder()))


def test_parsing_in_a_process_gives_what_a_thread_gives(make_settings, monkeypatch):
    docs = []
    for name in ("one", "two"):
        settings = make_settings(collection=f"parse-{name}", index_dir=make_settings().index_dir / name)
        for pdf in REPORTS:
            shutil.copy(pdf, settings.corpus_dir / "documents" / pdf.name)
        (settings.corpus_dir / "documents" / "renamed.pdf").write_text("not a pdf")
        docs.append(settings)
    in_process = run(docs[0], monkeypatch, process_from=1)
    in_thread = run(docs[1], monkeypatch, process_from=10**6)
    assert in_process.documents == in_thread.documents == len(REPORTS) + 1
    assert [f.error for f in in_process.failed] == [f.error for f in in_thread.failed]
    assert "renamed.pdf" in in_process.failed[0].error
    assert in_process.chunks == in_thread.chunks > 0 and in_process.embedded == in_thread.embedded
