"""Shared fixtures: a small real index (real model, real Chroma, real UN documents) built once.

Unit tests need none of this; tests marked ``integration`` use ``corpus_settings`` and
``retriever``. Mutating tests get their own throw-away index from ``make_settings``.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from assistant.index.ingest import ingest
from assistant.index.retrieve import Retriever
from assistant.settings import PROJECT_ROOT, Settings

REAL_CORPUS = PROJECT_ROOT / "corpus"
SHARED = PROJECT_ROOT.parent / "shared"
LIBRARY = SHARED / "library"
SUBSET = [
    "sg-report-unmit-s-2012-765.md",
    "ipi-driving-the-system-apart-2013.txt",
    "ga-res-80-11-peacebuilding-architecture-review-2025.md",
]


def copy_corpus(target: Path, files: list[str]) -> Path:
    """A corpus folder with the real manifest and glossary and some of the real documents."""
    (target / "documents").mkdir(parents=True)
    for name in ("manifest.toml", "glossary.toml"):
        shutil.copy(REAL_CORPUS / name, target / name)
    for name in files:
        shutil.copy(REAL_CORPUS / "documents" / name, target / "documents" / name)
    return target


def index_of(root: Path, files: list[str]) -> Retriever:
    """A retriever over an index of some of the real documents, built under ``root`` (a test's own small library)."""
    settings = Settings(corpus_dir=copy_corpus(root / "corpus", files), index_dir=root / "indexes",
                        uploads_dir=root / "indexes" / "uploads")
    r = Retriever.open(settings)
    assert not ingest(settings=settings, store=r.store).failed
    r.refresh(force=True)
    return r


def cli_env(settings: Settings) -> dict[str, str]:
    """The environment that makes a `python -m assistant` subprocess use these settings' corpus and index."""
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    for name in ("corpus_dir", "index_dir", "uploads_dir", "collection"):
        env[f"PLANASSIST_{name.upper()}"] = str(getattr(settings, name))
    return env


UNIT = Path(__file__).parent / "unit"


@pytest.fixture(autouse=True)
def _unit_tests_load_no_model(request, monkeypatch):
    """In tests/unit, loading the embedding model fails the test and names the fake to use instead."""
    if not request.node.path.is_relative_to(UNIT):
        return
    from assistant.index.embeddings import Encoder

    def refuse(*args, **kwargs):
        raise RuntimeError("tests/unit must not load the embedding model: use fakes.FakeEncoder or move the test to "
                           "tests/integration")

    monkeypatch.setattr(Encoder, "load", classmethod(refuse))
    monkeypatch.setattr(Encoder, "_load", refuse)  # where an engine (and so the model) is really loaded


@pytest.fixture(scope="session")
def corpus_settings(tmp_path_factory) -> Settings:
    root = tmp_path_factory.mktemp("corpus-index")
    corpus = copy_corpus(root / "corpus", SUBSET)
    return Settings(corpus_dir=corpus, index_dir=root / "indexes", uploads_dir=root / "indexes" / "uploads")


@pytest.fixture(scope="session")
def retriever(corpus_settings) -> Retriever:
    r = Retriever.open(corpus_settings)
    report = ingest(settings=corpus_settings, store=r.store)
    assert not report.failed, report.failed
    r.refresh(force=True)
    return r


@pytest.fixture
def make_settings(tmp_path):
    """Settings for a fresh, empty index over a corpus folder of the test's own."""

    def make(**overrides) -> Settings:
        corpus = tmp_path / "corpus"
        (corpus / "documents").mkdir(parents=True, exist_ok=True)
        for name in ("manifest.toml", "glossary.toml"):
            if not (corpus / name).exists():
                shutil.copy(REAL_CORPUS / name, corpus / name)
        values = dict(corpus_dir=corpus, index_dir=tmp_path / "indexes", uploads_dir=tmp_path / "uploads",
                      collection=f"t{abs(hash(str(tmp_path))) % 10**8}")
        values.update(overrides)
        return Settings(**values)

    return make


@pytest.fixture(scope="session")
def fake_llm():
    """A scripted OpenAI-compatible server (see tests/fakes.py)."""
    from fakes import FakeLLM

    server = FakeLLM()
    yield server
    server.close()


@pytest.fixture
def llm_retriever(retriever, fake_llm):
    """The session index answered through the fake LLM server (same store, LLM settings)."""
    settings = retriever.settings.model_copy(update={"llm_base_url": fake_llm.url, "llm_model": "fake"})
    r = Retriever(settings, retriever.store, retriever.encoder, retriever.glossary)
    r.refresh(force=True)
    return r


@pytest.fixture
def cli(retriever, corpus_settings, monkeypatch):
    """Run `planassist` in-process with PLANASSIST_* pointing at the session index; returns its JSON lines."""
    import json

    from typer.testing import CliRunner

    from assistant.index.retrieve import get_retriever
    from assistant.interfaces.cli import app
    from assistant.settings import get_settings

    for field in ("corpus_dir", "index_dir", "uploads_dir"):
        monkeypatch.setenv(f"PLANASSIST_{field.upper()}", str(getattr(corpus_settings, field)))
    get_settings.cache_clear()
    get_retriever.cache_clear()
    runner = CliRunner()

    def run(*args: str) -> list[dict]:
        result = runner.invoke(app, list(args))
        assert result.exit_code == 0, result.output
        return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]

    yield run
    get_settings.cache_clear()
    get_retriever.cache_clear()


def remove_uploads(retriever) -> None:
    """Delete user uploads from a store shared with other tests (browser and schema tests upload)."""
    from assistant.index.library import delete_document, list_documents

    for doc in list_documents(retriever):
        if doc.origin == "upload":
            delete_document(retriever, doc.id)
