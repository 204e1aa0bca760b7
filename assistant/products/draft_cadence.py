"""The reporting and review events a drafting request names, each with its frequency.

A request writes them either way round — "a quarterly pillar dashboard", "the SLF to review progress
quarterly" — and joins several in one phrase ("an annual joint review with the Government and quarterly
updates to the SLF"); each becomes one :class:`Cadence`, in the order the request names them.
"""

from __future__ import annotations

import re

from pydantic import BaseModel

FREQUENCIES = {"weekly": "weekly", "monthly": "monthly", "quarterly": "quarterly", "semi-annual": "semi-annual",
               "semiannual": "semi-annual", "biannual": "semi-annual", "six-monthly": "semi-annual", "annual": "annual",
               "yearly": "annual", "mid-year": "semi-annual", "half-yearly": "semi-annual", "mid-term": "mid-term",
               "end-of-period": "end of period"}
CADENCE = re.compile(r"\b(?:an?\s+)?(" + "|".join(FREQUENCIES) + r")\s+([A-Za-z][\w’'/ -]{2,100}?)(?=,|;|\.|\s+and\s+(?:an?\s|"
                     r"show|\d|(?:two|three|four|five|six|seven|eight|nine|ten)\b|"  # '… and three indicators': another ask
                     r"(?!the\b|its\b|their\b|partners\b)[a-z]+\s+(?:for|of|on)\b)|\s+(?:that|which|to)\s|$)",
                     re.IGNORECASE)
# The frequency after the event: 'the Senior Leadership Forum to review progress quarterly', 'pillar groups reporting monthly'.
_WORD = r"(?!and\b)[\w’'-]+"
CADENCE_AFTER = re.compile(rf"(?:\b(?:the|and|with)|,)\s+(?P<who>(?:{_WORD}\s){{0,3}}?{_WORD})(?P<paren>\s+\([^()]{{0,100}}\))?"
                           rf"\s+(?:to\s+)?"
                           rf"(?P<verb>review|report|meet|"
                           rf"assess|discuss)(?:s|ing|ed)?\b[^,.;]{{0,40}}?\b(?P<freq>{'|'.join(FREQUENCIES)})\b", re.IGNORECASE)
# Whom an event goes to, kept with it: 'quarterly updates to the SLF'.
TO_BODY = re.compile(r"\s+to\s+(?:the\s+)?(?:SLF|Senior Leadership (?:Forum|Group|Team)|ITF|Integrated Task Force|Government|"
                     r"(?:Security )?Council|[Hh]eadquarters|HQ)\b", re.IGNORECASE)
# A frequency in words, as requests write it: 'every quarter', 'every six months', 'twice a year'.
IN_WORDS = ((re.compile(r"\b(?:every|each)\s+(?:quarter|three\s+months)\b|\b(?:four\s+times|once\s+a\s+quarter)"
                        r"(?:\s+(?:a|per|each)\s+year)?\b", re.I), "quarterly"),
            (re.compile(r"\b(?:every|each)\s+(?:six\s+months|half[- ]year)\b|\btwice\s+(?:a|per|each)\s+year\b", re.I),
             "six-monthly"),
            (re.compile(r"\b(?:every|each)\s+month\b|\bonce\s+a\s+month\b", re.I), "monthly"),
            (re.compile(r"\b(?:every|each)\s+(?:year|twelve\s+months)\b|\bonce\s+a\s+year\b|\bannually\b", re.I),
             "annual"),
            (re.compile(r"\b(?:every|each)\s+week\b|\bonce\s+a\s+week\b", re.I), "weekly"))
LATER = re.compile(rf"\s+and\s+[^,;.]*?\b(?:{'|'.join(FREQUENCIES)})\b", re.IGNORECASE)


class Cadence(BaseModel):
    """One reporting or review event the drafter asked for: 'quarterly' 'pillar dashboard'."""

    frequency: str
    what: str
    feeds: str = ""  # what the request says it feeds ('… that feeds the UNSDCF annual results report'), else ''


# '… an annual joint review with the Government that feeds the UNSDCF annual results report': where the event goes
FEEDS = re.compile(r",?\s*(?:(?:that|which) feeds?|feeding)\s+(?:into\s+)?(?:the\s+)?(?P<into>[^,;.]+)", re.IGNORECASE)


def cadence_of(text: str) -> list[Cadence]:
    """Every reporting or review event with its frequency, written either way round ('a quarterly pillar dashboard',
    'the SLF to review progress quarterly'); an event never swallows the next one ('… by the senior leadership and
    pillar groups reporting quarterly' is two events).

    >>> [(c.frequency, c.what) for c in cadence_of("The SLF to review progress quarterly, a joint mid-year stocktake.")]
    [('quarterly', 'SLF review'), ('semi-annual', 'stocktake')]
    >>> [(c.frequency, c.what) for c in cadence_of("an annual joint review with the Government and quarterly updates to the SLF")]
    [('annual', 'joint review with the Government'), ('quarterly', 'updates to the SLF')]
    >>> [(c.frequency, c.what) for c in cadence_of("a six-monthly review by the senior leadership and benchmarks for it")]
    [('semi-annual', 'review by the senior leadership')]
    >>> [(c.frequency, c.what) for c in cadence_of("quarterly reporting to the senior leadership forum and three indicators")]
    [('quarterly', 'reporting to the senior leadership forum')]
    >>> [(c.what, c.feeds) for c in cadence_of("an annual joint review with the Government that feeds the UNSDCF annual "
    ...                                         "results report.")]
    [('joint review with the Government', 'UNSDCF annual results report')]
    >>> for c in cadence_of("the returns working group (co-chaired by UNHCR and the DDR Section) reports to the SLF every "
    ...                     "quarter, the SLF reviews the results matrix every six months, and there is an annual joint "
    ...                     "review with the National DDR Commission and the Ministry of Interior."):
    ...     print(c.frequency, "|", c.what)
    quarterly | returns working group (co-chaired by UNHCR and the DDR Section) report
    semi-annual | SLF review
    annual | joint review with the National DDR Commission and the Ministry of Interior
    """
    after = text  # a frequency in words follows its event: read as one there only, at the same places (padded)
    for words, frequency in IN_WORDS:
        after = words.sub(lambda m, f=frequency: f.ljust(len(m.group(0))), after)  # type: ignore[misc]
    found: list[tuple[int, Cadence]] = []
    spans = []
    into = [f.span("into") for f in FEEDS.finditer(text)]  # a report an event feeds is not an event of its own
    at = 0
    while m := CADENCE.search(text, at):
        if any(a <= m.start() < b for a, b in into):
            at = m.end()
            continue
        later = LATER.search(m.group(2))  # '… with the Government and quarterly updates': the next event starts there
        what = m.group(2)[:later.start()].strip() if later else m.group(2).strip()
        to = None if later else TO_BODY.match(text, m.end())
        what += to.group(0) if to else ""
        feeds = FEEDS.match(text, m.end()) if not later and not to else None
        found.append((m.start(), Cadence(frequency=FREQUENCIES[m.group(1).lower()], what=what,
                                         feeds=feeds.group("into").strip() if feeds else "")))
        spans.append(m.span(1))
        at = m.start(2) + later.start() + 1 if later else m.end()
    for m in CADENCE_AFTER.finditer(after):
        if not any(a <= m.start("freq") < b for a, b in spans):
            who = re.sub(r"^(?:the|an?)\s+", "", m.group("who"), flags=re.IGNORECASE)  # '… and the SLF reviews'
            verb = "meeting" if m.group("verb").lower() == "meet" else m.group("verb").lower()  # 'results groups meeting'
            what = f"{who}{m.group('paren') or ''} {verb}"  # '(co-chaired by …)' kept
            found.append((m.start(), Cadence(frequency=FREQUENCIES[m.group("freq").lower()], what=what)))
    return [c for _, c in sorted(found, key=lambda pair: pair[0])]  # in the order the request names them
