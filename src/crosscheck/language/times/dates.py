"""Calendar dates the text names: "Aug. 7, 1998", "March 1996", "in May", "1990", "the 1990s",
"Thanksgiving", "last summer"."""

from __future__ import annotations

import datetime as dt
import re

from crosscheck.language.times import calendar as cal
from crosscheck.language.times.context import Context
from crosscheck.language.times.grammar import (
    COMMA,
    DAY_NUMBER,
    DAY_WORD,
    EDGE,
    HOLIDAY,
    MONTH,
    MONTH_ABBR,
    MONTH_NAME,
    SPOKEN_CENTURY_YEAR,
    SPOKEN_YEAR,
    WEEKDAY,
    YEAR,
)
from crosscheck.language.times.lexicon import EASTER_HOLIDAYS, FIXED_HOLIDAYS, MOVABLE_HOLIDAYS, ORDINALS, SEASONS
from crosscheck.language.times.rule import Result, Rule, day_number, key, month_number, month_value, year_number


def _date(m: re.Match[str], ctx: Context) -> Result:
    month, day = month_number(m["month"] or m["month2"]), day_number(m["day"] or m["day2"])
    year = year_number(m["year"]) if m["year"] else None
    value = month_value(ctx, month, day, m.start(), m.end(), year)
    ctx.note(m.start(), value)
    return "DATE", value


DATE = Rule(
    "date",
    rf"(?:{WEEKDAY}{COMMA})?"
    rf"(?:(?P<month>{MONTH})\s+(?P<day>{DAY_NUMBER}|{DAY_WORD}\b)"
    rf"|(?:the\s+(?=\S+\s+of\s))?(?P<day2>{DAY_NUMBER}|{DAY_WORD})\s+(?:of\s+)?(?P<month2>{MONTH}))"
    rf"(?:{COMMA}(?P<year>{YEAR}|{SPOKEN_YEAR}))?",
    _date,
)


def _week_of(m: re.Match[str], ctx: Context) -> Result:
    value = month_value(ctx, month_number(m["month"]), day_number(m["day"]), m.start(), m.end())
    if value.startswith("X"):
        return "DATE", "XXXX-WXX"
    return "DATE", cal.week_value(dt.date.fromisoformat(value))


WEEK_OF = Rule("week_of", rf"the\s+week\s+of\s+(?P<month>{MONTH})\s+(?P<day>{DAY_NUMBER})", _week_of)


def _numeric_date(m: re.Match[str], ctx: Context) -> Result:
    if m["iso"]:
        value = m["iso"]
    else:
        year = int(m["y"])
        if year < 100:
            year += 1900 if year > 30 else 2000
        value = f"{year:04d}-{int(m['m']):02d}-{int(m['d']):02d}"
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return None
    ctx.note(m.start(), value)
    return "DATE", value


NUMERIC_DATE = Rule(
    "numeric_date",
    r"(?<![\d/.-])(?:(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)"
    r"|(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>(?:19|20)?\d\d))(?![\d/])",
    _numeric_date,
)


def _month_year(m: re.Match[str], ctx: Context) -> Result:
    month = month_number(m["month"])
    if m["rel"]:
        if ctx.dct is None:
            return "DATE", f"XXXX-{month:02d}"
        year = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[key(m["rel"])]
    else:
        year = year_number(m["year"])
    value = f"{year:04d}-{month:02d}"
    ctx.note(m.start(), value)
    return "DATE", value


MONTH_YEAR = Rule(
    "month_year",
    rf"(?:{EDGE}\s*)?(?P<month>{MONTH_NAME}|{MONTH_ABBR}|may)(?:\s+of)?{COMMA}"
    rf"(?:(?P<year>{YEAR}|{SPOKEN_YEAR})|(?P<rel>this|last|next)\s+year)",
    _month_year,
)

_MAY_CONTEXT = re.compile(
    r"\b(?:in|since|until|till|by|from|through|during|of|to|early|late|mid|last|next|this|before|"
    r"after|between|and|or|each|every)\W*$",
    re.I,
)
"""Words after which a capitalised "May" is the month, not the modal verb."""


def _month_alone(m: re.Match[str], ctx: Context) -> Result:
    month = month_number(m["month"])
    relative = key(m["rel"])
    if month == 5 and not relative and not m["edge"]:
        if not _MAY_CONTEXT.search(ctx.text, max(0, m.start() - 12), m.start()):
            return None
    if relative in ("each", "every"):
        return "SET", f"XXXX-{month:02d}"
    if ctx.dct is None:
        return "DATE", f"XXXX-{month:02d}"
    current = ctx.dct.year * 12 + ctx.dct.month - 1
    if relative in ("last", "this past"):
        index = current - 1 - (current - month) % 12
    elif relative in ("next", "this coming"):
        index = current + 1 + (month - current - 2) % 12
    elif relative == "this":
        index = ctx.dct.year * 12 + month - 1
    else:
        return "DATE", month_value(ctx, month, None, m.start(), m.end())
    return "DATE", f"{index // 12:04d}-{month:02d}"


MONTH_ALONE = Rule(
    "month_alone",
    rf"(?:(?P<rel>last|next|this\s+past|this\s+coming|this|each|every)\s+|(?P<edge>{EDGE})\s*)?"
    rf"(?P<month>{MONTH_NAME}|may)\b(?!\s+\d)",
    _month_alone,
)

_DECADE_WORDS = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties")
_CENTURY_ORDINAL = re.compile(r"\d+")


def _decade(m: re.Match[str], ctx: Context) -> Result:
    if m["century"]:
        ordinal = key(m["century"])
        number = int(_CENTURY_ORDINAL.match(ordinal).group()) if ordinal[0].isdigit() else ORDINALS[ordinal]
        return "DATE", f"{number - 1:02d}"
    if m["digits"]:
        decade = int(m["digits"][:3])
    elif m["short"]:
        decade = 190 + int(m["short"][0])
    else:
        decade = 192 + _DECADE_WORDS.index(key(m["word"]))
    return "DATE", f"{decade:03d}"


DECADE = Rule(
    "decade",
    r"(?:the\s+)?(?:(?:early|mid|late|last\s+half\s+of\s+the|first\s+half\s+of\s+the)[-\s]+)?"
    rf"(?:(?P<digits>1[0-9]\d0|20\d0)'?s\b|'(?P<short>\d0)s\b|(?P<word>{'|'.join(_DECADE_WORDS)})\b"
    r"|(?P<century>\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
    r"|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth"
    r"|twentieth|twenty-first)[-\s]+century\b)",
    _decade,
)


def _holiday_date(name: str, year: int) -> dt.date:
    if name in FIXED_HOLIDAYS:
        return dt.date(year, *FIXED_HOLIDAYS[name])
    if name in MOVABLE_HOLIDAYS:
        month, weekday, nth, days_after = MOVABLE_HOLIDAYS[name]
        return cal.nth_weekday(year, month, weekday, nth) + dt.timedelta(days=days_after)
    return cal.easter(year) + dt.timedelta(days=EASTER_HOLIDAYS[name])


def _holiday(m: re.Match[str], ctx: Context) -> Result:
    name = key(m["name"])
    if m["year"]:
        day = _holiday_date(name, int(m["year"]))
    elif ctx.dct is None:
        return "DATE", "XXXX-XX-XX"
    else:
        this_year = _holiday_date(name, ctx.dct.year)
        past = this_year if this_year <= ctx.dct else _holiday_date(name, ctx.dct.year - 1)
        future = this_year if this_year >= ctx.dct else _holiday_date(name, ctx.dct.year + 1)
        relative = key(m["rel"])
        forward = relative == "next" or (relative != "last" and ctx.looks_future(m.start(), m.end()))
        day = future if forward else past
    ctx.note(m.start(), day.isoformat())
    return "DATE", day.isoformat()


HOLIDAY_RULE = Rule(
    "holiday",
    rf"(?:(?P<rel>last|next|this)\s+)?(?P<name>{HOLIDAY})(?:{COMMA}(?P<year>(?:19|20)\d\d))?\b",
    _holiday,
)


def _year(m: re.Match[str], ctx: Context) -> Result:
    value = f"{year_number(m['year']):04d}"
    ctx.note(m.start(), value)
    half = key(m["edge"])
    if half.endswith("half of"):
        return "DATE", f"{value}-H{1 if half.startswith('the first') else 2}"
    return "DATE", value


YEAR_RULE = Rule(
    "year",
    rf"(?:(?P<edge>{EDGE}|post-|pre-|a\s+good\s+part\s+of|around|about|the\s+year)\s*)?"
    rf"(?P<year>{YEAR}|(?<=year\s){SPOKEN_YEAR}|(?<=in\s){SPOKEN_YEAR}|{SPOKEN_CENTURY_YEAR}"
    rf"|{SPOKEN_YEAR}(?=\W*$|\s*[.,;]))"
    r"(?:\s+(?:or\s+(?:later|earlier|beyond|so)|and\s+beyond))?",
    _year,
)


_SEASON_SPAN = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def _season(m: re.Match[str], ctx: Context) -> Result:
    """"next spring" is the first spring starting after publication, "last spring" the last
    one already over, "this winter" the one around publication."""
    code = SEASONS[key(m["season"] or m["bare"])]
    if m["year"] or m["bare_year"]:
        return "DATE", f"{year_number(m['year'] or m['bare_year']):04d}-{code}"
    if ctx.dct is None:
        return "DATE", f"XXXX-{code}"
    first, last = _SEASON_SPAN[code]
    year = ctx.dct.year - (code == "WI" and ctx.dct.month <= 2)
    relative = key(m["rel"])
    if relative in ("next", "this coming") and dt.date(year, first, 1) <= ctx.dct:
        year += 1
    elif relative in ("last", "this past", "past"):
        season_over = cal.add_months(dt.date(year, 1, 1), last) - dt.timedelta(days=1)
        year -= season_over >= ctx.dct
    return "DATE", f"{year:04d}-{code}"


SEASON = Rule(
    "season",
    r"(?:(?P<rel>last|next|this\s+past|this\s+coming|this|the\s+early|the\s+late|early|late|the|mid-?)\s*"
    r"(?P<season>spring|summer|fall|autumn|winter)\b"
    rf"(?:\s+of\s+(?P<year>{YEAR}|{SPOKEN_YEAR}))?"
    rf"|(?P<bare>spring|summer|fall|autumn|winter)\s+(?P<bare_year>{YEAR})\b)",  # "spring 2028"
    _season,
)
