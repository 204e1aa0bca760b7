"""Quoted units: a sentence with the sentences it leans on, as an answer quotes it.

>>> from types import SimpleNamespace
>>> index = SimpleNamespace(texts=["The Secretariat organized two rounds of elections.", "They were calm."], rows=[4, 4],
...                         with_predecessors=lambda i: list(range(i + 1)))
>>> lead = unit_at(index, 0, "lead", 0.9)
>>> continued([lead], unit_at(index, 1, "support", 0.8), {0}, index), lead.text
(True, 'The Secretariat organized two rounds of elections. They were calm.')
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.index.sentences import SentenceIndex


@dataclass
class Unit:
    """One quoted unit: a sentence, possibly with the sentence(s) it leans on, and its passages' rows."""

    indices: list[int]
    text: str
    rows: list[int]
    role: str  # given (quoted earlier: pointed to, not repeated), lead, item, support, closest
    score: float



def unit_at(index: SentenceIndex, i: int, role: str, score: float) -> Unit:
    """Sentence ``i`` quoted with the predecessors it leans on, as one unit."""
    chain = index.with_predecessors(i)
    return Unit(indices=chain, text=" ".join(index.texts[j] for j in chain),
                rows=list(dict.fromkeys(int(index.rows[j]) for j in chain)), role=role, score=score)



def continued(units: list[Unit], unit: Unit, used: set[int], index: SentenceIndex) -> bool:
    """Add a sentence that goes on from one already quoted ('They were characterized by high voter participation of 73 to
    78 per cent', after the lead on how the elections were organized) to the end of that unit; False when it leans on
    nothing quoted. Quoted as a point of its own it would repeat the lead it leans on, so it was dropped."""
    before, last = unit.indices[:-1], unit.indices[-1]
    host = next((u for u in units if before and u.indices[-1] == before[-1] and u.role in ("lead", "support")), None)
    if host is None or last in used or not set(before) <= used or int(index.rows[last]) != host.rows[-1]:
        return False  # across a passage break it would be cited to two passages, each holding half of it
    host.indices.append(last)
    host.text = f"{host.text} {index.texts[last]}"
    host.rows = list(dict.fromkeys([*host.rows, int(index.rows[last])]))
    return True
