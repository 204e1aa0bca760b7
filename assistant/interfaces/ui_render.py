"""What the web page shows of corpus text: inert, highlighted where quoted, and honest about what is missing.

Corpus and uploaded text is data, never markup: a passage holding ``![x](https://...)`` or
``<img src=...>`` would make the reader's browser fetch that address (an exfiltration
channel), so Markdown and HTML in it are shown as the characters they are. Status marks
are words and CSS, not emoji (a browser without an emoji font shows empty boxes).

>>> md_text("See ![x](http://evil.example/p.png) <img src=y>")
'See \\\\!\\\\[x\\\\]\\\\(http://evil.example/p.png\\\\) &lt;img src=y&gt;'
>>> highlight("The ISF sets shared objectives. It is reviewed yearly.", ["It is reviewed yearly."])
'The ISF sets shared objectives. <mark class="pa-quote">It is reviewed yearly.</mark>'
"""

from __future__ import annotations

import html
import re
from collections import Counter

from assistant.citation import Citation
from assistant.index.library import CatalogueEntry

MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]()#!|~>{}])")


def md_text(text: str) -> str:
    """Text shown verbatim inside Markdown: HTML escaped, Markdown syntax backslash-escaped."""
    return MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(text, quote=False))


def highlight(passage: str, quotes: list[str]) -> str:
    """The passage as escaped HTML with each quoted sentence in <mark> (quotes not found are left out)."""
    spans = []
    for quote in quotes:
        start = passage.find(quote.strip())
        if quote.strip() and start >= 0:
            spans.append((start, start + len(quote.strip())))
    out, at = [], 0
    for start, end in sorted(spans):
        if start < at:
            continue
        out.append(html.escape(passage[at:start]))
        out.append(f'<mark class="pa-quote">{html.escape(passage[start:end])}</mark>')
        at = end
    out.append(html.escape(passage[at:]))
    return "".join(out)


def telling_apart(citations: list[Citation], words: int = 8) -> dict[int, str]:
    """For sources cited alike (same document and locator, e.g. two passages of one section of a study):
    the opening words of each passage, so that [1] and [2] read as two places, not one label twice.

    >>> a = Citation(n=1, doc_id="ipi", chunk_id="a", title="T", locator="'Strategic Planning'", short="IPI 2013",
    ...              quote="The purpose of the framework was to bring together the mandates.")
    >>> telling_apart([a, a.model_copy(update={"n": 2, "chunk_id": "b", "quote": "Many bemoan the delays."})])[2]
    ', passage beginning “Many bemoan the delays.”'
    """
    seen = Counter((c.short, c.locator) for c in citations)
    out = {}
    for c in citations:
        if seen[(c.short, c.locator)] > 1:
            opening = c.quote.split()
            text = " ".join(opening[:words]) + ("…" if len(opening) > words else "")
            out[c.n] = f", passage beginning “{html.escape(text)}”"
    return out


def page_label(page_start: int | None, page_end: int | None) -> str:
    """' (PDF page 4)' or ' (PDF pages 4–5)' for a passage from a PDF, else ''."""
    if page_start is None:
        return ""
    if page_end is None or page_end == page_start:
        return f" (PDF page {page_start})"
    return f" (PDF pages {page_start}–{page_end})"


def library_notice(catalogue: list[CatalogueEntry]) -> str:
    """A short notice naming the catalogued canonical texts that are not in the index, and how to add them."""
    missing = [c for c in catalogue if not c.in_index]
    if not missing:
        return ""
    names = ", ".join(f"{md_text(c.short)}" for c in missing)
    return (f"**Library status:** {len(missing)} canonical text{'s are' if len(missing) > 1 else ' is'} not in the library "
            f"— {names}. Answers that depend on them say so. To add them, an administrator runs "
            "`planassist corpus fetch` when online, or saves the official PDF as `corpus/fetched/<id>.pdf` "
            "and runs `planassist ingest` (the **Library** tab lists the ids).")


PLAIN_MESSAGES = (
    (re.compile(r"List should have at least (\d+) items? after validation"), lambda m: f"add at least {m.group(1)}"),
    (re.compile(r"String should have at least (\d+) characters?"), lambda m: f"write at least {m.group(1)} characters"),
    (re.compile(r"String should have at most (\d+) characters?"), lambda m: f"keep it under {m.group(1)} characters"),
    (re.compile(r"Field required"), lambda m: "fill this in"),
    (re.compile(r"Input should be (.+)"), lambda m: f"choose {m.group(1)}"),
)


def plain_form_error(message: str, labels: dict[str, str]) -> str:
    """'un_entities: List should have at least 1 item after validation' -> 'UN entities present: add at least 1'.

    Each problem names the field as the form labels it, in words rather than the validator's.
    """
    problems = []
    for part in message.split("; "):
        field, _, text = part.partition(": ")
        if not text:
            field, text = "", part
        root = field.split(".")[0]
        for pattern, words in PLAIN_MESSAGES:
            match = pattern.search(text)
            if match:
                text = words(match)
                break
        label = labels.get(root, root.replace("_", " "))
        problems.append(f"{label}: {text}" if label else text)
    return "; ".join(problems)
