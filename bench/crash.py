"""Crash safety: kill ``crosscheck ingest`` with SIGKILL at random moments, then run it to the end.

    python bench/crash.py                      # 5,000 files, 20 kills
    python bench/crash.py --files 500 --kills 5

After the kills one more ingest runs to completion; the store must then pass SQLite's
integrity check and ``Store.verify`` (search index, raw bytes, removals), hold every article
exactly once, and hold for each article exactly the removals cleaning gives its body.
``crash_test`` is what the test suite calls with a smaller corpus.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from crosscheck.clean import clean_text
from crosscheck.store import Store, StoreError

JUNK = ["Advertisement", "Share this article", "Photo: J. Doe/AFP", "No comments", "Sign up for our newsletter"]
_TOKEN = re.compile(r"\bcrash\d{6}\b")


def make_files(folder: Path, count: int, seed: int = 5) -> None:
    """``count`` small text articles, each with its own token, and junk lines for the cleaner to log."""
    rng = random.Random(seed)
    words = "harbour council ferry storm pier mayor bridge night report workers river cargo".split()
    for number in range(count):
        lines = [f"Story {number} about the {rng.choice(words)}", ""]
        for paragraph in range(rng.randint(2, 5)):
            sentence = " ".join(rng.choices(words, k=rng.randint(8, 16))).capitalize()
            if paragraph == 0:
                sentence = f"The crash{number:06d} {sentence.lower()}"
            lines += [sentence + ".", ""]
            if rng.random() < 0.4:
                lines += [rng.choice(JUNK), ""]
        path = folder / f"d{number % 50:02d}" / f"story{number:06d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines), encoding="utf-8")


@dataclass
class Outcome:
    kills: list[float] = field(default_factory=list)  # seconds into each killed run
    finished_early: int = 0  # runs that ended before their kill moment
    stored_after_kill: list[int] = field(default_factory=list)
    final_exit: int = -1
    final_seconds: float = 0.0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.final_exit == 0 and not self.problems


def _ingest(folder: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "crosscheck", "ingest", str(folder), "--db", str(db), "-q"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def crash_test(folder: Path, db: Path, *, files: int, kills: int, seed: int = 1) -> Outcome:
    """Kill ``kills`` ingests of ``folder`` mid-write, then finish with one whole run and check.

    Each run is killed a random few milliseconds after the store reaches a random article
    count (rising from run to run, since every run skips what is stored), so every kill lands
    while articles are being written, not during start-up or after the work is done.
    """
    rng = random.Random(seed)
    outcome = Outcome()
    targets = sorted(rng.sample(range(files), kills))
    for target in targets:
        process = _ingest(folder, db)
        start = time.perf_counter()
        while process.poll() is None and _stored(db) < target:
            time.sleep(0.005)
        time.sleep(rng.uniform(0, 0.05))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            outcome.kills.append(time.perf_counter() - start)
        else:
            outcome.finished_early += 1
        process.communicate()
        outcome.stored_after_kill.append(_stored(db))
    began = time.perf_counter()
    final = _ingest(folder, db)
    _, stderr = final.communicate()
    outcome.final_exit, outcome.final_seconds = final.returncode, time.perf_counter() - began
    if stderr.strip():
        outcome.problems.append(f"final run wrote to stderr: {stderr.decode()[:300]}")
    outcome.problems += check_store(db, files)
    return outcome


def _stored(db: Path) -> int:
    """Articles stored so far; 0 while the file or its tables do not exist yet."""
    try:
        with Store(db, readonly=True) as store:
            return store.count()
    except StoreError:
        return 0


def check_store(db: Path, files: int) -> list[str]:
    """Every token once, the store sound, each article's removals those its body gets when cleaned."""
    with Store(db) as store:
        problems = store.verify()
        tokens: Counter[str] = Counter()
        wrong_removals = 0
        for article in store.iter_articles():
            tokens.update(_TOKEN.findall(article.text))
            if clean_text(article.body, title=article.title)[2] != article.removed:
                wrong_removals += 1
        count = store.count()
    if count != files:
        problems.append(f"{count} articles stored for {files} files")
    missing = files - len(tokens)
    if missing:
        problems.append(f"{missing} articles missing")
    twice = [token for token, seen in tokens.items() if seen > 1]
    if twice:
        problems.append(f"{len(twice)} articles stored more than once, e.g. {twice[0]}")
    if wrong_removals:
        problems.append(f"{wrong_removals} articles whose stored removals differ from their cleaning")
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=5000)
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder, db = Path(tmp, "corpus"), Path(tmp, "store.db")
        make_files(folder, args.files)
        began = time.perf_counter()
        outcome = crash_test(folder, db, files=args.files, kills=args.kills, seed=args.seed)
        size = os.path.getsize(db)
    print(f"{args.files:,} files, {len(outcome.kills)} SIGKILLs landed mid-write ({outcome.finished_early} runs ended first)")
    print("kill moments (s):", " ".join(f"{moment:.2f}" for moment in outcome.kills))
    print("articles stored after each kill:", " ".join(map(str, outcome.stored_after_kill)))
    print(f"final run: exit {outcome.final_exit} in {outcome.final_seconds:.1f} s; store {size / 1e6:.1f} MB")
    print(f"whole test: {time.perf_counter() - began:.0f} s")
    for problem in outcome.problems:
        print("  problem:", problem)
    print(f"result: {'PASS' if outcome.ok else 'FAIL'} (integrity_check, search index, raw bytes, removals, each article once)")
    sys.exit(0 if outcome.ok else 1)


if __name__ == "__main__":
    main()
