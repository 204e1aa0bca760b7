"""Sentence-by-sentence checks of a model-written draft paragraph (lexical path; the encoder is a stub)."""

from __future__ import annotations

import numpy as np

from assistant.answering.verify import Verifier
from assistant.products.context import PlanningContext
from assistant.products.prose import Paragraph, context_text, new_names, prose_blocks, verify_paragraph

CTX = PlanningContext(country="Carana", fictional=True, presence="PKO", mission="UNMICA", key_tasks=["Protection of civilians"],
                      un_entities=["UNDP", "UNHCR"], period="2027-2029", tensions=["Programmatic funding ends with drawdown"])
PASSAGES = {1: "The ISF should set out a shared vision of the UN's strategic objectives and agreed results, timelines and "
               "responsibilities.", 2: "Integrated mechanisms bring the mission and the country team together."}


class StubEncoder:
    """Orthogonal vectors: semantic similarity is never enough, so only lexical support counts."""

    def encode_cached(self, texts, batch_size=None):
        return np.eye(len(texts), 8)


def _check(reply):
    return verify_paragraph(reply, context_text(CTX), PASSAGES, Verifier(StubEncoder()))


def test_cited_policy_sentence_is_kept_with_its_marker():
    kept = _check("The ISF should set out a shared vision and agreed results, timelines and responsibilities [1].")
    assert kept == [("The ISF should set out a shared vision and agreed results, timelines and responsibilities.", [1])]


def test_unsupported_cited_sentence_is_dropped():
    assert _check("The ISF must be approved by the General Assembly every year [1].") == []


def test_context_sentence_without_citation_is_kept():
    kept = _check("In Carana, UNMICA, UNDP and UNHCR will work on the protection of civilians from 2027 to 2029.")
    assert kept and kept[0][1] == []


def test_invented_name_or_figure_is_dropped_even_when_cited():
    assert _check("UNMICA will hand 40 tasks to the World Bank in Carana [2].") == []
    assert new_names("UNMICA will hand 40 tasks to the World Bank.", context_text(CTX)) == ["40", "World", "Bank"]


def test_invalid_marker_is_repaired_or_dropped():
    kept = _check("Integrated mechanisms bring the mission and the country team together [9].")
    assert kept == [("Integrated mechanisms bring the mission and the country team together.", [2])]


def test_blocks_say_what_was_left_out():
    assert prose_blocks(Paragraph(text="", kept=0, dropped=3)) == []
    blocks = prose_blocks(Paragraph(text="A [1].", kept=1, dropped=2))
    assert [b.kind for b in blocks] == ["note", "paragraph", "note"] and "2 model sentence(s) left out" in blocks[2].text


def test_an_echo_of_the_prompt_is_not_prose():
    echo = "Planning context for Carana (quoted data): <context> " + context_text(CTX).replace("\n", " ") + " </context>"
    assert _check(echo) == [] and _check(context_text(CTX)) == []


def test_paragraph_is_capped():
    kept = _check(" ".join(["UNMICA and UNDP will work in Carana on the protection of civilians."] * 9))
    assert len(kept) == 6
