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
import statistics
import sys
import tempfile
from pathlib import Path

from assistant.answering.answer import answer_question, evidence, is_strong
from assistant.answering.llm import MODEL_DECLINED
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


def evaluate_answers(path: Path, retriever: Retriever | None = None, backend: str = "extractive",
                     limit: int | None = None, progress: bool = False) -> dict:
    """Key-fact recall, ALCE-style citation precision/recall, support share, abstention, latency.

    ``limit`` evaluates an evenly spaced sample (an LLM on CPU takes tens of seconds per answer).
    """
    retriever = retriever or get_retriever()
    rows = sample(_rows(path), limit)
    facts, precise, cited_pairs, recalled, sentences, supported = [], 0, 0, 0, 0, 0
    abstain_ok, false_abstain, in_scope, out_scope, times, best_sims = 0, 0, 0, 0, [], []
    model_declines, outputs = 0, []
    for row in rows:
        hits = retriever.search(row["question"])
        best_sims.append((*evidence(row["question"], hits), row["in_scope"]))
        result = answer_question(row["question"], retriever, backend=backend)
        times.append(result.took_ms)
        model_declines += MODEL_DECLINED in result.notes
        outputs.append({"id": row["id"], "in_scope": row["in_scope"], "answer": result.answer, "took_ms": result.took_ms})
        if progress:
            print(f"{row['id']} {result.took_ms / 1000:.1f}s {result.answer[:100]}", file=sys.stderr, flush=True)
        if not row["in_scope"]:
            out_scope += 1
            abstain_ok += result.abstained
            continue
        in_scope += 1
        false_abstain += result.abstained
        if result.abstained:
            facts.append(0.0)
            continue
        facts.append(_share(_norm(f) in _norm(result.answer) for f in row["key_facts"]) if row["key_facts"] else 1.0)
        quotes = {c.n: c.quote for c in result.citations}
        for s in result.sentences:
            sentences += 1
            supported += s.supported
            cited = [quotes[n] for n in s.citations if n in quotes]
            cited_pairs += len(cited)
            precise += sum(supports(s.text, q) for q in cited)
            recalled += bool(cited) and supports(s.text, "\n".join(cited))
    return {
        "backend": backend,
        "in_scope": in_scope,
        "out_of_scope": out_scope,
        "abstain_rule": {k: getattr(retriever.settings, k) for k in ("abstain_threshold", "abstain_floor", "abstain_coverage")},
        "key_fact_recall": round(statistics.fmean(facts), 3) if facts else 0.0,
        "citation_precision": round(precise / cited_pairs, 3) if cited_pairs else 0.0,
        "citation_recall": round(recalled / sentences, 3) if sentences else 0.0,
        "supported_share": round(supported / sentences, 3) if sentences else 0.0,
        "abstention_accuracy": round(abstain_ok / out_scope, 3) if out_scope else 0.0,
        "false_abstention_rate": round(false_abstain / in_scope, 3) if in_scope else 0.0,
        "model_declines": model_declines,
        "answer_p50_ms": round(statistics.median(times), 1) if times else 0.0,
        "answer_p95_ms": _percentile(times, 0.95),
        "threshold_sweep": _sweep(best_sims, retriever.settings),
        "answers": outputs,
    }


def _sweep(best: list[tuple[float, float, bool]], settings) -> list[dict]:
    """Abstention accuracy and false-abstention rate as the similarity threshold moves (floor and coverage fixed)."""
    rows = []
    for t in [round(0.35 + 0.025 * i, 3) for i in range(10)]:
        trial = settings.model_copy(update={"abstain_threshold": t})
        rows.append({
            "threshold": t,
            "abstention_accuracy": _share(not is_strong(s, c, trial) for s, c, scope in best if not scope),
            "false_abstention_rate": _share(not is_strong(s, c, trial) for s, c, scope in best if scope),
        })
    return rows


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
    lines = [f"{k}: {v}" for k, v in results.items() if k not in ("threshold_sweep", "answers")]
    lines.append("threshold sweep (threshold, abstention accuracy, false-abstention rate):")
    lines += [f"  {r['threshold']:.3f}  {r['abstention_accuracy']:.3f}  {r['false_abstention_rate']:.3f}"
              for r in results["threshold_sweep"]]
    return "\n".join(lines)
