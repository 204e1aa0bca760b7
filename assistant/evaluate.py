"""Evaluations: retrieval (recall@k, MRR per mode) and answers (key facts, citations, abstention).

A retrieved passage is relevant when it contains one of the question's gold phrases
(case and spacing ignored). For answers, the citation judge is a strict lexical
entailment proxy — a sentence is supported by a passage when the passage contains it
verbatim or holds at least 80 % of its content words — because no NLI model installs
offline here. It is stricter than the verifier the product runs (60 %), so the two do
not simply agree by construction.
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import tempfile
from pathlib import Path

from assistant.answering.answer import answer_question
from assistant.answering.conversation import Conversation
from assistant.answering.llm import MODEL_DECLINED
from assistant.citation import GAP_PREFIX, LACKS_PATTERN, MISSING_NOTE, NOT_COVERED, UNDERSTOOD_PREFIX
from assistant.corpus.manifest import load_manifest
from assistant.index.ingest import ingest
from assistant.index.lexical import tokenize
from assistant.index.retrieve import Retriever, get_retriever
from assistant.settings import get_settings

MODES = ("dense", "lexical", "hybrid")
JUDGE_RECALL = 0.8


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("\u00ad", "").split())


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def relevant(text: str, gold: list[str]) -> bool:
    """Whether a passage holds one of the gold snippets (whitespace and case ignored)."""
    body = _norm(text)
    return any(_norm(g) in body for g in gold)


def evaluate_retrieval(path: Path, chunk_chars: int | None = None, retriever: Retriever | None = None) -> dict:
    """Recall@1/5/10, MRR and latency for each mode; optionally on a fresh index of another chunk size."""
    if chunk_chars:
        return _with_chunk_size(path, chunk_chars)
    retriever = retriever or get_retriever()
    rows = _rows(path)
    out: dict = {"questions": len(rows), "chunk_chars": retriever.settings.chunk_chars, "modes": {}}
    for mode in MODES:
        ranks, times = [], []
        for row in rows:
            hits, took = retriever.timed_search(row["question"], k=10, mode=mode)
            times.append(took)
            rank = next((h.rank for h in hits if relevant(h.text, row["gold"])), None)
            ranks.append(rank)
        out["modes"][mode] = {
            "recall@1": _share(r is not None and r <= 1 for r in ranks),
            "recall@5": _share(r is not None and r <= 5 for r in ranks),
            "recall@10": _share(r is not None for r in ranks),
            "mrr": round(statistics.fmean(1 / r if r else 0 for r in ranks), 3),
            "p50_ms": round(statistics.median(times), 1),
            "misses@5": [row["id"] for row, r in zip(rows, ranks, strict=True) if not r or r > 5],
        }
    return out


def _with_chunk_size(path: Path, chunk_chars: int) -> dict:
    base = get_settings()
    with tempfile.TemporaryDirectory() as tmp:
        settings = base.model_copy(update={"index_dir": Path(tmp), "chunk_chars": chunk_chars,
                                           "uploads_dir": Path(tmp) / "uploads"})
        retriever = Retriever.open(settings)
        ingest(settings=settings, store=retriever.store)
        return evaluate_retrieval(path, retriever=retriever)


def _share(flags) -> float:
    flags = list(flags)
    return round(sum(flags) / len(flags), 3) if flags else 0.0


def supports(sentence: str, passage: str) -> bool:
    """The judge: verbatim containment, or >= 80 % of the sentence's content words in the passage."""
    if _norm(sentence).rstrip(".") in _norm(passage):
        return True
    words = set(tokenize(sentence))
    return bool(words) and len(words & set(tokenize(passage))) / len(words) >= JUDGE_RECALL


def sample(rows: list[dict], limit: int | None) -> list[dict]:
    """``limit`` evenly spaced rows (so a sample keeps in-scope and out-of-scope questions), or all of them."""
    if not limit or limit >= len(rows):
        return rows
    return [rows[int(i * len(rows) / limit)] for i in range(limit)]


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))], 1)


def complete(sentence: str) -> bool:
    """A quoted sentence is complete when it starts like a sentence and ends with terminal punctuation.

    The judge is deliberately independent of the product's own filters: an opening capital,
    digit, quote or bracket, and a closing '.', '!', '?', ':' or ';', optionally followed by a
    closing quote or bracket — or a ',' closing a resolution's preambular paragraph ("Recalling …,").
    List items are not sentences and are not judged.
    """
    text = " ".join(sentence.split())
    ends = re.search(r"[.!?:;][\"”’')\]]*$", text) or re.match(r"^[A-Z][a-z]+ing\b.*,$", text)
    return bool(re.match(r"^[\"“‘'(\[]?[A-Z0-9$]", text)) and bool(ends)


def _sentences(text: str) -> list[str]:
    """A quoted unit's sentences, split where a sentence ends and a capital follows (the judge's own rule)."""
    return re.split(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“‘(]?[A-Z])", text)


def _facts(row: dict, result, pointed: str = "") -> float:
    """Share of key facts in the answer (a follow-up also counts the earlier sentence it points back to)."""
    answer = result.answer.split("\n", 1)[1] if result.answer.startswith(UNDERSTOOD_PREFIX) else result.answer
    text = _norm(answer + " " + pointed)
    return _share(_norm(f) in text for f in row["key_facts"]) if row["key_facts"] else 1.0


def _gap_stated(result) -> bool:
    """Declined, or said plainly what the library does not state."""
    return result.abstained or GAP_PREFIX.lower() in result.answer.lower()


def _partial(row: dict, result) -> bool:
    """A question the library answers in part: not declined outright, the part it holds quoted (key facts), and
    what it lacks said plainly ("The library does not mention the Senior Leadership Forum")."""
    answered = NOT_COVERED not in result.answer and _facts(row, result) == 1.0
    return answered and bool(re.search(LACKS_PATTERN, " ".join([result.answer] + result.notes)))


def evaluate_answers(path: Path, retriever: Retriever | None = None, backend: str = "extractive",
                     limit: int | None = None, progress: bool = False) -> dict:
    """Every measure of docs/evaluation.md, by question kind (answer, gap, out, missing, partial, follow).

    ``limit`` evaluates an evenly spaced sample (an LLM on CPU takes tens of seconds per answer).
    """
    retriever = retriever or get_retriever()
    rows = sample(_rows(path), limit)
    model_declines, outputs = 0, []
    manifest = load_manifest(retriever.settings.corpus_dir)
    m: dict[str, list] = {k: [] for k in ("facts", "recall5", "false_abstain", "abstain", "abstain_near", "gap",
                                          "missing_note", "missing_facts", "follow_facts", "follow_repeat",
                                          "complete", "times", "over_retrieval", "lead_facts", "partial")}
    precise = cited_pairs = recalled = sentences = supported = 0
    misses: dict[str, list[str]] = {"facts": [], "false_abstain": [], "not_declined": [], "no_gap_note": [], "follow": [],
                                    "partial": []}
    for row in rows:
        kind = row.get("kind") or ("answer" if row["in_scope"] else "out")
        if kind == "follow":
            chat = Conversation(retriever, backend=backend)
            first = [chat.ask(q) for q in row["history"]]
            result = chat.ask(row["question"])
            given = {_norm(t) for a in first for s in a.sentences for t in _sentences(s.text)}
            shown = [s for s in result.sentences if s.role not in ("given", "before")]  # pointed back to, not re-quoted
            # sentence by sentence: a new sentence quoted with the given one it leans on repeats that one (trial 10)
            m["follow_repeat"].append(any(_norm(t) in given for s in shown for t in _sentences(s.text)))
            if row.get("gap"):
                m["gap"].append(_gap_stated(result))
            else:
                pointed = " ".join(s.text for s in result.sentences if s.role == "given")
                m["follow_facts"].append(0.0 if result.abstained else _facts(row, result, pointed))
                if m["follow_facts"][-1] < 1:
                    misses["follow"].append(row["id"])
            continue
        hits, took = retriever.timed_search(row["question"], k=10)
        result = answer_question(row["question"], retriever, backend=backend)
        m["times"].append(result.took_ms)
        model_declines += MODEL_DECLINED in result.notes
        outputs.append({"id": row["id"], "kind": kind, "answer": result.answer, "took_ms": result.took_ms})
        if progress:
            print(f"{row['id']} {result.took_ms / 1000:.1f}s {result.answer[:100]}", file=sys.stderr, flush=True)
        m["over_retrieval"].append(max(0.0, result.took_ms - took))
        m["complete"].extend(complete(s.text) for s in result.sentences if getattr(s, "role", "") != "item")
        if kind == "out":
            m["abstain"].append(result.abstained)
            if row.get("near_domain"):
                m["abstain_near"].append(result.abstained)
            if not result.abstained:
                misses["not_declined"].append(row["id"])
            continue
        if kind == "gap":
            m["gap"].append(_gap_stated(result))
            continue
        if kind == "partial":
            m["partial"].append(_partial(row, result))
            if not m["partial"][-1]:
                misses["partial"].append(row["id"])
            continue
        if kind == "missing":
            shorts = [manifest.catalogue[d].short for d in row["missing"] if d in manifest.catalogue]
            note = any(f"{s} {MISSING_NOTE}".lower() in " ".join(result.notes + [result.answer]).lower() for s in shorts)
            m["missing_note"].append(note)
            if not note:
                misses["no_gap_note"].append(row["id"])
            if row["key_facts"]:
                m["missing_facts"].append(0.0 if result.abstained else _facts(row, result))
            continue
        m["recall5"].append(any(relevant(h.text, row["key_facts"]) for h in hits[:5]) if row["key_facts"] else True)
        m["false_abstain"].append(result.abstained)
        lead = " ".join(s.text for s in result.sentences if s.role == "lead")
        m["lead_facts"].append(bool(lead) and any(_norm(f) in _norm(lead) for f in row["key_facts"]))
        if result.abstained:
            m["facts"].append(0.0)
            misses["false_abstain"].append(row["id"])
            continue
        m["facts"].append(_facts(row, result))
        if m["facts"][-1] < 1:
            misses["facts"].append(row["id"])
        quotes = {c.n: c.quote for c in result.citations}
        for s in result.sentences:
            sentences += 1
            supported += s.supported
            cited = [quotes[n] for n in s.citations if n in quotes]
            cited_pairs += len(cited)
            precise += sum(supports(s.text, q) for q in cited)
            recalled += bool(cited) and supports(s.text, "\n".join(cited))

    def mean(key: str) -> float:
        return round(statistics.fmean(m[key]), 3) if m[key] else 0.0

    return {
        "backend": backend,
        "counts": {k: sum(1 for r in rows if (r.get("kind") or ("answer" if r["in_scope"] else "out")) == k)
                   for k in ("answer", "gap", "out", "missing", "partial", "follow")},
        "near_domain": len(m["abstain_near"]),
        "key_fact_recall": mean("facts"),
        "lead_holds_key_fact": mean("lead_facts"),
        "passage_recall@5": mean("recall5"),
        "false_abstention_rate": mean("false_abstain"),
        "gap_stated": mean("gap"),
        "abstention_accuracy": mean("abstain"),
        "near_domain_abstention": mean("abstain_near"),
        "missing_text_note": mean("missing_note"),
        "missing_text_key_facts": mean("missing_facts"),
        "partial_answered": mean("partial"),
        "follow_up_key_fact_recall": mean("follow_facts"),
        "follow_up_repeats": mean("follow_repeat"),
        "complete_sentences": mean("complete"),
        "citation_precision": round(precise / cited_pairs, 3) if cited_pairs else 0.0,
        "citation_recall": round(recalled / sentences, 3) if sentences else 0.0,
        "supported_share": round(supported / sentences, 3) if sentences else 0.0,
        "model_declines": model_declines,
        "answer_p50_ms": round(statistics.median(m["times"]), 1) if m["times"] else 0.0,
        "answer_p95_ms": _percentile(m["times"], 0.95),
        "answer_over_retrieval_p50_ms": round(statistics.median(m["over_retrieval"]), 1) if m["over_retrieval"] else 0.0,
        "misses": misses,
        "answers": outputs,
    }


def format_table(results: dict) -> str:
    """Readable report of either evaluation."""
    if "modes" in results:
        lines = [f"{results['questions']} questions, chunk_chars={results['chunk_chars']}",
                 f"{'mode':8} {'R@1':>6} {'R@5':>6} {'R@10':>6} {'MRR':>6} {'p50 ms':>7}"]
        for mode, m in results["modes"].items():
            lines.append(f"{mode:8} {m['recall@1']:6.3f} {m['recall@5']:6.3f} {m['recall@10']:6.3f} {m['mrr']:6.3f} "
                         f"{m['p50_ms']:7.1f}")
        return "\n".join(lines)
    if "extractive" in results:  # an LLM run with the extractive baseline on the same questions
        return "\n\n".join(f"== {name} ==\n{format_table(results[name])}" for name in ("llm", "extractive"))
    return "\n".join(f"{k}: {v}" for k, v in results.items() if k != "answers")
