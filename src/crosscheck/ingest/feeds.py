"""RSS 0.9x/2.0, RDF and Atom feeds: entries that carry their full text, or (``--fetch``) the pages they link to.

Most feeds carry only a teaser. An entry becomes an article only when the feed holds the whole
story, so a two-line summary never passes for one; ``--fetch`` downloads the linked page instead.
"""

from __future__ import annotations

import io
import re
from calendar import timegm
from collections.abc import Iterator
from datetime import datetime, timezone
from html import escape
from typing import Any, BinaryIO
from xml.sax import SAXParseException

import feedparser

from crosscheck.ingest import web
from crosscheck.ingest.fields import iso_date, names, web_url
from crosscheck.ingest.html import article_from_html
from crosscheck.ingest.ids import normalize_url, stem_id, url_domain
from crosscheck.ingest.options import IngestOptions, ReadError
from crosscheck.model import Article, Failure

_FULL_TEXT_CHARS = 500  # a summary this long is the story itself, not a teaser
_TAG = re.compile(r"<[^>]+>")
_BLANK_LINE = re.compile(r"\n\s*\n")


def read(stream: BinaryIO, source: str, options: IngestOptions) -> Iterator[Article | Failure]:
    """One article (or Failure) per entry, in feed order."""
    data = stream.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        raise ReadError(f"feed is over the {options.max_bytes / 1e6:g} MB limit")
    try:
        parsed = feedparser.parse(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - feedparser can trip over a mangled encoding declaration
        raise ReadError(f"not an RSS or Atom feed ({type(exc).__name__}: {exc})") from None
    if not parsed.entries:
        if parsed.get("version") and not isinstance(parsed.get("bozo_exception"), SAXParseException):
            raise ReadError("feed has no entries")
        raise ReadError(f"not an RSS or Atom feed ({_parse_problem(parsed.get('bozo_exception'))})")
    feed_outlet = names(parsed.feed.get("title")) or _domain(web_url(parsed.feed.get("link")))
    stem = stem_id(source)
    for number, entry in enumerate(parsed.entries, 1):
        link = web_url(entry.get("link"))  # feedparser also puts non-URL ids (tag:...) here
        where = link or f"{source}#entry{number}"
        known = {
            "title": names(entry.get("title")),
            "byline": names(entry.get("authors")) or names(entry.get("author")),
            "published": _entry_date(entry),
            "outlet": feed_outlet or _domain(link),
        }
        try:
            if options.fetch and link:
                yield _fetched_article(link, known, options)
                continue
            content = _full_text(entry)
            if content is None:
                raise ReadError("entry has no full text; use --fetch to download it")
            article_id = normalize_url(link) if link else entry.get("id") or f"{stem}-{number}"
            yield _feed_article(content, article_id, f"{source}#entry{number}", link, known, options)
        except ReadError as exc:
            yield Failure(where, str(exc))


def _parse_problem(error: Exception | None) -> str:
    if isinstance(error, SAXParseException):
        return f"XML error: {error.getMessage()}"  # its line numbers count a line feedparser adds
    return str(error) if error else "no <rss>, <feed> or <rdf:RDF> element"


def _fetched_article(link: str, known: dict[str, str | None], options: IngestOptions) -> Article:
    """The linked page as an article; the feed's title and date fill in what the page does not say."""
    return web.article_from_page(web.fetch(link, options, accept=web.HTML_ACCEPT), link, options, fallback=known)


def _feed_article(
    content: str, article_id: str, source: str, link: str | None, known: dict[str, str | None], options: IngestOptions
) -> Article:
    """The entry's own text as an article; here the feed's metadata beats anything found in the text."""
    document = f"<html><body><article>{content}</article></body></html>".encode("utf-8")
    article = article_from_html(document, id=article_id, source=source, options=options, url=link, fmt="feed")
    article.title = known["title"] or article.title
    article.byline = known["byline"] or article.byline
    article.outlet = options.outlet or known["outlet"] or article.outlet
    article.published = options.published or known["published"] or article.published
    return article


def _full_text(entry: Any) -> str | None:
    """The entry's full text as HTML: its ``content``, or a summary long enough to be the story."""
    details = [detail for detail in entry.get("content") or [] if (detail.get("value") or "").strip()]
    if details:
        return _as_html(max(details, key=lambda detail: len(detail["value"])))
    summary = entry.get("summary_detail")
    if summary and len(" ".join(_TAG.sub(" ", summary.get("value") or "").split())) > _FULL_TEXT_CHARS:
        return _as_html(summary)
    return None


def _as_html(detail: Any) -> str:
    """Feed text as HTML; plain-text content gets one ``<p>`` per blank-line-separated paragraph."""
    value = detail["value"]
    if "html" in (detail.get("type") or "html"):
        return value
    return "".join(f"<p>{escape(part.strip())}</p>" for part in _BLANK_LINE.split(value) if part.strip())


def _entry_date(entry: Any) -> str | None:
    """The entry's date as the feed wrote it, else feedparser's parse of it (in UTC)."""
    for key in ("published", "updated"):
        # dict.get: feedparser's own get answers a missing "updated" with the published date.
        written = iso_date(dict.get(entry, key))
        if written:
            return written
        parsed = dict.get(entry, f"{key}_parsed")
        if parsed:
            try:
                return datetime.fromtimestamp(timegm(parsed), tz=timezone.utc).isoformat()
            except (ValueError, OverflowError, OSError):  # feedparser accepts years like -99
                continue
    return None


def _domain(link: str | None) -> str | None:
    return url_domain(link) if link else None
