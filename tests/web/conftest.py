"""A store holding the bundled example story (seven articles, one story), and apps over it.

Each app computes a story's report once (about two seconds), so read-only tests share a
module-wide client; tests that add articles get their own copy of the store.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed")
pytest.importorskip("multipart", reason="the web extra is not installed")

from fastapi.testclient import TestClient  # noqa: E402

from crosscheck.api import ingest, update_stories  # noqa: E402
from crosscheck.examples import example_articles  # noqa: E402
from crosscheck.store import Store  # noqa: E402
from crosscheck.web import WebConfig, create_app  # noqa: E402

BASE_URL = "http://127.0.0.1:8000"


@pytest.fixture(scope="session")
def story_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web") / "story.db"
    with Store(path) as store:
        ingest([str(example_articles())], store)
        update_stories(store)
    return path


@pytest.fixture
def fresh_db(story_db: Path, tmp_path: Path) -> Path:
    """A copy of the example store that a test may add to."""
    copy = tmp_path / "story.db"
    shutil.copy(story_db, copy)
    return copy


def client_for(db: Path, **settings: Any) -> TestClient:
    return TestClient(create_app(WebConfig(db=db, **settings)), base_url=BASE_URL)


@pytest.fixture
def make_client() -> Callable[..., TestClient]:
    """``make_client(db, **WebConfig settings)``: a client over a new app."""
    return client_for


@pytest.fixture(scope="module")
def client(story_db: Path) -> Iterator[TestClient]:
    with client_for(story_db) as shared:
        yield shared


@pytest.fixture(scope="module")
def story_id(client: TestClient) -> str:
    [story] = client.get("/api/stories").json()["stories"]
    return story["id"]
