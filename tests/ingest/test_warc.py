"""Reading WARC archives: HTML responses become articles, everything else is skipped quietly."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from crosscheck.ingest.options import IngestOptions, ReadError
from crosscheck.ingest.warc import read
from crosscheck.model import Article, Failure

PAGES = Path(__file__).parents[1] / "fixtures" / "ingest" / "html"
FERRY = (PAGES / "harbour_ferry.html").read_bytes()
LIBRARY = (PAGES / "no_date.html").read_bytes()
CRAWLED = "2024-06-01T03:00:00Z"  # the crawl date: never the publication date


class Archive:
    """A WARC built record by record, remembering where each record starts."""

    def __init__(self, *, compress: bool = True) -> None:
        self.buffer = io.BytesIO()
        self.writer = WARCWriter(self.buffer, gzip=compress)
        self.offsets: list[int] = []

    def add(
        self,
        url: str,
        body: bytes,
        *,
        status: str = "200 OK",
        content_type: str = "text/html",
        kind: str = "response",
        headers: tuple[tuple[str, str], ...] = (),
    ) -> Archive:
        self.offsets.append(self.buffer.tell())
        http = StatusAndHeaders(status, [("Content-Type", content_type), *headers], protocol="HTTP/1.1")
        record = self.writer.create_warc_record(
            url,
            kind,
            payload=io.BytesIO(body),
            length=len(body),
            http_headers=http if kind in ("response", "request") else None,
            warc_headers_dict={"WARC-Date": CRAWLED},
        )
        self.writer.write_record(record)
        return self

    def data(self) -> bytes:
        return self.buffer.getvalue()


def news_crawl(*, compress: bool = True) -> Archive:
    """CC-NEWS shape: pages mixed with a robots.txt, a redirect, a 404, an image and metadata."""
    courier = "https://www.northbaycourier.example"
    return (
        Archive(compress=compress)
        .add(f"{courier}/robots.txt", b"User-agent: *\n", content_type="text/plain")
        .add(f"{courier}/local/night-ferry-returns?utm_source=x", FERRY, content_type="text/html; charset=utf-8")
        .add(f"{courier}/old", b"", status="301 Moved Permanently", headers=(("Location", "/new"),))
        .add(f"{courier}/gone", b"<html><body><p>Not found</p></body></html>", status="404 Not Found")
        .add(f"{courier}/logo.png", b"\x89PNG\r\n\x1a\n", content_type="image/png")
        .add(f"{courier}/local/night-ferry-returns", b"{}", kind="metadata", content_type="application/json")
        .add(
            "https://orrintownnews.example/library-hours", gzip.compress(LIBRARY), headers=(("Content-Encoding", "gzip"),)
        )
    )


def articles_of(data: bytes, source: str = "crawl.warc.gz") -> list[Article | Failure]:
    return list(read(io.BytesIO(data), source, IngestOptions()))


@pytest.mark.parametrize("compress", [True, False])
def test_html_responses_become_articles_and_other_records_are_skipped(compress: bool) -> None:
    ferry, library = articles_of(news_crawl(compress=compress).data())
    assert isinstance(ferry, Article) and isinstance(library, Article)
    assert ferry.id == "https://www.northbaycourier.example/local/night-ferry-returns"
    assert ferry.url == "https://www.northbaycourier.example/local/night-ferry-returns?utm_source=x"
    assert ferry.source == "crawl.warc.gz#record2"
    assert ferry.format == "warc"
    assert ferry.raw == FERRY
    assert ferry.title == "Night ferry returns to Port Caddow after two-year pause"
    assert library.body.startswith("Published Tuesday 4 April 2023\n\nThe central library")  # a gzip-encoded body


def test_published_comes_from_the_page_never_from_the_crawl_date() -> None:
    ferry, library = articles_of(news_crawl().data())
    assert ferry.published == "2023-03-14T09:30:00+01:00"
    assert library.published is None


def test_outlet_from_the_page_or_else_the_url_domain() -> None:
    ferry, library = articles_of(news_crawl().data())
    assert ferry.outlet == "The Northbay Courier"
    assert library.outlet == "orrintownnews.example"


def test_corrupt_gzip_member_keeps_the_records_before_it() -> None:
    archive = news_crawl()
    damaged = bytearray(archive.data())
    start = archive.offsets[3]
    damaged[start + 30 : start + 60] = bytes(30)
    results = articles_of(bytes(damaged))
    assert [type(r) for r in results] == [Article, Failure]
    assert results[1] == Failure(
        "crawl.warc.gz#record4", "broken WARC record (corrupt data or gzip member); stopped reading here"
    )


def test_truncated_archive_reports_the_incomplete_record() -> None:
    archive = news_crawl(compress=False)
    data = archive.data()
    cut = data[: archive.offsets[1] + len(data[archive.offsets[1] : archive.offsets[2]]) // 2]
    [failure] = articles_of(cut, "crawl.warc")
    assert failure == Failure("crawl.warc#record2", "record is truncated")


def test_page_without_text_is_a_failure_for_that_record_only() -> None:
    archive = Archive().add("https://kestrelgazette.example/app", b"<html><body><div id='root'></div></body></html>")
    archive.add("https://orrintownnews.example/library-hours", LIBRARY)
    failure, article = articles_of(archive.data())
    assert failure == Failure(
        "crawl.warc.gz#record1", "no article text found in HTML (https://kestrelgazette.example/app)"
    )
    assert isinstance(article, Article)


@settings(max_examples=40, deadline=None)
@given(at=st.integers(0, 4000), junk=st.binary(max_size=40), cut=st.integers(0, 4000))
def test_damaged_archive_gives_articles_or_failures_never_a_crash(at: int, junk: bytes, cut: int) -> None:
    data = news_crawl().data()
    damaged = data[:at] + junk + data[at + len(junk) :]
    try:
        results = articles_of(damaged[: len(damaged) - cut])
    except ReadError:
        return
    assert all(isinstance(result, (Article, Failure)) for result in results)


def test_not_a_warc_file() -> None:
    with pytest.raises(ReadError, match="not a WARC file"):
        articles_of(FERRY, "page.warc")


def test_archive_without_html_pages() -> None:
    data = Archive().add("https://orrintownnews.example/logo.png", b"\x89PNG", content_type="image/png").data()
    with pytest.raises(ReadError, match="no HTML page with status 200 in 1 WARC records"):
        articles_of(data)
