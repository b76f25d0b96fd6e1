"""The document model: plain dataclasses, every annotation a span of character offsets.

An article's cleaned ``text`` is stored once; paragraphs, removals and (later) sentences,
entities and quotes point into it (or, for removals, into ``body``) by ``[start, end)``
Python ``str`` offsets, as in spaCy's Doc/Span.
"""

from __future__ import annotations

import hashlib
from dataclasses import MISSING, asdict, dataclass, field, fields
from typing import Any


def _plain_init(cls: type) -> type:
    """Give a frozen dataclass the ``__init__`` of a plain one, same signature and defaults.

    The generated ``__init__`` of a frozen dataclass sets each field through
    ``object.__setattr__``, three times the cost of a plain assignment, and the language layer
    builds ~370 spans, mentions and the like per article (PolNeAR dev). This one sets the slots
    through their own descriptors (which the frozen ``__setattr__`` does not guard); to everyone
    else the object stays frozen.
    """
    items = fields(cls)
    names = [item.name for item in items]
    defaults = {f"_default_{item.name}": item.default for item in items if item.default is not MISSING}
    if any(item.default_factory is not MISSING for item in items):
        raise TypeError(f"{cls.__name__}: a default factory needs the generated __init__")
    namespace: dict[str, Any] = {f"_set_{name}": getattr(cls, name).__set__ for name in names} | defaults
    parameters = ", ".join(name if f"_default_{name}" not in defaults else f"{name}=_default_{name}" for name in names)
    body = "".join(f"\n    _set_{name}(self, {name})" for name in names)
    exec(f"def __init__(self, {parameters}):{body}", namespace)  # noqa: S102 - built from field names only
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = init  # type: ignore[misc]
    return cls


@_plain_init
@dataclass(frozen=True, slots=True)
class Span:
    """A half-open ``[start, end)`` character range into a text."""

    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Removal:
    """A piece of the article body that cleaning took out, and why.

    ``start``/``end`` are offsets into ``Article.body`` (the text before cleaning), so the
    kept paragraphs and the removals together account for the whole body.
    """

    text: str
    reason: str
    start: int
    end: int


@dataclass(slots=True)
class Article:
    """One news article as read from one input, before and after cleaning.

    ``body`` is the text the reader extracted (after title, kicker and front matter were
    taken off); ``text`` is the cleaned body every later annotation points into.
    Metadata is never invented: a field the input does not give stays ``None``.
    """

    id: str
    source: str
    body: str = ""
    text: str = ""
    title: str | None = None
    kicker: str | None = None
    byline: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str | None = None
    url: str | None = None
    format: str = "text"
    raw: bytes = b""
    paragraphs: list[Span] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)

    @property
    def content_hash(self) -> str:
        """Identity for de-duplication: the same raw input always hashes the same."""
        basis = self.raw if self.raw else (self.title or "").encode() + b"\0" + self.body.encode()
        return hashlib.sha256(basis).hexdigest()

    def to_dict(self, *, include_raw: bool = False) -> dict[str, Any]:
        """A JSON-ready dict; ``raw`` is left out unless asked for (it can be large)."""
        data = asdict(self)
        data.pop("raw")
        if include_raw:
            data["raw"] = self.raw.decode("utf-8", errors="replace")
        data["paragraphs"] = [[p.start, p.end] for p in self.paragraphs]
        data["content_hash"] = self.content_hash
        return data


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be read: reported as ``error: SOURCE: REASON``, never raised."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"error: {self.source}: {self.reason}"


# --- Language-layer annotations: spans into ``Article.text`` -----------------------------


@_plain_init
@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression, TIMEX3-style: type DATE | TIME | DURATION | SET, ISO-like value."""

    start: int
    end: int
    type: str
    value: str


@_plain_init
@dataclass(frozen=True, slots=True)
class Attribution:
    """Who said what: ``source`` (speaker span, None when unstated), ``cue`` and ``content`` spans.

    ``speaker`` is the resolved speaker (a canonical entity name or a description such as
    "a US official"), ``via`` the intermediary outlet or person the words reached us through.
    """

    content: Span
    cue: Span | None = None
    source: Span | None = None
    speaker: str | None = None
    via: str | None = None
    kind: str = "direct"  # direct | partial | indirect | mixed
    anonymous: bool = False


@_plain_init
@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of an entity; ``entity`` is the canonical name it resolves to."""

    start: int
    end: int
    entity: str
    type: str  # person | organization | place | role
    title: str | None = None


@_plain_init
@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with what it counts: "some 5,200 U.S. soldiers" -> 5200, "U.S. soldiers", approx "some"."""

    start: int
    end: int
    value: float
    kind: str = "count"  # count | money | percent | year | ordinal | range | fraction
    unit: str | None = None
    approx: str | None = None
    high: float | None = None


@_plain_init
@dataclass(frozen=True, slots=True)
class Polarity:
    """Negation and modality of a clause, with the cue words that decided it."""

    start: int
    end: int
    negated: bool = False
    modality: str | None = None  # hedge | conditional | denial | future | None
    cues: tuple[Span, ...] = ()


@dataclass(slots=True)
class Doc:
    """An article's cleaned text with every language-layer annotation, like spaCy's Doc.

    All spans are offsets into ``text``; ``published`` is the date relative times resolve against.
    """

    id: str
    text: str
    published: str | None = None
    article: Article | None = None
    sentences: list[Span] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    times: list[Timex] = field(default_factory=list)
    polarity: list[Polarity] = field(default_factory=list)


# --- Stories: articles about one event, as the store keeps them ------------------------------


@dataclass(frozen=True, slots=True)
class StoryInfo:
    """A stored story: its stable id (``s-...``), title, article ids in arrival order, and when
    its articles last changed (``updated``, ISO 8601 UTC)."""

    id: str
    title: str
    article_ids: tuple[str, ...]
    updated: str
