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
from typing import TypeVar

from assistant.answering.acronyms import names_for
from assistant.answering.question import GENERIC_TERMS as GENERIC
from assistant.answering.question import QuestionInfo
from assistant.answering.scoring import Candidate
from assistant.index.embeddings import resolve_model
from assistant.index.lexical import tokenize
from assistant.index.retrieve import Retriever

PREFIX = 5
NAMED_FIRST = 0.5  # a named document's best sentence answers first when it scores this share of the best
T = TypeVar("T")
YEAR = re.compile(r"(?:19|20)\d{2}")
FISCAL = re.compile(r"(?P<first>(?:19|20)\d{2})[/–-](?P<next>\d{2})")  # a budget period: '2012/13'
SPAN = 120  # characters: a period's two years this close are the period ("from 1 July 2012 to 30 June 2013")
_MEMO: dict[tuple[str, int], tuple[object, object]] = {}


def cooccurrence(entities: list[str], passages: Sequence[str], expansions: Mapping[str, str]) -> float:
    """Best share of ``entities`` found together in one of the (lower-cased) passages; 1.0 for fewer than two.

    A year counts only on its own, not as the end of a period ("the 2018–2023 plan" is no report of 2023).
    """
    if len(entities) < 2:
        return 1.0
    forms = [matcher(e, expansions) for e in entities]
    best = 0
    for text in passages:
        held = sum(found(text) for found in forms)
        if held > best:
            best = held
            if best == len(forms):
                break
    return best / len(forms)


def matcher(entity: str, expansions: Mapping[str, str]) -> Callable[[str], bool]:
    """A test for the entity (or its glossary expansion, 'United Nations' also written 'UN') in a lower-cased passage.

    >>> matcher("UNCT", {"unct": "united nations country team"})("the un country team's initiatives")
    True
    >>> matcher("MINUSTAH/UNCT", {"unct": "united nations country team"})("minustah and the un country team adopted")
    True
    >>> matcher("2012/13", {})("appropriated $155.4 million for the period from 1 july 2012 to 30 june 2013")
    True
    """
    name = entity.lower()
    if YEAR.fullmatch(name):
        pattern = re.compile(rf"(?<![\w/–-]){name}(?![\w/–-])")
        return lambda text: name in text and bool(pattern.search(text))
    if fiscal := FISCAL.fullmatch(name):
        first, last = fiscal["first"], fiscal["first"][:2] + fiscal["next"]
        period = re.compile(rf"{first}\b.{{0,{SPAN}}}?\b{last}")
        return lambda text: name in text or first in text and last in text and bool(period.search(text))
    if "/" in name:  # 'MINUSTAH/UNCT' is two names; 'DSRSG/RC/HC' is one and is tried first
        whole, parts = _names_matcher(entity, expansions), [matcher(p, expansions) for p in entity.split("/") if p]
        return lambda text: whole(text) or all(part(text) for part in parts)
    return _names_matcher(entity, expansions)


def _names_matcher(entity: str, expansions: Mapping[str, str]) -> Callable[[str], bool]:
    names = names_for(entity, expansions)
    short = [n for n in names if len(n) <= 3]  # 'rc' is in 'source': a short name counts only as a word
    bounded = re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, short))})(?![\w-])") if short else None
    return lambda text: any(n in text for n in names if len(n) > 3) or bool(bounded and bounded.search(text))


def per_index(name: str, retriever: Retriever, source: object, build: Callable[[], T]) -> T:
    """``build()`` once per loaded index of ``retriever``: ``source`` (its records, its BM25) changes with each ingest.

    Everything here scans the whole library (15 MB of text at 318 reports), so per question it would
    cost more than the answer itself; computed once, it costs a dictionary lookup.
    """
    key = (name, id(retriever))
    hit = _MEMO.get(key)
    if hit is None or hit[0] is not source:
        hit = (source, build())
        _MEMO[key] = hit
    return hit[1]  # type: ignore[return-value]


def library_passages(retriever: Retriever) -> list[str]:
    """Every passage lower-cased with its document's title, citation, symbol, year and section heading (built once per
    loaded index): a report of 2017 that says "on 27 March" speaks of March 2017, and a passage on "BINUB and UNIPSIL"
    under IPI's "UN Offices in Burundi and Sierra Leone" speaks of Burundi and Sierra Leone."""
    records = retriever.records
    return per_index("passages", retriever, records, lambda: [
        f"{r.meta.title} {r.meta.short} {r.meta.symbol} ({r.meta.year or ''}) {r.meta.heading}\n{r.text}".lower()
        for r in records])


def library_doc_ids(retriever: Retriever) -> frozenset[str]:
    """Ids of the documents the index holds (once per loaded index)."""
    records = retriever.records
    return per_index("doc_ids", retriever, records, lambda: frozenset(r.meta.doc_id for r in records))


def known_acronyms(retriever: Retriever) -> frozenset[str]:
    """Glossary acronyms whose expansion, or a short form of it, the library uses ('UNSDCF': 'United Nations
    cooperation framework'; 19 ms a question on the 9-document corpus when scanned each time)."""
    index = retriever.sentences
    expand = expansions(retriever)
    return per_index("known", retriever, index, lambda: frozenset(
        t.term for t in retriever.glossary.terms
        if any(n in index.library_text for n in names_for(t.term, expand)[1:])))


def unheld_terms(question: str, retriever: Retriever) -> list[str]:
    """Glossary terms the question names by their expansion, in any case, that the library never mentions by acronym,
    expansion or short form — as the question writes them: 'the common country analysis' is a named thing the
    library lacks as much as 'CCA' is. So is a kind of instrument asked for that it never writes (:func:`unheld_instrument`)."""
    index = retriever.sentences
    known = known_acronyms(retriever)
    vocab = library_vocab(retriever)

    def patterns() -> list[re.Pattern]:
        absent = [t for t in retriever.glossary.terms if t.term not in known and not set(tokenize(t.term)) <= vocab]
        return [re.compile(rf"\b{re.escape(t.expansion)}\b", re.IGNORECASE) for t in absent]

    found = (p.search(question) for p in per_index("unheld_terms", retriever, index, patterns))
    return [m.group(0) for m in found if m] + unheld_instrument(question, index.library_text)


# An instrument a question asks for by kind ('Which staff rule governs …?', 'under which financial regulation'): when the
# library never writes that kind, no passage can name the instrument, whatever it says about the subject.
INSTRUMENT_ASK = re.compile(r"\b(?i:which|what)\s+(?P<kind>(?:[a-z]+\s+)?(?:rules?|regulations?|modules?|articles?|"
                            r"provisions?|clauses?|instructions?|circulars?|bulletins?|budget lines?))\b")


def unheld_instrument(question: str, library_text: str) -> list[str]:
    """The kind of instrument a question asks for by name when the library never writes it ('staff rule'), else [].

    >>> unheld_instrument("Under which staff rule is a contract extended?", "staff were reduced under the rules")
    ['staff rule']
    >>> unheld_instrument("Which provisions of the resolution apply?", "the provisions of the present resolution")
    []
    """
    match = INSTRUMENT_ASK.search(question)
    if not match:
        return []
    kind = match.group("kind")
    singular = re.sub(r"s\b", "", kind)
    return [] if re.search(rf"\b{re.escape(singular)}s?\b", library_text, flags=re.IGNORECASE) else [kind]


def library_vocab(retriever: Retriever) -> frozenset[str]:
    """The stemmed words of the library's lexical index (once per loaded index): which acronyms it writes."""
    bm25 = retriever.lexical.retriever
    return per_index("vocab", retriever, bm25, lambda: frozenset(bm25.vocab_dict) if bm25 is not None else frozenset())


def with_library_names(q: QuestionInfo, retriever: Retriever) -> QuestionInfo:
    """The question with the names the library uses for acronyms it never writes (:attr:`QuestionInfo.held_as`), their
    words added to the focus: no sentence can hold 'UNSDCF', many hold 'United Nations cooperation framework'."""
    text = retriever.sentences.library_text
    expand = expansions(retriever, q.defined)
    vocab = library_vocab(retriever)
    held = {}
    for e in q.entities:  # an acronym with an expansion whose words the library's lexical index lacks
        if not e.isupper() or e.lower() not in expand or set(tokenize(e)) <= vocab:
            continue
        name = next((n for n in names_for(e, expand)[1:] if n in text), None)
        if name:
            held[e] = name
    if not held:
        return q
    extra = [t for n in held.values() for t in tokenize(n) if t not in GENERIC and t not in q.focus_terms]
    return q.model_copy(update={"held_as": held, "focus_terms": q.focus_terms + list(dict.fromkeys(extra))})


def unknown_terms(terms: list[str], retriever: Retriever) -> float:
    """Share of the question's plain content words that no passage uses and that are not common English ('gratuity').

    Stems are compared by their first five letters, so spelling and word-form variants of a word the
    library uses ('organised' / 'organized', 'oppose' / 'opposition') count as known. A common word the
    library happens not to use ('finished' in a three-document library) is no evidence: common means a whole
    word of the embedding model's WordPiece vocabulary; without one, no word counts. Short words and words
    with digits are left out (named things are judged by :func:`cooccurrence` and ``unknown_entities``).
    """
    words = [t for t in terms if t.isalpha() and len(t) >= PREFIX]
    return len(novel_words(words, retriever)) / len(words) if words else 0.0


def novel_words(terms: list[str], retriever: Retriever) -> list[str]:
    """The stems of :func:`unknown_terms`: content words no passage uses and that are not common English."""
    bm25 = retriever.lexical.retriever
    words = [t for t in terms if t.isalpha() and len(t) >= PREFIX]
    common = common_stems(retriever.settings.embedding_model)
    if not words or bm25 is None or not common:
        return []
    stems = per_index("stems", retriever, bm25, lambda: frozenset(t[:PREFIX] for t in bm25.vocab_dict))
    return [t for t in words if t[:PREFIX] not in stems and t not in common]


@lru_cache(maxsize=4)
def common_stems(model: str) -> frozenset[str]:
    """Stems of the whole words in the embedding model's WordPiece vocabulary (empty when it has none)."""
    vocab = Path(resolve_model(model)) / "vocab.txt"
    if not vocab.is_file():
        return frozenset()
    words = [w for w in vocab.read_text(encoding="utf-8").split() if w.isalpha() and w.islower()]
    return frozenset(tokenize(" ".join(words)))


def expansions(retriever: Retriever, defined: Mapping[str, str] | None = None) -> dict[str, str]:
    """Lower-cased glossary acronym -> lower-cased expansion, with the acronyms a question defines (``defined``)."""
    out = {t.term.lower(): t.expansion.lower() for t in retriever.glossary.terms}
    return out | {k.lower(): v.lower() for k, v in (defined or {}).items()}


def from_named(found: list[Candidate], named: set[str], retriever: Retriever) -> list[Candidate]:
    """When the question names a library document, its sentences answer first (when one scores at least
    NAMED_FIRST of the best); the others follow. 'What does the IPI report say …' is answered from IPI."""
    if not named or not found:
        return found
    own = [c for c in found if retriever.records[c.row].meta.doc_id in named]
    if not own or own[0].score < found[0].score * NAMED_FIRST:
        return found
    return own + [c for c in found if c not in own]
