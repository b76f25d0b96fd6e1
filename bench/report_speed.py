"""Cold-start speed of ``crosscheck report`` on a small story (issue 5: five articles in <= 1.5 s).

    python bench/report_speed.py [-n 5] [--stored | --fresh] [--no-caches] [PATH ...]

Each run is a new process, as a user starts it: ``crosscheck report PATHS --db DB --format
json -o FILE``, imports and model load included. ``--fresh`` (default: both modes) starts
from an empty store, so ingest is timed too; ``--stored`` from a store that already holds the
articles. Prints min and median wall, user, sys and CPU seconds, then the split of one
cold process into stages (imports, ingest, story grouping, annotate, embeddings, analyse,
build, render, snapshots), timed by running the command in a fresh interpreter with timers
around the library calls it makes (time outside them, e.g. lazy imports, shows as "other").
Default PATHS: five of the bundled example story's seven articles.

Caches as on a user's machine after the first run: Python's bytecode (written under a
temporary ``PYTHONPYCACHEPREFIX``, so the source tree stays clean, even where
``PYTHONDONTWRITEBYTECODE`` is set) and the command's compiled-regex cache (a temporary file).
The first run, which fills both, is shown apart. ``--no-caches`` times every run without them.
The machine is shared: the minimum is the figure to quote, and CPU is steadier than wall.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[1] / "src/crosscheck/examples/harbour-bridge-2026/articles"
DEFAULT_PATHS = [
    str(EXAMPLE / name)
    for name in (
        "coastal-ledger.html", "daily-beacon.txt", "halvard-herald.html", "northgate-times.jsonl", "seaboard-sentinel.txt"
    )
]
GOAL_SECONDS = 1.5

STAGES = r"""
import sys, time
start = (time.perf_counter(), time.process_time())
import crosscheck.cli
from crosscheck import regexcache
regexcache.install()
imported_cli = (time.perf_counter(), time.process_time())
import crosscheck.api, crosscheck.crosssource, crosscheck.language, crosscheck.report
import crosscheck.stories.embedding
imported = (time.perf_counter(), time.process_time())
STAGES = [
    ("ingest", crosscheck.api, "ingest"),
    ("group stories", crosscheck.api, "group_stories"),
    ("annotate", crosscheck.language.Pipeline, "__call__"),
    ("load embeddings", crosscheck.stories.embedding, "_model"),
    ("analyse", crosscheck.crosssource, "analyse_story"),
    ("build report", crosscheck.report, "build_report"),
    ("render", crosscheck.report, "render"),
    ("save snapshots", crosscheck.api, "save_report_snapshots"),
]
spent = {name: [0.0, 0.0] for name, _, _ in STAGES}
stack = []

def timed(name, function):
    def wrapper(*args, **kwargs):
        stack.append([time.perf_counter(), time.process_time(), 0.0, 0.0])
        try:
            return function(*args, **kwargs)
        finally:
            began_wall, began_cpu, inner_wall, inner_cpu = stack.pop()
            wall, cpu = time.perf_counter() - began_wall, time.process_time() - began_cpu
            spent[name][0] += wall - inner_wall
            spent[name][1] += cpu - inner_cpu
            if stack:
                stack[-1][2] += wall
                stack[-1][3] += cpu
    return wrapper

for name, owner, attribute in STAGES:
    if hasattr(owner, attribute):
        setattr(owner, attribute, timed(name, getattr(owner, attribute)))
    else:
        print(f"note: {name}: {owner.__name__}.{attribute} is gone; its time counts elsewhere", file=sys.stderr)
db, output, paths = sys.argv[1], sys.argv[2], sys.argv[3:]
sys.argv = ["crosscheck", "report", *paths, "--db", db, "--format", "json", "-q", "-o", output]
try:
    crosscheck.cli.main()
except SystemExit:
    pass
end = (time.perf_counter(), time.process_time())
marks = {"import cli": [imported_cli[0] - start[0], imported_cli[1] - start[1]]}
marks["import library"] = [imported[0] - imported_cli[0], imported[1] - imported_cli[1]]
marks.update(spent)
marks["other"] = [end[i] - imported[i] - sum(v[i] for v in spent.values()) for i in (0, 1)]
import json
print(json.dumps(marks))
"""


def _command() -> list[str]:
    script = Path(sys.executable).with_name("crosscheck")
    return [str(script)] if script.exists() else [sys.executable, "-m", "crosscheck"]


def _environment(workdir: Path, caches: bool) -> dict[str, str]:
    env = dict(os.environ)
    if caches:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(workdir / "pycache")
        env["CROSSCHECK_REGEX_CACHE"] = str(workdir / "regex.marshal")
    else:
        env.pop("PYTHONPYCACHEPREFIX", None)
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env["CROSSCHECK_REGEX_CACHE"] = "0"
    return env


@dataclass
class Run:
    """One fresh process: wall and CPU seconds, and what it printed."""

    wall: float
    user: float
    system: float
    stdout: str
    stderr: str


def _timed(args: list[str], env: dict[str, str]) -> Run:
    before = os.times()
    start = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, env=env)
    wall = time.perf_counter() - start
    after = os.times()
    if done.returncode not in (0, 1):
        sys.exit(f"error: {' '.join(args[:3])}...: exit {done.returncode}: {done.stderr.strip()[-400:]}")
    user, system = after.children_user - before.children_user, after.children_system - before.children_system
    return Run(wall, user, system, done.stdout, done.stderr)


def _report(paths: list[str], workdir: Path, stored: bool, env: dict[str, str]) -> Run:
    db = workdir / "run.db"
    db.unlink(missing_ok=True)
    if stored:
        shutil.copyfile(workdir / "stored.db", db)
    command = [*_command(), "report", *paths, "--db", str(db), "--format", "json", "-q", "-o", str(workdir / "r.json")]
    return _timed(command, env)


def _split(paths: list[str], workdir: Path, stored: bool, env: dict[str, str]) -> dict[str, tuple[float, float]]:
    db = workdir / "split.db"
    db.unlink(missing_ok=True)
    if stored:
        shutil.copyfile(workdir / "stored.db", db)
    run = _timed([sys.executable, "-c", STAGES, str(db), str(workdir / "split.json"), *paths], env)
    if run.stderr:
        print(run.stderr, file=sys.stderr)
    return json.loads(run.stdout)


def measure(paths: list[str], runs: int, stored: bool, workdir: Path, env: dict[str, str]) -> None:
    timings = [_report(paths, workdir, stored, env) for _ in range(runs)]
    splits = [_split(paths, workdir, stored, env) for _ in range(runs)]
    mode = "articles already stored" if stored else "fresh store (ingest included)"
    print(f"\n{len(paths)} articles, {mode}: {runs} cold runs of `crosscheck report --format json`")
    for label, values in (
        ("wall", [t.wall for t in timings]),
        ("user", [t.user for t in timings]),
        ("sys", [t.system for t in timings]),
        ("CPU", [t.user + t.system for t in timings]),
    ):
        goal = f"  (goal <= {GOAL_SECONDS} s)" if label == "wall" else ""
        print(f"  {label:<5} min {min(values):.2f} s  median {statistics.median(values):.2f} s{goal}")
    print("  split of one cold process (ms, medians; a stage excludes the stages it calls):")
    print(f"    {'stage':<16} {'CPU':>6} {'wall':>6}")
    for stage in [*splits[0], "total"]:
        cpu = statistics.median(sum(s[k][1] for k in s) if stage == "total" else s[stage][1] for s in splits)
        wall = statistics.median(sum(s[k][0] for k in s) if stage == "total" else s[stage][0] for s in splits)
        print(f"    {stage:<16} {1000 * cpu:6.0f} {1000 * wall:6.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=DEFAULT_PATHS, help="one story's articles (default: five bundled)")
    parser.add_argument("-n", "--runs", type=int, default=5, help="cold runs per mode")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--stored", action="store_true", help="only the runs with the articles already stored")
    mode.add_argument("--fresh", action="store_true", help="only the runs from an empty store")
    parser.add_argument("--no-caches", action="store_true", help="no bytecode and no regex cache in any run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        env = _environment(workdir, caches=not args.no_caches)
        start = time.perf_counter()
        _timed([sys.executable, "-c", "pass"], env)
        started = 1000 * (time.perf_counter() - start)
        print(f"python start-up {started:.0f} ms; load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
        _timed([*_command(), "ingest", *args.paths, "--db", str(workdir / "stored.db"), "-q"], env)
        if not args.no_caches:
            first = _report(args.paths, workdir, False, env)
            print(f"first run (fills the bytecode and regex caches): {first.wall:.2f} s wall, {first.user:.2f} s user")
        for stored in (False, True):
            if not ((stored and args.fresh) or (not stored and args.stored)):
                measure(args.paths, args.runs, stored, workdir, env)


if __name__ == "__main__":
    main()
