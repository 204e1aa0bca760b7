"""What a drafting request says it is focused on, beyond the section it names: "Draft the risks section, focused on the
elections in 18 months and on the drawdown of the force" is about those two topics, each a row of the risks table and
words of the section's searches. Also what it names in quotes: the priorities a matrix is asked for, the sections.
"""

from __future__ import annotations

import re

# What the request is about, beyond the section: "focused on the elections in 18 months and on the drawdown of the force".
FOCUS = re.compile(r"\b(?:focus(?:s|sed|ed|ing)?|with (?:a |an )?(?:focus|emphasis)|centred|centered|concentrat(?:ed|ing)|"
                   r"especially|in particular|particularly|(?:ISF|framework|objectives)\s+(?:on|about|covering))"
                   r"\s+(?:on\s+)?([^.;:!?]+)", re.IGNORECASE)
# "two concerns", "the following issues": a count of what follows the colon, not a topic
LIST_HEAD = re.compile(r"(?:(?:two|three|four|five|\d+|these|the following)\s+)?(?:main\s+|key\s+)?(?:concerns?|issues?|"
                       r"risks?|topics?|things?|points?|areas?|matters?)|the following", re.IGNORECASE)
TOPIC_END = re.compile(r",?\s+(?:with|giving|give|including|and (?:give|add|include|list|keep)|"
                       r"for (?:the|our) (?:ISF|team))\b.*$|"
                       r",\s*(?:each|at most|no more|keep|under|\d+|one|two|three|four|five)\b.*$", re.IGNORECASE)


def focus_topics(text: str) -> list[str]:
    """What a request says it is focused on, one topic per 'and on' or comma: ['the elections in 18 months', 'the drawdown
    of the force'].

    >>> focus_topics("Draft the risks section, focused on the returns to the north and on hate speech around the elections.")
    ['the returns to the north', 'hate speech around the elections']
    >>> focus_topics("Draft the risks section focused on two concerns: attacks on civilians as the force leaves, and the "
    ...         "Government pushing for an early exit. Propose mitigations.")
    ['attacks on civilians as the force leaves', 'the Government pushing for an early exit']
    """
    match = FOCUS.search(text)
    if not match:
        return []
    topics = match.group(1)
    if LIST_HEAD.fullmatch(topics.strip()) and text[match.end():].startswith(":"):  # "focused on two concerns: A, and B"
        topics = re.split(r"[.;!?]", text[match.end() + 1:])[0]
    parts = re.split(r",\s*(?:and\s+)?(?:on\s+)?|\s+and\s+on\s+|\s+and\s+(?=(?:the|an?)\s)|\s+as well as\s+",
                     TOPIC_END.sub("", topics))
    return [p.strip() for p in parts if len(p.strip()) >= 4][:4]


__all__ = ["focus_topics"]


# 'our two priorities, 'A' and 'B'', 'the priorities “A”, “B” and “C”': two or more quoted names after 'priorities'
QUOTED_PRIORITIES = re.compile(r"\bpriorities\b[^.;'‘“\"]{0,40}?((?:['‘“\"][^'’”\"]{3,120}['’”\"](?:\s*,\s*(?:and\s+)?|"
                               r"\s+and\s+)?){2,})", re.IGNORECASE)
QUOTED_NAME = re.compile(r"['‘“\"]([^'’”\"]{3,120})['’”\"]")


def quoted_priorities(text: str) -> list[str]:
    """The priorities a request names in quotes, two or more of them: each gets its own results matrix (trial 15 drew
    one matrix for the first only, with the other's indicators under it).

    >>> quoted_priorities("Build the results matrix for our two priorities, 'Inclusive elections' and 'Security sector "
    ...                   "reform': for each, two indicators.")
    ['Inclusive elections', 'Security sector reform']
    >>> quoted_priorities("A results matrix for the priority 'Extension of State authority'.")
    []
    """
    listed = QUOTED_PRIORITIES.search(text)
    return [n.strip() for n in QUOTED_NAME.findall(listed.group(1))] if listed else []


def quoted_sections(text: str, patterns: tuple[tuple[str, str], ...]) -> list[str]:
    """The sections a request names in quotes when it asks for several ('the "Shared vision and priorities" and
    "Results, responsibilities and timelines" sections'), by the first of ``patterns`` (key, pattern) each name matches:
    hc15 drafted the first alone.

    >>> quoted_sections('Draft the "Shared vision" and "Results and timelines" sections.', (("vision", "vision"),
    ...                 ("results", "results")))
    ['vision', 'results']
    """
    if not re.search(r"\bsections\b", text, re.IGNORECASE):
        return []
    named = [next((k for k, p in patterns if re.search(p, q, re.IGNORECASE)), "") for q in QUOTED_NAME.findall(text)]
    return [k for k in dict.fromkeys(named) if k]

