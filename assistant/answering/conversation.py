"""Chat with history: a follow-up keeps the topic and takes the new ask; nothing is said twice.

Without an LLM the condensation is rule-based (:mod:`condense`): a pronoun becomes the previous
question's topic (or, after "What replaced …?", the answer's subject), an elliptical follow-up
("and by mid-2019?", "what about corruption under MINUJUSTH?") becomes the previous question with
the new qualifier, "tell me more" asks again. The answer opens with the question as understood
("Answering: Who approves the ISF?") whenever it differs from what was typed.

Sentences already given in the conversation are never quoted again: a follow-up that
retrieves the same passages answers with what they add, or says what is not stated.
The same function serves the UI's chat, ``/api/ask`` with ``history`` and the
OpenAI-compatible ``/v1/chat/completions`` (stateless: the client sends the turns).

>>> condense_rules("and who approves it?", "What must an ISF contain?")
'Who approves the ISF?'
>>> condense_rules("What is a JMAC?", "What must an ISF contain?")
'What is a JMAC?'
"""

from __future__ import annotations

import re
from typing import Iterator, Literal

from pydantic import BaseModel, Field

from assistant.answering.answer import ROLE_PREFIX, Answer, answer_stream, resolve_backend
from assistant.answering.condense import condense_rules
from assistant.answering.llm import CONDENSE_PROMPT, chat_model, complete
from assistant.answering.verify import strip_markers
from assistant.corpus.sentences import split_sentences
from assistant.index.retrieve import Filters, Retriever

HISTORY_TURNS = 3


class Message(BaseModel):
    """One chat message, as OpenAI-compatible clients send it."""

    role: Literal["system", "user", "assistant"]
    content: str = Field(max_length=20000)


LINE_PREFIX = re.compile(rf"^(?:[-•]\s+|{re.escape(ROLE_PREFIX['note'].strip())}\s*)")


def given_sentences(answers: list[str]) -> set[str]:
    """Normalised sentences of earlier answers (markers, list bullets and the 'Footnote:' label removed): not to be
    quoted again."""
    out = set()
    for text in answers:
        for sentence in split_sentences(text):
            clean = strip_markers(LINE_PREFIX.sub("", sentence))
            out.add(" ".join(clean.lower().split()))
    return out


def standalone_question(question: str, previous_questions: list[str], retriever: Retriever, backend: str,
                        previous_answers: list[str] | None = None) -> str:
    """The follow-up made standalone, condensing the earlier questions in turn (the last one first needs its own)."""
    if not previous_questions:
        return question
    if resolve_backend(backend, retriever) == "llm":
        answers = ((previous_answers or []) + [""] * len(previous_questions))[:len(previous_questions)]
        pairs = zip(previous_questions[-HISTORY_TURNS:], answers[-HISTORY_TURNS:], strict=True)
        history = "\n".join(f"User: {q}\nAssistant: {a}" for q, a in pairs)
        rewritten = complete(chat_model(retriever.settings), CONDENSE_PROMPT.format(history=history, question=question))
        return rewritten.splitlines()[0].strip() if rewritten else question
    answers = list(previous_answers or [])
    library = retriever.sentences.library_text
    standalone = previous_questions[0]
    for i, q in enumerate([*previous_questions[1:], question]):
        standalone = condense_rules(q, standalone, answers[i] if i < len(answers) else "", library)
    return standalone


def split_history(history: list[Message]) -> tuple[list[str], list[str]]:
    """(earlier user questions, earlier assistant answers) from OpenAI-style messages."""
    return ([m.content for m in history if m.role == "user"], [m.content for m in history if m.role == "assistant"])


def answer_with_history(question: str, history: list[Message], retriever: Retriever, filters: Filters | None = None,
                        backend: str = "auto") -> Iterator[str | Answer]:
    """Stream the answer to a follow-up: condensed query, earlier sentences excluded."""
    questions, answers = split_history(history)
    standalone = standalone_question(question, questions, retriever, backend, answers)
    return answer_stream(question, retriever, filters=filters, backend=backend, search_query=standalone,
                         exclude=given_sentences(answers))


Turn = tuple[str, str, Answer]
"""(question as asked, standalone query searched, answer)."""


def ask_with_history(question: str, history: list[Message], retriever: Retriever, filters: Filters | None = None,
                     backend: str = "auto") -> Answer:
    """The final answer to a follow-up given earlier messages (non-streaming :func:`answer_with_history`)."""
    return next(e for e in answer_with_history(question, history, retriever, filters, backend) if isinstance(e, Answer))


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
        """The standalone query for this question given the turns so far."""
        return standalone_question(question, [q for q, _, _ in self.turns], self.retriever, self.backend,
                                   [a.answer for _, _, a in self.turns])

    def stream(self, question: str) -> Iterator[str | Answer]:
        """Answer a follow-up in context: text as it is produced, then the Answer (recorded as a turn).

        Sentences already given in this conversation are not quoted again.
        """
        standalone = self.condense(question)
        given = given_sentences([a.answer for _, _, a in self.turns])
        for event in answer_stream(question, self.retriever, self.filters, self.backend, search_query=standalone,
                                   exclude=given):
            if isinstance(event, Answer):
                self.turns.append((question, standalone, event))
            yield event

    def ask(self, question: str) -> Answer:
        """Answer a follow-up in context (non-streaming)."""
        return next(e for e in self.stream(question) if isinstance(e, Answer))
