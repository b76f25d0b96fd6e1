"""What changed in a story between two of its reports: new claims and sources, disputes that
appeared or were resolved, and corrections.

Reports are compared by content, not by their positional ids ("c3" in one report may be
another claim in the next): a claim by its text, a dispute by its kind and the texts of its
positions, an article by its id.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

Report = Mapping[str, Any]


@dataclass
class StoryUpdates:
    """The changes from an ``old`` report to a ``new`` one, each list in the new report's order.

    ``new_claims`` and ``claims_changed`` (same text, another status) hold claim summaries
    (text, status, articles); disputes are (kind, summary) summaries; ``corrections`` are the
    new disputes of kind "superseded" (a source corrected or withdrew what it said).
    """

    new_articles: list[dict[str, Any]] = field(default_factory=list)
    new_outlets: list[str] = field(default_factory=list)
    new_sources: list[str] = field(default_factory=list)
    new_claims: list[dict[str, Any]] = field(default_factory=list)
    claims_changed: list[dict[str, Any]] = field(default_factory=list)
    new_disputes: list[dict[str, Any]] = field(default_factory=list)
    resolved_disputes: list[dict[str, Any]] = field(default_factory=list)
    corrections: list[dict[str, Any]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not any(asdict(self).values())

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def diff_reports(old: Report, new: Report) -> StoryUpdates:
    """The changes a reader of ``old`` needs to know to be up to date with ``new``."""
    updates = StoryUpdates()
    old_articles = {a["id"] for a in old.get("articles", [])}
    old_outlets = {a.get("outlet") for a in old.get("articles", [])}
    for article in new.get("articles", []):
        if article["id"] not in old_articles:
            updates.new_articles.append(
                {"id": article["id"], "outlet": article.get("outlet"), "title": article.get("title")}
            )
        outlet = article.get("outlet")
        if outlet and outlet not in old_outlets and outlet not in updates.new_outlets:
            updates.new_outlets.append(outlet)
    old_origins = {s.get("origin") for s in old.get("sources", [])}
    updates.new_sources = [
        s["origin"] for s in new.get("sources", []) if s.get("origin") and s["origin"] not in old_origins
    ]

    old_claims = {_key(c["text"]): c for c in old.get("claims", [])}
    for claim in new.get("claims", []):
        before = old_claims.get(_key(claim["text"]))
        if before is None:
            updates.new_claims.append(_claim(claim))
        elif before.get("status") != claim.get("status"):
            updates.claims_changed.append({**_claim(claim), "was": before.get("status")})

    old_disputes = {_dispute_key(d): d for d in old.get("disputes", [])}
    new_disputes = {_dispute_key(d): d for d in new.get("disputes", [])}
    for key, dispute in new_disputes.items():
        if key not in old_disputes:
            target = updates.corrections if dispute.get("kind") == "superseded" else updates.new_disputes
            target.append(_dispute(dispute))
    updates.resolved_disputes = [_dispute(d) for key, d in old_disputes.items() if key not in new_disputes]
    return updates


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def _dispute_key(dispute: Mapping[str, Any]) -> tuple[str, frozenset[str]]:
    positions = dispute.get("positions") or []
    texts = frozenset(_key(p.get("text", "")) for p in positions) or frozenset({_key(dispute.get("summary", ""))})
    return dispute.get("kind", ""), texts


def _claim(claim: Mapping[str, Any]) -> dict[str, Any]:
    return {"text": claim["text"], "status": claim.get("status"), "articles": list(claim.get("articles", []))}


def _dispute(dispute: Mapping[str, Any]) -> dict[str, Any]:
    articles = sorted({a for p in dispute.get("positions", []) for a in p.get("articles", [])})
    return {"kind": dispute.get("kind"), "summary": dispute.get("summary", ""), "articles": articles}
