"""Sparse vectors: the dot product the clusterer's every comparison rests on."""

from __future__ import annotations

import math

from crosscheck.stories.tfidf import Centroid, dot


def test_dot_sums_the_products_of_shared_terms_whichever_side_is_longer() -> None:
    short = {"harbour": 0.6, "crane": 0.8}
    long = {"harbour": 0.5, "quay": 0.5, "storm": 0.5, "crane": 0.5}
    assert math.isclose(dot(short, long), 0.6 * 0.5 + 0.8 * 0.5)
    assert dot(long, short) == dot(short, long)
    assert dot(short, {"ferry": 1.0}) == 0.0
    assert dot({}, long) == 0.0


def test_a_centroid_compares_by_cosine_and_keeps_its_length_as_it_grows() -> None:
    centroid = Centroid(max_terms=100)
    centroid.add({"harbour": 0.6, "crane": 0.8})
    centroid.add({"harbour": 1.0})
    assert math.isclose(centroid.norm2, 1.6**2 + 0.8**2)
    assert math.isclose(centroid.cosine({"harbour": 1.0}), 1.6 / math.sqrt(1.6**2 + 0.8**2))
