"""The article store: one SQLite file, and the only code in crosscheck that speaks SQL.

The database runs in WAL mode, so a web server can read while an ingest writes; each
``add`` is its own short ``BEGIN IMMEDIATE`` transaction (``add_many`` commits a batch at a
time), and a writer waits up to 30 s for the lock instead of failing.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Any

from crosscheck.model import Article, Removal, Span
from crosscheck.plural import counted
from crosscheck.store.errors import StoreError
from crosscheck.store.schema import migrate
from crosscheck.store.stories import StoryTables

BUSY_TIMEOUT_S = 30.0
SNIPPET_MARKS = ("[", "]")
"""What ``search`` puts around the matched words in a snippet."""

Rows = list[dict[str, Any]]

_ARTICLE_FIELDS = ("id", "source", "body", "text", "title", "kicker", "byline", "outlet", "published", "language", "url", "format")

_SELECT_ARTICLE = """
SELECT a.id, a.source, a.body, a.text, a.title, a.kicker, a.byline, a.outlet, a.published,
       a.language, a.url, a.format, a.paragraphs, raw.data AS raw,
       (SELECT json_group_array(json_array(r.text, r.reason, r."start", r."end"))
          FROM (SELECT * FROM removals WHERE article_id = a.id ORDER BY seq) AS r) AS removed
FROM articles AS a JOIN raw ON raw.article_id = a.id
"""

_INSERT_ARTICLE = """
INSERT INTO articles (id, content_hash, source, url, title, kicker, byline, outlet, published,
                      language, format, body, text, paragraphs)
VALUES (:id, :content_hash, :source, :url, :title, :kicker, :byline, :outlet, :published,
        :language, :format, :body, :text, :paragraphs)
"""

_SEARCH = f"""
SELECT a.id, a.title, a.outlet, a.published,
       snippet(articles_fts, -1, '{SNIPPET_MARKS[0]}', '{SNIPPET_MARKS[1]}', '…', 16) AS snippet
FROM articles_fts JOIN articles AS a ON a.rowid = articles_fts.rowid
WHERE articles_fts MATCH ?
ORDER BY rank  -- bm25, title weighted double: see 0001_initial.sql
LIMIT ?
"""


def default_db_path() -> Path:
    """``$CROSSCHECK_DB`` if set, else ``crosscheck.db`` in the working directory."""
    return Path(os.environ.get("CROSSCHECK_DB") or "crosscheck.db")


_DATE_BOUND = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def is_date_bound(value: str) -> bool:
    """Whether ``value`` can bound ``published`` as ``since``/``until`` do (``Store.list``, the
    story list): an ISO date, or its year or month, compared as a prefix. Anything else would
    match nothing and read as "no articles"."""
    if not _DATE_BOUND.fullmatch(value):
        return False
    try:
        date.fromisoformat((value + "-01-01")[:10])
    except ValueError:
        return False
    return True


@dataclass(frozen=True, slots=True)
class AddResult:
    """Where ``Store.add`` put an article; ``created`` is False if its content was already stored."""

    id: str
    created: bool


class Store(StoryTables):
    """crosscheck's SQLite database of articles: add, get, list, search, delete; and stories
    (``StoryTables``: stories, their clusterer state, merges and splits, report snapshots).

    ``path`` defaults to :func:`default_db_path`, read when the store is opened. Use it as a
    context manager, or call ``close()``. One ``Store`` per thread.
    """

    def __init__(self, path: str | Path | None = None, *, readonly: bool = False) -> None:
        self.path = Path(path) if path is not None else default_db_path()
        self.readonly = readonly
        self._conn = _connect(self.path, readonly=readonly)

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r}, readonly={self.readonly})"

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self._conn.close()

    def add(self, article: Article) -> AddResult:
        """Store one article, all or nothing; content already stored is not stored twice.

        If the article's id is taken by different content (the same file name in two folders),
        it is stored as ``{id}-{first 8 hex digits of its content hash}``: use the returned id.
        """
        with self._transaction():
            return self._insert(article)

    def add_many(self, articles: Iterable[Article], *, batch_size: int = 200) -> Iterator[AddResult]:
        """``add`` for a stream, one commit per ``batch_size`` articles, so commits cost less.

        Lazy, like ``nlp.pipe``: articles are read and stored as you iterate, and each result is
        yielded once its batch is committed. An error rolls back the batch it happened in;
        adding is idempotent, so running the same input again completes it.
        """
        pending = iter(articles)
        while batch := list(islice(pending, batch_size)):
            with self._transaction():
                results = [self._insert(article) for article in batch]
            yield from results

    def get(self, article_id: str) -> Article | None:
        """The whole article as added, raw bytes and removals included."""
        row = self._conn.execute(_SELECT_ARTICLE + "WHERE a.id = ?", (article_id,)).fetchone()
        return _article(row) if row else None

    def has_hash(self, content_hash: str) -> bool:
        """Whether content with this ``Article.content_hash`` is stored, to skip re-reading it."""
        return self._conn.execute("SELECT 1 FROM articles WHERE content_hash = ?", (content_hash,)).fetchone() is not None

    def count(self) -> int:
        return self._conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    def verify(self) -> list[str]:
        """What is wrong with the file, empty when nothing is: SQLite's integrity check, then
        half-written articles (no raw bytes, no search entry, a gap in the removals). The
        search index is checked against the articles only when the store is writable."""
        problems = [row[0] for row in self._conn.execute("PRAGMA integrity_check") if row[0] != "ok"]
        if not self.readonly:
            try:
                self._conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
            except sqlite3.DatabaseError as error:
                problems.append(f"search index does not match the articles: {error}")
        no_raw, unindexed, gaps = self._conn.execute(
            """
            SELECT (SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM raw)),
                   (SELECT count(*) FROM articles) - (SELECT count(*) FROM articles_fts_docsize),
                   (SELECT count(*) FROM (SELECT article_id FROM removals GROUP BY article_id
                                          HAVING max(seq) + 1 != count(*)))
            """
        ).fetchone()
        for number, what in ((no_raw, "without raw bytes"), (unindexed, "missing from search"), (gaps, "with gaps in removals")):
            if number:
                problems.append(f"{counted(number, 'article')} {what}")
        return problems

    def list(
        self,
        *,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Rows:
        """One summary dict per article, ordered by ``published`` (undated first), then id.

        ``since`` and ``until`` are inclusive ISO prefixes compared as text:
        ``until="2020-01-06"`` keeps everything published on that day.
        """
        conditions, params = [], []
        if outlet is not None:
            conditions.append("outlet = ?")
            params.append(outlet)
        if since is not None:
            conditions.append("published >= ?")
            params.append(since)
        if until is not None:
            conditions.append("published < ?")
            params.append(until + "\U0010ffff")  # sorts after anything that starts with `until`
        where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
        rows = self._conn.execute(
            f"""
            SELECT id, title, outlet, published, format, source, length(text) AS n_chars,
                   (SELECT count(*) FROM removals WHERE article_id = articles.id) AS n_removed
            FROM articles {where}
            ORDER BY published, id
            LIMIT ? OFFSET ?
            """,
            [*params, -1 if limit is None else limit, offset],
        )
        return [dict(row) for row in rows]

    def outlets_and_dates(self) -> dict[str, tuple[str | None, str | None]]:
        """Article id -> (outlet, published) for every article: what a story list shows, read
        without touching the article texts (``list`` measures them)."""
        return {row[0]: (row[1], row[2]) for row in self._conn.execute("SELECT id, outlet, published FROM articles")}

    def search(self, query: str, *, limit: int = 20) -> Rows:
        """Articles matching ``query``, best first (bm25; a match in the title counts double).

        ``query`` may use FTS5 syntax (``"a phrase"``, ``OR``, ``NOT``, ``prefix*``, ``title:word``).
        If it is not valid FTS5, each word is searched for as written, so no input is an error.
        """
        try:
            rows = self._conn.execute(_SEARCH, (query, limit)).fetchall()
        except sqlite3.OperationalError:
            words = [token.replace('"', '""') for token in query.split() if re.search(r"\w", token)]
            if not words:
                return []
            rows = self._conn.execute(_SEARCH, (" ".join(f'"{word}"' for word in words), limit)).fetchall()
        return [dict(row) for row in rows]

    def delete(self, article_id: str) -> bool:
        """Remove an article with its raw bytes, removals and search entry; False if there was none."""
        with self._transaction():
            self._conn.execute(
                "INSERT INTO articles_fts (articles_fts, rowid, title, text)"
                " SELECT 'delete', rowid, title, text FROM articles WHERE id = ?",
                (article_id,),
            )
            deleted = self._conn.execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount
        return deleted > 0

    def iter_articles(self) -> Iterator[Article]:
        """Every article, in ``list`` order, read one at a time so memory stays flat."""
        for row in self._conn.execute(_SELECT_ARTICLE + "ORDER BY a.published, a.id"):
            yield _article(row)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        if self.readonly:
            raise StoreError(f"{self.path} was opened read-only: open it without readonly to change it.")
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            self._conn.execute("COMMIT")
        except BaseException:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise

    def _insert(self, article: Article) -> AddResult:
        content_hash = article.content_hash
        found = self._conn.execute("SELECT id FROM articles WHERE content_hash = ?", (content_hash,)).fetchone()
        if found:
            return AddResult(found["id"], created=False)
        article_id = self._free_id(article.id, content_hash)
        values = {name: getattr(article, name) for name in _ARTICLE_FIELDS}
        values.update(
            id=article_id,
            content_hash=content_hash,
            paragraphs=json.dumps([[p.start, p.end] for p in article.paragraphs]),
        )
        rowid = self._conn.execute(_INSERT_ARTICLE, values).lastrowid
        self._conn.execute(
            "INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)", (rowid, article.title, article.text)
        )
        self._conn.execute("INSERT INTO raw (article_id, data) VALUES (?, ?)", (article_id, article.raw))
        self._conn.executemany(
            'INSERT INTO removals (article_id, seq, "start", "end", reason, text) VALUES (?, ?, ?, ?, ?, ?)',
            [(article_id, seq, r.start, r.end, r.reason, r.text) for seq, r in enumerate(article.removed)],
        )
        return AddResult(article_id, created=True)

    def _free_id(self, article_id: str, content_hash: str) -> str:
        suffixed = f"{article_id}-{content_hash[:8]}"
        for candidate in (article_id, suffixed):
            if not self._conn.execute("SELECT 1 FROM articles WHERE id = ?", (candidate,)).fetchone():
                return candidate
        raise StoreError(f"cannot store {article_id}: both {article_id} and {suffixed} hold other articles.")


def _connect(path: Path, *, readonly: bool) -> sqlite3.Connection:
    """Open, configure and migrate; every failure becomes a StoreError naming the file."""
    try:
        if readonly:
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        else:
            conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    except sqlite3.OperationalError as error:
        raise StoreError(f"cannot open {path}: {error} (check that it exists and its folder is writable).") from None
    conn.row_factory = sqlite3.Row
    try:
        if not readonly:
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn, str(path), readonly=readonly)
    except sqlite3.DatabaseError as error:
        conn.close()
        if error.sqlite_errorname == "SQLITE_NOTADB":
            raise StoreError(f"{path} is not a crosscheck database: {error}.") from None
        raise StoreError(f"cannot open {path}: {error}.") from None
    except StoreError:
        conn.close()
        raise
    return conn


def _article(row: sqlite3.Row) -> Article:
    return Article(
        **{name: row[name] for name in _ARTICLE_FIELDS},
        raw=row["raw"],
        paragraphs=[Span(start, end) for start, end in json.loads(row["paragraphs"])],
        removed=[Removal(text=text, reason=reason, start=start, end=end) for text, reason, start, end in json.loads(row["removed"])],
    )
