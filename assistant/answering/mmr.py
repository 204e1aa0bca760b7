"""Maximal marginal relevance: pick items that are relevant and say something the picked ones do not.

Each step takes the item maximising ``λ·relevance − (1−λ)·(max similarity to the picked ones)``
(Carbonell and Goldstein, 1998). The extractive answerer uses it to choose its sentences; after
``min_keep`` picks it stops once an item's relevance falls ``cutoff`` below the first pick's,
so a short answer is not padded with weak sentences.

>>> import numpy as np
>>> vectors = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0]])   # items 0 and 1 say the same thing
>>> mmr_select(np.array([0.9, 0.85, 0.6]), vectors, limit=2, lambda_=0.5)
[0, 2]
>>> mmr_select(np.array([0.9, 0.85, 0.6]), vectors, limit=2, lambda_=1.0)
[0, 1]
"""

from __future__ import annotations

import numpy as np

from assistant.constants import MMR_LAMBDA, RELATIVE_CUTOFF


def mmr_select(relevance: np.ndarray, vectors: np.ndarray, limit: int, lambda_: float = MMR_LAMBDA,
               cutoff: float = RELATIVE_CUTOFF, min_keep: int = 2) -> list[int]:
    """Indices of up to ``limit`` items in the order picked; ``vectors`` are unit rows (cosine = dot)."""
    chosen: list[int] = []
    while len(chosen) < min(limit, len(relevance)):
        if chosen:
            redundancy = np.max(vectors @ vectors[chosen].T, axis=1)
            score = lambda_ * relevance - (1 - lambda_) * redundancy
        else:
            score = relevance.astype(float).copy()
        score[chosen] = -np.inf
        best = int(np.argmax(score))
        if len(chosen) >= min_keep and relevance[best] < relevance[chosen[0]] - cutoff:
            break
        chosen.append(best)
    return chosen
