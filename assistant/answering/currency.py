"""What an answer quotes that is out of date: a cited document the manifest marks as superseded (:func:`currency_notes`),
and names the UN has since changed in the quoted text: "the undersecretary-general of DPKO or DPA" in a 2013
analysis names two departments that the 2019 reform replaced, and a planner reading it today must be told (trial 11).

The project glossary says which of its terms are former ("Former Secretariat department … until 2019", "… replaced
by the Cooperation Framework") and which term succeeded one ("Secretariat department that succeeded DPKO in 2019"); the
note quotes the glossary and names it as the source, so nothing is said that the product does not hold.

>>> from assistant.corpus.glossary import Glossary, Term
>>> glossary = Glossary([Term(term="DPKO", expansion="Department of Peacekeeping Operations",
...                           definition="Former Secretariat department that ran blue-helmet missions, until 2019."),
...                      Term(term="DPO", expansion="Department of Peace Operations",
...                           definition="Secretariat department that succeeded DPKO in 2019.")])
>>> renamed_notes(["The DSRSG reports to the undersecretary-general of DPKO."], glossary)
['DPKO (Department of Peacekeeping Operations) in the quoted text: former Secretariat department that ran blue-helmet \
missions, until 2019; now the Department of Peace Operations (DPO) (project glossary).']
>>> renamed_notes(["The DPO leads."], glossary)
[]
"""

from __future__ import annotations

import re

from assistant.citation import Citation
from assistant.corpus.glossary import Glossary
from assistant.corpus.manifest import load_manifest
from assistant.index.retrieve import Retriever

FORMER = re.compile(r"^Former\b|\buntil (?:19|20)\d\d\b|\breplaced by\b", re.IGNORECASE)
SUCCEEDED = re.compile(r"\bsucceeded (\S+) in (?:19|20)\d\d\b")


def currency_notes(citations: list[Citation], retriever: Retriever, quoted: list[str]) -> list[str]:
    """A note for each cited document that the manifest marks as superseded, naming its successor, and for each former
    body the quoted sentences name (:func:`renamed_notes`)."""
    manifest = load_manifest(retriever.settings.corpus_dir)
    notes = []
    for doc_id in dict.fromkeys(c.doc_id for c in citations if c.superseded_by):
        cited = next(c for c in citations if c.doc_id == doc_id)
        successor = manifest.get(cited.superseded_by)
        name = f"{successor.short} ({successor.title})" if successor else cited.superseded_by
        notes.append(f"{cited.short} is superseded by {name}; check the current text before relying on it.")
    return notes + renamed_notes(quoted, retriever.glossary)


def renamed_notes(quoted: list[str], glossary: Glossary) -> list[str]:
    """A note for each former body or instrument the quoted sentences name, with its successor where the glossary has
    one."""
    successor = {m.group(1): t for t in glossary.terms if (m := SUCCEEDED.search(t.definition))}
    named = {t.term for text in quoted for t in glossary.matches(text)}  # each sentence matched once, not once a term
    notes = []
    for t in glossary.terms:
        if FORMER.search(t.definition) and t.term in named:
            now = successor.get(t.term)
            then = t.definition.rstrip(".")
            notes.append(f"{t.term} ({t.expansion}) in the quoted text: {then[:1].lower()}{then[1:]}"
                         + (f"; now the {now.expansion} ({now.term})" if now else "") + " (project glossary).")
    return notes


__all__ = ["currency_notes", "renamed_notes"]
