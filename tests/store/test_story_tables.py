"""The store's story tables: an older database gains them, and report snapshots come back by run."""

from __future__ import annotations

import sqlite3

import pytest

from crosscheck.model import Article
from crosscheck.store import Store
from crosscheck.store.schema import APPLICATION_ID, latest_version, migrations
from crosscheck.store.stories import StaleStories, StoryRecord


def test_a_database_from_before_stories_is_upgraded_and_keeps_its_articles(tmp_path) -> None:
    path = tmp_path / "old.db"
    with Store(path) as store:
        store.add(Article(id="a1", source="a1.txt", text="Some text.", body="Some text."))
    conn = sqlite3.connect(path)  # take it back to schema 1, as an older crosscheck left it
    for table in ("report_snapshots", "runs", "story_events", "story_state", "story_aliases", "story_articles", "stories"):
        conn.execute(f"DROP TABLE {table}")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    assert migrations()[0][0] == 1 and latest_version() >= 2

    with Store(path) as store:
        assert store.get("a1") is not None
        assert store.stories() == [] and store.unassigned_count() == 1
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == latest_version()
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_stories_hold_only_stored_articles_and_deleting_one_leaves_the_rest(tmp_path) -> None:
    with Store(tmp_path / "s.db") as store:
        for name in ("a1", "a2"):
            store.add(Article(id=name, source=f"{name}.txt", text=f"Text of {name}.", body=f"Text of {name}."))
        store.save_stories({"version": 1}, [StoryRecord("s-1", "One", "t-1", ["a1", "a2", "never-stored"])])
        assert store.story("s-1").article_ids == ("a1", "a2")
        assert store.story_ids_of(["a2", "zzz"]) == {"a2": "s-1"}
        store.delete("a1")
        assert store.story("s-1").article_ids == ("a2",)
        assert store.story_state() == {"version": 1}


def test_clustering_reads_the_articles_in_no_story_oldest_first_or_all_of_them(tmp_path) -> None:
    with Store(tmp_path / "s.db") as store:
        for name, published in (("late", "2026-05-09"), ("undated", None), ("early", "2026-05-01"), ("placed", None)):
            store.add(Article(id=name, source=f"{name}.txt", title=name.title(), text=f"Text of {name}.",
                              body=f"Text of {name}.", published=published))
        store.save_stories({"version": 1}, [StoryRecord("s-1", "One", "t-1", ["placed"])])
        assert [(a.id, a.text, a.title, a.published) for a in store.texts_to_cluster()] == [
            ("undated", "Text of undated.", "Undated", None),
            ("early", "Text of early.", "Early", "2026-05-01"),
            ("late", "Text of late.", "Late", "2026-05-09"),
        ]
        assert [a.id for a in store.texts_to_cluster(every=True)] == ["placed", "undated", "early", "late"]


def test_snapshots_come_back_by_run_and_through_merged_away_ids(tmp_path) -> None:
    with Store(tmp_path / "s.db") as store:
        first = store.save_snapshots("report", {"s-1": {"claims": [], "articles": [{"id": "a1"}]}})
        second = store.save_snapshots("report", {"s-1": {"claims": [{"text": "x"}], "articles": [{"id": "a1"}]}})
        assert second > first
        assert store.snapshot("s-1").run_id == second
        assert store.snapshot("s-1", first).report["claims"] == []
        assert store.snapshot("s-1", 999) is None
        assert store.snapshot("s-2") is None
        assert [run["id"] for run in store.snapshot_runs("s-1")] == [first, second]

        store.save_stories({"version": 1}, [], gone={"s-1": "s-2"})
        assert store.snapshot("s-2").run_id == second
        assert store.snapshot_stories(second) == ["s-1"]


def test_a_save_over_stories_another_process_saved_meanwhile_is_refused(tmp_path) -> None:
    with Store(tmp_path / "s.db") as first, Store(tmp_path / "s.db") as second:
        _, stamp = first.stamped_story_state()
        assert stamp is None
        second.save_stories({"version": 1, "by": "second"}, [StoryRecord("s-2", "Two", None, [])], base=None)
        with pytest.raises(StaleStories):
            first.save_stories({"version": 1, "by": "first"}, [StoryRecord("s-1", "One", None, [])], base=stamp)
        assert first.story_state() == {"version": 1, "by": "second"}
        _, stamp = first.stamped_story_state()
        first.save_stories({"version": 1, "by": "first"}, [], base=stamp)
        assert second.story_state() == {"version": 1, "by": "first"}
