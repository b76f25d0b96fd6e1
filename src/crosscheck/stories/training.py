"""Fitting the link models on gold clusters: replay the stream, then logistic regression in numpy.

As in Miranda et al. (2018): articles arrive in order and join their *gold* story; before each
joins, it is compared with the stories the candidate index offers, giving one example per
(article, candidate story): "same story?" for the story model and, for candidates other than
its own story, "same topic?" for the topic model. Every ``merge_every`` articles each story is
compared with its candidate stories too: "same topic?" for the topic-merge model.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from crosscheck.stories.clusters import VIEWS, ArticleVectors, Cluster
from crosscheck.stories.embedding import WordLlamaEmbedder
from crosscheck.stories.features import extract_features
from crosscheck.stories.index import CandidateIndex
from crosscheck.stories.online import ARTICLE_TERMS, CENTROID_TERMS, ArticleLike
from crosscheck.stories.scoring import (
    DAY_GAP_WEIGHTS,
    FEATURES,
    LinkModel,
    LinkModels,
    article_features,
    cluster_features,
)
from crosscheck.stories.tfidf import TermStatistics, heaviest, weigh

Examples = dict[str, tuple[np.ndarray, np.ndarray]]


def link_examples(
    articles: Sequence[ArticleLike],
    stories: Mapping[str, str],
    topics: Mapping[str, str],
    *,
    embedder: WordLlamaEmbedder | None = None,
    candidates: int = 10,
    query_terms: int = 20,
    lead_words: int = 40,
    merge_every: int = 25,
) -> Examples:
    """Feature rows and 0/1 labels keyed "story", "topic" and "topic_merge".

    ``stories`` and ``topics`` map each article id to its gold story and topic label.
    """
    statistics = {view: TermStatistics() for view in VIEWS}
    found = [extract_features(a.text, a.title, a.published, lead_words=lead_words) for a in articles]
    for features in found:
        for view in VIEWS:
            statistics[view].update(getattr(features, view))
    embeddings = (
        list(embedder.embed([f"{a.title}\n{a.text}" if a.title else a.text for a in articles]))
        if embedder is not None
        else [None] * len(articles)
    )
    index = CandidateIndex()
    clusters: dict[str, Cluster] = {}
    topic_of: dict[str, str] = {}
    rows: dict[str, list[tuple[float, ...]]] = {"story": [], "topic": [], "topic_merge": []}
    labels: dict[str, list[int]] = {"story": [], "topic": [], "topic_merge": []}
    for position, (article, features, embedding) in enumerate(zip(articles, found, embeddings)):
        if position and position % merge_every == 0:
            for cluster in clusters.values():
                centroids = cluster.centroids
                query = heaviest({**centroids["words"].weights, **centroids["names"].weights}, query_terms)
                for other in index.candidates(query, candidates, str):
                    if other != cluster.id:
                        rows["topic_merge"].append(cluster_features(cluster, clusters[other]))
                        labels["topic_merge"].append(int(topic_of[other] == topic_of[cluster.id]))
        views = {view: weigh(getattr(features, view), statistics[view], ARTICLE_TERMS[view]) for view in VIEWS}
        vectors = ArticleVectors(article.id, article.title, views, embedding, features.day, features.surfaces)
        query = heaviest({**views["words"], **views["names"]}, query_terms)
        story = stories[article.id]
        for other in index.candidates(query, candidates, str):
            row = article_features(vectors, clusters[other])
            rows["story"].append(row)
            labels["story"].append(int(other == story))
            if other != story:
                rows["topic"].append(row)
                labels["topic"].append(int(topic_of[other] == topics[article.id]))
        if story not in clusters:
            clusters[story] = Cluster(story, len(clusters), CENTROID_TERMS)
            topic_of[story] = topics[article.id]
        clusters[story].add(vectors)
        index.add(story, query)
    return {
        name: (np.array(rows[name], dtype=float).reshape(-1, len(FEATURES)), np.array(labels[name], dtype=float))
        for name in rows
    }


def fit_models(
    examples: Examples, l2: float = 1e-3, day_gap_weights: Mapping[str, float] = DAY_GAP_WEIGHTS
) -> LinkModels:
    """One logistic regression per decision; the day-gap weight is set from ``day_gap_weights``,
    since data without dates cannot fit it."""
    gap = FEATURES.index("log_gap")
    fitted = {}
    for name, (x, y) in examples.items():
        model = fit_logistic(x, y, l2)
        weights = list(model.weights)
        weights[gap] = day_gap_weights[name]
        fitted[name] = LinkModel(tuple(weights), model.bias)
    return LinkModels(**fitted)


def fit_logistic(features: np.ndarray, labels: np.ndarray, l2: float = 1e-3, iterations: int = 50) -> LinkModel:
    """L2-regularised logistic regression by Newton's method, on standardised features.

    Returns the weights on the original scale; a constant column gets weight 0.
    """
    mean, scale = features.mean(axis=0), features.std(axis=0)
    constant = scale == 0
    scale[constant] = 1.0
    x = np.hstack([(features - mean) / scale, np.ones((len(features), 1))])
    x[:, :-1][:, constant] = 0.0
    penalty = np.full(x.shape[1], l2 * len(x))
    penalty[-1] = 0.0
    w = np.zeros(x.shape[1])
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        gradient = x.T @ (p - labels) + penalty * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty) + 1e-9 * np.eye(x.shape[1])
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    weights = w[:-1] / scale
    return LinkModel(tuple(float(v) for v in weights), float(w[-1] - (weights * mean).sum()))
