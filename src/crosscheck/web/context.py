"""What every route reaches for: the settings, this thread's store, and the report cache."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import astuple, dataclass, field
from typing import Any

from fastapi import HTTPException, Request
from fastapi.concurrency import run_in_threadpool

from crosscheck.ingest.options import IngestOptions
from crosscheck.model import Article, StoryInfo
from crosscheck.store import Store, is_date_bound
from crosscheck.web.config import WebConfig
from crosscheck.web.highlights import Highlight, article_highlights
from crosscheck.web.ingest import Added
from crosscheck.web.listing import StoryFilters
from crosscheck.web.payload import Payload
from crosscheck.web.reports import ReportCache, StoryReport
from crosscheck.web.stores import ThreadStores


class ReportFailed(Exception):
    """A story whose report raised; the message names the story and the error."""


RENDERED_ARTICLES = 512
"""Article pages and JSON bodies kept ready, most recently used first."""
LISTINGS = 64
"""Story-list answers kept ready (by query), most recently used first."""


@dataclass
class AppContext:
    config: WebConfig
    stores: ThreadStores
    reports: ReportCache
    _rendered: OrderedDict[tuple[Any, ...], Payload] = field(default_factory=OrderedDict)
    _rendered_lock: threading.Lock = field(default_factory=threading.Lock)
    _listings: OrderedDict[tuple[Any, ...], bytes] = field(default_factory=OrderedDict)

    @classmethod
    def create(cls, config: WebConfig) -> AppContext:
        stores = ThreadStores(config.db)
        return cls(config, stores, ReportCache(stores, config.cache_size))

    def store(self) -> Store:
        return self.stores.get()

    def ingest_options(self) -> IngestOptions:
        return IngestOptions(allow_private=self.config.allow_private)

    def story(self, story_id: str) -> StoryInfo | None:
        return self.store().story(story_id)

    def stories_of(self, article_id: str) -> list[StoryInfo]:
        store = self.store()
        return [story for sid in store.story_ids_of([article_id]).values() if (story := store.story(sid)) is not None]

    def add(self, work: Callable[[], Added]) -> Added:
        """Run an add (in a worker thread); with ``warm``, start on the touched stories' reports."""
        result = work()
        if self.config.warm and result.summary.added:
            self.reports.warm(s for s in self.store().stories() if s.id in result.stories)
        return result

    def story_list_key(self, filters: StoryFilters, limit: int, offset: int) -> tuple[Any, ...]:
        """Names one story-list answer while the store and the computed reports stay as they are."""
        return (self._store_version(), self.reports.generation, astuple(filters), limit, offset)

    def cached_story_list(self, key: tuple[Any, ...]) -> bytes | None:
        with self._rendered_lock:
            return self._listings.get(key)

    def story_list(self, key: tuple[Any, ...], build: Callable[[], bytes]) -> bytes:
        """``build()``, kept under ``key``: under many clients, rebuilding the list per request
        (two queries and a pass over every story) queued in the thread pool."""
        found = build()
        with self._rendered_lock:
            self._listings[key] = found
            while len(self._listings) > LISTINGS:
                self._listings.popitem(last=False)
        return found

    def _store_version(self) -> tuple[int, ...]:
        """Changes with every commit by any process: SQLite writes the WAL (or the file) on commit."""
        version: list[int] = []
        for path in (self.config.db, self.config.db.with_name(self.config.db.name + "-wal")):
            try:
                stat = path.stat()
            except OSError:
                version += [0, 0]
            else:
                version += [stat.st_mtime_ns, stat.st_size]
        return tuple(version)

    def report(self, story: StoryInfo) -> StoryReport:
        """The story's report; ReportFailed (a 500 with the reason) when it cannot be built."""
        try:
            return self.reports.get(story)
        except Exception as exc:  # noqa: BLE001 - one story's bad report must not take the app down
            raise ReportFailed(f"the report of story {story.id} could not be built: {type(exc).__name__}: {exc}") from exc

    async def article_view(self, article_id: str) -> ArticleView | None:
        """The article with its stories and its first story's report (computed in a thread if
        it is not cached); None if there is no such article."""
        article = self.store().get(article_id)
        if article is None:
            return None
        stories = self.stories_of(article.id)
        report = None
        if stories:
            report = self.reports.peek(stories[0]) or await run_in_threadpool(self.report, stories[0])
        return ArticleView(article, stories, report)

    async def rendered(self, view: ArticleView, kind: str, build: Callable[[ArticleView], bytes]) -> Payload:
        """``build(view)``, made once per article, report version and ``kind`` (in a thread)."""
        key = (*view.key, kind)
        with self._rendered_lock:
            found = self._rendered.get(key)
        if found is None:
            found = await run_in_threadpool(lambda: Payload.of(build(view)))
            with self._rendered_lock:
                self._rendered[key] = found
                while len(self._rendered) > RENDERED_ARTICLES:
                    self._rendered.popitem(last=False)
        return found


@dataclass(frozen=True)
class ArticleView:
    """What an article's page and JSON show: the article, its stories, its story's report."""

    article: Article
    stories: list[StoryInfo]
    report: StoryReport | None

    @property
    def key(self) -> tuple[str, str, Any]:
        return self.article.id, self.article.content_hash, self.report.key if self.report else None

    def highlights(self) -> list[Highlight]:
        return article_highlights(self.article, self.report.report if self.report else None)


async def context(request: Request) -> AppContext:
    """FastAPI dependency: the app's context (async: a plain function costs a thread-pool hop
    per request)."""
    return request.app.state.context


async def story_filters(
    q: str | None = None,
    since: str | None = None,
    until: str | None = None,
    outlet: str | None = None,
    disputed: bool = False,
) -> StoryFilters:
    """FastAPI dependency: the story-list filters from the query string; empty fields filter nothing.

    ``q`` is an FTS5 query over titles and text; ``since``/``until`` are inclusive ISO dates;
    ``disputed`` keeps stories whose computed report has disputes.
    """
    for name, value in (("since", since), ("until", until)):
        if value and not is_date_bound(value):
            # A silent empty list would read as "no stories": say what was wrong instead.
            raise HTTPException(422, f"{name}: expected a date (YYYY-MM-DD, YYYY-MM or YYYY), got {value!r}")
    return StoryFilters(q=q or None, since=since or None, until=until or None, outlet=outlet or None, disputed=disputed)

