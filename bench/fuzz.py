"""Fuzz every parser with mutated and random inputs; a crash is any exception a parser lets out.

    python bench/fuzz.py                           # 1,000,000 inputs per parser, 2 processes
    python bench/fuzz.py --inputs 20000 --parser html --parser warc
    python bench/fuzz.py --inputs 400000 --first 600000 --parser html   # one share of a long run

Inputs are mutations of small fictional seed documents (bit flips, cut, spliced, repeated,
format tokens inserted) plus 10% random bytes; input ``i`` is a function of ``(--seed, i)``,
so any crash replays with ``--replay PARSER:I``. A reader may refuse an input with
``ReadError`` (the one-line reason the user sees); anything else escaping is a crash, as is
a broken promise: a multi-line failure reason, or cleaning that loses or misplaces text.
Crashing inputs are written to ``bench/out/fuzz/``. ``fuzz()`` is what the test suite calls.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import multiprocessing
import random
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from contextlib import redirect_stderr
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import malformed  # noqa: E402 - the seed documents come from the malformed-corpus generator

from crosscheck.clean import clean_text  # noqa: E402
from crosscheck.ingest.decode import decode_text  # noqa: E402
from crosscheck.ingest.options import IngestOptions, ReadError  # noqa: E402
from crosscheck.ingest.readers import read_data, reader_for  # noqa: E402
from crosscheck.model import Article, Failure, Removal, Span  # noqa: E402

OUT = Path(__file__).parent / "out" / "fuzz"
TIME_LIMIT_S = 20  # CPU seconds per input
OPTIONS = IngestOptions(max_bytes=200_000)
TOKENS = {
    "text": [b"---\n", b"\n...\n", b"title: ", b"date: 2026-13-45\n", b"\r", b"\xe2\x80\x9c", b"# ", b"BREAKING: "],
    "html": [b"<p>", b"</p>", b"<script>", b"<![CDATA[", b"&#x110000;", b"<meta charset='utf-16'>", b"<time>", b"<!--"],
    "jsonl": [b"{", b"}", b"[", b"]", b'"', b"\\u", b"\\ud800", b'"text":', b"\n", b"NaN", b"1e999", b'{"html":"<p>'],
    "warc": [b"WARC/1.0\r\n", b"Content-Length: 99999999\r\n", b"\r\n\r\n", b"HTTP/1.1 200 OK\r\n", b"\x1f\x8b"],
    "feed": [b"<item>", b"</item>", b"<entry>", b"<![CDATA[", b"&amp;", b"<content type='text'>", b"<pubDate>", b"]]>"],
}
_COMMON_TOKENS = [b"\x00", b"\xef\xbb\xbf", b"\xff\xfe", b"\xc3", b"\xed\xa0\x80", b"\n\n", b" ", b"\t", b"\\"]


@dataclass
class Report:
    """What fuzzing one parser found."""

    parser: str
    inputs: int = 0
    crashes: list[tuple[int, str]] = field(default_factory=list)  # (input number, one-line signature)
    refused: int = 0
    seconds: float = 0.0
    slowest: tuple[float, int] = (0.0, -1)

    def merge(self, other: Report) -> None:
        self.inputs += other.inputs
        self.crashes += other.crashes
        self.refused += other.refused
        self.slowest = max(self.slowest, other.slowest)


# --- seeds and mutation --------------------------------------------------------------------


def seeds(parser: str) -> list[bytes]:
    """Small documents of the parser's format, from the same generators as the malformed corpus."""
    rng = random.Random(7)
    if parser in ("text", "decode", "clean", "language"):
        found = [malformed.text_file(rng, "ref", n) for n in range(3)]
        found.append("“It was – again,” she said.\n\nPhoto: J. Doe/AFP\n\nSign up for our newsletter\n".encode("cp1252"))
        found.append(b"Breaking News\nUPDATED: Pier shut\n\nThe pier shut.\nFollow us on Twitter @pier\n\n(c) 2026 News")
        return found
    if parser in ("html", "sniff"):
        return [malformed.html_page(rng, "ref", n) for n in range(2)] + [b"<p>Short page.</p>"]
    if parser == "jsonl":
        records = [malformed.json_record(rng, "ref", n) for n in range(3)]
        return [
            "\n".join(json.dumps(r) for r in records).encode(),
            json.dumps(records, indent=1).encode(),
            json.dumps({"html": malformed.html_page(rng, "ref", 1).decode(), "url": "http://a.example/x"}).encode(),
        ]
    if parser == "warc":
        page = malformed.html_page(rng, "ref", 1)
        return [
            malformed.warc_archive([("https://a.example/1", page)], compress=False),
            malformed.warc_archive([("https://a.example/1", page), ("https://a.example/2", page[:300])]),
        ]
    if parser == "feed":
        items = [("ref", "A title", malformed.paragraphs(rng, "ref", 3))]
        return [malformed.rss_feed(items), malformed.atom_feed(items)]
    raise ValueError(f"unknown parser {parser!r} (choose from {', '.join(PARSERS)})")


def mutate(data: bytes, rng: random.Random, tokens: list[bytes], others: list[bytes]) -> bytes:
    """One to four random edits of ``data``."""
    buffer = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        at = rng.randint(0, len(buffer))
        choice = rng.random()
        if choice < 0.2 and buffer:
            buffer[min(at, len(buffer) - 1)] ^= 1 << rng.randint(0, 7)
        elif choice < 0.35:
            del buffer[at : at + rng.randint(1, 200)]
        elif choice < 0.55:
            buffer[at:at] = rng.choice(tokens)
        elif choice < 0.65:
            buffer[at:at] = rng.randbytes(rng.randint(1, 20))
        elif choice < 0.75:
            piece = bytes(buffer[at : at + rng.randint(1, 400)])
            buffer[at:at] = piece * rng.randint(2, 20)
        elif choice < 0.85:
            other = rng.choice(others)
            cut = rng.randint(0, len(other))
            buffer[at:] = other[cut:]
        elif choice < 0.95:
            del buffer[at:]
        else:
            buffer[at:at] = bytes([rng.choice(b"<>&\"'{}[]\\\n\r\x00")]) * rng.randint(50, 5000)
    return bytes(buffer)


def make_input(parser: str, seed: int, number: int, corpus: list[bytes]) -> bytes:
    rng = random.Random(seed * 1_000_003 + number)
    if rng.random() < 0.1:
        return rng.randbytes(rng.randint(0, 2000))
    tokens = TOKENS.get(parser, TOKENS["text"]) + _COMMON_TOKENS
    return mutate(rng.choice(corpus), rng, tokens, corpus)


# --- targets: each returns True if the input was refused (a ReadError), raises on a crash ----


def check_failure(failure: Failure) -> None:
    if "\n" in str(failure) or not failure.reason.strip():
        raise AssertionError(f"failure is not one line: {str(failure)!r}")


def check_cleaning(body: str, text: str, paragraphs: list[Span], removed: list[Removal]) -> None:
    """Every removal is an exact piece of the body; paragraphs and removals together cover all
    of the body's non-space characters once; paragraphs are exact pieces of the cleaned text."""
    covered = bytearray(len(body))
    for removal in removed:
        if not 0 <= removal.start <= removal.end <= len(body) or body[removal.start : removal.end] != removal.text:
            raise AssertionError(f"removal does not point at its text: {removal!r}")
        _cover(covered, removal.start, removal.end)
    cursor = 0
    for span in paragraphs:
        if not 0 <= span.start < span.end <= len(text):
            raise AssertionError(f"paragraph span outside the text: {span!r}")
        piece = span.of(text)
        place = _free_place(body, piece, cursor, covered)
        if place < 0:
            raise AssertionError(f"paragraph is not a piece of the body: {piece[:80]!r}")
        _cover(covered, place, place + len(piece))
        cursor = place + len(piece)
    if "\n\n".join(span.of(text) for span in paragraphs) != text:
        raise AssertionError("cleaned text is not its paragraphs joined by blank lines")
    lost = [i for i, char in enumerate(body) if not covered[i] and not char.isspace()]
    if lost:
        raise AssertionError(f"{len(lost)} characters neither kept nor removed, from {body[lost[0]:lost[0] + 40]!r}")


def _cover(covered: bytearray, start: int, end: int) -> None:
    if any(covered[start:end]):
        raise AssertionError(f"characters {start}-{end} are both kept and removed, or removed twice")
    covered[start:end] = b"\1" * (end - start)


def _free_place(body: str, piece: str, start: int, covered: bytearray) -> int:
    """The first place at or after ``start`` where ``piece`` occurs in ``body`` on uncovered ground."""
    place = body.find(piece, start)
    while place >= 0 and any(covered[place : place + len(piece)]):
        place = body.find(piece, place + 1)
    return place


def _reader_target(fmt: str) -> Callable[[bytes], bool]:
    read = reader_for(fmt)

    def run(data: bytes) -> bool:
        try:
            results = list(read(io.BytesIO(data), f"fuzz.{fmt}", OPTIONS))
        except ReadError as exc:
            check_failure(Failure("fuzz", str(exc)))
            return True
        for result in results:
            if isinstance(result, Failure):
                check_failure(result)
            elif not isinstance(result, Article) or not isinstance(result.body, str):
                raise AssertionError(f"reader yielded {type(result).__name__}")
        return False

    return run


def _sniff(data: bytes) -> bool:
    """The dispatcher without a format: sniffing picks the reader, as for stdin and URLs."""
    try:
        results = list(read_data(data, "fuzz", OPTIONS))
    except ReadError:
        return True
    return not any(isinstance(result, Article) for result in results)


def _gzip_path(data: bytes) -> bool:
    """A gzipped file through the whole path-reading code (gzip guard, sniffing, cleaning)."""
    from crosscheck.api import read_articles

    with tempfile.NamedTemporaryFile(suffix=".txt.gz") as handle:
        handle.write(gzip.compress(data, 1) if data[:1] != b"\x1f" else data)
        handle.flush()
        results = list(read_articles([handle.name], OPTIONS))
    for result in results:
        if isinstance(result, Failure):
            check_failure(result)
            if result.reason.startswith("unexpected"):
                raise AssertionError(result.reason)
        else:
            check_cleaning(result.body, result.text, result.paragraphs, result.removed)
    return all(isinstance(result, Failure) for result in results)


def _decode(data: bytes) -> bool:
    try:
        decoded = decode_text(data)
    except ReadError:
        return True
    if not isinstance(decoded, str):
        raise AssertionError("decode_text returned no str")
    return False


def _clean(data: bytes) -> bool:
    body = data.decode("utf-8", errors="replace")
    title = body.split("\n", 1)[0]
    text, paragraphs, removed = clean_text(body, title=title or None)
    check_cleaning(body, text, paragraphs, removed)
    return False


def _language(data: bytes) -> bool:
    from crosscheck.language.pipeline import annotate

    text = data.decode("utf-8", errors="replace")
    doc = annotate(text, published="2026-03-10")
    check_doc(doc)
    return False


def check_doc(doc) -> None:  # type: ignore[no-untyped-def]
    """Every span of every annotation lies inside the text, start before end."""
    size = len(doc.text)

    def inside(start: int, end: int, what: str) -> None:
        if not 0 <= start <= end <= size:
            raise AssertionError(f"{what} span {start}-{end} outside text of {size}")

    for span in doc.sentences:
        inside(span.start, span.end, "sentence")
    for item in [*doc.mentions, *doc.quantities, *doc.times, *doc.polarity]:
        inside(item.start, item.end, type(item).__name__)
    for polarity in doc.polarity:
        for cue in polarity.cues:
            inside(cue.start, cue.end, "polarity cue")
    for attribution in doc.attributions:
        for span in (attribution.content, attribution.cue, attribution.source):
            if span is not None:
                inside(span.start, span.end, "attribution")


PARSERS: dict[str, Callable[[bytes], bool]] = {
    "text": _reader_target("text"),
    "html": _reader_target("html"),
    "jsonl": _reader_target("jsonl"),
    "warc": _reader_target("warc"),
    "feed": _reader_target("feed"),
    "decode": _decode,
    "sniff": _sniff,
    "sources": _gzip_path,
    "clean": _clean,
    "language": _language,
}
SEEDS_OF = {"sources": "text"}


# --- running -------------------------------------------------------------------------------


def _timeout(signum: int, frame: object) -> None:
    raise TimeoutError(f"input took over {TIME_LIMIT_S} s of CPU")


def run_range(parser: str, seed: int, start: int, stop: int) -> Report:
    """Fuzz inputs ``start`` to ``stop`` of ``parser`` in this process."""
    target = PARSERS[parser]
    corpus = seeds(SEEDS_OF.get(parser, parser))
    report = Report(parser)
    # CPU time, not wall time: a loaded machine, or a run paused with SIGSTOP to measure
    # something else quietly, must not turn a slow moment into a "hang".
    signal.signal(signal.SIGPROF, _timeout)
    for number in range(start, stop):
        data = make_input(parser, seed, number, corpus)
        began = time.process_time()
        signal.setitimer(signal.ITIMER_PROF, TIME_LIMIT_S)
        try:
            with redirect_stderr(io.StringIO()) as noise:
                report.refused += target(data)
            if noise.getvalue():
                raise AssertionError(f"wrote to stderr: {noise.getvalue()[:100]!r}")
        except Exception as exc:  # noqa: BLE001 - every escaping exception is the finding
            report.crashes.append((number, _signature(exc)))
            _save(parser, seed, number, data, exc)
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)
        report.slowest = max(report.slowest, (time.process_time() - began, number))
        report.inputs += 1
    return report


def _signature(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    where = next((f"{Path(f.filename).name}:{f.lineno}" for f in reversed(frames) if "crosscheck" in f.filename), "?")
    return f"{type(exc).__name__} at {where}: {str(exc)[:120]}"


def _save(parser: str, seed: int, number: int, data: bytes, exc: BaseException) -> None:
    try:
        OUT.mkdir(parents=True, exist_ok=True)
        (OUT / f"{parser}-{seed}-{number}.bin").write_bytes(data)
        (OUT / f"{parser}-{seed}-{number}.txt").write_text("".join(traceback.format_exception(exc)))
    except OSError:
        pass


def _run_chunk(job: tuple[str, int, int, int]) -> Report:
    return run_range(*job)


def fuzz(
    parser: str, inputs: int, *, seed: int = 1, processes: int = 2, chunk: int = 500, first: int = 0
) -> Report:
    """Fuzz ``parser`` with inputs ``first`` to ``first + inputs - 1`` over ``processes`` worker
    processes (``first`` lets separate runs share one long range)."""
    began = time.perf_counter()
    stop = first + inputs
    jobs = [(parser, seed, start, min(start + chunk, stop)) for start in range(first, stop, chunk)]
    total = Report(parser)
    if processes <= 1:
        for job in jobs:
            total.merge(_run_chunk(job))
    else:
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            for report in pool.imap_unordered(_run_chunk, jobs):
                total.merge(report)
    total.seconds = time.perf_counter() - began
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--inputs", type=int, default=1_000_000, help="inputs per parser (default 1,000,000)")
    parser.add_argument("--parser", action="append", choices=list(PARSERS), help="repeatable; default all")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--first", type=int, default=0, help="number of the first input (default 0)")
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--replay", metavar="PARSER:I", help="run one input in this process and show its traceback")
    args = parser.parse_args()
    if args.replay:
        name, number = args.replay.split(":")
        data = make_input(name, args.seed, int(number), seeds(SEEDS_OF.get(name, name)))
        print(repr(data[:2000]))
        PARSERS[name](data)
        print("no crash")
        return
    print(f"{'parser':<9} {'inputs':>10} {'crashes':>8} {'refused':>8} {'inputs/s':>9} {'slowest (CPU)':>14}")
    crashed = 0
    for name in args.parser or list(PARSERS):
        report = fuzz(name, args.inputs, seed=args.seed, processes=args.processes, first=args.first)
        crashed += len(report.crashes)
        print(
            f"{name:<9} {report.inputs:>10,} {len(report.crashes):>8,} {report.refused:>8,} "
            f"{report.inputs / report.seconds:>9,.0f} {report.slowest[0]:>8.2f}s (input {report.slowest[1]})",
            flush=True,
        )
        for signature, count in Counter(sig for _, sig in report.crashes).most_common(10):
            example = next(number for number, sig in report.crashes if sig == signature)
            print(f"    {count:>6} x {signature}  (replay: --replay {name}:{example})")
    if args.first:
        print(f"\ninputs {args.first:,} to {args.first + args.inputs - 1:,} of seed {args.seed}")
    print(f"\n{crashed} crashes in total (0 expected)")
    sys.exit(1 if crashed else 0)


if __name__ == "__main__":
    main()
