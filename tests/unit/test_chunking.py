"""Locators on real UN documents: paragraph numbers, headings and PDF pages come out right."""

from __future__ import annotations

import re
import time

import pytest
from conftest import LIBRARY, REAL_CORPUS

from assistant.corpus.chunking import chunk_id, chunk_pages, parse
from assistant.corpus.cleaning import clean_pages
from assistant.corpus.loaders import load
from assistant.corpus.splices import letters
from assistant.index.sentences import passage_sentences

DOCS = REAL_CORPUS / "documents"


def chunks_of(name: str, **kw):
    doc = load(DOCS / name)
    return chunk_pages("doc", [(p.text, p.number) for p in doc.pages], **kw)


def find(chunks, start: str):
    return next(c for c in chunks if c.text.startswith(start))


def test_sg_report_paragraph_number_and_heading_path():
    c = find(chunks_of("sg-report-unmit-s-2012-765.md"), "24. UNMIT police support")
    assert c.locator == "para. 24" and c.para_start == 24
    assert "Support for and institutional strengthening of security institutions" in c.heading
    assert c.heading.startswith("II. Political developments")


def test_every_chunk_opening_a_paragraph_is_located_at_it():
    opening = [c for c in chunks_of("sg-report-unmit-s-2012-765.md") if re.match(r"\d{1,3}\. ", c.text)]
    assert len(opening) > 50
    for c in opening:
        assert c.text.startswith(f"{c.para_start}. "), (c.locator, c.text[:40])


def test_resolution_operative_paragraph():
    c = find(chunks_of("ga-res-80-11-peacebuilding-architecture-review-2025.md"), "5. Encourages United Nations country teams")
    assert c.locator == "para. 5" and c.heading.endswith("Operative part")


def test_study_is_cited_by_section_not_by_list_numbers():
    chunks = chunks_of("ipi-driving-the-system-apart-2013.txt")
    c = next(c for c in chunks if "Establish joint analysis units" in c.text)
    assert c.locator == "'Analyze as One'" and c.para_start is None


@pytest.mark.skipif(not (LIBRARY / "un-sg-reports").exists(), reason="shared library not on this machine")
def test_pdf_chunks_carry_paragraph_and_page():
    doc = load(LIBRARY / "un-sg-reports" / "MINUSTAH_S_2004_698.pdf")
    chunks = chunk_pages("m", [(p.text, p.number) for p in doc.pages])
    first = find(chunks, "1. By its resolution 1542 (2004)")
    assert first.locator == "para. 1 (p. 1)" and first.heading == "I. Introduction"
    spanning = [c for c in chunks if c.page_start and c.page_end and c.page_end > c.page_start]
    assert spanning and all("pp. " in c.locator for c in spanning)
    assert all("United Nations S/2004/698" not in c.text for c in chunks[1:]), "page furniture kept"


def test_ids_are_stable_content_hashes():
    a = chunks_of("sg-report-unmit-s-2012-765.md")
    b = chunks_of("sg-report-unmit-s-2012-765.md")
    assert [c.id for c in a] == [c.id for c in b]
    assert a[0].id == chunk_id("doc", a[0].text)
    assert len({c.id for c in a}) == len(a)


def test_long_paragraph_is_split_within_size_and_keeps_number():
    text = "12. " + " ".join(f"Sentence {i} about integrated planning and joint analysis." for i in range(120))
    chunks = chunk_pages("d", [(text, None)], chunk_chars=600, overlap=50)
    assert len(chunks) > 5
    assert all(len(c.text) <= 600 for c in chunks)
    assert {c.para_start for c in chunks} == {None} or {c.para_start for c in chunks} == {12}


def test_headings_from_markdown_and_roman_numerals():
    paragraphs = parse([("# Title\n\nI. Introduction\n\nSome opening text of the report.\n\nA. Politics\n\nMore text here.",
                         None)])
    assert paragraphs[-1].headings[-2:] == ("I. Introduction", "A. Politics")


def test_a_cover_line_stating_the_adoption_date_is_a_sentence_not_a_heading():
    paragraphs = parse([("Agenda item 62 Peacebuilding\n\nResolution adopted by the General Assembly on 26 November 2025"
                         "\n\nThe General Assembly,\n\nRecalling its resolutions,", None)])
    assert paragraphs[0].text == "Resolution adopted by the General Assembly on 26 November 2025."
    assert paragraphs[0].headings == ("Agenda item 62 Peacebuilding",)
    preamble = parse([("Recalling the provisions adopted at the Summit on 22 September 2024, and reaffirming them,", None)])
    assert preamble[0].text.endswith("reaffirming them,")  # a preambular paragraph is no cover line


def _wrapped_paragraph(lines: int) -> list[tuple[str, int | None]]:
    """One paragraph of ``lines`` PDF-wrapped lines (no blank line), some broken at a hyphen."""
    text = "\n".join(f"the mission and the country team plan {i} joint peace-" if i % 7 == 0
                     else f"building steps together, line {i} of the same paragraph" for i in range(lines))
    return [(text, None)]


def _parse_seconds(pages) -> float:
    best = float("inf")
    for _ in range(3):  # the fastest of three runs: the least disturbed by other work on the machine
        start = time.perf_counter()
        parse(pages)
        best = min(best, time.perf_counter() - start)
    return best


def test_joining_a_long_paragraph_grows_linearly():
    """A 1 MB paragraph takes about 8 times a 128 KB one (joining by string addition took ~50 times)."""
    small, large = _wrapped_paragraph(2_500), _wrapped_paragraph(20_000)
    assert len(large[0][0]) > 1_000_000
    ratio = _parse_seconds(large) / _parse_seconds(small)
    assert ratio < 20, f"8x the text took {ratio:.0f}x the time"


def test_joined_lines_keep_words_and_mend_hyphens():
    [para] = parse(_wrapped_paragraph(8))
    assert para.text.startswith("the mission and the country team plan 0 joint peace-building steps together, line 1 ")
    assert "line 6 of the same paragraph the mission and the country team plan 7 joint peace-" in para.text
    [para] = parse([("The Mission -\nled planning and a UN-\nSecretariat-led review", None)])
    assert para.text == "The Mission - led planning and a UN- Secretariat-led review"


IPI_SPLIT = """EXTERNAL PRESSURES

A final challenge to the relevance of integrated planning processes is the extent to which they can incorporate \
policy developments and contextual realities. Yet, processes that enable the UN to work more effectively with host \
governments and civil society, established through agreements like the New Deal, could and should have major \
consequences for how the UN's work in the field is organized and integrated in the coming

In addition, the current global economic context

has led UN member states to increase pressure on UN planners to do more with less. For example, there appear to be \
increasing requests for (sometimes unrealistic) quantitative rather than qualitative monitoring and evaluation and \
benchmarks."""


def test_a_sentence_cut_after_its_first_line_is_not_spliced_onto_the_paragraph_before():
    """IPI 2013 as converted: the lone first line is not a heading, its rest does not join '…in the coming'."""
    paragraphs = parse([(IPI_SPLIT, None)])
    texts = [p.text for p in paragraphs]
    assert not any("in the coming has led" in t for t in texts)
    assert texts[-1].startswith("In addition, the current global economic context has led UN member states")
    assert paragraphs[-1].headings == paragraphs[0].headings == ("External Pressures",)


def test_a_lower_case_block_after_a_numbered_heading_is_not_joined_across_it():
    paragraphs = parse([("The mission will support the\n\nII. Transition planning\n\nnational police.", None)])
    assert [p.text for p in paragraphs] == ["The mission will support the", "national police."]
    assert paragraphs[-1].headings == ("II. Transition planning",)


@pytest.mark.parametrize("name", sorted(p.name for p in DOCS.iterdir()))
def test_every_sentence_of_the_default_corpus_is_verbatim_in_its_cleaned_source(name):
    """The general check (scripts/check_splices.py) on each real document: no sentence joined from two places."""
    doc = load(DOCS / name)
    pages = [(p.text, p.number) for p in doc.pages]
    cleaned = clean_pages(pages)
    source = letters("\n".join([t for t, _ in cleaned.pages] + [n.text for n in cleaned.footnotes]))
    spliced = [s for c in chunk_pages("doc", pages) for s in passage_sentences(c.text) if letters(s) not in source]
    assert spliced == []


def _passages(name: str) -> list[str]:
    doc = load(DOCS / name)
    return [c.text for c in chunk_pages(name, [(p.text, p.number) for p in doc.pages])]


def test_a_long_paragraph_is_cut_between_sentences_not_at_an_abbreviation():
    """S/2012/765 para. 59 is cut in pieces; 'see paras. 21, 24 and 25 above' is inside a sentence, not a cut."""
    texts = _passages("sg-report-unmit-s-2012-765.md")
    assert not [t[:40] for t in texts if re.match(r"\d+(?:, \d+)* (?:and|to) \d+ above\)|\d+\)\.", t)]
    assert any("(see paras. 21, 24 and 25 above) and discussed" in t for t in texts)


def test_a_paragraph_cut_after_a_comma_goes_on_with_the_year_that_opens_the_next():
    """IPI 2013: 'After the referendum result was issued on February 7,' / '2011, a UN integrated … team visited'."""
    texts = _passages("ipi-driving-the-system-apart-2013.txt")
    assert any("issued on February 7, 2011, a UN integrated technical assessment" in t for t in texts)
    assert not any(t.startswith("2011, a UN integrated") for t in texts)
