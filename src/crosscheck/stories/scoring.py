"""How strongly an article (or a story) belongs with a story: similarity features and linear scores.

In the manner of Miranda et al. (2018, "Multilingual Clustering of Streaming News"): one cosine
per view (TF-IDF of words, of the lead, of names; the WordLlama vector), the log of the story's
size and the log of the gap in days when both sides are dated, combined by logistic-regression
weights. A score above 0 means "more likely than not"; the clusterer's thresholds move that line.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from crosscheck.stories.clusters import ArticleVectors, Cluster

FEATURES = ("words", "lead", "names", "embedding", "log_size", "log_gap")


@dataclass(frozen=True, slots=True)
class LinkModel:
    """Weights of the features in ``FEATURES``, and a bias; ``score`` is their weighted sum."""

    weights: tuple[float, ...]
    bias: float

    def score(self, features: tuple[float, ...]) -> float:
        return self.bias + sum(w * x for w, x in zip(self.weights, features))


@dataclass(frozen=True, slots=True)
class LinkModels:
    """The three decisions: article -> story, article -> a story of the same topic, story <-> story
    of the same topic (used to merge topics)."""

    story: LinkModel
    topic: LinkModel
    topic_merge: LinkModel

    @property
    def uses_embedding(self) -> bool:
        position = FEATURES.index("embedding")
        return any(m.weights[position] for m in (self.story, self.topic, self.topic_merge))

    def to_dict(self) -> dict:
        return {name: [list(m.weights), m.bias] for name, m in self._named().items()}

    @classmethod
    def from_dict(cls, data: dict) -> LinkModels:
        return cls(**{name: LinkModel(tuple(w), b) for name, (w, b) in data.items()})

    def _named(self) -> dict[str, LinkModel]:
        return {"story": self.story, "topic": self.topic, "topic_merge": self.topic_merge}


def article_features(article: ArticleVectors, story: Cluster) -> tuple[float, ...]:
    """Features of ``article`` against ``story``, in the order of ``FEATURES``."""
    centroids = story.centroids
    return (
        centroids["words"].cosine(article.views["words"]),
        centroids["lead"].cosine(article.views["lead"]),
        centroids["names"].cosine(article.views["names"]),
        story.embedding_cosine(article.embedding),
        math.log(story.size),
        math.log1p(story.day_gap(article.day, article.day)),
    )


def cluster_features(a: Cluster, b: Cluster) -> tuple[float, ...]:
    """Features of two stories, in the order of ``FEATURES``; the larger one gives the size."""
    small, large = sorted((a, b), key=lambda c: c.size)
    return (
        small.centroids["words"].cosine_to(large.centroids["words"]),
        small.centroids["lead"].cosine_to(large.centroids["lead"]),
        small.centroids["names"].cosine_to(large.centroids["names"]),
        large.embedding_cosine(small.embedding),
        math.log(large.size),
        math.log1p(large.day_gap(small.first_day, small.last_day)),
    )


# Log-day-gap weights, by decision, set by hand: a story a week away costs what 0.2 more names
# cosine gains; topics span longer, so their gap weighs less.
DAY_GAP_WEIGHTS = {"story": -1.0, "topic": -0.3, "topic_merge": -0.3}
# Fitted by `python bench/clustering.py --fit` (and `--fit --embedding`) on ECB+ dev, topics
# 1-25: logistic regression in numpy (L2 1e-3) over one example per (article or story,
# candidate story) met while replaying the stream with gold stories and topics
# (``training.link_examples``), 10 candidates per article. Names weigh most for stories; for
# topics they weigh *against*, since two events of one kind share words but not names. ECB+
# has no dates, so the day-gap weights are set by hand (``DAY_GAP_WEIGHTS``).
DEFAULT_MODELS = LinkModels(
    story=LinkModel(weights=(3.243, 4.114, 10.784, 0.0, -0.838, -1.0), bias=-4.883),
    topic=LinkModel(weights=(17.847, 17.916, -2.937, 0.0, -0.240, -0.3), bias=-4.185),
    topic_merge=LinkModel(weights=(12.639, 19.827, -10.778, 0.0, -0.713, -0.3), bias=-3.902),
)
# The same fit with the WordLlama cosine as a feature, for ``StoryClusterer(embedding=True)``.
EMBEDDING_MODELS = LinkModels(
    story=LinkModel(weights=(3.492, 4.160, 10.879, -0.340, -0.847, -1.0), bias=-4.766),
    topic=LinkModel(weights=(9.455, 16.815, -2.635, 4.440, -0.233, -0.3), bias=-4.843),
    topic_merge=LinkModel(weights=(3.750, 18.934, -9.117, 6.183, -0.657, -0.3), bias=-5.372),
)
