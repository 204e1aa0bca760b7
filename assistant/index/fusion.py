"""Weighted reciprocal-rank fusion: one ranking out of several, by rank alone (scores need not be comparable).

Each list contributes ``weight / (k + rank)`` (rank from 1) to every id it holds; an id in
several lists adds up. Dense and BM25 scores live on different scales, so ranks are what is
fused (Cormack et al., 2009); haystack's ``_reciprocal_rank_fusion`` does the same.

>>> scores = reciprocal_rank_fusion([["a", "b"], ["b", "c"]], weights=[1.0, 1.0], k=20)
>>> ranked(scores)
['b', 'a', 'c']
>>> round(scores["b"], 5) == round(1 / 22 + 1 / 21, 5)
True
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from typing import TypeVar

Id = TypeVar("Id", bound=Hashable)


def reciprocal_rank_fusion(rankings: Sequence[Iterable[Id]], weights: Sequence[float], k: int) -> dict[Id, float]:
    """Fused score per id over ranked lists (best first); ``weights`` has one entry per list."""
    if len(rankings) != len(weights):
        raise ValueError(f"{len(rankings)} rankings but {len(weights)} weights")
    scores: dict[Id, float] = {}
    for ranking, weight in zip(rankings, weights, strict=True):
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
    return scores


def ranked(scores: dict[Id, float], limit: int | None = None) -> list[Id]:
    """Ids by descending score; ties keep the order in which the ids were first scored."""
    return sorted(scores, key=lambda item: -scores[item])[:limit]
