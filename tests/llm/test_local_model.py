"""The real local model (Qwen2.5-Coder-1.5B-Instruct in process via xllamacpp): install, verify, answers, draft.

Run with `make test-llm` (installs the `[local-llm]` extra and the model first). Kept out of
`make test`: on 2 CPU cores every generation takes tens of seconds to minutes. These tests
check behaviour a user relies on, not speed.
"""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from assistant.answering.answer import Answer, answer_question, answer_stream
from assistant.answering.llm import MODEL_DECLINED
from assistant.answering.local_models import CATALOGUE, model_path
from assistant.citation import NOT_COVERED
from assistant.index.retrieve import Retriever
from assistant.interfaces.cli import app
from assistant.products.context import load_context
from assistant.products.draft import draft
from assistant.products.prose import PROMPT_ECHO, PROSE_LABEL
from assistant.settings import PROJECT_ROOT

pytestmark = pytest.mark.llm

MODEL = "qwen2.5-coder-1.5b-instruct"


@pytest.fixture(scope="module")
def local_retriever(retriever):
    """The session index answered by the real local model (deterministic sampling, short replies)."""
    settings = retriever.settings.model_copy(update={"local_model": MODEL, "models_dir": PROJECT_ROOT / "models",
                                                     "llm_temperature": 0.0, "llm_max_tokens": 160})
    r = Retriever(settings, retriever.store, retriever.encoder, retriever.glossary)
    r.refresh(force=True)
    return r


def test_install_is_verified_and_idempotent(monkeypatch):
    monkeypatch.setenv("PLANASSIST_MODELS_DIR", str(PROJECT_ROOT / "models"))
    from assistant.settings import get_settings

    get_settings.cache_clear()
    runner = CliRunner()
    result = runner.invoke(app, ["models", "install", MODEL])
    assert result.exit_code == 0, result.output
    assert CATALOGUE[MODEL].sha256 in result.output
    verify = runner.invoke(app, ["models", "verify", MODEL])
    assert verify.exit_code == 0 and re.search(rf"\bok\s+{re.escape(MODEL)}:", verify.output), verify.output[-300:]
    assert model_path(CATALOGUE[MODEL], PROJECT_ROOT / "models").stat().st_size == CATALOGUE[MODEL].size
    get_settings.cache_clear()


def test_streams_a_cited_verified_answer(local_retriever):
    events = list(answer_stream("What are the priority areas of the police Joint Development Plan in Timor-Leste?",
                                local_retriever, backend="llm"))
    tokens, result = events[:-1], events[-1]
    assert isinstance(result, Answer) and len(tokens) > 5, "tokens arrive one by one"
    assert not result.abstained, result.answer
    assert result.sentences and all(s.supported and s.citations for s in result.sentences), result.answer
    assert any(w in result.answer.lower() for w in ("legislation", "training", "discipline", "administration")), result.answer


def test_declines_when_the_passages_do_not_answer(local_retriever):
    """The retrieval gate is opened so that the model itself must see that the passages are off topic."""
    settings = local_retriever.settings.model_copy(update={"abstain_threshold": 0.0, "abstain_floor": 0.0})
    open_gate = Retriever(settings, local_retriever.store, local_retriever.encoder, local_retriever.glossary)
    open_gate.refresh(force=True)
    result = answer_question("Which country won the 2022 football World Cup final?", open_gate, backend="llm")
    assert result.abstained and result.answer == NOT_COVERED and MODEL_DECLINED in result.notes, result.answer
    assert result.citations, "a decline lists the nearest sources"


def test_drafts_a_verified_paragraph(local_retriever):
    report = draft(load_context(PROJECT_ROOT / "examples" / "carana.yaml"), local_retriever, sections=["vision"], backend="llm")
    texts = [b.text for b in report.blocks]
    assert PROSE_LABEL in texts, texts
    paragraph = texts[texts.index(PROSE_LABEL) + 1]
    assert "Carana" in paragraph or "UNMICA" in paragraph, paragraph
    assert not PROMPT_ECHO.search(paragraph), "an echo of the prompt is not a paragraph"
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", paragraph)}
    assert cited <= {s.n for s in report.sources}, "every marker resolves to a listed source"
