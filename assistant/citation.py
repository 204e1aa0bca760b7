"""How the assistant cites: locator styles, the citation format and the abstention phrase.

UN staff cite a document by its short title or symbol followed by where the passage
sits: a paragraph for numbered UN documents, a section heading for studies, a page for
PDFs without paragraph numbers. These strings are constants so that tests, exports and
the UI all agree.

>>> locator(para_start=23, para_end=23)
'para. 23'
>>> locator(para_start=23, para_end=25, page_start=4, page_end=5)
'paras. 23–25 (pp. 4–5)'
>>> locator(heading="Analyze as One")
"'Analyze as One'"
>>> format_citation("S/2012/765", "para. 23")
'S/2012/765, para. 23'
"""

from __future__ import annotations

import re

from pydantic import BaseModel, Field

NOT_COVERED = "The corpus does not cover this."
"""Said, verbatim, whenever the evidence is too weak to answer."""

GAP_PREFIX = "The library does not state"
"""Opens an answer whose passages are on topic but do not carry what was asked ("... who signs the ISF.")."""

LACKS_PATTERN = r"\bThe library (?:does not (?:state|mention)|never (?:mentions|uses))\b"
"""How an answer says what the library lacks ("The library does not mention the Senior Leadership Forum.")."""

UNDERSTOOD_PREFIX = "Answering:"
"""Opens the answer to a follow-up with the question as understood ("Answering: Who approves the ISF?")."""

MISSING_NOTE = "is not in the library"
"""Follows a catalogued canonical text's short title when a question names it ("Brahimi Report is not in the library")."""

LOCATOR_PARA = "para. {n}"
LOCATOR_PARAS = "paras. {a}–{b}"
LOCATOR_PAGE = "p. {n}"
LOCATOR_PAGES = "pp. {a}–{b}"
LOCATOR_SECTION = "'{heading}'"
LOCATOR_WHOLE = "whole document"
LOCATOR_FOOTNOTE = "footnote {n}"  # UN documents (numbered paragraphs)
LOCATOR_NOTE = "note {n}"  # studies and other documents without paragraph numbers
LOCATOR_OCR = "{locator} (OCR)"  # text read by OCR from a scanned page
CITATION_FORMAT = "{short}, {locator}"
SOURCE_TYPES = {
    "policy": "UN policy",
    "guidance": "UN guidance",
    "resolution": "UN resolution",
    "report": "UN report",
    "analysis": "independent analysis",
    "commentary": "non-UN commentary",
    "document": "document",
}
"""How a citation labels its source, by the manifest's document type (uploads are 'document')."""
MARKER_FORMAT = "[{n}]"


def _span(start: int | None, end: int | None, one: str, many: str) -> str:
    if start is None:
        return ""
    end = start if end is None else end
    return one.format(n=start) if end == start else many.format(a=start, b=end)


def locator(
    *,
    para_start: int | None = None,
    para_end: int | None = None,
    page_start: int | None = None,
    page_end: int | None = None,
    heading: str = "",
    footnote: str = "",
    un_numbered: bool = True,
    ocr: bool = False,
) -> str:
    """The human locator of a passage: paragraphs first, then section, with pages in brackets.

    A footnote is located by its number ("footnote 12" in UN documents, "note 16" in
    studies) and page; text read by OCR says so.

    >>> locator(footnote="12", page_start=8)
    'footnote 12 (p. 8)'
    >>> locator(footnote="16", un_numbered=False)
    'note 16'
    >>> locator(para_start=5, page_start=2, ocr=True)
    'para. 5 (p. 2) (OCR)'
    """
    paras = _span(para_start, para_end, LOCATOR_PARA, LOCATOR_PARAS)
    pages = _span(page_start, page_end, LOCATOR_PAGE, LOCATOR_PAGES)
    if footnote:
        main = (LOCATOR_FOOTNOTE if un_numbered else LOCATOR_NOTE).format(n=footnote)
    else:
        main = paras or (LOCATOR_SECTION.format(heading=heading) if heading else "")
    found = f"{main} ({pages})" if main and pages else main or pages or LOCATOR_WHOLE
    return LOCATOR_OCR.format(locator=found) if ocr else found


def format_citation(short: str, loc: str) -> str:
    """'S/2012/765, para. 23' — the form used in answers, drafts and exports."""
    return CITATION_FORMAT.format(short=short, locator=loc)


class SourceRef(BaseModel):
    """A numbered source as CLI ``--json`` and the API show it: which passage, where, verbatim."""

    n: int = Field(description="The number used in [n] markers.")
    chunk_id: str
    doc_id: str
    title: str
    locator: str
    quote: str = Field(description="The passage, verbatim.")
    source_type: str = Field("", description="What kind of source: UN policy, UN report, independent analysis, non-UN "
                                             "commentary (from the manifest's document type).")


class Citation(SourceRef):
    """A numbered source of an answer, draft or exercise: one passage of one document."""

    short: str = Field(description="Short citation title or UN symbol.")
    status: str = Field("current", description="'current' or 'superseded'.")
    superseded_by: str = ""

    @property
    def label(self) -> str:
        """How the source is cited in text: 'S/2012/765, para. 23'."""
        return format_citation(self.short, self.locator)


PARA_MARK = re.compile(r"(?:^|\n)\s*(\d{1,3})\.\s")
SUPERSCRIPTS = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+")


def narrowed(citation: Citation, quoted: list[str]) -> Citation:
    """The citation of a passage spanning several paragraphs, narrowed to those the quoted sentences are in: a quote
    from paragraph 18 of a passage holding paragraphs 18 and 19 is cited "para. 18", as UN staff cite it.

    >>> c = Citation(n=1, chunk_id="a", doc_id="d", title="T", short="A/RES/80/11", locator="paras. 18–19",
    ...              quote="18. Encourages the Commission to engage.\\n\\n19. Requests the Secretary-General to act.")
    >>> narrowed(c, ["Requests the Secretary-General to act."]).locator
    'para. 19'
    >>> narrowed(c, ["Encourages the Commission to engage.", "Requests the Secretary-General to act."]).locator
    'paras. 18–19'
    """
    span = re.match(r"paras\. (\d+)–(\d+)(.*)$", citation.locator)
    if not span or not quoted:
        return citation
    first, last, rest = int(span.group(1)), int(span.group(2)), span.group(3)
    text = SUPERSCRIPTS.sub("", citation.quote)
    marks = [(m.start(), int(m.group(1))) for m in PARA_MARK.finditer(text) if first <= int(m.group(1)) <= last]
    numbers = set()
    for sentence in quoted:  # a sentence of another passage (a leaning pair across two) is not found here
        at = text.find(SUPERSCRIPTS.sub("", sentence)[:60])
        if at >= 0:
            numbers.add(max((n for pos, n in marks if pos <= at), default=first))
    if not numbers:
        return citation  # nothing found as printed: keep the passage's own span
    low, high = min(numbers), max(numbers)
    if (low, high) == (first, last):
        return citation
    span_text = LOCATOR_PARA.format(n=low) if low == high else LOCATOR_PARAS.format(a=low, b=high)
    return citation.model_copy(update={"locator": span_text + rest})


class CitationBook:
    """Numbers sources across a whole draft or exercise pack: one passage (or the paragraphs of it quoted), one number.

    >>> book = CitationBook()
    >>> c = Citation(n=3, chunk_id="a", doc_id="d", title="T", short="S/1", locator="para. 1", quote="q")
    >>> book.cite(c), book.cite(c.model_copy(update={"n": 7}))
    (1, 1)
    """

    def __init__(self) -> None:
        self.sources: list[Citation] = []
        self._n: dict[str, int] = {}

    def cite(self, citation: Citation) -> int:
        """The number of this passage (or of the paragraphs of it quoted: :func:`narrowed`) in the report, giving it the
        next number the first time it is cited."""
        key = f"{citation.chunk_id}|{citation.locator}"
        if key not in self._n:
            self._n[key] = len(self.sources) + 1
            self.sources.append(citation.model_copy(update={"n": self._n[key]}))
        return self._n[key]
