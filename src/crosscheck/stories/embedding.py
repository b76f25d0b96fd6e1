"""Dense article vectors from WordLlama's token embeddings, pooled by us for speed.

WordLlama (``wordllama`` 0.4.0.post1) ships one model, ``l2_supercat`` at 256 dimensions: a
table of Llama-2 token vectors to be averaged. Its own ``embed`` pads every batch to its
longest text, which costs more than the rest of clustering; here each distinct word is
tokenised once and cached, and an article's vector is the mean of its first ``max_words``
words' token vectors, as WordLlama's average pooling would give.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np

_WORD = re.compile(r"\w+(?:['’-]\w+)*")


class WordLlamaEmbedder:
    """Unit-length mean WordLlama vectors of texts; the model loads on first use."""

    def __init__(self, max_words: int = 300, cache_size: int = 500_000) -> None:
        self.max_words = max_words
        self.cache_size = cache_size
        self._table: np.ndarray | None = None
        self._tokenizer = None
        self._token_ids: dict[str, tuple[int, ...]] = {}

    def __repr__(self) -> str:
        return f"WordLlamaEmbedder(max_words={self.max_words})"

    @property
    def dimensions(self) -> int:
        return self._load().shape[1]

    def embed(self, texts: list[str]) -> np.ndarray:
        """One unit row per text (float32); a text without words gets a zero row."""
        table = self._load()
        documents = [_WORD.findall(text)[: self.max_words] for text in texts]
        self._tokenize({word for words in documents for word in words})
        vectors = np.zeros((len(texts), table.shape[1]), dtype=np.float32)
        token_ids = self._token_ids
        for row, words in enumerate(documents):
            ids = [i for word in words for i in token_ids[word]]
            if ids:
                vector = table[ids].mean(axis=0)
                vectors[row] = vector / (np.linalg.norm(vector) or 1.0)
        return vectors

    def _tokenize(self, words: set[str]) -> None:
        unseen = [word for word in words if word not in self._token_ids]
        if not unseen:
            return
        if len(self._token_ids) + len(unseen) > self.cache_size:
            self._token_ids.clear()
        size = self._load().shape[0]
        for word, encoding in zip(unseen, self._tokenizer.encode_batch(unseen, add_special_tokens=False)):
            self._token_ids[word] = tuple(i for i in encoding.ids if 0 <= i < size)

    def _load(self) -> np.ndarray:
        if self._table is None:
            try:
                import wordllama
            except ImportError as error:
                raise ImportError(
                    "story clustering with embeddings needs wordllama: pip install wordllama==0.4.0.post1, "
                    "or pass embedder=None to StoryClusterer"
                ) from error
            model = wordllama.WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)
            model.tokenizer.no_padding()
            self._table, self._tokenizer = model.embedding, model.tokenizer
        return self._table
