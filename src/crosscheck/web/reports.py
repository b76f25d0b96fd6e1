"""Story reports, computed once and kept in memory: a report takes seconds, a page must not.

An entry is keyed by story id and the story's article ids, so adding an article to a story
makes its old report stale by construction. Concurrent requests for one story wait for a
single computation instead of each starting their own.
"""

from __future__ import annotations

import json
import logging
import queue
import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from crosscheck.model import StoryInfo
from crosscheck.web.payload import Payload
from crosscheck.web.stores import ThreadStores

StoryKey = tuple[str, tuple[str, ...]]
log = logging.getLogger("crosscheck.web")


@dataclass(frozen=True, eq=False)
class StoryReport:
    """A story's report as a dict, as serialised JSON and as the self-contained HTML page.

    Hashed by identity, so renderings derived from one entry can be memoised on it.
    """

    key: StoryKey
    report: dict[str, Any]
    json: Payload
    html: str

    @property
    def disputes(self) -> int:
        return len(self.report["disputes"])


def story_key(story: StoryInfo) -> StoryKey:
    return story.id, tuple(story.article_ids)


class ReportCache:
    """Least-recently-used reports for up to ``size`` stories, one version per story."""

    def __init__(self, stores: ThreadStores, size: int = 64) -> None:
        self.stores = stores
        self.size = size
        self._entries: OrderedDict[str, StoryReport] = OrderedDict()
        self._lock = threading.Lock()
        self._story_locks: dict[str, threading.Lock] = {}
        self._queue: queue.Queue[StoryInfo] = queue.Queue()
        self._warmer: threading.Thread | None = None
        self.generation = 0
        """Counts stored reports, so answers built from ``peek`` (the story list) know when to redo."""

    def peek(self, story: StoryInfo) -> StoryReport | None:
        """The report if it is computed and current, without computing it."""
        with self._lock:
            found = self._entries.get(story.id)
            if found is None or found.key != story_key(story):
                return None
            self._entries.move_to_end(story.id)
            return found

    def get(self, story: StoryInfo) -> StoryReport:
        """The current report, computed now (seconds) if it is not cached."""
        found = self.peek(story)
        if found is not None:
            return found
        with self._lock:
            story_lock = self._story_locks.setdefault(story.id, threading.Lock())
        with story_lock:
            found = self.peek(story)
            if found is None:
                found = self._compute(story)
                with self._lock:
                    self._entries[story.id] = found
                    self.generation += 1
                    self._entries.move_to_end(story.id)
                    while len(self._entries) > self.size:
                        self._entries.popitem(last=False)
        return found

    def warm(self, stories: Iterable[StoryInfo]) -> None:
        """Compute these stories' reports in a background thread, one at a time."""
        for story in stories:
            self._queue.put(story)
        with self._lock:
            if self._warmer is None:
                self._warmer = threading.Thread(target=self._warm_forever, name="crosscheck-report-warmer", daemon=True)
                self._warmer.start()

    def _warm_forever(self) -> None:
        while True:
            story = self._queue.get()
            try:
                self.get(story)
            except Exception as exc:  # noqa: BLE001 - a story that cannot be reported is retried when opened
                log.warning("error: story %s: report failed: %s", story.id, exc)

    def _compute(self, story: StoryInfo) -> StoryReport:
        from crosscheck.api import stored_articles, story_report
        from crosscheck.report import render

        articles = stored_articles(self.stores.get(), story.article_ids)
        if not articles:
            raise LookupError(f"story {story.id} has no stored articles")
        report = story_report(articles, title=story.title)
        serialised = json.dumps(report, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        return StoryReport(story_key(story), report, Payload.of(serialised), render(report, "html"))
