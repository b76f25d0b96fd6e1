"""Bounded memory: ``crosscheck ingest`` on one 1 GB JSONL file and one 1 GB WARC file.

    python bench/memory.py                          # 1 GB each (25 minutes on the loaded 2-core machine)
    python bench/memory.py --mb 100 --formats jsonl

Each input is generated in /tmp (removed afterwards) and ingested by a fresh process into a
fresh store. Prints peak RSS (from the kernel's accounting of that process), RSS sampled over
the run (flat when the input streams), MB/s and articles/s. The WARC mixes HTML pages with the
image records a crawl also holds, which the reader must skip without keeping them.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from html import escape
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import malformed  # noqa: E402 - the same fictional prose as the malformed corpus

ARTICLE_PARAGRAPHS = 40  # about 20 KB of text per article
IMAGE_BYTES = 200_000


def _prose(rng: random.Random) -> list[str]:
    return malformed.paragraphs(rng, "refm", ARTICLE_PARAGRAPHS)


def write_jsonl(path: Path, size: int, rng: random.Random) -> int:
    """One article per line until the file reaches ``size`` bytes; returns the number of articles."""
    pool = [_prose(rng) for _ in range(50)]
    count = written = 0
    with path.open("w", encoding="utf-8") as out:
        while written < size:
            paragraphs = rng.choice(pool)
            record = {
                "url": f"https://bench.example/jsonl/{count}",
                "title": f"Story {count} from the harbour",
                "text": f"Article {count}.\n\n" + "\n\n".join(paragraphs),
                "published": f"2026-05-{1 + count % 28:02d}",
            }
            line = json.dumps(record) + "\n"
            written += out.write(line)
            count += 1
    return count


def write_warc(path: Path, size: int, rng: random.Random) -> int:
    """HTML responses (with their requests) and image responses until ``size`` bytes; returns pages."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pool = [_prose(rng) for _ in range(50)]
    image = rng.randbytes(IMAGE_BYTES)
    pages = 0
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=False)  # uncompressed: writing 1 GB of gzip takes minutes
        while out.tell() < size:
            url = f"https://bench.example/warc/{pages}"
            body = "".join(f"<p>{escape(p)}</p>\n" for p in rng.choice(pool))
            page = (
                f"<!doctype html><html lang='en'><head><title>Story {pages}</title></head><body>"
                f"<nav><a href='/'>Home</a></nav><article><h1>Story {pages}</h1><p>Article {pages}.</p>\n{body}"
                "</article><footer>Copyright 2026</footer></body></html>"
            ).encode()
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(url, "response", payload=io.BytesIO(page), length=len(page), http_headers=http)
            )
            picture = StatusAndHeaders("200 OK", [("Content-Type", "image/jpeg")], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    url + ".jpg", "response", payload=io.BytesIO(image), length=len(image), http_headers=picture
                )
            )
            pages += 1
    return pages


def _rss_mb(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def measure(path: Path, db: Path) -> dict:
    """Ingest ``path`` in a fresh process: peak RSS from ``wait4``, RSS sampled each second."""
    out, err = db.with_suffix(".out"), db.with_suffix(".err")
    start = time.perf_counter()
    with out.open("wb") as stdout, err.open("wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "crosscheck", "ingest", str(path), "--db", str(db), "-q", "--format", "json"],
            stdout=stdout,
            stderr=stderr,
        )
        samples: list[float] = []
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            rss = _rss_mb(process.pid)
            if rss:
                samples.append(rss)
            time.sleep(1.0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return {
        "exit": process.returncode,
        "seconds": time.perf_counter() - start,
        "peak_mb": usage.ru_maxrss / 1024,
        "cpu": usage.ru_utime + usage.ru_stime,
        "samples": samples,
        "summary": json.loads(out.read_text() or "{}"),
        "stderr": err.read_text()[-300:],
    }


def run(fmt: str, size_mb: int, folder: Path) -> None:
    rng = random.Random(9)
    path = folder / ("big.jsonl" if fmt == "jsonl" else "big.warc")
    began = time.perf_counter()
    articles = (write_jsonl if fmt == "jsonl" else write_warc)(path, size_mb * 1_000_000, rng)
    size = path.stat().st_size
    print(f"{fmt}: wrote {size / 1e6:,.0f} MB ({articles:,} articles) in {time.perf_counter() - began:.0f} s", flush=True)
    db = folder / f"{fmt}.db"
    result = measure(path, db)
    samples, seconds = result["samples"], result["seconds"]
    quarters = [samples[min(len(samples) - 1, len(samples) * q // 4)] for q in range(1, 5)] if samples else []
    stored = result["summary"].get("total", 0)
    print(
        f"{fmt}: exit {result['exit']}; {stored:,} of {articles:,} articles stored, "
        f"{len(result['summary'].get('failures', [])):,} failures; {seconds:.0f} s wall, "
        f"{size / 1e6 / seconds:.2f} MB/s, {stored / seconds:.0f} articles/s; {result['cpu']:.0f} s CPU, "
        f"{size / 1e6 / result['cpu']:.2f} MB/s and {stored / result['cpu']:.0f} articles/s per CPU second; "
        f"peak RSS {result['peak_mb']:.0f} MB; "
        "RSS at 1/4, 1/2, 3/4, end of the run: "
        + ", ".join(f"{rss:.0f}" for rss in quarters)
        + f" MB; store {db.stat().st_size / 1e6:,.0f} MB",
        flush=True,
    )
    if result["stderr"].strip():
        print("  stderr:", result["stderr"])
    path.unlink()
    for leftover in folder.glob(f"{fmt}.db*"):
        leftover.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=int, default=1000, help="size of each input in MB (default 1000)")
    parser.add_argument("--formats", nargs="+", default=["jsonl", "warc"], choices=["jsonl", "warc"])
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="crosscheck-memory-", dir="/tmp"))
    try:
        for fmt in args.formats:
            run(fmt, args.mb, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
