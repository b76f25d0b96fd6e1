"""Turn what the user typed (paths, folders, globs, URLs, ``-``) into readable inputs.

Every problem becomes a ``Failure`` naming the input, so one bad path never stops the rest.
"""

from __future__ import annotations

import glob
import gzip
import io
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from crosscheck.ingest.ids import stem_id
from crosscheck.ingest.options import IngestOptions, ReadError
from crosscheck.ingest.readers import format_from_name, read_data, read_stream
from crosscheck.model import Article, Failure

_GLOB_CHARS = set("*?[")
# A dataset's own papers, in any case; the rest only in capitals, as such files are named
# ("notice.txt" or "changes.html" may well be an article).
_FOLDER_PAPERS = frozenset("readme license licence changelog".split())
_CAPITAL_PAPERS = frozenset("CHANGES CONTRIBUTING COPYING NOTICE AUTHORS".split())
_OTHER_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]+)://")  # two letters or more: "C://" is a drive
_LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")
_WHOLE_FILE_FORMATS = ("text", "html", "feed")
_MAX_GZIP_RATIO = 100
"""Text and HTML compress 3 to 10 times; a file that expands 100 times is a bomb, not news."""
_GZIP_BUFFER = 1 << 16


@dataclass(frozen=True)
class Input:
    """One thing to read: a local file, a URL, or standard input."""

    source: str
    kind: str  # "path" | "url" | "stdin"


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def _folder_files(folder: Path) -> Iterator[Path]:
    """Files under ``folder`` that name an article format, in a stable order; hidden ones and a
    dataset's own papers (README.md, LICENSE.txt, ...) skipped: named on the command line, they
    are read like any file."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and not _is_paper(name) and format_from_name(name) is not None:
                yield Path(root, name)


def _is_paper(name: str) -> bool:
    stem = name.split(".")[0]
    return stem.lower() in _FOLDER_PAPERS or stem in _CAPITAL_PAPERS


def expand_inputs(items: Iterable[str]) -> Iterator[Input | Failure]:
    """Expand folders (recursively) and globs; keep URLs and ``-`` as they are."""
    for item in items:
        if item == "-":
            yield Input("-", "stdin")
        elif is_url(item):
            yield Input(item, "url")
        elif os.path.isdir(item):
            found = False
            for path in _folder_files(Path(item)):
                found = True
                yield Input(str(path), "path")
            if not found:
                yield Failure(item, "folder holds no article files (.txt, .html, .jsonl, .warc, .xml, ...)")
        elif os.path.exists(item):
            yield Input(item, "path")
        elif _GLOB_CHARS & set(item):
            matches = sorted(p for p in glob.glob(item, recursive=True) if os.path.isfile(p))
            if not matches:
                yield Failure(item, "no files match this pattern")
            for match in matches:
                yield Input(match, "path")
        elif scheme := _OTHER_SCHEME.match(item):
            yield Failure(item, f"unsupported URL scheme {scheme.group(1).lower()!r}: only http and https are fetched")
        else:
            yield Failure(item, "no such file, folder or URL")


def _open_path(path: str, options: IngestOptions) -> tuple[BinaryIO, str | None]:
    """Open a file, undoing gzip; WARC keeps its own (per-record) gzip framing."""
    if not os.path.isfile(path):
        raise ReadError("not a regular file")
    if os.path.getsize(path) == 0:
        raise ReadError("empty file")
    fmt = format_from_name(path)
    size = os.path.getsize(path)
    if fmt in _WHOLE_FILE_FORMATS and not path.lower().endswith(".gz") and size > options.max_bytes:
        raise ReadError(f"file is {size / 1e6:.1f} MB, over the {options.max_bytes / 1e6:g} MB limit")
    handle = open(path, "rb")
    if fmt != "warc" and handle.peek(2)[:2] == b"\x1f\x8b":
        limit = max(_MAX_GZIP_RATIO * size, 2 * options.max_bytes)
        return io.BufferedReader(_GzipGuard(handle, limit), _GZIP_BUFFER), fmt
    return handle, fmt


class _GzipGuard(io.RawIOBase):
    """Decompresses a gzip file, refusing to expand it past ``limit`` bytes (a gzip bomb)."""

    def __init__(self, handle: BinaryIO, limit: int) -> None:
        self._handle = handle
        self._gzip = gzip.GzipFile(fileobj=handle, mode="rb")
        self._left = limit

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        data = self._gzip.read1(len(buffer))  # read1: a truncated file still gives what came before the cut
        count = len(data)
        buffer[:count] = data
        self._left -= count
        if self._left < 0:
            raise ReadError(
                f"gzip data expands over {_MAX_GZIP_RATIO} times its size (a gzip bomb?); "
                "unpack it yourself if it is genuine"
            )
        return count

    def close(self) -> None:
        self._gzip.close()
        self._handle.close()
        super().close()


def _read_stdin(options: IngestOptions) -> bytes:
    data = sys.stdin.buffer.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        raise ReadError(f"standard input is larger than the {options.max_bytes // 1_000_000} MB limit")
    if not data.strip():
        raise ReadError("empty input")
    return data


def _describe(exc: BaseException) -> str:
    """A one-line reason for an error a reader did not translate itself."""
    if isinstance(exc, (gzip.BadGzipFile, zlib.error)):
        return f"corrupt gzip data ({exc})"
    if isinstance(exc, EOFError):
        return "file is truncated (compressed stream ended early)"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, MemoryError):
        return "input too large to process"
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return f"unexpected {type(exc).__name__}: {exc}"


def _results(item: Input, options: IngestOptions, handles: list[BinaryIO]) -> Iterator[Article | Failure]:
    if item.kind == "url":
        from crosscheck.ingest.web import read_url

        yield from read_url(item.source, options)
    elif item.kind == "stdin":
        yield from read_data(_read_stdin(options), "-", options)
    else:
        handle, fmt = _open_path(item.source, options)
        handles.append(handle)
        yield from read_stream(handle, item.source, options, fmt=fmt)


def _one_line(failure: Failure) -> Failure:
    """Failures print as one ``error: SOURCE: REASON`` line, whatever a link or a library message held."""
    if "\n" not in failure.source + failure.reason and "\r" not in failure.source + failure.reason:
        return failure
    return Failure(_LINE_BREAKS.sub(" ", failure.source), _LINE_BREAKS.sub(" ", failure.reason))


def guarded(
    results: Iterable[Article | Failure], source: str, *, debug: bool = False
) -> Iterator[Article | Failure]:
    """``results`` with every failure on one line, and a read error or crash turned into a failure
    of ``source``: bad input never stops a run (``debug`` lets the traceback through)."""
    try:
        for result in results:
            yield _one_line(result) if isinstance(result, Failure) else result
    except ReadError as exc:
        yield _one_line(Failure(source, str(exc)))
    except Exception as exc:  # noqa: BLE001 - bad input must never crash the tool
        if debug:
            raise
        yield _one_line(Failure(source, _describe(exc)))


def read_input(item: Input, options: IngestOptions, *, debug: bool = False) -> Iterator[Article | Failure]:
    """Read one input; failures are yielded, never raised (unless ``debug``), after any good articles.

    A local file that holds exactly one article (a JSONL line, a feed entry, a page) is known
    by its file stem, so ids stay readable; records of a multi-article file keep their own ids.
    """
    handles: list[BinaryIO] = []
    held: Article | None = None
    count = 0
    try:
        for result in guarded(_results(item, options, handles), item.source, debug=debug):
            if isinstance(result, Article):
                count += 1
                if count == 1:
                    held = result
                    continue
                if held is not None:
                    yield held
                    held = None
            yield result
    finally:
        for handle in handles:
            handle.close()
    if held is not None:
        yield replace(held, id=stem_id(item.source)) if item.kind == "path" else held
