import pytest

from assistant.index.fusion import ranked, reciprocal_rank_fusion


def test_an_id_in_both_lists_beats_one_ranked_first_in_only_one():
    scores = reciprocal_rank_fusion([["a", "b", "c"], ["b", "d"]], weights=[1.0, 1.0], k=60)
    assert ranked(scores) == ["b", "a", "d", "c"]
    assert scores["b"] == pytest.approx(1 / 62 + 1 / 61)


def test_weights_scale_each_list():
    scores = reciprocal_rank_fusion([["dense"], ["lexical"]], weights=[0.5, 1.0], k=20)
    assert ranked(scores) == ["lexical", "dense"]
    assert scores["dense"] == pytest.approx(0.5 / 21)


def test_empty_lists_and_limit():
    assert reciprocal_rank_fusion([[], []], weights=[1, 1], k=20) == {}
    assert ranked(reciprocal_rank_fusion([[3, 2, 1]], weights=[1], k=1), limit=2) == [3, 2]


def test_ties_keep_first_seen_order():
    scores = reciprocal_rank_fusion([["x", "y"], ["y", "x"]], weights=[1, 1], k=20)
    assert scores["x"] == pytest.approx(scores["y"]) and ranked(scores) == ["x", "y"]


def test_one_weight_per_list():
    with pytest.raises(ValueError, match="weights"):
        reciprocal_rank_fusion([["a"]], weights=[1, 1], k=20)
