"""What a drafter asked for, in one typed place: the section, the named priority, indicators, cadence, mechanisms, limits.

A drafting request is more than a section name: "a results matrix for the priority 'Extension of
State authority' with 3–4 indicators", "a quarterly pillar dashboard, a semi-annual SLF review
and an annual joint review with the government … feeds the SG's report and CPAS". :func:`parse_request`
reads those specifics (plain patterns: the requests are short and formulaic, and a wrong guess is
shown to the drafter under "What you asked for"); :meth:`DraftAsk.refine` adds what the request
states about the setting (priorities, UN entities, national plan, phase) to the planning context,
so it is the drafter's own words that reach the text. Whether the library describes each named
mechanism is judged later, against the library (:mod:`assistant.products.draft_asked`).

A request for something that is not an ISF section (a budget justification, terms of reference,
a cover note, a rewrite of a pasted draft) is declined with what the drafting tool does write.

>>> ask = parse_request("Build a results matrix for the ISF priority 'Extension of State authority': outcome, "
...                     "3–4 indicators with baselines and targets, and timelines.")
>>> ask.sections, ask.priority, ask.indicators
(['results'], 'Extension of State authority', 4)
>>> [(c.frequency, c.what) for c in parse_request("Write the monitoring section: a quarterly pillar dashboard and "
...                                                "an annual joint review with the government.").cadence]
[('quarterly', 'pillar dashboard'), ('annual', 'joint review with the government')]
>>> ask = parse_request("Draft the monitoring section with quarterly reporting and three indicators for the elections priority")
>>> ask.priority, ask.indicators, [c.what for c in ask.cadence]
('elections', 3, ['reporting'])
"""

from __future__ import annotations

import re

from pydantic import BaseModel, Field

from assistant.products.context import PlanningContext, Priority
from assistant.products.draft_cadence import Cadence, cadence_of
from assistant.products.draft_indicators import IndicatorAsk, indicator_asks
from assistant.products.draft_request_focus import focus_topics, quoted_priorities, quoted_sections
from assistant.products.draft_text import NUMBER, number

# Where the request names a section: the earliest match is the section asked for ("Draft the X section").
SECTION_PATTERNS: tuple[tuple[str, str], ...] = (
    ("results", r"results? (?:matrix|framework)|\bindicators?\b|\bresults,? (?:and )?(?:responsibilities|timelines)"),
    ("monitoring", r"(?<!human rights )(?<!ceasefire )monitoring|reporting and review|\breviews?\b"),
    ("coordination", r"coordination|implementation arrangements"),
    ("context", r"context and shared analysis|shared analysis|strategic assessment findings|conflict analysis"),
    ("vision", r"shared vision|strategic objectives?|\bvision\b"),
    ("priorities", r"peace[- ]consolidation priorities|priorities section"),
    ("division", r"transition annex|transfer[- ]of[- ](?:mandated[- ])?tasks|division of labou?r|handover plan|"
                 r"hand(?:ing|s)?[- ]?over\b[^.;:]{0,60}\btasks|\btasks\b[^.;:]{0,40}\btransfer|"
                 r"\bhand(?:ing|s)?\s+(?:\w+\s+){0,3}tasks\b|"  # 'we hand four tasks to new owners'

                 r"\b(?:transition|hand-?over|exit)(?: and (?:transition|hand-?over))? (?:section|plan|chapter|strategy)\b"),
    ("resources", r"resources and funding|funding section|resource mobili[sz]ation|budget annex|"
                  r"costs? of (?:each|the) (?:ISF )?priorit"),
    ("risks", r"\brisks?\b"),
    ("purpose", r"\bpurpose\b|scope and period|introduction"),
)
# Products that are not ISF sections: (what the request asks for, pattern).
NOT_ISF: tuple[tuple[str, str], ...] = (
    ("a budget justification or cost estimate", r"budget (?:justification|proposal|submission|estimate)|cost estimates?|"
                                                r"results-based budget|\bRBB\b"),
    ("terms of reference", r"terms of reference|\bToRs?\b"),
    ("a cover note or letter", r"cover(?:ing)? (?:note|letter|memo)"),
    ("a rewrite of a pasted draft", r"\b(?:rewrite|shorten|condense) this\b"),
)
# A request for the whole framework ("Draft an ISF for …") drafts every section; any other request that names no section
# is declined rather than answered with ten sections it did not ask for.
WHOLE = re.compile(r"^\W*(?:please\s+)?(?:draft|write|prepare|build|produce)\s+(?:an?|the|a full|the whole|a complete|a first "
                   r"draft of (?:an?|the))\s+(?:ISF|Integrated Strategic Framework)\b(?!\s+(?:section|annex|part|chapter))",
                   re.IGNORECASE)
OWNERS = re.compile(r"(?:(?:transfer(?:s|red|ring)?|hand(?:s|ed|ing)?[- ]?overs?)\s+(?:[^.;:]*?\s)?to\b|future owners?\s*"
                    r"(?:\(|such as|like)?)\s*([^.;:)]+)", re.IGNORECASE)
NO_SECTION = "something that is none of the ISF sections"
# What joins a further section to the one asked for: "… mechanisms and the monitoring …", "…, reporting and review".
JOINED = re.compile(r"(?:\s+(?:mechanisms?|arrangements|sections?|matrix|table|annex|part))?(?:\s*,\s*(?:and\s+)?|\s+and\s+|"
                    r"\s+as well as\s+|\s*&\s*)(?:the\s+)?[\'\"“‘]?", re.IGNORECASE)
# Mechanisms and reports a request can name: key -> (how a request names it, how it is written in the draft).
MECHANISMS: dict[str, tuple[str, str]] = {
    "slf": (r"senior leadership (?:forum|group|team)|\bSLF\b", "Senior Leadership Forum (SLF)"),
    "pillar_groups": (r"pillar (?:working )?groups?|pillar/thematic groups?|thematic (?:working )?groups?",
                      "pillar working groups"),
    "planning_unit": (r"joint (?:strategic )?planning (?:unit|capacity|team|cell)|integrated strategy and planning|\bJPU\b",
                      "joint planning unit"),
    "results_groups": (r"(?:UNSDCF|Cooperation Framework|UNDAF) (?:results|outcome) groups?|results groups?",
                       "Cooperation Framework (UNSDCF) results groups"),
    "itf": (r"integrated task force|\bITF\b", "Integrated Task Force (ITF) at Headquarters"),
    "sg_report": (r"(?:SG|Secretary[- ]General)['’]?s? reports?|reports? of the Secretary[- ]General|reporting to the "
                  r"(?:Security )?Council", "reports of the Secretary-General to the Security Council"),
    "cpas": (r"\bCPAS\b|comprehensive planning and performance", "Comprehensive Planning and Performance Assessment "
                                                                 "System (CPAS)"),
    "dashboard": (r"dashboards?", "dashboard"),
    "government": (r"with the government|national counterparts|government co-chair", "the Government"),
}
_N = r"(\d{1,2}|" + "|".join(NUMBER) + r")"
COUNTS = {"objectives": r"strategic objectives|objectives", "indicators": r"indicators|indicator rows?",
          "groups": r"(?:pillar |thematic )?(?:working )?groups|pillars", "risks": r"(?:highest |main |key |top )?risks"}
QUOTED = re.compile(r"['‘“\"]([^'’”\"]{3,120})['’”\"]")
NAMED_PRIORITY = re.compile(r"\bpriority\s+(?:area\s+)?(?:on\s+|of\s+)?['‘“\"]([^'’”\"]{3,120})['’”\"]", re.IGNORECASE)
# 'three indicators for the elections priority': a priority named in passing, in lower case (matched to the context's later)
PRIORITY_IN_PASSING = re.compile(r"\b(?:for|on|of|under)\s+(?:the|our|its|their)\s+"
                                 r"((?!(?:first|second|third|top|key|main|national|ISF)\b)"
                                 r"(?:[a-z][\w-]*|[A-Z]{2,})(?:\s+[a-z][\w-]*){0,3}?)\s+priority\b")
DATA_SOURCES = re.compile(r"\bdata sources?\b(?:\s*\(([^()]+)\))?", re.IGNORECASE)  # '… and data sources (A and B)'
# 'our DDR priority (Disarmament, demobilization and community-based reintegration)': its name in brackets
PRIORITY_IN_BRACKETS = re.compile(r"\bpriority\s*\(([^()]{3,120})\)", re.IGNORECASE)
PRIORITY_LIST = re.compile(r"\bpriorities (?:are|will be|include)\s+([^.:;]+)", re.IGNORECASE)
UNCT = re.compile(r"\b(?:UNCT|country team)\s+(?:has|includes|comprises|is|consists of)\s+([^.:;]+)", re.IGNORECASE)
PLAN = re.compile(r"\b((?:the )?National (?:[A-Z][a-z]+ )*(?:Plan|Strategy|Compact|Agenda)(?: (?:for )?\d{4}\s*[–-]\s*\d{4})?)")
WORDS_LIMIT = re.compile(r"(?:under|within|no more than|at most|maximum(?: of)?|max\.?|up to|not exceed(?:ing)?)\s+([\d,]{2,6})"
                         r"\s+words", re.IGNORECASE)
BODY = re.compile(r"\b((?:[a-z][\w-]*\s+){0,3}(?:working group|committee|task force|steering group|board|cell|secretariat|"
                  r"coordination forum)s?(?:\s+(?:with|of) the [A-Z][\w-]*(?: of [A-Z][\w-]*)?)?)", re.IGNORECASE)
SLF_CHAIR = re.compile(r"(?:Senior Leadership Forum|SLF)\s+(?:\w+\s+){0,2}?chaired by\s+(?:the\s+)?"
                       r"([A-Z][\w/-]*(?:\s+[A-Z][\w/-]*)*)")
PASTED_MIN = 600  # characters: a request that says "pasted" but is shorter carries no pasted text
# Products other than ISF sections that the drafting tool writes: (key, what is asked, what it must be about).
PRODUCTS: tuple[tuple[str, str, str], ...] = (
    ("tor", r"terms of reference|\bToRs?\b", r"strategic (?:assessment|review)|assessment mission"),
    ("cover", r"cover(?:ing)? (?:note|letter|memo)", r"\bISF\b|integrated strategic framework|integrated task force|\bITF\b"),
)
# 'Keep it to one page', 'in half a page'; not 'half a page of narrative on the top three risks', a part's length
ONE_PAGE = re.compile(r"\bone page\b(?! of)|\bhalf[- ]a?[- ]?page\b(?! of)", re.IGNORECASE)
PAGES_LIMIT = re.compile(r"(?:to|in|under|within|no more than|at most|into an?)\s+(?:about\s+|around\s+|some\s+)?" + _N
                         + r"[- ]pages?\b", re.IGNORECASE)


class DraftAsk(BaseModel):
    """The specifics of one drafting request; empty fields mean the request did not say."""

    text: str = ""
    sections: list[str] = Field(default_factory=list, description="Section keys the request is about.")
    declined: str = Field("", description="Why the request is not an ISF section (empty when it is).")
    priority: str = Field("", description="The (first) priority a results matrix is asked for.")
    more_priorities: list[str] = Field(default_factory=list, description="Further priorities named in quotes, a matrix each.")
    priorities: list[str] = Field(default_factory=list, description="Priorities the request lists.")
    entities: list[str] = Field(default_factory=list, description="UN entities the request lists.")
    national_plan: str = ""
    phase: str = ""
    indicators: int = 0
    indicator_asks: list[IndicatorAsk] = Field(default_factory=list, description="Indicator rows asked for, by subject.")
    data_sources: list[str] | None = Field(None, description="Data sources asked for (None: not asked), as the request "
                                                             "names them ('the National DDR Commission database').")
    objectives: int = 0
    groups: int = 0
    risks: int = 0
    cadence: list[Cadence] = Field(default_factory=list)
    mechanisms: list[str] = Field(default_factory=list, description="Keys of MECHANISMS the request names, in its order.")
    co_chairs: bool = Field(False, description="Working groups co-chaired by a mission section and an agency.")
    word_limit: int = 0
    page_limit: int = 0
    assumptions: bool = Field(False, description="A risks table with the assumptions each risk tests.")
    humanitarian: bool = Field(False, description="Humanitarian-space risks asked for.")
    mitigations: bool = Field(False, description="Mitigations asked for in the risks table ('… risks and mitigations').")
    pasted: bool = Field(False, description="The request refers to pasted text that did not come with it.")
    iap: bool = Field(False, description="The request relies on IAP requirements (the IAP Policy/Handbook).")
    pasted_text: str = Field("", description="Text the drafter pasted after the instruction (findings, a draft).")
    civilian: bool = Field(False, description="Only civilian tasks are asked about (a transition annex).")
    owners: list[str] = Field(default_factory=list, description="Future owners of tasks the request names.")
    slf_chair: str = Field("", description="Who chairs the Senior Leadership Forum, as the request says.")
    bodies: list[str] = Field(default_factory=list, description="Other coordination bodies the request names, as written.")
    topics: list[str] = Field(default_factory=list, description="What the request focuses on ('the elections in 18 months').")
    benchmarks: str = Field("", description="What the request asks benchmarks for ('the handover of security to the police').")
    passes_to: str = Field("", description="Who coordination passes to at closure, as the request says ('the Resident "
                                           "Coordinator's office').")
    product: str = Field("", description="A product that is not an ISF section: 'tor' (strategic assessment), 'cover'.")
    contingencies: list[str] = Field(default_factory=list, description="Events the request asks what happens if "
                                                                         "('the November 2027 elections are delayed').")

    @property
    def limited(self) -> bool:
        """A length limit was asked for: the draft is brief."""
        return bool(self.word_limit or self.page_limit)

    def terms(self, section: str) -> str:
        """The request's words that belong in this section's retrieval queries."""
        if section not in self.sections:
            return ""
        parts = [*self.topics, self.priority, *self.more_priorities, *self.priorities[:3],
                 *(f"{c.frequency} {c.what}" for c in self.cadence)]
        parts += [MECHANISMS[m][1] for m in self.mechanisms if m not in ("government", "dashboard")]
        if self.indicators:
            parts.append("indicators baselines targets benchmarks")
        return " ".join(p for p in parts if p)

    def refine(self, ctx: PlanningContext) -> PlanningContext:
        """The context with what the request states about the setting: its priorities, UN entities, plan and phase."""
        known = [p.name.lower() for p in ctx.priorities]
        extra = [Priority(name=p) for p in [*self.priorities, self.priority, *self.more_priorities]
                 if p and not _matches(p, known)]
        update: dict = {}
        if extra and (ctx.priorities or self.priorities):
            update["priorities"] = [*ctx.priorities, *extra]
        entities = [e for e in self.entities if e.lower() not in (x.lower() for x in ctx.un_entities)]
        if entities:
            update["un_entities"] = [*ctx.un_entities, *entities]
        if self.national_plan and not ctx.national_plan:
            update["national_plan"] = self.national_plan
        if self.phase and not ctx.phase:
            update["phase"] = self.phase
        return ctx.model_copy(update=update) if update else ctx


def _matches(name: str, known: list[str]) -> bool:
    stems = {w[:5] for w in re.findall(r"[a-z]{4,}", name.lower())}
    return any(stems and len(stems & {w[:5] for w in re.findall(r"[a-z]{4,}", k)}) / len(stems) >= 0.6 for k in known)


def _count(text: str, what: str) -> int:
    """'3–4 indicators' -> 4 (the upper bound: rows are cheaper to delete than to invent); 'three pillar working groups' -> 3."""
    match = re.search(r"\b" + _N + r"(?:\s*(?:[-–]|to|or)\s*" + _N + r")?\s+(?:[\w-]+\s+){0,2}?(?:" + COUNTS[what] + r")\b", text,
                      re.IGNORECASE)
    return max(number(match.group(1)), number(match.group(2) or "0")) if match else 0


def _split_list(text: str) -> list[str]:
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+", text.strip())
    return [p.strip(" '\"‘’“”") for p in parts if 2 < len(p.strip()) < 120]


def _owners(text: str) -> list[str]:
    """Entities a request names as future owners of tasks ('transfer to UNDP, UNICEF or the Ministry of Justice')."""
    match = OWNERS.search(text)
    names = re.split(r",\s*|\s+or\s+|\s+and\s+", match.group(1)) if match else []
    trim = r"^(?:the|an?)\s+|\s+(?:over|within|by|in|before|after|during|from)\s.*$"  # 'the Government over 18 months'
    names = [re.sub(trim, "", n.strip(), flags=re.I) for n in names]
    return [n for n in names if re.fullmatch(r"(?:UN )?[A-Z][A-Za-z-]{1,12}|(?:Ministry|Office|Department) of [A-Z][\w ]{2,40}|"
                                             r"(?:UN |United Nations )?country team", n)]  # 'hands over to the UN country team'


def _bodies(text: str) -> list[str]:
    """Coordination bodies named in the request that are none of the known mechanisms ('a joint transition working group
    with the Government')."""
    out = []
    for m in BODY.finditer(text):
        phrase = re.sub(r"^(?:an?|the|and|two|three|four|\d+)\s+", "", m.group(1).strip(), flags=re.I)
        if not any(re.search(MECHANISMS[k][0], phrase, re.I) for k in MECHANISMS if k not in ("government", "dashboard")):
            out.append(phrase)
    return out


def _section_and_decline(text: str) -> tuple[list[str], str]:
    found = sorted((m.start(), key, m.end()) for key, pattern in SECTION_PATTERNS for m in [re.search(pattern, text, re.I)] if m)
    other = sorted((m.start(), what) for what, pattern in NOT_ISF for m in [re.search(pattern, text, re.I)] if m)
    if other and (not found or other[0][0] < found[0][0]):
        return [], other[0][1]
    if not found and not WHOLE.search(text):
        return [], NO_SECTION
    keys = _joined(text, found[0][1], found[0][2]) if found else []
    return keys + [k for k in quoted_sections(text, SECTION_PATTERNS) if k not in keys], ""


def _joined(text: str, first: str, pos: int) -> list[str]:
    """The section asked for (its name ending at ``pos``) and those joined to it ("the shared vision … and the division of
    labour"): a section named further on, in another clause, is the subject of the text, not another section asked for."""
    keys = [first]
    while joint := JOINED.match(text, pos):
        nxt = next(((k, m) for k, pattern in SECTION_PATTERNS for m in [re.compile(pattern, re.I).match(text, joint.end())]
                    if m), None)
        if nxt is None:
            break
        keys += [nxt[0]] if nxt[0] not in keys else []
        pos = nxt[1].end()
    return keys


def split_pasted(text: str) -> tuple[str, str]:
    """(instruction, pasted text): a long request is the instruction's first paragraph (or first two sentences) and the
    text the drafter pasted after it; a short one is all instruction."""
    text = (text or "").strip()
    if len(text) < PASTED_MIN:
        return text, ""
    head, _, rest = text.partition("\n\n") if "\n\n" in text[:PASTED_MIN] else ("", "", "")
    if not head:
        sentences = re.split(r"(?<=[.:])\s+(?=[A-Z0-9“\"'-])", text, maxsplit=2)
        head, rest = " ".join(sentences[:2]), (sentences[2] if len(sentences) > 2 else "")
    return (head, rest.strip()) if len(rest.strip()) >= PASTED_MIN // 2 else (text, "")


# 'say what happens if the November 2027 elections are delayed': a contingency the section must provide for
CONTINGENCY = re.compile(r"\b(?:what happens|what (?:we|the UN|the team) (?:do|does|would do)|contingenc(?:y|ies)(?: plans?)?|"
                         r"fall-?backs?|in case)\s+(?:if|when|should|for|of)?\s*(?P<event>[^.;?]+)", re.IGNORECASE)
EACH_HANDOVER = "each handover"  # benchmarks asked per task handed over: the transfer table's conditions carry them
PER_HANDOVER = re.compile(r"\beach (?:handover|hand-over|task|transfer)\b[^.;]*\b(?:benchmarks?|conditions?)\b|"
                          r"\b(?:benchmarks?|conditions?)\b[^.;]*\beach (?:handover|hand-over|task|transfer)\b",
                          re.IGNORECASE)  # 'Add the conditions for each handover' (trial 14) too
BENCHMARKS_FOR = re.compile(r"\bbenchmarks?\s+(?:for|of|on|to (?:measure|track))\s+(?P<what>[^.;:?]+)", re.IGNORECASE)


def parse_request(text: str) -> DraftAsk:
    """The specifics of a drafting request (an empty request asks for nothing in particular); pasted text after the
    instruction is kept apart, so that its words are not read as the drafter's instructions."""
    text, pasted = split_pasted(text)
    text = " ".join(text.split())
    if not text:
        return DraftAsk()
    sections, declined = _section_and_decline(text)
    product = next((key for key, asked, about in PRODUCTS if re.search(asked, text, re.I) and re.search(about, text, re.I)), "")
    if product:
        sections, declined = [], ""
    named = NAMED_PRIORITY.search(text) or PRIORITY_IN_BRACKETS.search(text) or PRIORITY_IN_PASSING.search(text)
    listed = PRIORITY_LIST.search(text)
    unct = UNCT.search(text)
    plan = PLAN.search(text)
    words, pages, chair = WORDS_LIMIT.search(text), PAGES_LIMIT.search(text), SLF_CHAIR.search(text)
    mechanisms = sorted((m.start(), key) for key, (pattern, _) in MECHANISMS.items() for m in [re.search(pattern, text, re.I)]
                        if m)
    phase = ("withdrawal" if re.search(r"withdraw|clos(?:e|ure) of the mission", text, re.I) else
             "drawdown" if re.search(r"draw(?:ing)?[- ]?down", text, re.I) else "")
    return DraftAsk(
        text=text, sections=sections, declined=declined,
        priority=named.group(1).strip() if named else next(iter(quoted := quoted_priorities(text)), ""),
        more_priorities=[] if named else quoted[1:],
        priorities=_split_list(listed.group(1)) if listed else [],
        entities=[e for e in _split_list(unct.group(1)) if re.fullmatch(r"(?:UN )?[A-Z][A-Za-z-]{1,12}", e)] if unct else [],
        national_plan=plan.group(1) if plan else "", phase=phase,
        data_sources=_split_list(m.group(1) or "") if (m := DATA_SOURCES.search(text)) else None,
        indicator_asks=(asked := indicator_asks(text)), indicators=max(sum(a.count for a in asked), _count(text, "indicators")),
        objectives=_count(text, "objectives"), groups=_count(text, "groups"), risks=_count(text, "risks"),
        cadence=cadence_of(text),
        mechanisms=[key for _, key in mechanisms],
        co_chairs=bool(re.search(r"co-?chair", text, re.I)),
        word_limit=int(words.group(1).replace(",", "")) if words else 0,
        page_limit=number(pages.group(1)) if pages else int(bool(ONE_PAGE.search(text))),
        assumptions=bool(re.search(r"assumptions?", text, re.I)),
        humanitarian=bool(re.search(r"humanitarian[- ]space|humanitarian (?:principles|access|actors)", text, re.I)),
        mitigations=bool(re.search(r"\bmitigat(?:ions?|e|ing)\b", text, re.I)),
        pasted=bool(re.search(r"\(pasted\)|\bpasted\b", text, re.I)) and not pasted,
        iap=bool(re.search(r"\bIAP\b|integrated assessment and planning", text, re.I)),
        slf_chair=chair.group(1) if chair else "", bodies=_bodies(text), pasted_text=pasted,
        civilian=bool(re.search(r"\bcivilian (?:tasks|functions|components?)\b", text, re.I)), owners=_owners(text),
        topics=focus_topics(text), product=product, benchmarks=_benchmarks(text),
        passes_to=passes.group("to").strip() if (passes := PASSES_TO.search(text)) else "",
        contingencies=[m.group("event").strip() for m in CONTINGENCY.finditer(text)],
    )


# 'how coordination passes to the Resident Coordinator's office at closure'
PASSES_TO = re.compile(r"\bcoordination (?:passes|is handed over|is transferred|moves|shifts) to (?P<to>[^,.;?]+?)"
                       r"(?=\s+(?:at|on|after|when|by|before)\b|[,.;?]|$)", re.IGNORECASE)


def _benchmarks(text: str) -> str:
    """What the request asks benchmarks for ('benchmarks for the handover of security to the national police'; 'each
    handover' for "For each handover give two or three benchmarks")."""
    if PER_HANDOVER.search(text):
        return EACH_HANDOVER
    asked = BENCHMARKS_FOR.search(text)
    return asked.group("what").strip() if asked else ""


