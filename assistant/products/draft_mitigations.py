"""Mitigations for the rows of a risks table, when the request asks for them.

"Include humanitarian-space risks and mitigations": a table whose every mitigation is "[to be agreed]"
does not answer that. Each row gets, in this order: a sentence from the library that says how such a
risk was handled or must be handled (it shares the risk's subject words and carries the language of a
response — ensure, agree, consult, separate…), cited and marked "from the library, adapt"; else a
proposal from a short catalogue of common integrated-planning mitigations, marked as proposed by this
tool and not from the library, for the team to agree; else the generic proposal (an owner, an indicator and a trigger,
reviewed at each SLF). Nothing here is stated
as policy: the IAP safeguards themselves are in the IAP Policy, which the draft says is missing when
the library lacks it.

>>> proposed("Humanitarian organizations object to co-branded quick-impact projects in the north").startswith("Proposed")
True
>>> proposed("The port closes in winter")
''
"""

from __future__ import annotations

import re
from collections.abc import Collection

from assistant.answering.verify import split_sentences
from assistant.citation import CitationBook
from assistant.index.retrieve import Filters, Retriever
from assistant.products.statements import GUIDANCE_TYPES, PRACTICE_TYPES, tidy

RESPONSE = re.compile(r"\b(?:ensur\w*|agree\w*|consult\w*|separat\w*|distinct\w*|mitigat\w*|safeguard\w*|clarif\w*|avoid\w*|"
                      r"minimi[sz]\w*|coordinat\w*|mechanisms?|dialogue|joint(?:ly)?|sequenc\w*|conditions?|benchmarks?)\b",
                      re.IGNORECASE)
FIRST_PERSON = re.compile(r"\b(?:I|my|we|our)\b")
STOP = frozenset({"united", "nations", "mission", "missions", "country", "their", "which", "would", "could", "there", "about",
                  "other", "these", "those", "where", "under", "within", "agenda", "confirm"})
CLOSE = 0.5  # cosine of a cited mitigation to its risk
PROPOSED = "Proposed (not from the library):"
# Common integrated-planning mitigations, by what the risk is about. Drafting proposals, never cited as policy.
CATALOGUE = (
    (r"access|safety of aid workers|aid workers", "review each integrated activity's effect on access with the HCT before "
     "approval, and keep a standing channel between OCHA and the mission's security components"),
    (r"co-?brand|quick[- ]impact|\bQIPs?\b", "agree with the Humanitarian Country Team, before a project starts, which "
     "projects carry the mission's name; humanitarian assistance stays unbranded and delivered by humanitarian actors"),
    (r"perceiv|perception|political or security agenda", "keep humanitarian coordination (HC, HCT, OCHA) visibly distinct "
     "from the mission's political and security structures, and agree public messaging with the Humanitarian Coordinator"),
    (r"logistic|army operations|support (?:to|for) (?:the )?(?:national )?(?:army|armed|security) forces", "attach written "
     "conditions to any support to national forces, screen the units supported and review the support at each SLF"),
    (r"fund\w* (?:\w+ ){0,3}ends|funding|financial cliff|budget cut|donors? (?:\w+ )?cut\w*|cutting back",
     "map each programme that depends on mission funding and agree with "
     "the UNCT and donors, a year ahead, which are transferred, co-funded or closed"),
    (r"expel\w*|human rights (?:officers|reports?|reporting)", "agree with OHCHR and the head of mission which findings "
     "are raised with the Government privately first and which are published, and keep human rights reporting apart from "
     "programme negotiations with the Government"),
    (r"consent|host government|government (?:rejects|refuses|resists|wants)", "agree with the Government a joint review of the "
     "framework's priorities and keep one UN voice towards it through the SLF"),
    (r"hate speech|incitement|disinformation|misinformation", "agree with the electoral body and civil society a joint "
     "watch on hate speech (political affairs, OHCHR, UNDP), with a response line the SLF clears within a day"),
    (r"\bland\b|property|occupied", "agree with the Government and UNHCR how land and property claims in return areas are "
     "settled (a mechanism, who mediates, its caseload), and pace returns to areas where claims are being settled"),
    (r"\bescorts?\b", "let the Humanitarian Coordinator decide on armed escorts under the last-resort criteria, agree with "
     "the HCT alternatives (route security, deconfliction, timing) and how the mission protects civilians without them"),
    (r"displac|returns?\b|returnees|\bIDPs?\b", "agree with the Government, UNHCR and IOM who monitors protection in the "
     "return areas, and tie each return area's support to a service benchmark"),
    (r"human rights monitoring|protection of civilians|\bPOC\b|armed groups?|attacks? on civilians", "agree an early-warning "
     "and response arrangement (mission, OHCHR, protection cluster) and, with dates, which protection tasks the country "
     "team and the Government take over"),
    (r"boycott|(?:national|political) dialogue|mediation|peace talks|spoilers?", "keep the head of mission's good offices "
     "open to every party, agree with the country team one public line on the process, and name who engages the parties "
     "staying out and on what terms"),
    (r"civic space|journalists?|activists?|human rights defenders|arrests?|detain\w*|freedom of (?:expression|assembly)",
     "agree with OHCHR a line of private engagement and public reporting on each arrest, and a trigger for raising it at "
     "the head of mission's level"),
    (r"election", "set up a joint electoral-risk watch (mission political affairs, UNDP, the electoral body) and agree "
     "triggers for raising concerns with the Government and for scaling UN support up or down"),
    (r"capacity|staff|analysis|closure of the office", "name who takes over each function before posts end, and hand over "
     "analysis products and contacts in a documented transfer plan"),
)


AGENCIES = ("UNHCR", "IOM", "UNDP", "OHCHR", "UNICEF", "OCHA")  # the catalogue's agencies: named only where listed
STAND_IN = {"OCHA": "the Humanitarian Coordinator"}  # an unlisted agency that is one side of a 'between': its function


def proposed(risk: str, listed: Collection[str] | None = None) -> str:
    """A catalogue mitigation for the risk, marked as proposed; '' when none fits. With ``listed`` (the entities a
    context lists), an agency it does not list is left out (trial 10: "UNHCR and IOM" for a team without IOM).

    >>> proposed("Returns of displaced people to the Tessa region", ["UNHCR"])[33:81]
    'agree with the Government and UNHCR who monitors'
    >>> "between the Humanitarian Coordinator and the mission" in proposed("Access for aid workers", ["UNHCR"])
    True
    """
    text = next((t for pattern, t in CATALOGUE if re.search(pattern, risk, re.IGNORECASE)), "")
    for agency in AGENCIES:
        if listed is not None and agency not in listed and agency in STAND_IN:  # 'a channel between OCHA and the mission'
            text = re.sub(rf"\bbetween {agency}\b", f"between {STAND_IN[agency]}", text)
        if listed is not None and agency not in listed:
            text = re.sub(rf",? (?:and )?{agency}\b(?=[ ,)])|\b{agency}(?:,| and) ", "", text)
    text = re.sub(r", (\w+) who", r" and \1 who", text)  # 'the Government, UNHCR who' -> 'the Government and UNHCR who'
    return f"{PROPOSED} {text}." if text else ""


def _words(text: str) -> set[str]:
    return {w.lower()[:6] for w in re.findall(r"[A-Za-z][a-z-]{4,}", text) if w.lower() not in STOP}


def cited(risk: str, retriever: Retriever, book: CitationBook, used: set[str]) -> str:
    """A library sentence on handling this risk: half its subject words (two at least), close in meaning, and the
    language of a response; '' if none."""
    wanted = _words(risk)
    need = max(2, -(-len(wanted) // 2))
    if len(wanted) < 2:
        return ""
    target = retriever.encoder.query_vector(risk)
    for hit in retriever.search(f"{risk} mitigate ensure", k=12, filters=Filters(types=[*GUIDANCE_TYPES, *PRACTICE_TYPES])):
        for sentence in split_sentences(hit.text):
            sentence = tidy(sentence)
            if (sentence not in used and 40 <= len(sentence) <= 400 and RESPONSE.search(sentence)
                    and not FIRST_PERSON.search(sentence) and len(wanted & _words(sentence)) >= need
                    and float(retriever.encoder.encode_cached([sentence])[0] @ target) >= CLOSE):
                used.add(sentence)
                return f"From the library (adapt): “{sentence}” ({hit.short}) [{book.cite(hit.citation(0))}]"
    return ""


# For a row no catalogue entry fits: what every mitigation needs, proposed so that no row asked for is left blank.
GENERIC = f"{PROPOSED} name an owner, an early-warning indicator and a trigger for action, and review the risk at each SLF."


def mitigation(risk: str, retriever: Retriever, book: CitationBook, used: set[str],
               listed: Collection[str] | None = None) -> str:
    """The mitigation cell of a risk row (mitigations were asked for): cited from the library, else proposed from the
    catalogue, else the generic proposal (trial 7 found half the rows '[to be agreed]' after 'propose mitigations')."""
    return cited(risk, retriever, book, used) or proposed(risk, listed) or GENERIC
