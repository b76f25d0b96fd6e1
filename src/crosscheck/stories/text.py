"""Plain-text renderings of the story list and of a story's updates, for ``crosscheck stories``
and ``crosscheck updates``; the JSON forms are the data as is."""

from __future__ import annotations

import textwrap

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from crosscheck.model import StoryInfo

_WIDTH = 100


def stories_text(stories: Sequence[StoryInfo], events: Iterable[Mapping[str, Any]] = ()) -> str:
    """One block per story (id, size, title, article ids), then this run's merges and splits."""
    lines: list[str] = []
    for story in stories:
        count = len(story.article_ids)
        lines.append(f"{story.id}  {count} article{'s' * (count != 1)}  {story.title}")
        lines.extend(textwrap.wrap(", ".join(story.article_ids), _WIDTH, initial_indent="    ", subsequent_indent="    "))
    for event in events:
        verb = "merged into" if event["kind"] == "merge" else "split from"
        lines.append(f"{event['level']} {event['other_id']} {verb} {event['into_id']}: {event['reason']}")
    if not stories:
        lines.append("no stories: no article is stored yet")
    return "\n".join(lines)


def updates_text(updates: Mapping[str, Any]) -> str:
    """What changed in a story, section by section; sections with nothing new are left out."""
    story, since = updates["story"], updates["since"]
    lines = [f"{story['id']}  {story['title']}", f"changes since run {since['run']} ({since['at'][:16].replace('T', ' ')} UTC)"]
    sections = (
        ("new articles", [_article(a) for a in updates["new_articles"]]),
        ("new outlets", updates["new_outlets"]),
        ("new sources", updates["new_sources"]),
        ("new claims", [f"[{c['status']}] {c['text']}" for c in updates["new_claims"]]),
        ("claims whose status changed", [f"[{c['was']} -> {c['status']}] {c['text']}" for c in updates["claims_changed"]]),
        ("new disputes", [f"[{d['kind']}] {d['summary']}" for d in updates["new_disputes"]]),
        ("resolved disputes", [f"[{d['kind']}] {d['summary']}" for d in updates["resolved_disputes"]]),
        ("corrections", [d["summary"] for d in updates["corrections"]]),
    )
    shown = False
    for heading, items in sections:
        if items:
            shown = True
            lines.append(f"\n{heading} ({len(items)})")
            lines.extend(f"  - {_short(item, _WIDTH - 4)}" for item in items)
    if not shown:
        lines.append("nothing new")
    if updates.get("saved_run") is not None:
        lines.append(f"\nsaved as run {updates['saved_run']}")
    return "\n".join(lines)


def _article(article: Mapping[str, Any]) -> str:
    details = ", ".join(x for x in (article.get("outlet"), article.get("title")) if x)
    return f"{article['id']} ({details})" if details else article["id"]


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
