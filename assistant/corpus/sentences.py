"""Sentence segmentation: the one function every layer uses to cut text into quotable sentences.

nupunkt (a maintained Punkt implementation trained on legal text) does the segmentation: it
knows "para.", "No.", "e.g.", "i.e.", "Art.", "Mr." and citation forms such as
"UN Doc. A/67/312" or "S/RES/1996 (2011)". Measured on the default corpus against the
regular expressions used before and against pysbd (docs/evaluation.md, "Sentence
segmentation"): pysbd cut "para. | 4" and "UN Doc. | A/67/312" and was 30 times slower;
nupunkt made neither error. Around the library this module adds what it cannot know:
line breaks end a sentence (passages join paragraphs with them), a footnote marker after
the full stop stays with the sentence it annotates ("peace.¹⁶ Next" is two sentences, the
marker on the first), and answer markers "[n]" stay with the sentence they follow.

>>> split_sentences("The ISF is shared. It has results [1]. See para. 23 of S/2012/765.")
['The ISF is shared.', 'It has results [1].', 'See para. 23 of S/2012/765.']
>>> split_sentences("23. It was adopted.¹⁶ The Council, e.g. in S/RES/1996 (2011), agreed.")
['23.', 'It was adopted.¹⁶', 'The Council, e.g. in S/RES/1996 (2011), agreed.']
"""

from __future__ import annotations

import re

from nupunkt import sent_spans

SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
_LEADING_MARKERS = re.compile(r"^(?:\[\d{1,3}\]\s*)+")
_PARAGRAPH_NUMBER = re.compile(r"^(\d{1,3}\.)\s+(?=\S)")


def split_sentences(text: str) -> list[str]:
    """Sentences of ``text`` in order, whitespace normalised, wording unchanged.

    Line breaks end a sentence; footnote markers ("¹⁶") and answer markers ("[1]") stay
    with the sentence they follow; a paragraph number ("23.") is an item of its own, so
    the first sentence of a paragraph quotes without it.
    """
    out: list[str] = []
    for line in text.splitlines():
        for sentence in _split_line(" ".join(line.split())):
            _append(out, sentence)
    return out


def _split_line(line: str) -> list[str]:
    """Segment with footnote markers hidden from the tokenizer, then cut the original after them.

    Markers confuse Punkt ('peace."⁹ The' is cut before the quote), so the tokenizer sees
    the line without them and each cut moves past any marker that follows it.
    """
    if not line:
        return []
    number = _PARAGRAPH_NUMBER.match(line)
    if number:
        return [number.group(1), *_split_line(line[number.end() :])]
    keep = [i for i, ch in enumerate(line) if ch not in SUPERSCRIPTS]
    stripped = "".join(line[i] for i in keep)
    cuts = []
    for _, end in sent_spans(stripped)[:-1]:
        cut = keep[end - 1] + 1 if end > 0 else 0
        while cut < len(line) and (line[cut] in SUPERSCRIPTS or line[cut] == " "):
            cut += 1
        cuts.append(cut)
    bounds = [0, *cuts, len(line)]
    return [line[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False) if line[a:b].strip()]


def _append(out: list[str], sentence: str) -> None:
    """Add a sentence, moving answer markers it starts with ('[1] Next') back onto the one before."""
    lead = _LEADING_MARKERS.match(sentence)
    if lead and out:
        out[-1] = f"{out[-1]} {lead.group(0).strip()}"
        sentence = sentence[lead.end():].strip()
    if sentence:
        out.append(sentence)


SENTENCE_BREAK = "\u2029"  # the Unicode paragraph separator: never in a document's text, so a safe mark


def split_between_sentences(text: str, size: int, overlap: int) -> list[str]:
    """A long paragraph in pieces of about ``size`` characters, cut between its sentences (within an over-long sentence,
    at a semicolon, a comma or a space), consecutive pieces sharing up to ``overlap`` characters.

    The text splitter's own ". " cut inside 'see paras. 21, 24 and 25 above', so a passage opened "21, 24 and 25 above)
    and …"; the sentence splitter knows the abbreviation, and its cuts are marked for the text splitter.

    >>> split_between_sentences("It met (see paras. 21 and 25 above) in May. It agreed.", 45, 0)
    ['It met (see paras. 21 and 25 above) in May.', 'It agreed.']
    """
    from langchain_text_splitters import RecursiveCharacterTextSplitter  # only at ingest: a search never loads LangChain

    splitter = RecursiveCharacterTextSplitter(chunk_size=size, chunk_overlap=overlap, keep_separator="end",
                                              separators=["\n\n", "\n", SENTENCE_BREAK, "; ", ", ", " "])
    marked = "\n".join(SENTENCE_BREAK.join(split_sentences(line)) for line in text.split("\n"))
    return [piece.replace(SENTENCE_BREAK, " ").strip() for piece in splitter.split_text(marked)]
