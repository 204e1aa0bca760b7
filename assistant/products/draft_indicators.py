"""Indicators a drafter asks for: the library's benchmark indicators closest to a priority, and the rows a request sets
out by subject ("three indicator rows for DDR (ex-combatants reintegrated, weapons collected, …) and two for protection
of civilians (…)").

Each row asked for keeps the drafter's own wording, marked as theirs, with the closest benchmark indicator another
mission reported against when one is close enough (cited, "adapt"); a subject the library measures nowhere keeps the
drafter's words alone. Nothing is dropped silently: trial 8 asked for five DDR and protection rows and got one row on
human-rights accountability and two "[to be agreed]".

>>> [(a.subject, a.count, a.named) for a in indicator_asks("with three indicator rows for DDR (ex-combatants "
...  "reintegrated, weapons collected, projects in Kesh) and two indicator rows for protection of civilians (civilian "
...  "casualties, alerts acted on), each with a baseline")]
[('DDR', 3, ['ex-combatants reintegrated', 'weapons collected', 'projects in Kesh']), \
('protection of civilians', 2, ['civilian casualties', 'alerts acted on'])]
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np
from pydantic import BaseModel, Field

from assistant.citation import CitationBook
from assistant.index.retrieve import Filters, Hit, Retriever
from assistant.products.draft_text import NUMBER, TBD, number

# 'three indicator rows for DDR (a, b, c)', '2 indicators on protection of civilians'
GROUP = re.compile(r"\b(?P<n>\d|" + "|".join(NUMBER) + r")\s+indicator(?:s|\s+rows?)?\s+(?:for|on)\s+(?P<subject>[^(,;.]+?)"
                   r"\s*(?:\((?P<named>[^)]*)\))?(?=\s*(?:,|;|\.|\band\b|$))", re.IGNORECASE)
# 'Two of the indicators should be on reintegration …': a group of the indicators counted before
GROUP_OF = re.compile(r"\b(?P<n>\d|" + "|".join(NUMBER) + r")\s+of\s+(?:the|them|these|those)\s*(?:indicators?\s+)?"
                      r"(?:(?:should|must|will|would|could)\s+(?:be\s+)?|are\s+|to\s+be\s+)?(?:on|about|for)\s+"
                      r"(?P<subject>[^(,;.]+?)\s*(?:\((?P<named>[^)]*)\))?(?=\s*(?:,|;|\.|\band\b|$))", re.IGNORECASE)
# '… three indicator rows on the elections and two on women's political participation': the second group's noun elided
ELIDED = re.compile(r"(?:,|\band)\s+(?P<n>\d|" + "|".join(NUMBER) + r")\s+(?:more\s+)?(?:for|on)\s+(?P<subject>[^(,;.]+?)"
                    r"\s*(?:\((?P<named>[^)]*)\))?(?=\s*(?:,|;|\.|\band\b|$))", re.IGNORECASE)
# 'with four indicator rows: share of women delegates; regional consultations held; …': the rows named after a colon
LISTED = re.compile(r"\b(?:(?P<n>\d|" + "|".join(NUMBER) + r")|these|the following)\s+indicator(?:s|\s+rows?)?\s*:\s*"
                    r"(?P<named>[^.]+)", re.IGNORECASE)
ITEM_MARK = re.compile(r"^\(?[a-h1-9]\)\s*")  # '(a) share of detainees …
INDICATOR = re.compile(r"(?:Indicators?\s+)?\b(\d{1,2})\.(\d{1,2})\s+([A-Z][^\n]{25,400}?\.)(?=\s|$)")
TABLE_RESIDUE = re.compile(r"\b(Target|Trend|Benchmark|Baseline|Symbol)\b|see annex", re.IGNORECASE)
# cosine to the priority below which a measured indicator is about something else; to one indicator the drafter named,
# closer still ('community violence reduction projects' came within 0.39 of an indicator on sexual violence programmes)
INDICATOR_FLOOR, ROW_FLOOR = 0.36, 0.5
PASSAGES = 30


def measured_indicators(priority: str, n: int, retriever: Retriever,
                        floor: float = INDICATOR_FLOOR) -> list[tuple[str, str, Hit]]:
    """Up to n benchmark indicators from the library's mission reports closest to the priority: (label, wording, hit)."""
    hits: dict[str, Hit] = {}
    for query in (f"benchmark indicators {priority}", f"indicators {priority} State institutions"):
        for h in retriever.search(query, k=PASSAGES, filters=Filters(types=["report"])):
            hits.setdefault(h.chunk_id, h)
    found: list[tuple[str, str, Hit]] = []
    for h in hits.values():
        for m in INDICATOR.finditer(f"{_label_before(h, retriever)}{h.text}"):
            wording = " ".join(m.group(3).split())
            if not TABLE_RESIDUE.search(wording) and wording not in (w for _, w, _ in found):
                found.append((f"benchmark {m.group(1)}, indicator {m.group(1)}.{m.group(2)}", wording, h))
    if not found:
        return []
    encoder = retriever.encoder
    vectors = encoder.encode_cached([w for _, w, _ in found])
    score = vectors @ encoder.query_vector(retriever.glossary.expand(priority))
    order = [int(i) for i in np.argsort(-score) if score[i] >= floor]
    return [found[i] for i in order[:n]]


def _label_before(hit: Hit, retriever: Retriever) -> str:
    """The end of the passage before a hit, in the same document: a table split between passages leaves an indicator's
    number ('1.5') at the end of one and its wording ("Electoral calendar defined …") at the start of the next."""
    row = retriever.row.get(hit.chunk_id)
    if not row:
        return ""
    before, this = retriever.records[row - 1], retriever.records[row]
    label = re.search(r"\b\d{1,2}\.\d{1,2}\s*$", before.text) if before.meta.doc_id == this.meta.doc_id else None
    return f"{label.group(0).strip()}\n" if label else ""


class IndicatorAsk(BaseModel):
    """Indicator rows asked for one subject, with the indicators the drafter names for it."""

    subject: str
    count: int
    named: list[str] = Field(default_factory=list)


def indicator_asks(text: str) -> list[IndicatorAsk]:
    """The indicator rows a request asks for, subject by subject (none unless it names a subject).

    >>> [(a.count, a.subject) for a in indicator_asks("three indicator rows on the elections and two on women's "
    ...                                                "political participation.")]
    [(3, 'the elections'), (2, "women's political participation")]
    >>> [(a.count, a.subject) for a in indicator_asks("four indicators. Two of the indicators should be on reintegration of "
    ...                                                "former combatants and one on women associated with armed groups.")]
    [(2, 'reintegration of former combatants'), (1, 'women associated with armed groups')]
    >>> indicator_asks("with four indicator rows: share of women delegates; consultations held; milestones met; journalists "
    ...                "detained. Baselines to be agreed.")[0].named
    ['share of women delegates', 'consultations held', 'milestones met', 'journalists detained']
    >>> indicator_asks("Use these indicator rows: (a) detainees in pretrial detention; (b) prisons running alone.")[0].named
    ['detainees in pretrial detention', 'prisons running alone']
    """
    listed = LISTED.search(text)
    if listed and not GROUP.search(text):
        items = [ITEM_MARK.sub("", n.strip()) for n in re.split(r";\s*(?:and\s+)?" if ";" in listed.group("named")
                                                                 else r",\s*(?:and\s+)?", listed.group("named")) if n.strip()]
        count = number(listed.group("n")) if listed.group("n") else len(items)
        return [IndicatorAsk(subject="", count=count, named=items[:count])]
    out = []
    groups = list(GROUP.finditer(text)) + list(GROUP_OF.finditer(text))
    groups += [m for m in ELIDED.finditer(text) if groups and m.start() >= groups[0].end()
               and not any(g.start() <= m.start("n") < g.end() for g in groups)]
    for m in sorted(groups, key=lambda m: m.start()):
        count = number(m.group("n"))
        named = [n.strip() for n in re.split(r",\s*(?:and\s+)?", m.group("named") or "") if n.strip()]  # "a and b" is one
        out.append(IndicatorAsk(subject=m.group("subject").strip(), count=count, named=named[:count]))
    return out


def indicator_cells(asks: list[IndicatorAsk], retriever: Retriever, book: CitationBook,
                    measured: list[tuple[str, str, Hit]]) -> list[str]:
    """The indicator cells: the rows asked for by subject (the drafter's wording, with the closest benchmark indicator
    to adapt), else the benchmark indicators closest to the priority."""
    if not asks:
        return [_proposed(wording, label, hit, book) for label, wording, hit in measured]
    cells: list[str] = []
    used: set[str] = set()
    for ask in asks:
        for k in range(ask.count):
            own = ask.named[k] if k < len(ask.named) else ""
            found = [f for f in measured_indicators(f"{ask.subject} {own}", 3, retriever, ROW_FLOOR) if f[1] not in used][:1]
            used.update(w for _, w, _ in found)
            library = "; ".join(_proposed(w, label, hit, book) for label, w, hit in found)
            nth = f" ({k + 1} of {ask.count})" if ask.count > 1 and not own else ""  # two rows on one subject: two rows
            head = f"{ask.subject[:1].upper()}{ask.subject[1:]}{nth}: " if ask.subject else ""
            cells.append(head + (f"{own} (your wording)" + (f"; {library[:1].lower()}{library[1:]}" if library else "")
                                 if own else library or "[to be agreed]"))
    return cells


def _proposed(wording: str, label: str, hit: Hit, book: CitationBook) -> str:
    return f"Proposed: {wording} (wording of {hit.short}, {label} [{book.cite(hit.citation(0))}]; adapt)"


PROPOSED_PER_ITEM = 2  # benchmark indicators proposed per task handed over, or per objective


def proposed_indicators(retriever: Retriever, book: CitationBook) -> Callable[[str], str]:
    """For a transfer table whose request asks benchmarks per handover, or objectives asked with indicators: each task's
    or objective's closest benchmark indicators another mission reported against, cited to adapt (trial 11's "two or
    three benchmarks for each handover" and "two indicators" per objective were blank or dropped)."""
    def propose(task: str) -> str:
        found = measured_indicators(task, PROPOSED_PER_ITEM, retriever)
        return "; ".join(_proposed(w, label, hit, book) for label, w, hit in found) or \
            f"{TBD} (no benchmark indicator in the library fits)"
    return propose

