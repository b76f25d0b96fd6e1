"""Ingest speed: articles/s and peak RSS for N generated articles into a fresh store.

    python bench/ingest.py                 # 10,000 text and 10,000 HTML articles
    python bench/ingest.py -n 2000 --formats html

Goals (issue 2): >= 500 articles/s for text and >= 200/s for HTML on one core.
Articles are generated from a fixed seed, so runs are comparable. Both wall-clock and CPU
(process) rates are printed: on a shared machine the CPU rate is the one-core figure.
"""

from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
from html import escape
from pathlib import Path

from crosscheck.api import ingest
from crosscheck.store import Store

WORDS = (
    "council harbour bridge engineers inspection crack closure ferry residents mayor officials letter "
    "order signed statement commission budget vote traffic repair weeks night morning report agency "
    "spokeswoman minister district river cargo port workers union strike evacuation police"
).split()
NAMES = ["Ana Reyes", "Harold Brennan", "Dana Whitfield", "Youssef Haddad", "Mira Okafor", "Tomas Lind"]


def _sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(10, 24))
    words[0] = words[0].capitalize()
    if rng.random() < 0.3:
        return f"“{' '.join(words)},” {rng.choice(NAMES)} said."
    return " ".join(words) + f", {rng.randint(2, 9000):,} of them." if rng.random() < 0.2 else " ".join(words) + "."


def _paragraphs(rng: random.Random) -> list[str]:
    return [" ".join(_sentence(rng) for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(8, 14))]


def text_article(i: int, rng: random.Random) -> str:
    body = "\n\n".join(_paragraphs(rng))
    return (
        f"---\noutlet: Bench Outlet {i % 37}\npublished: 2026-03-{1 + i % 28:02d}\n---\n"
        f"Breaking News\n\nHeadline number {i} about the harbour bridge\n\n{body}\n\n"
        "TELL YOUR FRIENDS\n\nNo comments\n"
    )


def html_article(i: int, rng: random.Random) -> str:
    paras = "\n".join(f"<p>{escape(p)}</p>" for p in _paragraphs(rng))
    nav = "".join(f'<li><a href="/s/{k}">Section {k}</a></li>' for k in range(30))
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Headline number {i} | Bench Outlet</title>
<meta property="og:site_name" content="Bench Outlet {i % 37}">
<meta property="article:published_time" content="2026-03-{1 + i % 28:02d}T10:00:00+00:00">
<meta name="author" content="{rng.choice(NAMES)}"></head>
<body><header><nav><ul>{nav}</ul></nav></header>
<main><article><h1>Headline number {i} about the harbour bridge</h1>
<figure><img src="/p.jpg"><figcaption>Engineers at the bridge. (Lea Marsh/Meridian)</figcaption></figure>
{paras}
<aside class="newsletter">Sign up for our newsletter</aside></article></main>
<footer><p>Copyright 2026 Bench Outlet</p><ul>{nav}</ul></footer></body></html>"""


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(fmt: str, n: int, folder: Path) -> None:
    rng = random.Random(2026)
    files = folder / fmt
    files.mkdir()
    make, suffix = (text_article, ".txt") if fmt == "text" else (html_article, ".html")
    for i in range(n):
        (files / f"a{i:06d}{suffix}").write_text(make(i, rng), encoding="utf-8")
    with Store(folder / f"{fmt}.db") as store:
        start, start_cpu = time.perf_counter(), time.process_time()
        summary = ingest([str(files)], store)
        elapsed, cpu = time.perf_counter() - start, time.process_time() - start_cpu
        stored = store.count()
    print(
        f"{fmt:<5} {n:>7,} articles  {elapsed:6.1f} s wall {n / elapsed:6.0f}/s  {cpu:6.1f} s CPU {n / cpu:6.0f}/s  "
        f"stored {stored:,}  failed {len(summary.failures)}  peak RSS {peak_rss_mb():.0f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=10_000, help="articles per format (default 10,000)")
    parser.add_argument("--formats", nargs="+", default=["text", "html"], choices=["text", "html"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in args.formats:
            run(fmt, args.n, Path(tmp))


if __name__ == "__main__":
    main()
