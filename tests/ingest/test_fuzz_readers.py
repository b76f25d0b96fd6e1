"""Every reader, on any bytes at all: articles or one-line failures, never an exception.

Property tests (hypothesis) on damaged seed documents and on random bytes, and a short run of
``bench/fuzz.py`` (200 inputs per parser) so the million-input fuzzer cannot rot unnoticed.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parents[2] / "bench"))
import fuzz  # noqa: E402

from crosscheck.clean import clean_article  # noqa: E402
from crosscheck.ingest.decode import decode_text  # noqa: E402
from crosscheck.ingest.options import IngestOptions, ReadError  # noqa: E402
from crosscheck.ingest.readers import read_data, reader_for  # noqa: E402
from crosscheck.ingest.sources import Input, read_input  # noqa: E402
from crosscheck.model import Article, Failure  # noqa: E402

READERS = ("text", "html", "jsonl", "warc", "feed")
SEEDS = {fmt: fuzz.seeds(fmt) for fmt in READERS}
FUZZ_SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
edits = st.lists(st.tuples(st.floats(0, 1), st.integers(0, 60), st.binary(max_size=40)), max_size=5)


def damaged(seed: bytes, changes: list[tuple[float, int, bytes]]) -> bytes:
    """``seed`` with each change applied: cut ``length`` bytes at a relative position, insert bytes there."""
    for where, length, insert in changes:
        at = int(where * len(seed))
        seed = seed[:at] + insert + seed[at + length :]
    return seed


def assert_read_well(results: list[Article | Failure]) -> None:
    """Failures are one line with a reason; articles clean with every character accounted for."""
    for result in results:
        if isinstance(result, Failure):
            assert "\n" not in str(result) and result.reason.strip()
            assert not result.reason.startswith("unexpected"), result.reason
        else:
            assert isinstance(result, Article) and isinstance(result.body, str)
            cleaned = clean_article(result)
            fuzz.check_cleaning(cleaned.body, cleaned.text, cleaned.paragraphs, cleaned.removed)


def read_or_refuse(fmt: str, data: bytes) -> list[Article | Failure]:
    try:
        return list(reader_for(fmt)(io.BytesIO(data), f"fuzz.{fmt}", IngestOptions()))
    except ReadError as exc:
        return [Failure("fuzz", str(exc))]


@pytest.mark.parametrize("fmt", READERS)
@FUZZ_SETTINGS
@given(data=st.data(), changes=edits)
def test_damaged_documents_give_articles_or_failures(fmt: str, data: st.DataObject, changes) -> None:
    seed = data.draw(st.sampled_from(SEEDS[fmt]))
    assert_read_well(read_or_refuse(fmt, damaged(seed, changes)))


@pytest.mark.parametrize("fmt", READERS)
@FUZZ_SETTINGS
@given(data=st.binary(max_size=3000))
def test_random_bytes_give_articles_or_failures(fmt: str, data: bytes) -> None:
    assert_read_well(read_or_refuse(fmt, data))


@FUZZ_SETTINGS
@given(data=st.binary(max_size=3000), hint=st.sampled_from(["", "text/html", "application/json", "text/xml"]))
def test_sniffing_dispatcher_never_raises_anything_but_read_error(data: bytes, hint: str) -> None:
    try:
        results = list(read_data(data, "upload", IngestOptions(), content_type=hint or None))
    except ReadError as exc:
        results = [Failure("upload", str(exc))]
    assert_read_well(results)


@settings(max_examples=60, deadline=None)
@given(data=st.binary(max_size=3000), declared=st.sampled_from([None, "utf-8", "latin-1", "bogus\x00", "utf-16"]))
def test_decode_gives_text_or_a_reason(data: bytes, declared: str | None) -> None:
    try:
        text = decode_text(data, declared)
    except ReadError as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert isinstance(text, str)


@settings(max_examples=60, deadline=None)
@given(text=st.text(st.characters(blacklist_categories=("Cc", "Cs")) | st.sampled_from("\n\t"), min_size=1, max_size=500))
def test_decode_round_trips_utf8_and_bom_text(text: str) -> None:
    """Text without control characters comes back exactly: UTF-8 is never second-guessed."""
    assert decode_text(text.encode("utf-8")) == text
    assert decode_text(b"\xef\xbb\xbf" + text.encode("utf-8")) == text
    assert decode_text(text.encode("utf-16")) == text


@FUZZ_SETTINGS
@given(
    data=st.one_of(st.binary(max_size=2000), st.sampled_from(SEEDS["text"] + SEEDS["jsonl"])),
    name=st.sampled_from(["a.txt", "a.txt.gz", "a.jsonl", "a.jsonl.gz", "a.html.gz", "a.xml", "a.warc", "a.json"]),
    compress=st.booleans(),
)
def test_any_file_on_disk_is_read_or_reported_by_name(tmp_path_factory, data: bytes, name: str, compress: bool) -> None:
    import gzip

    path = tmp_path_factory.mktemp("in") / name
    path.write_bytes(gzip.compress(data) if compress else data)
    results = list(read_input(Input(str(path), "path"), IngestOptions()))
    assert_read_well(results)
    assert all(r.source.startswith(str(path)) for r in results if isinstance(r, Failure))


@pytest.mark.parametrize("parser", ["text", "html", "jsonl", "warc", "feed", "decode", "sniff", "sources"])
def test_short_fuzz_run_finds_no_crash(parser: str) -> None:
    report = fuzz.fuzz(parser, 200, seed=11, processes=1)
    assert report.inputs == 200
    assert report.crashes == [], report.crashes[:3]


def test_a_long_run_can_be_shared_between_runs() -> None:
    """``--first``: two runs over inputs 0-29 and 30-59 see exactly the inputs one run of 60 sees."""
    whole = fuzz.run_range("text", 5, 0, 60)
    halves = fuzz.fuzz("text", 30, seed=5, processes=1, first=0)
    halves.merge(fuzz.fuzz("text", 30, seed=5, processes=1, first=30))
    assert halves.inputs == whole.inputs == 60
    assert halves.refused == whole.refused
    assert fuzz.fuzz("text", 10, seed=5, processes=1, first=50).slowest[1] in range(50, 60)


# --- inputs fuzzing found, kept as plain regression tests ------------------------------------


def test_lone_surrogate_in_json_becomes_a_replacement_character(tmp_path: Path) -> None:
    from crosscheck.api import ingest
    from crosscheck.store import Store

    (tmp_path / "a.jsonl").write_text('{"title": "Pier \\ud800", "text": "The pier \\udc00 closed."}\n')
    with Store(tmp_path / "s.db") as store:
        summary = ingest([str(tmp_path / "a.jsonl")], store)
        [article] = list(store.iter_articles())
    assert summary.ok and article.text == "The pier \ufffd closed." and article.title == "Pier \ufffd"


def test_gzip_bomb_is_refused_and_truncated_gzip_keeps_what_came_before(tmp_path: Path) -> None:
    import gzip
    import json

    sys.path.insert(0, str(Path(__file__).parents[2] / "bench"))
    import malformed

    (tmp_path / "bomb.jsonl.gz").write_bytes(malformed._gzip_bomb(1 << 26))
    lines = "".join(json.dumps({"text": f"Story {n} of the harbour. " * 10}) + "\n" for n in range(2000)).encode()
    packed = gzip.compress(lines)
    (tmp_path / "cut.jsonl.gz").write_bytes(packed[: len(packed) // 2])
    [bomb] = list(read_input(Input(str(tmp_path / "bomb.jsonl.gz"), "path"), IngestOptions()))
    assert "gzip bomb" in bomb.reason
    cut = list(read_input(Input(str(tmp_path / "cut.jsonl.gz"), "path"), IngestOptions()))
    assert len(cut) > 500 and all(isinstance(r, Article) for r in cut[:-1])
    assert "truncated or corrupt" in cut[-1].reason


def test_feed_link_with_line_breaks_still_gives_one_error_line() -> None:
    feed = b'<rss version="2.0"><channel><title>T</title><item><title>A</title><link>h\n\nttps://a.example/x</link><description>Short.</description></item></channel></rss>'
    [failure] = read_or_refuse("feed", feed)
    assert failure.source == "https://a.example/x" and "\n" not in str(failure)


def test_long_whitespace_in_a_date_is_not_a_date() -> None:
    from crosscheck.ingest.fields import iso_date

    assert iso_date("Tue, 14 Apr 2026" + " " * 100_000 + "'") is None


def test_feed_date_with_an_absurd_year_leaves_the_entry_undated() -> None:
    """Fuzz crash (feed seed 32 input 366680): an RFC 2822 year too big for a C integer."""
    feed = (
        b'<rss version="2.0"><channel><title>T</title><item><title>A</title><link>https://a.example/x</link>'
        b"<pubDate>Tue, 14 Apr 202626262626 09:30:00 +0000</pubDate>"
        b"<description>" + b"The pier closed on Monday after a crack was found. " * 12 + b"</description>"
        b"</item></channel></rss>"
    )  # a description this long is the story itself, not a teaser
    [article] = read_or_refuse("feed", feed)
    assert article.published is None and article.body.startswith("The pier closed")


def test_page_of_many_empty_elements_falls_back_to_paragraphs() -> None:
    page = b"<html><head><title>Pier</title></head><body><p>The pier closed on Monday.</p>" + b"<div></div>" * 50_000
    [article] = read_or_refuse("html", page + b"</body></html>")
    assert article.body == "The pier closed on Monday." and article.title == "Pier"


def test_warc_with_a_wrong_content_length_writes_nothing_to_stderr(capsys) -> None:
    archive = SEEDS["warc"][0].replace(b"Content-Length: ", b"Content-Length: 1", 1)
    assert_read_well(read_or_refuse("warc", archive))
    assert capsys.readouterr().err == ""
