"""Formatting every rendering shares: dates for people, and how a quote's wording drifted."""

from __future__ import annotations

import datetime as dt
import re
from difflib import SequenceMatcher
from typing import Any

STATUS_LABELS = {"corroborated": "Corroborated", "single-source": "Single source", "disputed": "Disputed", "dispute": "Disputed"}
KIND_LABELS = {"news": "News", "opinion": "Opinion", "analysis": "Analysis", "aggregation": "Aggregation"}
DISPUTE_LABELS = {"numeric": "Numbers differ", "polarity": "Contradiction", "attribution": "Who said it", "superseded": "Superseded"}
_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")


def published_label(published: str | None) -> str:
    """"10 Mar 2026, 14:05 UTC" from an ISO timestamp; "date unknown" without one."""
    if not published:
        return "date unknown"
    try:
        moment = dt.datetime.fromisoformat(published)
    except ValueError:
        return published
    day = f"{moment.day} {moment:%b %Y}"
    if len(published) <= 10:
        return day
    zone = " UTC" if moment.utcoffset() == dt.timedelta(0) else ""
    return f"{day}, {moment:%H:%M}{zone}"


def date_label(date: str | None) -> str:
    """A timeline date for people: "Fri 6 Mar 2026", "Mar 2026", "week 11, 2026", "1964"."""
    if not date:
        return "Date unknown"
    if re.fullmatch(r"\d{4}-\d\d-\d\d", date):
        day = dt.date.fromisoformat(date)
        return f"{day:%a} {day.day} {day:%b %Y}"
    if match := re.fullmatch(r"(\d{4})-(\d\d)", date):
        return f"{dt.date(int(match.group(1)), int(match.group(2)), 1):%b %Y}"
    if match := re.fullmatch(r"(\d{4})-W(\d\d)", date):
        return f"Week {int(match.group(2))}, {match.group(1)}"
    return date


def period_label(story: dict[str, Any]) -> str:
    """When the articles came out, as a phrase: "published 9 Mar 2026 – 11 Mar 2026", or
    "publication dates unknown" (a renderer puts it as it is, capitalised at a line's start)."""
    first, last = story.get("first_published"), story.get("last_published")
    if not first:
        return "publication dates unknown"
    start, end = published_label(first[:10]), published_label((last or first)[:10])
    return f"published {start}" if start == end else f"published {start} – {end}"


def word_changes(base: str, variant: str) -> list[tuple[str, str]]:
    """``variant`` as ``(kind, text)`` pieces against ``base``, so a rendering can show drift.

    Kinds: "same"; "changed" (words the variant has instead); "cut" (words of ``base`` it
    leaves out inside the quote); "context" (words before or after a quoted fragment).
    """
    old, new = _TOKEN.findall(base), _TOKEN.findall(variant)
    pieces: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(a=[w.lower() for w in old], b=[w.lower() for w in new], autojunk=False).get_opcodes():
        if op == "equal":
            pieces.append(("same", _join(new[j1:j2])))
            continue
        if i2 > i1 and any(w[0].isalnum() for w in old[i1:i2]):
            pieces.append(("cut", _join(old[i1:i2])))
        if j2 > j1:
            pieces.append(("changed", _join(new[j1:j2])))
    for end, neighbour in ((0, 1), (-1, -2)):
        if len(pieces) > 1 and pieces[end][0] == "cut" and pieces[neighbour][0] == "same":
            pieces[end] = ("context", pieces[end][1])
    return pieces


def wording_label(pieces: list[tuple[str, str]]) -> str:
    """"as said", "fragment" (only part of the quote) or "reworded"."""
    kinds = {kind for kind, _ in pieces}
    if kinds <= {"same"}:
        return "as said"
    return "fragment" if kinds <= {"same", "context"} else "reworded"


def glued(text: str) -> bool:
    """Whether a piece attaches to the word before it without a space (",", ".", "'s")."""
    return bool(re.match(r"[,.;:!?)”’]|['’]\w", text))


def _join(tokens: list[str]) -> str:
    return re.sub(r"\s+([^\w\s])", r"\1", " ".join(tokens))
