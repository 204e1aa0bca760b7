"""What a trainer's request names that the library barely holds: said in the pack, not papered over.

A request such as "a half-day exercise on the 2024 UN80 reforms and mission budgets" fits a
catalogue topic (budget cuts), so a pack is built; but the pack cannot teach the UN80 reforms if
the library names them once. The codes and acronyms a request uses (UN80, IDDRS, MINUSMA…) are
counted in the library's passages; one it never names, or names in fewer than
:data:`THIN_PASSAGES` passages, gets a note saying where it appears, so the trainer knows the
exercise rests on the catalogue topic, not on sources about that subject. Role and mechanism
abbreviations the exercise products define themselves (SLF, FC, NGO…) are not counted.

A request built on a training or doctrine text ("a tabletop on the DPO training module on civil-military coordination")
gets a plain note that the library does not hold that module, and what the pack rests on instead, when no document of
the library is training material.

>>> codes("a half-day exercise on the UN80 reforms, with role cards for the SRSG and the FC")
['UN80']
>>> named_modules("Build a tabletop on the DPO training module on civil-military coordination (UN-CMCoord).")
['DPO training module on civil-military coordination']
"""

from __future__ import annotations

import re
from collections.abc import Collection

from assistant.answering.acronyms import names_for
from assistant.answering.named import expansions
from assistant.index.retrieve import Retriever
from assistant.products.exercise_cast import ROLE_NAMES
from assistant.products.exercise_drill import MECHANISMS
from assistant.products.exercise_requests import match_topic

THIN_PASSAGES = 3
CODE = re.compile(r"\b(?:[A-Z]{2,}\d*|[A-Z][A-Za-z]*\d+[A-Za-z]*)\b")
OWN = frozenset({*MECHANISMS, *(k for k in ROLE_NAMES if k.isupper()), "UN", "ISF", "IAP", "CPX", "TTX", "MEL", "AAR", "SBE",
                 "SPM", "PKO", "RC", "HC", "DSRSG", "AFP", "AFPS", "NGO", "NGOS", "ERC", "MAPEX", "DPKO", "DFS", "HQ", "IMTF"})
# A training text a request names: its owner words (capitalised), the kind of text, a number, what it is on.
MODULE = re.compile(r"((?:[A-Z][\w/-]*\s+){0,4}(?i:(?:specialized\s+)?training\s+(?:modules?|materials?|package|curriculum)"
                    r"(?:\s+module)?|\bmodule|\bSTM|\bCPTM|\bmanual)(?:\s+\d+(?:\.\d+)*)?(?:\s+on\s+[^,.;:()]+?)?)"
                    r"(?=\s*(?:[,.;:()]|$|\s(?:for|with|in|to|and)\s))")
TRAINING_TITLE = re.compile(r"training|module|manual|curriculum", re.IGNORECASE)


def codes(request: str) -> list[str]:
    """The codes and acronyms in the request that are not the exercise products' own vocabulary."""
    return list(dict.fromkeys(c for c in CODE.findall(request) if c.upper() not in OWN))


def named_modules(request: str) -> list[str]:
    """The training modules, materials or manuals the request names."""
    return list(dict.fromkeys(m.strip() for m in MODULE.findall(request)))


def module_notes(request: str, retriever: Retriever) -> list[str]:
    """A note for each training text the request names when the library holds no training material at all."""
    if any(TRAINING_TITLE.search(r.meta.title) for r in retriever.records if r.meta.origin != "catalogue"):
        return []
    topic = match_topic(request).title.lower()
    return [f"The {name} is not in the library (it holds no training module, manual or course material): this pack is "
            f"not based on it and quotes nothing from it. It is built on the exercise catalogue's “{topic}” topic, and its "
            "cited passages come from the library's UN documents listed under Sources." for name in named_modules(request)]


def thin_notes(request: str, retriever: Retriever, own: Collection[str] = ()) -> list[str]:
    """A note for each training text the request names that the library lacks, then for each other code the library
    never names, or names in fewer than THIN_PASSAGES passages (with where) — not the user's own mission or country from
    their planning context (``own``): "The library never mentions UNSMV" about a trainer's fictional mission confused."""
    notes = module_notes(request, retriever)
    for code in codes(" ".join(MODULE.sub("", request).split()) if notes else request):
        if code in own:
            continue
        names = "|".join(re.escape(n) for n in names_for(code, expansions(retriever)))  # 'DDR' or its name spelled out
        pattern = re.compile(rf"\b(?:{re.escape(code)}|(?i:{names}))\b")
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
