"""Export answers, ISF drafts and exercise packs as Markdown and Word (.docx).

Everything exported is first built as a :class:`Report` — headings, paragraphs, bullet
lists, tables, and a numbered Sources list — so Markdown and Word carry the same content
and the same [n] markers. Word output uses real headings and tables (python-docx); a table
of six or more columns goes on a landscape page together with the heading that introduces
it, so cells keep whole words, and the header row repeats on each page.

>>> r = Report(title="T", blocks=[Block(kind="paragraph", text="Shared vision [1].")])
>>> to_markdown(r).splitlines()[0]
'# T'
"""

from __future__ import annotations

import io
import re
from typing import Literal

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from pydantic import BaseModel, Field

from assistant.citation import Citation

BlockKind = Literal["heading", "paragraph", "bullets", "table", "note"]
SOURCES_HEADING = "Sources"
XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
QUOTE_CHARS = 600
AUTHOR = "UN Planning Assistant"  # the Word file's author property
CLAUSE_WORDS = 1  # words an open clause keeps before its marker (none: the clause before it)
OPEN_ITEM_CHARS = 140  # an item of the to-be-agreed list longer than this keeps its opening and its open clauses
LANDSCAPE_COLUMNS = 6
TABLE_FONT_PT = 9
A4 = (Cm(21), Cm(29.7))  # width, height
TYPICAL_CAP = 120  # characters: a long-text column (a mandated task) widens up to this, so its rows stay short
WORD_CHAR_PT, CELL_PADDING_PT = 5.6, 12  # room per character of a 9-point bold word, and a cell's inner margins


class Block(BaseModel):
    """One piece of a report."""

    kind: BlockKind
    text: str = ""
    level: int = Field(2, description="Heading level (1-4) for headings.")
    items: list[str] = Field(default_factory=list, description="Bullet items.")
    rows: list[list[str]] = Field(default_factory=list, description="Table rows; the first is the header.")


class Report(BaseModel):
    """A document to export: title, blocks, and the sources its [n] markers refer to."""

    title: str
    subtitle: str = ""
    blocks: list[Block] = Field(default_factory=list)
    sources: list[Citation] = Field(default_factory=list)
    brief: bool = Field(False, description="Compact layout: sources listed by label without their passages, tighter type.")
    anchors: dict[int, str] = Field(default_factory=dict, exclude=True,  # how to render, not content: not in the JSON
                                    description="Words the report quotes from source n: its passage is shown from the "
                                                "sentence holding them.")


def _quote(text: str, anchor: str = "") -> str:
    """The passage as the Sources list shows it: its first QUOTE_CHARS characters, or, when the words the report quotes
    (``anchor``) lie past them, from the start of the sentence holding them, so the quoted sentence is always shown.

    >>> _quote("First sentence. " * 50 + "The ISF was made a requirement in 2008.", "requirement in")
    '… The ISF was made a requirement in 2008.'
    """
    text = " ".join(text.split())
    at = text.find(" ".join(anchor.split())) if anchor.strip() else -1
    if at + len(anchor) > QUOTE_CHARS - 20:  # not shown whole from the start: show its sentence first
        start = max(text.rfind(". ", 0, at), text.rfind("? ", 0, at)) + 2
        start = start if start > 1 else at
        text = "… " + text[start:]
    return text if len(text) <= QUOTE_CHARS else text[:QUOTE_CHARS].rsplit(" ", 1)[0] + " …"


def source_line(c: Citation) -> str:
    """'[n] S/2012/765, para. 24 — full title' (the form used in every Sources list)."""
    status = f" (superseded by {c.superseded_by})" if c.superseded_by else ""
    return f"[{c.n}] {c.label} — {c.title}{status}"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(report: Report) -> str:
    """The report as Markdown (tables as pipe tables, sources with their quotes unless brief)."""
    lines = [f"# {report.title}", ""]
    if report.subtitle:
        lines += [f"_{report.subtitle}_", ""]
    for b in report.blocks:
        if b.kind == "heading":
            lines += [f"{'#' * min(6, b.level + 1)} {b.text}", ""]
        elif b.kind == "paragraph":
            lines += [b.text, ""]
        elif b.kind == "note":
            lines += [f"> {b.text}", ""]
        elif b.kind == "bullets":
            lines += [f"- {item}" for item in b.items] + [""]
        elif b.kind == "table" and b.rows:
            header, *body = b.rows
            lines.append("| " + " | ".join(_cell(c) for c in header) + " |")
            lines.append("|" + "---|" * len(header))
            lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in body]
            lines.append("")
    if report.sources:
        lines += [f"## {SOURCES_HEADING}", ""]
        for c in report.sources:
            lines += [f"[{c.n}] {c.label}", ""] if report.brief else \
                [source_line(c), "", f"> {_quote(c.quote, report.anchors.get(c.n, ''))}", ""]
    return "\n".join(lines).rstrip() + "\n"


def _safe(text: str) -> str:
    """Word (XML) cannot hold control characters; user-supplied text may contain them."""
    return XML_UNSAFE.sub("", text)


def to_docx(report: Report) -> bytes:
    """The report as a Word document; wide tables on landscape pages."""
    doc = Document()
    doc.core_properties.title, doc.core_properties.author = _safe(report.title), AUTHOR  # not python-docx's defaults
    doc.styles["Normal"].font.size = Pt(11)
    doc.sections[0].page_width, doc.sections[0].page_height = A4  # python-docx's template is US Letter; UN paper is A4
    if report.brief:
        _compact(doc)
    doc.add_heading(_safe(report.title), level=0)
    if report.subtitle:
        doc.add_paragraph(_safe(report.subtitle), style="Subtitle")
    landscape = landscape_blocks(report.blocks)
    tail = len(report.blocks)  # landscape annexes at the very end go after the Sources, saving a page turn
    while tail > 0 and tail - 1 in landscape:
        tail -= 1
    for i, b in enumerate(report.blocks):
        if i == tail:
            _sources(doc, report)
        _orient(doc, i in landscape)
        if b.kind == "heading":
            doc.add_heading(_safe(b.text), level=max(1, min(4, b.level)))
        elif b.kind == "paragraph":
            doc.add_paragraph(_safe(b.text))
        elif b.kind == "note":
            note = doc.add_paragraph(_safe(b.text), style=None if report.brief else "Intense Quote")
            if report.brief:
                note.runs[0].italic = True
        elif b.kind == "bullets":
            for item in b.items:
                doc.add_paragraph(_safe(item), style="List Bullet")
        elif b.kind == "table" and b.rows:
            _table(doc, [[_safe(cell) for cell in row] for row in b.rows])
    if tail == len(report.blocks):
        _sources(doc, report)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _sources(doc, report: Report) -> None:
    """The numbered Sources list: label, title and quoted passage; a brief report gives the labels in one paragraph."""
    _orient(doc, False)
    if not report.sources:
        return
    doc.add_heading(SOURCES_HEADING, level=1)
    if report.brief:
        doc.add_paragraph(_safe("; ".join(f"[{c.n}] {c.label}" for c in report.sources)))
        return
    for c in report.sources:
        doc.add_paragraph(_safe(source_line(c))).runs[0].bold = True
        doc.add_paragraph(_safe(_quote(c.quote, report.anchors.get(c.n, ""))), style="Quote")


def _compact(doc) -> None:
    """Brief layout: narrower margins, 10-point text, little space around paragraphs and headings."""
    for section in doc.sections:
        section.left_margin = section.right_margin = Cm(2)
        section.top_margin = section.bottom_margin = Cm(1.8)
    doc.styles["Normal"].font.size = Pt(10)
    for name in ("Normal", "List Bullet"):
        doc.styles[name].paragraph_format.space_after = Pt(2)
    for name, size, before in (("Heading 1", 13, 8), ("Heading 2", 11, 4), ("Title", 20, 0)):
        style = doc.styles[name]
        style.font.size = Pt(size)
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(2)


def landscape_blocks(blocks: list[Block]) -> set[int]:
    """Indexes of blocks set on landscape pages: each wide table and the blocks since its heading."""
    out: set[int] = set()
    for i, b in enumerate(blocks):
        if b.kind == "table" and b.rows and max(len(r) for r in b.rows) >= LANDSCAPE_COLUMNS:
            start = i
            while start > 0 and blocks[start].kind != "heading" and i - start < 3:
                start -= 1
            out.update(range(start, i + 1))
    return out


def _orient(doc, landscape: bool) -> None:
    """Start a new section when the orientation changes (Word sets orientation per section)."""
    section = doc.sections[-1]
    if (section.orientation == WD_ORIENT.LANDSCAPE) == landscape:
        return
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    width, height = section.page_width, section.page_height
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    if (width < height) == landscape:
        section.page_width, section.page_height = height, width


def _column_widths(rows: list[list[str]], columns: int, total: int) -> list[int]:
    """Widths (EMU): each column first gets room for its longest word (bold header words included), so no word is
    broken; what is left goes in proportion to each column's typical text, so long-text columns keep rows short."""
    longest, typical = [], []
    for j in range(columns):
        cells = [r[j] for r in rows if j < len(r)]
        longest.append(max((len(w) for c in cells for w in c.split()), default=4))
        typical.append(min(max((len(c) for c in cells), default=4), TYPICAL_CAP) ** 0.8)
    minimum = [int(Pt(WORD_CHAR_PT * n + CELL_PADDING_PT)) for n in longest]
    spare = total - sum(minimum)
    if spare <= 0:  # too many columns for the page: in proportion to the words' needs
        return [int(total * m / sum(minimum)) for m in minimum]
    return [m + int(spare * t / sum(typical)) for m, t in zip(minimum, typical, strict=True)]


def _table(doc, rows: list[list[str]]) -> None:
    width = max(len(r) for r in rows)
    table = doc.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    table.autofit = False
    section = doc.sections[-1]
    widths = _column_widths(rows, width, section.page_width - section.left_margin - section.right_margin)
    for column, w in zip(table.columns, widths, strict=True):  # the grid: LibreOffice lays out by it, not by cell widths
        column.width = w
    for i, (row, values) in enumerate(zip(table.rows, rows, strict=True)):
        for j, cell in enumerate(row.cells):  # row.cells, not table.cell(i, j): that rebuilds every cell each call
            cell.width = widths[j]
            cell.text = values[j] if j < len(values) else ""
            for run in cell.paragraphs[0].runs:
                run.font.size = Pt(TABLE_FONT_PT)
                run.bold = i == 0
    header = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header.append(repeat)


def open_items(blocks: list[Block], marker: str, limit: int = OPEN_ITEM_CHARS) -> list[str]:
    """Every place a report leaves ``marker`` (e.g. '[to be agreed]'), by section, for a list at the end.

    A table gives one item naming its open columns and how many rows each; other blocks give their text.
    """
    items, section = [], ""
    for b in blocks:
        if b.kind == "heading" and b.level == 1:
            section = b.text
        elif b.kind == "table" and b.rows:
            header, *body = b.rows
            counts = {h: sum(j < len(r) and marker in r[j] for r in body) for j, h in enumerate(header)}
            cols = [f"{h} ({n} row{'s' if n > 1 else ''})" for h, n in counts.items() if n]
            if cols:
                items.append(f"{section} — {', '.join(cols)}")
        elif b.kind != "heading":
            items += [f"{section} — {open_phrase(text, marker, limit)}" for text in [b.text, *b.items] if marker in text]
    return items


def open_phrase(text: str, marker: str, limit: int = OPEN_ITEM_CHARS) -> str:
    """A text leaving the marker, short enough for a checklist and never cut before what is open: its opening words,
    then each clause that ends in the marker ("Working group on durable solutions for displaced people in Kessa and …"
    was cut before its "co-chaired by UNHCR and [to be agreed]").

    >>> open_phrase("Working group on durable solutions for displaced people in Kessa and Dorno — co-chaired by UNHCR "
    ...             "and [x]; plans and reports on its results; meets [x].", "[x]", 80)
    'Working group on durable solutions for … — co-chaired by UNHCR and [x]; meets [x]'
    >>> open_phrase("Strategic objective 1 (from the mandate: “Protect civilians under threat in the north”): result for "
    ...             "Veloria by 2028: [x]. National priority served: [x].", "[x]", 80)
    'Strategic objective 1 (from the … — result for Veloria by 2028: [x]; National priority served: [x]'
    """
    if len(text) <= limit:
        return text
    clauses, start = [], 0
    for m in re.finditer(re.escape(marker), text):
        before = text[start:m.start()]
        cuts = sorted({i.end() for i in re.finditer(r"; |: | — |\. |, ", before)}, reverse=True)
        cut = next((c for c in cuts if len(before[c:].split()) >= CLAUSE_WORDS), 0)  # 'result by 2028: [x]' keeps its words
        clause = before[cut:]
        clauses.append((clause if len(clause) <= limit // 2 else "… " + clause[-(limit // 2):].split(" ", 1)[-1]).strip()
                       + f" {marker}")
        start = m.end()
    head = text[:limit // 2].rsplit(" ", 1)[0]
    return f"{head} … — " + "; ".join(c.removeprefix("— ") for c in clauses)


def marker_count(blocks: list[Block], marker: str) -> int:
    """How many times the report leaves ``marker``, every table cell and every sentence counted.

    >>> marker_count([Block(kind="table", rows=[["Lead", "Date"], ["[x]", "[x]"]]), Block(kind="paragraph", text="[x] and [x]")],
    ...              "[x]")
    4
    """
    return sum(t.count(marker) for b in blocks for t in [b.text, *b.items, *(c for r in b.rows[1:] for c in r)])


def answer_report(answer) -> Report:
    """An :class:`~assistant.answer.Answer` as a report: question, answer, notes, sources."""
    blocks = [Block(kind="heading", text="Question", level=1), Block(kind="paragraph", text=answer.question),
              Block(kind="heading", text="Answer", level=1), Block(kind="paragraph", text=answer.answer)]
    blocks += [Block(kind="note", text=n) for n in answer.notes]
    return Report(title="UN Planning Assistant — answer", blocks=blocks, sources=answer.citations)
