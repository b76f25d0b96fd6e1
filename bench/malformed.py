"""Malformed corpus: bad files of every kind mixed with good ones, then ``crosscheck ingest`` on them.

    python bench/malformed.py                      # 1,000 bad + 1,000 good files
    python bench/malformed.py --bad 60 --good 60 --keep /tmp/corpus

Checks what README and ``crosscheck ingest --help`` promise: every good article stored exactly
once, every bad file reported by ``error: SOURCE: REASON`` lines naming it (and no error for a
good file), no untranslated exception, exit status 1 (some inputs failed). Prints the figures
and one example reason per kind of damage. ``make_corpus`` is imported by the tests.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
import zlib
from collections import Counter
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

WORDS = (
    "council harbour bridge engineers inspection closure ferry residents mayor officials letter order "
    "statement commission budget vote traffic repair weeks night morning report agency spokeswoman "
    "minister district river cargo port workers union strike evacuation police storm"
).split()
_ERROR_LINE = re.compile(r"error: (?P<rest>.+)")


@dataclass
class Corpus:
    """What a generated folder holds: the token each good article carries, and the bad files."""

    folder: Path
    tokens: dict[str, str] = field(default_factory=dict)  # token -> file it is in
    bad: dict[str, str] = field(default_factory=dict)  # path -> kind of damage
    good_files: set[str] = field(default_factory=set)


# --- good articles -------------------------------------------------------------------------


def paragraphs(rng: random.Random, token: str, count: int = 4) -> list[str]:
    """Fictional news prose; ``token`` (a word like ``refg00012``) appears once, in the first sentence."""
    found = []
    for number in range(count):
        sentences = []
        for _ in range(rng.randint(2, 4)):
            words = rng.choices(WORDS, k=rng.randint(9, 18))
            sentences.append(" ".join(words).capitalize() + ".")
        if number == 0:
            sentences[0] = f"The {token} {sentences[0][0].lower()}{sentences[0][1:]}"
        found.append(" ".join(sentences))
    return found


def _title(rng: random.Random, number: int) -> str:
    return f"{' '.join(rng.choices(WORDS, k=4)).capitalize()} story {number}"


def text_file(rng: random.Random, token: str, number: int) -> bytes:
    body = "\n\n".join(paragraphs(rng, token))
    if number % 2:
        return f"---\noutlet: Bench Courier\npublished: 2026-03-{1 + number % 28:02d}\n---\n{_title(rng, number)}\n\n{body}\n".encode()
    return f"{_title(rng, number)}\n\n{body}\n".encode()


def html_page(rng: random.Random, token: str, number: int, charset: str = "utf-8") -> bytes:
    paras = "".join(f"<p>{escape(p)}</p>\n" for p in paragraphs(rng, token, 5))
    page = (
        f'<!doctype html><html lang="en"><head><meta charset="{charset}"><title>{_title(rng, number)}</title>'
        '<meta property="og:site_name" content="Bench Gazette"></head><body><nav><a href="/">Home</a></nav>'
        f"<article><h1>{_title(rng, number)}</h1>\n{paras}</article><footer>Copyright 2026</footer></body></html>"
    )
    return page.replace("’", "'").encode(charset, errors="replace")


def json_record(rng: random.Random, token: str, number: int) -> dict:
    return {
        "url": f"https://bench.example/news/{token}",
        "title": _title(rng, number),
        "text": "\n\n".join(paragraphs(rng, token)),
        "published": f"2026-04-{1 + number % 28:02d}",
    }


def warc_archive(pages: list[tuple[str, bytes]], *, compress: bool = True) -> bytes:
    """A WARC with a request record before each HTML response, as crawlers write them; fixed
    dates and record ids, so the same pages always give the same bytes."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    for number, (url, body) in enumerate(pages):
        fixed = [{"WARC-Date": "2026-04-14T09:30:00Z", "WARC-Record-ID": f"<urn:uuid:{uuid.UUID(int=2 * number + k)}>"} for k in (0, 1)]
        request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "bench.example")], is_http_request=True)
        writer.write_record(writer.create_warc_record(url, "request", http_headers=request, warc_headers_dict=fixed[0]))
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), length=len(body), http_headers=http, warc_headers_dict=fixed[1]
        )
        writer.write_record(record)
    return buffer.getvalue()


def rss_feed(items: list[tuple[str, str, list[str]]]) -> bytes:
    """RSS 2.0 whose items carry their full text in ``content:encoded``."""
    entries = "".join(
        f"<item><title>{escape(title)}</title><link>https://bench.example/feed/{token}</link>"
        f"<pubDate>Tue, 14 Apr 2026 09:30:00 +0000</pubDate><content:encoded><![CDATA["
        + "".join(f"<p>{escape(p)}</p>" for p in paras)
        + "]]></content:encoded></item>"
        for token, title, paras in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>Bench Feed</title><link>https://bench.example/</link>{entries}</channel></rss>"
    ).encode()


def atom_feed(items: list[tuple[str, str, list[str]]]) -> bytes:
    entries = "".join(
        f"<entry><title>{escape(title)}</title><link href='https://bench.example/atom/{token}'/>"
        f"<id>urn:bench:{token}</id><updated>2026-04-14T09:30:00Z</updated><content type='html'>"
        + escape("".join(f"<p>{escape(p)}</p>" for p in paras))
        + "</content></entry>"
        for token, title, paras in items
    )
    return (
        f"<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'><title>Bench Atom</title>"
        f"<id>urn:bench</id><updated>2026-04-14T09:30:00Z</updated>{entries}</feed>"
    ).encode()


def _good(kind: str, rng: random.Random, number: int, tokens: list[str]) -> tuple[str, bytes]:
    """``(file name, bytes)`` of one good file of ``kind`` holding the articles with ``tokens``."""
    name = f"good{number:05d}"
    first = tokens[0]
    if kind == "text":
        return f"{name}.txt", text_file(rng, first, number)
    if kind == "text_gz":
        return f"{name}.txt.gz", gzip.compress(text_file(rng, first, number))
    if kind == "text_cp1252":
        body = "\n\n".join(paragraphs(rng, first)) + "\n\n“It was a long night,” the mayor’s spokeswoman said – again."
        return f"{name}.txt", f"{_title(rng, number)}\n\n{body}\n".encode("cp1252")
    if kind == "text_mixed":  # UTF-8 with one Windows-1252 quote pasted in: still text, read by detection
        data = text_file(rng, first, number).replace(b". ", b". \x93Yes,\x94 she said. ", 1)
        return f"{name}.txt", data
    if kind == "html":
        return f"{name}.html", html_page(rng, first, number)
    if kind == "html_cp1252":
        return f"{name}.htm", html_page(rng, first, number, charset="windows-1252")
    if kind == "jsonl":
        lines = [json.dumps(json_record(rng, token, number)) for token in tokens]
        return f"{name}.jsonl", ("\n".join(lines) + "\n").encode()
    if kind == "json_array":
        return f"{name}.json", json.dumps([json_record(rng, token, number) for token in tokens], indent=1).encode()
    if kind == "warc":
        pages = [(f"https://bench.example/warc/{token}", html_page(rng, token, number)) for token in tokens]
        return f"{name}.warc.gz", warc_archive(pages)
    items = [(token, _title(rng, number), paragraphs(rng, token)) for token in tokens]
    if kind == "rss":
        return f"{name}.xml", rss_feed(items)
    return f"{name}.atom", atom_feed(items)


GOOD_KINDS = {  # kind -> articles per file
    "text": 1,
    "text_gz": 1,
    "text_cp1252": 1,
    "text_mixed": 1,
    "html": 1,
    "html_cp1252": 1,
    "jsonl": 4,
    "json_array": 3,
    "warc": 3,
    "rss": 2,
    "atom": 2,
}


# --- bad files -----------------------------------------------------------------------------


def _gzip_bomb(size: int) -> bytes:
    """``size`` newline bytes gzipped at the highest ratio: about 1 KB per MB."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b"\n" * (1 << 20)
    parts = [compressor.compress(block) for _ in range(size >> 20)]
    return b"".join(parts) + compressor.flush()


def _bad(kind: str, rng: random.Random, number: int, context: dict) -> tuple[str, bytes, list[str]]:
    """``(file name, bytes, tokens of good articles it still holds)`` for one bad file of ``kind``."""
    name = f"bad{number:05d}"
    noise = rng.randbytes(rng.randint(200, 4000))
    if kind == "binary_txt":
        return f"{name}.txt", b"\x89PNG\r\n\x1a\n\x00\x00" + noise, []
    if kind == "binary_html":
        return f"{name}.html", b"\x00\x01" + noise, []
    if kind == "binary_jsonl":
        return f"{name}.jsonl", b"\x1f\x00" + noise, []
    if kind == "empty":
        return f"{name}.{rng.choice(['txt', 'html', 'jsonl', 'xml', 'warc'])}", b"", []
    if kind == "blank":
        return f"{name}.{rng.choice(['txt', 'html', 'jsonl'])}", b" \n\t\n\r\n" * rng.randint(1, 50), []
    if kind == "truncated_gz":
        data = gzip.compress(text_file(rng, "x", number) * 5)
        return f"{name}.{rng.choice(['txt', 'html', 'jsonl'])}.gz", data[: len(data) // 2], []
    if kind == "truncated_json":
        data = json.dumps([json_record(rng, "x", number)] * 2).encode()
        return f"{name}.json", data[: rng.randint(10, len(data) // 2)], []
    if kind == "bom_invalid":
        return f"{name}.txt", b"\xef\xbb\xbf" + "Harbour closed\n\nThe pier – closed.".encode("cp1252"), []
    if kind == "utf16_no_bom":
        return f"{name}.txt", "Harbour closed\n\nThe pier was closed on Monday.".encode("utf-16-le"), []
    if kind == "utf16_odd":
        return f"{name}.txt", b"\xff\xfe" + "The pier was closed.".encode("utf-16-le") + b"\x41", []
    if kind == "html_no_text":
        scripts = "".join(f"<script>var x{n} = {n};</script>" for n in range(rng.randint(1, 50)))
        return f"{name}.html", f"<html><head>{scripts}</head><body><div id='app'></div></body></html>".encode(), []
    if kind == "long_line_jsonl":  # a 10 MB line of JSON cut off before its end
        return f"{name}.jsonl", b'{"title": "Long", "text": "' + b"word " * 2_000_000 + b"\n", []
    if kind == "long_line_html":  # a 10 MB one-line page holding no text
        return f"{name}.html", b"<html><body>" + b"<div class='x'><span></span></div>" * 300_000 + b"</body></html>", []
    if kind == "oversize_text":
        return f"{name}.txt", b"word " * 4_400_000, []  # 22 MB on one line, over the 20 MB limit
    if kind == "gzip_bomb":
        context.setdefault("bomb", _gzip_bomb(context.get("bomb_size", 1 << 30)))
        return f"{name}.{['jsonl', 'txt', 'html'][number % 3]}.gz", context["bomb"], []
    if kind == "warc_not_warc":
        return f"{name}.warc", b"HTTP/1.1 200 OK\r\n\r\n" + noise, []
    if kind == "warc_no_html":
        return f"{name}.warc.gz", _warc_without_pages(), []
    if kind == "warc_truncated":
        token = f"refb{number:05d}"
        data = warc_archive([(f"https://bench.example/t/{token}", html_page(rng, token, number))], compress=False)
        return f"{name}.warc", data[: int(len(data) * 0.7)], []
    if kind == "warc_corrupt_member":  # the first page survives; the damaged second record is reported
        tokens = [f"refb{number:05d}a", f"refb{number:05d}b"]
        pages = [(f"https://bench.example/c/{token}", html_page(rng, token, number)) for token in tokens]
        first_length = len(warc_archive(pages[:1]))
        data = bytearray(warc_archive(pages))
        data[first_length + 40 : first_length + 90] = bytes(50)
        return f"{name}.warc.gz", bytes(data), tokens[:1]
    if kind == "feed_broken_xml":
        return f"{name}.xml", b'<?xml version="1.0"?><rss version="2.0"><channel><title>Cut', []
    if kind == "feed_no_entries":
        return f"{name}.rss", b'<?xml version="1.0"?><rss version="2.0"><channel><title>Empty</title></channel></rss>', []
    if kind == "feed_teasers":
        items = "".join(f"<item><title>Teaser {n}</title><description>Short.</description></item>" for n in range(3))
        return f"{name}.xml", f'<rss version="2.0"><channel><title>T</title>{items}</channel></rss>'.encode(), []
    if kind == "feed_not_xml":
        return f"{name}.atom", b"<feed>this is <not <xml" + noise.replace(b"\x00", b""), []
    if kind == "jsonl_bad_lines":
        lines = [b'{"title": "no text"}', b"[1, 2]", b'{"text": "unterminated', b"42", b"{'single': 'quotes'}"]
        return f"{name}.jsonl", b"\n".join(rng.sample(lines, 3)) + b"\n", []
    if kind == "jsonl_mixed":  # good lines around bad ones: the good ones are stored, the bad ones reported
        tokens = [f"refb{number:05d}a", f"refb{number:05d}b"]
        good = [json.dumps(json_record(rng, token, number)).encode() for token in tokens]
        return f"{name}.jsonl", b"\n".join([good[0], b'{"text": 3}', b"not json", good[1]]) + b"\n", tokens
    if kind == "json_not_object":
        return f"{name}.json", rng.choice([b"42\n", b'"a string"\n', b"[1, 2, 3]\n", b"null\n"]), []
    if kind == "front_matter_only":
        return f"{name}.txt", b"---\ntitle: Only a title\noutlet: Bench\n---\n\n", []
    raise ValueError(kind)


def _warc_without_pages() -> bytes:
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    writer.write_record(writer.create_warcinfo_record("crawl.warc.gz", {"software": "bench"}))
    return buffer.getvalue()


BAD_KINDS = (
    "binary_txt",
    "binary_html",
    "binary_jsonl",
    "empty",
    "blank",
    "truncated_gz",
    "truncated_json",
    "bom_invalid",
    "utf16_no_bom",
    "utf16_odd",
    "html_no_text",
    "warc_not_warc",
    "warc_no_html",
    "warc_truncated",
    "warc_corrupt_member",
    "feed_broken_xml",
    "feed_no_entries",
    "feed_teasers",
    "feed_not_xml",
    "jsonl_bad_lines",
    "jsonl_mixed",
    "json_not_object",
    "front_matter_only",
)
HEAVY_KINDS = ("long_line_jsonl", "long_line_html", "oversize_text", "gzip_bomb")
"""Big files (10-22 MB, or a 1 GB gzip bomb): one of each per ``heavy_every`` bad files."""


def make_corpus(
    folder: Path, *, bad: int = 1000, good: int = 1000, seed: int = 2026, heavy_every: int = 250, bomb_size: int = 1 << 30
) -> Corpus:
    """Write ``good`` good files and ``bad`` bad ones, shuffled into subfolders of ``folder``."""
    rng = random.Random(seed)
    corpus = Corpus(folder)
    context = {"bomb_size": bomb_size}
    kinds = list(BAD_KINDS) * (bad // len(BAD_KINDS) + 1)
    kinds = kinds[:bad]
    for index in range(0, bad, heavy_every):
        for offset, heavy in enumerate(HEAVY_KINDS):
            if index + offset < bad:
                kinds[index + offset] = heavy
    good_kinds = list(GOOD_KINDS)
    token_number = 0
    for number in range(good):
        kind = good_kinds[number % len(good_kinds)]
        tokens = [f"refg{token_number + n:06d}" for n in range(GOOD_KINDS[kind])]
        token_number += len(tokens)
        name, data = _good(kind, rng, number, tokens)
        path = _write(folder, rng, name, data)
        corpus.good_files.add(path)
        corpus.tokens.update(dict.fromkeys(tokens, path))
    for number, kind in enumerate(kinds):
        name, data, tokens = _bad(kind, rng, number, context)
        path = _write(folder, rng, name, data)
        corpus.bad[path] = kind
        corpus.tokens.update(dict.fromkeys(tokens, path))
    return corpus


def _write(folder: Path, rng: random.Random, name: str, data: bytes) -> str:
    path = folder / f"part{rng.randint(0, 9)}" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return str(path)


# --- checking an ingest --------------------------------------------------------------------


@dataclass
class Outcome:
    """What ``crosscheck ingest`` did with a corpus, against what it should have done."""

    exit_code: int
    seconds: float
    stored: int
    missing_tokens: list[str]
    repeated_tokens: list[str]
    unreported_bad: list[str]
    errors_on_good: list[str]
    malformed_lines: list[str]
    untranslated: list[str]
    reasons: dict[str, Counter]

    @property
    def ok(self) -> bool:
        return self.exit_code == 1 and not (
            self.missing_tokens
            or self.repeated_tokens
            or self.unreported_bad
            or self.errors_on_good
            or self.malformed_lines
            or self.untranslated
        )


def ingest_corpus(corpus: Corpus, db: Path) -> Outcome:
    """Run ``crosscheck ingest`` in a fresh process and compare the store with the corpus."""
    from crosscheck.store import Store

    start = time.perf_counter()
    run = subprocess.run(
        [sys.executable, "-m", "crosscheck", "ingest", str(corpus.folder), "--db", str(db), "-q"],
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    reported: dict[str, list[str]] = {}
    errors_on_good, malformed, untranslated = [], [], []
    for line in run.stderr.splitlines():
        match = _ERROR_LINE.fullmatch(line)
        path = _named_file(match["rest"], corpus) if match else None
        if path is None:
            malformed.append(line)
            continue
        reason = match["rest"][len(path) :].split(": ", 1)[-1]
        if "unexpected" in reason or "Traceback" in reason:
            untranslated.append(line)
        if path in corpus.good_files:
            errors_on_good.append(line)
        reported.setdefault(path, []).append(reason)
    with Store(db, readonly=True) as store:
        texts = [article.text for article in store.iter_articles()]
        stored = store.count()
    found = Counter(token for text in texts for token in re.findall(r"\bref[gb]\d{5,6}[ab]?\b", text))
    reasons: dict[str, Counter] = {}
    for path, kind in corpus.bad.items():
        reasons.setdefault(kind, Counter()).update(reported.get(path, ["(not reported)"])[:1])
    return Outcome(
        exit_code=run.returncode,
        seconds=seconds,
        stored=stored,
        missing_tokens=[token for token in corpus.tokens if found[token] == 0],
        repeated_tokens=[token for token, count in found.items() if count > 1],
        unreported_bad=[path for path in corpus.bad if path not in reported],
        errors_on_good=errors_on_good,
        malformed_lines=malformed,
        untranslated=untranslated,
        reasons=reasons,
    )


def _named_file(rest: str, corpus: Corpus) -> str | None:
    """The corpus file an ``error:`` line names (``path: ...``, ``path:3: ...``, ``path#record2: ...``)."""
    head = rest.split(": ", 1)[0]
    path = re.sub(r"(?::\d+|#\w+)$", "", head)
    if path in corpus.bad or path in corpus.good_files:
        return path
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bad", type=int, default=1000)
    parser.add_argument("--good", type=int, default=1000)
    parser.add_argument("--keep", type=Path, help="write the corpus here and keep it (default: a temporary folder)")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="crosscheck-malformed-"))
    try:
        start = time.perf_counter()
        corpus = make_corpus(folder / "corpus", bad=args.bad, good=args.good)
        size = sum(f.stat().st_size for f in (folder / "corpus").rglob("*") if f.is_file())
        print(
            f"corpus: {len(corpus.good_files):,} good files ({len(corpus.tokens):,} articles to keep), "
            f"{len(corpus.bad):,} bad files, {size / 1e6:.0f} MB, made in {time.perf_counter() - start:.1f} s"
        )
        outcome = ingest_corpus(corpus, folder / "store.db")
        print(
            f"ingest: exit {outcome.exit_code} in {outcome.seconds:.1f} s; {outcome.stored:,} articles stored; "
            f"good articles missing {len(outcome.missing_tokens)}, stored twice {len(outcome.repeated_tokens)}; "
            f"bad files unreported {len(outcome.unreported_bad)}; errors on good files {len(outcome.errors_on_good)}; "
            f"malformed stderr lines {len(outcome.malformed_lines)}; untranslated exceptions {len(outcome.untranslated)}"
        )
        for label, items in (
            ("missing", outcome.missing_tokens),
            ("unreported", outcome.unreported_bad),
            ("error on good file", outcome.errors_on_good),
            ("malformed", outcome.malformed_lines),
            ("untranslated", outcome.untranslated),
        ):
            for item in items[:5]:
                print(f"  {label}: {item}")
        print("\nkind of damage              files  first reason")
        for kind, reasons in sorted(outcome.reasons.items()):
            reason, _ = reasons.most_common(1)[0]
            print(f"  {kind:<24} {sum(reasons.values()):>5}  {reason[:90]}")
        print(f"\nresult: {'PASS' if outcome.ok else 'FAIL'}")
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    sys.exit(0 if outcome.ok else 1)


if __name__ == "__main__":
    main()
