"""A topic's largest stories, kept as stories grow, leave and merge, are those a full scan finds."""

from __future__ import annotations

import heapq
import random

from crosscheck.stories.clusters import Cluster
from crosscheck.stories.largest import LargestStories
from crosscheck.stories.online import CENTROID_TERMS


def _scan(stories: list[Cluster], count: int, excluding: Cluster | None = None) -> list[Cluster]:
    others = (s for s in stories if s is not excluding)
    return heapq.nsmallest(count, others, key=lambda s: (-s.size, s.sequence))


def test_largest_stories_match_a_full_scan_through_growth_leaving_and_merging() -> None:
    rng = random.Random(4)
    largest = LargestStories(3)
    topics: dict[str, list[Cluster]] = {}
    for sequence in range(400):
        action = rng.random()
        if action < 0.3 or not topics:
            story, topic = Cluster(f"s{sequence}", sequence, CENTROID_TERMS), f"t{rng.randrange(12)}"
            topics.setdefault(topic, []).append(story)
            largest.grew(topic, story)
        elif action < 0.85:
            topic = rng.choice(list(topics))
            story = rng.choice(topics[topic])
            story.articles.append(f"a{sequence}")
            largest.grew(topic, story)
        elif action < 0.95:
            topic = rng.choice(list(topics))
            story = rng.choice(topics[topic])
            topics[topic].remove(story)
            largest.left(topic, story, topics[topic])
            if not topics[topic]:
                del topics[topic]
                largest.dropped(topic)
        elif len(topics) > 1:
            keep, gone = rng.sample(sorted(topics), 2)
            topics[keep] += topics.pop(gone)
            largest.merged(keep, gone)
        for topic, stories in topics.items():
            assert largest.of(topic) == _scan(stories, 3)
            assert largest.of(topic, excluding=stories[0]) == _scan(stories, 3, excluding=stories[0])
