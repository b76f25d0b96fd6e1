"""Speed of the whole language layer: sentences/s and peak RSS on the benchmark dev sets.

    python bench/annotate.py [--stages sentences,entities,...] [--repeat 3]

Goal (issue 3): >= 3,000 sentences/s on one core for all stages together. Figures are CPU
time (best of --repeat runs), so other load on the machine disturbs them less; per-stage
times are printed too. CPU time still varies with the machine's own speed: on the shared
2-core VM we measure on, the same code ran from 2,500 to 4,500 sentences/s within an hour, and
the fixed pure-Python reference workload timed before each set (printed beside it) takes
39-65 ms from one call to the next on the idle machine. Take a run's figures as one sample of
a range; compare two versions of the code by instruction counts (callgrind, bench/README.md).
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import resource
import sys
import time
from pathlib import Path

from crosscheck.ingest.benchmark import read_benchmark_folder
from crosscheck.language.pipeline import STAGES, doc_from_article
from crosscheck.model import Article

DATA = Path(__file__).resolve().parents[2] / "shared" / "bench" / "data"
SETS = ("timex-tbaq-dev", "attribution-polnear-dev", "clustering-ecbplus-dev")


def reference_ms(repeat: int = 5) -> float:
    """CPU ms of a fixed workload shaped like the layer (regex tokens, dict counts, a sort),
    best of ``repeat``: a yardstick of how fast this machine runs Python right now."""
    text = " ".join(f"Word{n % 97} said {n} people, according to Agency{n % 13}." for n in range(10000))
    best = float("inf")
    gc.disable()  # what else is alive must not weigh on the yardstick
    for _ in range(repeat):
        start = time.process_time()
        counts: dict[str, int] = {}
        for token in re.findall(r"\w+|[^\w\s]", text):
            lower = token.lower()
            counts[lower] = counts.get(lower, 0) + 1
        sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        best = min(best, time.process_time() - start)
    gc.enable()
    return best * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--stages", default=",".join(STAGES))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    folders = [args.data / name for name in SETS if (args.data / name).is_dir()]
    if not folders:
        sys.exit(f"no benchmark data under {args.data} (it lives in ../shared/bench/data); nothing to do")
    stages = [s.strip() for s in args.stages.split(",")]
    # The interpreter's build moves these figures by a fifth to a third (bench/README.md).
    print(f"Python {sys.version.split()[0]} ({os.path.realpath(sys.executable)})")
    for folder in folders:
        reference = reference_ms()
        articles = [a for a in read_benchmark_folder(folder) if isinstance(a, Article)]
        chars = sum(len(a.text) for a in articles)
        best: dict[str, float] = {}
        n_sentences = 0
        for _ in range(args.repeat):
            docs = [doc_from_article(a) for a in articles]
            for name in ["sentences"] + [s for s in stages if s != "sentences"]:
                start = time.process_time()
                for doc in docs:
                    STAGES[name](doc)
                best[name] = min(best.get(name, float("inf")), time.process_time() - start)
            n_sentences = sum(len(d.sentences) for d in docs)
        total = sum(best.values())
        per_stage = "  ".join(f"{name} {seconds:.2f}s" for name, seconds in best.items())
        print(
            f"{folder.name:<26} {len(articles):>4} docs  {n_sentences:>6,} sentences  {chars / 1e6:5.2f} MB  "
            f"{total:6.2f} s CPU  {n_sentences / total:8,.0f} sentences/s"
        )
        print(f"{'':<26} {per_stage}  (reference workload {reference:.1f} ms)")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
