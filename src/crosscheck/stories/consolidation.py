"""Joining topics by how their stories open: stories that are each other's closest match.

Two reports of one *kind* of event (two prison escapes, two deaths of film stars) share few
names and not many words, so TF-IDF links them weakly; but their opening sentences say the same
kind of thing, which a word-embedding average of the lead catches. Raw averages of news text
all point the same way, so each story's mean lead vector is taken relative to the mean of
every article seen (centred) before cosines are compared. Two stories that are each other's
nearest neighbour, above a floor, belong to one topic: a mutual choice, which a single
lookalike story cannot force on a crowd.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

_BLOCK = 1024


def mutual_nearest(vectors: np.ndarray, rows: Sequence[int], floor: float) -> list[tuple[int, int, float]]:
    """Pairs ``(i, j, cosine)`` with ``i`` in ``rows`` whose nearest other row is ``j`` and
    whose nearest is ``i``, cosine at least ``floor``; ``vectors`` must be unit rows."""
    if len(vectors) < 2:
        return []
    nearest = _nearest(vectors, list(rows))
    partners = sorted({j for j, _ in nearest.values()} - nearest.keys())
    nearest.update(_nearest(vectors, partners))
    pairs = []
    for i in rows:
        j, cosine = nearest[i]
        if nearest[j][0] == i and cosine >= floor and (i < j or j not in rows):
            pairs.append((i, j, cosine))
    return pairs


def centred_units(sums: np.ndarray, counts: np.ndarray, centre: np.ndarray) -> np.ndarray:
    """Unit rows of ``sums / counts - centre`` (a zero row stays zero)."""
    rows = sums / counts[:, None] - centre
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return rows / norms


def _nearest(vectors: np.ndarray, rows: list[int]) -> dict[int, tuple[int, float]]:
    found: dict[int, tuple[int, float]] = {}
    for start in range(0, len(rows), _BLOCK):
        block = rows[start : start + _BLOCK]
        cosines = vectors[block] @ vectors.T
        cosines[np.arange(len(block)), block] = -np.inf
        best = cosines.argmax(axis=1)
        for row, j, cosine in zip(block, best, cosines[np.arange(len(block)), best]):
            found[row] = (int(j), float(cosine))
    return found
