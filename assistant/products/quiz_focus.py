"""What a quiz is about, whether the library holds it, and which sentences are on it.

A quiz "on the Integrated Strategic Framework and the Senior Leadership Forum" must ask about the
ISF and the SLF, not about whatever the retriever brought back for the trainer's long request (the
General Assembly's resolutions, the MINUSTAH camps). :func:`focus` reads the request's subject:
the glossary terms it names (matched by acronym or in full), else its content words. A library
sentence is on the subject when it names one of those terms or shares one of those words
(:meth:`Focus.about`); items are built only from such sentences, glossary items only from the named
terms and their close neighbours. :func:`coverage_notes` says how much the library holds on each
named term (a term it never names is quizzed from the glossary only, and the quiz says so), and
:func:`off_subject` declines a quiz whose named code the library holds but never with the rest of
the subject ("UNMISS's budget": UNMISS is named, never with a budget).

>>> sorted(content_stems("the 2021 UNMISS budget performance report"))
['budget', 'perfor']
>>> sorted(content_stems("mission transitions and handover of tasks to the UN country team"))
['handov', 'transi']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.answering.verify import split_sentences
from assistant.corpus.glossary import Term
from assistant.index.retrieve import Retriever
from assistant.products.exercise_scope import codes
from assistant.products.exercise_shapes import topic_of
from assistant.products.quiz_pools import DOCUMENT_NAMES

STEM = 6
# Words of a quiz request that say nothing about its subject.
GENERIC = frozenset({"quiz", "question", "questions", "items", "answers", "source", "sources", "references", "staff", "planners",
                     "newly", "arrived", "mission", "missions", "united", "nations", "report", "reports", "their", "about",
                     "course", "participants", "knowledge", "basics", "overview", "rates", "levels",
                     "country", "countries", "team", "teams", "task", "tasks"})  # every sentence of a report has them
FEW = 10  # a named term in fewer library sentences than this is "thinly covered"


def content_stems(text: str) -> set[str]:
    """The first STEM letters of the text's content words (not codes, not generic request words)."""
    return {w.lower()[:STEM] for w in re.findall(r"\b[A-Za-z][a-z-]{4,}\b", text) if w.lower() not in GENERIC}


def _named(name: str) -> re.Pattern:
    return re.compile(rf"(?<![\w/]){re.escape(name)}s?(?![\w/])", 0 if name.isupper() else re.IGNORECASE)


@dataclass
class Focus:
    """The subject of a quiz: the glossary terms it names and the content words it uses besides them."""

    subject: str
    terms: list[Term]
    stems: set[str] = field(default_factory=set)
    texts: list[str] = field(default_factory=list)  # the policy texts it names ("Brahimi", "the 2008 decision")
    parts: list[Focus] = field(default_factory=list)  # the subjects a list names, each its own focus (two or more)

    def names(self) -> list[str]:
        """Every way the subject's terms are written: acronym and expansion."""
        return [n for t in self.terms for n in (t.term, t.expansion)]

    def about(self, sentence: str, title: str = "") -> bool:
        """The sentence is on one of the subject's parts (:func:`parts`); for one part: it names one of the subject's
        terms or policy texts, or, for a subject naming no term, the sentence or the title of its document (a report on
        the UN mission in Timor-Leste) shares one of the subject's content words."""
        if self.parts:
            return any(p.about(sentence, title) for p in self.parts)
        if any(_named(n).search(sentence) for n in self.names()):
            return True
        if any(_named(t).search(sentence) or re.search(DOCUMENT_NAMES[t], sentence, re.IGNORECASE) for t in self.texts):
            return True
        return not self.terms and bool(self.stems & content_stems(f"{sentence} {title}"))


def focus(topic: str, retriever: Retriever) -> Focus:
    """The subject of the request, its glossary terms, and its other content words; and, when it lists subjects
    ("integration, the ISF, the DSRSG/RC/HC role and transitions"), each of them as a part.

    Words inside a named term ("Integrated Strategic Framework") do not count again on their own.
    """
    about = topic_of(topic)
    whole = _focus(about, retriever)
    listed = [f for f in (_focus(p, retriever) for p in parts(about, whole.terms)) if f.terms or f.texts or f.stems]
    if len(listed) > 1:
        whole.parts = listed
    return whole


def _focus(about: str, retriever: Retriever) -> Focus:
    terms = retriever.glossary.matches(about)
    rest = about
    for t in terms:
        rest = _named(t.expansion).sub(" ", _named(t.term).sub(" ", rest))
    texts = [doc for doc, pattern in DOCUMENT_NAMES.items() if re.search(pattern, about, re.IGNORECASE)]
    return Focus(subject=about, terms=terms, stems=content_stems(rest), texts=texts)


def parts(about: str, terms: list[Term]) -> list[str]:
    """The subjects a topic lists, split at commas, semicolons and 'and' — never inside a term's name ("Deputy Special
    Representative …, Resident Coordinator and Humanitarian Coordinator"); after a colon, only the list it introduces.

    >>> parts("how the mission and the team work together: integration, the ISF and transitions", [])
    ['integration', 'the ISF', 'transitions']
    """
    names = sorted({n for t in terms for n in (t.expansion, t.term)}, key=len, reverse=True)
    held: list[str] = []

    def hold(m: re.Match) -> str:
        held.append(m.group(0))
        return f"\x00{len(held) - 1}\x00"

    text = about
    for n in names:
        text = _named(n).sub(hold, text)
    head, colon, tail = text.partition(":")
    listed = tail if colon and re.search(r",|\band\b", tail) else text
    split = [p.strip(" .") for p in re.split(r"\s*(?:[,;]|\band\b)\s*", listed)]
    return [re.sub(r"\x00(\d+)\x00", lambda m: held[int(m.group(1))], p) for p in split if p]


def sentence_count(name_patterns: list[re.Pattern], retriever: Retriever) -> int:
    """Library passages (not catalogue entries) that name any of the patterns."""
    retriever.refresh()
    return sum(1 for r in retriever.records if r.meta.origin != "catalogue" and any(p.search(r.text) for p in name_patterns))


def coverage_notes(topic: str, retriever: Retriever) -> list[str]:
    """For each term the subject names: a note when the library never names it, or names it in few passages."""
    notes = []
    for t in focus(topic, retriever).terms:
        n = sentence_count([_named(t.term), _named(t.expansion)], retriever)
        if n == 0:
            notes.append(f"The library's documents never mention the {t.expansion} ({t.term}): items on it come from the "
                         "project glossary only, and the policy texts that define it (the IAP Policy 2013 and Handbook) are not "
                         "in the library.")
        elif n < FEW:
            notes.append(f"The library holds only {n} passage{'s' if n > 1 else ''} naming the {t.expansion} ({t.term}): "
                         "items on it quote them where one gives an item (a passage naming it in passing gives none), and "
                         "related concepts from the glossary fill the rest.")  # trial 7: "asks what they say" asked nothing
    return notes


def off_subject(topic: str, retriever: Retriever) -> str:
    """Why no quiz can be built when the subject names a code the library holds but never with the rest of the subject
    (fewer than half its content words in any one sentence naming the code); '' when it can."""
    about = topic_of(topic)
    for code in codes(about):
        rest = content_stems(about)
        if not rest:
            continue
        pattern = re.compile(rf"\b{re.escape(code)}\b")
        retriever.refresh()
        best = max((len(rest & content_stems(s)) for r in retriever.records if r.meta.origin != "catalogue"
                    and pattern.search(r.text) for s in split_sentences(r.text) if pattern.search(s)), default=0)
        if best * 2 < len(rest):
            words = [w for w in re.findall(r"[A-Za-z][a-z-]{4,}", about) if w.lower()[:STEM] in rest]
            return (f"the library names {code} but never together with {', '.join(f'“{w}”' for w in words)}: items would be "
                    f"on something else")
    return ""
