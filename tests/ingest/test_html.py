"""Reading HTML pages: main text in paragraphs, metadata only from what the page declares."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck.ingest.html import article_from_html, read
from crosscheck.ingest.options import IngestOptions, ReadError
from crosscheck.model import Article

PAGES = Path(__file__).parents[1] / "fixtures" / "ingest" / "html"


def read_page(name: str, options: IngestOptions | None = None) -> Article:
    path = PAGES / name
    [article] = read(io.BytesIO(path.read_bytes()), str(path), options or IngestOptions())
    assert isinstance(article, Article)
    return article


def test_metadata_from_open_graph_and_meta_tags() -> None:
    article = read_page("harbour_ferry.html")
    assert article.id == "harbour_ferry"
    assert article.title == "Night ferry returns to Port Caddow after two-year pause"
    assert article.outlet == "The Northbay Courier"
    assert article.byline == "Mara Ellwood"
    assert article.kicker == "Local"
    assert article.language == "en"
    assert article.url == "https://www.northbaycourier.example/local/2023/03/night-ferry-returns"
    assert article.format == "html"
    assert article.raw == (PAGES / "harbour_ferry.html").read_bytes()


def test_published_comes_from_meta_not_from_a_date_in_the_body() -> None:
    article = read_page("harbour_ferry.html")
    assert article.published == "2023-03-14T09:30:00+01:00"
    assert "suspended on 2 February 2021, when the council" in article.body


def test_page_without_declared_date_has_none_even_with_dates_in_its_text() -> None:
    article = read_page("no_date.html")
    assert "Tuesday 4 April 2023" in article.body
    assert article.published is None
    assert article.outlet is None  # no site name, and a local file has no URL


def test_paragraphs_are_separated_by_blank_lines_without_navigation_or_headline() -> None:
    paragraphs = read_page("harbour_ferry.html").body.split("\n\n")
    assert len(paragraphs) == 5
    assert paragraphs[0].startswith("The night ferry between Port Caddow")
    assert paragraphs[-1].endswith("at the end of the month.")
    assert not any("Related stories" in p or "All rights reserved" in p for p in paragraphs)


def test_legacy_encoding_and_json_ld_graph() -> None:
    article = read_page("mill_cp1252.html")
    assert "“We want people to come back to the riverside,” said Petra Olund" in article.body
    assert article.title == "Valdera mill to reopen as café and workshops"
    assert article.published == "2023-05-02T07:15:00+00:00"
    assert article.outlet == "Valdera Evening Post"  # publisher found through its @id in the @graph
    assert article.kicker == "Business"
    assert article.byline == "Tomas Wrenfield"
    assert article.language == "en"  # from <meta http-equiv="content-language" content="en-US">


def test_truncated_page_keeps_the_text_before_the_cut() -> None:
    article = read_page("truncated.html")
    assert article.title == "Storm closes coast road near Hallam Point"
    paragraphs = article.body.split("\n\n")
    assert paragraphs[0].startswith("The coast road between Hallam Point")
    assert paragraphs[-1].endswith("a rest centre was opened in the village h")


def test_outlet_falls_back_to_the_url_domain() -> None:
    data = (PAGES / "no_date.html").read_bytes()
    article = article_from_html(
        data, id="x", source="x", options=IngestOptions(), url="https://www.orrintownnews.example/library-hours"
    )
    assert article.outlet == "orrintownnews.example"
    assert article.url == "https://www.orrintownnews.example/library-hours"


def test_options_override_outlet_and_date() -> None:
    article = read_page("harbour_ferry.html", IngestOptions(outlet="Courier", published="2023-03-15"))
    assert (article.outlet, article.published) == ("Courier", "2023-03-15")


def test_container_metadata_fills_only_what_the_page_lacks() -> None:
    data = (PAGES / "no_date.html").read_bytes()
    fallback = {"title": "Feed title", "published": "2023-04-04T08:00:00+00:00", "outlet": "Orrin Town News"}
    article = article_from_html(data, id="x", source="x", options=IngestOptions(), fallback=fallback)
    assert article.title == "Library extends opening hours for exam season"
    assert (article.published, article.outlet) == ("2023-04-04T08:00:00+00:00", "Orrin Town News")


def test_itemprop_date_and_plain_paragraphs_when_the_extractor_finds_little() -> None:
    page = (
        b"<html><head><title>Tide tables</title></head><body>"
        b"<time itemprop='datePublished' datetime='2023-06-01'>1 June</time>"
        b"<p>High water at Port Caddow is at 06:12.</p></body></html>"
    )
    article = article_from_html(page, id="tides", source="tides.html", options=IngestOptions())
    assert article.published == "2023-06-01"
    assert "High water at Port Caddow is at 06:12." in article.body


@pytest.mark.parametrize(
    "page",
    [
        b"",
        b"<html><head><title>Loading</title><script>startApp()</script></head>"
        b"<body><div id='root'></div></body></html>",
    ],
)
def test_page_without_text_is_a_read_error(page: bytes) -> None:
    """An empty file, or a page whose text a script would render, holds nothing to read."""
    with pytest.raises(ReadError, match="no article text found in HTML"):
        list(read(io.BytesIO(page), "empty.html", IngestOptions()))


@settings(max_examples=40, deadline=None)
@given(at=st.integers(0, 3000), junk=st.binary(max_size=20), cut=st.integers(0, 3000))
def test_damaged_page_gives_an_article_or_a_read_error_never_a_crash(at: int, junk: bytes, cut: int) -> None:
    data = (PAGES / "mill_cp1252.html").read_bytes()
    damaged = (data[:at] + junk + data[at:])[: max(0, len(data) - cut)]
    try:
        [article] = read(io.BytesIO(damaged), "mill.html", IngestOptions())
    except ReadError:
        return
    assert isinstance(article, Article) and article.body


def test_file_over_the_size_cap() -> None:
    data = (PAGES / "harbour_ferry.html").read_bytes()
    with pytest.raises(ReadError, match="over the 0.001 MB limit"):
        list(read(io.BytesIO(data), "big.html", IngestOptions(max_bytes=1000)))
