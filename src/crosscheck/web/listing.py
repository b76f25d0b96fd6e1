"""The story list: every story with its outlets and dates, filtered and searched.

Search runs on the store's FTS5 index and keeps the stories holding a matching article, best
match first. The disputes filter can only know stories whose report is computed; the rest are
counted as not analysed yet.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from crosscheck.model import StoryInfo
from crosscheck.store import Store
from crosscheck.web.reports import ReportCache

SEARCH_LIMIT = 1000
OutletAndDate = tuple[str | None, str | None]
"""An article's (outlet, published)."""


@dataclass(frozen=True)
class StoryFilters:
    """What the list is narrowed to; dates are inclusive ISO prefixes, as in ``crosscheck list``."""

    q: str | None = None
    since: str | None = None
    until: str | None = None
    outlet: str | None = None
    disputed: bool = False


@dataclass
class StoryRow:
    """One story as the list shows it; ``disputes`` is None until its report is computed."""

    id: str
    title: str
    article_ids: list[str]
    updated: str
    outlets: list[str]
    first_published: str | None
    last_published: str | None
    disputes: int | None
    matches: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready; built by hand because ``asdict`` deep-copies the search hits (slow)."""
        return {**{f.name: getattr(self, f.name) for f in fields(self)}, "articles": len(self.article_ids)}


@dataclass
class StoryPage:
    """A page of the list, with what the filter form needs to offer."""

    rows: list[StoryRow]
    total: int
    unanalysed: int
    outlets: list[str]


def list_stories(store: Store, cache: ReportCache, filters: StoryFilters, *, limit: int = 50, offset: int = 0) -> StoryPage:
    articles = store.outlets_and_dates()
    stories = store.stories()
    hits: dict[str, list[dict[str, Any]]] = {}
    if filters.q and filters.q.strip():
        for hit in store.search(filters.q, limit=SEARCH_LIMIT):
            hits.setdefault(hit["id"], []).append(hit)
        ranked = {article_id: rank for rank, article_id in enumerate(hits)}
        stories = [s for s in stories if ranked.keys() & set(s.article_ids)]
        stories.sort(key=lambda s: min(ranked.get(a, SEARCH_LIMIT) for a in s.article_ids))
    else:
        stories.sort(key=lambda s: s.updated, reverse=True)
    rows, unanalysed = [], 0
    for story in stories:
        row = _row(story, articles, cache, hits)
        if filters.disputed and row.disputes is None:
            unanalysed += 1
        if _keep(row, filters):
            rows.append(row)
    outlets = sorted({outlet for outlet, _ in articles.values() if outlet}, key=str.lower)
    return StoryPage(rows[offset : offset + limit], len(rows), unanalysed, outlets)


def _row(story: StoryInfo, articles: dict[str, OutletAndDate], cache: ReportCache, hits: dict[str, list[dict[str, Any]]]) -> StoryRow:
    members = [articles[a] for a in story.article_ids if a in articles]
    dates = sorted(published for _, published in members if published)
    report = cache.peek(story)
    return StoryRow(
        id=story.id,
        title=story.title,
        article_ids=list(story.article_ids),
        updated=story.updated,
        outlets=sorted({outlet for outlet, _ in members if outlet}, key=str.lower),
        first_published=dates[0] if dates else None,
        last_published=dates[-1] if dates else None,
        disputes=report.disputes if report else None,
        matches=[hit for a in story.article_ids for hit in hits.get(a, [])],
    )


def _keep(row: StoryRow, filters: StoryFilters) -> bool:
    if filters.outlet and filters.outlet not in row.outlets:
        return False
    if filters.disputed and not row.disputes:
        return False
    if filters.since and not (row.last_published and row.last_published >= filters.since):
        return False
    if filters.until and not (row.first_published and row.first_published < filters.until + "\U0010ffff"):
        return False
    return True
