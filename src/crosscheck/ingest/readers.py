"""Pick the reader for an input: by name first, then by sniffing the first bytes.

Every reader module exposes ``read(stream, source, options) -> Iterator[Article | Failure]``
and raises ``ReadError`` when the whole input is unreadable.
"""

from __future__ import annotations

import importlib
import io
from collections.abc import Iterator
from typing import BinaryIO

from crosscheck.ingest.options import IngestOptions, ReadError
from crosscheck.model import Article, Failure

FORMATS = ("text", "html", "jsonl", "warc", "feed")

_BY_SUFFIX = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".warc": "warc",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}

_BY_CONTENT_TYPE = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/xml": "feed",
    "text/xml": "feed",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/json": "jsonl",
    "text/plain": "text",
    "application/warc": "warc",
}


def format_from_name(name: str) -> str | None:
    """The format a file name promises (``.warc.gz`` -> warc), or None if it says nothing."""
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    for suffix, fmt in _BY_SUFFIX.items():
        if lower.endswith(suffix):
            return fmt
    return None


def format_from_content_type(content_type: str | None) -> str | None:
    if not content_type:
        return None
    return _BY_CONTENT_TYPE.get(content_type.split(";")[0].strip().lower())


def sniff_format(head: bytes) -> str:
    """Guess from the first bytes; plain text is the fallback, never an error."""
    sample = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if sample.startswith(b"warc/"):
        return "warc"
    if sample.startswith(b"<?xml") or sample.startswith(b"<rss") or sample.startswith(b"<feed"):
        return "html" if b"<html" in sample[:2048] else "feed"
    if sample.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<article", b"<div", b"<p>", b"<meta")):
        return "html"
    if sample.startswith(b"{"):
        return "jsonl"
    return "text"


def reader_for(fmt: str):
    """The ``read`` function of the module for ``fmt``; imported lazily to keep start-up fast."""
    if fmt not in FORMATS:
        raise ReadError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    module = importlib.import_module(f"crosscheck.ingest.{'feeds' if fmt == 'feed' else fmt}")
    return module.read


def read_stream(
    stream: BinaryIO, source: str, options: IngestOptions, *, fmt: str | None = None
) -> Iterator[Article | Failure]:
    """Read one (already decompressed) input; ``fmt`` None means decide by name, then content."""
    fmt = fmt or format_from_name(source)
    if fmt is None:
        if not isinstance(stream, io.BufferedIOBase) or not hasattr(stream, "peek"):
            stream = io.BufferedReader(stream)  # type: ignore[arg-type]
        fmt = sniff_format(stream.peek(4096)[:4096])  # type: ignore[attr-defined]
    yield from reader_for(fmt)(stream, source, options)


def read_data(
    data: bytes,
    source: str,
    options: IngestOptions,
    *,
    fmt: str | None = None,
    content_type: str | None = None,
) -> Iterator[Article | Failure]:
    """Read bytes already in memory (a fetched page, an upload); same rules as ``read_stream``."""
    fmt = fmt or format_from_content_type(content_type) or format_from_name(source) or sniff_format(data[:4096])
    yield from reader_for(fmt)(io.BytesIO(data), source, options)
