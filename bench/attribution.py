"""Attribution benchmark: speed of find_attributions and the official PolNeAR scores.

    python bench/attribution.py                       # attribution-polnear-dev
    python bench/attribution.py --data DIR --out FILE

Writes one JSON line per document ({"id", "attributions": [{"source", "cue", "content"}]}),
prints elapsed wall and CPU time and sentences/s (attribution alone, then with sentence
splitting), then runs the shared ``score.py`` on the predictions and prints its table.
Goal: the whole language layer >= 3,000 sentences/s on one core (``bench/annotate.py``); the
attributions' share of it is printed here. The shipped cue model is trained on this dev set, so
its scores here are in-sample; ``bench/train_attribution.py`` prints the cross-validated ones.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

from crosscheck.language.attributions import find_attributions
from crosscheck.language.sentences import split_sentences
from crosscheck.model import Span

BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench"
DEFAULT_DATA = BENCH / "data" / "attribution-polnear-dev"
DEFAULT_OUT = Path(__file__).resolve().parent / "out" / "attribution-polnear.jsonl"


def _pair(span: Span | None) -> list[int] | None:
    return None if span is None else [span.start, span.end]


def run(data: Path, out: Path) -> None:
    if not (data / "docs").is_dir():
        sys.exit(
            f"error: no benchmark documents in {data}/docs. The bench kit lives in ../shared/bench "
            "next to this checkout; pass --data DIR to point at a converted attribution folder."
        )
    paths = sorted((data / "docs").glob("*.txt"))
    texts = [(path.stem, path.read_text(encoding="utf-8")) for path in paths]

    split_started = time.perf_counter()
    sentences = [split_sentences(text) for _, text in texts]
    split_elapsed = time.perf_counter() - split_started
    n_sentences = sum(len(s) for s in sentences)

    started, cpu_started = time.perf_counter(), time.process_time()
    results = [find_attributions(text, spans) for (_, text), spans in zip(texts, sentences)]
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started

    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as handle:
        for (doc_id, _), attributions in zip(texts, results):
            rows = [
                {"source": _pair(a.source), "cue": _pair(a.cue), "content": _pair(a.content)}
                for a in attributions
            ]
            handle.write(json.dumps({"id": doc_id, "attributions": rows}) + "\n")

    n_found = sum(len(r) for r in results)
    print(f"{len(texts)} documents, {n_sentences} sentences, {n_found} attributions -> {out}")
    print(
        f"attributions: {elapsed:.2f} s wall, {n_sentences / elapsed:,.0f} sentences/s; "
        f"{cpu:.2f} s CPU, {n_sentences / cpu:,.0f} sentences/s (CPU time ignores other load)"
    )
    print(
        f"with sentence splitting: {elapsed + split_elapsed:.2f} s, "
        f"{n_sentences / (elapsed + split_elapsed):,.0f} sentences/s"
    )
    score = BENCH / "score.py"
    if not score.is_file():
        sys.exit(f"error: {score} not found; cannot score (predictions are in {out})")
    if data == DEFAULT_DATA:
        print("in-sample: the cue model was trained on these documents (held-out figures: bench/train_attribution.py)")
    sys.stdout.flush()  # our lines before the scorer's table when output is piped
    command = [sys.executable, str(score), "attribution", "--gold", str(data), "--pred", str(out)]
    scored = subprocess.run(command)
    if scored.returncode:
        sys.exit(f"error: score.py failed (exit {scored.returncode}); predictions are in {out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="a converted attribution folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write predictions")
    args = parser.parse_args()
    if args.data == DEFAULT_DATA and not BENCH.is_dir():
        sys.exit(f"error: {BENCH} is absent; check out the shared bench kit next to this repository")
    run(args.data, args.out)


if __name__ == "__main__":
    main()
