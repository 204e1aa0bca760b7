"""The verifier's lexical evidence: a little lenient on OCR character noise, never on missing words."""

from __future__ import annotations

from assistant.answering.verify import Verifier


def test_ocr_passages_forgive_one_wrong_character_but_not_a_missing_word():
    verifier = Verifier(None)
    passage = "the February 1995 Blectoral Law foresees elections in November 1998"
    sentence = "The 1995 Electoral Law foresees elections in November."
    assert verifier.lexical(sentence, passage, ocr=True) == 1.0
    assert verifier.lexical(sentence, passage) < 1.0  # text-layer passages stay strict
    assert verifier.lexical("The 1995 Electoral Law postpones elections.", passage, ocr=True) < 1.0
