"""How alike two statements are, behind one small interface so the model can be swapped.

A backend turns texts into unit vectors; a dot product is their similarity, and ``threshold``
is where that backend's scores start to mean "the same statement". ``WordLlamaBackend`` is the
default (WordLlama's 256-dimension token vectors, averaged); ``LexicalBackend`` needs no
model and is exact and fast, for tests and for machines without wordllama.
"""

from __future__ import annotations

import importlib.util
import zlib
from functools import lru_cache
from typing import Protocol

import numpy as np

from crosscheck.crosssource.text import content_words, stem, words


class SimilarityBackend(Protocol):
    """Texts -> unit row vectors (float32); ``threshold`` is the cosine for "same claim"."""

    threshold: float

    def vectors(self, texts: list[str]) -> np.ndarray: ...


class LexicalBackend:
    """Hashed bags of content-word stems: two statements are alike when they share words."""

    def __init__(self, dimensions: int = 4096, threshold: float = 0.55) -> None:
        self.dimensions = dimensions
        self.threshold = threshold

    def __repr__(self) -> str:
        return f"LexicalBackend(dimensions={self.dimensions}, threshold={self.threshold})"

    def vectors(self, texts: list[str]) -> np.ndarray:
        rows = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in content_words([w.text for w in words(text)]):
                rows[i, zlib.crc32(stem(word).encode()) % self.dimensions] += 1.0
        norms = np.linalg.norm(rows, axis=1, keepdims=True)
        return rows / np.where(norms == 0, 1.0, norms)


class WordLlamaBackend:
    """Mean WordLlama token vectors; the model loads on first use, once per process."""

    def __init__(self, threshold: float = 0.62) -> None:
        self.threshold = threshold

    def __repr__(self) -> str:
        return f"WordLlamaBackend(threshold={self.threshold})"

    def vectors(self, texts: list[str]) -> np.ndarray:
        return _embedder().embed(texts)


@lru_cache(maxsize=1)
def _embedder():  # noqa: ANN202 - the embedder's module is imported only when needed
    from crosscheck.stories.embedding import WordLlamaEmbedder

    return WordLlamaEmbedder(max_words=80)


def default_backend() -> SimilarityBackend:
    """WordLlama when it is installed, else the lexical backend (found, not imported: importing
    wordllama costs ~0.25 s, and its files are read without it)."""
    if importlib.util.find_spec("wordllama") is None:
        return LexicalBackend()
    return WordLlamaBackend()
