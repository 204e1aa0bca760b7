"""The extractive answer: gather candidate sentences, decide whether and what to answer, shape it.

Shape: the sentence that answers first (with the sentence it leans on, if it opens with
"It…", "However…", "These…"), the list it introduces shown as a list, then up to three
supporting points — every one quoted verbatim and cited. For "what must/should" questions
non-UN commentary and a Secretary-General's first-person narrative are never quoted as
guidance. A footnote unit, an attribution of the text's sources or a rhetorical question is never a lead
or a point; a footnote that holds what is asked is shown under the sentence citing it (see :mod:`notes`).
A supporting point must be on the question's topic by itself. When the evidence is too weak the plan says
so instead (see :mod:`gaps`).

>>> plan = plan_answer("What must an ISF contain?", get_retriever())      # doctest: +SKIP
>>> plan.decision, plan.lead.text[:40]                                     # doctest: +SKIP
('answer', 'The purpose of the framework was to brin')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from assistant.answering.candidates import candidates, on_topic
from assistant.answering.gaps import (
    asked_share,
    codes_held,
    examples,
    first_ask,
    in_scope_probability,
    predicate_coverage,
    requirement_given,
    unknown_entities,
    unstated,
    verb_held,
    with_kin,
)
from assistant.answering.given import could_answer, pointed_back
from assistant.answering.leads import in_time, not_another, typed_lead
from assistant.answering.missing import aliases, describes, mentions, named_missing_texts, rule_texts, second_hand, setting_out
from assistant.answering.named import (
    cooccurrence,
    expansions,
    from_named,
    known_acronyms,
    library_doc_ids,
    library_passages,
    unheld_terms,
    unknown_terms,
    with_library_names,
)
from assistant.answering.named_documents import named_by_title, named_library_docs
from assistant.answering.premise import corrected_premise
from assistant.answering.question import QuestionInfo, understand, without_condition
from assistant.answering.scoring import Candidate, measure_given, words_of
from assistant.answering.units import Unit, continued, unit_at
from assistant.corpus.manifest import DocumentInfo, load_manifest
from assistant.index.described import described
from assistant.index.lexical import tokenize
from assistant.index.retrieve import Filters, Hit, Retriever
from assistant.index.sentences import SentenceIndex

YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
OUTSIDE_ASK = re.compile(r"\b(?:blog|Itad|UK|U\.K\.|British|HMG|FCDO|CSSF|Whitehall|government departments?)\b", re.IGNORECASE)
SUPPORT_RATIO = 0.5  # a supporting point scores at least this share of the lead's score
SUPPORT_FLOOR = 0.15
REDUNDANT = 0.9  # cosine above which a sentence repeats one already chosen
TOP_FOR_PREDICATE = 3  # the question's predicate must appear in one of the best few sentences
GAP_CLOSEST = 2
GENERIC_TERMS = frozenset({"un", "unit", "nation"})


@dataclass
class Plan:
    """What the extractive answer will say, before numbering and verification."""

    q: QuestionInfo
    decision: str  # answer, gap, not_covered
    hits: list[Hit]
    units: list[Unit] = field(default_factory=list)
    missing: list[DocumentInfo] = field(default_factory=list)
    second_hand: dict[str, list[str]] = field(default_factory=dict)
    unknown: list[str] = field(default_factory=list)
    scope: dict[str, float] = field(default_factory=dict)
    p_in: float = 0.0
    candidates: list[Candidate] = field(default_factory=list)  # those that may be quoted, best first
    evidence: list[Candidate] = field(default_factory=list)  # every scored sentence (what the scope weights see)
    apart: list[str] = field(default_factory=list)  # named things the library holds, never in one passage
    premise: str = ""  # the correction a gap answer opens with instead of the unstated-fact sentence (see premise)
    asked: list[str] = field(default_factory=list)  # a follow-up's own ask ('women'): what a pointer's excerpt shows

    @property
    def lead(self) -> Unit | None:
        """The lead unit, if the plan answers."""
        return next((u for u in self.units if u.role == "lead"), None)


def scope_features(q: QuestionInfo, hits: list[Hit], found: list[Candidate], unknown: list[str],
                   together: float = 1.0, novel: float = 0.0) -> dict[str, float]:
    """Question-level evidence: retrieval (passages), answer (best sentences) and named things (library).

    ``together``: the best share of the question's named things found in the library that one passage holds
    together; ``novel``: the share of its content words that no passage uses (:mod:`named`).
    """
    terms = set(q.terms) - GENERIC_TERMS
    coverage = max((len(terms & set(tokenize(h.text))) / max(1, len(terms)) for h in hits[:3]), default=0.0)
    return {
        "passage_similarity": max((h.similarity for h in hits), default=0.0),
        "coverage": coverage,
        "best_candidate": found[0].plain if found else 0.0,
        "unknown_entities": len(unknown) / len(q.entities) if q.entities else 0.0,
        "predicate_coverage": predicate_coverage(q, [c.text for c in found[:TOP_FOR_PREDICATE]]) if found else 0.0,
        "best_dense": max((c.features["dense"] for c in found), default=0.0),
        "cooccurrence": together,
        "unknown_terms": novel,
        # hard evidence that the library is not about this: a named thing it lacks, or named things it never
        # mentions together; a word it never uses is weaker evidence (a planner's paraphrase: 'lenders')
        "named_absent": float(bool(unknown) or together < 1.0),
        "novel_word": float(novel > 0.0),
    }


def named_unknown(text: str, retriever: Retriever) -> list[str]:
    """The named things in a text that the library never mentions ('Norvania', '2027'): a setting that is the asker's own."""
    return unknown_entities(understand(text), retriever.sentences.library_text, known_acronyms(retriever))


def plan_answer(question: str, retriever: Retriever, filters: Filters | None = None, search_query: str | None = None,
                exclude: set[str] | None = None, hits: list[Hit] | None = None) -> Plan:
    """Decide and select: every judgment of the extractive answer, nothing rendered yet."""
    query = search_query or question
    q = with_library_names(understand(query), retriever)
    hits = hits if hits is not None else retriever.search(query, filters=filters, by_sentence=False)
    index = retriever.sentences
    library_docs = library_doc_ids(retriever)
    manifest = load_manifest(retriever.settings.corpus_dir)
    missing = named_missing_texts(question + " " + query, manifest, library_docs)
    premise, misnamed = corrected_premise(question, manifest, library_docs, library_passages(retriever), missing)
    missing += misnamed
    unknown = unknown_entities(q, index.library_text, known_acronyms(retriever))
    unknown += [t for t in unheld_terms(query, retriever) if not any(t.lower() in e.lower() for e in unknown)]
    naming = described(query, [manifest.documents[d] for d in library_docs if d in manifest.documents])
    for doc, words in named_by_title(query, manifest, library_docs).items():  # 'the Itad blog': a name, not the ask
        naming[doc] = naming.get(doc, set()) | words
    every, found = candidates(q, query, hits, retriever, filters, exclude or set(), naming) if hits else ([], [])
    titles = " ".join(a for m in missing for a in aliases(m)).lower()  # a missing text's name gets its own note
    given = examples(q)
    names = {t for words in naming.values() for t in words}  # 'Boutellis' names a document, not a thing asked of it
    present = [e for e in q.entities if e not in unknown and e.lower() not in titles and e not in given
               and not set(tokenize(e)) <= names]
    named_as = expansions(retriever, q.defined)
    together = cooccurrence(present, library_passages(retriever), named_as) if len(present) > 1 else 1.0
    named_terms = {t for e in q.entities for t in tokenize(e)}
    novel = unknown_terms([t for t in q.terms if t not in GENERIC_TERMS and t not in named_terms], retriever)
    scope = scope_features(q, hits, every, unknown, together, novel)  # every candidate: what the weights were fitted on
    plan = Plan(q=q, decision="answer", hits=hits, missing=missing, unknown=unknown, scope=scope,
                apart=present if together < 1.0 else [],
                p_in=in_scope_probability(scope), candidates=found, evidence=every)
    settings = retriever.settings
    own = q if query == question else understand(without_condition(question))  # a follow-up's own words
    top = every[:TOP_FOR_PREDICATE]
    measured = [c.text for c in top if codes_held(q, f"{c.text} {_document(retriever, c.row)}", named_as)]
    gap = bool(every) and unstated(q, scope["predicate_coverage"],  # the ask in a follow-up's own words counts too
                                   max(asked_share(x, c.text) for x in (q, own) for c in every[:2]), settings.gap_focus,
                                   verb_held(q, [c.text for c in top]), measure_given(first_ask(q.text), measured)
                                   and requirement_given(q.text, [c.text for c in top]))
    asked = own.predicate_terms if query != question else None  # a follow-up's own new ask
    if premise:  # correct the premise before quoting anything about it; then the closest passages on topic
        plan.decision, plan.premise, plan.units = "gap", premise, closest([c for c in found if on_topic(c)], retriever)
    elif not found or plan.p_in < settings.scope_threshold and (unknown or not gap) or not any(map(on_topic, found)):
        plan.decision = "not_covered"
    elif gap:
        plan.decision = "gap"
        plan.units = closest(found, retriever)
        plan.missing = missing + [m for m in setting_out(question, manifest, library_docs) if m not in missing]  # the
        # texts that would state it
    else:
        named = named_library_docs(query, manifest, library_docs) | set(naming)
        plan.asked = asked or []
        plan.units = select(q, from_named(found, named, retriever), retriever, asked, YEAR.findall(question))
        if missing and plan.lead and not any(describes(plan.lead.text, m, q) for m in missing):
            # asked what a text the library lacks says, and no lead describes it second-hand: a gap, not an answer
            # from other texts; the closest passages are those that describe it, first
            plan.decision = "gap"
            plan.units = closest(sorted(found, key=lambda c: not any(mentions(c.text, m) for m in missing)), retriever)
        else:  # the rule asked is set out in a text the library lacks: the answer says so beside what it quotes
            plan.missing = missing + [m for m in rule_texts(question, plan.lead.text if plan.lead else "", manifest,
                                                            library_docs) if m not in missing]
    plan.second_hand = {m.id: second_hand(m, retriever) for m in plan.missing}  # who describes each text the library lacks
    return plan


def _document(retriever: Retriever, row: int) -> str:
    """A candidate's passage with its document's title and short citation: what names the mission it is about."""
    record = retriever.records[row]
    return f"{record.text} {record.meta.title} {record.meta.short}"


def closest(found: list[Candidate], retriever: Retriever) -> list[Unit]:
    """A gap answer's nearest passages: the best GAP_CLOSEST candidates not given earlier, none quoted twice."""
    units: list[Unit] = []
    for c in (c for c in found if not c.given):
        if sum(u.role == "closest" for u in units) >= GAP_CLOSEST:
            break
        new = _units(retriever, c, "closest")
        if not {i for u in units for i in u.indices} & {i for u in new for i in u.indices}:
            units += new
    return units


def _guidance_ok(q: QuestionInfo, c: Candidate) -> bool:
    """For what-must/should questions: never non-UN commentary, never the SG in the first person. Nor does commentary
    lead on a named UN thing unless outside practice is asked ("What is the Integrated Task Force …?", trial 9)."""
    outside = c.source_type != "commentary" or not [e for e in q.entities if not e.isdigit()] or bool(OUTSIDE_ASK.search(q.text))
    return outside and (not q.normative or not c.features["first_person"])


def _unit(retriever: Retriever, c: Candidate, role: str) -> Unit:
    """The candidate with the sentences it leans on; alone when it leans on one quoted earlier in the conversation, which
    is never repeated ("However, there would also be a secondary reporting line …" after "… reports primarily to …")."""
    if c.after_given and role != "given":  # a pointer shows the whole sentence quoted earlier, what it leans on too
        index = retriever.sentences
        return Unit(indices=[c.index], text=index.texts[c.index], rows=[int(index.rows[c.index])], role=role, score=c.score)
    return unit_at(retriever.sentences, c.index, role, c.score)


def _antecedent(retriever: Retriever, c: Candidate, asked: list[str], years: list[str], qtype: str) -> Unit:
    """The sentences quoted earlier that a candidate leans on, pointed to: as the answer ('given') when they answer the
    follow-up (:func:`given.could_answer`), else as what it goes on from ('before') — "… reports primarily to the SRSG"
    is no answer to "Why are humanitarian NGOs uneasy about that arrangement?"."""
    index, chain = retriever.sentences, retriever.sentences.with_predecessors(c.index)[:-1]
    text = " ".join(index.texts[j] for j in chain)
    answers = could_answer(asked, years, Candidate(chain[0], text, int(index.rows[chain[0]]), None, c.source_type), qtype)
    return Unit(indices=chain, text=text, rows=list(dict.fromkeys(int(index.rows[j]) for j in chain)),
                role="given" if answers else "before", score=c.score)


def _pointer(retriever: Retriever, c: Candidate) -> Unit:
    """The sentence quoted earlier that answers, pointed to (not repeated), with the footnote holding the ask."""
    unit, *note = _units(retriever, c, "given")
    return Unit(unit.indices + [i for n in note for i in n.indices], " ".join(u.text for u in (unit, *note)),
                list(dict.fromkeys(unit.rows + [r for n in note for r in n.rows])), "given", c.score)


def _units(retriever: Retriever, c: Candidate, role: str) -> list[Unit]:
    """The unit quoting a candidate, and the footnote linked to it as its source, if any."""
    units = [_unit(retriever, c, role)]
    if c.note is not None:  # a note leaning on its own first sentence is quoted with it
        units.append(unit_at(retriever.sentences, c.note, "note", c.score))
    return units


def lead_pool(q: QuestionInfo, found: list[Candidate]) -> list[Candidate]:
    """Who may lead, best first: guidance for must/should questions, and on topic by itself, as a supporting point
    must be (a high score from one shared word — 'funds' in an audit report — does not make an answer)."""
    allowed = [c for c in found if _guidance_ok(q, c)] or found
    return [c for c in allowed if c.given or on_topic(c)] or allowed


def _items(index: SentenceIndex, c: Candidate) -> list[Unit]:
    """The list a sentence introduces ('… the following reasons:'), each item its own unit."""
    if not c.text.rstrip().endswith(":"):
        return []
    return [Unit(indices=[i], text=index.texts[i], rows=[int(index.rows[i])], role="item", score=c.score)
            for i in index.following_items(c.index)]


def select(q: QuestionInfo, found: list[Candidate], retriever: Retriever, asked: list[str] | None = None,
           years: list[str] | None = None) -> list[Unit]:
    """Lead, the list it introduces, and up to three non-redundant supporting points.

    ``asked``: what a follow-up newly asks, in its own words ('conclud' in 'what did it conclude?'); by default
    the question's predicate."""
    index = retriever.sentences
    allowed = lead_pool(q, found)
    units: list[Unit] = []
    pointed = pointed_back(q.predicate_terms if asked is None else asked, allowed, SUPPORT_RATIO, years or [], q.type)
    if pointed is not None:  # the answer was quoted earlier in the conversation: point back, do not repeat it
        units.append(_pointer(retriever, pointed))
    allowed = in_time(YEAR.findall(q.text), [c for c in allowed if not c.given] or allowed, retriever)
    if pointed is not None and asked:  # what is added to an answer quoted above holds all the follow-up's own ask
        allowed = [c for c in allowed if set(asked) <= with_kin(set(words_of(c.text)))]
        if not allowed:
            return units
    lead = typed_lead(q, not_another(q, allowed), found)
    allowed = [lead, *[c for c in allowed if c is not lead]]
    ask = q.predicate_terms if asked is None else asked
    if pointed is None and lead.after_given:  # it goes on from a sentence quoted earlier: point to that one first
        units.append(_antecedent(retriever, lead, ask, years or [], q.type))
    units.extend(_units(retriever, lead, "lead"))
    units += _items(index, lead)
    used = {i for u in units for i in u.indices}
    chosen = [index.vectors[i] for i in used]
    for c in [c for c in allowed if c is not lead]:
        if sum(u.role == "support" for u in units) >= retriever.settings.answer_points:
            break
        if c.score < max(SUPPORT_FLOOR, lead.score * SUPPORT_RATIO):
            break
        if not on_topic(c):
            continue
        unit, *note = _units(retriever, c, "support")
        if not note and continued(units, unit, used, index):  # it goes on from a sentence quoted: quoted with it
            used.add(c.index)
            continue
        if c.index in used or _redundant(index, unit.indices, chosen):  # the predecessors it is quoted with count too
            continue
        items = _items(index, c)
        if used & {i for u in (unit, *items) for i in u.indices} or unit.text.rstrip().endswith(":") and not items:
            continue  # a sentence introducing a list is never quoted without the list
        if c.after_given and not any(u.role in ("given", "before") for u in units):  # the sentence it goes on from:
            before = _antecedent(retriever, c, ask, years or [], q.type)
            if before.role == "given":
                units.insert(0, before)  # it answers: pointed to first
            else:
                units.append(before)  # only what the point goes on from: just before the point
        units += [unit, *note, *items]
        used.update(i for u in (unit, *note, *items) for i in u.indices)
        chosen.append(index.vectors[c.index])
    return units


def _redundant(index: SentenceIndex, indices: list[int], chosen: list[np.ndarray]) -> bool:
    """Does any sentence of a unit say again what a chosen sentence said (another report's same opening)?"""
    return any(float(np.dot(index.vectors[i], v)) > REDUNDANT for i in indices for v in chosen)
