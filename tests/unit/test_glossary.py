"""The glossary shipped in corpus/ and query expansion in both directions."""

from conftest import REAL_CORPUS

from assistant.corpus.glossary import Glossary, Term, load_glossary_file

GLOSSARY = load_glossary_file(REAL_CORPUS / "glossary.toml")


def test_glossary_has_the_core_terms():
    names = {t.term for t in GLOSSARY.terms}
    assert len(names) >= 60
    assert {"SRSG", "DSRSG/RC/HC", "UNCT", "AFPs", "ISF", "IAP", "IMPP", "IMTF", "JMAC", "PBF"} <= names


def test_acronym_expands_to_long_form():
    assert "Integrated Strategic Framework" in GLOSSARY.expand("What must an ISF contain?")


def test_long_form_expands_to_acronym():
    assert GLOSSARY.expand("role of the United Nations country team").endswith("UNCT")


def test_slash_acronym_is_one_term():
    expanded = GLOSSARY.expand("Who does the DSRSG/RC/HC report to?")
    assert "Deputy Special Representative" in expanded


def test_no_expansion_inside_words():
    assert GLOSSARY.expand("crisis management") == "crisis management"


def test_search_finds_by_definition_and_lists_all():
    assert any(t.term == "JMAC" for t in GLOSSARY.search("analysis centre"))
    assert len(GLOSSARY.search()) == len(GLOSSARY.terms)


def test_an_expansion_matches_in_either_spelling():
    g = Glossary([Term(term="JMAC", expansion="Joint Mission Analysis Centre", definition="")])
    assert [t.term for t in g.matches("the first directive on the joint mission analysis center")] == ["JMAC"]
    assert g.expand("What does a joint mission analysis center do?").endswith("JMAC")
