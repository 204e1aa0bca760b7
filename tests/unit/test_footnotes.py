"""Footnotes as their own units, linked to the passage that cites them, on real documents."""

from __future__ import annotations

import pytest
from conftest import LIBRARY, REAL_CORPUS

from assistant.corpus.chunking import Chunk, chunk_pages
from assistant.corpus.footnotes import extract_footnotes
from assistant.corpus.loaders import load
from assistant.corpus.quality import SPLICED
from assistant.corpus.sentences import split_sentences

KOSOVO_PDF = LIBRARY / "un-sg-reports" / "UNMIK_S_2016_901.pdf"


def _chunks(path) -> list[Chunk]:
    doc = load(path)
    return chunk_pages(path.stem, [(p.text, p.number) for p in doc.pages])


def _note(chunks: list[Chunk], label: str) -> Chunk:
    return next(c for c in chunks if c.kind == "footnote" and c.footnote == label)


def _by_id(chunks: list[Chunk], cid: str) -> Chunk:
    return next(c for c in chunks if c.id == cid)


@pytest.fixture(scope="module")
def ipi() -> list[Chunk]:
    return _chunks(REAL_CORPUS / "documents" / "ipi-driving-the-system-apart-2013.txt")


def test_ipi_notes_are_units_cited_by_their_paragraph(ipi):
    note = _note(ipi, "4")
    assert note.text.startswith("The first DPKO policy directive on JOC and JMAC was released in 2006")
    assert note.locator == "note 4"  # a study without UN paragraph numbers
    citing = _by_id(ipi, note.cited_by)
    assert "components of missions.⁴" in citing.text and "4" in citing.notes
    assert note.heading == citing.heading == "DPKO Leads Integration Within the UN Secretariat"
    sixteen = _note(ipi, "16")
    assert sixteen.text == 'United Nations Secretary-General, "Decision No. 2008/24."'
    assert 'consolidating peace."¹⁶' in _by_id(ipi, sixteen.cited_by).text


def test_ipi_plain_digit_markers_become_superscripts(ipi):
    citing = _by_id(ipi, _note(ipi, "8").cited_by)
    assert 'common premises under a single UN flag."⁸ The 2000 Report' in citing.text


def test_ipi_body_never_contains_note_text(ipi):
    body = [c for c in ipi if c.kind == "text"]
    assert not any(p.search(c.text) for c in body for p in SPLICED)
    joined = next(c for c in body if "secondary reporting line to the chair of the" in c.text)
    assert "chair of the UN Development Group (as RC)" in joined.text  # the halves a note block separated
    assert all("The first DPKO policy directive" not in s for c in body for s in split_sentences(c.text))


def test_heading_labels_carry_no_marks_and_a_heading_note_links_to_the_paragraph_under_it(ipi):
    note = _note(ipi, "19")
    assert note.heading == "Peacebuilding as a Driver for Integration: UN Offices in Burundi and Sierra Leone"
    assert _by_id(ipi, note.cited_by).heading == note.heading
    assert not any(ch in c.locator + c.heading for c in ipi for ch in "¹²³⁴⁵⁶⁷⁸⁹⁰")


def test_s_2012_889_note_and_rejoined_paragraph():
    chunks = _chunks(REAL_CORPUS / "documents" / "sc-mission-report-timor-leste-s-2012-889.md")
    note = _note(chunks, "1")
    assert note.text == "The visit of the Security Council mission to Timor-Leste actually took place from 3 to 6 November 2012."
    assert note.locator == "footnote 1"
    assert _by_id(chunks, note.cited_by).para_start == 1
    assert any("relationship of cooperation with the United Nations, and to underscore" in c.text for c in chunks)
    assert not any("12-61376" in c.text or "Reissued for technical reasons" in c.text for c in chunks if c.kind == "text")


@pytest.mark.skipif(not KOSOVO_PDF.exists(), reason="shared library not on this machine")
def test_library_pdf_notes_below_the_rule():
    chunks = _chunks(KOSOVO_PDF)
    note = _note(chunks, "1")
    assert note.text.startswith("Available from www.unwomen.org/en/digital-library/publications/2016/8/")
    assert note.locator == "footnote 1 (p. 8)"
    citing = _by_id(chunks, note.cited_by)
    assert citing.para_start == 42 and "issued a report¹ advocating" in citing.text
    assert not any("Available from" in c.text or "_____" in c.text for c in chunks if c.kind == "text")


def test_markdown_footnotes():
    body, notes = extract_footnotes([("The plan is shared.[^1]\n\n[^1]: See the IAP Policy.", None)])
    assert body[0][0].strip() == "The plan is shared.¹" and notes[0].text == "See the IAP Policy."


def test_the_tail_of_a_note_carried_to_the_next_page_goes_back_to_its_note():
    """IPI 2013: the page ends mid-sentence ("They require consensus"), the next page opens with the end of note 21, then
    note 22, then the rest of the sentence. The sentence must not quote the note's tail, and the note gets it back."""
    text = ("Even when such factors are in place, integrated plans and decisions lie in an institutional no-man's-land. "
            "They require consensus\n\n"
            "to populations in need; and to the operating environment. "
            "See Sarah Collinson, \"Humanitarian Space,\" April 2012.\n\n"
            "²² See Victoria Metcalfe, \"UN Integration and Humanitarian Space,\" December 2011.\n\n"
            "that can often be achieved by settling for general principles.")
    earlier = "²¹ There is no commonly accepted definition of humanitarian space; it can refer to the access agencies have\n\n"
    body, notes = extract_footnotes([(earlier + text, None)])
    assert "They require consensus that can often be achieved by settling for general principles." in body[0][0]
    assert "populations" not in body[0][0]
    assert notes[0].label == "21" and notes[0].text.endswith("April 2012.") and notes[1].label == "22"


def test_a_lower_case_block_before_a_note_that_cites_nothing_stays_in_the_text():
    text = ("After two years of negotiation over the shape of the presence, the mission and the agencies agreed on a plan "
            "that integrates\n\n"
            "their work in the provinces by mid-2013 with a shared budget\n\n"
            "²² See the mission's report.\n\n"
            "and a joint monitoring framework.")
    body, _ = extract_footnotes([("¹ A first note.\n\n" + text, None)])
    assert "their work in the provinces" in body[0][0]


def test_a_figure_caption_between_the_halves_of_a_paragraph_is_not_spliced_into_it():
    """IPI 2013: '… the single leadership of the special representative of the secretary-general', notes, 'Figure 1:
    Chronology of UN integration', '(SRSG) and under one budget …' — the caption sat inside the sentence."""
    text = ("DPKO ran large operations. These brought together civilian, military, and police components under the single "
            "leadership of the special representative of the secretary-general\n\n"
            "² World Bank, World Development Report 2011.\n\n"
            "Figure 1: Chronology of UN integration\n\n"
            "(SRSG) and under one budget (the \"peacekeeping assessed budget\").")
    body, _ = extract_footnotes([(text, None)])
    assert "of the secretary-general (SRSG) and under one budget" in body[0][0]
    assert "Figure 1" not in body[0][0]  # the figure is not in the text: its caption is neither text nor a heading
