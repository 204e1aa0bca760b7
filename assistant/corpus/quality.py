"""Text quality of one document as stored: the extraction defects a reader would notice.

Counts, per document, what makes a quote look broken: words split by a space ("smo oth",
"T he"), compounds glued ("SecretaryGeneral" where the document writes
"Secretary-General"), footnote text spliced into a sentence ("chair of the ⁴ The first
DPKO ..."), sentences far too long (usually tables or lost full stops) or too short
(fragments), and pages read by OCR. ``planassist docs --quality`` shows it for every
document in the index, so a user can see which uploads are poor.

>>> q = assess("d", [("T he chair of the ⁴ The first report. It is SecretaryGeneral work.", {}),
...                  ("The Secretary-General reported the first results.", {})])
>>> q.split_words, q.glued_words, q.spliced_footnotes
(1, 1, 1)
"""

from __future__ import annotations

import re

from pydantic import BaseModel

from assistant.corpus.repair import _PAIR_START, Vocabulary
from assistant.corpus.sentences import split_sentences

SUP = "¹²³⁴⁵⁶⁷⁸⁹⁰"
LONE_LETTER = re.compile(r"(?<![\w.’'/-])(?![aAI]\b)([A-Za-z]) ([a-z]{2,})\b")
GLUED = re.compile(r"(?<![\w-])([A-Z][a-z]+)([A-Z][a-z]+)(?![\w-])")
SPLICED = (
    re.compile(rf"[a-z,;] ?[{SUP}]+ +[A-Z][a-z]"),  # 'chair of the ⁴ The first': a note inside a sentence
    re.compile(rf"(?:^|\n)\s*[{SUP}]+\s*[A-Z]"),  # a note paragraph left in the body
    re.compile(r"\$\^\{|_{6,}"),  # TeX note residue, a PDF note rule
)
MAX_SENTENCE_WORDS = 120
MIN_SENTENCE_WORDS = 3
EXAMPLES = 5


class DocumentQuality(BaseModel):
    """Defect counts for one document (zero is clean) and a few examples to look at."""

    doc_id: str
    title: str = ""
    passages: int = 0
    footnotes: int = 0
    split_words: int = 0
    glued_words: int = 0
    spliced_footnotes: int = 0
    long_sentences: int = 0
    short_sentences: int = 0
    ocr_pages: int = 0
    examples: list[str] = []

    @property
    def defects(self) -> int:
        """The defects the default corpus must be free of."""
        return self.split_words + self.glued_words + self.spliced_footnotes


def assess(doc_id: str, passages: list[tuple[str, dict]], title: str = "") -> DocumentQuality:
    """Quality of one document from its stored passages (text and metadata)."""
    vocab = Vocabulary.from_text("\n".join(text for text, _ in passages))
    q = DocumentQuality(doc_id=doc_id, title=title, passages=len(passages))
    ocr_pages: set[int] = set()
    for text, meta in passages:
        if meta.get("kind") == "footnote":
            q.footnotes += 1
        if meta.get("ocr"):
            first = meta.get("page_start") or 0
            ocr_pages.update(range(first, (meta.get("page_end") or first) + 1))
        _count(q, "split_words", _split(text, vocab))
        _count(q, "glued_words", _glued(text, vocab))
        _count(q, "spliced_footnotes", [m.group(0) for p in SPLICED for m in p.finditer(text)])
        if meta.get("kind") != "footnote":
            words = [len(s.split()) for s in split_sentences(text)]
            q.long_sentences += sum(n > MAX_SENTENCE_WORDS for n in words)
            q.short_sentences += sum(n < MIN_SENTENCE_WORDS for n in words)
    q.ocr_pages = len(ocr_pages - {0, -1})  # -1: Chroma's "no page"
    return q


def _count(q: DocumentQuality, name: str, found: list[str]) -> None:
    setattr(q, name, getattr(q, name) + len(found))
    q.examples.extend(f"{name}: {f!r}" for f in found[: max(0, EXAMPLES - len(q.examples))])


def _split(text: str, vocab: Vocabulary) -> list[str]:
    """A space inside a word: the pair joined is a word of the document and a part is not."""
    found = [f"{a} {b}" for a, b in _PAIR_START.findall(text)
             if (b.islower() or a.isupper()) and vocab.knows(a + b) and not (vocab.is_word(a) and vocab.is_word(b))]
    return found + [f"{a} {b}" for a, b in LONE_LETTER.findall(text) if f"{a} {b}" not in found and vocab.knows(a + b)]


def _glued(text: str, vocab: Vocabulary) -> list[str]:
    """Two capitalised words run together where the document hyphenates them, or both are words."""
    return [a + b for a, b in GLUED.findall(text) if vocab.compounds[f"{a}-{b}".lower()]
            or (vocab.is_word(a) and vocab.is_word(b) and vocab.words[(a + b).lower()] <= 1)]
