"""Reading RSS and Atom feeds: entries with full text become articles, teasers are reported."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck.ingest.feeds import read
from crosscheck.ingest.options import IngestOptions, ReadError
from crosscheck.model import Article, Failure

FEEDS = Path(__file__).parents[1] / "fixtures" / "ingest" / "feeds"


def read_feed(name: str, options: IngestOptions | None = None) -> list[Article | Failure]:
    path = FEEDS / name
    return list(read(io.BytesIO(path.read_bytes()), str(path), options or IngestOptions()))


def test_rss_entry_with_full_content() -> None:
    ferry = read_feed("harbour_rss.xml")[0]
    assert isinstance(ferry, Article)
    assert ferry.id == "https://www.northbaycourier.example/local/night-ferry-returns"
    assert ferry.title == "Night ferry returns to Port Caddow"
    assert ferry.outlet == "The Northbay Courier"  # the feed's title
    assert ferry.byline == "Mara Ellwood"  # dc:creator
    assert ferry.published == "2023-03-14T09:30:00+01:00"
    assert ferry.format == "feed"
    assert ferry.body.split("\n\n") == [
        "The night ferry between Port Caddow and the island of Lesser Wend will run again from next month, "
        "the Northbay harbour board confirmed on Tuesday.",
        "A new boat",
        "Harbour master Ingrid Salo said the replacement boat, the Grey Heron, had passed its sea trials "
        "and would carry up to 120 passengers on each crossing.",
    ]


def test_long_summary_counts_as_full_text_and_a_teaser_does_not() -> None:
    _, school, dredging = read_feed("harbour_rss.xml")
    assert isinstance(school, Article)
    assert school.body.startswith("Pupils at the primary school on Lesser Wend")
    assert len(school.body.split("\n\n")) == 3
    assert dredging == Failure(
        "https://www.northbaycourier.example/local/harbour-dredging",
        "entry has no full text; use --fetch to download it",
    )


def test_atom_feed() -> None:
    storm, rest_centre = read_feed("kestrel_atom.xml")
    assert isinstance(storm, Article) and isinstance(rest_centre, Article)
    assert storm.id == "https://kestrelgazette.example/storm-closes-coast-road"
    assert (storm.title, storm.byline, storm.outlet) == (
        "Storm closes coast road near Hallam Point",
        "Nell Garrow",
        "Kestrel Coast Gazette",
    )
    assert storm.published == "2023-04-04T06:45:00+00:00"  # published, not updated
    assert storm.body.startswith("The coast road between Hallam Point and Sorrel Bay was closed overnight")


def test_atom_entry_without_link_keeps_its_id_and_plain_text_paragraphs() -> None:
    rest_centre = read_feed("kestrel_atom.xml")[1]
    assert isinstance(rest_centre, Article)
    assert rest_centre.id == "tag:kestrelgazette.example,2023:rest-centre"
    assert rest_centre.url is None
    assert rest_centre.published == "2023-04-04T07:30:00+00:00"  # only <updated> is given
    assert rest_centre.body.split("\n\n") == [
        "Residents of Cliff Terrace spent the night in the village hall.",
        "Power was restored at six in the morning.",
    ]


def test_options_override_the_feed() -> None:
    ferry = read_feed("harbour_rss.xml", IngestOptions(outlet="Courier", published="2023-03-15"))[0]
    assert isinstance(ferry, Article)
    assert (ferry.outlet, ferry.published) == ("Courier", "2023-03-15")


@settings(max_examples=40, deadline=None)
@given(
    name=st.sampled_from(["harbour_rss.xml", "kestrel_atom.xml"]),
    at=st.integers(0, 3000),
    junk=st.binary(max_size=20),
    cut=st.integers(0, 3000),
)
def test_damaged_feed_gives_articles_or_failures_never_a_crash(name: str, at: int, junk: bytes, cut: int) -> None:
    data = (FEEDS / name).read_bytes()
    damaged = (data[:at] + junk + data[at:])[: max(0, len(data) - cut)]
    try:
        results = list(read(io.BytesIO(damaged), name, IngestOptions()))
    except ReadError:
        return
    assert all(isinstance(result, (Article, Failure)) for result in results)


def test_feed_with_no_entries() -> None:
    with pytest.raises(ReadError, match="^feed has no entries$"):
        read_feed("empty_channel.xml")


@pytest.mark.parametrize("data", [b"The pier at Marrow reopened on Friday.", b'{"title": "not a feed"}'])
def test_not_a_feed(data: bytes) -> None:
    with pytest.raises(ReadError, match="not an RSS or Atom feed"):
        list(read(io.BytesIO(data), "news.xml", IngestOptions()))


def test_a_date_feedparser_reads_as_year_minus_99_leaves_the_entry_undated() -> None:
    body = "<p>" + "The ferry resumed service on Tuesday after the storm. " * 40 + "</p>"
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Post</title>'
        f"<item><title>Ferry back</title><link>https://harbour.example/f</link><pubDate>00</pubDate>"
        f"<description><![CDATA[{body}]]></description></item></channel></rss>"
    )
    results = list(read(io.BytesIO(feed.encode()), "post.xml", IngestOptions()))
    assert [type(result) for result in results] == [Article]
    assert results[0].published is None
