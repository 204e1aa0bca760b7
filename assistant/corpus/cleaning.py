"""Clean extracted page text before it is parsed: furniture out, words repaired, notes lifted out.

The steps, in order, for every format: a YAML metadata block is removed; page furniture (page numbers, job numbers, the
repeated symbol, running heads repeated across pages) is blanked; line-end hyphenation is
undone against the document's vocabulary; footnotes become separate units
(:mod:`assistant.corpus.footnotes`); split and glued words are repaired
(:mod:`assistant.corpus.repair`); Markdown emphasis marks are dropped. Blank lines
stay where furniture was, so paragraph boundaries are what the parser saw before.

>>> cleaned = clean_pages([("S/2019/805\\n1. T he Mission acted.²\\n__________\\n 2  See S/2019/563.", 1),
...                        ("S/2019/805\\n2. The Mission left.", 2), ("S/2019/805\\nEnd.", 3)])
>>> cleaned.pages[0][0].strip(), cleaned.footnotes[0].text
('1. The Mission acted.²', 'See S/2019/563.')
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from assistant.corpus.footnotes import SEPARATOR, Footnote, extract_footnotes
from assistant.corpus.repair import Vocabulary, acronyms_of, dehyphenate, repair_words

FURNITURE = [
    re.compile(r"^\d{1,4}$"),  # page numbers
    re.compile(r"^\d{2}-\d{5}\*?\s*(\([A-Z]\))?[\s\d/*]*$"),  # job numbers ('19-16958 (E) 111019', '19-16958 2/33')
    re.compile(r"^\d{1,3}/\d{1,3}(\s+\d{2}-\d{5}.*)?$"),  # '3/33 19-16958': page of pages and job number
    re.compile(r"^\*\d{5,}\*$"),  # barcodes
    re.compile(r"^[A-Z]{1,2}/(RES/)?\d+(/\d+)*\*?$"),  # repeated document symbol
    re.compile(r"^[S8$5]/\d{4}/\d+\*?$"),  # the symbol as OCR reads it ('8/1998/144', '$/1998/144')
    re.compile(r"^(Page \d{1,3}|English|French|Spanish|Français|Español)$"),  # scanned page heads
    re.compile(r"^-{3,}$"),
    re.compile(r"^>\s*Source:"),
    re.compile(r"^(United Nations|Security Council|General Assembly)$"),
    re.compile(r"^(United Nations|Nations Unies|Naciones Unidas)\s+[A-Z]{1,2}/\S+$"),  # masthead with the symbol
    re.compile(r"^(Distr\.:|Original:)"),
]
FRONT_MATTER = re.compile(r"^---\n(?:[A-Za-z_]+:.*\n)+---\n", re.MULTILINE)  # YAML metadata of a converted file
EMPHASIS = re.compile(r"(?<![\w*])(\*{1,2})(?=\S)([^*\n]+?)(?<=\S)\1(?![\w*])")
HEAD_LINES = 3
MIN_RUNNING_PAGES = 3
RUNNING_SHARE = 0.3


@dataclass
class CleanText:
    """Cleaned page texts, the footnotes taken out of them and the document's acronyms."""

    pages: list[tuple[str, int | None]]
    footnotes: list[Footnote] = field(default_factory=list)
    acronyms: set[str] = field(default_factory=set)


def is_furniture(line: str) -> bool:
    """A line that is page furniture, not text: page or job number, symbol, barcode."""
    return any(p.match(line) for p in FURNITURE)


def clean_pages(pages: list[tuple[str, int | None]]) -> CleanText:
    """The whole cleaning pipeline for one document's pages."""
    pages = [(FRONT_MATTER.sub("", text.replace("\r\n", "\n").replace("\r", "\n")), page) for text, page in pages]
    running = _running_heads(pages)
    pages = [("\n".join("" if _drop(line, running) else line for line in text.split("\n")), page) for text, page in pages]
    vocab = Vocabulary.from_text("\n".join(text for text, _ in pages))
    pages = [("\n".join(dehyphenate(text.split("\n"), vocab)), page) for text, page in pages]
    body, notes = extract_footnotes(pages)
    body = [(_unemphasise(repair_words(text, vocab)), page) for text, page in body]
    notes = [Footnote(n.label, _unemphasise(repair_words(n.text, vocab)), n.page) for n in notes]
    return CleanText(body, notes, acronyms_of("\n".join(text for text, _ in body)))


def _drop(line: str, running: set[str]) -> bool:
    stripped = " ".join(line.split())
    return bool(stripped) and (is_furniture(stripped) or _shape(stripped) in running)


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split())).lower()


def _running_heads(pages: list[tuple[str, int | None]]) -> set[str]:
    """Lines printed at the top or bottom of many pages (digits ignored): running heads and feet."""
    numbered = [text for text, page in pages if page is not None]
    if len(numbered) < MIN_RUNNING_PAGES:
        return set()
    seen: Counter = Counter()
    for text in numbered:
        lines = [line for line in text.split("\n") if line.strip()]
        seen.update({_shape(line) for line in lines[:HEAD_LINES] + lines[-HEAD_LINES:]})
    floor = max(MIN_RUNNING_PAGES, RUNNING_SHARE * len(numbered))
    return {shape for shape, n in seen.items()
            if n >= floor and len(shape) <= 80 and not re.match(r"^#+\.\s", shape) and not SEPARATOR.match(shape)}


def _unemphasise(text: str) -> str:
    """'*Agenda for Peace*' -> 'Agenda for Peace': Markdown emphasis is formatting, not wording."""
    return EMPHASIS.sub(lambda m: m.group(2), text)
