"""Batch stages at scale on Dask: articles/s per stage, per-article cost by size, peak RSS, and
how well the stories found match the generated ones (B-cubed F1).

    python bench/scale.py                          # 100,000 articles
    python bench/scale.py --sizes 10000,30000,100000
    python bench/scale.py --sizes 2000 --dask tcp://host:8786
    python bench/scale.py --sizes 10000,30000 --stages cluster --dask none   # no Dask at all

Articles are generated (fixed seed) as many synthetic stories: each story renames the bundled
example story's places, people and subject and moves its date, and each of its articles
recombines one example article's paragraphs with light edits (bench/story.py). They are
written as JSON Lines files of 1,000 articles, the shards. Per size, into a fresh store:

- ingest: read, clean and store (``crosscheck ingest --dask``);
- annotate: the whole language layer, JSON per article (``crosscheck annotate --dask``);
- cluster: stories of the stored articles (``api.update_stories``): the workers compute each
  article's terms and embeddings, the client places articles in stories (sequential by nature).

``--dask none`` runs ingest and cluster in this process alone, and no annotate: all of
clustering's CPU is then this process's, with no Dask client or scheduler threads beside it.

Goal (issue 6), 2-core machine: the three stages on 100,000 articles in <= 5 minutes, peak RSS
<= 2 GB, per-article cost nearly flat from 10k to 100k. Peak RSS is sampled over the whole
process tree (this process, the scheduler and the workers). Times are wall-clock: other load
on the machine slows them, so /proc/loadavg is printed before and after.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

import psutil

import crosscheck.stories.stored  # noqa: F401 - loaded now: the clustering stage may start an hour later
from crosscheck.api import ingest as ingest_here
from crosscheck.api import read_articles, update_stories
from crosscheck.examples import example_articles
from crosscheck.language.sentences import paragraphs
from crosscheck.model import Article
from crosscheck.scale import annotate, connect, ingest
from crosscheck.scale.progress import stage_progress
from crosscheck.store import Store
from story import EDITS, _edited

PER_FILE = 1_000
SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
# What a story renames in the example: its town, quay, people, institutions and subject.
RENAMED = ("Halvard", "Lower Quay", "Wharf Lane", "Reyes", "Haddad", "Brennan", "Okafor", "Natarajan", "Vance")
SUBJECTS = ("bridge", "tunnel", "viaduct", "causeway", "dam", "pier", "flyover", "aqueduct")


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).title()


def _story_names(rng: random.Random) -> list[tuple[re.Pattern[str], str]]:
    """One story's renaming: each name of the example gets an invented one, the bridge a new subject."""
    names = {old: (f"{_word(rng, 2)} Quay" if "Quay" in old else f"{_word(rng, 2)} Lane" if "Lane" in old else _word(rng, 3)) for old in RENAMED}
    subject = rng.choice(SUBJECTS)
    pairs = [(re.compile(rf"\b{re.escape(old)}\b"), new) for old, new in names.items()]
    pairs += [(re.compile(r"\bbridge\b"), subject), (re.compile(r"\bBridge\b"), subject.title())]
    return pairs


def generate(count: int, folder: Path, seed: int = 2026) -> int:
    """Write ``count`` articles as JSON Lines files in ``folder``; returns the number of stories."""
    rng = random.Random(seed)
    bases = sorted((a for a in read_articles([str(example_articles())]) if isinstance(a, Article)), key=lambda a: a.id)
    blocks = [[p.of(a.text) for p in (a.paragraphs or paragraphs(a.text))] for a in bases]
    written, story, handle = 0, 0, None
    while written < count:
        names, size = _story_names(rng), min(count - written, rng.randint(5, 35))
        day = 738_000 + story // 14  # about 14 new stories a day
        for _ in range(size):
            if written % PER_FILE == 0:
                if handle:
                    handle.close()
                handle = open(folder / f"shard-{written // PER_FILE:05d}.jsonl", "w", encoding="utf-8")
            base = rng.randrange(len(bases))
            chosen = list(blocks[base])
            if len(chosen) > 3 and rng.random() < 0.5:
                chosen.pop(rng.randrange(1, len(chosen)))
            if rng.random() < 0.3:
                chosen.append(rng.choice(blocks[rng.randrange(len(blocks))]))
            edits = [e for e in EDITS if rng.random() < 0.3]
            text = "\n\n".join(_renamed(_edited(p, edits), names) for p in chosen)
            published = time.strftime("%Y-%m-%d", time.gmtime((day + rng.randint(0, 2) - 719_163) * 86_400))
            record = {
                "url": f"https://outlet{written % 97}.example/news/{story}/{written}",
                "title": _renamed(bases[base].title or "", names),
                "outlet": f"Outlet {written % 97}",
                "published": published,
                "text": text,
            }
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")  # type: ignore[union-attr]
            written += 1
        story += 1
    if handle:
        handle.close()
    return story


def _renamed(text: str, names: list[tuple[re.Pattern[str], str]]) -> str:
    for pattern, new in names:
        text = pattern.sub(new, text)
    return text


class PeakRSS:
    """Samples the RSS of this process and all its descendants (scheduler, nannies, workers)."""

    def __init__(self, every_s: float = 0.5) -> None:
        self.peak = 0
        self._every = every_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = psutil.Process()
        tree, listed = [me], 0.0
        while not self._stop.is_set():
            if time.monotonic() - listed > 5:  # workers come and go rarely: list them now and then
                tree, listed = [me, *me.children(recursive=True)], time.monotonic()
            total = 0
            for process in tree:
                try:
                    total += process.memory_info().rss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            self._stop.wait(self._every)

    def reset(self) -> None:
        self.peak = 0

    @staticmethod
    def cpu_seconds() -> tuple[float, float]:
        """CPU seconds (user + system) so far of this process, and of its descendants."""
        me = psutil.Process()
        own = sum(me.cpu_times()[:2])
        others = 0.0
        for process in me.children(recursive=True):
            try:
                others += sum(process.cpu_times()[:2])
            except psutil.Error:
                pass
        return own, others

    def __enter__(self) -> PeakRSS:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        self._thread.join()


@contextmanager
def timed(results: dict[str, float], name: str) -> Iterator[None]:
    """Wall seconds of the block in ``results[name]``, CPU seconds of the client and of the
    workers (and scheduler) in ``name + " client"`` and ``name + " workers"``."""
    start, (client, workers) = time.perf_counter(), PeakRSS.cpu_seconds()
    yield
    results[name] = time.perf_counter() - start
    client_after, workers_after = PeakRSS.cpu_seconds()
    results[f"{name} client"], results[f"{name} workers"] = client_after - client, workers_after - workers


def run_size(count: int, client, rss: PeakRSS, work: Path, stages: set[str]) -> dict[str, float]:
    """Generate ``count`` articles, then ingest, annotate and cluster them; seconds per stage.
    A stage left out of ``stages`` counts as taking no time (ingest always runs)."""
    folder = work / f"articles-{count}"
    folder.mkdir()
    stories = generate(count, folder)
    files = sorted(str(p) for p in folder.iterdir())
    rss.reset()
    seconds: dict[str, float] = {}
    with Store(work / f"scale-{count}.db") as store:
        with timed(seconds, "ingest"), stage_progress("ingesting", unit="files") as bar:
            if client is None:
                summary = ingest_here(files, store, on_start=bar.start, on_input=bar.advance)
            else:
                summary = ingest(files, store, client=client, on_start=bar.start, on_shard=bar.advance)
        annotated, found = count, []
        if "annotate" in stages:
            with timed(seconds, "annotate"), stage_progress("annotating", unit="files") as bar:
                results = annotate(files, client=client, on_start=bar.start, on_shard=bar.advance)
                annotated = sum(1 for r in results if hasattr(r, "line"))
        if "cluster" in stages:
            with timed(seconds, "cluster"), stage_progress("clustering", unit="articles") as bar:
                found = update_stories(store, bar.update, client)
    assert len(summary.added) == count and not summary.failures and annotated == count, (len(summary.added), annotated)
    for stage in ("annotate", "cluster"):
        for key in (stage, f"{stage} client", f"{stage} workers"):
            seconds.setdefault(key, 0.0)
    seconds.update(peak_mb=rss.peak / 2**20, stories=stories, found=len(found), b3=bcubed_f1(found))
    return seconds


def bcubed_f1(found: list) -> float | None:
    """B-cubed F1 of the stories found against the generated ones (None: none found, the
    cluster stage left out): an article's id is its URL, ``.../news/<story>/<n>``."""
    truth = {a: a.rsplit("/", 2)[-2] for story in found for a in story.article_ids}
    if not truth:
        return None
    pairs = Counter((index, truth[a]) for index, story in enumerate(found) for a in story.article_ids)
    sizes, true_sizes = Counter(index for index, _ in pairs.elements()), Counter(truth.values())
    precision = sum(n * n / sizes[index] for (index, _), n in pairs.items()) / len(truth)
    recall = sum(n * n / true_sizes[story] for (_, story), n in pairs.items()) / len(truth)
    return 2 * precision * recall / (precision + recall)


def _rate(count: int, seconds: float) -> str:
    return f"{count / seconds:.0f}" if seconds else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100000", help="comma-separated article counts (default 100000)")
    parser.add_argument(
        "--dask", default="local", metavar="ADDRESS", help="scheduler address (default: a LocalCluster; none: no Dask)"
    )
    parser.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes (default 2)")
    parser.add_argument("--stages", default="ingest,annotate,cluster", help="stages to run (ingest always runs)")
    args = parser.parse_args()
    stages = set(args.stages.split(","))
    if args.dask == "none" and "annotate" in stages:
        parser.error("annotate runs on Dask only: leave it out of --stages with --dask none")
    print(f"Python {sys.version.split()[0]} ({os.path.realpath(sys.executable)})")
    print(f"load average before: {Path('/proc/loadavg').read_text().strip()}  cores: {os.cpu_count()}")
    header = ("articles", "stories", "found", "B3 F1", "ingest/s", "annotate/s", "cluster/s", "total s", "ms/article", "peak RSS MB")
    cpu_header = ("articles", "stage", "wall s", "client CPU s", "workers CPU s", "CPU ms/article")
    with tempfile.TemporaryDirectory() as tmp, PeakRSS() as rss:
        start = time.perf_counter()
        with nullcontext() if args.dask == "none" else connect(args.dask, workers=args.workers) as client:
            if client is not None:
                print(f"cluster up in {time.perf_counter() - start:.1f} s: {len(client.nthreads())} workers")
            print("{:>8} {:>7} {:>6} {:>6} {:>9} {:>10} {:>9} {:>8} {:>10} {:>11}".format(*header))
            cpu_rows: list[str] = []
            for count in (int(s) for s in args.sizes.split(",")):
                s = run_size(count, client, rss, Path(tmp), stages)
                total = s["ingest"] + s["annotate"] + s["cluster"]
                print(
                    f"{count:>8} {s['stories']:>7.0f} {s['found']:>6.0f} {'-' if s['b3'] is None else format(s['b3'], '.3f'):>6} {count / s['ingest']:>9.0f} "
                    f"{_rate(count, s['annotate']):>10} {_rate(count, s['cluster']):>9} {total:>8.1f} "
                    f"{1000 * total / count:>10.2f} {s['peak_mb']:>11.0f}",
                    flush=True,
                )
                cpu_rows += [
                    f"{count:>8} {stage:>9} {s[stage]:>7.1f} {s[f'{stage} client']:>13.1f} {s[f'{stage} workers']:>14.1f} "
                    f"{1000 * (s[f'{stage} client'] + s[f'{stage} workers']) / count:>15.2f}"
                    for stage in ("ingest", "annotate", "cluster")
                ]
                print("\n".join(cpu_rows[-3:]), file=sys.stderr, flush=True)  # now, in case a later size fails
    print("\nCPU seconds per stage (client = this process: scheduler, store writes, clustering):")
    print("{:>8} {:>9} {:>7} {:>13} {:>14} {:>15}".format(*cpu_header))
    print("\n".join(cpu_rows))
    print(f"load average after: {Path('/proc/loadavg').read_text().strip()}")


if __name__ == "__main__":
    main()
