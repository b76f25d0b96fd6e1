"""Reading JSON Lines and JSON files: common field names, bad lines reported, good lines kept."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck.ingest.jsonl import read
from crosscheck.ingest.options import IngestOptions, ReadError
from crosscheck.model import Article, Failure

FIXTURES = Path(__file__).parents[1] / "fixtures" / "ingest" / "jsonl"


def read_file(name: str, options: IngestOptions | None = None) -> list[Article | Failure]:
    path = FIXTURES / name
    return list(read(io.BytesIO(path.read_bytes()), str(path), options or IngestOptions()))


def read_bytes(data: bytes, options: IngestOptions | None = None) -> list[Article | Failure]:
    return list(read(io.BytesIO(data), "batch.jsonl", options or IngestOptions()))


def test_bad_lines_are_reported_and_good_lines_read() -> None:
    results = read_file("wire_batch.jsonl")
    source = str(FIXTURES / "wire_batch.jsonl")
    failures = {r.source: r.reason for r in results if isinstance(r, Failure)}
    assert failures == {
        f"{source}:3": "invalid JSON: Unterminated string starting at (column 34)",
        f"{source}:4": "not a JSON object (found list)",
        f"{source}:5": "no article text (expected one of: text, body, content, article, maintext, html, raw_html)",
    }
    articles = [r for r in results if isinstance(r, Article)]
    assert [a.source for a in articles] == [f"{source}:{n}" for n in (1, 2, 7, 8)]


def test_ids_from_id_field_then_url_then_file_and_line() -> None:
    ids = [r.id for r in read_file("wire_batch.jsonl") if isinstance(r, Article)]
    assert ids == [
        "https://www.northbaycourier.example/local/2023/03/night-ferry-returns",
        "https://valderapost.example/business/mill-reopens",
        "wire_batch-7",
        "kw-2023-0415",
    ]


def test_field_spellings_and_date_forms() -> None:
    ferry, mill, road, library = (r for r in read_file("wire_batch.jsonl") if isinstance(r, Article))
    assert (ferry.title, ferry.outlet, ferry.byline, ferry.kicker) == (
        "Night ferry returns to Port Caddow",
        "The Northbay Courier",
        "Mara Ellwood",
        "Local",
    )
    assert ferry.published == "2023-03-14T09:30:00+01:00"
    assert ferry.body == (
        "The night ferry between Port Caddow and Lesser Wend will run again from next month.\n\n"
        "Harbour master Ingrid Salo said the new boat had passed its sea trials."
    )
    assert mill.published == "2023-05-02T07:15:00+00:00"  # RFC 2822 pubDate
    assert mill.byline == "Tomas Wrenfield, Ada Quill"  # authors list
    assert mill.outlet == "Valdera Evening Post"  # NewsAPI-style {"name": ...} source
    assert road.published == "2023-04-04T12:00:00+00:00"  # epoch seconds
    assert (road.language, road.outlet) == ("en", "kestrelgazette.example")
    assert library.published is None  # "sometime last spring" is not a date
    assert (library.outlet, library.byline) == ("Orrin Town News", "Jonas Pell")


def test_html_field_goes_through_the_html_reader() -> None:
    mill = [r for r in read_file("wire_batch.jsonl") if isinstance(r, Article)][1]
    assert mill.body.startswith("The old wool mill on the River Tessel will reopen")
    assert "<p>" not in mill.body
    assert mill.format == "jsonl"
    assert mill.raw.startswith(b'{"link": "https://valderapost.example/business/mill-reopens"')


def test_text_with_single_newlines_has_one_paragraph_per_line() -> None:
    road = [r for r in read_file("wire_batch.jsonl") if isinstance(r, Article)][2]
    assert road.body.split("\n\n") == [
        "One lane of the coast road near Hallam Point reopened at noon.",
        "The second lane will follow on Friday, the county said.",
    ]


def test_json_array() -> None:
    first, second, stray = read_file("storm_array.json")
    source = str(FIXTURES / "storm_array.json")
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.id == "https://kestrelgazette.example/storm-closes-coast-road"
    assert (first.published, first.outlet) == ("2023-04-04", "Kestrel Coast Gazette")
    assert second.id == "storm_array-2"
    assert second.body.split("\n\n") == [
        "Residents of Cliff Terrace spent the night at the village hall.",
        "Power was restored at six in the morning.",
    ]
    assert stray == Failure(f"{source}#item3", "not a JSON object (found str)")


def test_single_pretty_printed_object() -> None:
    [article] = read_file("library_single.json")
    assert isinstance(article, Article)
    assert article.title == "Library extends opening hours"
    assert article.raw == (FIXTURES / "library_single.json").read_bytes().strip()


def test_broken_first_line_does_not_hide_the_lines_after_it() -> None:
    good = json.dumps({"title": "Pier reopens", "text": "The pier at Marrow reopened on Friday."})
    results = read_bytes(b'{"title": "cut off\n' + good.encode() + b"\n")
    assert isinstance(results[0], Failure) and results[0].source == "batch.jsonl:1"
    assert isinstance(results[1], Article) and results[1].title == "Pier reopens"


def test_broken_array_keeps_the_items_before_the_damage() -> None:
    data = b'[{"title": "One", "text": "First story."}, {"title": "Two", "text": "Sec'
    first, failure = read_bytes(data)
    assert isinstance(first, Article) and first.title == "One"
    assert isinstance(failure, Failure) and failure.source == "batch.jsonl#item2"
    assert "stopped reading here" in failure.reason


def test_line_over_the_cap_is_skipped_and_reported() -> None:
    short = json.dumps({"title": "Short", "text": "A short story."}).encode()
    long = json.dumps({"title": "Long", "text": "word " * 500}).encode()
    results = read_bytes(b"\n".join([short, long, short]) + b"\n", IngestOptions(max_bytes=1000))
    assert [type(r) for r in results] == [Article, Failure, Article]
    assert results[1] == Failure("batch.jsonl:2", "line is over the 0.001 MB limit")


def test_truncated_gzip_reports_where_reading_stopped() -> None:
    lines = "".join(json.dumps({"title": f"Story {n}", "text": f"Text of story {n}."}) + "\n" for n in range(200))
    damaged = gzip.compress(lines.encode())[:-40]
    results = list(read(gzip.GzipFile(fileobj=io.BytesIO(damaged)), "batch.jsonl.gz", IngestOptions()))
    assert isinstance(results[0], Article)
    assert isinstance(results[-1], Failure) and "truncated or corrupt" in results[-1].reason


def test_options_override_outlet_and_date() -> None:
    line = json.dumps({"text": "Body.", "outlet": "Somebody", "date": "2020-01-01"}).encode()
    [article] = read_bytes(line, IngestOptions(outlet="Kestrel Coast Gazette", published="2023-04-04"))
    assert isinstance(article, Article)
    assert (article.outlet, article.published) == ("Kestrel Coast Gazette", "2023-04-04")


@settings(max_examples=60, deadline=None)
@given(
    name=st.sampled_from(["wire_batch.jsonl", "storm_array.json", "library_single.json"]),
    at=st.integers(0, 2000),
    junk=st.binary(max_size=20),
    cut=st.integers(0, 2000),
)
def test_damaged_file_gives_articles_or_failures_never_a_crash(name: str, at: int, junk: bytes, cut: int) -> None:
    data = (FIXTURES / name).read_bytes()
    damaged = (data[:at] + junk + data[at:])[: max(0, len(data) - cut)]
    try:
        results = read_bytes(damaged)
    except ReadError:
        return
    assert all(isinstance(result, (Article, Failure)) for result in results)


@pytest.mark.parametrize("data", [b"", b"\n  \n"])
def test_empty_file_is_a_read_error(data: bytes) -> None:
    with pytest.raises(ReadError, match="empty file"):
        read_bytes(data)


def test_empty_array_is_a_read_error() -> None:
    with pytest.raises(ReadError, match="empty JSON array"):
        read_bytes(b"[ ]")


def test_bytes_that_open_with_a_bracket_but_decode_as_another_encoding_are_refused_with_a_reason() -> None:
    # "[", newline, " {", newline, then a broken UTF-8 lead byte: the decoder settles on UTF-16,
    # where no "[" remains (found by bench/fuzz.py).
    data = b'[\n {\n  \xc3"u\xed\xa0\x80rl"'
    with pytest.raises(ReadError, match="invalid JSON"):
        list(read(io.BytesIO(data), "odd.json", IngestOptions()))
