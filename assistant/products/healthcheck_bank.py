"""The health check's question bank: stages, areas and key performance questions, checked when loaded.

``healthcheck_bank.yaml`` (beside this module) holds them; see :mod:`assistant.products.healthcheck`.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, Field, model_validator

BANK_FILE = Path(__file__).with_name("healthcheck_bank.yaml")


# --- the bank --------------------------------------------------------------------------------
class Anchor(BaseModel):
    """Where a quote lives: a manifest document id and a phrase of one of its sentences."""

    doc: str
    find: str = Field(min_length=12)


class Suggestion(Anchor):
    """An action from practice, backed by the anchored sentence."""

    action: str


class Stage(BaseModel):
    """A stage of the planning cycle; its code prefixes question numbers (A1, P2, ...)."""

    key: str
    name: str
    code: str


class Area(BaseModel):
    """An area of integration, with the practice suggested when a team rates it weak."""

    key: str
    name: str
    tension_words: list[str] = Field(default_factory=list, description="Words that tie a context tension to this area.")
    suggestions: list[Suggestion] = Field(default_factory=list)
    humanitarian: bool = Field(False, description="Not applicable without a humanitarian response.")


class BankQuestion(BaseModel):
    """A key performance question as written in the bank, before the context words it."""

    id: str
    stage: str
    area: str
    question: str
    question_by_presence: dict[str, str] = Field(default_factory=dict)
    evidence: str
    why: list[Anchor] = Field(min_length=1)
    only: Literal["leaving", "staying"] | None = Field(
        None, description="Only for a presence drawing down or in transition (leaving), or only for one that is not (staying).")


class Bank(BaseModel):
    """The whole question bank, checked for consistency when loaded."""

    stages: list[Stage]
    areas: list[Area]
    questions: list[BankQuestion]

    @model_validator(mode="after")
    def _consistent(self) -> "Bank":
        stages, areas = {s.key for s in self.stages}, {a.key for a in self.areas}
        ids = Counter(q.id for q in self.questions)
        problems = [f"{i}: duplicate id" for i, n in ids.items() if n > 1]
        problems += [f"{q.id}: unknown stage {q.stage}" for q in self.questions if q.stage not in stages]
        problems += [f"{q.id}: unknown area {q.area}" for q in self.questions if q.area not in areas]
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def stage(self, key: str) -> Stage:
        """The stage with this key."""
        return next(s for s in self.stages if s.key == key)

    def area(self, key: str) -> Area:
        """The area with this key."""
        return next(a for a in self.areas if a.key == key)


@lru_cache(maxsize=1)
def load_bank(path: Path = BANK_FILE) -> Bank:
    """The question bank shipped with the package."""
    return Bank.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


