"""What an exercise topic is made of: the injects released to players, and the roles, briefs, objectives, questions and
start state of one catalogue entry (:mod:`exercise_catalogue` holds the entries)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Inject:
    """A scripted event released to players."""

    title: str
    medium: str
    to: str
    content: str
    action: str


@dataclass(frozen=True)
class Topic:
    """One catalogue entry."""

    key: str
    title: str
    keywords: str
    roles: tuple[str, ...]
    briefs: dict[str, str]
    injects: tuple[Inject, ...]
    objectives: tuple[str, ...]
    questions: tuple[str, ...]
    situation: str
    # briefs that replace the topic's when play starts after one of its injects (after a disputed result, no one is still
    # waiting for ballots): inject title -> role -> brief
    after: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def named(self) -> str:
        """The title in running text: lower case but for acronyms ('DDR, returns and reintegration')."""
        return " ".join(w if w.rstrip(",;:").isupper() else w.lower() for w in self.title.split())


def inject(title: str, medium: str, to: str, content: str, action: str) -> Inject:
    """An inject, as the catalogue's entries write them (positional, one per line)."""
    return Inject(title, medium, to, content, action)


__all__ = ["Inject", "Topic", "inject"]
