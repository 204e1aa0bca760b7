"""No quoted sentence spliced from two places: prevented at parse time, detected in an index.

A PDF or text conversion can cut a sentence after its first line so that the line stands
alone and looks like a heading ("In addition, the current global economic context", IPI
2013); the lower-case rest ("has led UN member states…") was then joined to the paragraph
*before* the heading, quoting "…integrated in the coming has led UN member states…".
``unsplice`` puts such a line back in front of its continuation; ``verbatim_in`` is the cheap
general check behind ``scripts/check_splices.py``: every sentence of an index must occur in
its source document letter for letter (spaces, punctuation, digits and case ignored, since
cleaning repairs split words, hyphenation and footnote marks).

>>> headings = {1: "External Pressures", 3: "In addition, the current global economic context"}
>>> unsplice("has led UN member states to increase pressure.",
...          [("In addition, the current global economic context", {1: "External Pressures"})], headings)
'In addition, the current global economic context has led UN member states to increase pressure.'
>>> headings
{1: 'External Pressures'}
>>> verbatim_in("The UN's work is integrated.", "the UN’s work is in-\\ntegrated.¹²")
True
>>> verbatim_in("in the coming has led UN member states", "in the coming\\n\\nIn addition, it\\n\\nhas led UN member states")
False
"""

from __future__ import annotations

import re

_NOT_LETTER = re.compile(r"[^a-z]+")


def unsplice(text: str, since: list[tuple[str, dict[int, str]] | None], headings: dict[int, str]) -> str:
    """The text of a block that would continue the paragraph before one or more headings.

    The caller never joins it to that paragraph. A single lone line taken for a heading and
    followed by a lower-case block was the first line of the sentence: it goes back in front of
    the text and ``headings`` gets back the path it replaced. Otherwise the block stays as it is
    and starts a paragraph of its own (its opening fragment is not quotable).
    """
    lone = since[0] if len(since) == 1 else None
    if lone is None or not text[:1].islower():
        return text
    headings.clear()
    headings.update(lone[1])
    return f"{lone[0]} {text}"


def letters(text: str) -> str:
    """Lower-case letters only: what a verbatim comparison keeps after cleaning's repairs."""
    return _NOT_LETTER.sub("", text.lower())


def verbatim_in(sentence: str, source: str) -> bool:
    """Does the sentence occur in the source, letter for letter? (A splice does not.)"""
    return letters(sentence) in letters(source)
