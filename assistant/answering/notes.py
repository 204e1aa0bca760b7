"""Footnotes as the sources of claims: a note is never quoted on its own, only beside the sentence citing it.

Issue 10 stores each footnote body as its own unit linked to the passage whose marker cites it
(``meta.cited_by``). A footnote is not a statement of policy — "The paragraphs on … are adapted
from …", "UN DPKO/DFS, '…', June 27, 2011" — so the answerer never makes one a lead or a point.
But it may hold what the question asks (the date a policy was approved): then the sentence that
carries the marker is quoted, and the note is shown under it as that claim's source.

>>> citing_position("approved in 2013.¹⁸ The next", "18")
17
>>> citing_position("approved in 2013.¹⁸ The next", "8") is None
True
>>> tail_of("endorsement of a new policy on integrated\\nassessment and planning.", 24)
'assessment and planning.'
"""

from __future__ import annotations

import re

SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
TAIL = 30  # characters before the marker that locate the citing sentence


def citing_position(text: str, label: str) -> int | None:
    """Where the superscript marker of note ``label`` stands in a passage (None when it is not marked so)."""
    if not label.isdigit():
        return None
    mark = re.search(rf"(?<![{SUPERSCRIPTS}]){re.escape(label.translate(SUPERSCRIPT))}(?![{SUPERSCRIPTS}])", text)
    return mark.start() if mark else None


def tail_of(text: str, chars: int = TAIL) -> str:
    """The last ``chars`` characters of text with superscripts removed and spaces collapsed (as sentences are stored)."""
    clean = " ".join(re.sub(f"[{SUPERSCRIPTS}]+", "", text).split())
    return clean[-chars:].lstrip()


def citing_sentence(passage: str, label: str, sentences: list[tuple[int, str]]) -> int | None:
    """The sentence (index, text) of the passage that carries note ``label``'s marker, if it can be told."""
    at = citing_position(passage, label)
    if at is None:
        return None
    tail = re.split(r"(?<=[.!?])[\"”’')\]]*\s+", tail_of(passage[:at], 2 * TAIL))[-1][-TAIL:]  # this sentence only
    if len(tail) < 8:
        return None
    return next((i for i, text in sentences if tail in text), None)
