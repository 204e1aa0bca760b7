"""Statements: the sentences of a passage a draft may quote, as guidance or as practice, and how each is labelled.

A drafting officer needs what the policy *requires* of a section, not observations. So a
guidance statement is a verbatim sentence with normative force — must, should, shall,
required, minimum, mandatory, or the operative verbs of a resolution ("Requests",
"Encourages") — taken only from policy, guidance, resolution or analysis documents. When an
analysis quotes or paraphrases a policy text ("the integrated assessment and planning
policy", or words in quotation marks whose footnote cites "Decision No. 2008/24"), the
statement is labelled with that text, "as quoted in" the analysis (or "as described in", where the
analysis gives the policy's content in its own words): the corpus does not hold the policy itself.
First-person narrative ("I regret…") and commentary (the Itad blog) never
count as guidance. Practice examples come from reports and are labelled practice.

The requirement test reads the main clause ("While flexibility will always be required, …"
concedes a point); a sentence opening on what came before ("This shift is now articulated in
…") is quoted only together with the sentence before it, and a policy an analysis quotes counts
only where the analysis says what the policy states or requires.

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
from collections.abc import Callable
from dataclasses import dataclass, replace

from assistant.answering.verify import split_sentences
from assistant.index.retrieve import Hit
from assistant.index.sentences import FOOTNOTE_BREAK, INSTRUCTION_LIKE, LEADING_NUMBER, NOT_QUOTABLE

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
POLICY_SAYS = re.compile(r"\b(?:stated?|states|specifie[sd]|specify|requires?|required|defines?|defined|provides?|purpose|"
                         r"recommend\w*|calls? for|called for|positions|sets? out|mandates?|as the)\b", re.IGNORECASE)
FIRST_PERSON = re.compile(r"\b(?:I|me|my|My|we|We|our|Our|us)\b(?!\))")
# Policy texts the corpus does not hold but its analyses quote: (label, how a sentence refers to it).
QUOTED_POLICIES: tuple[tuple[str, re.Pattern], ...] = (
    ("IAP Policy 2013",
        re.compile(r"integrated assessment and planning (?:\(IAP\) )?policy|\bIAP policy|Policy on Integrated Assessment|"
            r"\bthe policy "
            r"(?:builds|states|requires|sets)", re.I)),
    ("Decision 2008/24",
        re.compile(r"2008 (?:Policy Committee )?decision|Policy Committee decision|decision (?:No\. )?2008/24|\bthe decision "
            r"(?:clearly )?stated", re.I)),
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
SUPERSCRIPT = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")


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
    before: Hit | None = None  # the passage of the sentence quoted before this one, when another passage holds it


def bare(text: str) -> str:
    """A sentence without footnote markers or spacing differences (how the sentence index and a passage may differ)."""
    return " ".join(re.sub(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+", "", text).split())


Before = Callable[[str], tuple[str, Hit | None]]  # the sentence before a passage's first one, and its passage


def statements_of(hit: Hit, make, notes: dict[str, str], before: Before | None = None) -> list[Statement]:
    """The passage's quotable sentences made into statements, each with the text of the footnote its marker cites; one
    opening on the sentence before is quoted with it (``before`` finds it, and its passage, when the passage opens with
    the sentence: the statement then cites both passages)."""
    out: list[Statement] = []
    previous, earlier = "", None
    sentences = [(LEADING_NUMBER.sub("", sentence).strip(), marker) for joined in split_sentences(hit.text)
                 for sentence, marker in _with_markers(joined)]
    for n, (sentence, marker) in enumerate(sentences):
        alone = quotable(sentence)
        leaning = not alone and quotable(sentence, leaning=True)
        if leaning and n == 0 and before:
            previous, earlier = before(sentence)
        leaning = leaning and quotable(previous) and len(previous) + len(sentence) < MAX_CHARS * 3 // 2
        statement = make(sentence, hit, notes.get(marker, "")) if alone or leaning else None
        if statement:  # a sentence opening on the one before ('This shift is …') is quoted with it
            out.append(replace(statement, text=f"{previous} {sentence}", before=earlier) if leaning else statement)
        previous, earlier = (sentence if alone else ""), None
    return out


def _with_markers(joined: str) -> list[tuple[str, str]]:
    """The sentences of a split, each with the footnote label that follows it ('' for none)."""
    parts = FOOTNOTE_BREAK.split(joined)
    markers = [m.group(0).strip().translate(SUPERSCRIPT) for m in FOOTNOTE_BREAK.finditer(joined)] + [""]
    return list(zip(parts, markers[:len(parts)], strict=True))


def quotable(sentence: str, leaning: bool = False) -> bool:
    """A whole sentence (starts at a capital or quote, ends with punctuation), no residue, no first person; one that
    opens on what came before only when ``leaning`` (it is then quoted with its predecessor)."""
    return (MIN_CHARS <= len(sentence) <= MAX_CHARS and (sentence[0].isupper() or sentence[0] in "“\"")
            and sentence[-1] in ".;”\")" and not NOT_QUOTABLE.search(sentence)
            and not INSTRUCTION_LIKE.search(sentence) and not FIRST_PERSON.search(sentence)
            and bool(ANAPHORA.search(sentence)) == leaning)


def guidance_statement(sentence: str, hit: Hit, note: str = "") -> Statement | None:
    """A requirement, or policy words an analysis quotes: named in the sentence, or in the footnote it cites ('"a shared
    vision of the UN's strategic objectives"' with a note citing Decision No. 2008/24)."""
    if HQ_REPORTING.search(sentence) and not FIELD.search(sentence) or POINTER.search(sentence):
        return None
    quotes = "“" in sentence or '"' in sentence
    quoted = policy_label(sentence) or (policy_label(note) if quotes else "")
    normative = is_normative(sentence)
    if not normative and not (quoted and quotes and POLICY_SAYS.search(sentence)
                              and not REPORTED.search(sentence)):
        return None
    if quoted and hit.type == "analysis":
        label = f"{quoted}, as {'quoted' if quotes else 'described'} in {hit.short}"  # its words, or what it says of it
    elif hit.type == "analysis":
        label = f"{hit.short} recommendation" if ADVISORY.search(sentence) or re.search(r"\bmust\b",
            sentence) else f"{hit.short} analysis"
    else:
        label = hit.short
    return Statement(sentence, hit, label, normative)


# An account that points back to what its report said before ("As reflected above, further progress was made …", "In
# making these observations, though, …"): quoted alone as an example, the reader cannot tell what it refers to.
BACK_REFERENCE = re.compile(r"^(?:as (?:\w+ )?(?:above|earlier|previously|before)|in (?:making|view of|light of) "
                            r"(?:these|this|that|those)|in that regard)\b", re.IGNORECASE)

# 'The mission made recommendations …' in a report: lower case, a visiting team the sentence before names ('the Mission'
# is the peacekeeping mission); quoted alone as an example, it reads as the mission the report is about.
VISITING = re.compile(r"The (?:mission|team|delegation|panel) (?!and\b)")
# An item of a visit's terms of reference ('To commend and express the full support of the Security Council for the work of
# UNMIT …, and to assess …'): what the visit was for, no fact (trial 13's case quiz blanked one). A purpose clause opening a
# statement ('To further strengthen …, the ISF was introduced …') is not one: its first comma is followed by the statement.
TERMS_OF_REFERENCE = re.compile(r"^To (?!date\b|this\b|that\b|these\b|the\b|some\b)[a-z]+\b(?:[^,]*|[^,]*, and to [a-z]+\b.*)$")
# Every report's financial boilerplate (the arrears of Member States, troop-cost reimbursement): no example of how a
# mission and a country team resource their plan.
ARREARS = re.compile(r"\b(?:outstanding|unpaid) assessed contributions\b|\breimbursement of (?:troop|contingent)", re.I)

# Fewer words tell no practice: "The Working Group is currently compiling its report." (trial 11's monitoring example)
PRACTICE_WORDS = 10


def practice_statement(sentence: str, hit: Hit, note: str = "") -> Statement | None:
    """A report's account of how something was done, labelled practice (``note`` is not needed: practice quotes no
    policy). Not a terms-of-reference list item, nor a benchmark table's row flattened into text ("Reference:
    Sustainable Development Goals 5 and 16; … Indicators 4.1 …")."""
    if sentence.startswith(("To ", "Reference:")) or BACK_REFERENCE.match(sentence) or ARREARS.search(sentence) \
            or VISITING.match(sentence) or len(sentence.split()) < PRACTICE_WORDS:
        return None
    council = COUNCIL_QUOTE.search(sentence)
    label = f"practice: {hit.short}" + (f"; S/RES/{council.group(1)} ({council.group(2)})" if council else "")
    return Statement(sentence, hit, label, is_normative(sentence))
