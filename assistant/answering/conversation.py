"""Chat with history: a follow-up is condensed into a standalone query before retrieval.

Without an LLM the condensation is rule-based: a question that leans on the previous
one (a pronoun such as "it", or an opening "and ..."/"what about ...") gets the previous
question's topic — its glossary terms, else its content words — put in place.

>>> condense_rules("and who approves it?", "What must an ISF contain?", terms=["ISF"])
'and who approves ISF?'
>>> condense_rules("What is a JMAC?", "What must an ISF contain?", terms=["ISF"])
'What is a JMAC?'
"""

from __future__ import annotations

import re
from typing import Iterator

from assistant.answering.answer import Answer, answer_stream, resolve_backend
from assistant.answering.llm import CONDENSE_PROMPT, chat_model, complete
from assistant.index.lexical import STOPWORDS
from assistant.index.retrieve import Filters, Retriever

PRONOUN = re.compile(r"\b(it|its|they|them|their|this|that|these|those|he|she|his|her)\b", re.IGNORECASE)
LEANING_START = re.compile(r"^(and|but|also|so|what about|how about|and what about|then)\b", re.IGNORECASE)
QUESTION_WORDS = {"what", "who", "whom", "which", "when", "where", "why", "how", "must", "does", "do", "is", "are", "can",
                  "should", "shall", "would", "could", "did"}


def topic_of(question: str, terms: list[str]) -> str:
    """What a question is about, to carry into a follow-up: its glossary terms, else its content words."""
    if terms:
        return " and ".join(terms)
    words = [w for w in re.findall(r"[\w/-]+", question) if w.lower() not in STOPWORDS and w.lower() not in QUESTION_WORDS]
    return " ".join(words)


def condense_rules(question: str, previous: str, terms: list[str]) -> str:
    """Standalone version of a follow-up, by rule; questions that stand alone pass unchanged."""
    if not previous or not (PRONOUN.search(question) or LEANING_START.match(question)):
        return question
    topic = topic_of(previous, terms)
    if not topic:
        return question
    if PRONOUN.search(question):
        return PRONOUN.sub(topic, question, count=1)
    return f"{question.rstrip('?')} regarding {topic}?"


Turn = tuple[str, str, Answer]
"""(question as asked, standalone query searched, answer)."""


class Conversation:
    """One user's chat, the same for CLI and UI: keeps (question, standalone query, answer) turns.

    The UI keeps only ``turns`` in its per-session state and builds a Conversation per message
    (it holds the retriever, which must not be copied into every session).
    """

    def __init__(self, retriever: Retriever, backend: str = "auto", filters: Filters | None = None,
                 turns: list[Turn] | None = None):
        self.retriever = retriever
        self.backend = backend
        self.filters = filters
        self.turns: list[Turn] = list(turns or [])

    def condense(self, question: str) -> str:
        """The follow-up as a standalone query (by the LLM when one is configured, else by rule)."""
        if not self.turns:
            return question
        previous_q, previous_standalone, _ = self.turns[-1]
        if resolve_backend(self.backend, self.retriever) == "llm":
            history = "\n".join(f"User: {q}\nAssistant: {a.answer}" for q, _, a in self.turns[-3:])
            rewritten = complete(chat_model(self.retriever.settings), CONDENSE_PROMPT.format(history=history, question=question))
            return rewritten.splitlines()[0].strip() if rewritten else question
        terms = [t.term for t in self.retriever.glossary.matches(previous_standalone)]
        return condense_rules(question, previous_standalone, terms)

    def stream(self, question: str) -> Iterator[str | Answer]:
        """Answer a follow-up in context: text as it is produced, then the Answer (recorded as a turn)."""
        standalone = self.condense(question)
        for event in answer_stream(question, self.retriever, self.filters, self.backend, search_query=standalone):
            if isinstance(event, Answer):
                self.turns.append((question, standalone, event))
            yield event

    def ask(self, question: str) -> Answer:
        """Answer a follow-up in context (non-streaming)."""
        return next(e for e in self.stream(question) if isinstance(e, Answer))
