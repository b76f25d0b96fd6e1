"""Ids for the words the cue model knows: forms, crude lemmas, suffixes, and context words.

Id 1 stands for an unknown word, 0 for a position outside the text. Only the word lists are
stored with a model; lemma and suffix ids derive from them, the same way at training and use.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import count

UNKNOWN = 1


def crude_lemma(lower: str) -> str:
    """Strip -s, -ed, -ing, -d: "backed", "backing", "backs" all become "back"."""
    if len(lower) > 4:
        if lower.endswith(("ies", "ied")):
            return lower[:-3] + "y"
        if lower.endswith("ing"):
            return lower[:-3]
        if lower.endswith("ed"):
            return lower[:-2]
        if lower.endswith("es") and lower[-3] in "sxz":
            return lower[:-2]
    if len(lower) > 3 and lower.endswith("s") and not lower.endswith("ss"):
        return lower[:-1]
    if len(lower) > 3 and lower.endswith("ed"):
        return lower[:-1]
    return lower


@dataclass
class Vocabulary:
    """``words`` (forms seen at least twice in training) and ``context`` (the commonest forms)."""

    words: list[str]
    context: list[str]
    _lemma_ids: dict[str, int] = field(init=False, repr=False)
    _suffix_ids: dict[str, int] = field(init=False, repr=False)
    _context_ids: dict[str, int] = field(init=False, repr=False)
    _known: dict[str, tuple[int, int, int]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        lemma_of = list(map(crude_lemma, self.words))
        self._lemma_ids = dict(zip(sorted(set(lemma_of)), count(2)))
        suffix_of = [word[-3:] for word in self.words]
        self._suffix_ids = dict(zip(sorted(set(suffix_of)), count(2)))
        self._context_ids = dict(zip(self.context, count(2)))
        ids = zip(count(2), map(self._lemma_ids.__getitem__, lemma_of), map(self._suffix_ids.__getitem__, suffix_of))
        self._known = dict(zip(self.words, ids))

    def __repr__(self) -> str:
        return f"Vocabulary({len(self.words)} words, {len(self.context)} context words)"

    def ids(self, lower: str) -> tuple[int, int, int]:
        """Word, lemma and suffix ids of a lower-cased form."""
        known = self._known.get(lower)
        if known is not None:
            return known
        return (
            UNKNOWN,
            self._lemma_ids.get(crude_lemma(lower), UNKNOWN),
            self._suffix_ids.get(lower[-3:], UNKNOWN),
        )

    def context_id(self, lower: str) -> int:
        return self._context_ids.get(lower, UNKNOWN)
