"""How `crosscheck stories` and `crosscheck updates` print: what a reader sees first."""

from __future__ import annotations

from crosscheck.model import StoryInfo
from crosscheck.stories.text import stories_text, updates_text
from crosscheck.stories.updates import diff_reports


def test_story_list_shows_each_story_and_the_merges_of_this_run() -> None:
    stories = [StoryInfo("s-1", "Fire guts Brannock mill", ("fire-1", "fire-2"), "2026-05-04T10:00:00Z")]
    event = {"kind": "merge", "level": "story", "into_id": "s-1", "other_id": "s-2", "reason": "article fire-2 matched both"}
    lines = stories_text(stories, [event]).splitlines()
    assert lines == [
        "s-1  2 articles  Fire guts Brannock mill",
        "    fire-1, fire-2",
        "story s-2 merged into s-1: article fire-2 matched both",
    ]
    assert stories_text([]) == "no stories: no article is stored yet"


def claim(text: str, status: str, *articles: str) -> dict:
    return {"id": "c1", "text": text, "status": status, "articles": list(articles)}


def dispute(kind: str, summary: str, *positions: tuple[str, list[str]]) -> dict:
    return {"kind": kind, "summary": summary, "positions": [{"text": t, "articles": a} for t, a in positions]}


OLD = {
    "articles": [{"id": "a1", "outlet": "Gazette", "title": "Mill fire"}],
    "sources": [{"origin": "Gazette"}],
    "claims": [claim("The mill employs 240 people.", "single-source", "a1"), claim("No one was hurt.", "single-source", "a1")],
    "disputes": [dispute("numeric", "60 or 80 firefighters", ("60 firefighters", ["a1"]), ("80 firefighters", ["a1"]))],
}
NEW = {
    "articles": [*OLD["articles"], {"id": "a2", "outlet": "Herald", "title": "Cause named"}],
    "sources": [{"origin": "Gazette"}, {"origin": "Herald"}],
    "claims": [
        claim("An electrical fault started the fire.", "single-source", "a2"),
        claim("The mill employs 240 people.", "corroborated", "a1", "a2"),
        claim("No one was hurt.", "single-source", "a1"),
    ],
    "disputes": [
        dispute("superseded", "The Herald corrected the toll", ("two hurt", ["a2"]), ("no one hurt", ["a2"])),
        dispute("polarity", "Arson or not", ("arson", ["a1"]), ("not arson", ["a2"])),
    ],
}


def test_updates_compare_reports_by_content_not_by_position() -> None:
    updates = diff_reports(OLD, NEW)
    assert [a["id"] for a in updates.new_articles] == ["a2"]
    assert updates.new_outlets == ["Herald"] and updates.new_sources == ["Herald"]
    assert [c["text"] for c in updates.new_claims] == ["An electrical fault started the fire."]
    assert [(c["was"], c["status"]) for c in updates.claims_changed] == [("single-source", "corroborated")]
    assert [d["summary"] for d in updates.new_disputes] == ["Arson or not"]
    assert [d["summary"] for d in updates.resolved_disputes] == ["60 or 80 firefighters"]
    assert [d["summary"] for d in updates.corrections] == ["The Herald corrected the toll"]
    assert diff_reports(NEW, NEW).empty


def test_updates_text_lists_only_what_changed() -> None:
    data = {
        "story": {"id": "s-1", "title": "Mill fire", "articles": ["a1", "a2"]},
        "since": {"run": 3, "at": "2026-05-04T10:00:00.000Z"},
        "saved_run": None,
        **diff_reports(OLD, NEW).to_dict(),
    }
    text = updates_text(data)
    assert text.startswith("s-1  Mill fire\nchanges since run 3 (2026-05-04 10:00 UTC)")
    assert "new claims (1)\n  - [single-source] An electrical fault started the fire." in text
    assert "claims whose status changed (1)\n  - [single-source -> corroborated]" in text
    assert "resolved disputes (1)" in text and "corrections (1)" in text
    unchanged = updates_text({**data, **diff_reports(NEW, NEW).to_dict()})
    assert unchanged.endswith("nothing new")
