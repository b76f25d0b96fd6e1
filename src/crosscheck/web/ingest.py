"""Adding articles from the web app: a URL or feed, pasted text, or uploaded files.

The same readers and cleaner as ``crosscheck ingest``; URL fetching keeps the fetcher's SSRF
checks (loopback, private, link-local and metadata addresses refused, after DNS and on every
redirect) unless the app was started with ``--allow-private``. Writes are serialised, and new
articles are clustered into stories before the call returns.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from crosscheck.api import IngestSummary, ingest
from crosscheck.clean import clean_article
from crosscheck.ingest.options import IngestOptions, ReadError
from crosscheck.ingest.readers import read_data
from crosscheck.ingest.sources import is_url
from crosscheck.model import Article, Failure
from crosscheck.store import Store

_WRITE_LOCK = threading.Lock()
_UNSAFE_NAME = re.compile(r"[^\w.\- ]+")
_SLUG_GAPS = re.compile(r"[^\w]+")


@dataclass
class Added:
    """What an add did, and which stories now hold the new or known articles."""

    summary: IngestSummary
    stories: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {**self.summary.to_dict(), "stories": self.stories}


class InputError(ValueError):
    """A request that names nothing readable (an empty text, a URL that is not http(s))."""


def add_url(url: str, store: Store, options: IngestOptions) -> Added:
    """Fetch a page or feed; a refused or failing URL comes back as a failure, not an exception."""
    url = url.strip()
    if not is_url(url):
        raise InputError(f"{url!r} is not an http:// or https:// URL")
    with _WRITE_LOCK:
        return _with_stories(ingest([url], store, options), store)


def add_text(text: str, store: Store, options: IngestOptions, *, title: str | None = None, **meta: str | None) -> Added:
    """Store pasted text; ``title`` and ``meta`` (outlet, published, byline, url) become front matter."""
    if not text.strip():
        raise InputError("the text is empty")
    fields = {"title": title, **meta}
    header = "".join(f"{name}: {json.dumps(value.strip())}\n" for name, value in fields.items() if value and value.strip())
    data = (f"---\n{header}---\n{text}" if header else text).encode("utf-8")
    source = f"{_SLUG_GAPS.sub('-', (title or '').lower()).strip('-')[:60] or 'pasted'}.txt"
    return add_files([(source, data)], store, options)


def add_files(files: Iterable[tuple[str, bytes]], store: Store, options: IngestOptions) -> Added:
    """Store uploaded files, each read by its name and content like a file given to ``ingest``."""
    files = list(files)
    if not files:
        raise InputError("no file was uploaded")
    summary = IngestSummary()
    with _WRITE_LOCK:
        for name, data in files:
            source = _safe_name(name) or "upload"
            for result in _read_upload(source, data, options):
                if isinstance(result, Failure):
                    summary.failures.append(result)
                    continue
                added = store.add(result)
                (summary.added if added.created else summary.duplicates).append(added.id)
        return _with_stories(summary, store)


def _read_upload(source: str, data: bytes, options: IngestOptions) -> Iterator[Article | Failure]:
    if not data.strip():
        yield Failure(source, "empty file")
        return
    try:
        for result in read_data(data, source, options):
            yield clean_article(result) if isinstance(result, Article) else result
    except ReadError as exc:
        yield Failure(source, str(exc))
    except Exception as exc:  # noqa: BLE001 - a bad upload must not take the app down
        yield Failure(source, f"unexpected {type(exc).__name__}: {exc}")


def _safe_name(name: str) -> str:
    """The base name of an uploaded file, without path parts or odd characters."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    return _UNSAFE_NAME.sub("_", base).strip(" .")


def _with_stories(summary: IngestSummary, store: Store) -> Added:
    from crosscheck.api import update_stories

    ids = set(summary.added + summary.duplicates)
    if not ids:
        return Added(summary)
    stories = update_stories(store) if summary.added else store.stories()
    return Added(summary, [s.id for s in stories if ids & set(s.article_ids)])
