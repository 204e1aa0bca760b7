"""The roles a trainer asks for by name: "role cards (SRSG, DSRSG/RC/HC, Head of OCHA, FC …)" gives those catalogue roles
in the order asked, the trainer's own name for a role the catalogue lacks ("the Chief Security Officer"), and the title
asked for an agency's card ("the UNDP Country Director" for the catalogue's UNDP Resident Representative).

>>> requested_roles("a tabletop with role cards (SRSG, Head of OCHA, FC)")
['SRSG / Head of Mission', 'Head of OCHA', 'Force Commander']
"""

from __future__ import annotations

import re

from assistant.products.exercise_requests import PARTS, ROLE_LIST

# How trainers name the roles in the catalogue (checked longest first, so "Head of OCHA" is not also "OCHA").
HEAD_TITLES = ("Head of the Integrated Office", "Executive Representative")  # the head of mission, by another title
ROLE_NAMES = {
    "DSRSG/RC/HC": "DSRSG/RC/HC", "DSRSG (Political)": "DSRSG (Political)", "SRSG": "SRSG / Head of Mission",
    "Head of Mission": "SRSG / Head of Mission", "Force Commander": "Force Commander", "FC": "Force Commander",
    "Police Commissioner": "Police Commissioner", "Mission Support": "Director of Mission Support",
    "OCHA": "Head of OCHA", "UNDP": "UNDP Resident Representative", "UNICEF": "UNICEF Representative",
    "UNHCR": "UNHCR Representative", "WFP": "WFP Representative", "joint planning": "Chief of the joint planning capacity",
    "JMAC": "JMAC chief", "human rights": "Human rights chief (OHCHR)", "OHCHR": "Human rights chief (OHCHR)",
    "peace and development adviser": "Peace and development adviser (RCO)", "PDA": "Peace and development adviser (RCO)",
    "electoral adviser": "Chief Electoral Adviser",
    "Ministry of Foreign Affairs": "Host Government (Ministry of Foreign Affairs)",
    "Ministry of Planning": "Host Government (Ministry of Planning)", "NGO forum": "NGO forum representative",
    "PBF": "Peacebuilding Fund focal point", "Peacebuilding Fund": "Peacebuilding Fund focal point",
    "RC/HC": "DSRSG/RC/HC", "Resident Coordinator": "DSRSG/RC/HC", "Humanitarian Coordinator": "DSRSG/RC/HC",
    "Chief of Staff": "Chief of Staff", "JOC": "Chief of the Joint Operations Centre",
    "desk officer": "HQ desk officer (Integrated Task Force)", "ITF chair": "ITF chair (lead department)",
    "lead department": "ITF chair (lead department)", "DCO": "Development Coordination Office (DCO)",
    "donor": "Donor representative", "DSS": "Security adviser (DSS)",
} | {title: "SRSG / Head of Mission" for title in HEAD_TITLES}


def requested_roles(text: str) -> list[str]:
    """Roles the request names in its role list ("role cards (SRSG, DSRSG/RC/HC, Head of OCHA, FC ...)"), in the order
    asked: catalogue titles, and the trainer's own name for a role the catalogue lacks ("the Chief Security Officer")."""
    found: list[tuple[int, str]] = []
    for listed in ROLE_LIST.findall(text):
        rest = listed
        for alias in sorted(ROLE_NAMES, key=len, reverse=True):
            pattern = re.compile(rf"(?<![\w/]){re.escape(alias)}(?![\w/])", 0 if alias.isupper() else re.IGNORECASE)
            if match := pattern.search(rest):
                rest = pattern.sub(lambda m: " " * len(m.group(0)), rest)  # keep positions for the order asked
                found.append((match.start(), ROLE_NAMES[alias]))
        found += _unknown_roles(listed)
    return list(dict.fromkeys(name for _, name in sorted(found)))


HEAD_TITLE = re.compile("|".join(rf"\b{t}\b" for t in HEAD_TITLES), re.IGNORECASE)
AGENCY_TITLE = re.compile(r"\b(UNDP|UNICEF|UNHCR|WFP|OCHA)\s+((?:Country|Deputy|Resident|Head|Chief|Director|Representative|"
                          r"Coordinator)(?:\s+(?:Country|Deputy|Resident|Director|Representative|Coordinator))*)\b")


def own_titles(text: str) -> dict[str, str]:
    """The trainer's own title for an agency's card ('UNDP Country Director' for the catalogue's UNDP Resident
    Representative): the card keeps its content and takes the title asked for.

    >>> own_titles("role cards for the Head of the Integrated Office and the UNDP Country Director")
    {'UNDP Resident Representative': 'UNDP Country Director', 'SRSG / Head of Mission': 'Head of the Integrated Office'}
    """
    out = {}
    for listed in ROLE_LIST.findall(text):
        for m in AGENCY_TITLE.finditer(listed):
            name = ROLE_NAMES[m.group(1)]
            if m.group(0) != name:
                out[name] = m.group(0)
        if head := HEAD_TITLE.search(listed):  # an integrated office's head is the head of mission: one card, not two
            out["SRSG / Head of Mission"] = head.group(0)
    return out


def _unknown_roles(listed: str) -> list[tuple[int, str]]:
    """Items of a role list that no catalogue name matches: short, title-cased names ("the Chief Security Officer")."""
    start = re.match(r"\s*role (?:cards?|briefs?|players?)\s*(?:for|of|:|\()?|\s*roles?\s*(?:for|of|:|\()", listed, re.I)
    out = []
    for m in re.finditer(r"(?:(?<!\w)and\s+)?((?:(?!\band\b)[^,;()])+)", listed[start.end() if start else 0:], re.I):
        item = re.sub(r"^(?:the|a|an)\s+", "", m.group(1).strip(), flags=re.I).strip(" .")
        words = item.split()
        known = any(re.search(rf"(?<![\w/]){re.escape(a)}(?![\w/])", item, 0 if a.isupper() else re.I) for a in ROLE_NAMES)
        if 1 <= len(words) <= 5 and words[0][:1].isupper() and not known and not PARTS.search(item):
            out.append(((start.end() if start else 0) + m.start(1), item))
    return out


__all__ = ["ROLE_NAMES", "own_titles", "requested_roles"]
