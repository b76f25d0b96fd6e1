"""The store as its callers see it: what goes in comes back out, found, listed and searched."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from crosscheck.model import Article, Removal, Span
from crosscheck.store import AddResult, Store, StoreError, default_db_path
from crosscheck.store.schema import latest_version


def make_article(
    article_id: str,
    title: str,
    paragraphs: list[str],
    *,
    outlet: str | None = "Valley Courier",
    published: str | None = "2031-04-02T09:00:00",
    source: str | None = None,
    junk: str | None = None,
) -> Article:
    """A fictional article whose body is ``junk`` (if any) followed by its paragraphs."""
    text = "\n\n".join(paragraphs)
    spans, start = [], 0
    for paragraph in paragraphs:
        spans.append(Span(start, start + len(paragraph)))
        start += len(paragraph) + 2
    body = f"{junk}\n\n{text}" if junk else text
    removed = [Removal(text=junk, reason="advert", start=0, end=len(junk))] if junk else []
    raw = f"{title}\n\n{body}\n".encode()
    return Article(
        id=article_id,
        source=source or f"/inbox/{article_id}.txt",
        body=body,
        text=text,
        title=title,
        byline="By Mira Quell",
        outlet=outlet,
        published=published,
        language="en",
        raw=raw,
        paragraphs=spans,
        removed=removed,
    )


FERRY = make_article(
    "ferry",
    "Ferry to Lorn Island suspended after harbour wall cracks",
    [
        "The ferry service to Lorn Island was suspended on Tuesday after engineers found cracks in the harbour wall.",
        "Islanders said the ferry is their only link to the mainland hospital.",
    ],
    junk="Subscribe to the Valley Courier for 1 euro a week",
)
BRIDGE = make_article(
    "bridge",
    "Council votes to repair the old Tarn bridge",
    ["The council voted seven to two to repair the Tarn bridge before winter.", "The ferry operator welcomed the vote."],
    outlet="Tarn Herald",
    published="2031-04-03T18:30:00",
)
SCHOOL = make_article(
    "school",
    "New school opens in Esk",
    ["Pupils in Esk started lessons in the new school, whose roof is not unbalanced, the architect said."],
    outlet="Tarn Herald",
    published="2031-04-05",
)
UNDATED = make_article("undated", "Market day returns", ["Stalls came back to the square."], published=None)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "crosscheck.db"


@pytest.fixture
def store(db_path: Path):
    with Store(db_path) as opened:
        yield opened


@pytest.fixture
def filled(store: Store) -> Store:
    for article in (FERRY, BRIDGE, SCHOOL, UNDATED):
        store.add(article)
    return store


def test_default_path_is_crosscheck_db_unless_the_environment_names_one(monkeypatch, tmp_path):
    monkeypatch.delenv("CROSSCHECK_DB", raising=False)
    assert default_db_path() == Path("crosscheck.db")
    monkeypatch.setenv("CROSSCHECK_DB", str(tmp_path / "news.db"))
    assert default_db_path() == tmp_path / "news.db"
    with Store() as store:
        assert store.path == tmp_path / "news.db"
    assert (tmp_path / "news.db").exists()


def test_a_new_database_is_migrated_and_keeps_its_articles_when_reopened(db_path):
    with Store(db_path) as store:
        store.add(FERRY)
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == latest_version()
    with Store(db_path) as store:
        assert store.count() == 1
        assert store.get("ferry") == FERRY


def test_a_database_from_a_newer_crosscheck_is_refused(db_path):
    Store(db_path).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute(f"PRAGMA user_version = {latest_version() + 1}")
    with pytest.raises(StoreError, match="newer crosscheck .* upgrade crosscheck"):
        Store(db_path)


def test_a_file_that_is_not_sqlite_is_refused(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("Shopping list: bread, lamp oil, rope.\n" * 50)
    with pytest.raises(StoreError, match=f"{path} is not a crosscheck database: file is not a database"):
        Store(path)
    assert path.read_text().startswith("Shopping list")


def test_another_programs_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    with pytest.raises(StoreError, match="is not a crosscheck database"):
        Store(path)


def test_the_database_is_in_wal_mode(store, db_path):
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_adding_the_same_article_twice_stores_it_once(store):
    assert store.add(FERRY) == AddResult("ferry", created=True)
    assert store.add(FERRY) == AddResult("ferry", created=False)
    assert store.count() == 1
    assert store.has_hash(FERRY.content_hash)
    assert not store.has_hash(BRIDGE.content_hash)


def test_the_same_file_name_with_other_content_gets_a_suffixed_id(store):
    other = make_article("ferry", "Ferry timetable for May", ["Boats leave at seven and at noon."], source="/archive/ferry.txt")
    assert store.add(FERRY).id == "ferry"
    result = store.add(other)
    assert result == AddResult(f"ferry-{other.content_hash[:8]}", created=True)
    assert store.get(result.id).title == "Ferry timetable for May"
    assert store.get("ferry").title == FERRY.title


def test_get_returns_the_article_as_added(store):
    store.add(FERRY)
    got = store.get("ferry")
    assert got == FERRY
    assert got.removed == [Removal("Subscribe to the Valley Courier for 1 euro a week", "advert", 0, 49)]
    assert [span.of(got.text) for span in got.paragraphs][1].startswith("Islanders said")
    assert got.raw == FERRY.raw
    assert got.content_hash == FERRY.content_hash
    assert store.get("nowhere") is None


def test_list_is_ordered_by_date_and_filters_by_outlet_and_dates(filled):
    assert [row["id"] for row in filled.list()] == ["undated", "ferry", "bridge", "school"]
    assert filled.list(limit=1)[0] == {
        "id": "undated",
        "title": "Market day returns",
        "outlet": "Valley Courier",
        "published": None,
        "format": "text",
        "source": "/inbox/undated.txt",
        "n_chars": len(UNDATED.text),
        "n_removed": 0,
    }
    assert filled.list(outlet="Valley Courier")[1]["n_removed"] == 1
    assert [row["id"] for row in filled.list(outlet="Tarn Herald")] == ["bridge", "school"]
    assert [row["id"] for row in filled.list(since="2031-04-03")] == ["bridge", "school"]
    assert [row["id"] for row in filled.list(until="2031-04-03")] == ["ferry", "bridge"]
    assert [row["id"] for row in filled.list(since="2031-04-02T12", until="2031-04-04")] == ["bridge"]
    assert [row["id"] for row in filled.list(limit=2, offset=1)] == ["ferry", "bridge"]


def test_search_ranks_the_best_match_first_and_marks_it_in_a_snippet(filled):
    results = filled.search("ferry")
    assert [row["id"] for row in results] == ["ferry", "bridge"]
    assert results[0]["title"] == FERRY.title
    assert results[0]["outlet"] == "Valley Courier"
    assert "[ferry]" in results[1]["snippet"].lower()
    assert filled.search("ferry", limit=1)[0]["id"] == "ferry"


def test_search_understands_fts_syntax(filled):
    assert [row["id"] for row in filled.search('"harbour wall"')] == ["ferry"]
    assert [row["id"] for row in filled.search("title:ferry")] == ["ferry"]
    assert [row["id"] for row in filled.search("counc*")] == ["bridge"]
    assert [row["id"] for row in filled.search("ferry NOT council")] == ["ferry"]


@pytest.mark.parametrize(
    "query, found",
    [
        ('"unbalanced', ["school"]),
        ("AND OR", []),
        ("a*", ["ferry", "school"]),
        ("(", []),
        ("-council", ["bridge"]),
        ("bridge:repair", []),
        ("Esk)", ["school"]),
        ("", []),
        ("NEAR(", []),
        ("*", []),
    ],
)
def test_search_never_fails_on_what_a_user_types(filled, query, found):
    assert sorted(row["id"] for row in filled.search(query)) == found


def test_delete_removes_the_article_everywhere(filled):
    assert filled.delete("ferry") is True
    assert filled.get("ferry") is None
    assert not filled.has_hash(FERRY.content_hash)
    assert "ferry" not in [row["id"] for row in filled.list()]
    assert [row["id"] for row in filled.search("ferry")] == ["bridge"]
    assert filled.delete("ferry") is False
    assert filled.add(FERRY) == AddResult("ferry", created=True)


def test_iter_articles_yields_every_article_in_list_order(filled):
    assert [article.id for article in filled.iter_articles()] == ["undated", "ferry", "bridge", "school"]
    assert next(a for a in filled.iter_articles() if a.id == "ferry") == FERRY


def test_add_many_stores_a_stream_like_add_does(store):
    twin = make_article("bridge", "Bridge works start", ["Scaffolding went up on Monday."], source="/b/bridge.txt")
    results = list(store.add_many([FERRY, BRIDGE, FERRY, twin, SCHOOL], batch_size=2))
    assert results == [
        AddResult("ferry", True),
        AddResult("bridge", True),
        AddResult("ferry", False),
        AddResult(f"bridge-{twin.content_hash[:8]}", True),
        AddResult("school", True),
    ]
    assert store.count() == 4


class FailingRemovals:
    """A connection that breaks while removals are written: after the article row and raw bytes."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def __getattr__(self, name: str):
        return getattr(self._conn, name)

    def executemany(self, sql: str, rows) -> None:
        raise sqlite3.OperationalError("disk I/O error")


def test_a_failed_add_leaves_nothing_half_written(store, monkeypatch):
    store.add(BRIDGE)
    monkeypatch.setattr(store, "_conn", FailingRemovals(store._conn))
    with pytest.raises(sqlite3.OperationalError, match="disk I/O error"):
        store.add(FERRY)
    monkeypatch.undo()
    assert store.count() == 1
    assert store.get("ferry") is None
    assert not store.has_hash(FERRY.content_hash)
    assert [row["id"] for row in store.search("ferry")] == ["bridge"]
    assert store.add(FERRY) == AddResult("ferry", created=True)
    assert store.get("ferry") == FERRY


def test_a_failed_batch_keeps_the_batches_before_it(store, monkeypatch):
    def stream():
        yield BRIDGE
        yield SCHOOL
        monkeypatch.setattr(store, "_conn", FailingRemovals(store._conn))
        yield FERRY

    with pytest.raises(sqlite3.OperationalError):
        list(store.add_many(stream(), batch_size=2))
    monkeypatch.undo()
    assert [row["id"] for row in store.list()] == ["bridge", "school"]


def test_readers_and_writers_in_other_connections_do_not_fail(db_path):
    Store(db_path).close()
    errors: list[BaseException] = []

    def write(prefix: str) -> None:
        try:
            with Store(db_path) as writer:
                for n in range(150):
                    writer.add(make_article(f"{prefix}{n}", f"Tide table {prefix} {n}", [f"High water at {n} past {prefix}."]))
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=write, args=(prefix,)) for prefix in ("north", "south")]
    for thread in threads:
        thread.start()
    with Store(db_path, readonly=True) as reader:
        reads = 0
        while any(thread.is_alive() for thread in threads) or reads == 0:
            reader.count()
            reader.search("tide")
            reader.list(limit=5)
            reads += 1
        for thread in threads:
            thread.join()
        assert errors == []
        assert reader.count() == 300


def test_a_read_only_store_refuses_changes(filled, db_path):
    with Store(db_path, readonly=True) as reader:
        assert reader.get("ferry") == FERRY
        with pytest.raises(StoreError, match="opened read-only"):
            reader.add(make_article("new", "New", ["New text."]))


def test_opening_a_missing_database_read_only_says_so(tmp_path):
    with pytest.raises(StoreError, match="cannot open .*missing.db"):
        Store(tmp_path / "missing.db", readonly=True)
