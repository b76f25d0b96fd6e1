"""Cut the inputs into shards, pieces of work of about the same size for the workers.

A shard is a whole input (a file, a URL, standard input), a benchmark folder, or a range of
lines of a large JSON Lines file. Ranges start at a line holding a whole JSON object and carry
the number of their first line, so a shard's articles get exactly the ids, sources and
``file:line`` failures a single process would give them. Gzipped files and WARC archives stay whole: their
bytes cannot be cut without reading them (many such files make the shards).
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any, BinaryIO

from crosscheck.ingest.decode import looks_binary
from crosscheck.ingest.options import IngestOptions
from crosscheck.ingest.readers import format_from_name
from crosscheck.ingest.sources import Input, expand_inputs
from crosscheck.model import Failure

SHARD_BYTES = 4_000_000
"""Bytes of JSON Lines per shard: about 1,500 articles of 2.5 KB, a few seconds of work."""

_SCAN_PIECE = 1 << 20
_LEADING_SPACE = b"\xef\xbb\xbf \t\r\n"


@dataclass(frozen=True)
class Shard:
    """One piece of work: ``input`` whole, or its bytes ``start:end`` whose first line is ``first_line``.

    ``part``/``parts`` number the ranges of one file (``0``/``1`` for a whole input).
    ``benchmark`` marks a benchmark folder, read verbatim by ``annotate``. ``number`` is the
    shard's place in the run, which names its Parquet part.
    """

    input: Input
    start: int = 0
    end: int | None = None
    first_line: int = 1
    part: int = 0
    parts: int = 1
    benchmark: bool = False
    number: int = 0

    @property
    def source(self) -> str:
        return self.input.source

    @property
    def is_range(self) -> bool:
        return self.end is not None

    @property
    def local(self) -> bool:
        """Standard input can only be read by the client process."""
        return self.input.kind == "stdin"


def plan_shards(
    items: Iterable[str], *, shard_bytes: int = SHARD_BYTES, options: IngestOptions | None = None
) -> tuple[list[Shard], list[Failure]]:
    """Shards in input order, and the inputs that failed to expand (as in ``api.plan_inputs``)."""
    options = options or IngestOptions()
    shards: list[Shard] = []
    failures: list[Failure] = []
    for entry in expand_inputs(items):
        if isinstance(entry, Failure):
            failures.append(entry)
        else:
            shards.extend(shards_of(entry, shard_bytes, options.max_bytes))
    return numbered(shards), failures


def numbered(shards: list[Shard]) -> list[Shard]:
    return [replace(shard, number=number) for number, shard in enumerate(shards)]


def shards_of(item: Input, shard_bytes: int = SHARD_BYTES, max_line: int = 20_000_000) -> list[Shard]:
    """One input's shards: line ranges for a large plain JSON Lines file, else the input whole."""
    if not _splittable(item, shard_bytes, max_line):
        return [Shard(item)]
    ranges = list(line_ranges(item.source, shard_bytes))
    if len(ranges) < 2:
        return [Shard(item)]
    return [Shard(item, start, end, line, part, len(ranges)) for part, (start, end, line) in enumerate(ranges)]


def _splittable(item: Input, shard_bytes: int, max_line: int) -> bool:
    """A local, uncompressed file over one shard that the JSON reader reads line by line."""
    path = item.source
    if item.kind != "path" or format_from_name(path) != "jsonl" or path.lower().endswith(".gz"):
        return False
    try:
        if os.path.getsize(path) <= shard_bytes:
            return False
        with open(path, "rb") as handle:
            if handle.read(2) == b"\x1f\x8b":
                return False
            handle.seek(0)
            first = _first_record(handle, max_line)
    except OSError:
        return False  # the reader will say what is wrong with it
    return _read_as_lines(first)


def _read_as_lines(first: bytes) -> bool:
    """Whether the JSON reader takes a file opening with this line for JSON Lines: not binary,
    not an array, not an object going on past the line (those are read whole, as one document)."""
    if looks_binary(first[:8192]) or first.startswith(b"["):
        return False
    if not first.startswith(b"{"):
        return True
    try:
        json.loads(first)
    except json.JSONDecodeError as exc:
        return exc.pos < len(exc.doc.rstrip())
    except (ValueError, RecursionError):
        return True
    return True


def _first_record(handle: BinaryIO, max_line: int) -> bytes:
    while line := handle.readline(max_line + 1):
        if stripped := line.strip(_LEADING_SPACE):
            return stripped
    return b""


def line_ranges(path: str, shard_bytes: int) -> Iterator[tuple[int, int, int]]:
    """``(start, end, first line number)`` of consecutive ranges of about ``shard_bytes``.

    A range starts at a line holding a whole JSON object, so a reader given the range alone
    takes it for JSON Lines, as it took the whole file.
    """
    start, first, lineno, position = 0, 1, 0, 0
    at_line_start = True
    with open(path, "rb") as handle:
        while piece := handle.readline(_SCAN_PIECE):
            if at_line_start:
                lineno += 1
                if position - start >= shard_bytes and _whole_object(piece):
                    yield start, position, first
                    start, first = position, lineno
            position += len(piece)
            at_line_start = piece.endswith(b"\n")
    if position > start:
        yield start, position, first


def _whole_object(line: bytes) -> bool:
    line = line.strip(_LEADING_SPACE)
    if not line.startswith(b"{"):
        return False
    try:
        json.loads(line)
    except (ValueError, RecursionError):
        return False
    return True


def open_range(path: str, start: int, end: int, first_line: int) -> BinaryIO:
    """The bytes ``start:end`` of a file, after ``first_line - 1`` newlines: to a reader, the
    range's lines have their numbers in the whole file."""
    return io.BufferedReader(_Range(path, start, end, first_line - 1))


class _Range(io.RawIOBase):
    def __init__(self, path: str, start: int, end: int, blank_lines: int) -> None:
        self._handle = open(path, "rb", buffering=0)
        self._handle.seek(start)
        self._blank = blank_lines
        self._left = end - start

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        if self._blank:
            count = min(self._blank, len(view))
            view[:count] = b"\n" * count
            self._blank -= count
            return count
        count = min(self._left, len(view))
        got = self._handle.readinto(view[:count]) if count > 0 else 0
        self._left -= got or 0
        return got or 0

    def close(self) -> None:
        self._handle.close()
        super().close()
