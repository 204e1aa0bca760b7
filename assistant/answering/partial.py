"""Partial answers: a question about several named things, of which the library holds only some, or never together.

"How does the ISF relate to the Mission Concept and the RBB?" — the library relates the ISF to
results-based budgeting in one passage and names the mission concept in another, but never the
three together. Declining hides what it does hold; answering as if a passage related them all
misleads. A partial answer says first what the library lacks ("The library never mentions Mission
Concept in the same passage as ISF and RBB."), then quotes, for each named thing it holds, the
sentence closest to the question that names it.

Only a question that asks about its named things side by side gets one — one relating or
comparing them ("how does X relate to Y", "the difference between X and Y") or asking one thing
of each ("What is X, and who chairs Y?"). A question asking one fact of a context ("How many
troops did MONUSCO have in Ituri in 2023?") is still declined when a named thing is missing:
quoting what the library says about the others would answer a question nobody asked.

>>> asks_side_by_side("What is the SLF and how is it different from the UNCT?")
True
>>> asks_side_by_side("How many troops did MINUSCA have in Bangui in 2022?")
False
>>> asks_side_by_side("When did MINUSMA leave Mali, and who took over its camps?", ["MINUSMA", "Mali"])
False
>>> asks_side_by_side("What is the ISG, and who chairs the SLF?", ["ISG", "SLF"])
True
>>> lacking(["Senior Leadership Forum"], ["UNCT"], ["HCT"])
'The library does not mention Senior Leadership Forum, and never mentions UNCT and HCT in the same passage.'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

import numpy as np

from assistant.answering.compose import Plan
from assistant.answering.gaps import SECOND_PART, TYPED, asked_share, joined
from assistant.answering.missing import aliases
from assistant.answering.named import YEAR, expansions, library_passages, matcher
from assistant.answering.question import QuestionInfo, understand
from assistant.answering.scoring import FIRST_PERSON, MEASURES, has_answer_type, measure_given
from assistant.answering.sought import unheld_document
from assistant.answering.units import unit_at
from assistant.citation import GAP_PREFIX
from assistant.index.lexical import STOPWORDS, tokenize
from assistant.index.retrieve import Retriever

RELATING = re.compile(
    r"\b(?:relat(?:e|es|ed|ion|ionship)|differen(?:t|ce|ces)|differ|distinguish\w*|compare[sd]?|comparison|versus|vs\.?"
    r"|link(?:s|ed)? (?:to|with)|fits? (?:with|into))\b", re.I)
EACH = re.compile(r",?\s+and\s+(?=(?:what|who|how|when|where|which|why|is|are|does|do)\b)", re.I)
PART_SIMILARITY = 0.30  # a quoted part must be this close to the question (cosine), as a supporting point must be
MAX_PARTS = 3


def asks_side_by_side(question: str, named: list[str] | None = None) -> bool:
    """Does the question relate or compare its named things, or ask one thing of each — its clauses ('…, and who
    chairs Y?') each naming things the others do not ('When did X withdraw from Y, and who took over?' asks two
    things of one context)?"""
    if RELATING.search(question):
        return True
    clauses = EACH.split(question)
    if len(clauses) < 2 or named is None:
        return named is None and len(clauses) > 1
    held = [{e for e in named if e.lower() in c.lower()} for c in clauses]
    return all(held) and all(not (a & b) for k, a in enumerate(held) for b in held[k + 1:])


HOLDS_PART = 0.5  # share of the second ask's words a quoted sentence must hold, with the kind of answer it asks for
PRONOUNS = frozenset({"it", "its", "them", "they", "their", "this", "that", "these", "those", "him", "her"})  # no ask
WHOLE_ASK = 2  # an ask of this many words or fewer is held whole ('who should take part in it?')


def unanswered_part(question: str, quoted: Sequence[str]) -> list[str]:
    """A question asking a second, definite thing ('What is the ISF for, and who has to agree it?') that no quoted
    sentence gives — a doer, a date or a number with the ask's words: said plainly, so the answer to the
    first part is not taken for the whole.

    >>> unanswered_part("What is the ISF for and who has to agree it?", ["The framework reflects a set of agreed results."])
    ['The library does not state the answer to the second part of the question (“who has to agree it?”).']
    >>> unanswered_part("What is the ITF and who chairs it?", ["The ITF is chaired by the lead department."])
    []
    >>> unanswered_part("What is joint analysis and who should take part in it?", ["Joint analysis is part of UN design."])
    ['The library does not state the answer to the second part of the question (“who should take part in it?”).']
    >>> unanswered_part("What must an ISF contain, and what period should it cover?", ["It reflects a shared vision."])
    ['The library does not state the answer to the second part of the question (“what period should it cover?”).']
    >>> unanswered_part("What does it ask the PBC to do, and which body does it ask to brief the Council?",
    ...                 ["Requests the PBC to convene.", "Leaders should regularly brief the Commission."])[0][-60:]
    'e question (“which body does it ask to brief the Council?”).'
    """
    parts = SECOND_PART.split(question, maxsplit=1)
    if len(parts) < 2:
        return _unheld_condition(question, quoted)
    asked = parts[1].strip()
    if any(ask.search(asked) for ask, _ in MEASURES):  # 'what period should it cover?': a duration must be quoted
        held = measure_given(asked, list(quoted))
    else:
        second = understand(asked)
        second = second.model_copy(update={"predicate_terms": [t for t in second.predicate_terms if t not in PRONOUNS]})
        needed = 1.0 if len(second.predicate_terms) <= WHOLE_ASK else HOLDS_PART  # 'take part': 'part' in 'as part of' is
        held = second.type not in TYPED or any(has_answer_type(t, second.type) and asked_share(second, t) >= needed
                                               for t in quoted)  # no answer
    return [] if held else [f"{GAP_PREFIX} the answer to the second part of the question (“{asked}”)."]


# '… report to during a drawdown?': a condition the question ends on, which the answer must speak of
CONDITION = re.compile(r"\s(?P<prep>during|throughout|once|while|in the event of|in case of)\s+(?P<what>(?:an?|the|its|their)\s+"
                       r"[a-z][a-z -]{2,40}?)\s*\?*$", re.IGNORECASE)


def _unheld_condition(question: str, quoted: Sequence[str]) -> list[str]:
    """The condition a question ends on ('during a drawdown') when no quoted sentence speaks of it: the answer holds for
    the case the library describes, and the reader must know whether it differs (trial 11's follow-up was pointed back to
    the 2006 reporting line, with no word of drawdown).

    >>> _unheld_condition("Who does the DSRSG report to during a drawdown?", ["The DSRSG reports to the SRSG."])
    ['The library does not state whether this differs during a drawdown: none of the sentences quoted speaks of it.']
    >>> _unheld_condition("Who leads during a drawdown?", ["During the drawdown, the SRSG leads."])
    []
    """
    found = CONDITION.search(question)
    if not found:
        return []
    words = set(tokenize(found.group("what"))) - STOPWORDS
    if not words or any(words <= set(tokenize(t)) for t in quoted):
        return []
    return [f"{GAP_PREFIX} whether this differs {found.group('prep').lower()} {found.group('what')}: none of the "
            "sentences quoted speaks of it."]


def together_groups(present: list[str], passages: Sequence[str], expand: Mapping[str, str]) -> list[str]:
    """The largest set of the named things that one passage holds together (the first such passage's)."""
    forms = [(e, matcher(e, expand)) for e in present]
    best: list[str] = []
    for text in passages:
        held = [e for e, found in forms if found(text)]
        if len(held) > len(best):
            best = held
            if len(best) == len(forms):
                break
    return best


def lacking(unknown: list[str], together: list[str], apart: list[str]) -> str:
    """What the library lacks, in one sentence: named things it never mentions, and ones it never mentions with
    the others."""
    parts = []
    if unknown:
        parts.append(f"does not mention {joined(unknown)}")
    if apart and len(together) > 1:
        parts.append(f"never mentions {joined(apart)} in the same passage as {joined(together)}")
    elif apart:
        parts.append(f"never mentions {joined(together + apart)} in the same passage")
    return f"The library {', and '.join(parts)}." if parts else ""


def part_sentences(q: QuestionInfo, held: list[str], retriever: Retriever) -> list[tuple[int, list[str]]]:
    """For the named things the library holds: the quotable sentences nearest the question that name them, each
    with the named things it covers, until each is covered once (at most MAX_PARTS sentences)."""
    index = retriever.sentences
    expand = expansions(retriever, q.defined)
    asked = retriever.encoder.query_vector(retriever.glossary.expand(q.text))
    tests: dict[str, Callable[[str], bool]] = {e: matcher(e, expand) for e in held}
    chosen: list[tuple[int, list[str]]] = []
    covered: set[str] = set()
    for entity in held:
        if entity in covered or len(chosen) >= MAX_PARTS:
            continue
        # near the question and near the thing itself: 'SLF vs the UNCT' alone finds sentences on any country team
        vector = asked + retriever.encoder.query_vector(retriever.glossary.expand(f"the {entity}"))
        vector = vector / np.linalg.norm(vector)
        best = _nearest_naming(tests[entity], index.texts, index.quotable, index.vectors @ vector, index.self_contained)
        if best is None:
            continue
        names = [e for e, test in tests.items() if test(index.texts[best].lower())]
        covered.update(names)
        chosen.append((best, names))
    return chosen


def _nearest_naming(found: Callable[[str], bool], texts: list[str], quotable: np.ndarray, cosine: np.ndarray,
                    self_contained: Callable[[int], bool]) -> int | None:
    """The quotable, self-contained sentence naming the thing that is nearest the question, if near enough (never
    the Secretary-General's first-person thanks: what a thing is, not who was grateful to it)."""
    for i in np.argsort(-cosine):
        if cosine[i] < PART_SIMILARITY:
            return None
        if quotable[i] and found(texts[i].lower()) and self_contained(int(i)) and not FIRST_PERSON.search(texts[i]):
            return int(i)
    return None


def revise_scope(plan: Plan, question: str, query: str, retriever: Retriever) -> str:
    """The scope judgments made after the plan: a document on a subject the library never mentions declines it
    (the sentence saying so is returned, :mod:`sought`); a declined plan becomes a partial answer where it may."""
    unheld = "" if plan.missing else unheld_document(query, retriever)
    if unheld:  # nothing the library holds answers for a document it never mentions
        plan.decision = "not_covered"
    make_partial(plan, question, retriever)
    return unheld


def make_partial(plan: Plan, question: str, retriever: Retriever) -> None:
    """Turn a declined plan into a partial answer where the question allows one (see the module docstring)."""
    if plan.decision != "not_covered" or plan.missing and not plan.unknown:
        return
    missing_names = " ".join(a for m in plan.missing for a in aliases(m)).lower()
    lacks, parts = partial_parts(plan.q, question, plan.unknown, missing_names, retriever)
    if not parts:
        return
    plan.units = [unit_at(retriever.sentences, i, "part", 0.0) for i, _names in parts]
    held = list(dict.fromkeys(n for _i, names in parts for n in names))
    plan.decision, plan.premise = "partial", f"{lacks} What it says about {joined(held)}:"


def partial_parts(q: QuestionInfo, question: str, unknown: list[str], missing_names: str,
                  retriever: Retriever) -> tuple[str, list[tuple[int, list[str]]]]:
    """The lacking sentence and the sentences to quote, when the question gets a partial answer; else ('', [])."""
    named = [e for e in q.entities if not YEAR.fullmatch(e) and e.lower() not in missing_names]
    present = [e for e in named if e not in unknown]
    if len(named) < 2 or not present or not asks_side_by_side(question, named):
        return "", []
    together = together_groups(present, library_passages(retriever), expansions(retriever, q.defined))
    apart = [e for e in present if e not in together]
    unknown = [e for e in unknown if e in named]
    if not unknown and not apart:
        return "", []
    parts = part_sentences(q, present, retriever)
    return (lacking(unknown, together, apart), parts) if parts else ("", [])


__all__ = ["asks_side_by_side", "lacking", "make_partial", "revise_scope", "part_sentences", "partial_parts", "together_groups"]
