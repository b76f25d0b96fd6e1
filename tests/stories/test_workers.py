"""Articles prepared on (stand-in) Dask workers give the stories a single process gives."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from typing import Any

from crosscheck.store import Store
from crosscheck.stories.embedding import WordLlamaEmbedder
from crosscheck.stories.online import prepare_articles
from crosscheck.stories.stored import update_stories
from crosscheck.stories.workers import pack, unpack

from .test_stored import ELECTION, ELECTION_LATER, FIRE, FIRE_LATER, MINE, add


class SerialClient:
    """The calls of ``distributed.Client`` that clustering makes, run here; every task goes
    through pickle, as to a real worker."""

    def __init__(self) -> None:
        self.tasks = 0

    def map(self, func: Callable[..., Any], pieces: list[Any], **kwargs: Any) -> list[Any]:
        kwargs.pop("pure")
        self.tasks += len(pieces)
        func, pieces, kwargs = pickle.loads(pickle.dumps((func, pieces, kwargs)))
        return [pickle.loads(pickle.dumps(func(piece, **kwargs))) for piece in pieces]

    def scatter(self, data: list[Any], hash: bool = True) -> list[Any]:
        return data

    def gather(self, futures: list[Any]) -> list[Any]:
        return futures


def test_stories_from_worker_prepared_articles_equal_the_single_process_ones(tmp_path) -> None:
    client = SerialClient()
    runs = []
    for name, runner in (("here", None), ("workers", client)):
        with Store(tmp_path / f"{name}.db") as store:
            add(store, FIRE + ELECTION + MINE)
            first = update_stories(store, client=runner)
            add(store, [FIRE_LATER, ELECTION_LATER])
            runs.append((first, update_stories(store, client=runner), store.story_events()))
    assert client.tasks == 2
    (here_first, here_later, here_events), (first, later, events) = runs
    assert sorted((s.id, s.title, s.article_ids) for s in first) == sorted((s.id, s.title, s.article_ids) for s in here_first)
    assert sorted((s.id, s.article_ids) for s in later) == sorted((s.id, s.article_ids) for s in here_later)
    assert [e["reason"] for e in events] == [e["reason"] for e in here_events]


def test_packed_prepared_articles_unpack_to_the_same_terms_days_and_embeddings() -> None:
    for lead_embedder in (WordLlamaEmbedder(max_words=40), None):
        prepared = prepare_articles(FIRE + MINE, 40, None, lead_embedder)
        again = unpack(pickle.loads(pickle.dumps(pack(prepared))))
        assert [p.features for p in again] == [p.features for p in prepared]
        assert [p.embedding for p in again] == [None] * len(prepared)
        for before, after in zip(prepared, again):
            assert (before.lead is None and after.lead is None) or (before.lead == after.lead).all()
