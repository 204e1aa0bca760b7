"""Superseded documents rank below current ones and current-only drops them (planted manifest)."""

from __future__ import annotations

import pytest

from assistant.answering.answer import answer_question
from assistant.index.ingest import ingest
from assistant.index.retrieve import Filters, Retriever

pytestmark = pytest.mark.integration

OLD = "old-guidance.md"
NEW = "new-guidance.md"
TEXT = ("Integrated transition planning must begin at least {n} months before mission drawdown, "
        "led jointly by the SRSG and the RC.")


@pytest.fixture
def planted(make_settings):
    settings = make_settings()
    docs = settings.corpus_dir / "documents"
    (docs / OLD).write_text("# Old guidance\n\n" + TEXT.format(n=12) + "\n")
    (docs / NEW).write_text("# New guidance\n\n" + TEXT.format(n=18) + "\n")
    with open(settings.corpus_dir / "manifest.toml", "a", encoding="utf-8") as f:
        f.write(f'''
[[document]]
id = "old-guidance"
file = "{OLD}"
title = "Old Transition Guidance"
short = "Old Guidance 2010"
date = "2010-01-01"
type = "guidance"
superseded_by = "new-guidance"

[[document]]
id = "new-guidance"
file = "{NEW}"
title = "New Transition Guidance"
short = "New Guidance 2020"
date = "2020-01-01"
type = "guidance"
''')
    retriever = Retriever.open(settings)
    assert not ingest(settings=settings, store=retriever.store).failed
    return retriever


def test_current_document_outranks_superseded(planted):
    hits = planted.search("When must integrated transition planning begin?", k=2)
    assert [h.doc_id for h in hits] == ["new-guidance", "old-guidance"]
    assert hits[1].status == "superseded" and hits[1].superseded_by == "new-guidance"


def test_current_only_filter(planted):
    hits = planted.search("integrated transition planning", k=5, filters=Filters(current_only=True))
    assert hits and "old-guidance" not in {h.doc_id for h in hits}


def test_answer_citing_superseded_names_successor(planted):
    result = answer_question("When must integrated transition planning begin?", planted,
                             filters=Filters(doc_ids=["old-guidance"]))
    assert not result.abstained
    assert any("superseded" in n and "New Transition Guidance" in n for n in result.notes), result.notes
