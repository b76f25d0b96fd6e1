"""Story clustering's per-article work on Dask workers; the client only places articles.

Placing an article in a story depends on every article before it, so it stays in one process.
What an article gives alone (terms, date, embeddings: ``PreparedArticle``) is about 40 % of
its cost, and the workers compute it, piece by piece of each chunk the clusterer reads, while
the client places the chunk before. Only the text fields travel to the workers; the results are
the same as computed in the client.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from typing import Any

import numpy as np

from crosscheck.scale.priority import yields_to_client
from crosscheck.stories.embedding import WordLlamaEmbedder
from crosscheck.stories.features import DocumentFeatures
from crosscheck.stories.online import (
    ArticleLike,
    PlainArticle,
    Prepare,
    PreparedArticle,
    StoryClusterer,
    prepare_articles,
)

PIECE = 250
"""Articles per task: enough that a task's overhead is small, few enough to keep two workers busy."""

_Record = tuple[str, str, str | None, str | None]


def prepare_on(client: Any, clusterer: StoryClusterer) -> Prepare:
    """A ``prepare`` for ``clusterer.add_many`` that runs on the workers of a ``distributed.Client``."""
    settings = (clusterer.lead_words, clusterer.embedding, clusterer.lead_embedding)
    fetcher = ThreadPoolExecutor(max_workers=1, thread_name_prefix="crosscheck-prepare")

    def prepare(articles: Sequence[ArticleLike]) -> Callable[[], list[PreparedArticle]]:
        records = [(a.id, a.text, a.title, a.published) for a in articles]
        pieces = [records[start : start + PIECE] for start in range(0, len(records), PIECE)]
        if not pieces:
            return list  # nothing to wait for: list() is []
        # scattered, the texts go straight to the workers, not through the scheduler in the task graph
        futures = client.map(_prepare_piece, client.scatter(pieces, hash=False), settings=settings, pure=False)
        # fetched by a thread as soon as they are ready, while the chunk before is placed
        fetched = fetcher.submit(client.gather, futures)
        return lambda: [article for piece in fetched.result() for article in unpack(piece)]

    return prepare


@yields_to_client
def _prepare_piece(records: list[_Record], settings: tuple[int, bool, bool]) -> Packed:
    lead_words, embedding, lead_embedding = settings
    embedder, lead_embedder = _embedders(lead_words, embedding, lead_embedding)
    return pack(prepare_articles([PlainArticle(*record) for record in records], lead_words, embedder, lead_embedder))


Packed = tuple[list[tuple[Any, ...]], Any, Any]
"""Prepared articles as they travel: each one's features as a tuple of plain dicts, and each
kind of embedding as one matrix (or a list when some article has none)."""


def pack(prepared: Sequence[PreparedArticle]) -> Packed:
    """``prepared`` in the form that pickles fastest: a ``Counter`` and a small array each pickle
    through Python-level reduce calls, plain dicts and one matrix in C (bench/scale.py's
    articles: 30 rather than 90 microseconds an article to unpickle, in the client that places)."""
    features = [(dict(f.words), dict(f.lead), dict(f.names), f.day, f.surfaces) for f in (p.features for p in prepared)]
    return features, _stacked([p.embedding for p in prepared]), _stacked([p.lead for p in prepared])


def unpack(packed: Packed) -> list[PreparedArticle]:
    """The ``PreparedArticle``s that ``pack`` packed, in order."""
    features, embeddings, leads = packed
    return [
        PreparedArticle(DocumentFeatures(*fields), embedding, lead)
        for fields, embedding, lead in zip(features, list(embeddings), list(leads))
    ]


def _stacked(vectors: list[np.ndarray | None]) -> np.ndarray | list[np.ndarray | None]:
    if vectors and all(v is not None for v in vectors) and len({v.shape for v in vectors}) == 1:  # type: ignore[union-attr]
        return np.stack(vectors)  # type: ignore[arg-type]
    return vectors


@cache
def _embedders(lead_words: int, embedding: bool, lead_embedding: bool) -> tuple[WordLlamaEmbedder | None, ...]:
    """One pair per worker process and setting, so their caches of tokenised words last."""
    return (
        WordLlamaEmbedder() if embedding else None,
        WordLlamaEmbedder(max_words=lead_words) if lead_embedding else None,
    )
