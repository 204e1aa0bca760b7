"""A question's premise against the catalogue: a text asked for by a year it does not have, or a newer version.

"What is the UN's 2023 policy on integrated assessment?" names a policy by its title words and a
year. The catalogue knows the Policy on Integrated Assessment and Planning, of 2013, and no passage of
the library speaks of a 2023 one. Quoting around the question (sentences on "a new policy on integrated
assessment") would let the reader believe a 2023 policy exists; the answer corrects the premise first:
"The library holds no 2023 policy on integrated assessment; the Policy on Integrated Assessment and
Planning it knows of dates from 2013 (IAP Policy 2013)." A year the library itself gives with those
title words ("the 2004 Integrated Mission Planning Process") is no wrong premise.

"Is there a newer IAP policy than 2013?" asks for a text the catalogue would record as superseding the
IAP Policy 2013; it records none, so the answer says the library does not state that anything newer
replaced it (:func:`newer_asked`), then the closest passages — not sentences about "a new policy" of 2013.

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

from assistant.citation import GAP_PREFIX
from assistant.corpus.manifest import DocumentInfo, Manifest
from assistant.index.lexical import tokenize

MIN_WORDS = 3  # a run of title words this long, two of them content words, names the text
NEAR = 25  # characters between the year and the title words in the question
YEAR = re.compile(r"(?<![\w/–-])((?:19|20)\d{2})(?![\w/–-])")
NEWER = re.compile(r"\b(?:newer|more recent|later|updated|revised|replaced|superseded|successor)\b", re.IGNORECASE)


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


def newer_asked(question: str, named: Sequence[DocumentInfo]) -> str:
    """For a question asking whether a named catalogued text has a newer version (at its own year, or none given)
    that the catalogue does not record: what the library does not state.

    >>> info = DocumentInfo(id="iap", title="Policy on Integrated Assessment and Planning", short="IAP Policy 2013",
    ...                     date="2013-04-09")
    >>> newer_asked("Is there a newer IAP policy than 2013?", [info])
    'The library does not state that anything newer has replaced IAP Policy 2013; its catalogue lists it as current.'
    >>> newer_asked("Is there a newer IAP policy than 2016?", [info])
    ''
    """
    if not NEWER.search(question):
        return ""
    years = {int(y) for y in YEAR.findall(question)}
    for info in named:
        if info.status == "current" and not info.superseded_by and (not years or years == {info.year}):
            return f"{GAP_PREFIX} that anything newer has replaced {info.short}; its catalogue lists it as current."
    return ""


def corrected_premise(question: str, manifest: Manifest, library_doc_ids: Iterable[str], passages: Sequence[str],
                      missing: Sequence[DocumentInfo]) -> tuple[str, list[DocumentInfo]]:
    """The correction an answer opens with ('' for none), and the catalogued texts it names that ``missing`` lacks."""
    held = set(library_doc_ids)
    wrong = misdated(question, [*manifest.catalogue.values(), *manifest.documents.values()], passages)
    extra = [w.info for w in wrong if w.info.id not in held and w.info not in missing]
    return (wrong[0].statement() if wrong else newer_asked(question, [*missing, *extra])), extra


__all__ = ["Misdated", "corrected_premise", "misdated", "newer_asked"]
