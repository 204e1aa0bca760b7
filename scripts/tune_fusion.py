"""Grid-search fusion weights offline: rankings are computed once per question, fusion replayed.

Usage: .venv/bin/python scripts/tune_fusion.py [evals/retrieval.jsonl]
"""

import itertools
import json
import sys
from pathlib import Path

from assistant.evaluate import relevant
from assistant.index.retrieve import get_retriever


def main() -> None:
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "evals/retrieval.jsonl")
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    r = get_retriever()
    r.refresh()
    runs = []
    for row in rows:
        q = r.glossary.expand(row["question"])
        vec = r.encoder.query_vector(q)
        dense = [cid for cid, _ in r.store.dense(vec.tolist(), k=100)]
        lex = [r.records[i].id for i, _ in r.lexical.search(q, 100, None)]
        rel = {rec.id for rec in r.records if relevant(rec.text, row["gold"])}
        runs.append((dense, lex, rel))
    results = []
    for rrf_k, dw, lw in itertools.product([5, 10, 20, 30, 60], [0.3, 0.5, 0.7, 1.0], [1.0]):
        hit5, mrr = 0, 0.0
        for dense, lex, rel in runs:
            s: dict[str, float] = {}
            for i, c in enumerate(dense):
                s[c] = s.get(c, 0) + dw / (rrf_k + i + 1)
            for i, c in enumerate(lex):
                s[c] = s.get(c, 0) + lw / (rrf_k + i + 1)
            top = sorted(s, key=lambda c: -s[c])[:10]
            rank = next((i + 1 for i, c in enumerate(top) if c in rel), None)
            hit5 += bool(rank and rank <= 5)
            mrr += 1 / rank if rank else 0
        results.append((hit5 / len(runs), mrr / len(runs), rrf_k, dw, lw))
    for res in sorted(results, reverse=True)[:12]:
        print("R@5 %.3f MRR %.3f rrf_k=%d dense=%.1f lexical=%.1f" % res)


if __name__ == "__main__":
    main()
