"""Model-written first-pass paragraphs for ISF sections, verified sentence by sentence.

Used by :mod:`assistant.products.draft` when the draft's backend is an LLM. The model gets
the planning context and at most three short guidance passages and writes one paragraph.
Each sentence is then checked on its own:

- a sentence with [n] markers must be supported by the passages it cites (the same
  :class:`~assistant.answering.verify.Verifier` as answers; invalid markers are repaired or
  removed) — otherwise it is left out;
- a sentence without markers is drafting text about the country: it is kept only when its
  content words come from the context (or the passages), at the verifier's 60 % bar;
- no sentence may name anything or give any figure that is neither in the context nor in
  the passages (capitalised names and numbers are checked) — that is how invented facts
  about the country are stopped.

>>> ctx = PlanningContext(country="Carana", presence="PKO", mission="UNMICA", key_tasks=["Protect civilians"],
...                       un_entities=["UNDP"], period="2027-2029")
>>> new_names("UNMICA and UNDP will protect civilians in Carana from 2027.", context_text(ctx))
[]
>>> new_names("The World Bank funds 40 projects.", context_text(ctx))
['World', 'Bank', '40']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answering.answer import llm_passages
from assistant.answering.compose import plan_answer
from assistant.answering.llm import build_draft_messages, chat_model, complete_messages
from assistant.answering.verify import LEXICAL_SUPPORT, Verifier, markers, split_sentences, strip_markers
from assistant.citation import MARKER_FORMAT, CitationBook
from assistant.index.lexical import tokenize
from assistant.index.retrieve import Retriever
from assistant.products.context import PlanningContext
from assistant.products.export import Block

PROSE_LABEL = "Model-written first pass (each sentence checked against your context and the cited guidance; review before use):"
# A small model sometimes echoes the prompt instead of writing: a sentence with the context's field labels is a copy, not prose.
PROMPT_ECHO = re.compile(r"\b(Country|Mission|Period|UN entities|National plan|Priority|Key task|National priority|Tension):"
                         r"|</?context>|quoted data|<passage", re.IGNORECASE)
MAX_SENTENCES = 6
NAME_OR_NUMBER = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][\w’'-]*|\b\d[\d.,–-]*\d\b|\b\d\b")
ALWAYS_ALLOWED = frozenset({"UN", "United", "Nations", "ISF", "Integrated", "Strategic", "Framework", "Secretary-General",
                            "Security", "Council", "SRSG", "DSRSG", "RC", "HC", "UNCT", "Government", "I"})


@dataclass
class Paragraph:
    """The verified paragraph and how many of the model's sentences were left out."""

    text: str
    kept: int
    dropped: int


def context_text(ctx: PlanningContext) -> str:
    """The planning context as short plain lines: the only source of facts about the country."""
    lines = [f"Country: {ctx.country}", f"Mission: {ctx.mission} ({ctx.presence})", f"Period: {ctx.span}",
             f"UN entities: {', '.join(ctx.un_entities)}"]
    if ctx.national_plan:
        lines.append(f"National plan: {ctx.national_plan}")
    lines += [f"Priority: {p.name}" + (f" (lead: {p.lead})" if p.lead else "") for p in ctx.all_priorities]
    lines += [f"Key task: {t}" for t in ctx.key_tasks[:6]]
    lines += [f"National priority: {p}" for p in ctx.national_priorities[:6]]
    lines += [f"Tension: {t}" for t in ctx.tensions[:4]]
    return "\n".join(lines)


def new_names(sentence: str, allowed_text: str) -> list[str]:
    """Capitalised names and numbers in the sentence that the allowed text does not contain."""
    allowed = allowed_text.lower()
    return [m for m in NAME_OR_NUMBER.findall(strip_markers(sentence))
            if m not in ALWAYS_ALLOWED and m.lower().strip(".,") not in allowed]


def _grounded_in(sentence: str, text: str) -> bool:
    words = set(tokenize(strip_markers(sentence)))
    return bool(words) and len(words & set(tokenize(text))) / len(words) >= LEXICAL_SUPPORT


def verify_paragraph(reply: str, ctx_text: str, passages: dict[int, str], verifier: Verifier) -> list[tuple[str, list[int]]]:
    """(sentence, cited passage numbers) for each sentence that passes the checks above, in order."""
    everything = ctx_text + "\n" + "\n".join(passages.values())
    kept: list[tuple[str, list[int]]] = []
    for sentence in split_sentences(reply):
        if len(kept) == MAX_SENTENCES:
            break
        if PROMPT_ECHO.search(sentence) or new_names(sentence, everything):
            continue
        if markers(sentence):
            verdict = verifier.check([sentence], passages)[0]
            if verdict.supported:
                kept.append((verdict.text, verdict.citations))
        elif _grounded_in(sentence, everything):
            kept.append((strip_markers(sentence), []))
    return kept


def draft_paragraph(section_title: str, question: str, ctx: PlanningContext, retriever: Retriever,
                    book: CitationBook) -> Paragraph:
    """One model-written, verified paragraph for a section; citations numbered in the report's book."""
    given = llm_passages(plan_answer(question, retriever), retriever)
    ctx_text = context_text(ctx)
    messages = build_draft_messages(section_title, ctx.country, ctx_text,
                                    [(i + 1, h.label, h.text) for i, h in enumerate(given)])
    reply = complete_messages(chat_model(retriever.settings), messages)
    passages = {i + 1: h.text for i, h in enumerate(given)}
    kept = verify_paragraph(reply, ctx_text, passages, Verifier(retriever.encoder))
    parts = []
    for text, cited in kept:
        marks = "".join(MARKER_FORMAT.format(n=book.cite(given[n - 1].citation(n))) for n in cited)
        parts.append(f"{text} {marks}".strip())
    return Paragraph(text=" ".join(parts), kept=len(kept), dropped=len(split_sentences(reply)) - len(kept))


def prose_blocks(paragraph: Paragraph) -> list[Block]:
    """The blocks a draft section shows for a model-written paragraph (nothing when no sentence survived)."""
    if not paragraph.kept:
        return []
    blocks = [Block(kind="note", text=PROSE_LABEL), Block(kind="paragraph", text=paragraph.text)]
    if paragraph.dropped:
        blocks.append(Block(kind="note", text=f"{paragraph.dropped} model sentence(s) left out: not supported by the "
                                              "context or the cited guidance."))
    return blocks
