import numpy as np

from assistant.answering.mmr import mmr_select

# 0 and 1 are near-duplicates; 2 is a different point; 3 is different but barely relevant
VECTORS = np.array([[1.0, 0.0, 0.0], [0.995, 0.0998, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])
RELEVANCE = np.array([0.9, 0.88, 0.7, 0.2])


def test_first_pick_is_the_most_relevant():
    assert mmr_select(RELEVANCE, VECTORS, limit=1)[0] == 0


def test_a_near_duplicate_loses_to_a_new_point():
    assert mmr_select(RELEVANCE, VECTORS, limit=2, lambda_=0.7) == [0, 2]


def test_pure_relevance_ignores_redundancy():
    assert mmr_select(RELEVANCE, VECTORS, limit=3, lambda_=1.0, cutoff=1.0) == [0, 1, 2]


def test_weak_items_are_cut_after_the_minimum():
    picked = mmr_select(RELEVANCE, VECTORS, limit=4, lambda_=0.7, cutoff=0.35)
    assert picked[:2] == [0, 2] and 3 not in picked  # 0.2 is more than 0.35 below 0.9


def test_never_more_than_there_are_items():
    assert sorted(mmr_select(RELEVANCE[:2], VECTORS[:2], limit=5, cutoff=1.0)) == [0, 1]
    assert mmr_select(np.array([]), np.zeros((0, 3)), limit=3) == []
