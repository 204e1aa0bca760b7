"""Sentence segmentation: the one function every layer uses to cut text into quotable sentences.

Line breaks end a sentence (passages join paragraphs and list items with them); trailing
answer markers "[n]" stay with the sentence they follow; "para.", "No.", "e.g." and
initials do not end one.

>>> split_sentences("The ISF is shared. It has results [1]. See para. 23 of S/2012/765.")
['The ISF is shared.', 'It has results [1].', 'See para. 23 of S/2012/765.']
"""

from __future__ import annotations

import re

ABBREVIATIONS = ("para", "paras", "p", "pp", "No", "Nos", "Mr", "Ms", "Mrs", "Dr", "art", "Art", "e.g", "i.e", "etc", "vol",
                 "sect", "St", "Corp", "Inc", "v", "cf", "al")
_SPLIT = re.compile(r"(?:(?<=[.!?…])|(?<=[.!?…][\"”’]))(?:\s*\[\d{1,3}\])*\s+(?=[\"“‘(]?[A-Z0-9])")


def split_sentences(text: str) -> list[str]:
    """Sentences, keeping trailing [n] markers with the sentence they follow.

    Line breaks end a sentence too: passages join paragraphs and list items with them.
    """
    return [s for line in text.splitlines() for s in _split_line(" ".join(line.split()))]


def _split_line(text: str) -> list[str]:
    if not text:
        return []
    parts: list[str] = []
    start = 0
    for match in _SPLIT.finditer(text):
        candidate = text[start : match.start()]
        head = re.sub(r"(\s*\[\d{1,3}\])+$", "", candidate)
        last_word = re.findall(r"([A-Za-z.]+)\.$", head)
        if last_word and last_word[0].rstrip(".") in ABBREVIATIONS:
            continue
        if re.search(r"\b[A-Z]\.$", head):  # initials, "A." list letters
            continue
        end = match.start() + len(match.group(0).rstrip())
        parts.append(text[start:end].strip())
        start = match.end()
    parts.append(text[start:].strip())
    return [p for p in parts if p]
