"""Feature templates hashed into one weight vector: the linear models' feature space.

A template names the columns whose values it conjoins ("lemma and the word after it"); each
row's values are hashed with the template's number into an index of a ``2 ** HASH_BITS``
vector. Every template is hashed at once, one numpy step per template slot, so a whole
article costs a dozen numpy calls.
"""

from __future__ import annotations

import numpy as np

HASH_BITS = 20
_MASK = (1 << 40) - 1
_PRIME = 1_000_033


class Templates:
    """Templates compiled once: the columns they read and a padded table of their positions."""

    def __init__(self, templates: tuple[tuple[str, ...], ...], first_id: int = 1) -> None:
        """``first_id`` numbers the templates on from another set's, so that the two can share
        one weight vector side by side."""
        self.templates = templates
        self.names = sorted({name for template in templates for name in template})
        position = {name: number + 1 for number, name in enumerate(self.names)}  # 0: a column of zeros
        width = max(len(template) for template in templates)
        self._table = np.array([[position[n] for n in t] + [0] * (width - len(t)) for t in templates])
        self._ids = np.arange(first_id, first_id + len(templates), dtype=np.int64)

    def __repr__(self) -> str:
        return f"Templates({len(self.templates)} templates over {len(self.names)} columns)"

    def __len__(self) -> int:
        return len(self.templates)

    def indices(self, columns: dict[str, np.ndarray], rows: int) -> np.ndarray:
        """(rows, templates) weight indices; ``columns`` maps each name to ``rows`` integers."""
        matrix = np.zeros((rows, len(self.names) + 1), np.int64)
        matrix[:, 1:] = np.column_stack([columns[name] for name in self.names])
        value = self._ids
        for slot in self._table.T:
            value = (value * _PRIME + matrix[:, slot]) & _MASK
        return value & ((1 << HASH_BITS) - 1)
