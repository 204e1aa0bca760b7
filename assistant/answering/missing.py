"""Canonical texts the library lacks: the names a planner gives them, the note, and who describes them second-hand.

A question naming one (the Brahimi Report, the 2013 IAP Policy, the 2006 Note of Guidance…) gets a note "<short title>
is not in the library" with its official address and how to add it (:func:`missing_note`); asked what such a text says,
an answer leads with a sentence that describes it second-hand (:func:`describes`), or says the library does not state it.

>>> info = DocumentInfo(id="b", title="Panel report (Brahimi Report)", short="Brahimi Report", symbol="A/55/305-S/2000/809")
>>> aliases(info)[:3], aliases(info)[-1]
(['Brahimi Report', 'A/55/305-S/2000/809', 'A/55/305'], 'Brahimi')
>>> aliases(DocumentInfo(id="r", title="Security Council resolution 1996 (2011)", short="S/RES/1996 (2011)",
...                      symbol="S/RES/1996 (2011)"))
['S/RES/1996 (2011)', 'resolution 1996 (2011)', 'resolution 1996', 'Security Council resolution 1996 (2011)']
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from assistant.answering.gaps import words_of_sentence
from assistant.answering.named import per_index
from assistant.answering.question import QuestionInfo, understand
from assistant.citation import MISSING_NOTE
from assistant.corpus.manifest import DocumentInfo, Manifest
from assistant.index.lexical import tokenize
from assistant.index.retrieve import Retriever

GENERIC_ALIASES = frozenset({"policy", "report", "guidelines", "handbook", "doctrine"})
RESOLUTION = re.compile(r"^[SA]/RES/(?P<n>[\d/]+)\s*\((?P<year>\d{4})\)")
DANGLING = frozenset({"of", "on", "for", "the", "and", "in", "to"})


def aliases(info: DocumentInfo) -> list[str]:
    """The names a user might give a catalogued text: short title, symbol, bracketed name, short title without year
    (or the names its catalogue entry gives, where these would name something else too)."""
    if info.names:
        return list(info.names)
    names = [info.short, info.symbol, info.symbol.split("-")[0] if info.symbol else ""]
    names += [n for n in re.findall(r"\(([^)]{4,60})\)", info.title) if re.search(r"[A-Za-z]{3}", n)]  # not '(2011)'

    resolution = RESOLUTION.match(info.symbol or "")
    if resolution:  # 'S/RES/1996 (2011)' is asked for as 'resolution 1996 (2011)' or 'resolution 1996'
        names += [f"resolution {resolution['n']} ({resolution['year']})", f"resolution {resolution['n']}"]
    symbol = "/" in info.short  # a symbol is not a title: no year to drop, no words to take
    names.append(info.short if symbol else re.sub(r"\s*\b(?:19|20)\d{2}\b$", "", info.short))
    title = re.sub(r"^(?:United Nations|UN)\s+", "", info.title.split(":")[0])
    if len(title.split()) >= 3:  # not 'Peacekeeping Operations': a phrase that names many texts names none
        names.append(title)
    body = re.sub(r"\s*\(.*$", "", title.removeprefix("Report of the "))
    if title.startswith("Report of the ") and len(body.split()) >= 4:  # the panel whose report it is
        names.append(body)
    words = [] if symbol else re.sub(r"\s*\b(?:19|20)\d{2}\b", "", info.short).split()
    if len(words) >= 2:
        names.append(" ".join(words[:2]))  # 'IMPP Guidelines: Role of the Field 2010' -> 'IMPP Guidelines'
    names += [w for w in words if w.isupper() and len(w) >= 4]  # 'HIPPO'
    if len(words) == 2 and words[1].lower() in GENERIC_ALIASES and len(words[0]) >= 5 and words[0][:1].isupper():
        names.append(words[0])  # 'Brahimi Report' -> 'Brahimi', 'Capstone Doctrine 2008' -> 'Capstone'
    out = []
    for name in names:
        name = name.strip(" :")
        dangling = name.split()[-1].lower() in DANGLING if name.split() else True  # 'Note of'
        if (len(name) >= 4 and re.search(r"[A-Za-z]", name) and name.lower() not in GENERIC_ALIASES and name not in out
                and not dangling):
            out.append(name)
    return out


def named_missing_texts(question: str, manifest: Manifest, library_doc_ids: AbstractSet[str]) -> list[DocumentInfo]:
    """Catalogued canonical texts the question names that the library does not hold."""
    found = []
    text = question.lower()
    for info in manifest.catalogue.values():
        if info.id in library_doc_ids:
            continue
        if any(re.search(rf"(?<![\w/]){re.escape(a.lower())}(?![\w/])", text) for a in aliases(info)):
            found.append(info)
    return found


def mentions(text: str, info: DocumentInfo) -> bool:
    """Does a sentence name the text (any alias; hyphens as spaces)?

    >>> info = DocumentInfo(id="h", title="Report of the High-Level Independent Panel on Peace Operations", short="HIPPO report")
    >>> mentions("the recommendation of the High level Independent Panel on Peace Operations", info)
    True
    """
    plain = text.lower().replace("-", " ")
    return any(re.search(rf"(?<!\w){re.escape(a.lower().replace('-', ' '))}(?!\w)", plain) for a in aliases(info))


# Asks what a text says (its contents), not about the text (when it was approved, what it replaced).
CONTENTS_ASK = re.compile(r"\b(?:say|says|said|state|states|recommend\w*|set|sets|require\w*|provide\w*|define\w*|"
                          r"describe\w*|calls? for|contain\w*|summari[sz]e|according to)\b", re.IGNORECASE)


def describes(text: str, info: DocumentInfo, q: QuestionInfo) -> bool:
    """Does a sentence describe what the question asks of a text the library lacks: it names the text, and holds
    something asked besides the text's own name ("emphasized the need to contribute to peace-building" names the Brahimi
    Report but says nothing of the mandates asked about)?

    >>> info = DocumentInfo(id="b", title="Panel report (Brahimi Report)", short="Brahimi Report")
    >>> q = understand("What does the Brahimi Report say about clear and achievable mandates?")
    >>> describes("The Brahimi Report emphasized the need to build peace in an integrated manner.", info, q)
    False
    >>> describes("The Brahimi Report called for clear mandates.", info, q)
    True
    >>> describes("The Brahimi Report was issued in 2000.", info, understand("When was the Brahimi Report issued?"))
    True
    """
    if not mentions(text, info):
        return False
    if not CONTENTS_ASK.search(q.text):  # asked about the text ('When was it approved?'), not what it says
        return True
    names = {t for a in aliases(info) for t in tokenize(a)}
    items = [{t} for t in q.predicate_terms if t not in names] + [set(tokenize(e)) - names for e in q.entities]
    words = words_of_sentence(text) - names
    return any(item and item <= words for item in items)


# What the catalogued texts set out, by the words of a question about it: when the library does not state the answer,
# the text that would is named ("How long should an ISF be?" is the IAP Handbook's; the library holds only analyses).
# The last field says whether the words name one thing, so that a lead not naming it is about something else; the
# library's mission reports tell many transitions without the word.
SETS_OUT = (
    (re.compile(r"\b(?:ISFs?|integrated strategic frameworks?|strategic assessments?|integrated task forces?|ITF|"
                r"senior leadership forum|SLF|IAP|integrated assessment)\b", re.IGNORECASE),
     ("iap-policy-2013", "iap-handbook-2014"), True),
    (re.compile(r"\b(?:DSRSG/RC/HC|triple-hatted|DSRSG)\b", re.IGNORECASE), ("nog-2006",), True),
    (re.compile(r"\b(?:transitions?|drawdown|hand\s?over|transfer of (?:tasks|responsibilities)|withdrawal)\b",
                re.IGNORECASE), ("transitions-policy-2013", "s-res-2594-2021"), False),
    (re.compile(r"\b(?:UNSDCF|cooperation frameworks?|(?:2019|development system) reforms?|repositioning)\b",
                re.IGNORECASE), ("unsdcf-guidance-2019", "a-res-72-279"), True),
    (re.compile(r"\b(?:A4P\+?|Action for Peacekeeping)\b", re.IGNORECASE), ("a4p-declaration-2018",), True),
    (re.compile(r"\bconflict[- ]analysis (?:tools?|methods?|methodolog\w+)\b", re.IGNORECASE), ("iap-handbook-2014",), True),
)


def setting_out(question: str, manifest: Manifest, library_doc_ids: AbstractSet[str]) -> list[DocumentInfo]:
    """The catalogued texts that set out what the question asks about and that the library lacks (none for others).

    >>> from assistant.corpus.manifest import load_manifest
    >>> from pathlib import Path
    >>> [d.short for d in setting_out("How long should an ISF be?", load_manifest(Path("corpus")), set())]
    ['IAP Policy 2013', 'IAP Handbook 2014']
    """
    return _lacked([i for pattern, texts, _ in SETS_OUT if pattern.search(question) for i in texts], manifest,
                   library_doc_ids)


def _lacked(ids: list[str], manifest: Manifest, library_doc_ids: AbstractSet[str]) -> list[DocumentInfo]:
    """The catalogued texts of these ids that the library lacks, each once, in order."""
    return [manifest.catalogue[i] for i in dict.fromkeys(ids) if i in manifest.catalogue and i not in library_doc_ids]


# Asks what a rule prescribes — who leads or approves, what is required, how often, how long — which the texts above set
# out and the library's analyses and reports describe only second-hand, if at all.
RULE_ASK = re.compile(r"\b(?:must|should|shall|required?|requirements?|mandatory|compulsory|minimum|obliged|"
                      r"who (?:leads?|signs?|approves?|endorses?|chairs?|decides?|triggers?)|triggered|how often|"
                      r"how long|what period|templates?|procedures?|steps)\b", re.IGNORECASE)


def rule_texts(question: str, lead: str, manifest: Manifest, library_doc_ids: AbstractSet[str]) -> list[DocumentInfo]:
    """The texts that set out what a question asks about (:func:`setting_out`), when it asks for a rule or its answer's
    lead does not name the subject at all (a question on the A4P priorities led by a sentence on integration).

    >>> from assistant.corpus.manifest import load_manifest
    >>> from pathlib import Path
    >>> manifest = load_manifest(Path("corpus"))
    >>> [d.short for d in rule_texts("Who leads a strategic assessment?", "IPI on assessments.", manifest, set())]
    ['IAP Policy 2013', 'IAP Handbook 2014']
    >>> rule_texts("When was the ISF introduced?", "The ISF was introduced in 2008.", manifest, set())
    []
    >>> [d.short for d in rule_texts("What are the A4P areas?", "Integration where it matters.", manifest, set())]
    ['A4P Declaration 2018']
    """
    rule = bool(RULE_ASK.search(question))
    return _lacked([i for pattern, texts, one_thing in SETS_OUT
                    if pattern.search(question) and (rule or one_thing and not pattern.search(lead)) for i in texts],
                   manifest, library_doc_ids)


def missing_note(info: DocumentInfo, second_hand: list[str]) -> str:
    """'<short> is not in the library (<url>). Add it with …; described second-hand in …'."""
    where = f" Described second-hand in: {', '.join(second_hand)}." if second_hand else ""
    add = "Add it with `planassist corpus fetch` or upload a copy" if info.url else "Upload a copy to add it"
    return f"{info.short} {MISSING_NOTE} ({info.address}). {add}; until then nothing here quotes it directly.{where}"


def second_hand(info: DocumentInfo, retriever: Retriever) -> list[str]:
    """Short titles of library documents that mention a catalogued text by one of its names (once per loaded index)."""
    names = [a.lower() for a in aliases(info)]
    records = retriever.records

    def mentioning() -> list[str]:
        shorts = [r.meta.short for r in records if any(n in r.text.lower() for n in names)]
        return list(dict.fromkeys(s for s in shorts if s))

    return list(per_index(f"second_hand:{info.id}", retriever, records, mentioning))


__all__ = ["aliases", "describes", "mentions", "missing_note", "named_missing_texts", "rule_texts", "second_hand",
           "understand"]
