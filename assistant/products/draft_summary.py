"""The "Your request" part of a draft: what was read from the request, how the draft takes it, what the library lacks.

Shown first, so a drafter sees at once whether the request was understood (the section, the priority, the
cadence, the mechanisms, the length) and which of the things it names no library document mentions —
an acronym or a process such as a "mandate-implementation review" — or which catalogued canonical texts it
relies on that the library does not hold (the answer work's missing-text note).
"""

from __future__ import annotations

import re

from assistant.answering.named import library_passages
from assistant.index.lexical import tokenize
from assistant.index.retrieve import Retriever
from assistant.products.context import PlanningContext
from assistant.products.draft_request import MECHANISMS, NO_SECTION, DraftAsk
from assistant.products.draft_text import TBD, _list
from assistant.products.draft_transfer import named_tasks
from assistant.products.export import Block
from assistant.products.guidance import COMMON_TERMS, TIME_TERMS
from assistant.products.missing_texts import missing_notes

ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{2,}\b")
# 'Ministry of Peace and Reconciliation' is one name; 'the Commission and the Ministry of Interior' two
NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]+(?:\s+(?:(?:for|of|on|the)\s+(?:the\s+)?|and\s+)[A-Z][a-z]+"
                  r"|\s+[A-Z][a-z]+)+)\b")
DOCUMENT = re.compile(r"\b((?:[A-Z][\w-]*\s+){1,7}(?:Policy|Guidelines|Handbook|Directive|Manual|Procedures))\b")
COMPOUND = re.compile(r"\b([a-z]+(?:-[a-z]+)+ (?:review|dashboard|process|initiative|mechanism|system|plan|compact|exercise))\b",
                      re.IGNORECASE)


def unknown_specifics(ask: DraftAsk, ctx: PlanningContext, retriever: Retriever) -> list[str]:
    """Named things in the request that no library passage holds (acronyms, 'mandate-implementation review'), besides the
    mechanisms judged with the section."""
    retriever.refresh()  # a request declined before any search: the index's passages are not loaded yet
    texts = library_passages(retriever)
    glossary = {t.term.upper() for t in retriever.glossary.terms}
    named = {m.lower() for k in ask.mechanisms for m in re.findall(r"\b[A-Z]{2,}\b", MECHANISMS[k][1])}
    own = {e.upper() for e in [*ctx.entities, ctx.mission]} | {"ISF", "SG", "UN", "AFP", "AFPS", "IDPS"}
    out = []
    names = [*ACRONYM.findall(ask.text), *(m.group(1) for m in COMPOUND.finditer(ask.text)),
             *(m.group(1) for m in NAME.finditer(ask.text))]
    context = " ".join([ctx.country, ctx.mission, ctx.national_plan, *ctx.un_entities, *(p.name for p in ctx.priorities),
                        *(MECHANISMS[k][1] for k in MECHANISMS)]).lower()
    for name in dict.fromkeys(names):
        low = name.lower()
        if name.upper() in own or low in named or (name.isupper() and name in glossary) or low in context:
            continue
        if not any(low in t or low.replace("-", " ") in t for t in texts):
            out.append(name)
    return out


def unheld_documents(text: str, retriever: Retriever) -> list[str]:
    """Notes for the policies, guidelines or handbooks a request names that the library does not hold (catalogued
    canonical texts have their own notes): 'the Human Rights Due Diligence Policy' is only mentioned, in IPI 2013."""
    retriever.refresh()
    titles = " ".join(r.meta.title for r in retriever.records).lower()
    notes = []
    for m in DOCUMENT.finditer(text):
        name = re.sub(r"^(?:The|the)\s+", "", m.group(1))
        if name.lower() in titles or missing_notes(name, retriever):
            continue
        where = [r.meta.short for r in retriever.records if name.lower() in r.text.lower()]
        notes.append(f"The library does not hold the {name}" + (f"; it is only mentioned, by name, in "
                     f"{_list(list(dict.fromkeys(where))[:3])}" if where else "") + ": nothing in this draft quotes or "
                     "paraphrases it, and what it requires is for you to check in the text itself.")
    return notes


def decline_message(ask: DraftAsk, ctx: PlanningContext, retriever: Retriever, keys: tuple[str, ...]) -> str:
    """Why the request is declined, what the tool writes instead, and what of the request the library lacks."""
    unknown = unknown_specifics(ask, ctx, retriever)
    lacks = f" No document in the library mentions {_list([f'“{u}”' for u in unknown])}." if unknown else ""
    head = ("This request names none of the sections of an Integrated Strategic Framework" if ask.declined == NO_SECTION else
            f"This asks for {ask.declined}, which is not a section of an Integrated Strategic Framework")
    return (f"{head}: the drafting tool writes ISF sections ({', '.join(keys)}), each from your planning context and the "
            f"cited guidance. Ask for one of them, or for the whole ISF.{lacks}")


def request_blocks(ask: DraftAsk, ctx: PlanningContext, retriever: Retriever, titles: list[str], words: int) -> list[Block]:
    """'Your request': what was read from it, how the draft takes it, and what the library lacks for it."""
    taken = [f"Section{'s' if len(titles) > 1 else ''}: {'; '.join(titles)}."]
    for name in [ask.priority, *ask.more_priorities] if ask.priority else []:
        taken.append(f"Priority: “{name}” — its own results matrix with {ask.indicators or 3} indicator rows.")
    if ask.priorities:
        taken.append(f"Priorities from your request: {_list(ask.priorities)}.")
    if ask.entities:
        taken.append(f"UN entities from your request: {_list(ask.entities)} (only these and your context's are named).")
    if ask.national_plan and ctx.national_plan and ask.national_plan.lower() not in ctx.national_plan.lower():
        taken.append(f"National plan: your request names {ask.national_plan}, your planning context {ctx.national_plan}; the "
                     "draft follows the context (change it there if the request is right).")
    if ask.cadence:
        taken.append("Reporting and review events: " + "; ".join(f"{c.frequency} {c.what}" for c in ask.cadence) + ".")
    if ask.benchmarks:
        taken.append(f"Benchmarks: for {ask.benchmarks} (proposed wording from benchmark indicators the library's mission "
                     "reports measure, where one fits).")
    if ask.mechanisms:
        taken.append("Mechanisms and reports named: " + "; ".join(MECHANISMS[k][1] for k in ask.mechanisms
                                                                  if k not in ("dashboard", "government")) + ".")
    if ask.pasted_text:
        taken.append(f"Pasted text: {len(ask.pasted_text.split())} words, kept apart from the instruction"
                     + (" and sorted into the shared analysis." if "context" in ask.sections else
                        ", not used: only the context and shared analysis section takes pasted findings."))
    if ask.topics:
        taken.append(f"Focus: {'; '.join(ask.topics)} — the section's guidance and practice are searched for it, and its "
                     "first-pass text names it with what your planning context records on it.")
    if ask.contingencies:
        taken.append("What happens if " + "; if ".join(ask.contingencies) + ": a paragraph under the section, with your "
                     "context's tensions on it, for the team to complete (nothing in it is taken from the library).")
    if ask.limited:
        limit = f"{ask.word_limit} words" if ask.word_limit else f"{ask.page_limit} page{'s' if ask.page_limit > 1 else ''}"
        taken.append(f"Length: at most {limit}, so the draft is brief; its first-pass text is {words} words (the quoted "
                     "guidance and practice come on top: keep what you need).")
    blocks = [Block(kind="heading", text="Your request", level=1), Block(kind="paragraph", text=f"“{ask.text}”"),
              Block(kind="bullets", items=taken)]
    unknown = unknown_specifics(ask, ctx, retriever)
    if unknown:
        blocks.append(Block(kind="note", text=(
            f"No document in the library mentions {_list([f'“{u}”' for u in unknown])}: the draft says nothing of "
            f"{'it' if len(unknown) == 1 else 'them'} beyond your own words, and quotes no requirement for "
            f"{'it' if len(unknown) == 1 else 'them'}.")))
    if ask.pasted:
        blocks.append(Block(kind="note", text=(
            "Your request refers to pasted text, but none came with it: the draft is built from the planning context "
            "only. Paste the text after the request to have it taken into account.")))
    named = ask.text + (" IAP Policy" if ask.iap else "")  # 'the IAP safeguards' are the IAP Policy's
    blocks += [Block(kind="note", text=n) for n in missing_notes(named, retriever) + unheld_documents(ask.text, retriever)]
    return blocks


FOCUS_HANDLED = ("risks", "vision")  # sections whose own text is built around the focus (draft_risks, objectives)


def focus_blocks(key: str, ctx: PlanningContext, ask: DraftAsk) -> list[Block]:
    """The focus a request sets for a section, in its first-pass text with the context's tensions on it. A newcomer's
    coordination section asked "with a focus on how humanitarian agencies that refuse joint mission-UNCT branding in
    Kessa can still take part" came back word for word as in the plain draft, with no word of the focus.

    >>> ctx = PlanningContext(country="Veloria", presence="PKO", mission="UNSMV", key_tasks=["Protect civilians"],
    ...                       un_entities=["UNHCR"], period="2027-2029",
    ...                       tensions=["Humanitarian agencies object to joint branding", "Police funding is 40 %"])
    >>> ask = DraftAsk(text="", sections=["coordination"], topics=["how agencies refusing joint branding take part"])
    >>> focus_blocks("coordination", ctx, ask)[0].text
    'Focus you asked for: how agencies refusing joint branding take part. From your planning context: Humanitarian agencies \
object to joint branding. How the arrangements of this section provide for it: [to be agreed].'
    """
    if key not in ask.sections or not ask.topics or key in FOCUS_HANDLED or key == "division" and named_tasks(ask.text):
        return []  # the tasks a transfer request names are its table's rows already
    words = set().union(*(tokenize(t) for t in ask.topics)) - COMMON_TERMS - TIME_TERMS  # whole stems: 'humanitarian'
    related = [t.rstrip(".") for t in ctx.tensions if set(tokenize(t)) & words]  # is not 'human' rights
    text = f"Focus you asked for: {'; '.join(ask.topics)}."
    if related:
        text += f" From your planning context: {'; '.join(related)}."
    return [Block(kind="paragraph", text=f"{text} How the arrangements of this section provide for it: {TBD}.")]


def contingency_blocks(key: str, ctx: PlanningContext, ask: DraftAsk) -> list[Block]:
    """What the section provides if an event the request names happens, in the first section asked: the event, the
    context's tensions on it, and what changes for the team to agree (trial 11: "say what happens if the November 2027
    elections are delayed" was dropped without a word).

    >>> ctx = PlanningContext(country="Veloria", presence="PKO", mission="UNSMV", key_tasks=["Protect civilians"],
    ...                       un_entities=["UNHCR"], period="2027-2029", tensions=["The Government wants the force out "
    ...                       "before the November 2027 elections"])
    >>> ask = DraftAsk(text="", sections=["division"], contingencies=["the November 2027 elections are delayed"])
    >>> contingency_blocks("division", ctx, ask)[0].text
    'If the November 2027 elections are delayed (as you asked): what changes in this section — dates, owners, \
benchmarks — is [to be agreed]. From your planning context: The Government wants the force out before the November 2027 \
elections.'
    """
    if not ask.contingencies or key != next(iter(ask.sections), ""):
        return []
    out = []
    for event in ask.contingencies:
        words = set(tokenize(event)) - COMMON_TERMS - TIME_TERMS
        related = [t.rstrip(".") for t in ctx.tensions if len(set(tokenize(t)) & words) >= min(2, len(words))]
        text = f"If {event} (as you asked): what changes in this section — dates, owners, benchmarks — is {TBD}."
        out.append(Block(kind="paragraph", text=text + (f" From your planning context: {'; '.join(related)}." if related
                                                         else "")))
    return out
