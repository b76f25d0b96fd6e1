"""What the article page marks in the cleaned text: quotes, claims and disputed spans.

Claims and disputes come from the story report's evidence (character offsets into the
cleaned text); quotes from annotating the one article, which takes milliseconds.
"""

from __future__ import annotations

import threading
from dataclasses import asdict, dataclass
from typing import Any

from crosscheck.model import Article

QUOTE_KINDS = ("direct", "partial", "mixed")


@dataclass(frozen=True, order=True)
class Highlight:
    """A marked ``[start, end)`` of the cleaned text; ``kind`` is quote, claim or disputed."""

    start: int
    end: int
    kind: str
    label: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def article_highlights(article: Article, report: dict[str, Any] | None) -> list[Highlight]:
    """Every highlight of ``article``, sorted; the report's only if it was built on this text."""
    found = list(_quotes(article))
    shown = next((a for a in (report or {}).get("articles", []) if a["id"] == article.id), None)
    if report is not None and shown is not None and shown["text"] == article.text:
        found += _claims(article.id, report) + _disputes(article.id, report)
    size = len(article.text)
    return sorted({h for h in found if 0 <= h.start < h.end <= size})


def _claims(article_id: str, report: dict[str, Any]) -> list[Highlight]:
    found = []
    for claim in report["claims"]:
        sources = claim["independent_sources"]
        label = f"{claim['status']} claim, {sources} independent source{'s' * (sources != 1)}: {claim['text']}"
        kind = "disputed" if claim["status"] == "disputed" else "claim"
        found += [Highlight(*_span(e), kind, label) for e in claim["evidence"] if e["article"] == article_id]
    return found


def _disputes(article_id: str, report: dict[str, Any]) -> list[Highlight]:
    return [
        Highlight(*_span(e), "disputed", f"disputed: {dispute['summary']}")
        for dispute in report["disputes"]
        for position in dispute["positions"]
        for e in position.get("evidence", [])
        if e["article"] == article_id
    ]


def _span(evidence: dict[str, Any]) -> tuple[int, int]:
    start, end = evidence.get("span") or evidence["sentence"]
    return start, end


_quote_cache: dict[tuple[str, str], list[Highlight]] = {}
_quote_lock = threading.Lock()


def _quotes(article: Article) -> list[Highlight]:
    """Quoted words with their speakers; cached per article content (annotating is pure)."""
    key = (article.id, article.content_hash)
    with _quote_lock:
        if key in _quote_cache:
            return _quote_cache[key]
    from crosscheck.language import annotate

    doc = annotate(article)
    quotes = [
        Highlight(a.content.start, a.content.end, "quote", f"quote ({a.kind}) from {a.speaker or 'an unknown speaker'}")
        for a in doc.attributions
        if a.kind in QUOTE_KINDS
    ]
    with _quote_lock:
        if len(_quote_cache) > 4096:
            _quote_cache.clear()
        _quote_cache[key] = quotes
    return quotes
