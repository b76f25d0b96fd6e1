"""An article as the clusterer compares it, and a story as the sum of its articles."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from crosscheck.stories.tfidf import Centroid, SparseVector

VIEWS = ("words", "lead", "names")


@dataclass(slots=True)
class ArticleVectors:
    """One article's unit TF-IDF vectors per view, its embeddings (whole text; lead, for topics)
    and its day, ready to compare."""

    id: str
    title: str | None
    views: dict[str, SparseVector]
    embedding: np.ndarray | None
    day: int | None
    surfaces: dict[str, str]
    lead_embedding: np.ndarray | None = None


class Representative(NamedTuple):
    """An article that may give its story a title: its id, title and heaviest words."""

    article_id: str
    title: str | None
    words: SparseVector


class Cluster:
    """A story: its articles, one centroid per view, the summed embeddings and its span of days.

    ``sequence`` orders stories by creation (when two merge, the older one survives); ``parent``
    is the story's topic; ``representatives`` and ``surfaces`` (how its names were written) give
    it a title.
    """

    __slots__ = (
        "id", "sequence", "articles", "centroids", "embedding", "first_day", "last_day", "parent", "representatives",
        "surfaces", "lead_embedding",
    )

    def __init__(self, id: str, sequence: int, max_terms: dict[str, int]) -> None:
        self.id = id
        self.sequence = sequence
        self.articles: list[str] = []
        self.centroids = {view: Centroid(max_terms[view]) for view in VIEWS}
        self.embedding: np.ndarray | None = None
        self.lead_embedding: np.ndarray | None = None
        self.first_day: int | None = None
        self.last_day: int | None = None
        self.parent: str | None = None
        self.representatives: list[Representative] = []
        self.surfaces: dict[str, str] = {}

    def __repr__(self) -> str:
        return f"Cluster(id={self.id!r}, articles={len(self.articles)})"

    @property
    def size(self) -> int:
        return len(self.articles)

    def add(self, article: ArticleVectors) -> None:
        self.articles.append(article.id)
        for view in VIEWS:
            self.centroids[view].add(article.views[view])
        self.embedding = _sum(self.embedding, article.embedding)
        self.lead_embedding = _sum(self.lead_embedding, article.lead_embedding)
        self._widen(article.day, article.day)

    def absorb(self, other: Cluster) -> None:
        """Take in every article of ``other`` (a merge)."""
        self.articles.extend(other.articles)
        for view in VIEWS:
            self.centroids[view].merge(other.centroids[view])
        self.embedding = _sum(self.embedding, other.embedding)
        self.lead_embedding = _sum(self.lead_embedding, other.lead_embedding)
        self._widen(other.first_day, other.last_day)

    def day_gap(self, first: int | None, last: int | None) -> float:
        """Days between this story's span and another span; 0 when either is undated or they overlap."""
        if first is None or last is None or self.first_day is None or self.last_day is None:
            return 0.0
        return float(max(0, first - self.last_day, self.first_day - last))

    def embedding_cosine(self, vector: np.ndarray | None) -> float:
        if vector is None or self.embedding is None:
            return 0.0
        norm = float(np.linalg.norm(self.embedding)) * float(np.linalg.norm(vector))
        return float(self.embedding @ vector) / norm if norm else 0.0

    def _widen(self, first: int | None, last: int | None) -> None:
        if first is not None and last is not None:
            self.first_day = first if self.first_day is None else min(self.first_day, first)
            self.last_day = last if self.last_day is None else max(self.last_day, last)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "sequence": self.sequence,
            "articles": self.articles,
            "centroids": {view: c.weights for view, c in self.centroids.items()},
            "norms": {view: c.norm2 for view, c in self.centroids.items()},
            "embedding": encode_vector(self.embedding),
            "lead_embedding": encode_vector(self.lead_embedding),
            "days": [self.first_day, self.last_day],
            "parent": self.parent,
            "representatives": [list(r) for r in self.representatives],
            "surfaces": self.surfaces,
        }

    @classmethod
    def from_dict(cls, data: dict, max_terms: dict[str, int]) -> Cluster:
        cluster = cls(data["id"], data["sequence"], max_terms)
        cluster.articles = list(data["articles"])
        cluster.centroids = {
            view: Centroid(max_terms[view], dict(data["centroids"][view]), data["norms"][view]) for view in VIEWS
        }
        cluster.embedding = decode_vector(data["embedding"])
        cluster.lead_embedding = decode_vector(data["lead_embedding"])
        cluster.first_day, cluster.last_day = data["days"]
        cluster.parent = data["parent"]
        cluster.representatives = [Representative(*r) for r in data["representatives"]]
        cluster.surfaces = dict(data["surfaces"])
        return cluster


def _sum(total: np.ndarray | None, vector: np.ndarray | None) -> np.ndarray | None:
    if vector is None:
        return total
    return vector.copy() if total is None else total + vector


def encode_vector(vector: np.ndarray | None) -> str | None:
    """A float32 vector as base64: a quarter of the size of a JSON list, and exact."""
    return None if vector is None else base64.b64encode(vector.astype("<f4").tobytes()).decode("ascii")


def decode_vector(text: str | None) -> np.ndarray | None:
    return None if text is None else np.frombuffer(base64.b64decode(text), dtype="<f4").copy()
