"""The JSON API: stories with filters, a story's report, an article with highlights, adding."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient

from crosscheck.report import report_schema


def test_stories_lists_the_example_story(client: TestClient, story_id: str) -> None:
    listing = client.get("/api/stories").json()
    assert listing["total"] == 1
    [story] = listing["stories"]
    assert story["id"] == story_id and story["articles"] == 7
    assert "Northgate Times" in story["outlets"]
    assert (story["first_published"][:10], story["last_published"][:10]) == ("2026-03-09", "2026-03-11")


def test_story_filters(client: TestClient) -> None:
    def total(**params: str) -> int:
        return client.get("/api/stories", params=params).json()["total"]

    assert total(outlet="Northgate Times") == 1
    assert total(outlet="The Daily Nowhere") == 0
    assert total(since="2026-03-11") == total(until="2026-03-09") == 1
    assert total(since="2026-03-12") == total(until="2026-03-08") == 0
    assert total(q="Lower Quay") == 1
    assert total(q="zeppelin") == 0
    assert client.get("/api/stories", params={"q": '"unbalanced AND ('}).status_code == 200  # never an error
    for bad in ({"since": "garbage"}, {"until": "2026-02-30"}, {"since": "2026-3-1"}):
        answer = client.get("/api/stories", params=bad)
        assert answer.status_code == 422 and "expected a date" in answer.json()["detail"]
    assert total(since="2026-03") == total(until="2026") == 1  # a month or a year is a date prefix


def test_search_hits_come_with_snippets(client: TestClient) -> None:
    [story] = client.get("/api/stories", params={"q": "unsigned draft"}).json()["stories"]
    assert story["matches"] and all("[" in hit["snippet"] for hit in story["matches"])


def test_report_is_the_report_contract_and_feeds_the_disputes_filter(client: TestClient, story_id: str) -> None:
    import jsonschema

    report = client.get(f"/api/stories/{story_id}/report").json()
    jsonschema.validate(report, report_schema())
    assert report["story"]["articles"] == 7 and report["disputes"]
    listing = client.get("/api/stories", params={"disputed": "true"}).json()
    assert listing["total"] == 1 and listing["stories"][0]["disputes"] == len(report["disputes"])


def test_unknown_ids_answer_404_with_a_reason(client: TestClient) -> None:
    missing = client.get("/api/stories/s-000000000000/report")
    assert missing.status_code == 404 and "no story" in missing.json()["detail"]
    assert client.get("/api/articles/no-such-article").status_code == 404


def test_article_has_its_story_and_highlights_inside_its_text(client: TestClient, story_id: str) -> None:
    article = client.get("/api/articles/northgate-times").json()
    assert article["stories"] == [story_id] and article["outlet"] == "Northgate Times"
    kinds = {h["kind"] for h in article["highlights"]}
    assert {"quote", "claim", "disputed"} <= kinds
    for highlight in article["highlights"]:
        assert 0 <= highlight["start"] < highlight["end"] <= len(article["text"])
    disputed = [article["text"][h["start"] : h["end"]] for h in article["highlights"] if h["kind"] == "disputed"]
    assert any("1,500" in text for text in disputed), disputed


def test_post_text_lands_in_a_story(fresh_db: Path, make_client: Callable[..., TestClient]) -> None:
    with make_client(fresh_db) as client:
        text = "Ferry timetable changes\n\nThe Orrin ferry will leave at seven from next week, its operator said on Friday."
        added = client.post("/api/articles", json={"text": text, "outlet": "Orrin Post"})
        assert added.status_code == 201, added.text
        [article_id] = added.json()["added"]
        [story] = added.json()["stories"]
        article = client.get(f"/api/articles/{article_id}").json()
        assert article["title"] == "Ferry timetable changes" and article["outlet"] == "Orrin Post"
        assert article["stories"] == [story]
        again = client.post("/api/articles", json={"text": text, "outlet": "Orrin Post"})
        assert again.status_code == 200 and again.json()["duplicates"] == [article_id]
        assert client.get("/api/stories").json()["total"] == 2


def test_post_text_with_a_title_keeps_the_title_verbatim(fresh_db: Path, make_client: Callable[..., TestClient]) -> None:
    title = 'Quay "notice": a\nnew line & --- dashes'
    with make_client(fresh_db) as client:
        added = client.post("/api/articles", json={"text": "The quay notice was posted on Monday.", "title": title}).json()
        assert client.get(f"/api/articles/{added['added'][0]}").json()["title"] == title


def test_post_files_as_multipart(fresh_db: Path, make_client: Callable[..., TestClient]) -> None:
    lines = [
        json.dumps({"id": "orrin-1", "title": "Orrin library hours", "text": "The library stays open until ten, the council said."}),
        json.dumps({"id": "orrin-2", "title": "Orrin pool reopens", "text": "The pool reopens on Monday after repairs, staff said."}),
    ]
    files = [
        ("files", ("../../etc/two.jsonl", "\n".join(lines).encode(), "application/octet-stream")),
        ("files", ("empty.txt", b"   ", "text/plain")),
    ]
    with make_client(fresh_db) as client:
        added = client.post("/api/articles", files=files)
        assert added.status_code == 201, added.text
        assert sorted(added.json()["added"]) == ["orrin-1", "orrin-2"]
        assert added.json()["failures"] == [{"source": "empty.txt", "reason": "empty file"}]


def test_bad_requests_say_what_to_send(client: TestClient) -> None:
    not_json = client.post("/api/articles", content=b"{nope", headers={"Content-Type": "application/json"})
    assert not_json.status_code == 400 and "not JSON" in not_json.json()["detail"]
    empty = client.post("/api/articles", json={"text": "   "})
    assert empty.status_code == 400 and empty.json()["detail"] == "the text is empty"
    missing = client.post("/api/articles", json={"title": "no text"})
    assert missing.status_code == 422 and "text" in missing.json()["detail"]
    ftp = client.post("/api/articles", json={"url": "ftp://example.com/a.txt"})
    assert ftp.status_code == 400 and "http" in ftp.json()["detail"]


def test_openapi_schema_lists_the_endpoints(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert {"/api/stories", "/api/stories/{story_id}/report", "/api/articles/{article_id}", "/api/articles"} <= set(schema["paths"])
    body = schema["paths"]["/api/articles"]["post"]["requestBody"]["content"]
    assert {"application/json", "multipart/form-data"} <= set(body)



def test_story_list_shows_what_another_process_added(fresh_db: Path, make_client: Callable[..., TestClient]) -> None:
    """The list is kept ready between requests, but a write by anyone else must show at once."""
    from crosscheck.api import ingest, update_stories
    from crosscheck.store import Store

    with make_client(fresh_db) as client:
        assert client.get("/api/stories").json()["total"] == 1
        paper = fresh_db.parent / "tram-strike.txt"
        paper.write_text("Tram drivers strike in Orrin\n\nTram drivers in Orrin walked out on Friday over rosters.\n")
        with Store(fresh_db) as store:
            ingest([str(paper)], store)
            update_stories(store)
        assert client.get("/api/stories").json()["total"] == 2
