"""The story's timeline: dated sentences, merged across articles, in chronological order.

Each sentence with a date or time (outside quotations, not an opinion sentence) is a
candidate event. Candidates on the same date that share enough words or entities are one
event, cited by every article that tells it. An article without a publication date has its
weekdays ("last Friday") dated by an event it shares with a dated article; weekdays nothing
dates are ordered within the one week they most compactly fit, after the dated events.

A sentence's event is dated by its first day-precise date (a bare year in it is background).
An event one article alone tells, dated only by a time of day ("spent Tuesday morning") or a
"by" bound ("By Tuesday, the board had ..."), is that reporter's scene and is left out. With no
publication date anywhere, a past month and day ("on Oct. 1") comes before the reported week
and a bare year is background.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from crosscheck.language.pipeline import publication_date
from crosscheck.language.reporting import NO_COMMENT
from crosscheck.language.times import resolve_order_key
from crosscheck.model import Doc, Span, Timex
from crosscheck.report.lexicon import STOPWORDS
from crosscheck.report.passages import mask_quotes, sentence_at, without_dateline, words

# Share of the smaller word set two sentences must share to tell the same event; naming the
# same person on the same day counts for PERSON_BONUS more.
SAME_EVENT = 0.34
PERSON_BONUS = 0.25
_VAGUE = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}
_WEEKDAY = re.compile(r"XXXX-WXX-([1-7])")
_MONTH_DAY = re.compile(r"XXXX-\d\d(?:-\d\d)?$")
_YEAR_ONLY = re.compile(r"\d{4}$")
# A second day named in another part of a sentence is a second event, told by that part
# when it has this many words ("in reaction to the strike last Friday").
_PART_BREAK = re.compile(r"[,;]\s+|\s+[—–]\s+")
MIN_PART_WORDS = 5
_COARSE = re.compile(r"(?:\d{4}|XXXX)(?:-\d\d)?$")
# A single article's moment of colour ("spent Tuesday morning", "on Monday evening") or a state
# reached by a day ("By Tuesday, the board had disowned it") dates no event of the story.
_COLOUR_TIME = re.compile(r"\b(?:morning|afternoon|evening|night|dawn|dusk|midday|noon|midnight)\b", re.I)
_BY_DAY = re.compile(r"\bby\s+$", re.I)
_CALENDAR = re.compile(r"^\d{4}(?:-\d\d(?:-\d\d)?|-W\d\d)?")
# A date looks ahead when a future word shortly precedes it ("is due on Thursday"); farther
# back the future word governs another verb ("will begin leaving after the vote on Sunday").
_AHEAD = re.compile(r"\b(?:will|shall|due|expected to|scheduled|set to|is to|are to|plans? to|next)\b", re.I)
AHEAD_WINDOW = 30
# Events this many days before the story's first article are background, not the story itself:
# they are left out of the timeline.
BACKGROUND_DAYS = 60
# A sentence that puts months or years between what it tells ("two months later").
_MONTHS_APART = re.compile(r"\b(?:months?|years?|decades?)\s+(?:later|earlier|before|after)\b", re.I)
# Times too vague to place an event ("this week", "last month", "a century ago").
_VAGUE_SPAN = re.compile(
    r"^(?:this|last|next|a|the|only|earlier|later|past|coming)\b.*\b(?:weeks?|months?|years?|decades?|century|centuries)$"
    r"|\bago$|^(?:recently|lately|soon)$",
    re.I,
)


@dataclass
class Candidate:
    """One dated sentence of one article."""

    article: str
    rank: int
    start: int
    end: int
    text: str
    when: str
    value: str
    ahead: bool
    tokens: frozenset[str]
    people: frozenset[str]
    key: tuple[int, float, float] = (3, 0.0, 0.0)
    published: int | None = None
    inferred: bool = False
    by_day: bool = False
    moment: int = 0

    @property
    def period(self) -> tuple[int, float, float]:
        """The key at day precision: "Monday afternoon" and "Monday" are the same day."""
        band, start, end = self.key
        if band == 0 and end - start < 1:
            return band, float(int(start)), float(int(start))
        return self.key

    @property
    def scheduled(self) -> bool:
        """Still to come when the article was published."""
        if self.key[0] == 0 and self.published is not None and not self.inferred:
            return self.key[1] >= self.published + 1
        return self.ahead


@dataclass
class Event:
    """Candidates telling one event; ``shown`` is the telling the report quotes."""

    members: list[Candidate] = field(default_factory=list)
    shown: Candidate | None = None

    @property
    def key(self) -> tuple[int, float, float]:
        return (self.shown or self.members[0]).key


def build_timeline(
    docs: Sequence[Doc],
    *,
    skip: dict[str, set[tuple[int, int]]] | None = None,
    entities: Sequence[dict[str, Any]] = (),
    prefer: Iterable[str] = (),
) -> list[dict[str, Any]]:
    """Events ``[{when, date, event, articles, ...}]`` in chronological order.

    ``skip`` maps an article id to sentence spans to leave out (its opinion sentences),
    ``entities`` (``{name, type, aliases}``, as the analysis gives them) make "Yusuf Haddad"
    and "Youssef Haddad" one shared name, and ``prefer`` names the articles whose wording to
    show first (straight news over opinion).
    """
    preferred = set(prefer)
    names = _Names(entities)
    candidates = [c for rank, doc in enumerate(docs) for c in _candidates(doc, rank, (skip or {}).get(doc.id, set()), names)]
    dated = [c for c in candidates if c.key[0] == 0]
    undated = [c for c in candidates if c.key[0] != 0]
    events = _merge_same_day(_cluster(dated, [], _same_key, max))
    _place_by_shared_events(undated, events)
    placed = [c for c in undated if c.key[0] == 0]
    unplaced = [c for c in undated if c.key[0] != 0]
    _place_in_one_week(unplaced)
    events = _cluster(placed, events, _same_time, _mean) + _merge_same_day(_cluster(unplaced, [], _same_key, max))
    for event in events:
        event.shown = max(
            event.members,
            key=lambda m: (m.article in preferred, sum(_overlap(m.tokens, o.tokens) for o in event.members), -len(m.text)),
        )
    events.sort(key=lambda e: (_chronological(e.key), min(m.rank for m in e.members)))
    first = min((publication_date(d.published) for d in docs if publication_date(d.published)), default=None)
    if preferred:  # an event some straight news article tells, not only a column or aggregator
        events = [e for e in events if any(m.article in preferred for m in e.members)]
    several = len({c.article for c in candidates}) > 1
    if several:
        events = [e for e in events if not _aside(e)]
    week = first is None and any(_WEEKDAY.match(m.value) for e in events for m in e.members)
    return [item for event in events if not (item := _event_json(event, docs, first, week, several))["background"]]


class _Names:
    """Finds the story's entities in a sentence by any of their aliases."""

    def __init__(self, entities: Sequence[dict[str, Any]]) -> None:
        self.canonical = {alias: e["name"] for e in entities for alias in [e["name"], *e.get("aliases", [])] if len(alias) > 2}
        self.people = {e["name"] for e in entities if e.get("type") == "person"}
        ordered = sorted(self.canonical, key=len, reverse=True)
        self.pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, ordered)) + r")\b") if ordered else None

    def find(self, text: str) -> set[str]:
        return {self.canonical[m.group()] for m in self.pattern.finditer(text)} if self.pattern else set()


def _tokens(text: str, names: set[str]) -> frozenset[str]:
    """Content-word stems and canonical entity names: what two tellings of one event share."""
    plain = (re.sub(r"['’]s$", "", w.lower()) for w in words(text))
    return frozenset({w[:5] for w in plain if w not in STOPWORDS and len(w) > 2} | {"=" + n for n in names})


def _candidates(doc: Doc, rank: int, skip: set[tuple[int, int]], names: _Names) -> list[Candidate]:
    """One candidate per dated sentence, dated by its first day-precise date; a second day in
    another part of the sentence ("voted on Sunday, in reaction to the strike last Friday")
    is a candidate of its own, told by that part."""
    own = mask_quotes(doc.text)
    published = publication_date(doc.published)
    found: dict[int, Candidate] = {}
    extra: list[Candidate] = []
    for timex in doc.times:
        quoted = own[timex.start] != doc.text[timex.start]
        if quoted or not _usable(timex) or _hypothetical(doc, timex) or _VAGUE_SPAN.search(doc.text[timex.start : timex.end]):
            continue
        sentence = sentence_at(doc.sentences, timex.start)
        if sentence is None or (sentence.start, sentence.end) in skip or NO_COMMENT.search(sentence.of(doc.text)):
            continue
        main = found.get(sentence.start)
        if main is None or (_coarse(main.value) and not _coarse(timex.value)):
            found[sentence.start] = _candidate(doc, rank, sentence, timex, own, published, names)
        elif not _coarse(main.value) and not _coarse(timex.value) and timex.value != main.value:
            part = _part_around(doc.text, sentence, timex.start)
            if not part.start <= main.moment < part.end and len(words(part.of(doc.text))) >= MIN_PART_WORDS:
                extra.append(_candidate(doc, rank, part, timex, own, published, names))
    return list(found.values()) + extra


def _part_around(text: str, sentence: Span, at: int) -> Span:
    """The stretch of the sentence between the commas, semicolons or dashes around ``at``."""
    before = max((m.end() for m in _PART_BREAK.finditer(text, sentence.start, at)), default=sentence.start)
    after = _PART_BREAK.search(text, at, sentence.end)
    end = after.start() if after else sentence.end
    return Span(before, end - 1 if text[end - 1 : end] in ".!?" else end)


def _candidate(
    doc: Doc, rank: int, span: Span, timex: Timex, own: str, published: dt.date | None, names: _Names
) -> Candidate:
    text = span.of(doc.text)
    entities = names.find(text)
    return Candidate(
        article=doc.id,
        rank=rank,
        start=span.start,
        end=span.end,
        text=text,
        when=doc.text[timex.start : timex.end],
        value=timex.value,
        ahead=bool(_AHEAD.search(own, max(span.start, timex.start - AHEAD_WINDOW), timex.start)),
        tokens=_tokens(text, entities),
        people=frozenset(entities & names.people),
        key=resolve_order_key(timex.value, published),
        published=published.toordinal() if published else None,
        by_day=bool(_BY_DAY.search(doc.text, max(span.start, timex.start - 4), timex.start)),
        moment=timex.start,
    )


def _coarse(value: str) -> bool:
    """A bare year or month ("in 2009", "in October"): in a sentence that also names a day, it
    dates background ("The line, opened in 2009, stopped on Monday"), not the event told."""
    return bool(_COARSE.match(value))


def _usable(timex: Timex) -> bool:
    return timex.type in ("DATE", "TIME") and timex.value not in _VAGUE and resolve_order_key(timex.value)[0] < 3


def _hypothetical(doc: Doc, timex: Timex) -> bool:
    """A date after a hedge or condition in its clause ("whether she can open next week") is no event."""
    return any(
        p.start <= timex.start < p.end and p.modality in ("hedge", "conditional") and any(c.start < timex.start for c in p.cues)
        for p in doc.polarity
    )


def _aside(event: Event) -> bool:
    """An event one article alone tells, dated only by a time of day or a "by" bound: the
    scene a reporter sets, not a happening other outlets would date."""
    if len({m.article for m in event.members}) > 1:
        return False
    return all(_COLOUR_TIME.search(m.when) or m.by_day for m in event.members)


def _order(candidate: Candidate) -> tuple[Any, ...]:
    return candidate.key, candidate.rank, candidate.start


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _similar(a: Candidate, b: Candidate) -> float:
    return _overlap(a.tokens, b.tokens) + (PERSON_BONUS if a.people & b.people else 0.0)


def _chronological(key: tuple[int, float, float]) -> tuple[Any, ...]:
    """Day by day; within a day, moments before periods ("Monday night" before "this week")."""
    band, start, end = key
    return band, math.floor(start), end - start >= 1, start, end


def _same_key(a: Candidate, b: Candidate) -> bool:
    return a.key == b.key


def _same_time(a: Candidate, b: Candidate) -> bool:
    """Same period, or a weekday of unknown week that falls on the other's day."""
    if a.key[0] == b.key[0]:
        return a.period == b.period
    weekday, dated = (a, b) if a.key[0] == 2 else (b, a)
    match = _WEEKDAY.match(weekday.value)
    if not match or dated.key[0] != 0 or dated.key[2] - dated.key[1] >= 1:
        return False
    return dt.date.fromordinal(int(dated.key[1])).isoweekday() == int(match.group(1))


def _mean(values: Iterable[float]) -> float:
    values = list(values)
    return sum(values) / len(values)


def _cluster(
    candidates: list[Candidate],
    events: list[Event],
    same_time: Callable[[Candidate, Candidate], bool],
    linkage: Callable[[Iterable[float]], float],
) -> list[Event]:
    """Add each candidate to the most similar event at the same time, or start a new one."""
    for candidate in sorted(candidates, key=_order):
        best, score = None, SAME_EVENT
        for event in events:
            if same_time(candidate, event.members[0]):
                similarity = linkage(_similar(candidate, m) for m in event.members)
                if similarity >= score:
                    best, score = event, similarity
        if best is None:
            events.append(Event([candidate]))
        else:
            best.members.append(candidate)
    return events


def _merge_same_day(events: list[Event]) -> list[Event]:
    """Join events told with different times of one day ("Monday", "Monday afternoon").

    Events are compared on average, so one sentence that tells two events (the notice and
    the mayor's denial) does not chain them together.
    """
    merged: list[Event] = []
    for event in events:
        best, score = None, SAME_EVENT
        for other in merged:
            if other.members[0].period == event.members[0].period:
                similarity = _mean(_similar(a, b) for a in event.members for b in other.members)
                if similarity >= score:
                    best, score = other, similarity
        if best is None:
            merged.append(event)
        else:
            best.members.extend(event.members)
    return merged


def _week_order(candidates: list[Candidate]) -> tuple[int, int] | None:
    """The weekday a reported week starts on, and the day number of its last reported weekday.

    Reported weekdays lie in the days before publication, so the week starts after the widest
    gap between the weekdays mentioned ("Friday, Sunday, Monday", not "Monday, Friday").
    """
    past = sorted({int(m.group(1)) for c in candidates if not c.ahead and (m := _WEEKDAY.match(c.value))})
    if not past:
        return None
    gaps = [((past[(i + 1) % len(past)] - day) % 7 or 7, past[(i + 1) % len(past)]) for i, day in enumerate(past)]
    start = max(gaps)[1]
    return start, (past[past.index(start) - 1] - start) % 7


def _day_in_week(candidate: Candidate, start: int, last: int) -> float | None:
    """The candidate's day number in the reported week (after ``last`` when it looks ahead)."""
    match = _WEEKDAY.match(candidate.value)
    if not match:
        return None
    day = (int(match.group(1)) - start) % 7
    if candidate.ahead:
        day = last + ((day - last) % 7 or 7)
    return day + candidate.key[1] % 1


def _place_by_shared_events(undated: list[Candidate], events: list[Event]) -> None:
    """Date an undated article's weekdays from one it shares with a dated article's event.

    "Friday" told like a dated event on 6 March makes the article's week start from there, and
    its other weekdays fall in the same week, in the order ``_week_order`` gives them.
    """
    for article in dict.fromkeys(c.article for c in undated):
        own = [c for c in undated if c.article == article]
        order = _week_order(own)
        if order is None:
            continue
        start = None
        for candidate in own:
            day = _day_in_week(candidate, *order)
            for event in events if day is not None else ():
                if _same_time(candidate, event.members[0]) and _mean(_similar(candidate, m) for m in event.members) >= SAME_EVENT:
                    start = int(event.key[1]) - int(day)
        if start is None:
            continue
        for candidate in own:
            day = _day_in_week(candidate, *order)
            if day is not None:
                candidate.key = (0, start + day, start + day)
            else:
                candidate.key = resolve_order_key(candidate.value, dt.date.fromordinal(start + order[1]))
            candidate.inferred = candidate.key[0] == 0


def _place_in_one_week(undated: list[Candidate]) -> None:
    """Order weekdays nothing dates within the shortest week-long run they fit; times relative
    to an unknown publication date ("this week") come after them.

    A month and day without a year ("on Oct. 1") lies outside the reported week: news names
    the weekday of the last few days and the date of anything older. So a past one comes
    before the week and one looked forward to after it, in calendar order among themselves."""
    order = _week_order(undated)
    if order is None:
        return
    for candidate in undated:
        day = _day_in_week(candidate, *order)
        if day is not None:
            candidate.key = (1, day, day)
        elif candidate.key[0] == 1:
            candidate.key = (1, order[1] + 1 + candidate.key[1], order[1] + 1 + candidate.key[2])
        elif candidate.key[0] == 2 and _MONTH_DAY.match(candidate.value):
            shift = order[1] + 400.0 if candidate.ahead else -400.0
            candidate.key = (1, shift + candidate.key[1], shift + candidate.key[2])


def _date(candidate: Candidate) -> str | None:
    """The calendar date as precise as the text gave it ("2026-03-06", "2026-03", "1964")."""
    if candidate.key[0] != 0:
        return None
    written = None if candidate.inferred else _CALENDAR.match(candidate.value)
    return written.group() if written else dt.date.fromordinal(int(candidate.key[1])).isoformat()


def _event_json(
    event: Event, docs: Sequence[Doc], first: dt.date | None, week: bool = False, several: bool = False
) -> dict[str, Any]:
    """``week``: no article is dated and the story is told in weekdays; then an event dated by
    a bare year ("invited in 2014") is background, as news names only the year of what lies
    months or years back, and so is a past month and day ("erupted on Oct. 1") that one
    article of ``several`` alone recalls, or that the sentence sets months apart ("two months
    later"): an older reference, not the story's first event."""
    members, shown = event.members, event.shown or event.members[0]
    articles = [doc.id for doc in docs if any(m.article == doc.id for m in members)]
    background = bool(first and event.key[0] == 0 and event.key[2] < first.toordinal() - BACKGROUND_DAYS)
    background = background or (week and all(_YEAR_ONLY.match(m.value) for m in members))
    recalled = week and all(_MONTH_DAY.match(m.value) and not m.ahead for m in members)
    background = background or (recalled and ((several and len(articles) == 1) or any(_MONTHS_APART.search(m.text) for m in members)))
    return {
        "when": shown.when,
        "date": _date(shown),
        "event": without_dateline(shown.text),
        "articles": articles,
        "evidence": [{"article": m.article, "sentence": [m.start, m.end], "text": m.text} for m in members],
        "scheduled": any(m.scheduled for m in members) and not background,
        "inferred": all(m.inferred for m in members),
        "background": background,
    }
