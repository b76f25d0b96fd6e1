"""The story's title: the headline the articles agree on most, as a newsroom would title it.

Each news headline is scored by how many of its words the other articles' headlines share
(rarer shared words count more); headlines that claim more than their body supports, opinion
and aggregation pieces, and questions are passed over while a plain news headline is left.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Any

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*")
_STOP = frozenset(
    """a an the and or but of in on at to for from by with as is are was were be been it its this that
    says said say tells told over after before into out up not no will would could may might has have had
    his her their they he she we you our your than then so if""".split()
)


def story_title(articles: list[dict[str, Any]]) -> str | None:
    """The most representative headline of ``articles`` (report articles with ``title``,
    ``kind`` and ``framing``), or None when no article has one."""
    titled = [a for a in articles if (a.get("title") or "").strip()]
    if not titled:
        return None
    statements = [a for a in titled if not a["title"].rstrip().endswith("?")]
    plain = [a for a in statements if a.get("kind") == "news" and not _overclaims(a)]
    candidates = plain or statements or titled
    words = {a["id"]: _words(a["title"]) for a in titled}
    spread = Counter(w for ws in words.values() for w in ws)
    weight = {w: math.log(1 + len(titled) / n) for w, n in spread.items()}

    def score(article: dict[str, Any]) -> tuple[float, int]:
        own = words[article["id"]]
        shared = sum(weight[w] * (spread[w] - 1) for w in own)
        return shared / math.sqrt(max(1, len(own))), -len(article["title"])

    return max(candidates, key=score)["title"].strip()


def _overclaims(article: dict[str, Any]) -> bool:
    return bool((article.get("framing") or {}).get("headline_overclaim"))


def _words(title: str) -> set[str]:
    found = set()
    for token in _WORD.findall(title.lower().replace("’", "'")):
        token = token.strip("'-")
        if token and token not in _STOP:
            found.add(token[:-1] if token.endswith("s") and len(token) > 3 else token)
    return found
