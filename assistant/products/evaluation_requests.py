"""Whether request-shaped training products do what the trainer asked: part of `planassist eval products`.

Each line of ``evals/trainer-requests.jsonl`` is a trainer's request with what it asks for: the product
(``kind``), its numbers (``minutes``, ``injects``, situations or questions as ``count``, minutes per
situation as ``each``), the roles it names and the injects it describes. Measured on the product built:

- **shape right** — the share of requests built as the product they ask for;
- **numbers honoured** — of the numbers a request states, the share the product keeps;
- **named roles present** — of the roles named, the share with a role card;
- **asked injects present** — of the events a request describes, the share that are injects of the pack;
- **header contradictions** — products whose header states a length other than the timetable's;
- **drill situations on point** — of drill situations, the share with a cited library quote sharing at least
  :data:`ON_POINT_WORDS` content words with the situation (a quote on another subject does not count).

>>> _span([["Time", "Phase"], ["0:00–0:10", "Intro"], ["0:10–1:25", "Debrief"]])
85
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from assistant.index.lexical import tokenize
from assistant.index.retrieve import Retriever
from assistant.products.exercise_product import training_product
from assistant.products.exercise_shapes import recognise
from assistant.products.export import Report
from assistant.settings import PROJECT_ROOT

REQUESTS = PROJECT_ROOT / "evals" / "trainer-requests.jsonl"
ON_POINT_WORDS = 2
GENERIC = frozenset(tokenize("un united nations mission country team government support national said also including"))
KIND_OF_TITLE = {"pack": "Joint training exercise", "drill": "Snap-situation drill", "quiz": "Quiz"}


def _headings(report: Report, level: int) -> list[str]:
    return [b.text for b in report.blocks if b.kind == "heading" and b.level == level]


def _span(rows: list[list[str]]) -> int:
    """Minutes from the first row's start to the last row's end of a one-day timetable ('h:mm–h:mm' in column 0)."""
    def minutes(clock: str) -> int:
        h, m = clock.split(":")
        return int(h) * 60 + int(m)
    return minutes(rows[-1][0].split("–")[1]) - minutes(rows[1][0].split("–")[0])


def _timetable(report: Report) -> list[list[str]] | None:
    return next((b.rows for b in report.blocks if b.kind == "table" and b.rows and b.rows[0][0] == "Time"), None)


def _numbers(case: dict, report: Report) -> list[bool]:
    """One flag per number the request states: kept or not."""
    heads = _headings(report, 2)
    flags = []
    if "minutes" in case:
        flags.append(f"· {case['minutes']} minutes" in report.subtitle)
    if "injects" in case:
        flags.append(sum(h.startswith("Inject ") for h in heads) == case["injects"])
    if "count" in case and case["kind"] == "drill":
        flags.append(sum(h.startswith("Situation ") for h in heads) == case["count"])
    if "count" in case and case["kind"] == "quiz":
        flags.append(report.subtitle.startswith(f"{case['count']} "))
    if "each" in case:
        flags.append(f"× {case['each']} minutes" in report.subtitle)
    return flags


def contradicts(report: Report) -> bool:
    """The header states a total length the (one-day) timetable does not run to."""
    table = _timetable(report)
    stated = re.findall(r"(?<!× )\b(\d+) minutes", report.subtitle)
    if not table or len(table) < 2 or not stated:
        return False
    return any(int(s) != _span(table) for s in stated)


def on_point(report: Report) -> list[bool]:
    """Per drill situation: whether a quote under it shares ON_POINT_WORDS content words with its case."""
    flags: list[bool] = []
    case_words: set[str] = set()
    inside = False  # under a situation (not the debrief questions after the last one)
    for b in report.blocks:
        if b.kind == "heading":
            inside = b.text.startswith("Situation ")
            flags += [False] * inside
            case_words = set(tokenize(b.text.split(": ", 1)[-1])) - GENERIC
        elif b.kind == "paragraph" and b.text.startswith("Case: ") and inside:
            case_words |= set(tokenize(b.text)) - GENERIC
        elif b.kind == "bullets" and inside:
            flags[-1] = flags[-1] or any(len(case_words & set(tokenize(q))) >= ON_POINT_WORDS for q in b.items)
    return flags


def _share(hits: int, total: int) -> float:
    return round(hits / total, 3) if total else 1.0


def evaluate_requests(retriever: Retriever, path: Path = REQUESTS) -> dict:
    """The measures above over every request in ``path``."""
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    kinds, numbers, roles, injects, contradictions, points, failures = [], [], [], [], 0, [], []
    for case in cases:
        report = training_product(case["request"], case.get("minutes_given"), None, retriever, backend="extractive")
        kinds.append(recognise(case["request"]).kind == case["kind"]
                     and report.title.startswith(KIND_OF_TITLE.get(case["kind"], "")))
        kept = _numbers(case, report)
        numbers += kept
        cards = set(_headings(report, 2))
        roles += [r in cards for r in case.get("roles", [])]
        titles = [h.split(": ", 1)[-1] for h in _headings(report, 2) if h.startswith("Inject ")]
        injects += [a in titles for a in case.get("asked", [])]
        contradictions += contradicts(report)
        points += on_point(report) if case["kind"] == "drill" else []
        if not all(kept) or not kinds[-1]:
            failures.append(case["request"][:70])
    return {"requests": len(cases), "shape_right": _share(sum(kinds), len(kinds)),
            "numbers_honoured": _share(sum(numbers), len(numbers)), "named_roles_present": _share(sum(roles), len(roles)),
            "asked_injects_present": _share(sum(injects), len(injects)), "header_contradictions": contradictions,
            "drill_situations_on_point": _share(sum(points), len(points)), "drill_situations": len(points),
            "numbers_missed_in": failures}
