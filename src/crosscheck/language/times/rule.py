"""What a rule is, and the readings of words that several families of rules share.

A rule is a lower-case regex and a function from its match to ``(type, value)``. Matches
come from the lower-cased text, so the functions read words through ``key``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from crosscheck.language.times import calendar as cal
from crosscheck.language.times.context import Context
from crosscheck.language.times.lexicon import DAY_ORDINAL_WORDS, MONTHS, UNITS, WEEKDAYS
from crosscheck.language.times.numbers import parse_number

Result = tuple[str, str] | tuple[str, str, int, int] | None
"""(type, value), optionally with a narrower (start, end) than the match; None drops it."""


class Rule(NamedTuple):
    """One kind of expression: a lower-case pattern and the function that reads a match."""

    name: str
    pattern: str
    resolve: Callable[[re.Match[str], Context], Result]


@lru_cache(maxsize=4096)
def key(phrase: str | None) -> str:
    """A phrase as the word tables spell it: lower case, single spaces, no trailing dot."""
    return " ".join((phrase or "").lower().rstrip(".").split())


def unit_code(word: str) -> str:
    """"years" -> "Y", "centuries" -> "CE": the ``lexicon.UNITS`` code of a unit word."""
    word = key(word)
    if word == "centuries":
        return "CE"
    if word.startswith("millenni"):
        return "ML"
    return UNITS[word[:-1] if word.endswith("s") and word[:-1] in UNITS else word]


def month_number(word: str) -> int:
    return MONTHS[key(word)]


_DIGITS = re.compile(r"\d+")


def day_number(word: str) -> int:
    """"7", "7th" or "seventh" -> 7."""
    word = key(word)
    return DAY_ORDINAL_WORDS.get(word) or int(_DIGITS.match(word).group())


_YEAR_TOKENS = re.compile(r"[-\s]+")


def year_number(word: str) -> int:
    """A year written in digits or spoken ("nineteen ninety-seven", "two thousand")."""
    if word[:4].isdigit():
        return int(word[:4])
    tokens = _YEAR_TOKENS.split(key(word))
    if tokens[:2] == ["two", "thousand"]:
        return 2000 + int(parse_number(" ".join(t for t in tokens[2:] if t != "and")) or 0)
    century = parse_number(tokens[0]) or 19
    rest = [t for t in tokens[1:] if t != "oh"]
    return int(century) * 100 + (0 if rest == ["hundred"] else int(parse_number(" ".join(rest)) or 0))


def year_for(ctx: Context, month: int, day: int | None, start: int, end: int) -> int | None:
    """The year of a month (and day) named without one.

    The same year as publication, unless that lies more than two months ahead (then the
    year before); when the clause speaks of the future, the next occurrence instead.
    """
    if ctx.dct is None:
        return None
    year = ctx.dct.year
    days_ahead = (dt.date(year, month, min(day or 15, 28)) - ctx.dct).days
    if ctx.looks_future(start, end):
        return year + 1 if days_ahead < -31 else year
    return year - 1 if days_ahead > 62 else year


def month_value(ctx: Context, month: int, day: int | None, start: int, end: int, year: int | None = None) -> str:
    """"1998-10-01" / "1998-10", with the year guessed when the text gave none."""
    year = year if year is not None else year_for(ctx, month, day, start, end)
    prefix = f"{year:04d}" if year is not None else "XXXX"
    return f"{prefix}-{month:02d}" + (f"-{day:02d}" if day else "")


_BACKWARD = ("last", "this past", "past")
_FORWARD = ("next", "this coming", "coming")


def weekday_value(ctx: Context, weekday: int, modifier: str, start: int, end: int) -> str:
    """The date of a weekday: "last Friday" is strictly before publication, a bare "Friday"
    the most recent one (publication day included) unless the clause speaks of the future;
    "the previous Friday" counts from the last day the text named."""
    modifier = key(modifier)
    if ctx.dct is None:
        return f"XXXX-WXX-{weekday}"
    reference, direction = ctx.dct, 1 if ctx.looks_future(start, end) else -1
    if modifier in _BACKWARD or modifier in _FORWARD:
        direction = -2 if modifier in _BACKWARD else 2
    elif modifier in ("the previous", "the preceding", "the prior", "the following", "the next"):
        reference = dt.date.fromisoformat(ctx.day) if ctx.day else ctx.dct
        direction = 2 if modifier in ("the following", "the next") else -2
    return cal.weekday_near(reference, weekday, direction).isoformat()


def day_phrase(ctx: Context, phrase: str | None, start: int, end: int) -> str | None:
    """The date a day word next to a clock time names ("Tuesday", "Nov. 6", "yesterday")."""
    word = key(phrase)
    if not word:
        return None
    if word in ("today", "tonight", "yesterday", "tomorrow"):
        return ctx.relative("D", {"yesterday": -1, "tomorrow": 1}.get(word, 0))
    if word in WEEKDAYS:
        return weekday_value(ctx, WEEKDAYS[word], "", start, end)
    month, day = word.rsplit(" ", 1)
    return month_value(ctx, month_number(month), day_number(day), start, end)
