"""Documents a question asks for: does the library hold, or at least mention, an issuer's policy on that subject?

"Which DPO policy governs unmanned aerial systems?", "What does the DPPA guidance on mediation
support say about special envoys?" sound like the library: DPO, policy, guidance and mediation all
occur in it. But the question asks about one document — a policy, guidance, directive, SOP, module
on a subject — and no sentence of the library mentions such a document on that subject. Quoting
what the library says about policies or about mediation would answer a question nobody asked;
the honest answer is that the library does not mention such a document.

A subject counts as mentioned when one sentence names a document kind (any of DOC_KINDS) with every
content word of the subject (by stem) close to it: within NEAR words either side of the span the
subject needs ("the DPKO policy directive on JOC and JMAC", "electoral and mediation support
guidelines"), not anywhere in a long sentence that lists policies among other things. Catalogued
canonical texts are judged elsewhere (their own "… is not in the library" note, :mod:`gaps`).

>>> sought_document("Which DPO policy governs unmanned aerial systems?")
('DPO policy', 'unmanned aerial systems')
>>> sought_document("What does the DPPA guidance on mediation support say about the role of special envoys?")
('DPPA guidance', 'mediation support')
>>> sought_document("What does the DPO Protection of Civilians handbook require of battalions?")
('DPO handbook', 'Protection of Civilians')
>>> sought_document("What must an ISF contain?") is None
True
"""

from __future__ import annotations

import re

from assistant.answering.named import per_index
from assistant.index.lexical import tokenize
from assistant.index.retrieve import Retriever

DOC_KINDS = (r"polic(?:y|ies)|guidance|guidelines?|directives?|standard operating procedures?|SOPs?|handbooks?|manuals?"
             r"|modules?|doctrines?|instructions?|toolkits?|templates?")
ISSUER = r"(?:(?:the\s+)?(?-i:[A-Z][A-Z/]{1,9}|\d{4})\s+){0,3}"  # 'DPO', 'DPPA', '2019 DPO'
SOUGHT = re.compile(
    rf"(?P<doc>{ISSUER}(?:{DOC_KINDS}))\s+(?:on|for|about|governing|(?:that|which)\s+governs?|governs?)\s+"
    rf"(?P<subject>[\w\s,'/-]+?)(?=\s+(?:say|says|said|require|requires|state|states|provide|provides|recommend|"
    rf"define|defines|set|sets|in\s+(?:19|20)\d\d|(?:is|was|were|are|has|have|had|been|first)\b|released|issued|adopted|"
    rf"approved|published|introduced|launched|signed|endorsed|came|come)\b|[?,.;]|$)", re.I)
# the subject named before the document: 'the DPO Protection of Civilians handbook', 'UNDP Rule of Law manual'
# (an issuer's acronym, then a subject in title case, then the kind; 'IMPP Guidelines' names no subject)
TITLED = re.compile(rf"(?<![\w/])(?P<issuer>[A-Z][A-Z/]{{1,9}})\s+(?P<subject>[A-Z][\w'-]*(?:\s+(?:(?:of|and|for|on|in|the)\s+)*"
                    rf"[A-Z][\w'-]*){{0,5}}?)\s+(?P<kind>(?i:{DOC_KINDS}))\b")
KIND_WORD = re.compile(rf"\b(?:{DOC_KINDS})\b", re.I)
KIND_STEMS = frozenset(tokenize("policy policies guidance guideline guidelines directive directives procedure procedures "
                                "sop sops handbook handbooks manual manuals module modules doctrine doctrines "
                                "instruction instructions toolkit toolkits template templates"))
NEAR = 3
LEADING = re.compile(r"^(?:the|a|an|its|their)\s+", re.I)


def sought_document(question: str) -> tuple[str, str] | None:
    """('DPO policy', 'unmanned aerial systems') when the question asks about a document on a subject."""
    m = SOUGHT.search(question)
    if not m:
        titled = TITLED.search(question)
        if titled is None or KIND_WORD.fullmatch(titled.group("subject").split()[0]):
            return None
        return f"{titled['issuer']} {titled['kind'].lower()}", titled["subject"]
    subject = LEADING.sub("", m.group("subject").strip())
    doc = LEADING.sub("", m.group("doc").strip())
    return (doc, subject) if tokenize(subject) else None


def mentions_document_on(subject: str, retriever: Retriever) -> bool:
    """Does one sentence of the library name a document kind with every content word of the subject near it?"""
    wanted = set(tokenize(subject))
    index = retriever.sentences
    sentences = per_index("document_sentences", retriever, index,
                          lambda: [tokenize(t) for t in index.texts if KIND_WORD.search(t)])
    return any(near_kind(words, wanted) for words in sentences if wanted <= set(words))


def near_kind(words: list[str], wanted: set[str]) -> bool:
    """Do the wanted stems all fall within NEAR words (plus the subject's own length) of a document-kind word?

    >>> near_kind(tokenize("The first DPKO policy directive on JOC and JMAC was released"), {"joc", "jmac"})
    True
    >>> near_kind(tokenize("products, which could be based on the existing models for electoral assistance or "
    ...                    "mediation support, and enablers, such as system-wide lessons learned, policies, and planning"),
    ...           {"mediat", "support"})
    False
    """
    reach = NEAR + len(wanted)
    for p, word in enumerate(words):
        if word in KIND_STEMS and wanted <= set(words[max(0, p - reach):p + reach + 1]):
            return True
    return False


def unheld_document(question: str, retriever: Retriever) -> str:
    """'The library does not mention any DPO policy on unmanned aerial systems.' — or '' when the question asks for
    no document, or the library mentions one on its subject."""
    sought = sought_document(question)
    if sought is None:
        return ""
    names = [sought[1]] + [t.term for t in retriever.glossary.matches(sought[1])]  # 'joint mission analysis center': JMAC
    if any(mentions_document_on(name, retriever) for name in names):
        return ""
    doc, subject = sought
    return f"The library does not mention any {doc} on {subject}."


__all__ = ["mentions_document_on", "near_kind", "sought_document", "unheld_document"]
