"""A question's premise against the catalogue: a text asked for by a year it does not have.

"What is the UN's 2023 policy on integrated assessment?" names a policy by its title words and a
year. The catalogue knows the Policy on Integrated Assessment and Planning, of 2013, and no passage of
the library speaks of a 2023 one. Quoting around the question (sentences on "a new policy on integrated
assessment") would let the reader believe a 2023 policy exists; the answer corrects the premise first:
"The library holds no 2023 policy on integrated assessment; the Policy on Integrated Assessment and
Planning it knows of dates from 2013 (IAP Policy 2013)." A year the library itself gives with those
title words ("the 2004 Integrated Mission Planning Process") is no wrong premise.

>>> info = DocumentInfo(id="iap", title="United Nations Policy on Integrated Assessment and Planning",
...                     short="IAP Policy 2013", date="2013-04-09")
>>> [m.phrase for m in misdated("What is the UN's 2023 policy on integrated assessment?", [info], [])]
['policy on integrated assessment']
>>> misdated("What does the 2013 policy on integrated assessment say?", [info], [])
[]
>>> misdated("What is the 2023 policy on integrated assessment?", [info], ["the 2023 policy on integrated assessment"])
[]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from assistant.corpus.manifest import DocumentInfo
from assistant.index.lexical import tokenize

MIN_WORDS = 3  # a run of title words this long, two of them content words, names the text
NEAR = 25  # characters between the year and the title words in the question
YEAR = re.compile(r"(?<![\w/–-])((?:19|20)\d{2})(?![\w/–-])")


@dataclass(frozen=True)
class Misdated:
    """A text the question names by title words with a year that is not the text's."""

    info: DocumentInfo
    year: str  # the year the question gives
    phrase: str  # the title words it names the text by, as the title spells them (lower case)

    def statement(self) -> str:
        """The correction that opens the answer."""
        title = _title(self.info)
        return (f"The library holds no {self.year} {self.phrase}; the {title} it knows of dates from {self.info.year} "
                f"({self.info.short}).")


def _title(info: DocumentInfo) -> str:
    """The title without a leading 'United Nations' and without its subtitle or bracketed name."""
    title = re.sub(r"^(?:United Nations|UN)\s+", "", info.title.split(":")[0])
    return re.sub(r"\s*\([^)]*\)", "", title).strip()


def _head(words: list[str]) -> int:
    """Where the title's head noun is: before its first 'on/of/for' ('Policy on …'), else last ('… Handbook')."""
    return next((i - 1 for i, w in enumerate(words) if i and w.lower() in ("on", "of", "for")), len(words) - 1)


def _phrase(question: str, title: str) -> re.Match | None:
    """The longest run of the title's words found in the question: at least MIN_WORDS, two content words, and the
    head noun (a question about 'the 2019 policy on integrated assessment and planning' does not name the 2014
    Integrated Assessment and Planning Handbook)."""
    words = title.split()
    head = _head(words)
    for size in range(len(words), MIN_WORDS - 1, -1):
        for start in range(len(words) - size + 1):
            run = words[start:start + size]
            if not start <= head < start + size or len(tokenize(" ".join(run))) < 2:
                continue
            found = re.search(rf"(?<!\w){re.escape(' '.join(run))}(?!\w)", question, flags=re.IGNORECASE)
            if found:
                return found
    return None


def misdated(question: str, texts: Iterable[DocumentInfo], passages: Sequence[str]) -> list[Misdated]:
    """Texts the question names by title words next to a year other than the text's, a year no (lower-cased)
    passage gives with those words."""
    out = []
    for info in texts:
        found = _phrase(question, _title(info)) if info.year else None
        if found is None:
            continue
        phrase = found.group(0).lower()
        for year in YEAR.finditer(question):
            near = year.end() <= found.start() and found.start() - year.end() <= NEAR \
                or year.start() >= found.end() and year.start() - found.end() <= NEAR
            if near and int(year.group(1)) != info.year \
                    and not any(phrase in p and year.group(1) in p for p in passages):
                out.append(Misdated(info, year.group(1), phrase))
                break
    return out


__all__ = ["Misdated", "misdated"]
