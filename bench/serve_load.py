"""Load on ``crosscheck serve``: concurrent clients against a 50-article story's page and the API.

    python bench/serve_load.py [--articles 50] [--clients 50] [--seconds 30] [--think 0]

Builds a store holding one story of N fictional articles (recombined from the bundled
example story, as in bench/story.py), starts ``crosscheck serve`` on a free loopback port in
a subprocess, waits for the story's report (computed once, then cached), then runs
``--clients`` httpx async clients for ``--seconds``. Each client loops over the story page,
the story's JSON report, the story list, an article page and an article's JSON, sleeping
``--think`` seconds between requests (0: back to back, the hardest case); the clients are
spread over ``--procs`` processes and ask for gzip, as browsers do. Prints p50/p99
latency per endpoint and overall, the request rate and the error count (non-200 or failed).
Goal (issue 7): p99 < 200 ms, 0 errors. The client runs in this process on the same machine,
so its own CPU use counts against the server: figures are for loopback on a shared box.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from story import build_story  # noqa: E402  (bench/story.py: the recombined example story)

from crosscheck.api import update_stories  # noqa: E402
from crosscheck.store import Store  # noqa: E402

GOAL_P99_MS = 200.0


def build_store(db: Path, size: int, seed: int) -> tuple[str, list[str]]:
    """A store whose largest story holds ``size`` recombined articles; its id and article ids.

    The clusterer keeps some example articles' variants in stories of their own, so variants
    are added in rounds, each of only the bases the largest story is made of, until it has
    ``size`` articles. The other, smaller stories stay in the store, as they would.
    """
    pool = build_story(size * 6, seed)
    with Store(db) as store:
        for article in pool[:size]:
            store.add(article)
        used = size
        while True:
            story = max(update_stories(store), key=lambda s: len(s.article_ids))
            missing = size - len(story.article_ids)
            if missing <= 0 or used >= len(pool):
                return story.id, list(story.article_ids)
            bases = {_base(article_id) for article_id in story.article_ids}
            batch = [a for a in pool[used:] if _base(a.id) in bases][:missing]
            used = pool.index(batch[-1]) + 1 if batch else len(pool)
            for article in batch:
                store.add(article)


def _base(article_id: str) -> str:
    """``northgate-times-0012`` -> ``northgate-times``: the example article a variant comes from."""
    return article_id.rsplit("-", 1)[0]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(db: Path, port: int) -> subprocess.Popen:
    command = [sys.executable, "-m", "crosscheck.cli", "serve", "--db", str(db), "--port", str(port)]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    code = "import sys; from crosscheck.cli import main; sys.argv[0] = 'crosscheck'; main()"
    return subprocess.Popen([sys.executable, "-c", code, *command[3:]], env=env)


def wait_ready(base: str, story_path: str, timeout: float = 300.0) -> float:
    """Seconds until the story page answers (the first answer includes computing its report)."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        try:
            if httpx.get(base + story_path, timeout=timeout).status_code == 200:
                return time.monotonic() - start
        except httpx.TransportError:
            time.sleep(0.2)
    raise SystemExit(f"error: {base}: the server did not answer within {timeout:g}s")


async def client(http: httpx.AsyncClient, paths: list[tuple[str, str]], until: float, think: float, rng: random.Random, results: list) -> None:
    """One client: a request at a time, timed until its last byte; bodies are read raw (gzipped),
    so the figure is the server's and the wire's, not this process decompressing."""
    while time.monotonic() < until:
        name, path = paths[rng.randrange(len(paths))]
        start = time.perf_counter()
        try:
            async with http.stream("GET", path) as response:
                async for _ in response.aiter_raw():
                    pass
            ok = response.status_code == 200
        except httpx.HTTPError:
            ok = False
        results.append((name, (time.perf_counter() - start) * 1000, ok))
        if think:
            await asyncio.sleep(think * rng.uniform(0.5, 1.5))


def run_clients(base: str, paths: list[tuple[str, str]], clients: int, start: float, seconds: float, think: float, seed: int) -> list:
    """``clients`` concurrent clients in this process, from ``start`` (a monotonic time) on.

    The clients are made before the clock starts: making an httpx client costs CPU (and,
    with certificate checks on, far more: loading the CA bundle), which must not count.
    """

    async def together() -> list:
        results: list = []
        https = [httpx.AsyncClient(base_url=base, timeout=30.0, verify=False) for _ in range(clients)]
        rngs = [random.Random(seed + i) for i in range(clients)]
        await asyncio.sleep(max(0.0, start - time.monotonic()))
        until = time.monotonic() + seconds
        try:
            await asyncio.gather(*(client(h, paths, until, think, rng, results) for h, rng in zip(https, rngs)))
        finally:
            for http in https:
                await http.aclose()
        return results

    return asyncio.run(together())


def load(base: str, paths: list[tuple[str, str]], clients: int, seconds: float, think: float, seed: int, procs: int) -> list:
    """The clients spread over ``procs`` processes, so one Python process is not the bottleneck."""
    start = time.monotonic() + 3.0  # CLOCK_MONOTONIC is shared by the processes of one machine
    shares = [clients // procs + (i < clients % procs) for i in range(procs)]
    with multiprocessing.get_context("fork").Pool(procs) as pool:
        jobs = [(base, paths, n, start, seconds, think, seed + 1000 * i) for i, n in enumerate(shares)]
        parts = pool.starmap(run_clients, jobs)
    return [result for part in parts for result in part]


def _cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process so far (Linux /proc); -1 where unknown."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return -1.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _sequential_ms(url: str, repeat: int = 20) -> float:
    """Median milliseconds of one client asking ``url`` on its own: the unloaded cost."""
    with httpx.Client(timeout=60) as http:
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            http.get(url).raise_for_status()
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--think", type=float, default=0.0, help="Mean pause between a client's requests, in seconds.")
    parser.add_argument("--procs", type=int, default=2, help="Client processes the clients are spread over.")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp, "load.db")
        started = time.perf_counter()
        story_id, article_ids = build_store(db, args.articles, args.seed)
        print(f"store: story {story_id} of {len(article_ids)} articles ({time.perf_counter() - started:.1f}s to build)")
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = start_server(db, port)
        try:
            story = f"/stories/{story_id}"
            print(f"first story page (computes the report): {wait_ready(base, story):.1f}s")
            article = quote(article_ids[0], safe="")
            paths = [
                ("story page", story),
                ("report JSON", f"/api/stories/{story_id}/report"),
                ("story list JSON", "/api/stories"),
                ("article page", f"/articles/{article}"),
                ("article JSON", f"/api/articles/{article}"),
            ]
            others = httpx.get(base + "/api/stories", params={"limit": 500}, timeout=60).json()["stories"]
            for other in others:  # the app computes every story's report in the background: wait for it
                httpx.get(f"{base}/stories/{quote(other['id'], safe='')}", timeout=300)
            for _, path in paths:  # warm every endpoint once (quote annotation, page bar)
                httpx.get(base + path, timeout=60).raise_for_status()
            single = {name: _sequential_ms(base + path) for name, path in paths}
            sizes = {name: len(httpx.get(base + path, timeout=60).content) for name, path in paths}
            cpu_before = _cpu_seconds(server.pid)
            results = load(base, paths, args.clients, args.seconds, args.think, args.seed, args.procs)
            server_cpu = _cpu_seconds(server.pid) - cpu_before
        finally:
            server.terminate()
            server.wait(timeout=30)

    print(f"\n{args.clients} clients in {args.procs} processes, {args.seconds:g}s, think {args.think:g}s, loopback; {len(results)} requests "
          f"({len(results) / args.seconds:.0f}/s)")
    print(f"{'endpoint':<18}{'size':>10}{'alone ms':>10}{'requests':>10}{'p50 ms':>10}{'p99 ms':>10}{'errors':>8}")
    for name, _ in paths:
        mine = [r for r in results if r[0] == name]
        times = [ms for _, ms, _ in mine] or [0.0]
        print(f"{name:<18}{sizes[name] / 1000:>8.0f}kB{single[name]:>10.1f}{len(mine):>10}{statistics.median(times):>10.1f}"
              f"{percentile(times, 99):>10.1f}{sum(not ok for *_, ok in mine):>8}")
    times = [ms for _, ms, _ in results]
    errors = sum(not ok for *_, ok in results)
    p99 = percentile(times, 99)
    print(f"{'all':<18}{'':>20}{len(results):>10}{statistics.median(times):>10.1f}{p99:>10.1f}{errors:>8}")
    if server_cpu >= 0:
        per_request = server_cpu / max(1, len(results)) * 1000
        print(f"server CPU: {server_cpu:.1f}s in {args.seconds:g}s, {per_request:.2f} ms per request "
              f"(one free core: ~{1000 / per_request:.0f} requests/s)")
    print(f"machine load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    verdict = "meets" if p99 < GOAL_P99_MS and errors == 0 else "misses"
    print(f"\n{verdict} the goal (p99 < {GOAL_P99_MS:g} ms, 0 errors)")


if __name__ == "__main__":
    main()
