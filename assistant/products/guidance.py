"""Guidance that is guidance, and practice labelled as practice, chosen for a planning context.

A drafting officer needs what the policy *requires* of a section, not observations. So a
guidance statement here is a verbatim sentence with normative force — must, should, shall,
required, minimum, mandatory, or the operative verbs of a resolution ("Requests",
"Encourages") — taken only from policy, guidance, resolution or analysis documents. When an
analysis quotes or paraphrases a policy text ("the integrated assessment and planning
policy"), the statement is labelled with that text, "as quoted in" the analysis: the
corpus does not hold the policy itself. First-person narrative ("I regret…") and
commentary (the Itad blog) never count as guidance. Practice examples come from reports
and are labelled practice.

Sentences are ranked against two things: the section's question and the drafter's context
(presence, phase, mandated tasks, priorities, tensions), so a special political mission
preparing its withdrawal and a peacekeeping operation in transition get different
statements. A guidance statement must also be close to the context unless it is the section's
core requirement (it answers the section's question closely): generic statements that would
repeat in every draft are left out. A statement is used once per document. A chooser can be held to a
subject (a section's words: :mod:`assistant.products.draft_subject`) and told what does not apply to its
presence at all (an SPM has no troops). The requirement test reads the main clause ("While flexibility will
always be required, …" concedes a point), a sentence opening on what came before ("Nonetheless, …") is not
quoted, and a policy an analysis quotes counts only where the analysis says what the policy states or requires.

>>> is_normative("The ISF should be reviewed annually.")
True
>>> is_normative("While flexibility will always be required, more formal guidance may allow a clearer division of labour.")
False
>>> policy_label("The decision clearly stated that the principle of integration should be applied.")
'Decision 2008/24'
>>> tidy("The Secretary-General’s report¹⁶ was issued.")
'The Secretary-General’s report was issued.'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from assistant.answering.verify import split_sentences
from assistant.citation import CitationBook
from assistant.index.lexical import tokenize
from assistant.index.retrieve import Filters, Hit, Retriever
from assistant.index.sentences import FOOTNOTE_BREAK, INSTRUCTION_LIKE, LEADING_NUMBER, NOT_QUOTABLE
from assistant.products.export import Block

GUIDANCE_TYPES = ("policy", "guidance", "resolution", "analysis")
PRACTICE_TYPES = ("report",)
STRONG = re.compile(
    r"\b(must|shall|mandatory|(?:is|are|be|was|were) required|required to|minimum (?:and mandatory )?requirements?|"
    r"made into a requirement|critical requirements?|requirements? of the)\b"
    r"|^(Requests|Requesting|Encourages|Encouraging|Calls (?:up)?on|Calls for|Urges|Decides|Stresses|Emphasizes|"
    r"Underscores|Underlines|Invites|Affirms|Reaffirms)\b",
    re.IGNORECASE,
)
ADVISORY = re.compile(r"\b(should|needs? to|ought to)\b", re.IGNORECASE)
REPORTED = re.compile(r"\b(argues?|argued|favou?red|considered|believed?|views?|whether|divided|attempts|linked to)\b",
    re.IGNORECASE)
ANAPHORA = re.compile(r"^(This|These|Those|They|It|Its|Such|And|But|Or|Moreover|However|In practice|Instead|To begin with|"
                      r"Furthermore|In addition|As such|For this reason|Therefore|Thus|Nonetheless|Nevertheless|Yet|Still|"
                      r"Hence|Accordingly|Consequently|Indeed|Similarly|Likewise|Again|Even so|That said)\b")
# A leading concessive clause ('While flexibility will always be required, …') grants a point: its 'required' is not
# what the sentence asks for, so the requirement test reads the main clause only.
CONCESSION = re.compile(r"^(?:While|Whilst|Although|Though|Even though|Even if|Despite|Notwithstanding)\b[^,;]*,\s*",
                        re.IGNORECASE)
# A policy quoted by an analysis counts as guidance only where the analysis says what the policy states or requires,
# not where it tells the policy's history ('… faced strong opposition from agencies, largely because "…"').
POLICY_SAYS = re.compile(r"\b(?:stated?|states|specifie[sd]|specify|requires?|required|defines?|defined|provides?|"
                         r"recommend\w*|calls? for|called for|positions|sets? out|mandates?|as the)\b", re.IGNORECASE)
FIRST_PERSON = re.compile(r"\b(?:I|me|my|My|we|We|our|Our|us)\b(?!\))")
# Policy texts the corpus does not hold but its analyses quote: (label, how a sentence refers to it).
QUOTED_POLICIES: tuple[tuple[str, re.Pattern], ...] = (
    ("IAP Policy 2013",
        re.compile(r"integrated assessment and planning (?:\(IAP\) )?policy|\bIAP policy|\bthe policy "
            r"(?:builds|states|requires|sets)", re.I)),
    ("Decision 2008/24",
        re.compile(r"2008 (?:Policy Committee )?decision|Policy Committee decision|decision 2008/24|\bthe decision (?:clearly "
            r")?stated", re.I)),
    ("Note of Guidance 2006", re.compile(r"Note of Guidance", re.I)),
    ("Brahimi Report 2000", re.compile(r"Brahimi", re.I)),
    ("Report on Integrated Missions 2005",
        re.compile(r"Report on Integrated Missions|independent study on integration in 2005", re.I)),
    ("IMPP Guidelines", re.compile(r"\bIMPP\b|integrated mission planning (?:process|guidelines)", re.I)),
    ("DPKO policy directive on JOC/JMAC 2006", re.compile(r"policy directive on JOC", re.I)),
    ("CIVCAP report 2011", re.compile(r"\bCIVCAP\b|Civilian Capacity in the Aftermath", re.I)),
)
# An operative paragraph asking a body to report, update, share or keep up a dialogue, saying nothing of the field, is about
# Headquarters' own work ("Requests the Peacebuilding Support Office to provide annual updates …"): no ISF section's
# requirement. A Council's request for reports on a mission's benchmarks names the field and stays.
HQ_REPORTING = re.compile(r"^(?:Requests|Requesting|Encourages|Encouraging|Invites|Calls (?:up)?on)\b.{0,120}?\bto (?:provide "
                          r"(?:\w+ )?(?:updates?|reports?|information|briefings?)|submit|include in its|update|inform|brief|"
                          r"report\b|share with|maintain (?:a |an )?(?:\w+ )*?dialogue)", re.IGNORECASE)
# A call to implement "relevant resolutions" points to other texts and asks nothing a drafter can apply.
POINTER = re.compile(r"^(?:Calls for|Urges|Reaffirms|Recalls|Stresses)\b.{0,40}\bimplementation of (?:all )?(?:the )?relevant "
                     r"(?:resolutions|decisions)\b", re.IGNORECASE)
FIELD = re.compile(r"\bmissions?\b|country teams?|\bmandate|benchmarks?|\btransitions?\b|in the field|integrated strategic|"
                   r"on the ground", re.IGNORECASE)
COUNCIL_QUOTE = re.compile(r"\bresolution (\d{3,4}) \((\d{4})\)")
ARTEFACTS = (
    (re.compile(r"(?<=\w)[¹²³⁴⁵⁶⁷⁸⁹⁰]+"), ""),       # footnote markers glued to words
    (re.compile(r"(?<=[.,;:”\"])\s?[¹²³⁴⁵⁶⁷⁸⁹⁰]+"), ""),
    (re.compile("\u00ad"), ""),                      # soft hyphens
    (re.compile(r"\bSecretaryGeneral\b"), "Secretary-General"),
    (re.compile(r"(?<=[a-z])- (?=[a-z])"), "-"),   # 'country- specific' from a line break
    (re.compile(r"\s+([,;:.])"), r"\1"),
    (re.compile(r";$"), "."),
    (re.compile(r"(?<=[a-z]\.)\d{1,3}(?= [A-Z])"), ""),   # '...challenges.47 While': a footnote number
)
MIN_CHARS, MAX_CHARS = 50, 480
PASSAGES = 20
# Cosine to the section's question below which a sentence is off-topic whatever the context. Guidance is held to
# more: a normative sentence about something else (a request to the PBC's annual report) misleads a drafter.
MIN_RELEVANCE = {"guidance": 0.45, "practice": 0.3}
REDUNDANT = 0.85
# A guidance statement must also be about this context (cosine to the context's words), unless it answers the section's
# question so closely that it is the section's core requirement whatever the context: a generic statement otherwise
# repeats in every draft and tells this drafter nothing about theirs.
CONTEXT_FLOOR, CORE_RELEVANCE = 0.4, 0.6
LEXICAL_WEIGHT = 0.25
QUESTION_WEIGHT = 0.3  # the rest is the context: it must be able to change the choice
PRACTICE_QUESTION_WEIGHT = 0.2  # practice is plentiful: let the context choose among it
# A request's focus topics ("the elections in 18 months"): a statement must be about one of them (its words, or one of them
# and this close in meaning, or closer still alone) to be chosen, or the section goes without rather than quoting the
# hurricane season.
TOPIC_FLOOR, TOPIC_CLOSE = 0.3, 0.5
PRESENCE_BONUS = 0.1  # statements about this kind of presence up, about another kind down
# Words every context shares: they say nothing about this one.
COMMON_TERMS = frozenset(tokenize("united nations mission country team government support national the of and in to with for"))
TIME_TERMS = frozenset(tokenize("months years weeks days next last first end period"))  # '… in 18 months' is not the topic


def is_normative(sentence: str) -> bool:
    """Carries requirement language: must/shall/required, a resolution's operative verb, or a
    'should' that the author asserts (not one reported from a debate: 'some argue X should')."""
    main = CONCESSION.sub("", sentence, count=1)
    return bool(STRONG.search(main)) or (bool(ADVISORY.search(main)) and not REPORTED.search(main))


def policy_label(sentence: str) -> str:
    """The policy text a sentence quotes or paraphrases, or '' when it names none."""
    return next((label for label, pattern in QUOTED_POLICIES if pattern.search(sentence)), "")


def tidy(text: str) -> str:
    """The sentence without PDF/HTML extraction residue (footnote digits, soft hyphens, split words)."""
    for pattern, repl in ARTEFACTS:
        text = pattern.sub(repl, text)
    return " ".join(text.split())


@dataclass(frozen=True)
class Statement:
    """A quotable sentence with the passage it comes from and how it is labelled."""

    text: str
    hit: Hit
    label: str
    normative: bool


@dataclass
class Chooser:
    """Picks guidance and practice sentences for one document, never the same sentence twice."""

    retriever: Retriever
    book: CitationBook
    used: set[str] = field(default_factory=set)
    avoid: re.Pattern | None = None
    prefer: re.Pattern | None = None
    exclude: re.Pattern | None = None  # statements that do not apply here at all (unless they also match ``prefer``)

    def guidance(self, question: str, context: str, limit: int, topics: list[str] | None = None,
                 subject: re.Pattern | None = None) -> list[str]:
        """Normative statements from policy-type sources, as cited bullets with their label (about one of the topics,
        when a request names some; using the ``subject``'s words, when given)."""
        return self._pick(question, context, limit, list(GUIDANCE_TYPES), _guidance_statement, QUESTION_WEIGHT, "guidance",
                          topics or [], subject)

    def practice(self, question: str, context: str, limit: int, topics: list[str] | None = None,
                 subject: re.Pattern | None = None) -> list[str]:
        """Sentences from mission reports on how something was done, labelled practice (about one of the topics, when a
        request names some; using the ``subject``'s words, when given)."""
        return self._pick(question, context, limit, list(PRACTICE_TYPES), _practice_statement, PRACTICE_QUESTION_WEIGHT,
                          "practice", topics or [], subject)

    def _pick(self, question: str, context: str, limit: int, types: list[str], make,
              weight: float, kind: str, topics: list[str], subject: re.Pattern | None = None) -> list[str]:
        hits: dict[str, Hit] = {}
        queries = [f"{question} {context}", context] if context else [question]
        for query in queries + [f"{question} {t}" for t in topics]:
            for h in self.retriever.search(query, k=PASSAGES, filters=Filters(types=types)):
                hits.setdefault(h.chunk_id, h)
        candidates = [s for h in hits.values() for s in _sentences(h, make)
                      if s.text not in self.used and (subject is None or subject.search(s.text)) and self._applies(s.text)]
        if topics:
            candidates = self._on_topic(candidates, topics)
        if not candidates:
            return []
        chosen = self._rank(question, context, candidates, limit, weight, kind)
        out = []
        for s in chosen:
            self.used.add(s.text)
            out.append(f"{tidy(s.text)} ({s.label}) [{self.book.cite(s.hit.citation(0))}]")
        return out

    def _applies(self, text: str) -> bool:
        return not (self.exclude and self.exclude.search(text)) or bool(self.prefer and self.prefer.search(text))

    def _on_topic(self, candidates: list[Statement], topics: list[str]) -> list[Statement]:
        """The statements about at least one topic: holding most of its content words (both of two: 'the drawdown of the
        force' is not 'the police force'), or one of them and close in meaning, or very close in meaning alone."""
        if not candidates:
            return []
        encoder = self.retriever.encoder
        vectors = encoder.encode_cached([s.text for s in candidates])
        near = vectors @ np.stack([encoder.query_vector(t) for t in topics]).T
        words = [{w for w in tokenize(t) if not w.isdigit()} - COMMON_TERMS - TIME_TERMS for t in topics]
        out = []
        for s, row in zip(candidates, near, strict=True):
            shared = [len(w & set(tokenize(s.text))) for w in words]
            if any(n and (n >= len(w) - len(w) // 3 or (row[j] >= TOPIC_FLOOR)) or row[j] >= TOPIC_CLOSE
                   for j, (n, w) in enumerate(zip(shared, words, strict=True))):
                out.append(s)
        return out

    def _rank(self, question: str, context: str, candidates: list[Statement], limit: int, weight: float,
              kind: str) -> list[Statement]:
        """Relevance to the section's question and to the context, then no near-duplicates."""
        floor = MIN_RELEVANCE[kind]
        encoder = self.retriever.encoder
        vectors = encoder.encode_cached([s.text for s in candidates])
        q = encoder.query_vector(self.retriever.glossary.expand(question))
        relevance = vectors @ q
        score = relevance.copy()
        about = np.ones(len(candidates), dtype=bool)
        if context:
            c = encoder.query_vector(context)
            if kind == "guidance":
                about = (vectors @ c >= CONTEXT_FLOOR) | (relevance >= CORE_RELEVANCE)
            terms = set(tokenize(context)) - COMMON_TERMS
            lexical = np.array([len(terms & set(tokenize(s.text))) / max(1, min(len(terms), 12)) for s in candidates])
            score = weight * score + (1 - weight) * (vectors @ c) + LEXICAL_WEIGHT * lexical
        own = np.array([bool(self.prefer and self.prefer.search(s.text)) for s in candidates])
        other = np.array([bool(self.avoid and self.avoid.search(s.text)) for s in candidates])
        score = score + PRESENCE_BONUS * own - PRESENCE_BONUS * (other & ~own)
        chosen: list[int] = []
        for i in np.argsort(-score):
            if len(chosen) == limit or relevance[i] < floor or not about[i]:
                continue
            if chosen and float(np.max(vectors[chosen] @ vectors[i])) > REDUNDANT:
                continue
            chosen.append(int(i))
        return [candidates[i] for i in chosen]


def _sentences(hit: Hit, make) -> list[Statement]:
    out = []
    for joined in split_sentences(hit.text):
        for sentence in FOOTNOTE_BREAK.split(joined):
            sentence = LEADING_NUMBER.sub("", sentence).strip()
            if _quotable(sentence):
                statement = make(sentence, hit)
                if statement:
                    out.append(statement)
    return out


def _quotable(sentence: str) -> bool:
    """A whole sentence (starts at a capital or quote, ends with punctuation), no residue, no first person."""
    return (MIN_CHARS <= len(sentence) <= MAX_CHARS and (sentence[0].isupper() or sentence[0] in "“\"")
            and sentence[-1] in ".;”\")" and not NOT_QUOTABLE.search(sentence)
            and not INSTRUCTION_LIKE.search(sentence) and not FIRST_PERSON.search(sentence)
            and not ANAPHORA.search(sentence))


def _guidance_statement(sentence: str, hit: Hit) -> Statement | None:
    if HQ_REPORTING.search(sentence) and not FIELD.search(sentence) or POINTER.search(sentence):
        return None
    quoted = policy_label(sentence)
    normative = is_normative(sentence)
    if not normative and not (quoted and ("“" in sentence or '"' in sentence) and POLICY_SAYS.search(sentence)
                              and not REPORTED.search(sentence)):
        return None
    if quoted and hit.type == "analysis":
        label = f"{quoted}, as quoted in {hit.short}"
    elif hit.type == "analysis":
        label = f"{hit.short} recommendation" if ADVISORY.search(sentence) or re.search(r"\bmust\b",
            sentence) else f"{hit.short} analysis"
    else:
        label = hit.short
    return Statement(sentence, hit, label, normative)


def _practice_statement(sentence: str, hit: Hit) -> Statement | None:
    # a terms-of-reference list item, or a benchmark table's row flattened into text ("Reference: Sustainable Development
    # Goals 5 and 16; … Indicators 4.1 …"): not an account of practice
    if sentence.startswith(("To ", "Reference:")):
        return None
    council = COUNCIL_QUOTE.search(sentence)
    label = f"practice: {hit.short}" + (f"; S/RES/{council.group(1)} ({council.group(2)})" if council else "")
    return Statement(sentence, hit, label, is_normative(sentence))


LABEL = re.compile(r"\s\(([^()]*)\)(?:\s(?:\[\d+\])+)?$")


def split_label(bullet: str) -> tuple[str, str]:
    """('sentence', 'label') from a bullet 'sentence (label) [n]'."""
    match = LABEL.search(bullet)
    return (bullet[: match.start()], match.group(1)) if match else (bullet, "")


def recite(bullet: str, scratch: CitationBook, book: CitationBook) -> str:
    """A bullet chosen with a scratch book, its [n] renumbered in the draft's book (so candidates left out cite nothing)."""
    return re.sub(r"\[(\d+)\]$", lambda m: f"[{book.cite(scratch.sources[int(m.group(1)) - 1])}]", bullet)


CLOSEST_LABEL = "The closest requirement the library holds (general, not written for this section):"


def closest_requirement(chooser: Chooser, question: str, not_covered: str, topics: list[str] | None = None,
                        subject: str = "", about: re.Pattern | None = None) -> list[Block]:
    """Where no requirement fits the section and its context: say so, name the texts to check, and quote the one normative
    statement closest to the section's question (on the request's topics first) that names the section's subject
    ('risk' for the risks section) and, when given, speaks of the section's subject (``about``), labelled as general — or
    none, rather than an off-topic one."""
    words = set(tokenize(subject)) - COMMON_TERMS
    scratch = CitationBook()  # candidates left out must not reach the draft's sources
    # the closest requirement may be one another section quotes too, but never one that does not apply to this presence
    fresh = Chooser(chooser.retriever, scratch, exclude=chooser.exclude, prefer=chooser.prefer)
    candidates = (fresh.guidance(question, "", 2, topics) if topics else []) or fresh.guidance(question, "", 3)
    fitting = [c for c in candidates if (not words or words & set(tokenize(split_label(c)[0])))
               and (about is None or about.search(split_label(c)[0]))]
    closest = [recite(fitting[0], scratch, chooser.book)] if fitting else []
    return [Block(kind="note", text=not_covered)] + ([Block(kind="paragraph", text=CLOSEST_LABEL),
                                                      Block(kind="bullets", items=closest)] if closest else [])
