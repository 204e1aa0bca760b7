"""The drafter's own setting said before the question: 'We are drafting the Norvania ISF for 2027-2028. What must an ISF
contain?'

Planners often say where they stand before they ask. The setting names things that are theirs (their country, their
mission, their years), which the library cannot hold: read as part of the question, they made it look out of scope
("The corpus does not cover this.", trial 15), though the question after them is the library's. A setting is one or
more plain statements in the first person before a last sentence that asks; it is set aside only when it names
something the library never mentions, so a preamble that names a library document ("I am reading the IPI study.
What does it say about fatigue?") still leads the question. The answer says what it answered ("Answering: …") and
that the setting is the planner's.

>>> split_setting("We are drafting the Norvania ISF for 2027-2028. What must an ISF contain?")
('We are drafting the Norvania ISF for 2027-2028.', 'What must an ISF contain?')
>>> split_setting("What must an ISF contain? We are drafting one.")
('', 'What must an ISF contain? We are drafting one.')
>>> split_setting("The ISF was introduced in 2008. Who approves it?")
('', 'The ISF was introduced in 2008. Who approves it?')
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.corpus.sentences import split_sentences

# A statement of the asker's own situation: 'We are …', 'Our mission …', 'I am the planning officer …', 'In our country …'
FIRST_PERSON = re.compile(r"^(?:we|we're|our|i|i'm|my|(?:in|for|at) (?:our|my))\b", re.IGNORECASE)
SETTING_NOTE = ("Your setting ({named}) is yours, not the library's: the answer is what the library says in general; "
                "apply it to your context.")


def split_setting(text: str) -> tuple[str, str]:
    """(the first-person statements before the last sentence, that last sentence) when the text is shaped so; else
    ('', text)."""
    sentences = split_sentences(" ".join(text.split()))
    if len(sentences) < 2 or not sentences[-1].endswith("?") or any(s.endswith("?") for s in sentences[:-1]):
        return "", text
    if not FIRST_PERSON.match(sentences[0]):
        return "", text
    return " ".join(sentences[:-1]), sentences[-1]


def set_aside(text: str, unknown: Callable[[str], list[str]]) -> tuple[str, str]:
    """(the question to answer, a note on the setting set aside) — the text itself and '' unless its setting names things
    the library never mentions (``unknown`` lists them)."""
    setting, asked = split_setting(text)
    named = unknown(setting) if setting else []
    if not named:
        return text, ""
    return asked, SETTING_NOTE.format(named=", ".join(named))


__all__ = ["SETTING_NOTE", "set_aside", "split_setting"]
