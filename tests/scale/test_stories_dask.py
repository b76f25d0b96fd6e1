"""Story clustering with a Dask LocalCluster of two workers gives the single process's stories."""

from __future__ import annotations

import pytest

from crosscheck.api import ingest, update_stories
from crosscheck.examples import example_articles
from crosscheck.store import Store

pytest.importorskip("distributed", reason="needs crosscheck[scale]")

from crosscheck.scale import connect  # noqa: E402


def test_stories_prepared_on_workers_equal_the_single_process_ones(tmp_path) -> None:
    found = []
    with connect(workers=2) as client:
        for name, runner in (("here", None), ("dask", client)):
            with Store(tmp_path / f"{name}.db") as store:
                ingest([str(example_articles())], store)
                found.append(sorted((s.id, s.title, s.article_ids) for s in update_stories(store, client=runner)))
    assert found[0] and found[1] == found[0]
