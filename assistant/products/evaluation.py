"""Evaluation of the drafting and training products: `planassist eval products`.

Measures what the products promise, on real documents:

- **requirement share** — of the bullets under "What the guidance requires", the share whose
  sentence carries requirement language (must/should/shall/required/operative verbs), and
  the share that is that or policy language labelled "as quoted in" (or "as described in"); plus the share cited to
  an allowed source type (policy, guidance, resolution, analysis). Target ≥ 0.8.
- **context sensitivity** — cited-bullet overlap (guidance and practice) between drafts for
  two contexts: a special political mission preparing its withdrawal and a peacekeeping
  operation in transition (``evals/contexts``). Jaccard (shared / all distinct) and the
  overlap coefficient (shared / smaller draft). Target ≤ 0.3.
- **quiz quality** — items whose answer appears in their own stem (leakage) or in another item's stem, malformed items
  (not four distinct options, answer not among them, stem not starting a sentence, quoted
  sentence not whole, no citation). Target 0 and 0.
- **answer-key support** — of the answer-key sentences in exercise packs, the share that the
  strict lexical judge of :mod:`assistant.evaluate` finds supported by the cited passage,
  and the share of questions the key answers rather than abstaining; and whether topics
  change roles and injects.
- **trainer requests** — whether request-shaped products keep what the request asks for
  (:mod:`assistant.products.evaluation_requests`).
"""

from __future__ import annotations

import re
from pathlib import Path

from assistant.citation import GAP_PREFIX, NOT_COVERED
from assistant.evaluate import supports
from assistant.index.retrieve import Retriever
from assistant.products.context import load_context
from assistant.products.draft import PRACTICE_LABEL, REQUIRES_LABEL, Length, draft
from assistant.products.evaluation_requests import evaluate_requests
from assistant.products.exercise import exercise, scenario_words
from assistant.products.guidance import split_label
from assistant.products.quiz import BLANK, quiz_items
from assistant.products.quiz_focus import focus
from assistant.products.statements import GUIDANCE_TYPES, is_normative
from assistant.settings import PROJECT_ROOT

CONTEXTS = (PROJECT_ROOT / "evals" / "contexts" / "spm-withdrawal.yaml",
    PROJECT_ROOT / "evals" / "contexts" / "pko-transition.yaml")
# Trainer requests from the domain notes (section 5.3), reduced to topics; not used to tune the quiz.
RELAYED = re.compile(r"as (?:quoted|described) in")  # a policy's words or content as an analysis gives them
QUIZ_TOPICS = ("Brahimi, the 2006 Note of Guidance, the 2008 decision and the IAP policy", "integrated strategic framework",
               "UN transitions and mission withdrawal", "peacebuilding architecture and the Peacebuilding Fund")
EXERCISE_TOPICS = (("mission drawdown with a financial cliff and a request for benchmarks", 480),
                   ("humanitarian space and co-branded quick-impact projects", 90),
                   ("senior leadership forum reprioritising after a 30% troop cut", 240))
MARKERS = re.compile(r"\s*\[(\d+)\]")


def _bullets(report, label: str) -> list[str]:
    items, heading = [], ""
    for b in report.blocks:
        if b.kind == "heading":
            heading = b.text
        elif b.kind == "bullets" and heading == label:
            items += b.items
    return items


def _sentence(item: str) -> str:
    return split_label(MARKERS.sub("", item).strip())[0]


def _share(flags: list[bool]) -> float:
    return round(sum(flags) / len(flags), 3) if flags else 0.0


def evaluate_drafts(retriever: Retriever, contexts=CONTEXTS, length: Length = "brief") -> dict:
    """Requirement share and context sensitivity of the drafts for two contexts."""
    reports = [draft(load_context(path), retriever, length=length) for path in contexts]
    types = {r.id: r.meta.type for rep in reports for r in retriever.store.get([c.chunk_id for c in rep.sources])}
    guidance = [(r, item) for r in reports for item in _bullets(r, REQUIRES_LABEL)]
    normative = [is_normative(_sentence(item)) for _, item in guidance]
    labels = [split_label(MARKERS.sub("", item).strip())[1] for _, item in guidance]
    quoted = [n or bool(RELAYED.search(label)) for n, label in zip(normative, labels, strict=True)]
    allowed = []
    for report, item in guidance:
        by_n = {c.n: c for c in report.sources}
        allowed.append(all(types.get(by_n[int(n)].chunk_id) in GUIDANCE_TYPES for n in MARKERS.findall(item)))
    sets = [{_sentence(i) for i in _bullets(r, REQUIRES_LABEL) + _bullets(r, PRACTICE_LABEL)} for r in reports]
    guidance_sets = [{_sentence(i) for i in _bullets(r, REQUIRES_LABEL)} for r in reports]
    a, b = sets
    ga, gb = guidance_sets
    return {
        "contexts": [Path(p).name for p in contexts], "length": length,
        "guidance_bullets": len(guidance),
        "requirement_share": _share(normative),
        "requirement_or_quoted_policy_share": _share(quoted),
        "allowed_source_share": _share(allowed),
        "cited_bullets": [len(a), len(b)],
        "overlap_jaccard": round(len(a & b) / len(a | b), 3) if a | b else 0.0,
        "overlap_coefficient": round(len(a & b) / min(len(a), len(b)), 3) if a and b else 0.0,
        "guidance_overlap_jaccard": round(len(ga & gb) / len(ga | gb), 3) if ga | gb else 0.0,
        "sections_without_guidance": [sum(1 for b in r.blocks if b.kind == "note" and b.text.startswith(NOT_COVERED))
                                      for r in reports],
    }


def malformed(item) -> list[str]:
    """What is wrong with a quiz item (empty when nothing)."""
    problems = []
    if len(item.options) != 4 or len({o.lower() for o in item.options}) != 4:
        problems.append("not four distinct options")
    if item.answer not in item.options:
        problems.append("answer not among the options")
    if not item.stem[:1].isupper():
        problems.append("stem does not start a sentence")
    quote = re.search(r"“(.+)”", item.stem)
    if quote and (not (quote.group(1)[:1].isupper() or quote.group(1).startswith(BLANK)) or quote.group(1)[-1] not in ".;”\")"):
        problems.append("quoted sentence not whole")
    if item.kind != "concept" and (not quote or quote.group(1).count(BLANK) != 1):
        problems.append("not exactly one blank")
    if not item.citation:
        problems.append("no citation")
    return problems


def leaks(item) -> bool:
    """The answer is written in its own stem (outside the blank)."""
    return bool(re.search(rf"(?<![\w/]){re.escape(item.answer)}(?![\w/])", item.stem, re.IGNORECASE))


def told_by_another(item, items) -> bool:
    """The answer (a name of two words or more, without its acronym) is written in another item's stem: a participant
    reading the sheet in order gets it free (trial 9's "Integrated Strategic Framework" in three stems)."""
    name = re.sub(r"\s*\([^)]*\)$", "", item.answer)
    return len(name.split()) >= 2 and any(
        re.search(rf"(?<![\w/]){re.escape(name)}s?(?![\w/])", other.stem, re.IGNORECASE) for other in items if other is not item)


def evaluate_quizzes(retriever: Retriever, topics=QUIZ_TOPICS, count: int = 12) -> dict:
    """Leakage and malformed items over several quizzes; items on the quiz's subject (stem or answer naming a term the
    subject names, or sharing its words when it names none — glossary neighbours do not count); kinds and difficulties."""
    per_topic = [(topic, quiz_items(topic, count, retriever)[0]) for topic in topics]
    items = [item for _, found in per_topic for item in found]
    on_subject = sum(focus(t, retriever).about(f"{i.stem} {i.answer}") for t, found in per_topic for i in found)
    kinds: dict[str, int] = {}
    levels: dict[str, int] = {}
    for item in items:
        kinds[item.kind] = kinds.get(item.kind, 0) + 1
        levels[item.difficulty] = levels.get(item.difficulty, 0) + 1
    bad = [(item.stem[:80], malformed(item)) for item in items if malformed(item)]
    return {"topics": len(topics), "items": len(items), "on_subject": on_subject,
            "on_subject_share": round(on_subject / len(items), 3) if items else 0.0,
            "leakage": sum(leaks(i) for i in items), "told_by_another_item": sum(
                told_by_another(i, found) for _, found in per_topic for i in found), "malformed": len(bad),
            "malformed_examples": bad[:5], "kinds": kinds, "difficulties": levels}


def evaluate_exercises(retriever: Retriever, topics=EXERCISE_TOPICS, backend: str = "extractive") -> dict:
    """Answer-key support, questions answered, scenario length, and whether topics change roles and injects."""
    sentences, supported, answered, questions, words = 0, 0, 0, 0, []
    roles, injects = [], []
    for topic, minutes in topics:
        pack = exercise(topic, minutes, 18, retriever, backend=backend)
        quotes = {c.n: c.quote for c in pack.sources}
        titles = [b.text for b in pack.blocks]
        key = pack.blocks[titles.index("Facilitator answer key") + 1: titles.index("Debrief (hot-wash)")]
        for b in key:
            if b.kind == "paragraph":
                questions += 1
                answered += not b.text.startswith((NOT_COVERED, GAP_PREFIX))
            if b.kind not in ("paragraph", "bullets"):
                continue
            for part in [p for t in [b.text, *b.items] for p in re.findall(r"(.+?(?:\s\[\d+\])+)(?:\s|$)", t)]:
                sentences += 1
                cited = [quotes[int(n)] for n in MARKERS.findall(part) if int(n) in quotes]
                supported += any(supports(MARKERS.sub("", part).strip(), q) for q in cited)
        start, end = titles.index("Scenario (read-ahead)"), titles.index("Role cards")
        words.append(scenario_words(pack.blocks[start + 1:end]))
        roles.append({b.text for b in pack.blocks[end:]
                      if b.kind == "heading" and b.level == 2 and not b.text.startswith("Inject")})
        injects.append({b.text.split(": ", 1)[1] for b in pack.blocks if b.kind == "heading" and b.text.startswith("Inject ")})
    pairs = [(i, j) for i in range(len(roles)) for j in range(i + 1, len(roles))]
    return {"packs": len(topics), "answer_key_sentences": sentences,
        "answer_key_supported": _share([True] * supported + [False] * (sentences - supported)),
            "questions_answered": _share([True] * answered + [False] * (questions - answered)),
            "scenario_words_min": min(words) if words else 0,
            "role_overlap_max": max((round(len(roles[i] & roles[j]) / len(roles[i] | roles[j]), 3) for i, j in pairs),
                default=0.0),
            "inject_overlap_max": max((round(len(injects[i] & injects[j]) / len(injects[i] | injects[j]), 3) for i,
                j in pairs), default=0.0)}


def evaluate_products(retriever: Retriever) -> dict:
    """All product measures."""
    return {"drafts": evaluate_drafts(retriever), "quizzes": evaluate_quizzes(retriever),
        "exercises": evaluate_exercises(retriever), "trainer_requests": evaluate_requests(retriever)}


def format_products(results: dict) -> str:
    """Readable report."""
    lines = []
    for part, values in results.items():
        lines.append(f"[{part}]")
        lines += [f"  {k}: {v}" for k, v in values.items()]
    return "\n".join(lines)
