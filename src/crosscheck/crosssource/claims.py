"""Claims: statements aligned across articles by meaning, and how many sources stand behind each.

Two statements state one claim when their embedding similarity and shared content words
together reach the threshold (shared numbers of the same thing, shared dates and shared
people add to the score), and nothing pins them apart: opposite polarity, different named
speakers, different values for the same counted thing, different dates. Statements are
joined strongest pair first, and a group never takes in a statement that conflicts with any
of its members. A claim's independent sources are the distinct origins of its statements
(all copies of one wire report count once; a relayed claim counts for the outlet relayed).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from crosscheck.crosssource.disjoint import DisjointSets
from crosscheck.crosssource.similarity import SimilarityBackend
from crosscheck.crosssource.statements import Statement

CORROBORATED, SINGLE_SOURCE, DISPUTED = "corroborated", "single-source", "disputed"


@dataclass
class Claim:
    """Statements of one claim, with the origin each counts for (None: no source of its own)."""

    statements: list[Statement]
    origins: list[str | None]
    id: str = ""
    disputed: bool = False

    @property
    def docs(self) -> list[int]:
        return sorted({s.doc for s in self.statements})

    @property
    def independent(self) -> int:
        return len({o for o in self.origins if o})

    @property
    def status(self) -> str:
        if self.disputed:
            return DISPUTED
        return CORROBORATED if self.independent >= 2 else SINGLE_SOURCE


@dataclass(frozen=True)
class ClaimParams:
    """``candidates``: nearest neighbours looked at per statement, with cosine at least
    ``min_cosine``; the pair score is ``cosine_weight`` x cosine + (1 - that) x word overlap,
    plus the bonuses, against the backend's threshold."""

    candidates: int = 24
    min_cosine: float = 0.4
    cosine_weight: float = 0.5
    number_bonus: float = 0.2
    date_bonus: float = 0.1
    person_bonus: float = 0.05


def align_claims(
    statements: list[Statement],
    backend: SimilarityBackend,
    params: ClaimParams | None = None,
    links: list[tuple[int, int]] = (),
) -> list[list[int]]:
    """Groups of statement indices that state one claim, in order of first statement.

    ``links`` are pairs of statements known to say the same thing (they quote the same
    words); they are joined first, unless they conflict."""
    params = params or ClaimParams()
    keys: dict[tuple, int] = {}
    key_of = [keys.setdefault(_key(s), len(keys)) for s in statements]
    first = {k: i for i, k in reversed(list(enumerate(key_of)))}
    uniques = [statements[first[k]] for k in range(len(keys))]
    vectors = backend.vectors([s.text for s in uniques]) if uniques else np.zeros((0, 1), dtype=np.float32)
    weights = word_weights(statements)
    edges = sorted(_edges(uniques, vectors, weights, backend.threshold, params), reverse=True)
    edges[:0] = [(math.inf, key_of[a], key_of[b]) for a, b in links if key_of[a] != key_of[b]]
    sets = DisjointSets(len(uniques))
    profiles = {i: _Profile.of(u) for i, u in enumerate(uniques)}
    for _, a, b in edges:
        ra, rb = sets.find(a), sets.find(b)
        if ra != rb and not profiles[ra].conflicts(profiles[rb]):
            merged = _Profile.joined(profiles.pop(ra), profiles.pop(rb))
            profiles[sets.union(ra, rb)] = merged
    groups: dict[int, list[int]] = {}
    for i, key in enumerate(key_of):
        groups.setdefault(sets.find(key), []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])


def _key(statement: Statement) -> tuple:
    return (statement.stems, statement.numbers, statement.dates, statement.negative, statement.speaker)


def word_weights(statements: list[Statement]) -> dict[str, float]:
    """Inverse statement frequency of each content stem (over distinct statements, so copies
    do not count): words the story uses everywhere ("bridge", "residents") say little about
    which claim a statement makes."""
    seen: set[frozenset[str]] = set()
    counts: dict[str, int] = {}
    for statement in statements:
        if statement.stems not in seen:
            seen.add(statement.stems)
            for word in statement.stems:
                counts[word] = counts.get(word, 0) + 1
    total = len(seen)
    return {word: math.log((total + 1) / (count + 0.5)) for word, count in counts.items()}


def _edges(
    uniques: list[Statement], vectors: np.ndarray, weights: dict[str, float], threshold: float, params: ClaimParams
) -> list[tuple[float, int, int]]:
    edges = []
    block = 512
    for start in range(0, len(uniques), block):
        scores = vectors[start : start + block] @ vectors.T
        for row, similarities in enumerate(scores):
            i = start + row
            top = np.argpartition(-similarities, min(params.candidates, len(uniques) - 1))[: params.candidates + 1]
            for j in top:
                j = int(j)
                if j <= i or similarities[j] < params.min_cosine:
                    continue
                score = _score(uniques[i], uniques[j], float(similarities[j]), weights, params)
                if score >= threshold and not _conflict(uniques[i], uniques[j]):
                    edges.append((score, i, j))
    return edges


def _score(a: Statement, b: Statement, cosine: float, weights: dict[str, float], params: ClaimParams) -> float:
    """Cosine and the weighted share of the lighter statement's words the other one uses (a
    statement less than half the other's weight counts as half of it)."""
    mass = sorted((_mass(a.stems, weights), _mass(b.stems, weights)))
    base = max(mass[0], mass[1] / 2)
    overlap = _mass(a.stems & b.stems, weights) / base if base > 0 else 0.0
    score = params.cosine_weight * cosine + (1 - params.cosine_weight) * overlap
    if a.numbers & b.numbers:
        score += params.number_bonus
    if a.dates & b.dates:
        score += params.date_bonus
    if a.person and a.speaker == b.speaker:
        score += params.person_bonus
    return score


def _mass(words: frozenset[str], weights: dict[str, float]) -> float:
    """Summed weight of words, in a fixed order so that scores are the same on every run."""
    return sum(weights.get(w, 0.0) for w in sorted(words))


def _conflict(a: Statement, b: Statement) -> bool:
    """Statements that cannot be one claim, however alike their words."""
    return _Profile.of(a).conflicts(_Profile.of(b))


@dataclass
class _Profile:
    """What pins a group of statements down: polarity, the person speaking, the value of each
    counted thing, and calendar dates."""

    negative: bool
    people: set[str]
    numbers: dict[str, set[float]]
    dates: set[str]

    @classmethod
    def of(cls, statement: Statement) -> _Profile:
        numbers: dict[str, set[float]] = {}
        for concept, value in statement.numbers:
            numbers.setdefault(concept, set()).add(value)
        people = {statement.speaker} if statement.person and statement.speaker else set()
        return cls(statement.negative, people, numbers, {d for d in statement.dates if d[0].isdigit()})

    def conflicts(self, other: _Profile) -> bool:
        if self.negative != other.negative or (self.people and other.people and self.people != other.people):
            return True
        for concept, values in self.numbers.items():
            if concept in other.numbers and not values & other.numbers[concept]:
                return True
        return bool(self.dates and other.dates and not self.dates & other.dates)

    @staticmethod
    def joined(a: _Profile, b: _Profile) -> _Profile:
        numbers = {concept: set(values) for concept, values in a.numbers.items()}
        for concept, values in b.numbers.items():
            numbers.setdefault(concept, set()).update(values)
        return _Profile(a.negative, a.people | b.people, numbers, a.dates | b.dates)
