"""Model-written draft paragraphs through a scripted LLM: only checked sentences reach the draft."""

from __future__ import annotations

import pytest

from assistant.products.context import load_context
from assistant.products.draft import draft
from assistant.products.prose import PROSE_LABEL
from assistant.settings import PROJECT_ROOT

pytestmark = pytest.mark.integration
CONTEXT = load_context(PROJECT_ROOT / "examples" / "carana.yaml")


def test_llm_paragraph_keeps_only_checked_sentences(llm_retriever, fake_llm):
    """Same scripted reply for the guidance answer and the paragraph: one grounded, one invented sentence."""
    reply = ("UNMICA and the United Nations country team in Carana will pursue the extension of State authority in the "
             "northern provinces. The World Bank will fund 40 district offices in Carana.")
    fake_llm.script(reply, reply)
    blocks = draft(CONTEXT, llm_retriever, sections=["vision"], backend="llm").blocks
    texts = [b.text for b in blocks]
    assert PROSE_LABEL in texts
    paragraph = texts[texts.index(PROSE_LABEL) + 1]
    assert paragraph.startswith("UNMICA and the United Nations country team") and "World Bank" not in paragraph
    assert any("1 model sentence(s) left out" in t for t in texts)
    system, user = (m["content"] for m in fake_llm.requests[-1]["messages"])
    assert "ONLY from the planning context" in system and "Country: Carana" in user and "<passage " in user


def test_an_echoed_prompt_never_becomes_the_paragraph(llm_retriever, fake_llm):
    echo = "Planning context: Country: Carana | Mission: UNMICA (PKO) | Period: 2027-2029"
    fake_llm.script(echo, echo)
    texts = [b.text for b in draft(CONTEXT, llm_retriever, sections=["vision"], backend="llm").blocks]
    assert PROSE_LABEL not in texts
