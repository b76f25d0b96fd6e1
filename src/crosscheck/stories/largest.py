"""Each topic's few largest stories, kept up to date as stories grow, move and merge.

Topics are compared through their largest stories (average linkage in ``online``). Finding
them by scanning a topic costs as much as the topic is large, and a topic of one kind of event
grows without bound in a long stream; kept here as stories change, they cost the same with ten
stories in the topic or ten thousand. A story only grows, so it can only climb: only a story
leaving a topic (merged away, split off) makes the topic's list be rebuilt from its members.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable

from crosscheck.stories.clusters import Cluster


def _rank(story: Cluster) -> tuple[int, int]:
    """Larger first; of two the same size, the older first."""
    return -story.size, story.sequence


class LargestStories:
    """Topic id -> its ``count`` largest stories, largest first, the older first between equals.

    One more is kept, so that the largest stories of a topic *other than* one of them are known too.
    """

    def __init__(self, count: int) -> None:
        self.count = count
        self.keep = count + 1
        self._top: dict[str, list[Cluster]] = {}

    def __repr__(self) -> str:
        return f"LargestStories(count={self.count}, topics={len(self._top)})"

    def of(self, topic: str, excluding: Cluster | None = None) -> list[Cluster]:
        """The topic's ``count`` largest stories, leaving out ``excluding``."""
        return [story for story in self._top.get(topic, ()) if story is not excluding][: self.count]

    def grew(self, topic: str, story: Cluster) -> None:
        """``story`` joined ``topic`` or grew in it."""
        top = self._top.setdefault(topic, [])
        if not any(member is story for member in top):
            top.append(story)
        top.sort(key=_rank)
        del top[self.keep :]

    def left(self, topic: str, story: Cluster, members: Iterable[Cluster]) -> None:
        """``story`` left ``topic``, whose remaining stories are ``members``."""
        top = self._top.get(topic)
        if top is not None and any(member is story for member in top):
            self.rebuild(topic, members)

    def merged(self, topic: str, gone: str) -> None:
        """Topic ``gone`` joined ``topic``: the largest of both are the largest of the union."""
        top = self._top.get(topic, []) + self._top.pop(gone, [])
        self._top[topic] = heapq.nsmallest(self.keep, top, key=_rank)

    def dropped(self, topic: str) -> None:
        """``topic`` is no more (its last story left it)."""
        self._top.pop(topic, None)

    def rebuild(self, topic: str, members: Iterable[Cluster]) -> None:
        """Set a topic's largest from all its stories (a restored clusterer)."""
        self._top[topic] = heapq.nsmallest(self.keep, members, key=_rank)
