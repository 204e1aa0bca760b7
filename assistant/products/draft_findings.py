"""Findings the drafter pasted (a strategic assessment's, a joint analysis's) sorted into the shared-analysis scaffold.

The sentences stay the drafter's own, word for word; they are only placed under the element of the shared
analysis they speak to (drivers, actors, risks, capacities), by the words they use, so the drafting team
sees what its findings cover and what the joint analysis still lacks. The risks asked to be flagged are the
first risk sentences, in the order given (their ranking is the team's).

>>> element_of("Land disputes and the exclusion of youth drive recruitment into armed groups.")
'Drivers and root causes of conflict'
>>> element_of("Renewed fighting could displace 50,000 people before the elections.")
'Risks and tensions'
>>> element_of("The Government wants the mission to leave within two years, while civil society fears a security vacuum.")
'Risks and tensions'
"""

from __future__ import annotations

import re

from assistant.answering.verify import split_sentences
from assistant.products.draft_text import TBD
from assistant.products.export import Block

ELEMENTS: tuple[tuple[str, re.Pattern], ...] = (
    ("Risks and tensions", re.compile(r"\b(risks?|threats?|could|may|might|likely|escalat\w*|spoilers?|relapse|renewed|"
                                      r"fears?|vacuum|violence|fighting|attacks?|insecurity|unrest|underfunded)\b",
                                      re.I)),
    ("Drivers and root causes of conflict", re.compile(r"\b(drivers?|drive|root causes?|grievances?|exclusion|marginali\w+|"
                                                       r"inequalit\w+|land|corruption|impunity|competition)\b", re.I)),
    ("Capacities for peace", re.compile(r"\b(capacit\w+|resilien\w+|institutions?|peace committees?|mediators?|"
                                        r"traditional|reconciliation|dialogue)\b", re.I)),
    ("Actors and their interests", re.compile(r"\b(armed groups?|militias?|government|opposition|part(?:y|ies)|civil society|"
                                              r"actors?|leaders?|elites?|neighbou?ring|region\w*)\b", re.I)),
)
OTHER = "Other findings"
LABEL = re.compile(r"^(?:(?:key |main )?findings|summary)\s*:\s*", re.I)
ORDER = ("Drivers and root causes of conflict", "Actors and their interests", "Risks and tensions", "Capacities for peace")


def element_of(sentence: str) -> str:
    """The element of the shared analysis a finding speaks to: the one whose words it uses most (risks first on a tie)."""
    counts = [(len({m.lower() for m in words.findall(sentence)}), -i, name) for i, (name, words) in enumerate(ELEMENTS)]
    best = max(counts)
    return best[2] if best[0] else OTHER


def findings_blocks(pasted: str, risks: int) -> list[Block]:
    """The pasted findings by element, and the first ``risks`` risk findings flagged."""
    pasted = LABEL.sub("", pasted.strip())  # 'Findings: The accord holds …': the label is not a finding
    sentences = [" ".join(s.split()) for s in split_sentences(pasted) if len(s.split()) >= 4]
    if not sentences:
        return []
    grouped: dict[str, list[str]] = {}
    for s in sentences:
        grouped.setdefault(element_of(s), []).append(s)
    rows = [["Element of the shared analysis", "Your findings (as pasted)"]]
    rows += [[name, " ".join(grouped.get(name, [])) or TBD] for name in ORDER]
    if OTHER in grouped:
        rows.append([OTHER, " ".join(grouped[OTHER])])
    blocks = [Block(kind="paragraph", text=f"Your findings ({len(sentences)} sentences), sorted by the element of the shared "
                                           "analysis they speak to; the wording is yours:"), Block(kind="table", rows=rows)]
    if risks:
        flagged = grouped.get("Risks and tensions", [])[:risks]
        flagged += [TBD] * (risks - len(flagged))
        blocks += [Block(kind="paragraph", text=f"The {risks} highest risks, as asked (from your findings, in the order given; "
                                                f"the ranking is {TBD}):"), Block(kind="bullets", items=flagged)]
    return blocks
