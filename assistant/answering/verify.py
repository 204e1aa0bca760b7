"""Citation verification: does each sentence cite passages it was given, and do they support it?

Runs on every answer, whatever wrote it. Evidence is lexical (how many of the sentence's
content words the passage holds, stemmed) and semantic (cosine similarity of the sentence
to the passage's closest sentence). Markers that point at no given passage are removed;
a sentence left without a citation gets the best-supporting passage if one supports it;
otherwise it is flagged unsupported — never shown as grounded.

>>> split_sentences("The ISF is shared. It has results [1]. See para. 23 of S/2012/765.")
['The ISF is shared.', 'It has results [1].', 'See para. 23 of S/2012/765.']
>>> markers("Shared vision [1][3], results [2].")
[1, 3, 2]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from assistant.constants import LEXICAL_SUPPORT, SEMANTIC_SUPPORT
from assistant.corpus.sentences import split_sentences
from assistant.index.embeddings import Encoder
from assistant.index.lexical import tokenize

MARKER = re.compile(r"\[(\d{1,3})\]")
MARKER_GROUP = re.compile(r"\s*(?:\[\d{1,3}\](?:\s*,?\s*)?)+")
OCR_MIN_FUZZY = 5  # OCR character noise is forgiven only in words this long


def markers(sentence: str) -> list[int]:
    """The [n] citation numbers in a sentence, in order of appearance."""
    return [int(m) for m in MARKER.findall(sentence)]


def strip_markers(sentence: str) -> str:
    """The sentence without its [n] markers, spacing before punctuation repaired."""
    return " ".join(MARKER_GROUP.sub(" ", sentence).split()).replace(" .", ".").replace(" ,", ",")


def word_coverage(sentence: str, passage: str, ocr: bool = False) -> float:
    """Share of the sentence's content words (stemmed) that the passage holds.

    For OCR text a word also counts when the passage holds it with one character wrong
    ('Blectoral' for 'Electoral'); a word the passage lacks still counts missing.

    >>> word_coverage("The mission reports to the Council.", "The Council receives reports from the mission.")
    1.0
    >>> word_coverage("The Electoral Law", "the 1995 Blectoral Law", ocr=True)
    1.0
    """
    words = set(tokenize(sentence))
    if not words:
        return 0.0
    held = set(tokenize(passage))
    found = words & held
    if ocr:
        found |= {w for w in words - held if len(w) >= OCR_MIN_FUZZY and any(_one_edit(w, h) for h in held)}
    return len(found) / len(words)


def support_score(coverage: float, similarity: float = 0.0) -> float:
    """The evidence that a passage supports a sentence, scaled so that 1.0 is the bar.

    Either enough of the sentence's words are in the passage (:data:`LEXICAL_SUPPORT`) or the
    passage has a sentence close enough in meaning (:data:`SEMANTIC_SUPPORT`).

    >>> supports(support_score(coverage=0.6)), supports(support_score(coverage=0.3, similarity=0.8))
    (True, True)
    >>> supports(support_score(coverage=0.3, similarity=0.5))
    False
    """
    return max(coverage / LEXICAL_SUPPORT, similarity / SEMANTIC_SUPPORT)


def supports(score: float) -> bool:
    """Whether a :func:`support_score` clears the bar."""
    return score >= 1.0


@dataclass
class Verdict:
    """The outcome of checking one sentence: its text, the citations kept, whether they support it, and why."""
    text: str
    citations: list[int]
    supported: bool
    evidence: float  # best of lexical/0.6 and semantic/0.75 over the cited passages; >= 1 supports
    notes: list[str]


class Verifier:
    """Checks sentences against numbered passages with one encoder call per answer."""

    def __init__(self, encoder: Encoder):
        self.encoder = encoder

    def lexical(self, sentence: str, passage: str, ocr: bool = False) -> float:
        """Word coverage of the sentence by the passage (see :func:`word_coverage`)."""
        return word_coverage(sentence, passage, ocr)

    def check(
        self, sentences: list[str], passages: dict[int, str], ocr: set[int] | frozenset[int] = frozenset()
    ) -> list[Verdict]:
        """One verdict per sentence; citations repaired where the evidence allows (``ocr``: passages read by OCR)."""
        clean = [strip_markers(s) for s in sentences]
        cache: dict[tuple[int, int], float] = {}

        def evidence(i: int, n: int) -> float:
            if (i, n) not in cache:
                coverage = self.lexical(clean[i], passages[n], n in ocr)
                score = support_score(coverage)
                if not supports(score):  # the encoder is the cost: ask it only when the words do not settle it
                    score = support_score(coverage, self.semantic(clean[i], passages[n]))
                cache[i, n] = score
            return cache[i, n]

        verdicts = []
        for i, sentence in enumerate(sentences):
            notes: list[str] = []
            cited = list(dict.fromkeys(markers(sentence)))
            invalid = [n for n in cited if n not in passages]
            if invalid:
                notes.append(f"removed citation marker(s) {', '.join(f'[{n}]' for n in invalid)} that point to no given passage")
            valid = [n for n in cited if n in passages]
            supported = any(self._supports(evidence(i, n)) for n in valid)
            if not supported and passages:
                best = max(passages, key=lambda n: evidence(i, n))
                if self._supports(evidence(i, best)):
                    notes.append(f"citation repaired: [{best}] supports this sentence" + ("" if valid else " (it had none)"))
                    valid = [n for n in valid if self._supports(evidence(i, n))] + [best]
                    supported = True
            if not supported:
                notes.append("not supported by the cited passages")
            verdicts.append(Verdict(clean[i], valid, supported, max((evidence(i, n) for n in valid), default=0.0), notes))
        return verdicts

    def semantic(self, sentence: str, passage: str) -> float:
        """Cosine similarity of the sentence to the passage's closest sentence."""
        parts = split_sentences(passage) or [passage]
        vectors = self.encoder.encode_cached([sentence] + parts)
        return float(np.max(vectors[1:] @ vectors[0]))

    @staticmethod
    def _supports(score: float) -> bool:
        return supports(score)


def _one_edit(a: str, b: str) -> bool:
    """a and b differ by at most one substituted, inserted or deleted character."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))
