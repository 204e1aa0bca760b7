"""Repair extraction damage in words, judged against the document's own vocabulary.

PDF text layers and converted files break words in three ways: a space inside a word
("smo oth", "T he"), a line-end or justified hyphen lost or spaced ("SecretaryGeneral",
"Port -au-Prince", "well -\\nestablished"), and line-end hyphenation ("estab-\\nlished").
Every repair here is licensed by the document itself: a pair of tokens is joined only
when the join is a word the document uses elsewhere and one part is not a word (neither
used on its own in the document nor a common English word: "to go" never becomes
"Togo", "a part" never "apart"); a glued pair
gets its hyphen back only when the document spells the compound with one. Compounds stay
as the source spells them ("Timor-Leste", "peacebuilding" and "peace-building" alike);
nothing else in the wording changes, so quotes stay verbatim to the repaired source.

>>> vocab = Vocabulary.from_text("The governance of Timor-Leste. The Secretary-General smooth.")
>>> repair_words("T he go vernance of TimorLeste and the SecretaryGeneral, a part.", vocab)
'The governance of Timor-Leste and the Secretary-General, a part.'
>>> repair_words("its country- specific, short- and long-term work", vocab)
'its country-specific, short- and long-term work'
>>> repair_words("the Fund's \\$35 million for United \\ Nations", vocab)
"the Fund's $35 million for United  Nations"
>>> repair_words("wellcoordinated operations", vocab)
'well-coordinated operations'
>>> repair_words("The Mission ’s plan (2017 -2021) for some 14, 000 officers, in paras. 21, 104.", vocab)
'The Mission’s plan (2017-2021) for some 14,000 officers, in paras. 21, 104.'
>>> dehyphenate(["the well -", "established plan for Timor-", "Leste"], vocab)
['the well-established', 'plan for Timor-Leste']
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

LETTERS = r"[^\W\d_¹²³⁴⁵⁶⁷⁸⁹⁰]+"
_WORD = re.compile(LETTERS)
_COMPOUND = re.compile(rf"{LETTERS}(?:-{LETTERS})+")
# Two letter-only tokens separated by one space, neither glued to a hyphen, digit or apostrophe.
_PAIR = re.compile(rf"(?<![\w\-’'/.@])({LETTERS}) ({LETTERS})(?![\w\-’'/@])")
# The same, consuming only the first token and its space, so that every neighbouring pair is seen.
_PAIR_START = re.compile(rf"(?<![\w\-’'/.@])({LETTERS}) (?=({LETTERS})(?![\w\-’'/@]))")
_PAIR_HYPHEN = re.compile(rf"(?<![\w\-’'/.@])({LETTERS}) ({LETTERS})(?=-[A-Za-z])")
_LOWER_WORD = re.compile(r"(?<![\w\-])[a-z]{8,}(?![\w\-])")  # a glued lower-case compound is long
_PREFIXED = re.compile(r"(?<![\w\-])(post|pre|non|anti|multi|inter|cross|one|two|three|four|five|six|ten|half|long|mid|"
                       r"self|co)([A-Z]{2,}|[a-z]{4,})(?![\w\-])")
_GLUED = re.compile(r"(?<![\w\-])([A-Z][a-z]+)([A-Z][a-z]+)(?![\w\-])")
_SPACED_HYPHEN = re.compile(rf"(?<=[^\W\d_]) -(?={LETTERS}-?)")
# 'country- specific': a compound's hyphen followed by a space. Not a suspended hyphen ('short- and long-term').
_HYPHEN_SPACE = re.compile(rf"({LETTERS})- (?!(?:and|or|nor|to|as|but|then|than)\b)({LETTERS})")
_ESCAPED = re.compile(r"\\(?=[$%&#_ ])")  # '\$35 million', 'United \ Nations': a converter's escapes
_WELL = re.compile(r"\b([Ww]ell)([a-z]{5,})\b")  # 'wellcoordinated': the hyphen of a 'well-' compound lost
_SPACED_RANGE = re.compile(r"(?<=\d) -(?=\d|[a-z])")  # '2017 -2021', '10 -year'
_SPACED_POSSESSIVE = re.compile(r"(?<=\w) (?=[’']s\b)")  # 'the Mission ’s police'
# '14, 000': a thousands group cut off by a space. Only a group starting with 0, which no number in a list
# ('paras. 21, 104') does.
_SPLIT_THOUSANDS = re.compile(r"(?<![\d,.])(\d{1,3}), (0\d\d)(?![\d,])")
SINGLE_LETTER_WORDS = {"a", "i"}
# Words of one or two letters that stand on their own in English running text.
SHORT_WORDS = frozenset("a i am an as at be by do go he if in is it me my no of oh on or ok so to up us we".split())
RARE_WORD_FREQUENCY = 50  # a join this frequent is a word when its first part is no word at all ('liquidati')
COMMON_WORD_FREQUENCY = 1000  # pyspellchecker's English list below this holds fragments such as 'th', 'nd', 'lu'
_SUPERSCRIPT = "¹²³⁴⁵⁶⁷⁸⁹⁰"


@dataclass
class Vocabulary:
    """How often each word (lower case) and each hyphenated compound occurs in one document."""

    words: Counter = field(default_factory=Counter)
    compounds: Counter = field(default_factory=Counter)
    fragments: Counter = field(default_factory=Counter)
    _dehyphenated: dict[str, str] | None = field(default=None, repr=False)
    _closes: dict[str, bool] = field(default_factory=dict, repr=False)

    @classmethod
    def from_text(cls, text: str) -> "Vocabulary":
        """Count the words and compounds of a document's text."""
        vocab = cls(Counter(w.lower() for w in _WORD.findall(text)), Counter(c.lower() for c in _COMPOUND.findall(text)))
        for a, b in _PAIR_START.findall(text):  # parts of suspect pairs do not prove themselves words
            if vocab.words[(a + b).lower()]:
                vocab.fragments[a.lower()] += 1
                vocab.fragments[b.lower()] += 1
        return vocab

    def dehyphenated(self) -> dict[str, str]:
        """Each compound by its letters without hyphens ('capacitybuilding': 'capacity-building')."""
        if self._dehyphenated is None:
            self._dehyphenated = {c.replace("-", ""): c for c in self.compounds}
        return self._dehyphenated

    def closes(self, prefix: str) -> bool:
        """Whether the document writes this prefix glued to words no English list knows ('postconflict') more often
        than hyphenated ('post-conflict'); counted once per prefix."""
        if prefix not in self._closes:
            english = common_english()
            hyphenated = sum(n for c, n in self.compounds.items() if c.startswith(f"{prefix}-"))
            glued = sum(n for w, n in self.words.items()
                        if w.startswith(prefix) and len(w) > len(prefix) + 3 and w not in english)
            self._closes[prefix] = glued > hyphenated
        return self._closes[prefix]

    def knows(self, token: str) -> bool:
        """The document uses this word at least once (in any case)."""
        return self.words[token.lower()] > 0

    def is_word(self, token: str) -> bool:
        """A word of the document: used on its own more often than as a part of a suspect pair."""
        low = token.lower()
        if len(low) == 1:
            return low in SINGLE_LETTER_WORDS
        return self.words[low] > self.fragments[low] or common_english().get(low, 0) >= COMMON_WORD_FREQUENCY


@lru_cache(maxsize=1)
def common_english() -> dict[str, int]:
    """Word frequencies of English (pyspellchecker's list): a part that is a common word is never a fragment."""
    from spellchecker import SpellChecker

    return dict(SpellChecker(language="en").word_frequency.dictionary)


def repair_words(text: str, vocab: Vocabulary) -> str:
    """Join words split by a space, restore lost compound hyphens, close spaced number ranges, possessives and
    thousands; otherwise leave the text as is."""
    text = _ESCAPED.sub("", text)
    text = _SPACED_RANGE.sub("-", _SPACED_HYPHEN.sub("-", text))
    text = _HYPHEN_SPACE.sub(lambda m: _close_hyphen(m, vocab), text)
    text = _WELL.sub(lambda m: _well(m, vocab), text)
    text = _SPLIT_THOUSANDS.sub(r"\1,\2", _SPACED_POSSESSIVE.sub("", text))
    text = _join_split(text, vocab)
    text = _PAIR_HYPHEN.sub(_join_before_hyphen, text)
    text = _LOWER_WORD.sub(lambda m: _compound(m, vocab), text)
    text = _PREFIXED.sub(lambda m: _prefixed(m, vocab), text)
    return _GLUED.sub(lambda m: _unglue(m, vocab), text)


def _close_hyphen(match: re.Match, vocab: Vocabulary) -> str:
    """'country- specific' -> 'country-specific'; 'estab- lished' -> 'established' when only the join is a word."""
    a, b = match.group(1), match.group(2)
    if vocab.knows(a + b) and not vocab.compounds[f"{a}-{b}".lower()] and not vocab.is_word(a):
        return a + b
    return f"{a}-{b}"


def _well(match: re.Match, vocab: Vocabulary) -> str:
    """'wellcoordinated' -> 'well-coordinated': the rest is an English word and the whole is not, and the document
    writes the compound with a hyphen or the glued word only this once (a document spelling 'wellbeing' keeps it)."""
    rest, whole = match.group(2), match.group(0).lower()
    english = common_english()
    lost = vocab.compounds[f"well-{rest}"] > 0 or vocab.words[whole] <= 1
    if english.get(rest, 0) >= COMMON_WORD_FREQUENCY and whole not in english and lost:
        return f"{match.group(1)}-{rest}"
    return match.group(0)


def _join_split(text: str, vocab: Vocabulary) -> str:
    """'T he' -> 'The', 'go vernance' -> 'governance', 'inclu ded' -> 'included'."""
    joined_up_to = -1  # where the last join ended: a part that follows one is no word start ('Govern ment on')

    def join(m: re.Match) -> str:
        nonlocal joined_up_to
        out = _join_pair(m, vocab, rare=m.start() != joined_up_to)
        if out != m.group(0):
            joined_up_to = m.end()
        return out

    return _PAIR_START.sub(join, text)


def _join_pair(match: re.Match, vocab: Vocabulary, rare: bool = True) -> str:
    """Joined when the document uses the join elsewhere and one part is not its word, or when the join is a common
    English word and one part is not ('approximatel y': a document may use 'approximately' only this once), or (``rare``)
    when the join is a rarer English word and the first part no word at all ('liquidati on')."""
    a, b = match.group(1), match.group(2)
    case_fits = b.islower() or (a.isupper() and b.isupper())
    if case_fits and vocab.knows(a + b) and not (vocab.is_word(a) and vocab.is_word(b)):
        return a  # the space goes; the second part follows unchanged
    acronym = len(a) > 1 and a.isupper()  # 'the UN to' is never 'unto'
    standalone = _english(a) and (len(a) != 2 or a.lower() in SHORT_WORDS)  # 'al so': 'al' is no word of a sentence
    if case_fits and not acronym and _english(a + b) and not (standalone and _english(b)):
        return a
    if case_fits and len(b) <= 2 and b.lower() not in SHORT_WORDS and a.lower() not in SHORT_WORDS \
            and vocab.words[(a + b).lower()] >= 3:
        return a  # 'nation al plans': a tail no English sentence has on its own, of a word the document uses
    english = common_english()  # 'liquidati on': a part no list knows, a join the list knows, if rarely
    if rare and case_fits and not acronym and len(a) >= 4 and english.get((a + b).lower(), 0) >= RARE_WORD_FREQUENCY \
            and a.lower() not in english and vocab.words[a.lower()] <= 1:  # and the document has the part only here
        return a
    return match.group(0)


def _join_before_hyphen(match: re.Match) -> str:
    """'hi gh-level' -> 'high-level': a split word's second part followed by a compound hyphen, joined when the whole is
    a common English word and the part is none (S/2017/604 para. 33 reached a quiz stem split)."""
    a, b = match.group(1), match.group(2)
    return a + b if b.islower() and _english(a + b) and not _english(b) else match.group(0)


def _english(token: str) -> bool:
    """A common English word (a single letter only 'a' or 'I')."""
    low = token.lower()
    return low in SINGLE_LETTER_WORDS if len(low) == 1 else common_english().get(low, 0) >= COMMON_WORD_FREQUENCY


def _prefixed(match: re.Match, vocab: Vocabulary) -> str:
    """'postUNMIT' -> 'post-UNMIT', 'oneyear' -> 'one-year': a prefix glued to an acronym, or to a common word when no
    English list knows the whole, the document has the glued word only here and hyphenates the prefix more often than
    it closes it (IPI 2013 writes 'postconflict', 'interagency' and 'multidonor': the author's spelling, kept)."""
    prefix, rest = match.group(1), match.group(2)
    english, whole = common_english(), (prefix + rest).lower()
    glued_word = rest.isupper() or (english.get(rest.lower(), 0) >= COMMON_WORD_FREQUENCY and whole not in english)
    if not glued_word or vocab.words[whole] > 1:  # 'coordination', 'international': words; or the author's, repeated
        return match.group(0)
    counted = prefix in ("one", "two", "three", "four", "five", "six", "ten", "half")  # 'oneyear' is nobody's style
    if not counted and vocab.closes(prefix):  # the author closes this prefix: their spelling
        return match.group(0)
    return f"{prefix}-{rest}"


def _compound(match: re.Match, vocab: Vocabulary) -> str:
    """'capacitybuilding' -> 'capacity-building', 'longerterm' -> 'longer-term': a word no English list knows that the
    document writes, at least as often, as a hyphenated compound."""
    word = match.group(0)
    compound = vocab.dehyphenated().get(word)
    if compound and vocab.compounds[compound] >= vocab.words[word] and common_english().get(word, 0) < RARE_WORD_FREQUENCY:
        return compound
    return word


def _unglue(match: re.Match, vocab: Vocabulary) -> str:
    """'SecretaryGeneral' -> 'Secretary-General' when the document writes the compound with a hyphen."""
    a, b = match.group(1), match.group(2)
    hyphenated = vocab.compounds[f"{a}-{b}".lower()]
    if hyphenated and hyphenated >= vocab.words[(a + b).lower()]:
        return f"{a}-{b}"
    return match.group(0)


def dehyphenate(lines: list[str], vocab: Vocabulary) -> list[str]:
    """Undo line-end hyphenation: join 'estab-' + 'lished', keep compounds ('Timor-' + 'Leste').

    A line ending in a hyphen takes the first word of the next line. The hyphen goes when
    the document knows the joined word and not the hyphenated compound; it stays for a
    capitalised second part, a spaced hyphen ('well -'), a known compound or an unknown join.
    """
    out = list(lines)
    emptied: set[int] = set()
    for i in range(len(out) - 1):
        line = out[i].rstrip()
        tail = re.search(rf"({LETTERS}) ?-$", line)
        head = re.match(rf"({LETTERS})([^\s]*)\s?(.*)$", out[i + 1].lstrip())
        if not tail or not head:
            continue
        left, right = tail.group(1), head.group(1)
        stem = re.sub(r" ?-$", "", line)
        keep = (
            right[:1].isupper()
            or line.endswith(" -")
            or vocab.compounds[f"{left}-{right}".lower()] > 0
            or not vocab.knows(left + right)
        )
        out[i] = stem + ("-" if keep else "") + right + head.group(2)
        out[i + 1] = head.group(3)
        if not out[i + 1].strip():
            emptied.add(i + 1)
    return [line for i, line in enumerate(out) if i not in emptied]


def strip_marks(label: str) -> str:
    """A heading label without footnote marks: 'Sierra Leone¹⁹' -> 'Sierra Leone'."""
    return label.rstrip(_SUPERSCRIPT + " ").strip()


SMALL_WORDS = {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "with"}


def title_case(heading: str, acronyms: set[str]) -> str:
    """A heading set in capitals in the document's case: 'TOO FEW PLANNING SKILLS' -> 'Too Few Planning Skills'.

    Only a heading whose letters are all capitals is changed; words the document uses
    in capitals in running text (acronyms such as UN, DPKO) stay capitals.

    >>> title_case("INTEGRATED STRATEGIC PLANNING: FROM HEADQUARTERS TO FIELD MISSIONS", {"UN"})
    'Integrated Strategic Planning: From Headquarters to Field Missions'
    >>> title_case("DPKO LEADS INTEGRATION WITHIN THE UN SECRETARIAT", {"DPKO", "UN"})
    'DPKO Leads Integration Within the UN Secretariat'
    >>> title_case("III. DEPLOYMENT AND OPERATIONS", set())
    'III. Deployment and Operations'
    >>> title_case("Analyze as One", set())
    'Analyze as One'
    """
    letters = [c for c in heading if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters):
        return heading
    words = heading.split(" ")
    out = []
    for i, word in enumerate(words):
        core = word.strip("\"“”'‘’:;,.()?!")
        numeral = re.fullmatch(r"[IVXL]{1,6}|[A-H]", core)
        if core in acronyms or numeral or (len(core) > 1 and not core.isalpha() and not core.replace("-", "").isalpha()):
            out.append(word)
        elif core.lower() in SMALL_WORDS and i > 0 and not words[i - 1].endswith(":"):
            out.append(word.lower())
        else:
            out.append("-".join(_capitalise(p) for p in word.split("-")))
    return " ".join(out)


def _capitalise(word: str) -> str:
    """'"MISSING' -> '"Missing': the first letter stays a capital, the rest go lower case."""
    first = next((i for i, c in enumerate(word) if c.isalpha()), len(word))
    return word[: first + 1] + word[first + 1 :].lower()


def acronyms_of(text: str) -> set[str]:
    """Words the document writes in capitals inside running (lower-case) text: its acronyms."""
    found: Counter = Counter()
    for line in text.splitlines():
        if sum(c.islower() for c in line) > len(line) // 3:
            found.update(w for w in re.findall(r"\b[A-Z][A-Z0-9/&]+\b", line))
    return set(found)
