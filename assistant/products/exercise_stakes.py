"""What else a request asks to play besides its topic: the other catalogue topics it names, and the planning context's
tension it is about.

"A half-day tabletop on protecting civilians while the mission withdraws from the eastern highlands before the
elections" is matched to protection of civilians (:func:`exercise_requests.match_topic`), but it also asks for the
elections and the drawdown, and, with a context, for the tension "The Government wants the mission to leave the eastern
highlands before the elections". Their injects are played (:func:`also_about`) and they open the start state
(:func:`played_situation`).
"""

from __future__ import annotations

from dataclasses import replace

from assistant.index.lexical import tokenize
from assistant.products.exercise_catalogue import TOPICS, Topic
from assistant.products.exercise_roles import EVERY_REQUEST

SHARED_WORDS = 2  # content words a context's tension must share with the request to be the one it plays
OTHER_SITUATIONS = 2  # other topics a request names whose situation joins the start state
JOINTS = ("At the same time,", "Meanwhile,")


def also_about(text: str, chosen: Topic) -> list[Topic]:
    """The other catalogue topics a request also names ('protecting civilians while the mission withdraws before the
    elections': transition and elections beside protection of civilians), the most named first; their events are
    played too, or the pack leaves out half of what was asked. A word the chosen topic already holds names no other.

    >>> [t.key for t in also_about("protecting civilians while the mission withdraws before the elections", TOPICS[3])]
    ['elections', 'transition']
    """
    words = set(tokenize(text)) - set(tokenize(f"{chosen.title} {chosen.keywords}"))  # 'integration' is the host topic's
    scored = [(2 * len(words & set(tokenize(t.title))) + len(words & set(tokenize(t.keywords))), -i, t)
              for i, t in enumerate(TOPICS) if t.key != chosen.key]
    return [t for score, _, t in sorted(scored, key=lambda x: x[:2], reverse=True) if score]


def played_tension(request: str, tensions: list[str]) -> str:
    """The planning context's tension a request is about: the one sharing the most of its content words, at least
    SHARED_WORDS; '' when none does."""
    words = set(tokenize(request)) - EVERY_REQUEST
    tension = max(tensions, key=lambda t: len(words & set(tokenize(t))), default="")
    return tension if len(words & set(tokenize(tension))) >= SHARED_WORDS else ""


def played_situation(chosen: Topic, request: str, tensions: list[str]) -> tuple[Topic, str]:
    """The start state a request asks for: its topic's situation, then those of the other topics it names and the
    planning context's tension it is about (:func:`played_tension`). "Protecting civilians while the mission withdraws
    from the eastern highlands before the elections" opened on the protection topic's militia offensive alone; it now
    also opens on the elections and the drawdown, and on the context's "The Government wants the mission to leave the
    eastern highlands before the elections, while civilians there still depend on its patrols".

    The other topics' first learning objective and discussion question join the topic's: their injects are played and
    test them, and the answer key answers for them. Returns the
    topic with that start state, and the tension played ('' when none).

    >>> poc = next(t for t in TOPICS if t.key == "poc")
    >>> played_situation(poc, "a tabletop on protection of civilians", ["Donors fund only bilateral work"]) == (poc, "")
    True
    """
    tension = played_tension(request, tensions)
    others = also_about(request, chosen)[:OTHER_SITUATIONS]
    parts = [f"{joint} {t.situation[:1].lower()}{t.situation[1:]}" for joint, t in zip(JOINTS, others, strict=False)]
    if tension:
        parts.append(f"The tension this exercise plays (from the planning context): {tension.rstrip('.')}.")
    if not parts:
        return chosen, tension
    objectives = (*chosen.objectives, *(t.objectives[0] for t in others if t.objectives))  # their injects test these
    questions = (*chosen.questions, *(t.questions[0] for t in others if t.questions))  # and the key answers for them
    return replace(chosen, situation=" ".join([chosen.situation, *parts]), objectives=objectives,
                   questions=questions), tension


__all__ = ["also_about", "played_situation", "played_tension"]
