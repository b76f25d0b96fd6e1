"""The server-rendered pages as a user gets them: list, story, article, add; and the report cache."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from crosscheck.api import stored_articles
from crosscheck.store import Store


def test_story_list_searches_and_filters(client: TestClient) -> None:
    page = client.get("/").text
    assert "Harbour authority tells Port Halvard" in page and "7 articles" in page
    assert '<option value="Northgate Times">' in page
    assert "Harbour authority" in client.get("/", params={"q": "Lower Quay"}).text
    assert "No story matches" in client.get("/", params={"q": "zeppelin"}).text
    assert "No story matches" in client.get("/", params={"outlet": "The Daily Nowhere"}).text


def test_story_page_is_the_report_with_a_way_back(client: TestClient, story_id: str) -> None:
    page = client.get(f"/stories/{story_id}")
    assert page.status_code == 200
    for section in ('id="summary"', 'id="disputes"', 'id="quotes"', 'id="timeline"', 'id="articles"'):
        assert section in page.text
    assert '<a href="/">← All stories</a>' in page.text and 'href="/articles/northgate-times"' in page.text
    assert client.get("/stories/s-000000000000").status_code == 404


def test_story_page_and_report_travel_gzipped(client: TestClient, story_id: str) -> None:
    for path in (f"/stories/{story_id}", f"/api/stories/{story_id}/report"):
        raw = client.get(path, headers={"Accept-Encoding": "gzip"})
        assert raw.headers["content-encoding"] == "gzip"
        plain = client.get(path, headers={"Accept-Encoding": "identity"})
        assert "content-encoding" not in plain.headers and raw.content == plain.content  # httpx undoes the gzip
        assert int(raw.headers["content-length"]) * 4 < len(plain.content)


def test_article_page_marks_the_evidence_and_strikes_the_junk(client: TestClient, story_id: str) -> None:
    page = client.get("/articles/northgate-times").text
    assert '<mark class="hl hl-disputed"' in page and "hl-quote" in page and "hl-claim" in page
    assert '<p class="junk"><del>Subscribe to keep reading' in page and '<span class="tag">sign-up prompt</span>' in page
    assert f'href="/stories/{story_id}"' in page
    assert client.get("/articles/no-such-article").status_code == 404


def test_add_page_reports_what_happened(fresh_db: Path, make_client: Callable[..., TestClient]) -> None:
    with make_client(fresh_db) as client:
        assert 'action="/add/files"' in client.get("/add").text
        added = client.post("/add/text", data={"title": "Orrin quay lights", "text": "New lights were fitted on the Orrin quay on Monday."})
        assert added.status_code == 200 and "1 added, 0 already stored, 0 failed." in added.text
        assert 'href="/articles/orrin-quay-lights"' in added.text
        empty = client.post("/add/files", files={"files": ("blank.txt", b"")})
        assert empty.status_code == 400 and "error: blank.txt: empty file" in empty.text
        assert client.post("/add/text", data={"text": " "}).status_code == 400


def test_adding_to_a_story_refreshes_its_report(fresh_db: Path, make_client: Callable[..., TestClient]) -> None:
    with Store(fresh_db) as store:
        [northgate] = stored_articles(store, ["northgate-times"])
    follow_up = northgate.text.replace("Brennan", "Mayor Brennan", 1)
    with make_client(fresh_db) as client:
        [story] = client.get("/api/stories").json()["stories"]
        assert client.get(f"/api/stories/{story['id']}/report").json()["story"]["articles"] == 7
        added = client.post("/api/articles", json={"text": follow_up, "title": northgate.title, "outlet": "Quayside Weekly"})
        assert added.json()["stories"] == [story["id"]], "the follow-up should join the example story"
        report = client.get(f"/api/stories/{story['id']}/report").json()
        assert report["story"]["articles"] == 8 and "Quayside Weekly" in {a["outlet"] for a in report["articles"]}


def test_a_failing_report_is_a_clear_500(fresh_db: Path, make_client: Callable[..., TestClient], monkeypatch: pytest.MonkeyPatch) -> None:
    import crosscheck.api

    def broken(*args: object, **kwargs: object) -> dict:
        raise ValueError("no sentences")

    monkeypatch.setattr(crosscheck.api, "story_report", broken)
    with make_client(fresh_db) as client:
        [story] = client.get("/api/stories").json()["stories"]
        api = client.get(f"/api/stories/{story['id']}/report")
        assert api.status_code == 500 and api.json()["detail"].endswith("could not be built: ValueError: no sentences")
        page = client.get(f"/stories/{story['id']}")
        assert page.status_code == 500 and "could not be built" in page.text
        assert client.get("/").status_code == 200  # the rest of the app still works


def test_pages_answer_while_an_ingest_holds_the_write_lock(fresh_db: Path, make_client: Callable[..., TestClient]) -> None:
    """WAL: readers see the last committed state instead of waiting for a writer to finish."""
    import sqlite3
    import time

    writer = sqlite3.connect(fresh_db, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE articles SET title = 'half-written' WHERE id = 'northgate-times'")
        with make_client(fresh_db) as client:
            started = time.monotonic()
            assert client.get("/", params={"q": "Lower Quay"}).status_code == 200
            assert client.get("/api/articles/northgate-times").json()["title"] != "half-written"
            assert time.monotonic() - started < 10  # the store's busy timeout is 30 s
    finally:
        writer.execute("ROLLBACK")
        writer.close()
