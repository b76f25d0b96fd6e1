"""Dates counted from publication or from the story's last date: "yesterday", "Friday",
"last week", "two years ago", "the following month", and vague PRESENT/PAST/FUTURE_REF."""

from __future__ import annotations

import datetime as dt
import re

from crosscheck.language.times import calendar as cal
from crosscheck.language.times.context import Context
from crosscheck.language.times.grammar import ANY_UNIT, APPROX, EDGE, FUZZY, NUMBER, WEEKDAY, words
from crosscheck.language.times.lexicon import PARTS_OF_DAY, UNITS, WEEKDAYS
from crosscheck.language.times.numbers import duration_value, parse_number
from crosscheck.language.times.periods import year_before
from crosscheck.language.times.rule import Result, Rule, key, unit_code, weekday_value


def _today(m: re.Match[str], ctx: Context) -> Result:
    if m["around"]:
        return "DATE", ctx.relative("D", -2 if "yesterday" in m["around"] else 2)
    value = ctx.relative("D", {"today": 0, "yesterday": -1, "tomorrow": 1}[m["word"]])
    ctx.note(m.start(), value, explicit=False)
    return "DATE", value


TODAY = Rule(
    "today",
    r"(?:(?:early|late|earlier|later)\s+)?"
    r"(?:(?P<around>the\s+day\s+(?:before\s+yesterday|after\s+tomorrow))|(?P<word>today|yesterday|tomorrow))\b",
    _today,
)


def _weekday(m: re.Match[str], ctx: Context) -> Result:
    value = weekday_value(ctx, WEEKDAYS[m["weekday"]], m["rel"], m.start(), m.end())
    ctx.note(m.start(), value, explicit=False)
    if m["part"]:
        return "TIME", f"{value}T{PARTS_OF_DAY[m['part']]}"
    return "DATE", value


WEEKDAY_RULE = Rule(
    "weekday",
    r"(?:(?P<rel>last|next|this\s+past|this\s+coming|this|coming|past|the\s+previous|the\s+preceding"
    r"|the\s+following|the\s+next|early|late)\s+)?"
    rf"(?P<weekday>{WEEKDAY})(?!s\b|\s+(?:morning|afternoon|evening|night)s\b)"
    r"(?:\s+(?P<part>morning|afternoon|evening|night))?",
    _weekday,
)


def _ago(m: re.Match[str], ctx: Context) -> Result:
    """"two years ago" is a date; "two days later" is a duration ("two days"), as in TimeBank."""
    unit, direction, count = unit_code(m["unit"]), key(m["dir"]), key(m["n"])
    if not count and not key(m["unit"]).endswith("s"):
        return None
    amount = parse_number(count) if count else None
    if direction in ("ago", "back"):
        if unit == "Y" and amount == 1 and not m["approx"]:
            return "DATE", year_before(ctx, m.start())
        if amount is None:
            return "DATE", "PAST_REF"
        if ctx.dct is None:
            return "DATE", f"DCT-P{int(amount)}{unit}"
        return "DATE", cal.point_in_past(ctx.dct, "W" if unit == "WE" else unit, int(amount))
    if direction in ("from now", "hence"):
        if amount is None or ctx.dct is None or unit not in ("D", "W", "M", "Q", "Y"):
            return "DATE", "FUTURE_REF"
        return "DATE", cal.shifted(ctx.dct, unit, int(amount))
    if unit == "Y" and direction == "earlier" and count in ("a", "one"):
        return "DATE", year_before(ctx, m.start())
    return "DURATION", duration_value(amount, unit), m.start(), m.start("dir")


AGO = Rule(
    "ago",
    rf"(?:(?P<approx>{APPROX})\s+)?(?:(?P<n>{NUMBER}|{FUZZY}|an?)\s+)?(?P<unit>{ANY_UNIT})(?:\s+or\s+so)?"
    r"\s+(?P<dir>ago|earlier|later|before|after|from\s+now|hence|back)\b",
    _ago,
)

_STEPS = {
    "this": 0, "current": 0, "the current": 0, "the present": 0, "the": 0, "the full": 0,
    "that": 0, "the same": 0, "that same": 0, "last": -1, "past": -1, "the past": -1,
    "previous": -1, "the previous": -1, "the last": -1, "the prior": -1, "this past": -1,
    "the latest": -1, "next": 1, "coming": 1, "the next": 1, "the coming": 1, "following": 1,
    "the following": 1, "this coming": 1,
}
_ANCHORED = ("that", "the same", "that same", "the following", "the previous", "the next", "the prior")
"""Determiners that count from the story's last date, not from publication."""
_PERIOD_ENDED = re.compile(r"\s+(?:ended|ending|ends|that\s+ended|through|to\s+date)\b")


def _weekend(ctx: Context, which: str, start: int, end: int) -> str:
    """The ISO week of the weekend meant: "this weekend" the coming one, "the weekend" the
    last one unless the clause looks ahead."""
    step = _STEPS[which]
    if ctx.dct is None:
        return f"DCT{'-' if step < 0 else '+'}P{abs(step)}WE"
    weekday = ctx.dct.isoweekday()
    forward = step > 0 or (which == "this" and weekday < 6) or (which == "the" and ctx.looks_future(start, end))
    saturday = cal.weekday_near(ctx.dct, 6, 1 if forward else -1)
    if step < 0 and weekday >= 6:
        saturday -= dt.timedelta(weeks=1)
    return cal.week_value(saturday) + "-WE"


def _relative(m: re.Match[str], ctx: Context) -> Result:
    which, unit_word = key(m["which"]), key(m["unit"])
    step = _STEPS[which]
    if unit_word.startswith("year") and unit_word.endswith("end"):
        return "DATE", ctx.relative("Y", min(step, 0))
    unit = UNITS[unit_word]
    if unit == "D":
        if which in ("the", "that") and not m["edge"]:
            return None
        if which not in _ANCHORED and which != "the":
            return None
        if ctx.day is None:
            return ("DATE", ctx.relative("D", step)) if which != "the" else None
        return "DATE", (dt.date.fromisoformat(ctx.day) + dt.timedelta(days=step)).isoformat()
    if which in ("the", "the past", "the last") and unit in ("Y", "M", "W") and _PERIOD_ENDED.match(ctx.text, m.end()):
        return "DURATION", duration_value(1, unit)
    if unit == "WE":
        return "DATE", _weekend(ctx, which, m.start(), m.end())
    if unit == "Y" and which in _ANCHORED and ctx.year:
        return "DATE", f"{int(ctx.year) + step:04d}"
    return "DATE", ctx.relative(unit, step)


RELATIVE = Rule(
    "relative",
    rf"(?:(?P<edge>{EDGE}|earlier|later|sometime|some\s+time|around)\s+)?"
    rf"(?P<which>{words(*_STEPS)})"
    r"\s+(?P<unit>year[-\s]end|week|weekend|month|year|decade|century|day)\b(?![-\s](?:old|long)\b)",
    _relative,
)

_PRESENT = ("now", "right now", "currently", "current", "these days", "nowadays", "at present", "the present time")
_PAST = ("recently", "more recently", "lately", "the past", "in the old days")
_FUTURE = (
    "the future", "the near future", "the distant future", "the near term", "the short term",
    "the long term", "the longer term", "as soon as possible", "a later date", "the years ahead",
    "the months ahead", "the weeks ahead", "the days ahead",
)
"""Words TimeBank tags as PRESENT_REF / PAST_REF / FUTURE_REF often enough to pay: "soon",
"previously", bare "future" and "recent" are tagged in under a third of their uses."""


def _reference(m: re.Match[str], ctx: Context) -> Result:
    phrase = key(m.group())
    if phrase in _PRESENT:
        return "DATE", "PRESENT_REF"
    return "DATE", "PAST_REF" if phrase in _PAST else "FUTURE_REF"


REFERENCE = Rule("reference", words(*_PRESENT, *_PAST, *_FUTURE) + r"\b(?!-)", _reference)
