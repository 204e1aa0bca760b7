"""The facilitator answer key: each discussion question answered by the answer work itself.

A key entry is what ``planassist ask`` and ``/api/ask`` would answer (:func:`answer_question`,
the same sentence selection): the sentence that answers, the list it introduces, and up to
:data:`KEY_POINTS` supporting points, each quoted whole and cited into the pack's sources.
Where the answer work declines or finds the library silent on what was asked, the key says
so in the answer work's words ("The corpus does not cover this." or "The library does not
state …") rather than quote something near; a question naming a catalogued text the library
lacks keeps the answer work's missing-text note.

>>> blocks = answer_key("What benchmarks guided the transition to BINUH?", get_retriever(), CitationBook(),
...                     "extractive")                                          # doctest: +SKIP
>>> blocks[0].kind, blocks[0].text[-3:]                                        # doctest: +SKIP
('paragraph', '[1]')
"""

from __future__ import annotations

from collections.abc import Callable

from assistant.answering.answer import Answer, answer_question
from assistant.citation import GAP_PREFIX, MISSING_NOTE, NOT_COVERED, CitationBook
from assistant.index.retrieve import Retriever
from assistant.products.export import Block
from assistant.products.statements import FIRST_PERSON, VISITING

KEY_POINTS = 2  # supporting points after the sentence that answers (the answer work gives up to 3)
GAP_TAIL = " The closest passages:"
MAX_QUOTE_WORDS = 90  # a handout quote longer than this is a paragraph of narrative, not a point


def cited(answer: Answer, book: CitationBook, text: str, numbers: list[int]) -> str:
    """'text [n]…' with the answer's citations renumbered into the pack's sources (registered only when called)."""
    by_n = {c.n: c for c in answer.citations}
    return f"{text} " + "".join(f"[{book.cite(by_n[n])}]" for n in numbers if n in by_n)


def answer_key(question: str, retriever: Retriever, book: CitationBook, backend: str) -> list[Block]:
    """The key for one question: a paragraph (the answer, or what the library does not hold), bullets, notes."""
    answer = answer_question(question, retriever, backend=backend)
    notes = [Block(kind="note", text=n) for n in answer.notes if MISSING_NOTE in n]
    if answer.abstained:
        first = answer.answer.splitlines()[0] if answer.answer else NOT_COVERED
        text = first.removesuffix(GAP_TAIL) if first.startswith(GAP_PREFIX) else NOT_COVERED
        return [Block(kind="paragraph", text=text), *notes]
    lead, supports = "", 0
    points: list[str] = []
    for s in answer.sentences:
        if not (s.supported and s.citations) or s.role in ("given", "before", "closest"):
            continue
        if VISITING.match(s.text):  # 'The mission made recommendations …': a visiting team, read as the Mission
            continue
        if s.role == "note":  # the footnote a sentence was quoted for holds the answer (IPI's note 50 on Somalia)
            if lead and not points:
                points.append(f"Footnote: {cited(answer, book, s.text, s.citations)}")
            continue
        if not lead:
            lead = cited(answer, book, s.text, s.citations)
        elif s.role == "item" or supports < KEY_POINTS:
            points.append(cited(answer, book, s.text, s.citations))
            supports += s.role != "item"
    blocks = [Block(kind="paragraph", text=lead or NOT_COVERED)]
    if lead and points:
        blocks.append(Block(kind="bullets", items=points))
    return blocks + notes


def library_lines(question: str, retriever: Retriever, book: CitationBook, terms: tuple[str, ...] = (),
                  limit: int = 2, keep: Callable[[str], bool] | None = None) -> list[str]:
    """What the library says, quoted and cited: the answer work's sentences for ``question`` that name one of
    ``terms`` (any sentence when none are given) and that ``keep`` accepts; empty when the library is silent, so the
    caller says so. Only the sentences returned enter the sources."""
    answer = answer_question(question, retriever, backend="extractive")
    if answer.abstained:
        return []
    out: list[str] = []
    for s in answer.sentences:
        if not (s.supported and s.citations) or s.role in ("given", "before", "closest", "note") or FIRST_PERSON.search(s.text) \
                or VISITING.match(s.text):
            continue
        off_terms = terms and not any(t.lower() in s.text.lower() for t in terms)
        if off_terms or len(s.text.split()) > MAX_QUOTE_WORDS or "?" in s.text or (keep and not keep(s.text)):
            continue  # off the terms, a paragraph of narrative, or a rhetorical question: not a point a trainer can use
        out.append(cited(answer, book, s.text, s.citations))
        if len(out) == limit:
            break
    return out
