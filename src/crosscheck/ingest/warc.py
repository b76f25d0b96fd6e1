"""WARC archives, plain or gzipped (the Common Crawl CC-NEWS shape): each HTML page served with
status 200 is one article.

Requests, metadata, redirects and images are not articles and are skipped without a word.
WARC-Date says when the crawler fetched a page, not when it was published, so the date comes
only from the page's own metadata.
"""

from __future__ import annotations

import io
import logging
import zlib
from collections.abc import Iterator
from contextlib import redirect_stderr
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord

from crosscheck.ingest.fields import web_url
from crosscheck.ingest.html import article_from_html
from crosscheck.ingest.ids import normalize_url
from crosscheck.ingest.options import IngestOptions, ReadError
from crosscheck.model import Article, Failure

# warcio logs a warning for each target URI with spaces; with no handler Python would print them all.
logging.getLogger("warcio").addHandler(logging.NullHandler())

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHUNK = 1 << 16


def read(stream: BinaryIO, source: str, options: IngestOptions) -> Iterator[Article | Failure]:
    """Articles in archive order; a broken record ends the reading with a Failure naming it."""
    records = _QuietArchiveIterator(stream)
    yielded = False
    number = 0
    while True:
        number += 1
        where = f"{source}#record{number}"
        try:
            with redirect_stderr(io.StringIO()):  # warcio writes gzip errors there; they show up below
                record = next(records)
        except StopIteration:
            break
        except Exception:  # noqa: BLE001 - warcio raises assorted errors (even AttributeError) on bad bytes
            if number == 1:
                raise ReadError("not a WARC file (no WARC/1.x record at the start)") from None
            yield Failure(where, "broken WARC record (corrupt data or gzip member); stopped reading here")
            return
        try:
            result: Article | Failure | None = _article(record, where, options)
        except ReadError as exc:
            result = Failure(where, str(exc))
        if result is not None:
            yielded = True
            yield result
    # warcio ends quietly on a record cut off in its headers: bytes read past the last whole
    # record (``offset``) are that record.
    if records.fh.tell() > records.offset:
        yield Failure(where, "file is truncated: the last record is incomplete")
    elif not yielded:
        raise ReadError(f"no HTML page with status 200 in {number - 1} WARC records" if number > 1 else "empty file")


class _QuietArchiveIterator(ArchiveIterator):
    """warcio writes a three-line warning to stderr for a record with a wrong Content-Length,
    which would break the one-line ``error:`` output; damage is reported by this reader."""

    INC_RECORD = ""


def _article(record: ArcWarcRecord, where: str, options: IngestOptions) -> Article | None:
    """The article in an HTML response record; None for any record that is not one."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    if record.http_headers.get_statuscode() != "200":
        return None
    content_type = record.http_headers.get_header("Content-Type") or ""
    mime, _, parameters = content_type.partition(";")
    if mime.strip().lower() not in _HTML_TYPES:
        return None
    url = web_url((record.rec_headers.get_header("WARC-Target-URI") or "").strip("<> "))
    if not url:
        raise ReadError("response record without a valid http(s) WARC-Target-URI")
    body = _body(record, options.max_bytes)
    try:
        return article_from_html(
            body,
            id=normalize_url(url),
            source=where,
            options=options,
            url=url,
            declared_encoding=_charset(parameters),
            fmt="warc",
        )
    except ReadError as exc:
        raise ReadError(f"{exc} ({url})") from None


def _body(record: ArcWarcRecord, limit: int) -> bytes:
    """The HTTP body, de-chunked and decompressed, capped at ``limit`` bytes."""
    content = record.content_stream()
    chunks: list[bytes] = []
    size = 0
    try:
        with redirect_stderr(io.StringIO()) as complaints:  # warcio reports a bad Content-Encoding there
            while chunk := content.read(_CHUNK):
                size += len(chunk)
                if size > limit:
                    raise ReadError(f"page is over the {limit / 1e6:g} MB limit")
                chunks.append(chunk)
    except (OSError, EOFError, zlib.error, ValueError) as exc:
        raise ReadError(f"could not decode the HTTP body ({exc})") from None
    if complaints.getvalue().strip():
        raise ReadError(f"could not decode the HTTP body ({complaints.getvalue().strip()})")
    # A record with a Content-Length is read through a LimitReader: bytes it still expects at
    # the end of the file mean the file was cut short.
    if getattr(record.raw_stream, "limit", 0) > 0 and not record.raw_stream.read(1):
        raise ReadError("record is truncated")
    return b"".join(chunks)


def _charset(parameters: str) -> str | None:
    """``charset`` from the parameters of a Content-Type header (``; charset=utf-8``)."""
    for parameter in parameters.split(";"):
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip("\"'") or None
    return None
