"""Fit the answerer's weights on evals/answers.jsonl (or the --eval files) and print them (paste into scoring.py / gaps.py).

Two logistic regressions (scikit-learn, L2, balanced classes):

1. sentence scoring — one row per candidate sentence that may be quoted (never a footnote unit, an
   attribution or a rhetorical question) of every in-scope question; label 1 when the sentence (with
   the sentences it leans on) holds one of the question's key facts;
2. answering at all — one row per question, answer-kind (1) against out-of-scope (0);
   features: gaps.SCOPE_FEATURES (retrieval, best candidate, unknown named things, 'named_absent': a named
   thing the library lacks or named things never together in one passage, and 'novel_word': a word it never uses).
   --scope-only refits this one on the shipped sentence scores (the sentence weights stay as they are).

The candidates' feature vectors carry the focus shares as the answer orders them (each focus word weighted by
how much it tells the candidates apart, answering/distinctive.py); the scope decision's best candidate is the
plain score (every focus word alike, ``Candidate.plain``). --scope-only reads that plain score from the plan; a
full refit recomputes the best candidate from the weighted vectors, so check its scope numbers end to end.

Also prints 5-fold cross-validated numbers, so the in-sample fit is not the only evidence.
Run: PYTHONPATH=. python scripts/fit_answer_weights.py [--cache /tmp/features.pkl]
"""

from __future__ import annotations

import argparse
import json
import pickle
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from assistant.answering import gaps, scoring
from assistant.answering.candidates import norm
from assistant.answering.compose import plan_answer
from assistant.index.retrieve import get_retriever

EVAL = Path("evals/answers.jsonl")


def collect(cache: Path | None, files: list[Path]) -> list[dict]:
    if cache and cache.exists():
        return pickle.loads(cache.read_bytes())
    retriever = get_retriever()
    index = retriever.sentences
    rows = [json.loads(line) for path in files for line in path.read_text().splitlines() if line.strip()]
    out = []
    for row in rows:
        kind = row.get("kind", "answer" if row["in_scope"] else "out")
        if kind == "follow":
            continue
        plan = plan_answer(row["question"], retriever)
        facts = [norm(f) for f in row["key_facts"]]
        cands = []
        for c in plan.candidates:
            unit = norm(" ".join(index.texts[i] for i in index.with_predecessors(c.index)))
            cands.append({"x": c.vector(), "y": any(f in unit for f in facts), "text": c.text})
        out.append({"id": row["id"], "kind": kind, "near": row.get("near_domain", False), "scope": plan.scope,
                    "cands": cands, "has_facts": bool(facts), "evidence": [c.vector() for c in plan.evidence]})
        print(row["id"], kind, len(cands), sum(c["y"] for c in cands), flush=True)
    if cache:
        cache.write_bytes(pickle.dumps(out))
    return out


def fit_sentences(data: list[dict]) -> tuple[dict, LogisticRegression]:
    rows = [d for d in data if d["kind"] in ("answer", "missing") and d["has_facts"]]
    X = np.array([c["x"] for d in rows for c in d["cands"]])
    y = np.array([c["y"] for d in rows for c in d["cands"]])
    groups = np.array([i for i, d in enumerate(rows) for _ in d["cands"]])
    model = LogisticRegression(C=1.0, class_weight="balanced", max_iter=2000).fit(X, y)
    # question-level cross-validation: is the top-scored sentence one holding a key fact?
    folds = StratifiedKFold(5, shuffle=True, random_state=0)
    has = np.array([any(c["y"] for c in d["cands"]) for d in rows])
    top1 = []
    for train, test in folds.split(np.zeros(len(rows)), has):
        in_train = np.isin(groups, train)
        m = LogisticRegression(C=1.0, class_weight="balanced", max_iter=2000).fit(X[in_train], y[in_train])
        for q in test:
            sel = groups == q
            if sel.any():
                top1.append(bool(y[sel][np.argmax(m.decision_function(X[sel]))]))
    top4 = []
    for q in range(len(rows)):
        sel = groups == q
        if sel.any():
            order = np.argsort(-model.decision_function(X[sel]))[:4]
            top4.append(bool(y[sel][order].any()))
    in_sample = []
    for q in range(len(rows)):
        sel = groups == q
        if sel.any():
            in_sample.append(bool(y[sel][np.argmax(model.decision_function(X[sel]))]))
    print(f"sentence fit: {len(rows)} questions, {len(y)} candidates, {int(y.sum())} positive; "
          f"questions with a positive candidate {has.mean():.3f}; "
          f"top-1 holds a key fact: in-sample {np.mean(in_sample):.3f}, 5-fold CV {np.mean(top1):.3f}; "
          f"top-4 in-sample {np.mean(top4):.3f}")
    weights = {"bias": round(float(model.intercept_[0]), 3)}
    weights.update({f: round(float(w), 3) for f, w in zip(scoring.FEATURES, model.coef_[0], strict=True)})
    return weights, model


def fit_scope(data: list[dict], model: LogisticRegression | None) -> dict:
    """The scope regression; with ``model`` None the best candidate scores are the shipped scorer's (--scope-only)."""
    for d in data if model is not None else []:
        best = max((model.predict_proba([x])[0, 1] for x in d["evidence"]), default=0.0)  # as compose.scope_features
        d["scope"] = dict(d["scope"], best_candidate=float(best))
    rows = [d for d in data if d["kind"] in ("answer", "out")]
    X = np.array([[d["scope"][f] for f in gaps.SCOPE_FEATURES] for d in rows])
    y = np.array([d["kind"] == "answer" for d in rows])
    scope = LogisticRegression(C=1.0, class_weight="balanced", max_iter=2000).fit(X, y)
    p = scope.predict_proba(X)[:, 1]
    near = np.array([d["near"] for d in rows])
    folds = StratifiedKFold(5, shuffle=True, random_state=0)
    cv = np.zeros(len(rows))
    for train, test in folds.split(X, y):
        cv[test] = LogisticRegression(C=1.0, class_weight="balanced", max_iter=2000).fit(X[train],
                                                                                         y[train]).predict_proba(X[test])[:, 1]
    print("threshold  false-abstention  abstention(all out)  abstention(near-domain)  | 5-fold CV: false-abst.  near")
    for t in np.arange(0.2, 0.81, 0.05):
        print(f"  {t:.2f}      {np.mean(p[y] < t):.3f}            {np.mean(p[~y] < t):.3f}               "
              f"{np.mean(p[~y & near] < t):.3f}                  {np.mean(cv[y] < t):.3f}        "
              f"{np.mean(cv[~y & near] < t):.3f}")
    weights = {"bias": round(float(scope.intercept_[0]), 3)}
    weights.update({f: round(float(w), 3) for f, w in zip(gaps.SCOPE_FEATURES, scope.coef_[0], strict=True)})
    gap_best = sorted(round(d["scope"]["best_candidate"], 3) for d in data if d["kind"] == "gap")
    answer_best = sorted(round(d["scope"]["best_candidate"], 3) for d in data if d["kind"] == "answer")
    print("best candidate score, gap questions:", gap_best)
    print("best candidate score, answer questions (lowest 15):", answer_best[:15])
    return weights


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--eval", type=Path, nargs="+", default=[EVAL],
                        help="Eval files to fit on (never a held-out set you report).")
    parser.add_argument("--scope-only", action="store_true", help="Refit the scope decision on the shipped sentence scores.")
    args = parser.parse_args()
    data = collect(args.cache, args.eval)
    if args.scope_only:
        print("SCOPE_WEIGHTS =", fit_scope(data, None))
        return
    weights, model = fit_sentences(data)
    print("WEIGHTS =", weights)
    print("SCOPE_WEIGHTS =", fit_scope(data, model))


if __name__ == "__main__":
    main()
