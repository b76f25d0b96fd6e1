"""Feature templates hashed into one weight vector: the linear models' feature space.

A template names the columns whose values it conjoins ("lemma and the word after it"); each
row's values are hashed with the template's number into an index of a ``2 ** HASH_BITS``
vector. Every template is hashed at once, in five numpy calls per article: on arrays this
small a numpy call costs far more than the arithmetic it does, so the calls are what counts.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

HASH_BITS = 20
_MASK = (1 << 40) - 1
_PRIME = 1_000_033
_KEEP = (1 << HASH_BITS) - 1


class Templates:
    """Templates compiled once: the columns they read and the hash's coefficients."""

    def __init__(self, templates: tuple[tuple[str, ...], ...], first_id: int = 1) -> None:
        """``first_id`` numbers the templates on from another set's, so that the two can share
        one weight vector side by side."""
        self.templates = templates
        self.names = sorted({name for template in templates for name in template})
        self._width = max(len(template) for template in templates)
        # The hash is ``value = (value * _PRIME + column) & _MASK`` per slot, from the template's
        # number, over ``width`` slots (an empty slot adds 0). Only its low HASH_BITS are kept,
        # and ``_MASK`` keeps more, so it is the polynomial ``id * P**width + sum of column *
        # P**(width - 1 - slot)`` taken mod ``2 ** HASH_BITS``: a gather, a multiply and a sum.
        powers = [pow(_PRIME, self._width - 1 - slot, 1 << HASH_BITS) for slot in range(self._width)]
        self._coefficients = np.array(
            [[powers[slot] if slot < len(t) else 0 for t in templates] for slot in range(self._width)], np.int64
        )  # (slots, templates); 0 in an empty slot, which reads any column
        base = pow(_PRIME, self._width, 1 << HASH_BITS)
        self._base = np.arange(first_id, first_id + len(templates), dtype=np.int64) * base & _KEEP
        self._positions = self.positions(self.names)

    def __repr__(self) -> str:
        return f"Templates({len(self.templates)} templates over {len(self.names)} columns)"

    def __len__(self) -> int:
        return len(self.templates)

    def positions(self, columns: Sequence[str]) -> np.ndarray:
        """(slots, templates) positions in a table whose columns are ``columns`` (a superset
        of ``names``), for ``table_indices``; an empty slot reads column 0."""
        position = {name: number for number, name in enumerate(columns)}
        return np.array(
            [[position[t[slot]] if slot < len(t) else 0 for t in self.templates] for slot in range(self._width)],
            np.intp,
        )

    def indices(self, columns: dict[str, np.ndarray], rows: int) -> np.ndarray:
        """(rows, templates) weight indices; ``columns`` maps each name to ``rows`` integers."""
        matrix = np.array([columns[name] for name in self.names], np.int64).reshape(len(self.names), rows)
        return self.table_indices(matrix.T, self._positions)

    def table_indices(self, table: np.ndarray, positions: np.ndarray) -> np.ndarray:
        """``indices`` of a (rows, columns) integer table, its columns placed by ``positions``."""
        # In C order whatever the table's: callers sum weights along rows, and the order of a
        # float sum is part of its result.
        value = np.multiply(table[:, positions], self._coefficients, order="C").sum(axis=1)
        value += self._base
        value &= _KEEP
        return value
