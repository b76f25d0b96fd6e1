"""TF-IDF over a growing stream: document frequencies, unit-length vectors and cluster centroids.

Plain dicts, no matrix library: a stream adds one article at a time, and an article has a few
hundred distinct terms. Weights use the IDF known when the article arrives; a centroid is the
sum of its members' unit vectors, so adding, merging and comparing never revisit old articles.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from itertools import repeat
from operator import mul

SparseVector = dict[str, float]


class TermStatistics:
    """Document frequencies of one kind of term, counted as articles arrive.

    IDF is the smoothed ``log((documents + 1) / (frequency + 1)) + 1``: an unseen term weighs most.
    """

    def __init__(self, documents: int = 0, frequencies: dict[str, int] | None = None) -> None:
        self.documents = documents
        self.frequencies: dict[str, int] = frequencies if frequencies is not None else {}

    def __repr__(self) -> str:
        return f"TermStatistics(documents={self.documents}, terms={len(self.frequencies)})"

    def update(self, terms: Iterable[str]) -> None:
        """Count one more document holding each of ``terms`` (each counted once)."""
        self.documents += 1
        frequencies = self.frequencies
        for term in terms:
            frequencies[term] = frequencies.get(term, 0) + 1

    def to_dict(self) -> dict:
        return {"documents": self.documents, "frequencies": self.frequencies}

    @classmethod
    def from_dict(cls, data: Mapping) -> TermStatistics:
        return cls(int(data["documents"]), dict(data["frequencies"]))


def weigh(counts: Mapping[str, int], statistics: TermStatistics, max_terms: int) -> SparseVector:
    """Unit-length TF-IDF vector (``1 + log tf`` times IDF) of the ``max_terms`` heaviest terms.

    Keeping the heaviest terms bounds the cost of every later comparison and drops words the
    article only mentions in passing.
    """
    top_idf = math.log(statistics.documents + 1) + 1.0
    frequency = statistics.frequencies.get
    log = math.log
    weights = {
        term: (1.0 + log(count)) * (top_idf - log(frequency(term, 0) + 1)) for term, count in counts.items()
    }
    if len(weights) > max_terms:
        weights = {term: weights[term] for term in sorted(weights, key=weights.__getitem__, reverse=True)[:max_terms]}
    norm = math.sqrt(sum(w * w for w in weights.values()))
    return {term: w / norm for term, w in weights.items()} if norm else {}


def heaviest(vector: Mapping[str, float], count: int) -> dict[str, float]:
    """The ``count`` heaviest entries of a sparse vector."""
    if len(vector) <= count:
        return dict(vector)
    return {term: vector[term] for term in sorted(vector, key=vector.__getitem__, reverse=True)[:count]}


def dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Dot product of two sparse vectors: each term of the shorter one looked up in the longer,
    all in C. The clusterer compares an article with stories that share most of its terms
    (80-85 % on bench/scale.py's stream), where this costs two thirds of intersecting the keys
    first and half of a generator."""
    if len(a) > len(b):
        a, b = b, a
    return sum(map(mul, a.values(), map(b.get, a, repeat(0.0))))


class Centroid:
    """The sum of a cluster's unit vectors, with its squared length kept up to date.

    ``max_terms`` caps the centroid of a large cluster: its lightest terms are dropped, which
    changes its cosines by little and keeps memory flat as a story grows.
    """

    __slots__ = ("weights", "norm2", "max_terms")

    def __init__(self, max_terms: int, weights: SparseVector | None = None, norm2: float | None = None) -> None:
        self.max_terms = max_terms
        self.weights: SparseVector = weights if weights is not None else {}
        self.norm2 = norm2 if norm2 is not None else sum(w * w for w in self.weights.values())

    def __repr__(self) -> str:
        return f"Centroid(terms={len(self.weights)}, norm={math.sqrt(self.norm2):.3f})"

    def cosine(self, vector: SparseVector) -> float:
        """Cosine between a unit ``vector`` and this centroid."""
        if not self.norm2 or not vector:
            return 0.0
        return dot(vector, self.weights) / math.sqrt(self.norm2)

    def cosine_to(self, other: Centroid) -> float:
        """Cosine between two centroids."""
        if not self.norm2 or not other.norm2:
            return 0.0
        return dot(self.weights, other.weights) / math.sqrt(self.norm2 * other.norm2)

    def add(self, vector: SparseVector) -> None:
        self._add(vector, 1.0)

    def merge(self, other: Centroid) -> None:
        self._add(other.weights, other.norm2)

    def top_terms(self, count: int) -> list[str]:
        """The ``count`` heaviest terms, heaviest first."""
        return sorted(self.weights, key=self.weights.__getitem__, reverse=True)[:count]

    def _add(self, vector: SparseVector, vector_norm2: float) -> None:
        weights = self.weights
        self.norm2 += 2.0 * dot(vector, weights) + vector_norm2
        for term, weight in vector.items():
            weights[term] = weights.get(term, 0.0) + weight
        if len(weights) > self.max_terms:
            kept = sorted(weights.items(), key=lambda item: item[1], reverse=True)[: self.max_terms * 3 // 4]
            self.weights = dict(kept)
            self.norm2 = sum(w * w for _, w in kept)
