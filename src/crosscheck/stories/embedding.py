"""Dense article vectors from WordLlama's token embeddings, pooled by us for speed.

WordLlama (``wordllama`` 0.4.0.post1) ships one model, ``l2_supercat`` at 256 dimensions: a
table of Llama-2 token vectors to be averaged. Its own ``embed`` pads every batch to its
longest text, which costs more than the rest of clustering; here each distinct word is
tokenised once and cached, and an article's vector is the mean of its first ``max_words``
words' token vectors, as WordLlama's average pooling would give.

The weights and the tokenizer are read straight from the files the package ships, without
importing ``wordllama`` (which pulls in pydantic and requests: ~0.25 s of a cold start); the
table stays float16 and only the rows a text uses are widened, to the same float32 values.
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import re
from functools import cache
from pathlib import Path

import numpy as np

_WORD = re.compile(r"\w+(?:['’-]\w+)*")
_WEIGHTS = "weights/l2_supercat_256.safetensors"
_TOKENIZER = "tokenizers/l2_supercat_tokenizer_config.json"
_BATCH = 256


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
        documents = [[m.group() for m in itertools.islice(_WORD.finditer(text), self.max_words)] for text in texts]
        self._tokenize({word for words in documents for word in words})
        token_ids = self._token_ids
        ids = [[i for word in words for i in token_ids[word]] for words in documents]
        vectors = np.zeros((len(texts), table.shape[1]), dtype=np.float32)
        for start in range(0, len(ids), _BATCH):
            vectors[start : start + _BATCH] = _mean_rows(table, ids[start : start + _BATCH])
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return vectors / norms

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
            self._table, self._tokenizer = _model()
        return self._table


def _mean_rows(table: np.ndarray, ids: list[list[int]]) -> np.ndarray:
    """Mean table row per id list, widened to float32 in one gather: row by row, widening float16
    costs more than the rest of embedding."""
    means = np.zeros((len(ids), table.shape[1]), dtype=np.float32)
    lengths = np.array([len(row) for row in ids])
    filled = lengths > 0
    if filled.any():
        rows = table[[i for row in ids for i in row]].astype(np.float32)
        starts = np.concatenate(([0], np.cumsum(lengths[filled])[:-1]))
        means[filled] = np.add.reduceat(rows, starts, axis=0) / lengths[filled][:, None]
    return means


@cache
def _model() -> tuple[np.ndarray, object]:
    """WordLlama's float16 token table and its tokenizer, read from the package's own files once
    per process, for every embedder."""
    spec = importlib.util.find_spec("wordllama")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError(
            "story clustering with embeddings needs wordllama: pip install wordllama==0.4.0.post1, "
            "or pass embedding=False and lead_embedding=False to StoryClusterer"
        )
    from tokenizers import Tokenizer

    folder = Path(spec.submodule_search_locations[0])
    tokenizer = Tokenizer.from_file(str(folder / _TOKENIZER))
    tokenizer.no_padding()
    return _mapped_tensor(folder / _WEIGHTS, "embedding.weight"), tokenizer


def _mapped_tensor(path: Path, name: str) -> np.ndarray:
    """One float16 tensor of a safetensors file, memory-mapped: only the rows used are read
    (``safetensors``' own loader copies all 16 MB, ~15 ms of a cold start)."""
    with open(path, "rb") as file:
        header_size = int.from_bytes(file.read(8), "little")
        tensor = json.loads(file.read(header_size))[name]
    if tensor["dtype"] != "F16":
        raise ValueError(f"{path}: {name} is {tensor['dtype']}, expected F16")
    begin, _ = tensor["data_offsets"]
    mapped = np.memmap(path, dtype="<f2", mode="r", offset=8 + header_size + begin, shape=tuple(tensor["shape"]))
    return np.asarray(mapped)
