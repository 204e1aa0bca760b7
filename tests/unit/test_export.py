"""Markdown and Word carry the same content: headings, tables, [n] markers and Sources."""

from __future__ import annotations

import io

from docx import Document

from assistant.citation import Citation
from assistant.products.export import SOURCES_HEADING, Block, Report, to_docx, to_markdown

SOURCE = Citation(n=1, chunk_id="c1", doc_id="s-2012-765", title="Report of the Secretary-General on UNMIT",
                  short="S/2012/765", locator="para. 24", quote="24. UNMIT police support continued to focus on ...")
REPORT = Report(title="ISF draft", subtitle="first pass", sources=[SOURCE], blocks=[
    Block(kind="heading", text="5. Results matrix", level=1),
    Block(kind="paragraph", text="Police support focused on five areas [1]."),
    Block(kind="bullets", items=["one", "two"]),
    Block(kind="table", rows=[["Result", "Lead"], ["Police | reform", "UNMICA Police"]]),
    Block(kind="note", text="Draft only."),
])


def test_markdown():
    md = to_markdown(REPORT)
    assert md.startswith("# ISF draft\n")
    assert "## 5. Results matrix" in md and "- one" in md and "> Draft only." in md
    assert "| Police \\| reform | UNMICA Police |" in md
    assert f"## {SOURCES_HEADING}" in md and "[1] S/2012/765, para. 24 — Report of the Secretary-General on UNMIT" in md


def test_docx_has_real_headings_tables_and_sources():
    doc = Document(io.BytesIO(to_docx(REPORT)))
    headings = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert ("Title", "ISF draft") in headings and ("Heading 1", "5. Results matrix") in headings
    assert ("Heading 1", SOURCES_HEADING) in headings
    assert len(doc.tables) == 1 and doc.tables[0].cell(1, 0).text == "Police | reform"
    texts = [p.text for p in doc.paragraphs]
    assert "Police support focused on five areas [1]." in texts
    assert any(t.startswith("[1] S/2012/765, para. 24") for t in texts)
    assert [p.style.name for p in doc.paragraphs if p.text in ("one", "two")] == ["List Bullet", "List Bullet"]


def test_control_characters_from_user_input_do_not_break_word_export():
    report = Report(title="Carana\x00 draft", blocks=[Block(kind="paragraph", text="Vision\x0b text"),
                                                      Block(kind="table", rows=[["a\x01", "b"]])])
    doc = Document(io.BytesIO(to_docx(report)))
    assert [p.text for p in doc.paragraphs][:2] == ["Carana draft", "Vision text"]


def test_wide_tables_go_on_landscape_pages_with_their_heading():
    from docx.enum.section import WD_ORIENT

    wide = [["Priority", "Mandated task", "Result", "Indicator", "Baseline / target", "Lead", "Contributing"],
            ["Police development", "Support to the police", "[to be agreed]", "[to be agreed]", "[to be agreed]", "UNMICA Police",
             "UNDP and OHCHR"]]
    report = Report(title="T", blocks=[Block(kind="paragraph", text="Intro"), Block(kind="heading", text="5. Results", level=1),
                                       Block(kind="table", rows=wide), Block(kind="paragraph", text="After")])
    doc = Document(io.BytesIO(to_docx(report)))
    orientations = [s.orientation for s in doc.sections]
    assert orientations[:3] == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]
    assert doc.sections[1].page_width > doc.sections[1].page_height
    def size(section):
        return round(section.page_width.cm, 1), round(section.page_height.cm, 1)
    assert size(doc.sections[0]) == (21, 29.7) and size(doc.sections[1]) == (29.7, 21)  # A4, not US Letter
    widths = [c.width for c in doc.tables[0].rows[0].cells]
    assert sum(widths) <= doc.sections[1].page_width - doc.sections[1].left_margin - doc.sections[1].right_margin
    assert min(widths) > 0


def test_brief_reports_list_sources_by_label_in_a_compact_layout():
    brief = REPORT.model_copy(update={"brief": True})
    assert "> 24. UNMIT police" not in to_markdown(brief) and "> 24. UNMIT police" in to_markdown(REPORT)
    assert "[1] S/2012/765, para. 24\n" in to_markdown(brief)
    doc = Document(io.BytesIO(to_docx(brief)))
    assert doc.styles["Normal"].font.size.pt == 10 and "[1] S/2012/765, para. 24" in [p.text for p in doc.paragraphs]


def test_open_items_lists_each_place_left_to_agree_by_section():
    from assistant.products.export import open_items

    blocks = [Block(kind="heading", text="5. Results matrix", level=1),
              Block(kind="table", rows=[["Task", "Indicator", "Lead"], ["Police", "[to be agreed]", "UNDP"],
                                        ["Elections", "[to be agreed]", "[to be agreed]"]]),
              Block(kind="heading", text="7. Coordination", level=1),
              Block(kind="bullets", items=["Forum meets [to be agreed].", "Fixed item."])]
    items = open_items(blocks, "[to be agreed]")
    assert items == ["5. Results matrix — Indicator (2 rows), Lead (1 row)", "7. Coordination — Forum meets [to be agreed]."]


def test_column_widths_fit_every_word_and_favour_long_text():
    from docx.shared import Pt

    from assistant.products.export import _column_widths

    rows = [["Strategic objective", "Mandated task", "Expected result", "Timeline", "Contributing"],
            ["Political dialogue", "Provide good offices in support of the national dialogue and the implementation of the "
             "2024 peace accord", "[to be agreed]", "2027–2028", "UNDP and UN Women"]]
    total = int(Pt(670))
    widths = _column_widths(rows, 5, total)
    assert sum(widths) <= total and max(widths) == widths[1]
    for j, w in enumerate(widths):  # a bold 9-point character needs about 5.5 points
        assert w >= Pt(5.5 * max(len(word) for r in rows for word in r[j].split())), rows[0][j]


def test_word_files_carry_their_title_and_the_product_as_author():
    """Newcomer trial 7: both .docx files had an empty title and "python-docx" as author in their properties."""
    doc = Document(io.BytesIO(to_docx(Report(title="Integrated Strategic Framework 2027–2028: Veloria", blocks=[]))))
    assert doc.core_properties.title == "Integrated Strategic Framework 2027–2028: Veloria"
    assert doc.core_properties.author == "UN Planning Assistant"
