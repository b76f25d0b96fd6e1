"""The learned layer over the rules: which candidate cues are attributions, and their sources.

Two logistic regressions over hashed features (see ``features``): the first scores each
candidate alone, the second again with the first's scores of its rivals, since annotators
rarely mark a cue inside another attribution's content. Candidates above the threshold are
kept, best first, unless their cue overlaps one already kept. A third scores the rival source
phrases of each kept cue (see ``source_choice``). The weights are trained on PolNeAR by
``bench/train_attribution.py`` and ship as ``cue_model.npz``.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from crosscheck.language.attributions.candidates import (
    Candidate,
    colon_candidates,
    forced_candidates,
    open_words,
    rule_candidates,
)
from crosscheck.language.attributions.features import first_pass_features, second_pass_features
from crosscheck.language.attributions.frame import Frame
from crosscheck.language.attributions.source_choice import may_have_source, rival_table
from crosscheck.language.attributions.templates import HASH_BITS
from crosscheck.language.attributions.tokens import Tokens
from crosscheck.language.attributions.vocabulary import Vocabulary

MODEL_PATH = Path(__file__).with_name("cue_model.npz")


@dataclass
class CueModel:
    """Weights of both passes and of the source choice, the words that become candidates, and
    the decision threshold."""

    vocabulary: Vocabulary
    lexicon: frozenset[str]
    first_weights: np.ndarray
    second_weights: np.ndarray
    source_weights: np.ndarray
    threshold: float

    def __repr__(self) -> str:
        return (
            f"CueModel(words={len(self.vocabulary.words)}, lexicon={len(self.lexicon)}, "
            f"threshold={self.threshold})"
        )

    def candidates(self, tokens: Tokens, rule_frames: list[Frame]) -> list[Candidate]:
        """Every rule frame, a forced frame for each other unquoted lexicon word, and colon cues."""
        found = rule_candidates(tokens, rule_frames)
        heads = open_words(tokens, self.lexicon, {candidate.head for candidate in found})
        found += forced_candidates(tokens, heads, rule_frames)
        found += colon_candidates(tokens, found)
        return sorted(found, key=_head)

    def scores(self, tokens: Tokens, candidates: list[Candidate]) -> np.ndarray:
        """The second pass's probability that each candidate is an annotated cue."""
        if not candidates:
            return np.zeros(0)
        first, columns = first_pass_features(tokens, candidates, self.vocabulary)
        first_scores = _sigmoid(self.first_weights[first].sum(axis=1))
        second = second_pass_features(candidates, first, columns, first_scores)
        return _sigmoid(self.second_weights[second].sum(axis=1))

    def select(self, tokens: Tokens, rule_frames: list[Frame]) -> list[Frame]:
        """The frames whose cues the model keeps, with their chosen sources, in text order."""
        candidates = self.candidates(tokens, rule_frames)
        kept = decode(candidates, self.scores(tokens, candidates), self.threshold)
        return self.with_sources(tokens, kept)

    def with_sources(self, tokens: Tokens, kept: list[Candidate]) -> list[Frame]:
        """Each kept frame with the best-scored of its rival sources, or none where the cue gives
        its subject no voice (a hedge, a passive: ``may_have_source``)."""
        if not kept:
            return []
        rivals, owners, features = rival_table(tokens, kept, self.vocabulary)
        scores = self.source_weights[features].sum(axis=1).tolist()
        best: dict[int, int] = {}  # kept candidate -> its best rival's row
        for row, owner in enumerate(owners):
            if owner not in best or scores[row] > scores[best[owner]]:
                best[owner] = row
        frames = []
        for number, candidate in enumerate(kept):
            frame, source = candidate.frame, rivals[best[number]]
            if not may_have_source(tokens, frame, source):
                source = None
            frames.append(Frame(frame.cue, frame.content, source, frame.order))
        return frames

    def save(self, path: Path) -> None:
        weights = {"first": self.first_weights, "second": self.second_weights, "source": self.source_weights}
        sparse = {}
        for name, vector in weights.items():
            index = np.flatnonzero(vector)
            # Gaps between sorted indices are small: stored as uint16 they compress to a third.
            gaps = np.diff(index, prepend=0)
            sparse[f"{name}_gaps"] = gaps.astype(np.uint16 if gaps.max(initial=0) < 1 << 16 else np.int32)
            sparse[f"{name}_value"] = vector[index].astype(np.float16)
        tables = self.vocabulary.tables()
        arrays = {
            **{name: np.array("\n".join(tables[name])) for name in ("words", "context", "lemmas", "suffixes")},
            **{name: np.array(tables[name], np.int32) for name in ("lemma_of", "suffix_of")},
            "lexicon": np.array("\n".join(sorted(self.lexicon))),
            "threshold": np.array(self.threshold),
            **sparse,
        }
        _write_npz(path, arrays)

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> CueModel:
        with np.load(path) as stored:
            tables = {name: str(stored[name]).split("\n") for name in ("words", "context", "lemmas", "suffixes")}
            tables.update({name: stored[name].tolist() for name in ("lemma_of", "suffix_of")})
            return cls(
                vocabulary=Vocabulary.from_tables(tables),
                lexicon=frozenset(str(stored["lexicon"]).split("\n")),
                first_weights=_dense(stored["first_gaps"], stored["first_value"]),
                second_weights=_dense(stored["second_gaps"], stored["second_value"]),
                source_weights=_dense(stored["source_gaps"], stored["source_value"]),
                threshold=float(stored["threshold"]),
            )


def _head(candidate: Candidate) -> int:
    return candidate.head


@cache
def default_model() -> CueModel:
    """The shipped model, loaded once per process."""
    return CueModel.load()


def decode(candidates: list[Candidate], scores: np.ndarray, threshold: float) -> list[Candidate]:
    """Candidates above ``threshold``, best first, skipping any whose cue overlaps a kept one;
    returned in text order. A word the rules did not frame is dropped when it lies in the
    source of a kept rule cue: "People familiar with the talks said" is one speaker, not two
    attributions (cross-validated cue F1 +0.001: 156 dropped on PolNeAR dev, 37 of them gold)."""
    taken: set[int] = set()
    kept = []
    above = np.flatnonzero(scores > threshold)
    for number in above[np.argsort(-scores[above], kind="stable")].tolist():
        first, last = candidates[number].frame.cue
        cue = range(first, last + 1)
        if taken.isdisjoint(cue):
            taken.update(cue)
            kept.append(candidates[number])
    in_sources: set[int] = set()
    for candidate in kept:
        source = candidate.frame.source
        if source is not None and candidate.kind.startswith("rule:"):
            in_sources.update(range(source[0], source[1] + 1))
    if in_sources:
        kept = [c for c in kept if c.head not in in_sources or c.kind.startswith("rule:")]
    return sorted(kept, key=lambda candidate: candidate.frame.cue[0])


def _write_npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """``np.savez_compressed`` with fixed timestamps: the same weights give the same bytes, so
    the committed model changes only when the model does."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, array in arrays.items():
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, np.asanyarray(array), allow_pickle=False)
            entry = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, buffer.getvalue())


def _dense(gaps: np.ndarray, value: np.ndarray) -> np.ndarray:
    weights = np.zeros(1 << HASH_BITS, np.float32)
    weights[np.cumsum(gaps, dtype=np.int64)] = value
    return weights


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))
