"""MinHash signatures and a banded LSH index, in numpy.

The same scheme as datasketch's ``MinHash``/``MinHashLSH`` (universal hashing modulo the
Mersenne prime 2**61 - 1, bands of ``rows`` values), written here because importing
datasketch pulls in scipy: 1.5 s of start-up, more than a whole five-article report may take.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import numpy as np

_PRIME = np.uint64((1 << 61) - 1)
_MAX_HASH = np.uint64((1 << 32) - 1)


class MinHasher:
    """``num_perm`` seeded hash permutations; ``signature`` of a set of 32-bit integers."""

    def __init__(self, num_perm: int = 128, seed: int = 1) -> None:
        rng = np.random.RandomState(seed)
        self.num_perm = num_perm
        self._a = rng.randint(1, (1 << 61) - 1, size=num_perm, dtype=np.uint64)
        self._b = rng.randint(0, (1 << 61) - 1, size=num_perm, dtype=np.uint64)

    def __repr__(self) -> str:
        return f"MinHasher(num_perm={self.num_perm})"

    def signature(self, values: Iterable[int]) -> np.ndarray:
        hashed = np.fromiter((v & 0xFFFFFFFF for v in values), dtype=np.uint64)
        if hashed.size == 0:
            return np.full(self.num_perm, _MAX_HASH, dtype=np.uint64)
        with np.errstate(over="ignore"):  # wrap-around multiplication is part of the hash family
            permuted = (np.outer(hashed, self._a) + self._b) % _PRIME
        return np.bitwise_and(permuted, _MAX_HASH).min(axis=0)


class LSHIndex:
    """Banded LSH: two signatures that agree on all ``rows`` values of any band are candidates."""

    def __init__(self, num_perm: int = 128, rows: int = 2) -> None:
        self.rows = rows
        self.bands = num_perm // rows
        self._buckets: list[dict[bytes, list[int]]] = [defaultdict(list) for _ in range(self.bands)]

    def __repr__(self) -> str:
        return f"LSHIndex(bands={self.bands}, rows={self.rows})"

    def _keys(self, signature: np.ndarray) -> list[bytes]:
        return [signature[b * self.rows : (b + 1) * self.rows].tobytes() for b in range(self.bands)]

    def insert(self, key: int, signature: np.ndarray) -> None:
        for bucket, band_key in zip(self._buckets, self._keys(signature)):
            bucket[band_key].append(key)

    def query(self, signature: np.ndarray) -> set[int]:
        found: set[int] = set()
        for bucket, band_key in zip(self._buckets, self._keys(signature)):
            found.update(bucket.get(band_key, ()))
        return found
