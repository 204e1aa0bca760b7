"""The trainer's request, built in the shape it asks for: one function behind the CLI, the API and the UI.

``training_product`` recognises the product (:mod:`exercise_shapes`) — an exercise pack, a
snap-situation drill, a hot-wash and AAR template, a course design, a drafting workshop, a
proposal exercise or a quiz — and builds it with the request's own numbers. A length given
explicitly (``minutes``) wins over one stated in the request; a request that states none gets
each shape's default. A request that no shape's subject fits and the library does not cover
is declined with what the library and the catalogue hold, rather than built on another topic.

>>> training_product("Create six snap situations (10 minutes each) on which mechanism decides", None, 18,
...                  get_retriever()).subtitle                                              # doctest: +SKIP
'snap-situation drill · 6 situations × 10 minutes · 85 minutes in all · 18 participants'
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, Field

from assistant.answering.answer import answer_question
from assistant.constants import MAX_MINUTES, MAX_PARTICIPANTS, MIN_MINUTES, MIN_PARTICIPANTS
from assistant.errors import InvalidRequest
from assistant.index.retrieve import Retriever
from assistant.products.context import PlanningContext
from assistant.products.exercise import DEFAULT_COUNTRY, exercise
from assistant.products.exercise_aar import aar
from assistant.products.exercise_cast import requested_roles
from assistant.products.exercise_catalogue import TOPICS
from assistant.products.exercise_course import course
from assistant.products.exercise_drill import drill
from assistant.products.exercise_requests import topic_fits
from assistant.products.exercise_scope import codes, thin_notes
from assistant.products.exercise_setting import STOCK_SPM_NOTE, apply_setting, assumptions_note, hq_cast
from assistant.products.exercise_shapes import SHAPES, covers, recognise
from assistant.products.exercise_workshop import drafting_workshop, proposal_exercise
from assistant.products.export import Block, Report
from assistant.products.quiz_sheets import quiz

DEFAULT_MINUTES = 90
DEFAULT_QUESTIONS = 10
DEFAULT_PARTICIPANTS = 18


class TrainingRequest(BaseModel):
    """A trainer's request as the API takes it (the CLI and UI pass the same fields to :func:`training_product`)."""

    topic: str = Field(min_length=3, max_length=600, description="The request in the trainer's words, or a topic.")
    minutes: int | None = Field(None, ge=MIN_MINUTES, le=MAX_MINUTES,
                                description="Length; leave out to take it from the request (e.g. 'half-day'), else 90.")
    participants: int | None = Field(None, ge=MIN_PARTICIPANTS, le=MAX_PARTICIPANTS,
                                     description="Leave out to take it from the request ('a group of 24'), else 18.")
    country: str = Field("Carana", min_length=2, max_length=100, description="Fictional country of the scenario.")
    context: PlanningContext | None = Field(None, description="Planning context to build the scenario from.")
    injects: list[str] = Field([], max_length=12, description="Events to play, e.g. 'election incident at month 9'.")
    shape: Literal["auto", *SHAPES] = Field("auto", description="The product; auto recognises it from the request.")  # type: ignore[valid-type]
    backend: Literal["auto", "extractive", "llm"] = "auto"

    def build(self, retriever: Retriever) -> Report:
        """The product this request asks for."""
        return training_product(self.topic, self.minutes, self.participants, retriever, backend=self.backend,
                                country=self.country, context=self.context, injects=self.injects, shape=self.shape)


def _in_scope(request: str, retriever: Retriever) -> None:
    """A pack on a subject no catalogue topic fits goes ahead only if the library covers it; else it is declined with what
    the answer work says, rather than built on another topic."""
    if topic_fits(request):
        return
    answer = answer_question(request, retriever, backend="extractive")
    if answer.abstained:
        said = answer.answer.splitlines()[0] if answer.answer else "The corpus does not cover this."
        topics = ", ".join(t.named for t in TOPICS)
        raise InvalidRequest(f"no exercise built: {said} No exercise topic fits the request either. Topics: {topics}.")


SPM_REQUEST = re.compile(r"\bSPM\b|special political mission|political mission|no peacekeepers", re.IGNORECASE)


def _request_context(request: str, country: str) -> PlanningContext | None:
    """A fictional special political mission when the request asks for one ("an SPM and no peacekeepers"), so the
    read-ahead does not describe a peacekeeping operation; None otherwise (the default fictional PKO)."""
    if not SPM_REQUEST.search(request):
        return None
    return PlanningContext(
        country=country, fictional=True, presence="SPM", mission=f"UNIO{country[:1].upper()}",
        key_tasks=["Provide good offices in support of the national dialogue", "Support elections and political inclusion",
                   "Monitor, promote and report on human rights", "Plan with the country team the transfer of residual tasks"],
        national_plan=f"the {country} National Development Plan", un_entities=["UNDP", "UNICEF", "UNFPA", "UN Women", "OHCHR"],
        national_priorities=["Governance and the rule of law", "Inclusive growth and jobs", "Social services"],
        period="2027-2029")


def _decline(kind: str) -> InvalidRequest:
    what = {"course": "integrated assessment and planning (IAP)", "workshop": "drafting an Integrated Strategic Framework "
            "(vision, priorities, results)", "proposal": "a Peacebuilding Fund joint proposal"}[kind]
    return InvalidRequest(f"no {kind} built: the {kind} design this assistant holds is about {what}, and the request names "
                          "another subject; the library holds nothing to build it from.")


def training_product(request: str, minutes: int | None, participants: int | None, retriever: Retriever, backend: str = "auto",
                     country: str = DEFAULT_COUNTRY, context: PlanningContext | None = None,
                     injects: list[str] | None = None, shape: str = "auto") -> Report:
    """The product the request asks for (or ``shape``, when not "auto"), honouring the numbers it states."""
    if len(request.strip()) < 3:
        raise InvalidRequest("topic: give the subject of the exercise (at least 3 characters)")
    if shape not in ("auto", *SHAPES):
        raise InvalidRequest(f"shape: one of auto, {', '.join(SHAPES)}")
    s = recognise(request, shape)
    participants = participants or s.participants or DEFAULT_PARTICIPANTS
    if not MIN_PARTICIPANTS <= participants <= MAX_PARTICIPANTS:
        raise InvalidRequest(f"participants: between {MIN_PARTICIPANTS} and {MAX_PARTICIPANTS}")
    if minutes is not None and not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise InvalidRequest(f"minutes: between {MIN_MINUTES} and {MAX_MINUTES} (two days of eight hours)")
    if not covers(s.kind, request):
        raise _decline(s.kind)
    if s.kind == "drill":
        return drill(request, s, participants, retriever, minutes)
    if s.kind == "aar":
        return aar(request, s, participants, retriever)
    if s.kind == "course":
        return course(request, s, participants, retriever)
    if s.kind == "workshop":
        return drafting_workshop(request, s, participants, retriever, country, context, minutes)
    if s.kind == "proposal":
        return proposal_exercise(request, s, participants, retriever, country, context, minutes)
    if s.kind == "quiz":
        return quiz(request, s.count or DEFAULT_QUESTIONS, retriever)
    _in_scope(request, retriever)
    stock = None if context else _request_context(request, country)
    pack = exercise(request, minutes or s.minutes or DEFAULT_MINUTES, participants, retriever, backend=backend,
                    country=country, context=context or stock, injects=injects,
                    inject_count=s.injects, cast=hq_cast(request, requested_roles(request)))
    if stock is not None:  # the SPM the request asked for is the assistant's stock one, not the trainer's context
        for block in pack.blocks:
            block.text = STOCK_SPM_NOTE if block.kind == "note" and block.text == assumptions_note(country, False) else block.text
    apply_setting(pack, request)
    own = {context.mission, context.country, *codes(context.mission)} if context else set()
    notes = [f"Request: {request.strip()}"] * (len(request) > 80) + thin_notes(request, retriever, own)
    pack.blocks[2:2] = [Block(kind="note", text=n) for n in notes]
    return pack
