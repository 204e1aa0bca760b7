"""Exercise packs on real documents: topic changes roles and injects, long formats have breaks, answer key cited."""

from __future__ import annotations

import re

import pytest

from assistant.citation import NOT_COVERED
from assistant.evaluate import supports
from assistant.products.exercise import exercise, scenario_words

pytestmark = pytest.mark.integration
MARKERS = re.compile(r"\[(\d+)\]")


@pytest.fixture(scope="module")
def packs(retriever):
    return {"humanitarian": exercise("humanitarian space and co-branded quick-impact projects", 90, 18, retriever,
        backend="extractive"),
            "drawdown": exercise("mission drawdown and handover of tasks", 480, 30, retriever, backend="extractive")}


def _level(pack, level):
    return [b.text for b in pack.blocks if b.kind == "heading" and b.level == level]


def test_pack_structure(packs):
    assert _level(packs["humanitarian"], 1) == ["Purpose and audience", "Learning objectives", "Scenario (read-ahead)",
        "Role cards",
                                                 "Timetable and injects", "Discussion questions", "Facilitator answer key",
                                                 "Debrief (hot-wash)"]
    titles = [b.text for b in packs["drawdown"].blocks]
    read_ahead = packs["drawdown"].blocks[titles.index("Scenario (read-ahead)") + 1: titles.index("Role cards")]
    assert scenario_words(read_ahead) >= 400


def test_topic_changes_roles_briefs_and_injects(packs):
    roles = {k: {t for t in _level(p, 2) if not t.startswith("Inject")} for k, p in packs.items()}
    assert "Head of OCHA" in roles["humanitarian"] and "Head of OCHA" not in roles["drawdown"]
    assert "Director of Mission Support" in roles["drawdown"]
    injects = {k: [t for t in _level(p, 2) if t.startswith("Inject ")] for k, p in packs.items()}
    assert injects["humanitarian"][0] == "Inject 1: Co-branded quick-impact projects"
    assert injects["drawdown"][0] == "Inject 1: Transition trigger and financial cliff"
    briefs = " ".join(i for b in packs["drawdown"].blocks if b.kind == "bullets" for i in b.items if i.startswith("Confidential"))
    assert "co-brand" not in briefs.lower() and "NGO" not in briefs


def test_long_formats_have_breaks_and_more_injects(packs):
    table = next(b.rows for b in packs["drawdown"].blocks if b.kind == "table")
    phases = [r[1] for r in table]
    assert "Lunch" in phases and "Break" in phases and any("rotate roles" in p for p in phases)
    assert len([t for t in _level(packs["drawdown"], 2) if t.startswith("Inject ")]) == 6
    assert len([t for t in _level(packs["humanitarian"], 2) if t.startswith("Inject ")]) == 2


def test_answer_key_is_whole_cited_supported_sentences(packs, retriever):
    for pack in packs.values():
        titles = [b.text for b in pack.blocks]
        key = [b.text for b in pack.blocks[titles.index("Facilitator answer key"):titles.index("Debrief "
            "(hot-wash)")] if b.kind == "paragraph"]
        assert key and all(a == NOT_COVERED or MARKERS.search(a) for a in key)
        quotes = {c.n: c.quote for c in pack.sources}
        for answer in key:
            for part in re.findall(r"(.+?(?:\s\[\d+\])+)(?:\s|$)", answer):
                sentence = MARKERS.sub("", part).strip()
                assert sentence[0].isupper() and not sentence.startswith(("This", "These", "It ", "They")), sentence
                assert any(supports(sentence, quotes[int(n)]) for n in MARKERS.findall(part)), sentence
        cited = {int(n) for b in pack.blocks for t in [b.text, *b.items] for n in MARKERS.findall(t)}
        assert cited == set(range(1, len(pack.sources) + 1))
        assert len(retriever.store.get([c.chunk_id for c in pack.sources])) == len(pack.sources)


def test_cli_exercise_docx_from_a_context(cli, tmp_path):
    from docx import Document

    from assistant.settings import PROJECT_ROOT

    out = tmp_path / "ex.docx"
    cli("exercise", "--topic", "elections", "--minutes", "960", "--participants", "30", "--context",
        str(PROJECT_ROOT / "evals" / "contexts" / "spm-withdrawal.yaml"), "--format", "docx", "-o", str(out),
        "--backend", "extractive")
    doc = Document(str(out))
    assert doc.tables and doc.tables[0].cell(0, 0).text == "Day"
    text = " ".join(p.text for p in doc.paragraphs)
    assert "Bogaland" in text and "UNAMB" in text and "Chief Electoral Adviser" in text
