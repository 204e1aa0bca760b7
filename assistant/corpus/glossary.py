"""Acronyms and terms of UN integrated planning, used to expand queries both ways.

A planner types "ISF" where a report writes "integrated strategic framework", and the
reverse; lexical search misses both without help. :func:`expand` adds the other form.

>>> g = Glossary([Term(term="ISF", expansion="Integrated Strategic Framework", definition="")])
>>> g.expand("What must an ISF contain?")
'What must an ISF contain? Integrated Strategic Framework'
>>> g.expand("the integrated strategic framework")
'the integrated strategic framework ISF'
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel


class Term(BaseModel):
    """One acronym or term of UN integrated planning with its expansion and a short definition."""
    term: str
    expansion: str
    definition: str


def spelling_tolerant(phrase: str) -> str:
    """A regex for the phrase in British or American spelling: 'Joint Mission Analysis Centre' also matches
    '… Center', 'organisation' also 'organization'.

    >>> bool(re.fullmatch(spelling_tolerant("Joint Mission Analysis Centre"), "Joint Mission Analysis Center"))
    True
    """
    pattern = re.escape(phrase)
    pattern = re.sub(r"(?<=[b-df-hj-np-tv-z])re\b", "(?:re|er)", pattern)
    return re.sub(r"i[sz](?=ation|e\b|ed\b|ing\b)", "i[sz]", pattern)


class Glossary:
    """The glossary terms, longest first so that 'DSRSG/RC/HC' matches before 'RC'."""
    def __init__(self, terms: list[Term]):
        self.terms = sorted(terms, key=lambda t: -len(t.term))
        self._acronym = {
            t.term: re.compile(rf"(?<![\w/]){re.escape(t.term)}(?![\w/])") for t in self.terms
        }
        self._long = {t.term: re.compile(rf"\b{spelling_tolerant(t.expansion)}\b", re.IGNORECASE) for t in self.terms}

    def matches(self, text: str) -> list[Term]:
        """Terms named in the text, by acronym (case-sensitive) or by expansion (any case)."""
        found = []
        for t in self.terms:
            if self._acronym[t.term].search(text) or self._long[t.term].search(text):
                found.append(t)
        return found

    def expand(self, query: str) -> str:
        """The query plus the other form of each term it names."""
        extra = []
        for t in self.matches(query):
            if self._acronym[t.term].search(query) and not self._long[t.term].search(query):
                extra.append(t.expansion)
            elif not self._acronym[t.term].search(query):
                extra.append(t.term)
        return f"{query} {' '.join(extra)}" if extra else query

    def search(self, text: str = "") -> list[Term]:
        """Terms whose acronym, expansion or definition contains the text (all when empty)."""
        needle = text.strip().lower()
        return [t for t in sorted(self.terms, key=lambda t: t.term.lower())
                if not needle or needle in f"{t.term} {t.expansion} {t.definition}".lower()]


def load_glossary_file(path: Path) -> Glossary:
    """Read a glossary.toml file ([[term]] tables with term, expansion, definition)."""
    if not path.exists():
        return Glossary([])
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return Glossary([Term(**t) for t in data.get("term", [])])


@lru_cache(maxsize=4)
def load_glossary(corpus_dir: Path) -> Glossary:
    """The corpus glossary (corpus_dir/glossary.toml); an empty glossary when the file is absent."""
    return load_glossary_file(Path(corpus_dir) / "glossary.toml")
