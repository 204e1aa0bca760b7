"""Citation verification with the fake encoder: marker repair and support, no model."""

from fakes import FakeEncoder

from assistant.answering.verify import Verifier, markers, split_sentences, support_score, supports, word_coverage

PASSAGES = {
    1: "The integrated strategic framework sets out the shared vision of the mission and the country team.",
    2: "Budget ceilings are agreed with the host government.",
}


def test_word_coverage_counts_content_words_stemmed():
    assert word_coverage("frameworks set vision", PASSAGES[1]) == 1.0
    assert word_coverage("budget vision elephants", PASSAGES[2]) == 1 / 3
    assert word_coverage("the of and", PASSAGES[1]) == 0.0


def test_support_needs_words_or_meaning():
    assert supports(support_score(0.6)) and not supports(support_score(0.59))
    assert supports(support_score(0.0, similarity=0.75)) and not supports(support_score(0.5, similarity=0.7))


def test_a_supported_citation_stands():
    [v] = Verifier(FakeEncoder()).check(["The framework sets out the shared vision of the mission [1]."], PASSAGES)
    assert v.supported and v.citations == [1] and not v.notes


def test_a_wrong_marker_is_repaired_and_an_invalid_one_removed():
    [v] = Verifier(FakeEncoder()).check(["Budget ceilings are agreed with the host government [1][9]."], PASSAGES)
    assert v.supported and v.citations == [2]
    assert any("[9]" in n for n in v.notes) and any("repaired" in n for n in v.notes)


def test_an_unsupported_sentence_is_flagged_never_grounded():
    [v] = Verifier(FakeEncoder()).check(["Elephants migrate north in winter [1]."], PASSAGES)
    assert not v.supported and "not supported by the cited passages" in v.notes


def test_sentences_and_markers():
    assert split_sentences("See para. 4. It holds [2].") == ["See para. 4.", "It holds [2]."]
    assert markers("a [1][3], b [2]") == [1, 3, 2]


def test_ocr_passages_forgive_one_wrong_character_but_not_a_missing_word():
    passage = "the February 1995 Blectoral Law foresees elections in November 1998"
    sentence = "The 1995 Electoral Law foresees elections in November."
    assert word_coverage(sentence, passage, ocr=True) == 1.0
    assert word_coverage(sentence, passage) < 1.0  # text-layer passages stay strict
    assert word_coverage("The 1995 Electoral Law postpones elections.", passage, ocr=True) < 1.0
    [v] = Verifier(FakeEncoder()).check(["The 1995 Electoral Law foresees elections in November [1]."], {1: passage}, ocr={1})
    assert v.supported
