"""Export answers, ISF drafts and exercise packs as Markdown and Word (.docx).

Everything exported is first built as a :class:`Report` — headings, paragraphs, bullet
lists, tables, and a numbered Sources list — so Markdown and Word carry the same content
and the same [n] markers. Word output uses real headings and tables (python-docx).

>>> r = Report(title="T", blocks=[Block(kind="paragraph", text="Shared vision [1].")])
>>> to_markdown(r).splitlines()[0]
'# T'
"""

from __future__ import annotations

import io
import re
from typing import Literal

from docx import Document
from docx.shared import Pt
from pydantic import BaseModel, Field

from assistant.citation import Citation

BlockKind = Literal["heading", "paragraph", "bullets", "table", "note"]
SOURCES_HEADING = "Sources"
XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
QUOTE_CHARS = 600


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


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_CHARS else text[:QUOTE_CHARS].rsplit(" ", 1)[0] + " …"


def source_line(c: Citation) -> str:
    """'[n] S/2012/765, para. 24 — full title' (the form used in every Sources list)."""
    status = f" (superseded by {c.superseded_by})" if c.superseded_by else ""
    return f"[{c.n}] {c.label} — {c.title}{status}"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(report: Report) -> str:
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
            lines += [source_line(c), "", f"> {_quote(c.quote)}", ""]
    return "\n".join(lines).rstrip() + "\n"


def _safe(text: str) -> str:
    """Word (XML) cannot hold control characters; user-supplied text may contain them."""
    return XML_UNSAFE.sub("", text)


def to_docx(report: Report) -> bytes:
    doc = Document()
    doc.styles["Normal"].font.size = Pt(11)
    doc.add_heading(_safe(report.title), level=0)
    if report.subtitle:
        doc.add_paragraph(_safe(report.subtitle), style="Subtitle")
    for b in report.blocks:
        if b.kind == "heading":
            doc.add_heading(_safe(b.text), level=max(1, min(4, b.level)))
        elif b.kind == "paragraph":
            doc.add_paragraph(_safe(b.text))
        elif b.kind == "note":
            doc.add_paragraph(_safe(b.text), style="Intense Quote")
        elif b.kind == "bullets":
            for item in b.items:
                doc.add_paragraph(_safe(item), style="List Bullet")
        elif b.kind == "table" and b.rows:
            _table(doc, [[_safe(cell) for cell in row] for row in b.rows])
    if report.sources:
        doc.add_heading(SOURCES_HEADING, level=1)
        for c in report.sources:
            doc.add_paragraph(_safe(source_line(c))).runs[0].bold = True
            doc.add_paragraph(_safe(_quote(c.quote)), style="Quote")
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _table(doc, rows: list[list[str]]) -> None:
    width = max(len(r) for r in rows)
    table = doc.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for i, row in enumerate(rows):
        for j in range(width):
            table.cell(i, j).text = row[j] if j < len(row) else ""
            if i == 0:
                for run in table.cell(i, j).paragraphs[0].runs:
                    run.bold = True


def answer_report(answer) -> Report:
    """An :class:`~assistant.answer.Answer` as a report: question, answer, notes, sources."""
    blocks = [Block(kind="heading", text="Question", level=1), Block(kind="paragraph", text=answer.question),
              Block(kind="heading", text="Answer", level=1), Block(kind="paragraph", text=answer.answer)]
    blocks += [Block(kind="note", text=n) for n in answer.notes]
    return Report(title="UN Planning Assistant — answer", blocks=blocks, sources=answer.citations)
