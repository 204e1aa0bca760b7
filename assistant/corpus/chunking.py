"""Split document text into passages that keep UN structure: paragraph numbers, headings, pages.

UN documents number their paragraphs ("23. The Mission ...") under roman and letter
headings ("V. Transition preparation", "A. Support for ..."); studies such as the IPI
report use named headings instead; PDFs add page numbers and wrap lines. A chunk is
one paragraph, or a few short neighbouring paragraphs of the same section, so that a
citation points at the paragraph a reader can find.

>>> paras = "\\n\\n".join(f"{n}. The present report covers point {n}." for n in range(1, 13))
>>> chunks = chunk_pages("s-1", [("I. Introduction\\n\\n" + paras, None)], chunk_chars=40, overlap=0)
>>> [c.locator for c in chunks][:3], chunks[0].heading
(['para. 1', 'para. 2', 'para. 3'], 'I. Introduction')
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from assistant.citation import locator as make_locator
from assistant.corpus.cleaning import FRONT_MATTER, clean_pages, is_furniture
from assistant.corpus.footnotes import Footnote, cited_labels
from assistant.corpus.repair import strip_marks, title_case
from assistant.corpus.sentences import split_between_sentences
from assistant.corpus.splices import unsplice

NUMBERED = re.compile(r"^(\d{1,3})\.\s+(?=\S)")
ROMAN = re.compile(r"^([IVXL]{1,6})\.\s+(\S.{0,150})$")
LETTER = re.compile(r"^([A-H])\.\s+(\S.{0,150})$")
MD_HEADING = re.compile(r"^(#{1,6})\s+(.+)$")
PREAMBLE = re.compile(r"^The (General Assembly|Security Council|Economic and Social Council),$")
BULLET = re.compile(r"^[-•*▪●◦]\s+")
TERMINAL = (".", ":", ";", "?", "!", "”", '"', ")", "’")
FOOTNOTE_MARKS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
DANGLING = {"and", "or", "the", "of", "to", "in", "a", "an", "for", "with", "by", "on", "as", "that", "from", "at"}
MAX_HEADING_CHARS = 110
# 'Resolution adopted by the General Assembly on 26 November 2025': a statement of when, kept as a sentence, not a heading
DATED_ACT = re.compile(r"^(?:[A-Z][\w/-]*\s+){1,3}(?:adopted|approved|signed|endorsed|issued) by\b[^,;]*\b(?:19|20)\d\d\.?$")
MIN_NUMBERED = 10


@dataclass
class Paragraph:
    """One paragraph with where it sits in the document."""

    text: str
    number: int | None
    headings: tuple[str, ...]
    page_start: int | None
    page_end: int | None
    notes: list[str] = field(default_factory=list)


@dataclass
class Chunk:
    """A retrievable passage with its stable id and locator."""

    id: str
    doc_id: str
    seq: int
    text: str
    heading: str
    para_start: int | None = None
    para_end: int | None = None
    page_start: int | None = None
    page_end: int | None = None
    locator: str = field(default="")
    kind: str = "text"  # "text", or "footnote" for a note body stored as its own unit
    footnote: str = ""  # the note's label, for a footnote unit
    notes: tuple[str, ...] = ()  # labels of the notes the passage cites
    cited_by: str = ""  # for a footnote unit: id of the passage whose marker cites it
    ocr: bool = False  # the text was read by OCR from a scanned page

    @property
    def section(self) -> str:
        """The innermost heading: what a section locator names."""
        return self.heading.split(" › ")[-1] if self.heading else ""


def chunk_id(doc_id: str, text: str) -> str:
    """Stable id from content: the same passage of the same document always gets the same id."""
    return hashlib.sha256(f"{doc_id}\n{text}".encode()).hexdigest()[:32]


def _ends_sentence(text: str) -> bool:
    """Ends with terminal punctuation, ignoring a trailing footnote marker ('peace." ¹⁶')."""
    return text.rstrip(FOOTNOTE_MARKS + " ").endswith(TERMINAL)


def _looks_like_heading(text: str) -> bool:
    if len(text) > MAX_HEADING_CHARS or _ends_sentence(text) or text.endswith(",") or DATED_ACT.search(text):
        return False
    if text.rsplit(" ", 1)[-1].lower() in DANGLING:  # "... the context-specific nature and" is a broken line
        return False
    if BULLET.match(text) or not text[:1].isalpha() or not text[:1].isupper():
        return False
    words = text.split()
    return 1 <= len(words) <= 14


def _join(lines: list[str]) -> str:
    """Lines into one text: a space between them, none after a hyphen broken before a lower-case word. Built as a
    list and joined once: adding each line to a growing string copies it every time (a minute on a 4 MB paragraph)."""
    parts: list[str] = []
    tail = ""  # the last two characters written so far
    for line in lines:
        if parts and not (tail.endswith("-") and not tail.endswith(" -") and line[:1].islower()):
            parts.append(" ")
            tail = " "
        parts.append(line)
        tail = (tail + line[-2:])[-2:]
    return "".join(parts)


def _blocks(pages: list[tuple[str, int | None]]):
    """Yield (text, page, starts_new_block) for each structural unit of each page."""
    for page_text, page in pages:
        page_text = FRONT_MATTER.sub("", page_text.replace("\r\n", "\n").replace("\r", "\n"))
        current: list[str] = []
        for raw in page_text.split("\n") + [""]:
            line = " ".join(raw.split())
            if not line or is_furniture(line):
                if current:
                    yield current, page
                current = []
                continue
            starts = NUMBERED.match(line) or ROMAN.match(line) or LETTER.match(line) or MD_HEADING.match(line)
            if starts or PREAMBLE.match(line) or (BULLET.match(line) and current):
                if current:
                    yield current, page
                current = [line]
            else:
                current.append(line)


def parse(pages: list[tuple[str, int | None]], acronyms: set[str] | frozenset[str] = frozenset()) -> list[Paragraph]:
    """Paragraphs with numbers, heading path, pages and cited note labels, from (cleaned) page texts.

    Heading labels carry no footnote marks (a note cited by a heading counts as cited by
    the paragraph under it) and are in the document's case, except headings set all in
    capitals, which become title case (``acronyms`` stay capitals).
    """
    paragraphs: list[Paragraph] = []
    headings: dict[int, str] = {}
    last_number = 0
    pending: list[str] = []
    pieces: list[str] = []  # the last paragraph's blocks, joined once when it is complete (not per block)
    since: list[tuple[str, dict[int, str]] | None] = []  # headings since the last block: (line, path before) if a lone line

    def close_last() -> None:
        if len(pieces) > 1:
            paragraphs[-1].text = _join(pieces)
        pieces.clear()

    def set_heading(level: int, text: str, lone_line: bool = False) -> None:
        since.append((text, dict(headings)) if lone_line else None)
        pending.extend(cited_labels(text))
        headings[level] = title_case(strip_marks(text), set(acronyms))
        for deeper in [k for k in headings if k > level]:
            del headings[deeper]

    for lines, page in _blocks(pages):
        first = lines[0]
        text = _join(lines)
        md = MD_HEADING.match(first)
        if md and len(lines) == 1:
            if len(md.group(1)) > 1:  # a single '#' is the document title, not a section
                set_heading(min(len(md.group(1)) - 1, 3), md.group(2).strip("# "))
            continue
        if PREAMBLE.match(first) and len(lines) == 1:
            set_heading(1, "Preamble")
            continue
        roman, letter = ROMAN.match(text), LETTER.match(text)
        if roman and _looks_like_heading(roman.group(2)):
            set_heading(1, text)
            continue
        if letter and _looks_like_heading(letter.group(2)):
            set_heading(2, text)
            continue
        numbered = NUMBERED.match(text)
        number = int(numbered.group(1)) if numbered else None
        if number is not None and not (last_number < number <= last_number + 5):
            number = None
        if number is None and len(lines) == 1 and _looks_like_heading(text):
            set_heading(3, text, lone_line=True)
            continue
        if number is None and len(lines) == 1 and DATED_ACT.search(text) and not _ends_sentence(text):
            text += "."  # a cover line stating when the text was adopted is quoted as the sentence it is
        if number is not None and headings.get(1) == "Preamble":
            set_heading(1, "Operative part")
        prev = paragraphs[-1] if paragraphs else None
        continues = (
            prev is not None
            and number is None
            and not _ends_sentence(pieces[-1])
            and not BULLET.match(text)
            and (text[:1].islower() or (page is not None and page != prev.page_end)
                 or pieces[-1].rstrip().endswith(",") and text[:1].isdigit())  # 'issued on February 7,' / '2011, a team …'
        )
        if since and number is None and (continues or text[:1].islower()):
            continues, text = False, unsplice(text, since, headings)
        since.clear()
        if continues and prev is not None:
            pieces.append(text)
            prev.page_end = page
            prev.notes.extend(cited_labels(text))
            continue
        path = tuple(headings[k] for k in sorted(headings))
        if number is not None:
            last_number = number
        elif prev is not None and prev.number is not None and prev.headings == path:
            number = prev.number  # sub-items and lists belong to the paragraph they follow
        close_last()
        paragraphs.append(Paragraph(text, number, path, page, page, pending + cited_labels(text)))
        pieces.append(text)
        pending = []
    close_last()
    if len({p.number for p in paragraphs if p.number}) < MIN_NUMBERED:
        for p in paragraphs:  # a short numbered list in a study is not UN paragraph numbering
            p.number = None
    return paragraphs


def _make_chunk(doc_id: str, seq: int, group: list[Paragraph], text: str, notes: tuple[str, ...] | None = None) -> Chunk:
    numbers = [p.number for p in group if p.number is not None]
    pages = [p for g in group for p in (g.page_start, g.page_end) if p is not None]
    heading = " › ".join(group[0].headings)
    chunk = Chunk(
        id=chunk_id(doc_id, text),
        doc_id=doc_id,
        seq=seq,
        text=text,
        heading=heading,
        para_start=min(numbers) if numbers else None,
        para_end=max(numbers) if numbers else None,
        page_start=min(pages) if pages else None,
        page_end=max(pages) if pages else None,
        notes=tuple(dict.fromkeys(label for p in group for label in p.notes)) if notes is None else notes,
    )
    _locate(chunk)
    return chunk


def _locate(chunk: Chunk, un_numbered: bool = True) -> None:
    chunk.locator = make_locator(
        para_start=chunk.para_start,
        para_end=chunk.para_end,
        page_start=chunk.page_start,
        page_end=chunk.page_end,
        heading=chunk.section,
        footnote=chunk.footnote,
        un_numbered=un_numbered,
        ocr=chunk.ocr,
    )


def chunk_paragraphs(doc_id: str, paragraphs: list[Paragraph], chunk_chars: int = 1200, overlap: int = 150) -> list[Chunk]:
    """Group paragraphs of one section up to ``chunk_chars``; split paragraphs that are longer.

    A numbered paragraph is never merged with a neighbour once the group already holds a
    numbered paragraph and would pass half the target size: short citations beat big chunks.
    """
    chunks: list[Chunk] = []
    group: list[Paragraph] = []

    def flush() -> None:
        if group:
            chunks.append(_make_chunk(doc_id, len(chunks), list(group), "\n\n".join(p.text for p in group)))
            group.clear()

    seen: set[str] = set()
    for para in paragraphs:
        if len(para.text) > chunk_chars * 1.3:
            flush()
            from_heading = tuple(label for label in para.notes if label not in cited_labels(para.text))
            for i, piece in enumerate(split_between_sentences(para.text, chunk_chars, overlap)):
                notes = (from_heading if i == 0 else ()) + tuple(cited_labels(piece))
                chunks.append(_make_chunk(doc_id, len(chunks), [para], piece.strip(), notes))
            continue
        size = sum(len(p.text) for p in group)
        same_section = bool(group) and group[-1].headings == para.headings
        numbered_full = any(p.number for p in group) and size + len(para.text) > chunk_chars / 2
        if not same_section or size + len(para.text) > chunk_chars or (para.number and numbered_full):
            flush()
        group.append(para)
    flush()
    unique = []
    for c in chunks:
        if c.id not in seen:
            seen.add(c.id)
            unique.append(c)
    for i, c in enumerate(unique):
        c.seq = i
    return unique


def footnote_chunks(doc_id: str, notes: list[Footnote], chunks: list[Chunk]) -> list[Chunk]:
    """One unit per note, linked to the passage whose marker cites it (the next one in document order)."""
    out: list[Chunk] = []
    start = 0
    for note in notes:
        if not note.text.strip():
            continue
        order = chunks[start:] + chunks[:start]
        citing = next((c for c in order if note.label in c.notes and _on_page(c, note.page)), None)
        citing = citing or next((c for c in order if note.label in c.notes), None)
        if citing is not None:
            start = citing.seq
        text = note.text.strip()
        out.append(Chunk(
            id=chunk_id(doc_id, f"note {note.label}\n{text}"), doc_id=doc_id, seq=0, text=text,
            heading=citing.heading if citing else "", page_start=note.page, page_end=note.page,
            kind="footnote", footnote=note.label, cited_by=citing.id if citing else "",
        ))
    return out


def _on_page(chunk: Chunk, page: int | None) -> bool:
    return page is None or chunk.page_start is None or chunk.page_start <= page <= (chunk.page_end or chunk.page_start)


def chunk_pages(
    doc_id: str,
    pages: list[tuple[str, int | None]],
    chunk_chars: int = 1200,
    overlap: int = 150,
    ocr_pages: frozenset[int] | set[int] = frozenset(),
) -> list[Chunk]:
    """Clean, parse and chunk in one step: passages in document order, then one unit per footnote.

    ``ocr_pages`` are the page numbers whose text came from OCR; their passages say so.
    """
    cleaned = clean_pages(pages)
    chunks = chunk_paragraphs(doc_id, parse(cleaned.pages, cleaned.acronyms), chunk_chars, overlap)
    un_numbered = any(c.para_start is not None for c in chunks)
    seen = {c.id for c in chunks}
    for note in footnote_chunks(doc_id, cleaned.footnotes, chunks):
        if note.id not in seen:
            seen.add(note.id)
            chunks.append(note)
    for i, chunk in enumerate(chunks):
        chunk.seq = i
        chunk.ocr = chunk.page_start is not None and any(
            p in ocr_pages for p in range(chunk.page_start, (chunk.page_end or chunk.page_start) + 1))
        _locate(chunk, un_numbered)
    return chunks
