"""The risks (and assumptions) table a request asks for, shaped by what the request is focused on.

"Draft the risks and assumptions table …, focused on the elections in 18 months and on the drawdown
of the force": the rows start with the request's own topics (labelled as from the request; the risk
wording, assumption and owner are the team's to write where the library does not speak), then the
tensions of the planning context that bear on those topics. Tensions outside the focus are named
under the table rather than dropped silently. For each topic the library's mission reports are
searched for how such a risk played out elsewhere (cited, labelled practice, not a requirement).

>>> _related("Programmatic funding ends with the mission's drawdown", ["the drawdown of the force"])
True
>>> _related("The Government wants logistics support for army operations", ["the elections in 18 months"])
False
"""

from __future__ import annotations

import re

from assistant.citation import CitationBook
from assistant.index.retrieve import Retriever
from assistant.products.context import PlanningContext
from assistant.products.draft_asked import _library_notes, support
from assistant.products.draft_match import best_match, stems
from assistant.products.draft_mitigations import mitigation
from assistant.products.draft_request import DraftAsk
from assistant.products.draft_text import TBD
from assistant.products.export import Block
from assistant.products.guidance import Chooser, recite

HUMANITARIAN_RISKS = ("Humanitarian actors are perceived as part of the mission's political or security agenda (to confirm)",
                      "Integrated or co-branded activities restrict humanitarian access or the safety of aid workers "
                      "(to confirm)")
RISK_WORDS = re.compile(r"\b(?:risks?|threats?|violence|tensions?|delay(?:s|ed)?|gaps?|vacuum|concerns?|fragil\w*|volatile|"
                        r"instability|destabili\w+|vulnerab\w+|deteriorat\w+|unrest|insecurity|challenges?)\b", re.IGNORECASE)
FROM_REQUEST = "From your request"


def _related(tension: str, topics: list[str]) -> bool:
    """A tension bears on a topic when they share a content word stem."""
    return any(stems(tension) & (stems(t) - {"month", "years", "weeks"}) for t in topics)


def _seen_elsewhere(topic: str, retriever: Retriever, book: CitationBook) -> str:
    """A cited sentence from a mission report on how a risk about the topic played out, or ''."""
    scratch = CitationBook()  # candidates left out must not reach the draft's sources
    found = Chooser(retriever, scratch).practice(f"risks and threats to {topic}", "", 3, [topic])
    return next((recite(f, scratch, book) for f in found if RISK_WORDS.search(f.split(" (practice")[0])), "")


# The host Government's stance on the UN presence is the head of mission's to handle, whatever priority it touches
# (trial 11: "the Government pushing for the force to leave before the elections" was proposed for UNDP, the elections lead)
POLITICAL = re.compile(r"\bGovernment\b[^.]*\b(?:want|wants|push\w*|press\w*|demand\w*|refus\w*|reject\w*|oppos\w*|"
                       r"withdraw\w*|expel\w*|consent)\b|\bboycott\w*|\b(?:national|political) dialogue\b|\bmediation\b",
                       re.IGNORECASE)  # and the political process the good offices serve: a boycott of the dialogue

WARNING_SIGNS = re.compile(r"\bwarning signs?\b|\bearly[- ]warning indicators?\b|\bsigns to watch\b|\btriggers?\b", re.I)
# the country team's means: the RC's to raise
FUNDING = re.compile(r"\b(?:funding|funds?|(?:under)?funded|financ\w*|donors?)\b", re.IGNORECASE)
# Humanitarian action and its principles are the Humanitarian Coordinator's, with the HCT (trial 13: the perception of
# humanitarian actors was proposed for the mission's human rights division)
HUMANITARIAN = re.compile(r"\bhumanitarian (?:actors|agencies|access|space|principles|coordination|projects)\b|"
                          r"\baid workers\b|\bco-?brand\w*|\bNGO forum\b|"
                          r"\bescorts?\b", re.IGNORECASE)


PRINCIPLES_ASKED = re.compile(r"\bhumanitarian principles\b|\bprincipled humanitarian\b|\bneutrality\b|\bimpartiality\b", re.I)
# A mitigation that ties humanitarian work to the mission's security role: where the principles are at stake.
SECURITY_ROLE = re.compile(r"\bescorts?\b|\bsecurity components\b|\bmission protects\b|\barmed\b|\bforce\b|\bmilitary\b|"
                           r"\bmission's (?:assets|logistics)\b", re.IGNORECASE)


def principles_flag(mitigation: str) -> str:
    """Whether a mitigation could compromise humanitarian principles, as a request asks to flag (trial 13's request went
    without a word): likely where it ties humanitarian work to the mission's security role; else for the HCT to confirm.

    >>> principles_flag("Proposed: let the Humanitarian Coordinator decide on armed escorts …")[:6]
    'Likely'
    """
    if SECURITY_ROLE.search(mitigation):
        return "Likely: it ties humanitarian work to the mission's security role; decide it with the HC and the HCT"
    return f"Not apparent; {TBD} with the HCT"


def _owner(topic: str, ctx: PlanningContext) -> str:
    """The lead of the context's priority on the topic, proposed (the head of mission for the Government's stance on the
    presence); otherwise to be agreed."""
    if POLITICAL.search(topic) and ctx.mission:
        return f"{TBD} (proposed: the head of {ctx.mission_short}, with the DSRSG/RC/HC: a political risk)"
    if FUNDING.search(topic):
        return f"{TBD} (proposed: the DSRSG/RC/HC with the UN country team: a funding risk)"
    if HUMANITARIAN.search(topic) and ctx.humanitarian_response:
        return f"{TBD} (proposed: the DSRSG/RC/HC as Humanitarian Coordinator, with the HCT: a humanitarian risk)"
    best = best_match(topic, [p.name for p in ctx.priorities if p.lead])
    lead = next((p.lead for p in ctx.priorities if p.name == best), "")
    return f"{TBD} (proposed: {lead}, lead of “{best}”)" if lead else TBD


def _tension_for(topics: list[str], tensions: list[str], retriever: Retriever) -> dict[str, str]:
    """For each topic of the request, the context tension that states its risk (the one sharing most words with it, the
    topic's acronyms spelled out: 'the drawdown of the force' and 'Programmatic funding ends with the mission's drawdown'),
    so the two are one row, not the same risk twice; a tension as close to two topics stays a row of its own. The closest
    pairs are made first: "the protection gap for displaced people returning to the northern provinces after the office
    closes" goes with "Returns of displaced people to the northern provinces …" (five words), not with the first tension
    that shares one ("… functions after closure")."""
    expanded = [stems(retriever.glossary.expand(topic)) for topic in topics]
    pairs = []
    for tension in tensions:
        shared = [len(stems(tension) & words) for words in expanded]
        best = max(shared)
        if best and shared.count(best) == 1:  # a tie names no one topic
            pairs.append((best, tension, topics[shared.index(best)]))
    chosen: dict[str, str] = {}
    for _, tension, topic in sorted(pairs, key=lambda p: -p[0]):
        if topic not in chosen:
            chosen[topic] = tension
    return chosen


def _topic_rows(ctx: PlanningContext, ask: DraftAsk, retriever: Retriever, book: CitationBook,
                stated: dict[str, str]) -> tuple[list[list[str]], list]:
    rows, found = [], []
    for topic in ask.topics:
        quote = _seen_elsewhere(topic, retriever, book)
        if quote:
            found.append((topic, quote))
        said = f"{stated[topic]} (your planning context)" if topic in stated else f"what could go wrong is {TBD}"
        risk = f"{FROM_REQUEST} — {topic}: {said}" + (" (see how it went elsewhere, below)" if quote else "")
        mitigate = mitigation(f"{topic} {stated.get(topic, '')}", retriever, book, set(),
                                ctx.un_entities) if ask.mitigations else TBD
        rows.append(([TBD] if ask.assumptions else []) + [risk, TBD, mitigate, _owner(topic, ctx)])
    return rows, found


def risks_table(ctx: PlanningContext, ask: DraftAsk, retriever: Retriever, book: CitationBook) -> list[Block]:
    """Risks (and the assumptions they test, when asked): the request's topics first, then the context's tensions on those
    topics (all of them when the request names none), humanitarian-space risks when asked."""
    related = [t for t in ctx.tensions if not ask.topics or _related(t, ask.topics)]
    left_out = [t for t in ctx.tensions if t not in related]
    stated = _tension_for(ask.topics, related, retriever) if ask.topics else {}
    topic_rows, found = _topic_rows(ctx, ask, retriever, book, stated)
    risks = [*(r for r in related if r not in stated.values()), *(HUMANITARIAN_RISKS if ask.humanitarian else ())]
    header = ["Assumption", "Risk if it does not hold"] if ask.assumptions else ["Risk"]
    rows = [header + ["Likelihood / impact", "Mitigation", "Owner"]] + topic_rows
    used: set[str] = set()  # one library sentence mitigates one row
    for r in risks or ([] if topic_rows else [TBD]):
        said = f"From your planning context: {r}" if ask.topics and r in related else r
        mitigate = mitigation(r, retriever, book, used, ctx.un_entities) if ask.mitigations else TBD
        rows.append(([TBD] if ask.assumptions else []) + [said, TBD, mitigate, _owner(r, ctx)])
    if PRINCIPLES_ASKED.search(ask.text):  # 'flag where a mitigation could compromise humanitarian principles'
        at = rows[0].index("Mitigation") + 1
        rows = [r[:at] + (["Humanitarian principles at stake?"] if k == 0 else [principles_flag(r[at - 1])]) + r[at:]
                for k, r in enumerate(rows)]
    if WARNING_SIGNS.search(ask.text):  # 'the warning signs to watch': a column for them, the team's to fill
        at = rows[0].index("Likelihood / impact") + 1
        rows = [r[:at] + (["Warning signs to watch"] if k == 0 else [TBD]) + r[at:] for k, r in enumerate(rows)]
    focus = f", focused on {' and '.join(ask.topics)} as you asked" if ask.topics else ""
    blocks = [Block(kind="paragraph", text="Risks" + (" and assumptions" if ask.assumptions else "") + f" (draft{focus}; rows "
                                           "from your request and your planning context — the risk wording, likelihood, "
                                           "mitigation and owner are the team's to agree" + (
                                               "; mitigations quoted from the library are cited, the others are proposals "
                                               "of this tool" if ask.mitigations else "") + "):"),
              Block(kind="table", rows=rows)]
    if left_out:
        blocks.append(Block(kind="note", text="Other tensions in your planning context, outside the request's focus and left "
                                              "out of the table: " + "; ".join(t.rstrip(".") for t in left_out) + "."))
    if found:
        blocks += [Block(kind="paragraph", text="How risks on these topics played out in other missions (practice from the "
                                                "library's reports, not requirements):"),
                   Block(kind="bullets", items=[f"{topic}: {quote}" for topic, quote in found])]
    missing = [t for t in ask.topics if t not in dict(found)]
    if missing:
        blocks.append(Block(kind="note", text="The library's reports describe no risk about " + " or ".join(missing) + ": the "
                                              "row is for the team to write."))
    if ask.humanitarian:
        quote = support("humanitarian", retriever, book, forms=("humanitarian space",), query="integration and humanitarian "
                        "space debate")
        blocks += _library_notes([("humanitarian space", quote)] if quote else [], [] if quote else ["humanitarian space"],
                                 "risks")
    return blocks
