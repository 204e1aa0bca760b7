"""Exercise packs: structure, timeline arithmetic, topic-fitted roles and injects, cited answer key."""

from __future__ import annotations

import re

import pytest

from assistant.citation import NOT_COVERED
from assistant.products.exercise import exercise

MARKERS = re.compile(r"\[(\d+)\]")


@pytest.mark.integration
def test_pack_structure_and_cited_answer_key(retriever):
    pack = exercise("humanitarian space and co-branded quick-impact projects", 90, 18, retriever, backend="extractive")
    level1 = [b.text for b in pack.blocks if b.kind == "heading" and b.level == 1]
    assert level1 == ["Purpose and audience", "Learning objectives", "Scenario (read-ahead)", "Role cards",
                      "Timeline and injects", "Discussion questions", "Facilitator answer key", "Debrief (hot-wash)"]
    roles = [b.text for b in pack.blocks if b.kind == "heading" and b.level == 2]
    assert "DSRSG/RC/HC" in roles and "Head of OCHA" in roles, "core and topic roles"
    assert "Inject 1: Humanitarian-space shock" in roles
    assert any("Confidential brief" in item for b in pack.blocks if b.kind == "bullets" for item in b.items)
    key = pack.blocks[[b.text for b in pack.blocks].index("Facilitator answer key") + 1:]
    answers = [b.text for b in key if b.kind == "paragraph"]
    assert answers and all(a == NOT_COVERED or MARKERS.search(a) for a in answers)
    assert any(MARKERS.search(a) for a in answers)
    cited = {int(n) for b in pack.blocks for t in [b.text, *b.items] for n in MARKERS.findall(t)}
    assert cited == set(range(1, len(pack.sources) + 1))
    stored = retriever.store.get([c.chunk_id for c in pack.sources])
    assert len(stored) == len(pack.sources)


@pytest.mark.integration
def test_cli_exercise_docx(cli, tmp_path):
    from docx import Document

    out = tmp_path / "ex.docx"
    cli("exercise", "--topic", "transition and handover of tasks", "--minutes", "240", "--participants", "30",
        "--format", "docx", "-o", str(out), "--backend", "extractive")
    doc = Document(str(out))
    assert doc.tables and doc.tables[0].cell(0, 0).text == "Time"
    assert "Facilitator answer key" in [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
