"""What a trainer's request names that the library barely holds: said in the pack, not papered over.

A request such as "a half-day exercise on the 2024 UN80 reforms and mission budgets" fits a
catalogue topic (budget cuts), so a pack is built; but the pack cannot teach the UN80 reforms if
the library names them once. The codes and acronyms a request uses (UN80, IDDRS, MINUSMA…) are
counted in the library's passages; one it never names, or names in fewer than
:data:`THIN_PASSAGES` passages, gets a note saying where it appears, so the trainer knows the
exercise rests on the catalogue topic, not on sources about that subject. Role and mechanism
abbreviations the exercise products define themselves (SLF, FC, NGO…) are not counted.

>>> codes("a half-day exercise on the UN80 reforms, with role cards for the SRSG and the FC")
['UN80']
"""

from __future__ import annotations

import re

from assistant.index.retrieve import Retriever
from assistant.products.exercise_drill import MECHANISMS
from assistant.products.exercise_requests import ROLE_NAMES

THIN_PASSAGES = 3
CODE = re.compile(r"\b(?:[A-Z]{2,}\d*|[A-Z][A-Za-z]*\d+[A-Za-z]*)\b")
OWN = frozenset({*MECHANISMS, *(k for k in ROLE_NAMES if k.isupper()), "UN", "ISF", "IAP", "CPX", "TTX", "MEL", "AAR", "SBE",
                 "SPM", "PKO", "RC", "HC", "DSRSG", "AFP", "AFPS", "NGO", "NGOS", "ERC", "MAPEX", "DPKO", "DFS", "HQ", "IMTF"})


def codes(request: str) -> list[str]:
    """The codes and acronyms in the request that are not the exercise products' own vocabulary."""
    return list(dict.fromkeys(c for c in CODE.findall(request) if c.upper() not in OWN))


def thin_notes(request: str, retriever: Retriever) -> list[str]:
    """A note for each code the library never names, or names in fewer than THIN_PASSAGES passages (with where)."""
    notes = []
    for code in codes(request):
        pattern = re.compile(rf"\b{re.escape(code)}\b")
        where = [f"{r.meta.short}, {r.meta.locator}".rstrip(", ") for r in retriever.records
                 if r.meta.origin != "catalogue" and pattern.search(r.text)]
        if not where:
            notes.append(f"The library never mentions {code}: nothing in this pack is sourced on it, and the pack is built on "
                         "the catalogue topic named below.")
        elif len(where) < THIN_PASSAGES:
            notes.append(f"The library mentions {code} only in {'; '.join(where)}: too little to build an exercise on it, so the "
                         "pack is built on the catalogue topic named below and quotes nothing about it.")
    return notes


def unnamed(request: str, retriever: Retriever) -> list[str]:
    """The request's codes that no library passage names: a quiz on them would quiz something else."""
    retriever.refresh()  # records are read on the first search; a quiz asks this before any
    return [c for c in codes(request) if not any(re.search(rf"\b{re.escape(c)}\b", r.text) for r in retriever.records
                                                 if r.meta.origin != "catalogue")]
