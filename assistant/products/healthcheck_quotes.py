"""The health check's quotes: the anchored "why it matters" sentences, found verbatim among stored passages.

An anchor the index does not hold is reported, never paraphrased; see :mod:`assistant.products.healthcheck`.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, Field

from assistant.answering.verify import split_sentences
from assistant.citation import Citation, CitationBook
from assistant.index.records import Record
from assistant.index.retrieve import Retriever
from assistant.products.healthcheck_bank import Anchor

ANALOGY = "UK-government analogy, not UN guidance"
SOURCE_TYPES = {
    "commentary": ANALOGY,
    "analysis": "independent study",
    "report": "UN practice",
    "resolution": "UN resolution",
    "policy": "UN policy",
    "guidance": "UN guidance",
}
"""How each kind of source is labelled beside its quote (the Itad blog is the corpus's only commentary)."""
# Sentences the shared splitter leaves joined: after a closing quote ('space." While') and
# after a plain footnote number ('practice.22 Such').
_MORE_SPLITS = re.compile(
    r"(?<=[.!?][\"”’])\s+(?=[A-Z“\"])|(?<=[a-z][.!?])\d{1,2}\s+(?=[A-Z])|(?<=[.!?])[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s+(?=[A-Z])")
_BULLET = re.compile(r"^[-•▪●]\s+")
_TRAILING_MARK = re.compile(r"\s*[¹²³⁴⁵⁶⁷⁸⁹⁰]+$")
LONG_QUOTE = 360


# --- quotes from the index -------------------------------------------------------------------
def _norm(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.split()).lower()


def sentences(passage: str) -> list[str]:
    """The passage's sentences, verbatim, split a little finer than answers need."""
    out = []
    for sentence in split_sentences(passage):
        out += [_TRAILING_MARK.sub("", _BULLET.sub("", s)).strip() for s in _MORE_SPLITS.split(sentence) if s.strip()]
    return out


def shorten(sentence: str, phrase: str) -> str:
    """A long sentence cut after the clause holding the phrase (a verbatim prefix, marked '…')."""
    if len(sentence) <= LONG_QUOTE:
        return sentence
    start = max(_norm(sentence).find(_norm(phrase)) + len(phrase), 160)
    cuts = [m.start() for m in re.finditer(r"[,;] ", sentence[start:])]
    balanced = [start + i for i in cuts if sentence[:start + i].count("(") == sentence[:start + i].count(")")]
    cut = balanced[0] if balanced else -1
    return sentence[:cut] + " …" if 0 < cut < len(sentence) - 40 else sentence


class Quote(BaseModel):
    """One 'why it matters' sentence: verbatim from a stored passage, numbered in the report's sources."""

    n: int
    quote: str
    label: str = Field(description="Document and locator, as UN staff cite it.")
    source_type: str
    doc_id: str
    chunk_id: str
    locator: str


class Library:
    """Finds anchored sentences among stored passages; one per health check (it numbers the sources)."""

    def __init__(self, records: list[Record]):
        self.by_doc: dict[str, list[Record]] = {}
        for record in records:
            self.by_doc.setdefault(record.meta.doc_id, []).append(record)
        self.book = CitationBook()
        self.missing: list[str] = []

    @classmethod
    def of(cls, retriever: Retriever) -> "Library":
        """The passages of the index as they are now."""
        retriever.refresh()
        return cls(retriever.records)

    def find(self, anchor: Anchor) -> tuple[Record, str] | None:
        """The stored passage and the verbatim sentence holding the anchor's phrase, if the index has them."""
        phrase = _norm(anchor.find)
        for record in self.by_doc.get(anchor.doc, []):
            if phrase in _norm(record.text):
                match = next((s for s in sentences(record.text) if phrase in _norm(s)), None)
                if match:
                    return record, shorten(match, anchor.find)
        return None

    def quote(self, anchor: Anchor, where: str) -> Quote | None:
        """The anchored sentence, numbered in this check's sources; None (and a note in missing) if not held."""
        found = self.find(anchor)
        if found is None:
            self.missing.append(f"{where}: the library holds no passage of '{anchor.doc}' with “{anchor.find}”")
            return None
        record, sentence = found
        m = record.meta
        citation = Citation(n=0, chunk_id=record.id, doc_id=m.doc_id, title=m.title, short=m.short, locator=m.locator,
                            quote=record.text, status=m.status, superseded_by=m.superseded_by)
        n = self.book.cite(citation)
        return Quote(n=n, quote=sentence, label=citation.label, source_type=SOURCE_TYPES.get(m.type, m.type),
                     doc_id=citation.doc_id, chunk_id=record.id, locator=citation.locator)


