"""JSON Lines, one article per line; also JSON files holding one object or an array of objects.

Lines are read one at a time and each is capped at ``options.max_bytes``, so a crawl dump of
any size streams through. A bad line becomes a Failure naming ``file:line`` and reading goes on.
Field names vary between scrapers (news-please, Common Crawl exports, NewsAPI); the common
spellings of each field are accepted.
"""

from __future__ import annotations

import itertools
import json
import re
import zlib
from collections.abc import Callable, Iterable, Iterator
from typing import Any, BinaryIO

from crosscheck.ingest.decode import decode_text, looks_binary
from crosscheck.ingest.fields import iso_date, language_code, names, safe_json, web_url
from crosscheck.ingest.html import article_from_html
from crosscheck.ingest.ids import normalize_url, stem_id, url_domain
from crosscheck.ingest.options import IngestOptions, ReadError
from crosscheck.model import Article, Failure

_URL_FIELDS = ("url", "link")
_TITLE_FIELDS = ("title", "headline")
_TEXT_FIELDS = ("text", "body", "content", "article", "maintext")
_HTML_FIELDS = ("html", "raw_html")
_DATE_FIELDS = ("published", "date", "pubDate", "date_publish", "published_at", "datePublished")
_OUTLET_FIELDS = ("outlet", "source", "site", "site_name", "publisher", "source_domain")
_AUTHOR_FIELDS = ("author", "byline", "authors")
_LANGUAGE_FIELDS = ("language", "lang")
_SECTION_FIELDS = ("kicker", "section")
_NO_TEXT = f"no article text (expected one of: {', '.join(_TEXT_FIELDS + _HTML_FIELDS)})"

_LEADING_SPACE = b"\xef\xbb\xbf \t\r\n"
_BLOCK = 1 << 16
_MARKUP = re.compile(r"<(?:p|div|br|article|span|a)[\s/>]", re.IGNORECASE)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_WHITESPACE = re.compile(r"\s*")

Line = tuple[int, bytes | ReadError]


def read(stream: BinaryIO, source: str, options: IngestOptions) -> Iterator[Article | Failure]:
    """Articles in file order; an array or a multi-line object is detected by its first bytes."""
    lines = _numbered_lines(stream, options.max_bytes)
    for lineno, line in lines:
        if isinstance(line, ReadError) or line.strip(_LEADING_SPACE):
            break
    else:
        raise ReadError("empty file")
    start = line.lstrip(_LEADING_SPACE) if isinstance(line, bytes) else b""
    if looks_binary(start[:8192]):
        raise ReadError("binary file, not text")
    is_array = start.startswith(b"[")
    lines = itertools.chain([(lineno, line)], lines)
    if is_array or (start.startswith(b"{") and _unfinished(start)):
        taken, document = _read_ahead(lines, options.max_bytes)
        if document is not None:
            try:
                yield from _read_document(document, source, options, is_array=is_array)
                return
            except ReadError:
                if is_array:
                    raise
        elif is_array:
            _, last = taken[-1]
            raise last if isinstance(last, ReadError) else ReadError(
                f"JSON array is over the {options.max_bytes / 1e6:g} MB limit; "
                "write one object per line (JSON Lines) to read big files"
            )
        lines = itertools.chain(taken, lines)  # not one JSON document after all: report its bad lines
    yield from _read_lines(lines, source, options)


def _numbered_lines(stream: BinaryIO, limit: int) -> Iterator[Line]:
    """Numbered non-blank lines, read in blocks; a line that is too long or cannot be read comes
    as the ReadError saying why. Blank lines are counted, not yielded: a block of nothing but
    newlines (a decompressed bomb holds millions) costs one ``bytes.count``."""
    lineno = 0
    pending: list[bytes] = []  # the start of a line that goes on in the next block
    pending_size = 0
    read = getattr(stream, "read1", stream.read)  # one step at a time: a truncated gzip keeps what came before
    while True:
        try:
            block = read(_BLOCK)
        except (OSError, EOFError, zlib.error) as exc:
            yield lineno + 1, ReadError(f"file is truncated or corrupt from here on ({exc})")
            return
        if not block:
            break
        if not block.strip(_LEADING_SPACE) and not any(part.strip(_LEADING_SPACE) for part in pending):
            lineno += block.count(b"\n")
            pending, pending_size = [], 0
            continue
        *ended, rest = block.split(b"\n")
        for piece in ended:
            lineno += 1
            size = pending_size + len(piece)
            if pending:
                piece = b"".join([*pending, piece])
                pending, pending_size = [], 0
            if size >= limit:
                yield lineno, ReadError(f"line is over the {limit / 1e6:g} MB limit")
            elif piece.strip(_LEADING_SPACE):
                yield lineno, piece + b"\n"
        if pending_size < limit:  # past the limit only the length is kept, to report the line
            pending.append(rest)
        pending_size += len(rest)
    if pending_size >= limit:
        yield lineno + 1, ReadError(f"line is over the {limit / 1e6:g} MB limit")
    elif (last := b"".join(pending)).strip(_LEADING_SPACE):
        yield lineno + 1, last


def _unfinished(line: bytes) -> bool:
    """True when a line opens a JSON value that goes on past the line end (a pretty-printed object)."""
    try:
        json.loads(line)
    except json.JSONDecodeError as exc:
        return exc.pos >= len(exc.doc.rstrip())
    except (ValueError, RecursionError):
        return False
    return False


def _read_ahead(lines: Iterator[Line], limit: int) -> tuple[list[Line], bytes | None]:
    """The remaining lines and their bytes joined; None instead of the bytes past ``limit`` or a bad line."""
    taken: list[Line] = []
    parts: list[bytes] = []
    size = 0
    previous = 0
    for lineno, line in lines:
        taken.append((lineno, line))
        if isinstance(line, ReadError):
            return taken, None
        parts.append(b"\n" * (lineno - previous - 1) + line)  # blank lines back, so JSON errors give true line numbers
        previous = lineno
        size += len(parts[-1])
        if size > limit:
            return taken, None
    return taken, b"".join(parts)


def _read_lines(lines: Iterable[Line], source: str, options: IngestOptions) -> Iterator[Article | Failure]:
    stem = stem_id(source)
    for lineno, line in lines:
        where = f"{source}:{lineno}"
        if isinstance(line, ReadError):
            yield Failure(where, str(line))
        elif line.strip(_LEADING_SPACE):
            try:
                record = _loads(decode_text(line).strip())
                yield _article(record, line.rstrip(b"\r\n"), where, f"{stem}-{lineno}", options)
            except ReadError as exc:
                yield Failure(where, str(exc))


def _loads(text: str) -> Any:
    try:
        return safe_json(json.loads(text), text)
    except json.JSONDecodeError as exc:
        raise ReadError(f"invalid JSON: {exc.msg} (column {exc.colno})") from None
    except RecursionError:
        raise ReadError("invalid JSON: nested too deeply") from None


def _read_document(data: bytes, source: str, options: IngestOptions, *, is_array: bool) -> Iterator[Article | Failure]:
    """A whole JSON document: an array, or objects written one after another (pretty-printed)."""
    stem = stem_id(source)
    count = 0
    try:
        for count, (record, raw) in enumerate(_json_values(decode_text(data), is_array=is_array), 1):
            where = f"{source}#item{count}"
            try:
                yield _article(record, raw.encode("utf-8"), where, f"{stem}-{count}", options)
            except ReadError as exc:
                yield Failure(where, str(exc))
    except json.JSONDecodeError as exc:
        reason = f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        if count == 0:
            raise ReadError(reason) from None
        yield Failure(f"{source}#item{count + 1}", f"{reason}; stopped reading here")
        return
    if count == 0:
        raise ReadError("empty JSON array")


def _json_values(text: str, *, is_array: bool) -> Iterator[tuple[Any, str]]:
    """The items of a JSON array, or the values written one after another, each with its own text."""
    decoder = json.JSONDecoder()
    opening = text.find("[") if is_array else -1
    if is_array and opening < 0:  # the bytes began with "[" but their encoding was guessed otherwise
        raise json.JSONDecodeError("Expecting '['", text, 0)
    pos = _WHITESPACE.match(text, opening + 1).end()
    while pos < len(text):
        if is_array and text.startswith("]", pos):
            return
        try:
            value, end = decoder.raw_decode(text, pos)
        except RecursionError:
            raise json.JSONDecodeError("Nested too deeply", text, pos) from None
        yield safe_json(value, text[pos:end]), text[pos:end]
        pos = _WHITESPACE.match(text, end).end()
        if is_array:
            if text.startswith(",", pos):
                pos = _WHITESPACE.match(text, pos + 1).end()
            elif not text.startswith("]", pos):
                raise json.JSONDecodeError("Expecting ',' or ']'", text, pos)
    if is_array:
        raise json.JSONDecodeError("Unterminated array", text, pos)


def _article(record: Any, raw: bytes, where: str, fallback_id: str, options: IngestOptions) -> Article:
    """One JSON object as an Article, or ReadError saying what it lacks."""
    if not isinstance(record, dict):
        raise ReadError(f"not a JSON object (found {type(record).__name__})")
    url = _first(record, _URL_FIELDS, web_url)
    declared: dict[str, str | None] = {
        "title": _first(record, _TITLE_FIELDS, names),
        "byline": _first(record, _AUTHOR_FIELDS, names),
        "outlet": _first(record, _OUTLET_FIELDS, names),
        "published": _first(record, _DATE_FIELDS, iso_date),
        "language": _first(record, _LANGUAGE_FIELDS, language_code),
        "kicker": _first(record, _SECTION_FIELDS, _string),
    }
    article_id = _string(record.get("id")) or (normalize_url(url) if url else fallback_id)
    text = _first(record, _TEXT_FIELDS, _text)
    html = _first(record, _HTML_FIELDS, _string)
    if text and _MARKUP.search(text[:2000]):
        html, text = text, None
    if text:
        return Article(
            id=article_id,
            source=where,
            body=_paragraphs(text),
            outlet=options.outlet or declared["outlet"] or (url_domain(url) if url else None),
            published=options.published or declared["published"],
            title=declared["title"],
            kicker=declared["kicker"],
            byline=declared["byline"],
            language=declared["language"],
            url=url,
            format="jsonl",
            raw=raw,
        )
    if html:
        article = article_from_html(
            html.encode("utf-8"), id=article_id, source=where, options=options, url=url, fmt="jsonl", fallback=declared
        )
        article.raw = raw
        return article
    raise ReadError(_NO_TEXT)


def _first(record: dict[str, Any], keys: tuple[str, ...], convert: Callable[[Any], str | None]) -> str | None:
    """The first of ``keys`` whose value converts to something (``convert`` gives None otherwise)."""
    return next((value for value in (convert(record.get(key)) for key in keys) if value), None)


def _string(value: Any) -> str | None:
    """A non-empty string, or a number as a string (numeric ids); anything else is None."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str):
        return value.strip() or None
    return None


def _text(value: Any) -> str | None:
    """A text field, or a list of paragraph strings some scrapers write instead."""
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        value = "\n\n".join(value)
    if isinstance(value, str):
        return value.strip() or None
    return None


def _paragraphs(text: str) -> str:
    """Paragraphs separated by one blank line; text with single newlines only has one paragraph per line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    pieces = _BLANK_LINE.split(text) if _BLANK_LINE.search(text) else text.split("\n")
    return "\n\n".join(" ".join(piece.split()) for piece in pieces if piece.strip())
