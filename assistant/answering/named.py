"""Named things in the library: does one passage hold the question's missions, years and instruments together?

A near-domain question often names things that each occur somewhere in the library but never
together: "BINUH's mandate renewal in 2023" (BINUH and 2023 both occur, in different reports),
"MONUSCO's disengagement plan" with "the Security Council". Answering it from the library would
quote a passage about something else. :func:`cooccurrence` is the best share of the question's
named things that one passage holds (with its document's title and symbol; a glossary acronym
counts through its expansion), one of the fitted scope features in :mod:`gaps`.

>>> passages = ["binuh was established in 2019.", "the 2023 review of the peacebuilding architecture"]
>>> cooccurrence(["BINUH", "2023"], passages, {})
0.5
>>> cooccurrence(["ISF", "Sierra Leone"], ["the integrated strategic framework in sierra leone"],
...              {"isf": "integrated strategic framework"})
1.0
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path

from assistant.index.embeddings import resolve_model
from assistant.index.lexical import tokenize
from assistant.index.retrieve import Retriever

PREFIX = 5
YEAR = re.compile(r"(?:19|20)\d{2}")
_CACHE: dict[int, tuple[object, list[str]]] = {}
_PREFIXES: dict[int, tuple[object, set[str]]] = {}


def cooccurrence(entities: list[str], passages: Sequence[str], expansions: Mapping[str, str]) -> float:
    """Best share of ``entities`` found together in one of the (lower-cased) passages; 1.0 for fewer than two.

    A year counts only on its own, not as the end of a period ("the 2018–2023 plan" is no report of 2023).
    """
    if len(entities) < 2:
        return 1.0
    forms = [_matcher(e, expansions) for e in entities]
    best = 0
    for text in passages:
        held = sum(found(text) for found in forms)
        if held > best:
            best = held
            if best == len(forms):
                break
    return best / len(forms)


def _matcher(entity: str, expansions: Mapping[str, str]) -> Callable[[str], bool]:
    """A test for the entity (or its glossary expansion) in a lower-cased passage."""
    name = entity.lower()
    if YEAR.fullmatch(name):
        pattern = re.compile(rf"(?<![\w/–-]){name}(?![\w/–-])")
        return lambda text: name in text and bool(pattern.search(text))
    names = [name] + ([expansions[name]] if name in expansions else [])
    return lambda text: any(n in text for n in names)


def library_passages(retriever: Retriever) -> list[str]:
    """Every passage lower-cased with its document's title, citation and symbol (built once per loaded index)."""
    records = retriever.records
    cached = _CACHE.get(id(retriever))
    if cached and cached[0] is records:
        return cached[1]
    texts = [f"{r.meta.title} {r.meta.short} {r.meta.symbol}\n{r.text}".lower() for r in records]
    _CACHE[id(retriever)] = (records, texts)
    return texts


def unknown_terms(terms: list[str], retriever: Retriever) -> float:
    """Share of the question's plain content words that no passage uses and that are not common English ('gratuity').

    Stems are compared by their first five letters, so spelling and word-form variants of a word the
    library uses ('organised' / 'organized', 'oppose' / 'opposition') count as known. A common word the
    library happens not to use ('finished' in a three-document library) is no evidence: common means a whole
    word of the embedding model's WordPiece vocabulary; without one, no word counts. Short words and words
    with digits are left out (named things are judged by :func:`cooccurrence` and ``unknown_entities``).
    """
    bm25 = retriever.lexical.retriever
    words = [t for t in terms if t.isalpha() and len(t) >= PREFIX]
    common = common_stems(retriever.settings.embedding_model)
    if not words or bm25 is None or not common:
        return 0.0
    cached = _PREFIXES.get(id(bm25))
    if cached is None or cached[0] is not bm25:
        cached = (bm25, {t[:PREFIX] for t in bm25.vocab_dict})
        _PREFIXES[id(bm25)] = cached
    return sum(t[:PREFIX] not in cached[1] and t not in common for t in words) / len(words)


@lru_cache(maxsize=4)
def common_stems(model: str) -> frozenset[str]:
    """Stems of the whole words in the embedding model's WordPiece vocabulary (empty when it has none)."""
    vocab = Path(resolve_model(model)) / "vocab.txt"
    if not vocab.is_file():
        return frozenset()
    words = [w for w in vocab.read_text(encoding="utf-8").split() if w.isalpha() and w.islower()]
    return frozenset(tokenize(" ".join(words)))


def expansions(retriever: Retriever) -> dict[str, str]:
    """Lower-cased glossary acronym -> lower-cased expansion."""
    return {t.term.lower(): t.expansion.lower() for t in retriever.glossary.terms}
