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

from langchain_text_splitters import RecursiveCharacterTextSplitter

from assistant.citation import locator as make_locator

NUMBERED = re.compile(r"^(\d{1,3})\.\s+(?=\S)")
ROMAN = re.compile(r"^([IVXL]{1,6})\.\s+(\S.{0,150})$")
LETTER = re.compile(r"^([A-H])\.\s+(\S.{0,150})$")
MD_HEADING = re.compile(r"^(#{1,6})\s+(.+)$")
PREAMBLE = re.compile(r"^The (General Assembly|Security Council|Economic and Social Council),$")
BULLET = re.compile(r"^[-•*▪●◦]\s+")
FURNITURE = [
    re.compile(r"^\d{1,4}$"),  # page numbers
    re.compile(r"^\d{2}-\d{5}\s*(\(E\))?.*$"),  # job numbers
    re.compile(r"^\*\d{5,}\*$"),  # barcodes
    re.compile(r"^[A-Z]{1,2}/(RES/)?\d+(/\d+)*\*?$"),  # repeated document symbol
    re.compile(r"^-{3,}$"),
    re.compile(r"^>\s*Source:"),
    re.compile(r"^(United Nations|Security Council|General Assembly)$"),
    re.compile(r"^(Distr\.:|Original:)"),
]
FRONT_MATTER = re.compile(r"^---\n(?:[A-Za-z_]+:.*\n)+---\n", re.MULTILINE)
TERMINAL = (".", ":", ";", "?", "!", "”", '"', ")", "’")
FOOTNOTE_MARKS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
DANGLING = {"and", "or", "the", "of", "to", "in", "a", "an", "for", "with", "by", "on", "as", "that", "from", "at"}
MAX_HEADING_CHARS = 110
MIN_NUMBERED = 10


@dataclass
class Paragraph:
    """One paragraph with where it sits in the document."""

    text: str
    number: int | None
    headings: tuple[str, ...]
    page_start: int | None
    page_end: int | None


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

    @property
    def section(self) -> str:
        """The innermost heading: what a section locator names."""
        return self.heading.split(" › ")[-1] if self.heading else ""


def chunk_id(doc_id: str, text: str) -> str:
    """Stable id from content: the same passage of the same document always gets the same id."""
    return hashlib.sha256(f"{doc_id}\n{text}".encode()).hexdigest()[:32]


def _is_furniture(line: str) -> bool:
    return any(p.match(line) for p in FURNITURE)


def _ends_sentence(text: str) -> bool:
    """Ends with terminal punctuation, ignoring a trailing footnote marker ('peace." ¹⁶')."""
    return text.rstrip(FOOTNOTE_MARKS + " ").endswith(TERMINAL)


def _looks_like_heading(text: str) -> bool:
    if len(text) > MAX_HEADING_CHARS or _ends_sentence(text) or text.endswith(","):
        return False
    if text.rsplit(" ", 1)[-1].lower() in DANGLING:  # "... the context-specific nature and" is a broken line
        return False
    if BULLET.match(text) or not text[:1].isalpha() or not text[:1].isupper():
        return False
    words = text.split()
    return 1 <= len(words) <= 14


def _join(lines: list[str]) -> str:
    out = ""
    for line in lines:
        if not out:
            out = line
        elif out.endswith("-") and not out.endswith(" -") and line[:1].islower():
            out = out + line
        else:
            out = out + " " + line
    return out


def _blocks(pages: list[tuple[str, int | None]]):
    """Yield (text, page, starts_new_block) for each structural unit of each page."""
    for page_text, page in pages:
        page_text = FRONT_MATTER.sub("", page_text.replace("\r\n", "\n").replace("\r", "\n"))
        current: list[str] = []
        for raw in page_text.split("\n") + [""]:
            line = " ".join(raw.split())
            if not line or _is_furniture(line):
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


def parse(pages: list[tuple[str, int | None]]) -> list[Paragraph]:
    """Paragraphs with numbers, heading path and pages, from raw page texts."""
    paragraphs: list[Paragraph] = []
    headings: dict[int, str] = {}
    last_number = 0

    def set_heading(level: int, text: str) -> None:
        headings[level] = text
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
            set_heading(3, text)
            continue
        if number is not None and headings.get(1) == "Preamble":
            set_heading(1, "Operative part")
        prev = paragraphs[-1] if paragraphs else None
        continues = (
            prev is not None
            and number is None
            and not _ends_sentence(prev.text)
            and not BULLET.match(text)
            and (text[:1].islower() or (page is not None and page != prev.page_end))
        )
        if continues and prev is not None:
            prev.text = _join([prev.text, text])
            prev.page_end = page
            continue
        path = tuple(headings[k] for k in sorted(headings))
        if number is not None:
            last_number = number
        elif prev is not None and prev.number is not None and prev.headings == path:
            number = prev.number  # sub-items and lists belong to the paragraph they follow
        paragraphs.append(Paragraph(text, number, path, page, page))
    if len({p.number for p in paragraphs if p.number}) < MIN_NUMBERED:
        for p in paragraphs:  # a short numbered list in a study is not UN paragraph numbering
            p.number = None
    return paragraphs


def _make_chunk(doc_id: str, seq: int, group: list[Paragraph], text: str) -> Chunk:
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
    )
    chunk.locator = make_locator(
        para_start=chunk.para_start,
        para_end=chunk.para_end,
        page_start=chunk.page_start,
        page_end=chunk.page_end,
        heading=chunk.section,
    )
    return chunk


def chunk_paragraphs(doc_id: str, paragraphs: list[Paragraph], chunk_chars: int = 1200, overlap: int = 150) -> list[Chunk]:
    """Group paragraphs of one section up to ``chunk_chars``; split paragraphs that are longer.

    A numbered paragraph is never merged with a neighbour once the group already holds a
    numbered paragraph and would pass half the target size: short citations beat big chunks.
    """
    splitter = RecursiveCharacterTextSplitter(
        chunk_size=chunk_chars, chunk_overlap=overlap, separators=["\n\n", "\n", ". ", "; ", ", ", " "], keep_separator="end"
    )
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
            for piece in splitter.split_text(para.text):
                chunks.append(_make_chunk(doc_id, len(chunks), [para], piece.strip()))
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


def chunk_pages(doc_id: str, pages: list[tuple[str, int | None]], chunk_chars: int = 1200, overlap: int = 150) -> list[Chunk]:
    """Parse and chunk in one step."""
    return chunk_paragraphs(doc_id, parse(pages), chunk_chars, overlap)
