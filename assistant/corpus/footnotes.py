"""Footnotes out of the running text: each note body becomes its own unit, its marker a clean superscript.

Extracted text splices notes into sentences: a UN PDF page ends with a rule
("__________") and its notes ("1  Available from www..."), and the body carries the
marker glued to a word ("a report1 advocating"); converted studies put note paragraphs
("⁴ The first DPKO policy ...") between the two halves of a paragraph broken by a page.
Here the notes are lifted out, the markers in the body are rewritten as superscripts
("report¹"), and the paragraph halves a note block separated are joined again, so that a
body sentence never contains note text and every note can be cited on its own.

>>> pages = [("1. UN-Women issued a report1 advocating reparations.\\n__________\\n 1  Available from www.unwomen.org.", 8)]
>>> body, notes = extract_footnotes(pages)
>>> body
[('1. UN-Women issued a report¹ advocating reparations.', 8)]
>>> notes
[Footnote(label='1', text='Available from www.unwomen.org.', page=8)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
TO_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)
FROM_SUPERSCRIPT = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")
SEPARATOR = re.compile(r"^\s*_{6,}\s*$")
PDF_NOTE = re.compile(r"^\s*(\d{1,3}|\*{1,3})\s+(\S.*)$")
# Note paragraphs in converted text: '⁴ The first ...', '$^{10\ \} United ...$' (TeX residue), '[^4]: ...'.
TEXT_NOTES = (
    re.compile(rf"^([{SUPERSCRIPT_DIGITS}]{{1,3}})\s*(\S.*)$", re.S),
    re.compile(r"^\s*\$\^\{(\d{1,3})[\\\s]*\}\s*(.*?)\s*\$?\s*$", re.S),
    re.compile(r"^\[\^(\w{1,6})\]:\s*(\S.*)$", re.S),
)
INLINE_RULE = re.compile(r"\s*_{6,}\s*$")  # a rule left at the end of an unwrapped paragraph
NOTE_RUN = re.compile(r"(?:^|(?<=[.)”\"]\s))(\*{1,3}|\d{1,3})\s+(?=[A-Z])")  # '* Reissued ... 1 The visit ...'
JOB_PREFIX = re.compile(r"^\d{2}-\d{5}\*?\s*(?:\(E\))?\s*(?:\d{6})?\s+")  # '12-61376* (E) 241212 the United ...'
MD_MARKER = re.compile(r"\[\^(\w{1,6})\](?!:)")
# A note number glued to the word or punctuation it annotates: 'report1 ', 'flag."8 ', '(2011)12,' (not '"1.3.0"').
GLUED_MARKER = re.compile(r"(?<=[^\W\d_]|[.,;:”\"’)\]])(\d{1,3})(?=\s|$|[.,;:)”\"’](?:\s|$))")
# A note number glued to a year: 'of 25 November 20242 and' (note 2 after 2024).
YEAR_MARKER = re.compile(r"(?<=\b(?:19|20)\d\d)(\d{1,2})(?=\s|$|[.,;:)](?:\s|$))")
# A number standing between two sentences: 'November 2012. 1 The mission ...'.
SPACED_MARKER = re.compile(r"(?<=[.;:”\"’)])\s(\d{1,3})(?=\s+[A-Z])")
SPACED_SUPERSCRIPT = re.compile(rf"(?<=[.,;:”\"’)\]\w]) ([{SUPERSCRIPT_DIGITS}]+)(?=\s|$)")
SHORT_CAPS = re.compile(r"(?:^|[\s(])[A-Z]{1,3}$")  # 'G5', 'P3': names with digits, not note markers
CAPTION = re.compile(r"^(?:Figure|Table|Box|Chart|Map)\s+\d+[.:]\s", re.IGNORECASE)  # 'Figure 1: Chronology of UN integration'
CITES = re.compile(r"\bSee\b|\bavailable (?:at|from)\b|https?://|\bwww\.|\b(?:19|20)\d\d\.$")  # what a note's text holds
TERMINAL = (".", ":", ";", "?", "!", "”", '"', ")", "’")
MIN_BROKEN_CHARS = 100


@dataclass(frozen=True)
class Footnote:
    """One note: its label as printed ('12', or '*'), its text, the page it is printed on."""

    label: str
    text: str
    page: int | None


def superscript(label: str) -> str:
    """'12' -> '¹²'."""
    return label.translate(TO_SUPERSCRIPT)


def cited_labels(text: str) -> list[str]:
    """Note labels a text cites through superscript markers, in order: 'peace.¹⁶' -> ['16']."""
    return [m.translate(FROM_SUPERSCRIPT) for m in re.findall(rf"[{SUPERSCRIPT_DIGITS}]+", text)]


def extract_footnotes(pages: list[tuple[str, int | None]]) -> tuple[list[tuple[str, int | None]], list[Footnote]]:
    """Body pages without notes (markers as superscripts) and the notes, in document order."""
    body: list[tuple[str, int | None]] = []
    notes: list[Footnote] = []
    for text, page in pages:
        lines = text.split("\n")
        rule = next((i for i, line in enumerate(lines) if SEPARATOR.match(line)), None)
        if rule is not None:
            page_notes = _pdf_notes(lines[rule + 1 :], page, notes)
            text = _mark(("\n".join(lines[:rule])), {n.label for n in page_notes})
        else:
            text, page_notes = _text_notes(text, page)
            labels = {n.label for n in page_notes}
            if page is None:  # one-page text: a marker may precede its note by several paragraphs
                labels |= _unmarked(notes + page_notes, text)
            text = _mark(text, labels)
        notes.extend(page_notes)
        body.append((text, page))
    return body, notes


def _pdf_notes(lines: list[str], page: int | None, earlier: list[Footnote]) -> list[Footnote]:
    """Notes below a page's rule; lines before the first numbered one continue the previous page's last note.

    Notes are numbered in sequence, so a wrapped line that happens to start with a number
    ('6 November 2012.') continues the note before unless it is the next note's number.
    """
    found: list[list[str]] = []
    carried: list[str] = []
    last = next((int(n.label) for n in reversed(earlier) if n.label.isdigit()), 0)
    for line in lines:
        start = PDF_NOTE.match(line)
        label = start.group(1) if start else ""
        if start and (not label.isdigit() or not found and int(label) > last or int(label) == last + 1):
            found.append([label, start.group(2).strip()])
            last = int(label) if label.isdigit() else last
        elif line.strip():
            (found[-1] if found else carried).append(line.strip())
    if carried and earlier:
        previous = earlier[-1]
        earlier[-1] = Footnote(previous.label, _join(previous.text, " ".join(carried)), previous.page)
    return [Footnote(label, _join(*parts) if len(parts) > 1 else parts[0], page) for label, *parts in found]


def _join(*parts: str) -> str:
    out = ""
    for part in parts:
        out = part if not out else (out + part if out.endswith(("-", "/")) else f"{out} {part}")
    return " ".join(out.split())


def _text_notes(text: str, page: int | None) -> tuple[str, list[Footnote]]:
    """Note paragraphs lifted out of converted text; the paragraph they interrupted is joined again."""
    notes: list[Footnote] = []
    kept: list[str] = []
    interrupted = below_rule = False
    for block in re.split(r"\n[ \t]*\n", text):
        stripped = block.strip()
        if below_rule and NOTE_RUN.match(stripped):
            notes.extend(_note_run(stripped, page))
            continue
        if below_rule:
            block = stripped = JOB_PREFIX.sub("", stripped)
            below_rule = False
        if INLINE_RULE.search(stripped):
            block = stripped = INLINE_RULE.sub("", stripped)
            below_rule = interrupted = True
        match = next((m for m in (p.match(stripped) for p in TEXT_NOTES) if m), None)
        if match and notes and len(kept) > 1 and _note_tail(kept[-2], kept[-1]):
            notes[-1] = Footnote(notes[-1].label, _join(notes[-1].text, kept.pop()), notes[-1].page)
            interrupted = True
        if match:
            label = match.group(1).translate(FROM_SUPERSCRIPT)
            notes.append(Footnote(label, " ".join(match.group(2).replace("\\ ", " ").replace("\\", "").split()), page))
            interrupted = True
            continue
        if not stripped:
            continue
        if interrupted and CAPTION.match(stripped):  # a converted figure's caption, the figure lost: not text to quote,
            continue  # nor a heading, and it sat inside the sentence the page broke ('… secretary-general Figure 1: …')
        if interrupted and kept and _broken(kept[-1], stripped):
            kept[-1] = f"{kept[-1].rstrip()} {stripped}"
        else:
            kept.append(block)
        interrupted = below_rule
    return "\n\n".join(kept), notes


def _note_run(text: str, page: int | None) -> list[Footnote]:
    """Several notes run together on one line below a rule, each starting with its label."""
    starts = list(NOTE_RUN.finditer(text))
    return [Footnote(m.group(1), " ".join(text[m.end() : nxt.start() if nxt else len(text)].split()), page)
            for m, nxt in zip(starts, starts[1:] + [None], strict=True)]


def _broken(before: str, after: str) -> bool:
    """The paragraph before a note block stops mid-sentence and the text after it goes on."""
    last = before.rstrip().rstrip(SUPERSCRIPT_DIGITS)
    return len(last) >= MIN_BROKEN_CHARS and not last.endswith(TERMINAL) and not re.match(r"^\d{1,3}\.\s", after)


def _note_tail(before: str, block: str) -> bool:
    """A block between a paragraph broken by a page and the next page's notes that is the end of the last page's note:
    lower-case, citing a source ("to populations in need; … See Sarah Collinson …, April 2012."), after a paragraph
    that stops mid-sentence ("They require consensus"). Left in the text, the paragraph quoted the note's tail."""
    return block[:1].islower() and bool(CITES.search(block)) and _broken(before, block)


def _unmarked(notes: list[Footnote], text: str) -> set[str]:
    """Labels of notes whose marker the text does not yet carry as a superscript."""
    have = set(cited_labels(text))
    return {n.label for n in notes if n.label.isdigit() and n.label not in have}


def _mark(text: str, labels: set[str]) -> str:
    """Rewrite each expected note marker as a superscript glued to what it annotates (first occurrence)."""
    text = MD_MARKER.sub(lambda m: superscript(m.group(1)) if m.group(1).isdigit() else m.group(0), text)
    text = SPACED_SUPERSCRIPT.sub(lambda m: m.group(1), text)
    todo = {label for label in labels if label.isdigit()}

    def repl(m: re.Match) -> str:
        label = str(int(m.group(1)))
        if label not in todo or SHORT_CAPS.search(text[max(0, m.start() - 4) : m.start()]):
            return m.group(0)
        todo.discard(label)
        return superscript(label)

    for pattern in (GLUED_MARKER, YEAR_MARKER, SPACED_MARKER):
        text = pattern.sub(repl, text) if todo else text
    return text
