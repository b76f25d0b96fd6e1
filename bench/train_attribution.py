"""Train the attribution cue model on PolNeAR dev; print cross-validated and full-dev scores.

    python bench/train_attribution.py                 # 4-fold CV, then train on all dev, write the model
    python bench/train_attribution.py --folds 0       # skip CV
    python bench/train_attribution.py --no-save       # CV only

Cross-validation splits documents (stratified by outlet, seeded): each fold's model learns its
vocabulary, lexicon, weights and threshold from the other folds only, and the held-out fold is
scored by the shared ``score.py`` on a gold folder written to a temporary directory. The model
is then trained the same way on every dev document and written to
``src/crosscheck/language/attributions/cue_model.npz``; its full-dev score is printed last
(an in-sample figure: the CV figures are the ones to quote).
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from crosscheck.language.attributions import find_attributions
from crosscheck.language.attributions.candidates import (
    Candidate,
    colon_candidates,
    forced_candidates,
    head_of,
    open_words,
    rule_candidates,
)
from crosscheck.language.attributions.cue_model import MODEL_PATH, CueModel, decode
from crosscheck.language.attributions.features import (
    FIRST_PASS,
    RIVALRY,
    first_pass_features,
    second_pass_features,
)
from crosscheck.language.attributions.frames import find_frames
from crosscheck.language.attributions.source_choice import rival_table
from crosscheck.language.attributions.templates import HASH_BITS
from crosscheck.language.attributions.tokens import Tokens
from crosscheck.language.attributions.vocabulary import Vocabulary
from crosscheck.language.sentences import split_sentences
from crosscheck.model import Span

BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench"
DEFAULT_DATA = BENCH / "data" / "attribution-polnear-dev"

SEED = 0
L2 = 1e-4  # these four chosen by CV (L2 2e-5..3e-4, 3..30 epochs, rates 0.01..0.2)
EPOCHS = 20
LEARNING_RATE = 0.03
BATCH = 8192
INNER_FOLDS = 4
MIN_HEAD_RATE = 0.05  # a word joins the lexicon if it heads a cue this often (unquoted)
MIN_WORD_COUNT = 2
CONTEXT_WORDS = 3000
THRESHOLDS = np.round(np.arange(0.20, 0.61, 0.025), 3)
# Function words never get a forced frame: they head a gold cue too seldom to pay for one.
FUNCTION_WORDS = frozenset(
    """the a an of and or but to in on at for with by from as that this these those it its is
    was are were be been being has have had do does did not no so if than then there their they
    them he she his her him we us our i me my you your who whom whose which what when where why
    how all any some each more most other such only also very just can could will would should
    may might must shall about into over after before up out down off again further once here
    both few own same too""".split()
)


@dataclass
class Doc:
    """One annotated article, tokenised once, with its rule frames and gold cue heads."""

    id: str
    text: str
    gold: list[dict]
    tokens: Tokens
    heads: frozenset[int]
    candidates: list[Candidate]  # for the union of every lexicon a fold may choose


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="a converted attribution folder")
    parser.add_argument("--folds", type=int, default=4, help="cross-validation folds (0: none)")
    parser.add_argument("--no-save", action="store_true", help="do not write the model")
    args = parser.parse_args()
    if not (args.data / "gold.jsonl").is_file():
        sys.exit(f"error: no gold.jsonl in {args.data}; pass --data DIR (a converted attribution-polnear folder)")
    started = time.perf_counter()
    docs = load_docs(args.data)
    print(f"{len(docs)} documents loaded in {time.perf_counter() - started:.1f} s", flush=True)
    if args.folds:
        cross_validate(docs, args.folds)
    if args.no_save:
        return
    model = train(docs)
    model.save(MODEL_PATH)
    print(f"wrote {MODEL_PATH} ({MODEL_PATH.stat().st_size / 1e6:.2f} MB): {model!r}")
    with tempfile.TemporaryDirectory() as folder:
        print("\nfull dev (in-sample):")
        evaluate(CueModel.load(MODEL_PATH), docs, Path(folder))


def load_docs(data: Path) -> list[Doc]:
    """Every document, with candidates forced on each word that heads some gold cue."""
    rows = [json.loads(line) for line in (data / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line]
    prepared = []
    for row in rows:
        text = (data / "docs" / f"{row['id']}.txt").read_text(encoding="utf-8")
        tokens = Tokens(text, split_sentences(text))
        prepared.append((row, text, tokens, gold_heads(tokens, row["attributions"])))
    every_head = frozenset(tokens.lowers[h] for _, _, tokens, heads in prepared for h in heads)
    words = frozenset(w for w in every_head if _may_be_forced(w))
    docs = []
    for row, text, tokens, heads in prepared:
        rule_frames = find_frames(tokens)
        ruled = rule_candidates(tokens, rule_frames)
        found = ruled + forced_candidates(tokens, open_words(tokens, words, {c.head for c in ruled}), rule_frames)
        found += colon_candidates(tokens, found)
        docs.append(Doc(row["id"], text, row["attributions"], tokens, heads, sorted(found, key=_head)))
    return docs


def _head(candidate: Candidate) -> int:
    return candidate.head


def gold_heads(tokens: Tokens, attributions: list[dict]) -> frozenset[int]:
    """The head token of each gold cue (see ``candidates.head_of``)."""
    return frozenset(_by_head(tokens, attributions))


def _by_head(tokens: Tokens, attributions: list[dict]) -> dict[int, dict]:
    found = {}
    for attribution in attributions:
        start, end = attribution["cue"]
        first, stop = bisect_right(tokens.ends, start), bisect_left(tokens.starts, end)
        if stop > first:
            found[head_of(tokens, first, stop - 1)] = attribution
    return found


def _may_be_forced(lower: str) -> bool:
    return len(lower) > 1 and lower[0].isalpha() and lower not in FUNCTION_WORDS


def folds(docs: list[Doc], k: int) -> list[list[int]]:
    """Document indices in ``k`` folds, each outlet spread evenly over them (ids start with the outlet)."""
    rng = random.Random(SEED)
    by_outlet: dict[str, list[int]] = {}
    for number, doc in enumerate(docs):
        by_outlet.setdefault(doc.id.split("_")[0], []).append(number)
    parts: list[list[int]] = [[] for _ in range(k)]
    position = 0
    for outlet in sorted(by_outlet):
        members = by_outlet[outlet][:]
        rng.shuffle(members)
        for number in members:
            parts[position % k].append(number)
            position += 1
    return parts


def cross_validate(docs: list[Doc], k: int) -> None:
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for fold, held in enumerate(folds(docs, k)):
            held_set = set(held)
            train_docs = [doc for number, doc in enumerate(docs) if number not in held_set]
            test_docs = [docs[number] for number in held]
            started = time.perf_counter()
            model = train(train_docs)
            print(f"\nfold {fold + 1}/{k}: trained on {len(train_docs)} docs in {time.perf_counter() - started:.0f} s, "
                  f"{model!r}; scoring {len(test_docs)} held-out docs", flush=True)
            rows.append(evaluate(model, test_docs, Path(folder) / f"fold{fold}"))
    print("\ncross-validation, overlap F1 (P / R):")
    print("fold  cue                    source                 content                quote F1")
    for fold, result in enumerate(rows):
        print(f"{fold + 1:<4}  " + "  ".join(_prf(result[role]["overlap"]) for role in ("cue", "source", "content"))
              + f"  {result['quote']['f1']:.4f}")
    mean = {role: {m: float(np.mean([r[role]["overlap"][m] for r in rows])) for m in ("p", "r", "f1")}
            for role in ("cue", "source", "content")}
    print("mean  " + "  ".join(_prf(mean[role]) for role in ("cue", "source", "content"))
          + f"  {np.mean([r['quote']['f1'] for r in rows]):.4f}", flush=True)


def _prf(values: dict[str, float]) -> str:
    return f"{values['f1']:.4f} ({values['p']:.3f}/{values['r']:.3f})"


def train(docs: list[Doc]) -> CueModel:
    """Vocabulary, lexicon, both passes and the threshold, from ``docs`` alone."""
    vocabulary = build_vocabulary(docs)
    lexicon = build_lexicon(docs)
    inner = np.arange(len(docs)) % INNER_FOLDS
    first_rows = [_first_pass(doc, vocabulary, lexicon) for doc in docs]
    labels = [y for _, _, _, y in first_rows]
    first_weights = fit(np.concatenate([x for _, x, _, _ in first_rows]), np.concatenate(labels))
    # Second-pass training needs first-pass scores the first pass did not see: cross-fitted.
    first_scores: list[np.ndarray] = [np.zeros(0)] * len(docs)
    for part in range(INNER_FOLDS):
        seen = [number for number in range(len(docs)) if inner[number] != part]
        weights = fit(np.concatenate([first_rows[n][1] for n in seen]), np.concatenate([labels[n] for n in seen]))
        for number in np.flatnonzero(inner == part):
            first_scores[number] = _sigmoid(weights[first_rows[number][1]].sum(axis=1))
    second_rows = [
        _second_pass(doc, cands, first, columns, scores)
        for doc, (cands, first, columns, _), scores in zip(docs, first_rows, first_scores)
    ]
    second_weights = fit(np.concatenate(second_rows), np.concatenate(labels))
    threshold = choose_threshold(docs, first_rows, first_scores, second_rows, labels, inner)
    source_weights = train_sources(docs, vocabulary)
    return CueModel(vocabulary, lexicon, first_weights, second_weights, source_weights, threshold)


def train_sources(docs: list[Doc], vocabulary: Vocabulary) -> np.ndarray:
    """Source-choice weights, from the candidate frame of every gold cue whose source a rival finds."""
    features, labels = [], []
    for doc in docs:
        gold = _by_head(doc.tokens, doc.gold)
        kept = [candidate for candidate in doc.candidates if candidate.head in gold]
        if not kept:
            continue
        phrases, owners, table = rival_table(doc.tokens, kept, vocabulary)
        right = np.array(
            [_same_source(doc.tokens, phrase, gold[kept[owner].head]["source"]) for phrase, owner in zip(phrases, owners)],
            float,
        )
        owners = np.array(owners)
        learnable = np.isin(owners, owners[right > 0])  # a cue none of whose rivals is right teaches nothing
        features.append(table[learnable])
        labels.append(right[learnable])
    return fit(np.concatenate(features), np.concatenate(labels))


def _same_source(tokens: Tokens, span: tuple[int, int] | None, gold: list[int] | None) -> bool:
    """Whether a rival source shares text with the gold source (or both are absent)."""
    if span is None or gold is None:
        return span is None and gold is None
    return max(tokens.starts[span[0]], gold[0]) < min(tokens.ends[span[1]], gold[1])


def build_vocabulary(docs: list[Doc]) -> Vocabulary:
    counts = Counter(lower for doc in docs for lower in doc.tokens.lowers)
    words = sorted(word for word, count in counts.items() if count >= MIN_WORD_COUNT)
    context = sorted(word for word, _ in counts.most_common(CONTEXT_WORDS))
    return Vocabulary(words, context)


def build_lexicon(docs: list[Doc]) -> frozenset[str]:
    """Words that head a gold cue in at least ``MIN_HEAD_RATE`` of their unquoted uses."""
    heads: Counter[str] = Counter(doc.tokens.lowers[h] for doc in docs for h in doc.heads)
    uses: Counter[str] = Counter()
    for doc in docs:  # every unquoted use, in documents before a word's first gold head too
        lowers, quoted = doc.tokens.lowers, doc.tokens.quoted
        uses.update(lower for lower, inside in zip(lowers, quoted) if not inside and lower in heads)
    return frozenset(
        word for word, count in heads.items()
        if _may_be_forced(word) and count / max(uses[word], count) >= MIN_HEAD_RATE
    )


def _first_pass(doc: Doc, vocabulary: Vocabulary, lexicon: frozenset[str]):
    lowers = doc.tokens.lowers
    candidates = [c for c in doc.candidates if c.kind.startswith(("rule:", "colon")) or lowers[c.head] in lexicon]
    if not candidates:
        empty = np.zeros((0, len(FIRST_PASS)), np.int64)
        return candidates, empty, {}, np.zeros(0)
    first, columns = first_pass_features(doc.tokens, candidates, vocabulary)
    labels = np.array([c.head in doc.heads for c in candidates], np.float64)
    return candidates, first, columns, labels


def _second_pass(doc: Doc, candidates: list[Candidate], first: np.ndarray, columns: dict, scores: np.ndarray):
    if not candidates:
        return np.zeros((0, len(FIRST_PASS) + len(RIVALRY)), np.int64)
    return second_pass_features(candidates, first, columns, scores)


def choose_threshold(docs, first_rows, first_scores, second_rows, labels, inner) -> float:
    """The threshold with the best cue F1 on cross-fitted second-pass scores of ``docs``."""
    held_scores: list[np.ndarray] = [np.zeros(0)] * len(docs)
    for part in range(INNER_FOLDS):
        seen = [number for number in range(len(docs)) if inner[number] != part]
        weights = fit(np.concatenate([second_rows[n] for n in seen]), np.concatenate([labels[n] for n in seen]))
        for number in np.flatnonzero(inner == part):
            held_scores[number] = _sigmoid(weights[second_rows[number]].sum(axis=1))
    best, best_f1 = float(THRESHOLDS[0]), -1.0
    for threshold in THRESHOLDS:
        matched = predicted = gold = 0
        for doc, (candidates, _, _, _), scores in zip(docs, first_rows, held_scores):
            kept = decode(candidates, scores, float(threshold))
            matched += _matched_cues(doc, kept)
            predicted += len(kept)
            gold += len(doc.gold)
        f1 = 2 * matched / (predicted + gold) if predicted + gold else 0.0
        if f1 > best_f1:
            best, best_f1 = float(threshold), f1
    return best


def _matched_cues(doc: Doc, kept: list[Candidate]) -> int:
    """Gold cues sharing a token with a predicted cue, one to one (greedy, as ``score.py``)."""
    tokens = doc.tokens
    gold = []
    for attribution in doc.gold:
        start, end = attribution["cue"]
        gold.append(set(range(bisect_right(tokens.ends, start), bisect_left(tokens.starts, end))))
    cues = [set(range(c.frame.cue[0], c.frame.cue[1] + 1)) for c in kept]
    pairs = sorted((-len(g & cue), i, j) for i, g in enumerate(gold) for j, cue in enumerate(cues) if g & cue)
    used_gold, used_pred = set(), set()
    for _, i, j in pairs:
        if i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
    return len(used_gold)


def fit(features: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """L2-regularised logistic regression over hashed indices: minibatch Adam, lazy updates."""
    rng = np.random.default_rng(SEED)
    size = 1 << HASH_BITS
    weights, first_moment, second_moment = np.zeros(size), np.zeros(size), np.zeros(size)
    n = len(labels)
    for _ in range(EPOCHS):
        order = rng.permutation(n)
        for start in range(0, n, BATCH):
            batch = order[start : start + BATCH]
            rows = features[batch]
            error = _sigmoid(weights[rows].sum(axis=1)) - labels[batch]
            used, inverse = np.unique(rows, return_inverse=True)
            gradient = np.bincount(inverse.ravel(), np.repeat(error, rows.shape[1]), len(used)) / len(batch)
            gradient += L2 * weights[used]
            first_moment[used] = 0.9 * first_moment[used] + 0.1 * gradient
            second_moment[used] = 0.999 * second_moment[used] + 0.001 * gradient**2
            weights[used] -= LEARNING_RATE * first_moment[used] / (np.sqrt(second_moment[used]) + 1e-8)
    return weights


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def evaluate(model: CueModel, docs: list[Doc], folder: Path) -> dict:
    """Write ``docs`` as a gold folder and the model's predictions, run ``score.py``, return its JSON."""
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    with (folder / "gold.jsonl").open("w", encoding="utf-8") as gold, (folder / "meta.jsonl").open("w") as meta, \
            (folder / "pred.jsonl").open("w", encoding="utf-8") as pred:
        for doc in docs:
            (folder / "docs" / f"{doc.id}.txt").write_text(doc.text, encoding="utf-8")
            gold.write(json.dumps({"id": doc.id, "attributions": doc.gold}) + "\n")
            meta.write(json.dumps({"id": doc.id, "published": None}) + "\n")
            found = find_attributions(doc.text, None, model)
            rows = [{"source": _pair(a.source), "cue": _pair(a.cue), "content": _pair(a.content)} for a in found]
            pred.write(json.dumps({"id": doc.id, "attributions": rows}) + "\n")
    command = [sys.executable, str(BENCH / "score.py"), "attribution", "--gold", str(folder),
               "--pred", str(folder / "pred.jsonl")]
    scored = subprocess.run(command, capture_output=True, text=True, check=True)
    table, _, headline = scored.stdout.rstrip().rpartition("\n")
    print(table, flush=True)
    return json.loads(headline)


def _pair(span: Span | None) -> list[int] | None:
    return None if span is None else [span.start, span.end]


if __name__ == "__main__":
    main()
