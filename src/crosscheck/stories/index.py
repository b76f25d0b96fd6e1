"""Candidate retrieval: which clusters share an article's heaviest terms, most recent first.

Scoring an article against every cluster would make a stream quadratic. Instead each term
keeps the ``postings_limit`` clusters that used it most recently, and an article is scored only
against the ``limit`` clusters with the largest summed weight of shared terms; a common term
then costs no more than a rare one, and the cost per article stays flat as clusters pile up.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping


class CandidateIndex:
    """Term -> the clusters that used it lately (oldest first); merged-away ids are resolved late."""

    def __init__(self, postings_limit: int = 64, postings: dict[str, list[str]] | None = None) -> None:
        self.postings_limit = postings_limit
        self._postings: dict[str, dict[str, None]] = {
            term: dict.fromkeys(ids) for term, ids in (postings or {}).items()
        }

    def __repr__(self) -> str:
        return f"CandidateIndex(postings_limit={self.postings_limit}, terms={len(self._postings)})"

    def add(self, cluster_id: str, terms: Iterable[str]) -> None:
        """Record that ``cluster_id`` just used ``terms``: it moves to the recent end of each list."""
        limit = self.postings_limit
        for term in terms:
            postings = self._postings.get(term)
            if postings is None:
                self._postings[term] = {cluster_id: None}
                continue
            postings.pop(cluster_id, None)
            postings[cluster_id] = None
            if len(postings) > limit:
                del postings[next(iter(postings))]

    def candidates(self, query: Mapping[str, float], limit: int, resolve: Callable[[str], str]) -> list[str]:
        """Up to ``limit`` live cluster ids sharing the most weight with ``query``, best first."""
        totals: dict[str, float] = {}
        get = totals.get
        for term, weight in query.items():
            for cluster_id in self._postings.get(term, ()):
                totals[cluster_id] = get(cluster_id, 0.0) + weight
        best = sorted(totals, key=totals.__getitem__, reverse=True)[: 2 * limit]
        merged: dict[str, float] = {}
        for cluster_id in best:
            live = resolve(cluster_id)
            merged[live] = merged.get(live, 0.0) + totals[cluster_id]
        return sorted(merged, key=merged.__getitem__, reverse=True)[:limit]

    def to_dict(self) -> dict[str, list[str]]:
        return {term: list(ids) for term, ids in self._postings.items()}
