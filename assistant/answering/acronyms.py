"""Acronyms and the names they stand for: one named thing, however the question or the library writes it.

A planner asks about "the UNSDCF"; the library never writes that acronym, but speaks of "the United
Nations cooperation framework in Haiti". Judged by its spelling the acronym is an unknown name and the
question is declined, although the library holds the thing. Two ways of naming it count here:

* the glossary's expansion, or, for a United Nations name, a shorter form of it: "United Nations" and the
  last two words of the name's head, the modifiers before them dropped ("United Nations Sustainable
  Development Cooperation Framework" → "United Nations cooperation framework"); never a bare phrase
  ("country team" is no Humanitarian Country Team);
* a long name the question itself defines: "the Joint Transition Plan (JTP)" is one thing, known when
  the library holds "Joint Transition Plan", and its acronym does not count as a second named thing.

>>> short_forms("United Nations Sustainable Development Cooperation Framework")
['united nations cooperation framework', 'un cooperation framework']
>>> short_forms("United Nations Integrated Peacebuilding Office in Sierra Leone")[0]
'united nations peacebuilding office in sierra leone'
>>> short_forms("Humanitarian Country Team"), short_forms("United Nations Mission in South Sudan")
([], [])
>>> defined_acronyms("What did the Joint Transition Plan (JTP) cover?")
{'JTP': 'Joint Transition Plan'}
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from assistant.index.lexical import STOPWORDS

HEAD_WORDS = 2  # a shortened name keeps this many words of its head
UN = re.compile(r"^(?:the\s+)?(?:united nations|un)\s+", re.I)
COMPLEMENT = re.compile(r"\s(?:of|on|in|for|to|at)\s", re.I)
NAME = r"[A-Z][\w'’-]*(?:\s+(?:(?:of|and|for|on|in|the|to|de|du|des|la|le)\s+)*[A-Z][\w'’-]*)*"
ACRONYM = r"[A-Z][A-Za-z0-9/&-]{1,11}"
LONG_THEN_SHORT = re.compile(rf"(?P<long>{NAME})\s*\((?P<acr>{ACRONYM})\)")
SHORT_THEN_LONG = re.compile(rf"(?<![\w/])(?P<acr>{ACRONYM})\s*\((?P<long>{NAME})\)")


def short_forms(name: str) -> list[str]:
    """Lower-cased shorter forms of a United Nations name: the modifiers before its head's last HEAD_WORDS words
    dropped, its complement ('in Sierra Leone') and its 'United Nations' kept (also as 'UN'). None for a name
    without such modifiers, one that coordinates with 'and' before its complement (which words would go is
    unclear), or one without 'United Nations': 'Humanitarian Country Team' shortened would be any country team."""
    text = " ".join(name.lower().replace(",", " ").split())
    un = UN.match(text)
    core = text[un.end():] if un else text
    cut = COMPLEMENT.search(f" {core} ")
    head, complement = (core[:cut.start()].strip(), core[cut.start():].strip()) if cut else (core, "")
    words = head.split()
    if not un or len(words) <= HEAD_WORDS or "and" in words or any(w in STOPWORDS for w in words[-HEAD_WORDS:]):
        return []
    short = " ".join(words[-HEAD_WORDS:] + ([complement] if complement else []))
    return [f"united nations {short}", f"un {short}"]


def defined_acronyms(question: str) -> dict[str, str]:
    """Acronyms the question defines with their long names ('Joint Transition Plan (JTP)', 'JTP (Joint Transition
    Plan)'), where the acronym starts with the long name's first letter, or whose words it spells anywhere in the question.

    >>> defined_acronyms("Which module covers community violence reduction, and how is CVR split with UNDP?")
    {'CVR': 'community violence reduction'}
    """
    found = {}
    for pattern in (LONG_THEN_SHORT, SHORT_THEN_LONG):
        for m in pattern.finditer(question):
            long = re.sub(r"^(?:The|A|An|What|Which|How|When|Who|Where|Why)\s+", "", m["long"])
            if long[:1].upper() == m["acr"][:1] and len(long.split()) >= 2 and m["acr"] not in found:
                found[m["acr"]] = long
    words = re.findall(r"[A-Za-z][\w-]*", question)
    for acr in re.findall(r"\b[A-Z]{3,6}\b", question):  # '… community violence reduction, … CVR programmes'
        spelled = next((" ".join(words[i:i + len(acr)]) for i in range(len(words) - len(acr) + 1)
                        if "".join(w[0] for w in words[i:i + len(acr)]).upper() == acr
                        and words[i] != acr and all(w.islower() or w.istitle() for w in words[i:i + len(acr)])), "")
        if spelled and acr not in found:
            found[acr] = spelled
    return found


def names_for(entity: str, expansions: Mapping[str, str]) -> list[str]:
    """Lower-cased names the library may use for a named thing: itself, its expansion (glossary, or defined by the
    question; keys lower-cased) and their short forms.

    >>> names_for("UNSDCF", {"unsdcf": "united nations sustainable development cooperation framework"})[-1]
    'un cooperation framework'
    >>> names_for("Deputy Special Representative", {"dsrsg": "deputy special representative of the secretary-general"})
    ['deputy special representative', 'dsrsg']
    """
    name = entity.lower()
    names = [name] + ([expansions[name].lower()] if name in expansions else [])
    # a title spelled out is also held by its acronym ('Deputy Special Representative': 'DSRSG', as IPI writes it)
    names += [a for a, long in expansions.items() if " " in name and (long == name or long.startswith(f"{name} "))]
    names += [re.sub(r"^united nations ", "un ", n) for n in names if n.startswith("united nations ")]
    names += [s for n in names[1:2] for s in short_forms(n)]
    names += [n.replace("-", " ") for n in names[1:] if "-" in n]  # 'High-Level Panel' is also written 'High level'
    return list(dict.fromkeys(names))


__all__ = ["defined_acronyms", "names_for", "short_forms"]
