"""Joining topics by how their stories open: stories that are each other's closest match.

Two reports of one *kind* of event (two prison escapes, two deaths of film stars) share few
names and not many words, so TF-IDF links them weakly; but their opening sentences say the same
kind of thing, which a word-embedding average of the lead catches. Raw averages of news text
all point the same way, so each story's mean lead vector is taken relative to the mean of
every article seen (centred) before cosines are compared. Two stories that are each other's
nearest neighbour, above a floor, belong to one topic: a mutual choice, which a single
lookalike story cannot force on a crowd.

The stories' mean lead vectors are rows of one matrix kept as stories grow and merge, so a
look-up is two matrix-vector products, not a restacking of every story's vector: the centre
moves with each article, and cosines about it are expanded so that the rows need not change.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np


class LeadIndex:
    """Story id -> the mean of its articles' lead vectors, as rows of one growing matrix."""

    def __init__(self) -> None:
        self._ids: list[str] = []
        self._row_of: dict[str, int] = {}
        self._means = np.zeros((0, 0))
        self._squares = np.zeros(0)  # each row's squared norm

    def __repr__(self) -> str:
        return f"LeadIndex(stories={len(self._ids)})"

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, story_id: str) -> bool:
        return story_id in self._row_of

    def set(self, story_id: str, total: np.ndarray, count: int) -> None:
        """Put (or replace) a story's mean lead vector, ``total / count``."""
        mean = np.asarray(total, np.float64) / count
        row = self._row_of.get(story_id)
        if row is None:
            row = len(self._ids)
            if row == len(self._means):
                self._grow(len(mean))
            self._ids.append(story_id)
            self._row_of[story_id] = row
        self._means[row] = mean
        self._squares[row] = mean @ mean

    def _grow(self, dimensions: int) -> None:
        """Double the matrix (at least 16 rows), keeping the rows in use."""
        used = len(self._ids)
        means, squares = np.zeros((max(16, 2 * used), dimensions)), np.zeros(max(16, 2 * used))
        if used:  # the empty start has no width yet
            means[:used], squares[:used] = self._means[:used], self._squares[:used]
        self._means, self._squares = means, squares

    def remove(self, story_id: str) -> None:
        """Forget a story (merged away); the last row takes its place."""
        row = self._row_of.pop(story_id, None)
        if row is None:
            return
        last = len(self._ids) - 1
        if row != last:
            moved = self._ids[last]
            self._ids[row], self._row_of[moved] = moved, row
            self._means[row], self._squares[row] = self._means[last], self._squares[last]
        self._ids.pop()

    def mutual_nearest(
        self, story_ids: Iterable[str], centre: np.ndarray, floor: float
    ) -> list[tuple[str, str, float]]:
        """Pairs ``(a, b, cosine)``, ``a`` among ``story_ids``, whose nearest other story about
        ``centre`` is ``b`` and whose nearest is ``a``, at cosine ``floor`` or more."""
        rows = [self._row_of[story_id] for story_id in story_ids if story_id in self._row_of]
        if not rows or len(self._ids) < 2:
            return []
        centre = np.asarray(centre, np.float64)
        means = self._means[: len(self._ids)]
        # |m_j - c| for every row j from m_j . c, without building the centred matrix.
        squares = self._squares[: len(self._ids)] - 2 * (means @ centre) + centre @ centre
        norms = np.sqrt(np.maximum(squares, 0.0))
        norms[norms == 0] = np.inf  # a story at the centre is nobody's nearest (cosine 0)
        nearest = {row: self._nearest(means, norms, centre, row) for row in rows}
        for partner in {j for j, _ in nearest.values()} - nearest.keys():
            nearest[partner] = self._nearest(means, norms, centre, partner)
        pairs, chosen = [], set(rows)
        for i in rows:
            j, cosine = nearest[i]
            if nearest[j][0] == i and cosine >= floor and (i < j or j not in chosen):
                pairs.append((self._ids[i], self._ids[j], cosine))
        return pairs

    @staticmethod
    def _nearest(means: np.ndarray, norms: np.ndarray, centre: np.ndarray, row: int) -> tuple[int, float]:
        query = means[row] - centre
        cosines = (means @ query - centre @ query) / norms
        cosines[row] = -np.inf
        best = int(cosines.argmax())
        norm = float(np.sqrt(query @ query))
        return best, float(cosines[best]) / norm if norm else 0.0
