"""Time-expression tagging: speed and TempEval-3 scores on a benchmark folder.

    python bench/timex.py                                  # timex-tbaq dev split
    python bench/timex.py --data DIR --out preds.jsonl     # any folder written by convert.py

Runs ``crosscheck.language.times.tag_times`` over ``DIR/docs/*.txt`` with each document's
``published`` date from ``DIR/meta.jsonl``, writes predictions as JSONL, prints the speed (CPU
time of the fastest of ``--repeat`` runs, so other processes on the machine do not count) and
then the output of the benchmark kit's own ``score.py`` (the official scorer).
Goals: value F1 >= 0.80 and relaxed F1 >= 0.90 on timex-tbaq dev; >= 1.5 MB of text/s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import time
from pathlib import Path

from crosscheck.language.sentences import split_sentences
from crosscheck.language.times import tag_times

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
BENCH = SHARED / "bench"
DEFAULT_DATA = BENCH / "data" / "timex-tbaq-dev"
DEFAULT_OUT = Path(__file__).resolve().parent / "out" / "timex-tbaq.jsonl"


def load(folder: Path) -> list[tuple[str, str, dt.date | None]]:
    """(id, text, published) for every document of a benchmark folder, in meta order."""
    documents = []
    with open(folder / "meta.jsonl", encoding="utf-8") as meta:
        for line in filter(str.strip, meta):
            record = json.loads(line)
            with open(folder / "docs" / f"{record['id']}.txt", encoding="utf-8", newline="") as doc:
                text = doc.read()
            published = dt.date.fromisoformat(record["published"][:10]) if record.get("published") else None
            documents.append((record["id"], text, published))
    return documents


def run(documents: list[tuple[str, str, dt.date | None]], repeat: int) -> tuple[list[dict], float]:
    """Predictions in the scorer's format, and the CPU seconds of the fastest tagging run."""
    timings = []
    for _ in range(max(1, repeat)):
        started = time.process_time()
        tagged = [(doc_id, tag_times(text, published)) for doc_id, text, published in documents]
        timings.append(time.process_time() - started)
    elapsed = min(timings)
    predictions = [
        {"id": doc_id, "times": [{"start": t.start, "end": t.end, "type": t.type, "value": t.value} for t in times]}
        for doc_id, times in tagged
    ]
    return predictions, elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="benchmark folder (docs/, meta.jsonl, gold.jsonl)"
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the predictions JSONL")
    parser.add_argument("--task", default="timex", help="task name for score.py (default: timex)")
    parser.add_argument("--repeat", type=int, default=3, help="tagging runs; the fastest is reported")
    args = parser.parse_args()
    if not (args.data / "meta.jsonl").is_file():
        message = f"no benchmark folder at {args.data}: the ../shared bench kit is absent; pass --data DIR"
        print(message, file=sys.stderr)
        return 0
    documents = load(args.data)
    predictions, elapsed = run(documents, args.repeat)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as out:
        for record in predictions:
            out.write(json.dumps(record) + "\n")
    characters = sum(len(text) for _, text, _ in documents)
    sentences = sum(len(split_sentences(text)) for _, text, _ in documents)
    found = sum(len(r["times"]) for r in predictions)
    print(
        f"{len(documents)} docs, {sentences:,} sentences, {characters / 1e6:.2f} MB, {found} timexes "
        f"in {elapsed:.3f}s CPU: {characters / elapsed / 1e6:.2f} MB/s, {sentences / elapsed:,.0f} sentences/s, "
        f"{len(documents) / elapsed:,.0f} docs/s"
    )
    scorer = BENCH / "score.py"
    if not scorer.is_file() or not (args.data / "gold.jsonl").is_file():
        print(f"predictions written to {args.out}; no scorer or gold to compare with", file=sys.stderr)
        return 0
    command = [sys.executable, str(scorer), args.task, "--gold", str(args.data), "--pred", str(args.out)]
    return subprocess.run(command, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
