"""Disjoint sets (union-find): how passages, wire groups, claims and quantities are grouped."""

from __future__ import annotations


class DisjointSets:
    """Items ``0 .. size-1``, each in one set; joining two sets keeps the smaller root, so a
    set's root is its first item."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        parent = self.parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, a: int, b: int) -> int:
        """Join the sets of ``a`` and ``b``; returns the root of the joined set."""
        ra, rb = self.find(a), self.find(b)
        root, other = min(ra, rb), max(ra, rb)
        self.parent[other] = root
        return root

    def groups(self) -> dict[int, list[int]]:
        """Root -> the items of its set, in order."""
        found: dict[int, list[int]] = {}
        for item in range(len(self.parent)):
            found.setdefault(self.find(item), []).append(item)
        return found
