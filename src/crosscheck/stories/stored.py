"""Stories kept in the store: continue the saved clusterer with the articles it has not seen.

The clusterer's state, each story's articles and the merge/split log live in the store
(``store.stories.StoryTables``); a run restores the clusterer, feeds it the articles that are in no story
yet (oldest first), and writes back only what changed, so ids stay stable from run to run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from crosscheck.model import StoryInfo
from crosscheck.stories.online import STATE_VERSION, ArticleLike, StoryClusterer
from crosscheck.store import Store
from crosscheck.store.stories import ArticleText, StaleStories, StoryRecord

_ATTEMPTS = 3
Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)`` while articles are clustered."""

A = TypeVar("A", bound=ArticleLike)


def update_stories(store: Store, progress: Progress | None = None, client: Any = None) -> list[StoryInfo]:
    """Cluster the stored articles that are in no story yet, save the result, return all stories.

    A state saved by another version of the clusterer cannot be continued: then every stored
    article is clustered again (ids come from each story's first article, so most stay). When
    another process saves stories meanwhile, the work is done again from its state. With a
    ``distributed.Client``, each article's terms and embeddings are computed on its workers
    (``workers``); the stories are the same.
    """
    for _ in range(_ATTEMPTS - 1):
        try:
            return _update(store, progress, client)
        except StaleStories:
            continue
    return _update(store, progress, client)


def _update(store: Store, progress: Progress | None, client: Any) -> list[StoryInfo]:
    state, stamp = store.stamped_story_state()
    outdated = state is not None and state.get("version") != STATE_VERSION
    clusterer = StoryClusterer.from_state(state) if state and not outdated else StoryClusterer()
    prepare = None
    if client is not None:
        from crosscheck.stories.workers import prepare_on

        prepare = prepare_on(client, clusterer)
    before = {s.id: s for s in clusterer.stories()}
    logged = len(clusterer.log)
    total = store.count() if outdated else store.unassigned_count()
    if not total:
        return store.stories()
    fed: set[str] = set()

    def feed() -> Iterator[ArticleText]:
        for article in store.texts_to_cluster(every=outdated):
            fed.add(article.id)
            yield article

    report = (lambda done: progress(min(done, total), total)) if progress else None
    clusterer.add_many(feed(), report, prepare)
    after = clusterer.stories()
    changed = []
    for story in after:
        old = before.get(story.id)
        moved = old is None or old.article_ids != story.article_ids or not fed.isdisjoint(story.article_ids)
        if moved or (old.title, old.topic_id) != (story.title, story.topic_id):
            changed.append(StoryRecord(story.id, story.title, story.topic_id, story.article_ids, moved))
    live = {story.id for story in after}
    gone = {old: new for old, new in clusterer.merged_away().items() if old in before and old not in live}
    events = [event.to_dict() for event in clusterer.log[logged:]]
    store.save_stories(clusterer.to_state(), changed, gone=gone, events=events, replace=outdated, base=stamp)
    return store.stories()


def group_stories(articles: Sequence[A]) -> list[tuple[str, list[A]]]:
    """Cluster ``articles`` into (title, articles) groups, largest first; no store involved.

    Articles are clustered by publication date (undated first), then id, so the result does
    not depend on the order given; within a group they keep the order given. Topics are not
    asked for, so the lead embeddings that only join topics are left out.
    """
    clusterer = StoryClusterer(lead_embedding=False)
    clusterer.add_many(sorted(articles, key=lambda a: (a.published or "", a.id)))
    titles = {story.id: story.title for story in clusterer.stories()}
    groups: dict[str, list[A]] = {}
    for article in articles:
        groups.setdefault(clusterer.story_of(article.id), []).append(article)
    ordered = sorted(groups.items(), key=lambda item: -len(item[1]))
    return [(titles[story_id], members) for story_id, members in ordered]
