"""What the story clusterer hands out: stories, and the log of its merges and splits."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True, slots=True)
class Story:
    """One event: its articles in arrival order, a title, and the broader topic it belongs to.

    ``id`` comes from the first article's id and never changes; ``topic_id`` groups stories about
    the same kind of thing (two earthquakes, two arrests of one man).
    """

    id: str
    title: str
    article_ids: list[str]
    topic_id: str


@dataclass(frozen=True, slots=True)
class StoryEvent:
    """A merge or a split: ``kind`` ("merge" | "split"), ``level`` ("story" | "topic"), the surviving
    id ``into``, the ``other`` id that was absorbed (merge) or created (split), and why."""

    kind: str
    level: str
    into: str
    other: str
    reason: str
    article_ids: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)
