"""The plain-text reader: optional YAML front matter, then kicker, headline and body.

Plain text has no markup, so the kicker and the headline are recognised by their shape (a
short section label, a line without a final full stop); anything uncertain stays in the body.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

import yaml

from crosscheck.ingest.decode import decode_text
from crosscheck.ingest.ids import stem_id
from crosscheck.ingest.options import IngestOptions, ReadError
from crosscheck.model import Article

_FRONT_MATTER_LIMIT = 65_536
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml is ~10x faster when present
_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)
# Article field <- front-matter keys, the first key present wins.
_FRONT_MATTER_KEYS = {
    "outlet": ("outlet", "publisher"),
    "url": ("url", "link"),
    "published": ("published", "date"),
    "byline": ("author", "byline", "authors"),
    "title": ("title", "headline"),
    "kicker": ("kicker", "section"),
    "language": ("language", "lang"),
}
_SECTION_WORDS = frozenset(
    "news breaking latest live politics world opinion analysis exclusive business economy markets "
    "money sport sports health science tech technology culture arts entertainment lifestyle travel "
    "national international global local nation us u.s. uk u.k. europe asia africa americas middle "
    "east defense defence military security commentary editorial editorials features investigation "
    "investigations explainer elections special report perspective columns letters top stories".split()
)
_LABEL_CONNECTORS = frozenset({"&", "and", "+", "of", "the", "|", "/"})
_TITLE_PREFIX = re.compile(
    r"(UPDATED?|BREAKING(?: NEWS)?|EXCLUSIVE|WATCH|LIVE|VIDEO|ANALYSIS|OPINION|EXPLAINER)\s*:\s+(?=\S)", re.I
)
_MARKDOWN_HEADING = re.compile(r"#{1,6}\s+")
_CLOSERS = "\"'”’»)]"
_MAX_TITLE_WORDS = 25


def read(stream: BinaryIO, source: str, options: IngestOptions) -> Iterator[Article]:
    """Yield the one article a text file holds; raise ReadError if it is empty, binary or too large."""
    data = stream.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        raise ReadError(f"file is larger than the {_size(options.max_bytes)} limit")
    text = decode_text(data).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ReadError("empty file")
    meta, rest = split_front_matter(text)
    if "title" in meta:
        kicker, title, body = None, meta["title"], _without_title_line(rest, meta["title"])
    else:
        kicker, title, body = split_headline(rest)
    if not body:  # a headline alone is not an article; split_headline keeps a lone line as body
        raise ReadError("no article text after the front matter")
    yield Article(
        id=stem_id(source),
        source=source,
        body=body,
        title=title,
        kicker=meta.get("kicker") or kicker,
        byline=meta.get("byline"),
        outlet=options.outlet or meta.get("outlet"),
        published=options.published or meta.get("published"),
        language=meta.get("language"),
        url=meta.get("url"),
        format="text",
        raw=data,
    )


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Metadata from a leading ``---`` YAML block, and the text after it.

    A block that is not valid YAML, or names none of the known keys, is left in the text:
    a Markdown rule or a stray ``---`` must not swallow the article.
    """
    first_newline = text.find("\n")
    if not text.startswith("---") or first_newline == -1 or text[3:first_newline].strip():
        return {}, text
    end = _FRONT_MATTER_END.search(text, first_newline + 1, _FRONT_MATTER_LIMIT)
    if end is None:
        return {}, text
    try:
        data = yaml.load(text[first_newline + 1 : end.start()], Loader=_YAML_LOADER)
    except (yaml.YAMLError, ValueError, RecursionError):
        return {}, text
    if not isinstance(data, dict):
        return {}, text
    keys = {str(key).strip().lower(): value for key, value in data.items()}
    meta: dict[str, str] = {}
    for field, names in _FRONT_MATTER_KEYS.items():
        value = next(filter(None, (_as_text(keys.get(name)) for name in names)), None)
        if value:
            meta[field] = value
    if not meta:
        return {}, text
    return meta, text[end.end() :].lstrip("\n")


def split_headline(text: str) -> tuple[str | None, str | None, str]:
    """``(kicker, title, body)`` from the first lines of ``text``.

    The title is taken only when the first line after any section labels looks like a
    headline; otherwise the title is None and the whole text is body.
    """
    lines = text.strip().split("\n")
    labels: list[str] = []
    index = 0
    while index + 1 < len(lines) and is_section_label(lines[index].strip()):
        labels.append(lines[index].strip())
        index = _next_filled(lines, index + 1)
    candidate = _MARKDOWN_HEADING.sub("", lines[index].strip(), count=1) if index < len(lines) else ""
    body_after = "\n".join(lines[index + 1 :]).strip()
    prefix = _TITLE_PREFIX.match(candidate)
    headline = candidate[prefix.end() :] if prefix else candidate
    if not (body_after and looks_like_headline(headline)):
        return " / ".join(labels) or None, None, "\n".join(lines[index:]).strip()
    if prefix:
        labels.append(prefix.group(1))
    return " / ".join(labels) or None, headline, body_after


def is_section_label(line: str) -> bool:
    """A short line made of section words only: "Breaking News", "Politics & Culture", "World"."""
    words = line.lower().split()
    if not 1 <= len(words) <= 4 or line[-1] in ".,;:!?":
        return False
    return all(word in _SECTION_WORDS or word in _LABEL_CONNECTORS for word in words) and any(
        word in _SECTION_WORDS for word in words
    )


def looks_like_headline(line: str) -> bool:
    """Short, with letters, and not ending like a sentence or a lead-in."""
    return (
        any(char.isalpha() for char in line)
        and len(line.split()) < _MAX_TITLE_WORDS
        and not line.rstrip(_CLOSERS).endswith((".", "…", ",", ";", ":"))
        and not line.startswith(("•", "- ", "* "))
    )


def _without_title_line(text: str, title: str) -> str:
    """The body under a front-matter title, without the title repeated as its first line."""
    first, _, rest = text.strip().partition("\n")
    return rest.strip() if _MARKDOWN_HEADING.sub("", first, count=1).strip() == title else text.strip()


def _next_filled(lines: list[str], index: int) -> int:
    while index < len(lines) and not lines[index].strip():
        index += 1
    return index


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ", ".join(str(item).strip() for item in value if item is not None) or None
    return str(value).strip() or None


def _size(limit: int) -> str:
    if limit >= 1_000_000:
        return f"{limit / 1_000_000:g} MB"
    if limit >= 1_000:
        return f"{limit / 1_000:g} KB"
    return f"{limit} bytes"
