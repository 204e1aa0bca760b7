"""What else a request asks to play besides its topic: the other catalogue topics it names, and the planning context's
tension it is about.

"A half-day tabletop on protecting civilians while the mission withdraws from the eastern highlands before the
elections" is matched to protection of civilians (:func:`exercise_requests.match_topic`), but it also asks for the
elections and the drawdown, and, with a context, for the tension "The Government wants the mission to leave the eastern
highlands before the elections". Their injects are played (:func:`also_about`) and they open the start state
(:func:`played_situation`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.index.lexical import tokenize
from assistant.products.draft_match import stems
from assistant.products.exercise_catalogue import TOPICS, Inject, Topic
from assistant.products.exercise_roles import EVERY_REQUEST

SHARED_WORDS = 2  # content words a context's tension must share with the request to be the one it plays
OTHER_SITUATIONS = 2  # other topics a request names whose situation joins the start state
JOINTS = ("At the same time,", "Meanwhile,")
# A programme's name is no topic named: 'programmatic funds for community violence reduction' asks for no violence.
PROGRAMMES = re.compile(r"\bcommunity violence reduction\b|\bCVR\b", re.IGNORECASE)


def also_about(text: str, chosen: Topic) -> list[Topic]:
    """The other catalogue topics a request also names ('protecting civilians while the mission withdraws before the
    elections': transition and elections beside protection of civilians), the most named first; their events are
    played too, or the pack leaves out half of what was asked. A word the chosen topic already holds names no other.

    >>> [t.key for t in also_about("protecting civilians while the mission withdraws before the elections", TOPICS[3])]
    ['elections', 'transition']
    >>> also_about("after the budget cut, programmatic funds for community violence reduction end", TOPICS[5])
    []
    """
    words = set(tokenize(PROGRAMMES.sub(" ", text))) - set(tokenize(f"{chosen.title} {chosen.keywords}"))  # 'integration'
    # is the host topic's
    scored = [(2 * len(words & set(tokenize(t.title))) + len(words & set(tokenize(t.keywords))), -i, t)
              for i, t in enumerate(TOPICS) if t.key != chosen.key]
    return [t for score, _, t in sorted(scored, key=lambda x: x[:2], reverse=True) if score]


def played_topics(request: str, chosen: Topic, tension: str) -> list[Topic]:
    """The other topics played (:func:`also_about`), less the stock host government resisting integration when the
    context's tension is its own Government's ('wants the force withdrawn by mid-2028'): that tension is played instead."""
    return [t for t in also_about(request, chosen) if not (t.key == "host" and re.search(r"\bGovernment\b", tension))]


def played_tension(request: str, tensions: list[str]) -> str:
    """The planning context's tensions a request is about, best first, as one text: each sharing at least SHARED_WORDS
    of its content words (a request on drawdown, attacks on civilians and a funding cliff plays all three of a context's
    tensions on them, not the one sharing most); '' when none does."""
    words = set(tokenize(request)) - EVERY_REQUEST
    shared = sorted(((len(words & set(tokenize(t))), -i, t) for i, t in enumerate(tensions)), reverse=True)
    return " ".join(f"{t.rstrip('.')}." for n, _, t in shared if n >= SHARED_WORDS)


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
    others = played_topics(request, chosen, tension)[:OTHER_SITUATIONS]
    # a stake the context's tension tells in its own words opens on it, not on the topic's stock situation (trial 8: a
    # Council decision to "draw down over 18 months" beside the context's Government wanting the force out by mid-2028)
    told = stems(tension) - {"gover"}
    stock = [t for t in others if not told & stems(t.keywords)]
    # the topic's own stock situation gives way too when the tension tells it ('the Security Council has decided that
    # the mission will draw down over 18 months' beside a context whose Government wants the mission out before a vote)
    own = "" if told & stems(chosen.keywords) else chosen.situation
    joints = JOINTS if own else ("", *JOINTS)  # nothing before the first: no 'At the same time,' opening the start state
    parts = [f"{joint} {t.situation[:1].lower()}{t.situation[1:]}" if joint else t.situation
             for joint, t in zip(joints, stock, strict=False)]
    if tension:
        parts.append(f"What this exercise plays from the planning context: {tension}")
    if not parts:
        return chosen, tension
    objectives = (*chosen.objectives, *(t.objectives[0] for t in others if t.objectives))  # their injects test these
    questions = (*chosen.questions, *(t.questions[0] for t in others if t.questions))  # and the key answers for them
    return replace(chosen, situation=" ".join([p for p in (own, *parts) if p]), objectives=objectives,
                   questions=questions), tension


RAISED = "It is raised with the SRSG and needs an answer this week."
URGENT = "It is reported to the senior leadership and needs a decision within hours."  # villages under attack can't wait
PROTECT = "Decide the protection response within hours: who acts, with what, and who informs the communities."
ARMED = re.compile(r"\b(?:attack\w*|fighting|clashes|killed|massacre|violence|shelling|ambush\w*)\b", re.IGNORECASE)


def tension_injects(tension: str) -> list[Inject]:
    """Each tension the exercise plays, as an inject the leadership must answer (trial 8: the Government pressing for the
    force to leave by mid-2028 was in the read-ahead, and no inject played it).

    >>> [i.content for i in tension_injects("The Government wants the force out by mid-2028.")]
    ['The Government wants the force out by mid-2028. It is raised with the SRSG and needs an answer this week.']
    >>> tension_injects("Militias attack villages as the mission closes its bases.")[0].action
    'Decide the protection response within hours: who acts, with what, and who informs the communities.'
    """
    out = []
    for text in re.split(r"(?<=\.)\s+(?=[A-Z])", tension.strip()):
        title = "From your context: " + " ".join(text.rstrip(".").split()[:6]) + " …"
        armed = bool(ARMED.search(text))
        if text:
            out.append(Inject(title, "meeting request from the Government" if re.search(r"\bGovernment\b", text)
                              else "note from the senior leadership forum", "SRSG, DSRSG/RC/HC",
                              f"{text.rstrip('.')}. {URGENT if armed else RAISED}",
                              PROTECT if armed else "Agree the UN's position, who conveys it and what changes in the plan."))
    return out


__all__ = ["also_about", "played_situation", "played_tension", "played_topics", "tension_injects"]
