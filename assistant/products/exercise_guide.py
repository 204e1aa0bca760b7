# ruff: noqa: E501 — facilitator prose reads better unbroken.
"""The facilitator guide and master events list of an exercise pack.

A pack's injects are also listed as a master events list (MEL): one row per inject with its
release time, the scenario time the trainer gave, medium, addressee, the event, the action
expected of players and the learning objective it tests (the objective nearest in meaning to
the event and its expected action). The guide says how to run the session: the opening script, how to release
injects, what to ask a syndicate stuck on each inject, back-briefs and what evaluators record.
It is exercise craft, not policy, and quotes nothing.

>>> releases([["Time", "Phase", "Injects"], ["0:15–0:30", "Move 1", "0:20 — Inject 1: A; 0:25 — Inject 2: B"]])
{1: '0:20', 2: '0:25'}
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np

from assistant.index.lexical import tokenize
from assistant.products.exercise_catalogue import Inject
from assistant.products.export import Block

GENERIC = frozenset(tokenize("agree decide who what which how first step plan"))  # verbs every expected action uses
Encode = Callable[[list[str]], np.ndarray]  # texts → unit-length vectors (the index's sentence encoder)
WORD_WEIGHT = 0.1  # cosine credit for each content word an objective shares with the inject
RELEASE = re.compile(r"(\d+:\d\d) — Inject (\d+):")


def releases(table: list[list[str]]) -> dict[int, str]:
    """Inject number → its release time ('Day 2 0:45' in two-day packs), read from the timetable's inject column."""
    out: dict[int, str] = {}
    for row in table[1:]:
        day = f"{row[0]} " if row[0].startswith("Day ") else ""
        for clock, n in RELEASE.findall(row[-1]):
            out[int(n)] = day + clock
    return out


def objective_for(inject: Inject, objectives: tuple[str, ...] | list[str], encode: Encode | None = None) -> str:
    """The learning objective an inject tests: the one nearest in meaning to the event and its expected action (by the
    sentence encoder, with a little credit for shared content words; by the words alone without an encoder); '—' only when
    the topic has no objective at all.

    Word overlap alone left most injects without one ("Agree the message and who delivers it" shares no word with
    "Advise the Council on the mandate"), so the encoder decides; words are the fallback for callers without a model.
    """
    if not objectives:
        return "—"
    text = f"{inject.title}. {inject.content} {inject.action}"
    words = set(tokenize(text.replace("-", " "))) - GENERIC  # 'the good-offices line' shares 'good offices'
    shared = np.array([len(words & set(tokenize(o.replace("-", " ")))) for o in objectives], dtype=np.float32)
    if encode is None:
        return objectives[int(np.argmax(shared))]
    vectors = encode([text, *objectives])
    return objectives[int(np.argmax(vectors[1:] @ vectors[0] + WORD_WEIGHT * shared))]  # a shared word breaks near-ties


def objectives_played(objectives: tuple[str, ...] | list[str], events: list[Inject], homes: dict[str, list[str]],
                      encode: Encode | None = None) -> list[str]:
    """The topic's learning objectives, and for each inject brought in from another topic (``homes``: inject title →
    that topic's objectives) the objective it tests there: trial 15's transition pack played a land dispute from the
    returns topic and had it test "Map who funds each task after the mission leaves"."""
    out = list(objectives)
    for inject in events:
        if inject.title in homes:
            own = objective_for(inject, homes[inject.title], encode)
            out += [own] * (own not in out)
    return out


def mel(events: list[Inject], table: list[list[str]], when: dict[str, str], objectives: tuple[str, ...] | list[str],
        encode: Encode | None = None) -> list[Block]:
    """The master events list as one table."""
    at = releases(table)
    rows = [["#", "Release", "Scenario time", "Medium", "To", "Event", "Expected action", "Objective tested"]]
    rows += [[str(n), at.get(n, ""), when.get(i.title, ""), i.medium, i.to, i.content, i.action, objective_for(i, objectives, encode)]
             for n, i in enumerate(events, 1)]
    if not any(r[2] for r in rows[1:]):  # no scenario time was asked for: no empty column
        rows = [r[:2] + r[3:] for r in rows]
    return [Block(kind="heading", text="Master events list", level=1), Block(kind="table", rows=rows)]


def guide(events: list[Inject], syndicates: int) -> list[Block]:
    """How to run the session, with a prompt for each inject."""
    prompts = [f"Inject {n} ({i.title}): if a syndicate is stuck, ask who decides and what the first step is — “{i.action}”" for n, i in enumerate(events, 1)]
    return [
        Block(kind="heading", text="Facilitator guide", level=1),
        Block(kind="heading", text="Before the session", level=2),
        Block(kind="bullets", items=["Send the read-ahead a week before; print role cards and confidential briefs separately, one set per syndicate.",
                                     f"Set up {syndicates} syndicate table{'s' * (syndicates != 1)} and a plenary; brief the evaluators on the objectives and the observation sheet.",
                                     "Print each inject on its own card, addressed to the role named in the master events list."]),
        Block(kind="heading", text="Opening script", level=2),
        Block(kind="bullets", items=["Welcome; the objectives of the session, read out.",
                                     "Rules: play your role, not yourself; the country is fictional; decisions, not essays; no fault is assigned.",
                                     "Confidential briefs stay confidential until the debrief; time jumps are announced by the facilitator.",
                                     "What each back-brief gives: the decision, who takes it and in which forum, and how it is communicated."]),
        Block(kind="heading", text="Running the moves", level=2),
        Block(kind="bullets", items=["Release each inject at its time in the master events list to the addressee in every syndicate; do not explain it.",
                                     "Walk between syndicates; note who speaks for the mission and who for the country team, and which forum they invoke.",
                                     "Give a five-minute warning before each back-brief; keep back-briefs to four minutes a syndicate.",
                                     "A syndicate that is stuck: narrow the task to one decision and ask who owns it; if still stuck, let the senior role decide and debrief it later.",
                                     *prompts]),
        Block(kind="heading", text="Evaluator observation sheet", level=2),
        Block(kind="table", rows=[["Time", "Syndicate", "Decision and who took it", "Forum used", "Objective", "Sustain or improve"],
                                  *[["", "", "", "", "", ""] for _ in range(4)]]),
    ]
