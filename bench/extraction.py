"""Article-body extraction quality and speed on the scrapinghub benchmark.

    python bench/extraction.py [--data ../shared/bench/data/extraction-scrapinghub] [--clean]

Runs crosscheck's HTML reader (trafilatura plus our metadata handling) over every page,
writes predictions, prints pages/s, then the official score.py table. ``--clean`` scores the
text after crosscheck's junk removal instead of the reader's raw body.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import time
from pathlib import Path

from crosscheck.clean import clean_article
from crosscheck.ingest.html import article_from_html
from crosscheck.ingest.options import IngestOptions, ReadError

ROOT = Path(__file__).resolve().parents[1]
SHARED_BENCH = ROOT.parent / "shared" / "bench"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=SHARED_BENCH / "data" / "extraction-scrapinghub")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "extraction-scrapinghub.json")
    parser.add_argument("--clean", action="store_true", help="score the cleaned text, not the extracted body")
    args = parser.parse_args()
    if not args.data.is_dir():
        sys.exit(f"no benchmark data at {args.data} (it lives in ../shared/bench); nothing to do")
    meta = [json.loads(line) for line in (args.data / "meta.jsonl").read_text().splitlines() if line.strip()]
    options = IngestOptions()
    predictions: dict[str, dict[str, str]] = {}
    pages = [(row, gzip.decompress((args.data / "html" / f"{row['id']}.html.gz").read_bytes())) for row in meta]
    start = time.process_time()
    for row, html in pages:
        try:
            article = article_from_html(html, id=row["id"], source=row["id"], url=row.get("url"), options=options)
        except ReadError:
            predictions[row["id"]] = {"articleBody": ""}
            continue
        text = clean_article(article).text if args.clean else article.body
        predictions[row["id"]] = {"articleBody": text}
    elapsed = time.process_time() - start
    size = sum(len(html) for _, html in pages) / len(pages) / 1000
    print(f"{len(pages)} pages (mean {size:.0f} KB) in {elapsed:.1f} s CPU: {len(pages) / elapsed:.0f} pages/s")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(predictions), encoding="utf-8")
    score = SHARED_BENCH / "score.py"
    subprocess.run([sys.executable, str(score), "extraction", "--gold", str(args.data), "--pred", str(args.out)], check=False)


if __name__ == "__main__":
    main()
