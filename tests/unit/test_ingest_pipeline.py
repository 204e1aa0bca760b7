"""A document cut by another version of the text pipeline is re-chunked, though its file did not change."""

from __future__ import annotations

import shutil

from conftest import REAL_CORPUS
from fakes import FakeEncoder

import assistant.index.ingest as ingest_module
from assistant.index.ingest import ingest
from assistant.index.store import Store

BLOG = "itad-integrated-delivery-blog.txt"


def test_a_new_text_pipeline_re_chunks_unchanged_files(make_settings, monkeypatch):
    settings = make_settings()
    shutil.copy(REAL_CORPUS / "documents" / BLOG, settings.corpus_dir / "documents" / BLOG)
    store = Store.open(settings, FakeEncoder())
    first = ingest(settings=settings, store=store)
    assert first.documents == 1 and not first.failed
    assert ingest(settings=settings, store=store).skipped_unchanged == 1

    monkeypatch.setattr(ingest_module, "TEXT_PIPELINE", "next")
    again = ingest(settings=settings, store=store)
    assert again.skipped_unchanged == 0 and again.chunks == first.chunks
    assert ingest(settings=settings, store=store).skipped_unchanged == 1


def test_the_progress_bar_reaches_100_percent_once(make_settings, capsys):
    """Counted after each document is written and cleared at the end: '100%' once, not twice."""
    settings = make_settings()
    for name in (BLOG, "ipi-driving-the-system-apart-2013.txt"):
        shutil.copy(REAL_CORPUS / "documents" / name, settings.corpus_dir / "documents" / name)
    ingest(settings=settings, store=Store.open(settings, FakeEncoder()), progress=True)
    err = capsys.readouterr().err
    assert err.count("100%") == 1 and "2/2" in err, err
