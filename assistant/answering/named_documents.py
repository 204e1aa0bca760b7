"""Library documents a question names by short title, symbol or author, and the words that name them.

"What does the Itad blog say …", "according to S/2012/765", "according to Boutellis": those words say which
document to read, not what is asked of it (documents named by description — "the 2025 General Assembly
resolution" — are found by :mod:`assistant.index.described`).

>>> from assistant.corpus.manifest import DocumentInfo
>>> authors(DocumentInfo(id="i", title="t", short="Itad blog", issuer="Itad (Tom Gillhespy and Georgina Sinclair)"))
['Tom Gillhespy', 'Gillhespy', 'Georgina Sinclair', 'Sinclair']
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from assistant.answering.missing import aliases
from assistant.corpus.manifest import DocumentInfo, Manifest
from assistant.index.lexical import tokenize


def named_library_docs(question: str, manifest: Manifest, library_doc_ids: AbstractSet[str]) -> set[str]:
    """Library documents the question names ('the IPI study', 'the Itad blog', 'S/2012/765')."""
    return set(named_by_title(question, manifest, library_doc_ids))


def named_by_title(question: str, manifest: Manifest, library_doc_ids: AbstractSet[str]) -> dict[str, set[str]]:
    """Library documents the question names, each with the words of the names it was given by ('itad', 'blog')."""
    text = question.lower()
    named: dict[str, set[str]] = {}
    for info in manifest.documents.values():
        first = info.short.split()[0] if info.short else ""
        names = aliases(info) + ([first] if first.isalpha() and len(first) >= 3 else []) + authors(info)
        given = [n for n in names if len(n) >= 3 and re.search(rf"(?<![\w/]){re.escape(n.lower())}(?![\w/])", text)]
        if info.id in library_doc_ids and given:
            named[info.id] = {t for n in given for t in tokenize(n)}
    return named


def authors(info: DocumentInfo) -> list[str]:
    """The people an issuer names in brackets, whole and by surname: 'according to Boutellis' names the IPI study."""
    people = [p.strip() for b in re.findall(r"\(([^)]+)\)", info.issuer) for p in re.split(r",|\band\b", b)]
    return [n for p in people if len(p.split()) > 1 for n in (p, p.split()[-1])]
