from assistant.citation import NOT_COVERED, Citation, format_citation, locator


def test_abstention_phrase_is_fixed():
    assert NOT_COVERED == "The corpus does not cover this."


def test_paragraph_locators():
    assert locator(para_start=23, para_end=23) == "para. 23"
    assert locator(para_start=23, para_end=25) == "paras. 23–25"


def test_page_and_section_locators():
    assert locator(page_start=4, page_end=4) == "p. 4"
    assert locator(heading="Analyze as One", page_start=3, page_end=4) == "'Analyze as One' (pp. 3–4)"
    assert locator() == "whole document"


def test_citation_label():
    c = Citation(n=1, chunk_id="x", doc_id="s-2012-765", title="T", short="S/2012/765", locator="para. 23", quote="q")
    assert c.label == format_citation("S/2012/765", "para. 23") == "S/2012/765, para. 23"
