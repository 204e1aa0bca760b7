"""Lazy start and the persisted lexical index, on real documents with the real model and Chroma.

Behaviour only, never timing: an unchanged ingest loads no model, a reader in this process
sees what another process ingested, and a fresh process opens the saved BM25 instead of
rebuilding it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from conftest import REAL_CORPUS, cli_env

from assistant.index.embeddings import Encoder, encoder_for
from assistant.index.ingest import ingest
from assistant.index.lexical_snapshot import snapshot_folder
from assistant.index.retrieve import Retriever
from assistant.index.sentences import SAVED as SENTENCES
from assistant.index.sentences import SentenceIndex
from assistant.index.store import Store
from assistant.settings import PROJECT_ROOT

pytestmark = pytest.mark.integration
RES = "ga-res-80-11-peacebuilding-architecture-review-2025.md"
BLOG = "itad-integrated-delivery-blog.txt"
HEAVY = ("torch", "sentence_transformers", "transformers", "gradio", "fastapi", "langchain_chroma", "langchain_core")


def seed(settings, *names):
    for name in names:
        shutil.copy(REAL_CORPUS / "documents" / name, settings.corpus_dir / "documents" / name)


def run_cli(settings, *args: str) -> tuple[dict, list[str]]:
    """`planassist ARGS` in a fresh process; returns its JSON output and the heavy modules it imported."""
    probe = ("import json, sys\nfrom assistant.interfaces.cli import app\n"
             f"try:\n    app({list(args)!r})\nexcept SystemExit:\n    pass\n"
             f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))")
    out = subprocess.run([sys.executable, "-c", probe], env=cli_env(settings), cwd=PROJECT_ROOT, capture_output=True,
                         text=True, timeout=600, check=True).stdout.splitlines()
    return json.loads(out[-2]), json.loads(out[-1])


def test_unchanged_ingest_loads_no_model_and_keeps_the_generation(make_settings):
    settings = make_settings()
    seed(settings, RES)
    first = ingest(settings=settings, store=Store.open(settings, encoder_for(settings)))
    assert first.embedded > 0
    fresh = Encoder.load(settings.embedding_model)  # not the process-wide one, which the first ingest loaded
    store = Store.open(settings, fresh)
    generation = store.generation()
    again = ingest(settings=settings, store=store)
    assert again.skipped_unchanged == 1 and again.embedded == 0
    assert not fresh.loaded
    assert store.generation() == generation


def test_unchanged_ingest_from_the_cli_imports_no_model_or_web_framework(make_settings):
    settings = make_settings()
    seed(settings, RES)
    ingest(settings=settings, store=Store.open(settings, encoder_for(settings)))
    report, heavy = run_cli(settings, "ingest", "--json")
    assert report["skipped_unchanged"] == 1 and report["embedded"] == 0
    assert heavy == []


def test_search_from_the_cli_needs_no_torch(make_settings):
    settings = make_settings()
    seed(settings, RES)
    ingest(settings=settings, store=Store.open(settings, encoder_for(settings)))
    out, heavy = run_cli(settings, "search", "peacebuilding architecture review", "-k", "2", "--json")
    assert len(out["results"]) == 2 and out["results"][0]["locator"]
    assert heavy == []


def test_reader_reloads_bm25_after_another_process_ingests(make_settings):
    settings = make_settings()
    seed(settings, RES)
    reader = Retriever.open(settings)
    ingest(settings=settings, store=reader.store)
    before = reader.search("Itad integrated delivery framework HMG", k=5, mode="lexical")
    assert before and all(h.doc_id != "itad-integrated-delivery" for h in before)

    seed(settings, BLOG)
    env = {**cli_env(settings), "PLANASSIST_INGEST_ENGINE": "onnx"}
    subprocess.run([sys.executable, "-m", "assistant", "ingest", "--json"], env=env, cwd=PROJECT_ROOT, check=True,
                   capture_output=True, timeout=600)
    after = reader.search("Itad integrated delivery framework HMG", k=5, mode="lexical")
    assert after[0].doc_id == "itad-integrated-delivery"


def test_ingest_saves_the_lexical_snapshot_and_a_new_reader_opens_it(make_settings, monkeypatch):
    settings = make_settings()
    seed(settings, RES, BLOG)
    store = Store.open(settings, encoder_for(settings))
    ingest(settings=settings, store=store)
    folder = snapshot_folder(settings, settings.collection, store.generation())
    assert (folder / "rows.json").exists()

    reader = Retriever.open(settings)
    reader.refresh()
    assert reader.snapshot.folder == folder  # loaded from disk, not rebuilt
    assert len(reader.snapshot) == store.count()
    hits = reader.search("peacebuilding architecture review", k=3)
    assert len(hits) == 3 and all(h.text for h in hits)
    assert [r.id for r in reader.records] == reader.snapshot.ids
    assert (folder / SENTENCES).is_dir()
    monkeypatch.setattr(SentenceIndex, "build", None)  # the sentence index is opened from disk, not re-split
    assert len(reader.sentences) > 0 and reader.sentences.quotable.any()
