"""Ids for the words the cue model knows: forms, crude lemmas, suffixes, and context words.

Id 1 stands for an unknown word, 0 for a position outside the text. Lemma and suffix ids
derive from the word list, the same way at training and use; a model stores them too, so that
loading it does not derive them again (see ``tables``).
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
        lemmas = sorted(set(lemma_of))
        suffix_of = [word[-3:] for word in self.words]
        suffixes = sorted(set(suffix_of))
        lemma_ids = dict(zip(lemmas, count(2)))
        suffix_ids = dict(zip(suffixes, count(2)))
        lemma_numbers = list(map(lemma_ids.__getitem__, lemma_of))
        self._index(lemmas, lemma_numbers, suffixes, list(map(suffix_ids.__getitem__, suffix_of)))

    def _index(self, lemmas: list[str], lemma_of: list[int], suffixes: list[str], suffix_of: list[int]) -> None:
        self._lemma_ids = dict(zip(lemmas, count(2)))
        self._suffix_ids = dict(zip(suffixes, count(2)))
        self._context_ids = dict(zip(self.context, count(2)))
        self._known = dict(zip(self.words, zip(count(2), lemma_of, suffix_of)))

    @classmethod
    def from_tables(cls, tables: dict[str, list]) -> Vocabulary:
        """The vocabulary ``tables`` describes, without deriving any id again."""
        vocabulary = cls.__new__(cls)
        vocabulary.words, vocabulary.context = tables["words"], tables["context"]
        vocabulary._index(tables["lemmas"], tables["lemma_of"], tables["suffixes"], tables["suffix_of"])
        return vocabulary

    def tables(self) -> dict[str, list]:
        """Word lists and each word's lemma and suffix ids: what ``from_tables`` reads."""
        known = [self._known[word] for word in self.words]
        return {
            "words": self.words,
            "context": self.context,
            "lemmas": list(self._lemma_ids),
            "suffixes": list(self._suffix_ids),
            "lemma_of": [ids[1] for ids in known],
            "suffix_of": [ids[2] for ids in known],
        }

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

    def context_table(self) -> dict[str, int]:
        """Context word -> id (absent: ``UNKNOWN``), for callers that look up many words."""
        return self._context_ids
