"""A candidate sentence judged against the others for the same question, not only by itself.

A sentence's closeness to the question means little on its own: a closeness that is the best any sentence
gets for a question about a mission's troop numbers may be the tenth best for a question about the ISF. The
scorer (:mod:`scoring`) therefore also reads how far a candidate's closeness, BM25 score and focus
share fall short of the best candidate's, and its rank by closeness and by BM25 among all the question's
candidates (:data:`scoring.RELATIVE`). Measured on the diagnosable eval sets, each held out in turn, these
and the neighbour and predicate features lift the share of questions whose best-scored sentence holds a
key fact from 0.48 to 0.57 (docs/evaluation.md).

>>> from assistant.answering.scoring import Candidate, FEATURES
>>> def cand(i, dense, bm25):
...     c = Candidate(i, "text", 0, 1, "report", features=dict.fromkeys(FEATURES, 0.0))
...     c.features.update(dense=dense, bm25=bm25)
...     c.plain_features = dict(c.features)
...     return c
>>> best, other = cand(0, 0.6, 0.2), cand(1, 0.4, 0.9)
>>> relation = relate([best, other])
>>> other.features["dense_gap"], other.features["dense_rank"], other.features["bm25_rank"]
(-0.2, 0.5, 1.0)
>>> late = relation.apply(cand(2, 0.5, 0.0))
>>> late.features["dense_rank"]
0.5
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from assistant.answering.scoring import DECISION_WEIGHTS, Candidate, probability

MEASURES = ("dense", "bm25", "focus")  # the features whose best value the gaps are measured from
RANKED = ("dense", "bm25")


@dataclass
class Relation:
    """Every candidate's measures for one question: what a candidate scored later (a sentence cited by a footnote) is set
    against. Only the quoted score reads them; the plain score (the scope and gap decisions' evidence) keeps the
    decision weights, which read a sentence by itself (:data:`scoring.DECISION_WEIGHTS`)."""

    values: dict[str, np.ndarray]  # measure -> every candidate's value

    def apply(self, c: Candidate) -> Candidate:
        """Set a candidate's relative features and its two scores."""
        for m in MEASURES:
            c.features[f"{m}_gap"] = round(c.features[m] - float(self.values[m].max(initial=c.features[m])), 6)
        for m in RANKED:
            c.features[f"{m}_rank"] = 1.0 / (1 + int(np.sum(self.values[m] > c.features[m])))
        c.plain, c.score = probability(c.plain_features, DECISION_WEIGHTS), probability(c.features)
        return c


def relate(candidates: list[Candidate]) -> Relation:
    """Set every candidate's relative features and scores; the relation, for candidates scored later."""
    relation = Relation({m: np.array([c.features[m] for c in candidates], dtype=float) for m in MEASURES})
    for c in candidates:
        relation.apply(c)
    return relation
