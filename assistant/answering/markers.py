"""Citation numbers a reader sees: 1, 2, … in order of first use, the same while streaming and in the answer.

A model cites the passages it was given by their prompt numbers ([2], [3]); the reader's
numbers follow first use. The stream is renumbered as tokens arrive (a marker split across
tokens is held back until it closes) and the final answer uses the same map, extended by any
citation the verifier adds, so a [1] seen while the answer was being written is the [1] of
the sources list. Markers that point to no given passage are dropped from the stream, as
from the answer.

>>> numbers = CitationNumbers(valid={1, 2, 3})
>>> "".join(numbers.feed(t) for t in ["Plans are joint [", "3", "] and reviewed [2][", "42]."]) + numbers.flush()
'Plans are joint [1] and reviewed [2].'
>>> numbers.number(1), numbers.shown
(3, {3: 1, 2: 2, 1: 3})
"""

from __future__ import annotations

import re

from assistant.answering.verify import MARKER
from assistant.citation import MARKER_FORMAT

PARTIAL = re.compile(r"\[\d{0,3}$")  # a marker still being written at the end of the text so far


class CitationNumbers:
    """Prompt passage number -> the number shown to the reader, assigned in order of first use."""

    def __init__(self, valid: set[int]):
        self.valid = valid
        self.shown: dict[int, int] = {}
        self._held = ""

    def number(self, n: int) -> int:
        """The reader's number for prompt passage ``n`` (the next free one on first use)."""
        return self.shown.setdefault(n, len(self.shown) + 1)

    def renumber(self, text: str) -> str:
        """Every complete [n] marker of ``text`` in the reader's numbers; markers to no passage removed."""
        return MARKER.sub(lambda m: MARKER_FORMAT.format(n=self.number(int(m.group(1))))
                          if int(m.group(1)) in self.valid else "", text)

    def feed(self, token: str) -> str:
        """The part of the stream that can be shown now, renumbered."""
        text = self._held + token
        partial = PARTIAL.search(text)
        cut = partial.start() if partial else len(text)
        self._held = text[cut:]
        return self.renumber(text[:cut])

    def flush(self) -> str:
        """What is still held back at the end of the stream (an unclosed '[' stays as written)."""
        held, self._held = self._held, ""
        return held

    def in_notes(self, notes: list[str]) -> list[str]:
        """Verifier notes name prompt numbers; give them the reader's (a marker to no passage stays as named)."""
        return [MARKER.sub(lambda m: MARKER_FORMAT.format(n=self.shown[int(m.group(1))])
                           if int(m.group(1)) in self.shown else m.group(0), note) for note in notes]
