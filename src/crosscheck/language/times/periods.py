"""Reporting periods of business news: quarters, halves, fiscal years, "a year earlier".

Earnings stories compare a quarter with the same quarter a year before, so "the quarter" and
"a year ago" are read against the last quarter (or day) the text named, not publication.
"""

from __future__ import annotations

import re

from crosscheck.language.times import calendar as cal
from crosscheck.language.times.context import Context
from crosscheck.language.times.grammar import YEAR
from crosscheck.language.times.lexicon import ORDINALS
from crosscheck.language.times.rule import Result, Rule, key


def year_before(ctx: Context, start: int) -> str:
    """"a year earlier": the same period a year before the one the text was just reporting on
    (a recent quarter or day named in the last few sentences), else the year before publication."""
    if ctx.dated and start - ctx.dated[0] < 700 and ("-Q" in ctx.dated[1] or len(ctx.dated[1]) == 10):
        year = int(ctx.dated[1][:4])
        if ctx.dct is None or year == ctx.dct.year or (year == ctx.dct.year - 1 and ctx.dct.month <= 3):
            return cal.years_earlier(ctx.dated[1], 1)
    return ctx.relative("Y", -1)


_SHIFT_BACK = re.compile(r"year-(?:earlier|ago)|year earlier|year ago|comparable|corresponding|last year\s?'s quarter")
_FOUR_DIGITS = re.compile(r"\d{4}")
_NAMED_PERIOD = re.compile(r"latest|year-|\d{4}|comparable|same|corresponding|current")


def _year_named(ctx: Context, words: str) -> int | None:
    """The year a quarter's modifiers name: "1988", "last year's", "of next year"."""
    explicit = _FOUR_DIGITS.search(words)
    if explicit:
        return int(explicit.group())
    if ctx.dct is None:
        return None
    for phrase, offset in (("last year", -1), ("next year", 1), ("this year", 0)):
        if phrase in words:
            return ctx.dct.year + offset
    return None


def _unnumbered(ctx: Context, words_before: str, unit: str) -> str | None:
    """"the quarter", "the latest period": the quarter the text is about, else the last one."""
    if not words_before or (unit == "period" and not _NAMED_PERIOD.search(words_before)):
        return None
    last_word = words_before.split()[-1]
    if last_word in ("this", "current"):
        return ctx.relative("Q", 0)
    if last_word in ("last", "previous", "prior", "past", "latest"):
        return ctx.relative("Q", -1)
    if last_word in ("next", "coming", "following"):
        return ctx.relative("Q", 1)
    return ctx.quarter or ctx.relative("Q", -1)


def _quarter(m: re.Match[str], ctx: Context) -> Result:
    """"the third quarter" keeps its determiner; the adjective "third-quarter" stands alone."""
    words_before, ordinal, unit_word = key(m["pre"]), key(m["ord"]), key(m["unit"])
    if not ordinal and not words_before:
        return None
    unit = "H" if unit_word == "half" else "Q"
    if unit == "H" and not ordinal and words_before.split()[-1] in ("last", "final"):
        ordinal, words_before = "last", words_before.rpartition(" ")[0]
    if unit == "H" and not ordinal:
        return None
    modifiers = f"{words_before} {key(m['of'])}"
    shift_back = bool(_SHIFT_BACK.search(modifiers))
    year = _year_named(ctx, modifiers)
    if ordinal:
        number = ORDINALS[ordinal] if ORDINALS[ordinal] > 0 else (2 if unit == "H" else 4)
        if unit == "H" and number > 2:
            return None
        if year is None and ctx.dct is not None:
            current = (ctx.dct.month - 1) // (3 if unit == "Q" else 6) + 1
            later = number > current + 1 and not ctx.looks_future(m.start(), m.end())
            year = ctx.dct.year - later
        value = f"{year - shift_back:04d}-{unit}{number}" if year is not None else f"XXXX-{unit}{number}"
    else:
        value = _unnumbered(ctx, words_before, unit_word)
        if value is None:
            return None
        if shift_back:
            value = cal.years_earlier(value, 1)
        elif year is not None and value[:4].isdigit():
            value = f"{year:04d}{value[4:]}"
    if unit == "Q" and not shift_back:
        ctx.note(m.start(), value)
    if m["adjective"]:
        return "DATE", value, m.start("ord"), m.end()
    return "DATE", value


_QUARTER_WORD = (
    r"(?:the|this|that|last|next|same|latest|current|comparable|corresponding|previous|prior|past|"
    r"year-earlier|year-ago|year\s+earlier|fiscal|"
    rf"(?:this|last|next)\s+year\s?'s|{YEAR}\s?'s|{YEAR}|coming|following)"
)
QUARTER = Rule(
    "quarter",
    rf"(?P<pre>(?:{_QUARTER_WORD}\s+)*)(?:fiscal[-\s])?"
    r"(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last)(?:(?P<adjective>-)|\s)(?:fiscal[-\s])?)?"
    r"(?P<unit>quarter|half|period)\b(?!s\b|-(?:point|percent|inch|mile|ton|pound))"
    rf"(?P<of>\s+of\s+(?:fiscal\s+)?(?:{YEAR}|this\s+year|last\s+year|next\s+year)"
    r"|\s+a\s+year\s+(?:ago|earlier)|\s+last\s+year)?",
    _quarter,
)

def _quarter_code(m: re.Match[str], ctx: Context) -> Result:
    if ctx.text[m.start()] != "Q":
        return None
    if m["year"]:
        digits = m["year"].lstrip("'")
        year = int(digits) if len(digits) == 4 else 2000 + int(digits)
    elif ctx.dct is not None:
        year = ctx.dct.year - (int(m["q"]) > (ctx.dct.month - 1) // 3 + 2)
    else:
        return "DATE", f"XXXX-Q{m['q']}"
    value = f"{year:04d}-Q{m['q']}"
    ctx.note(m.start(), value)
    return "DATE", value


QUARTER_CODE = Rule("quarter_code", rf"q(?P<q>[1-4])\b(?:\s+(?P<year>{YEAR}|'\d\d))?", _quarter_code)
"""Analysts' shorthand: "Q3", "Q1 2008"."""

YEAR_AGO = Rule(
    "year_ago",
    r"(?:the\s+)?year-(?:earlier|ago)(?!\s+(?:nine|six|three)\s+months)",
    lambda m, ctx: ("DATE", year_before(ctx, m.start())),
)

_ENDED = re.compile(r"\s+(?:ended|ending|ends|that\s+ended)\b")


def _fiscal_year(m: re.Match[str], ctx: Context) -> Result:
    if m["year"]:
        digits = m["year"].lstrip("'")
        year = int(digits) if len(digits) == 4 else 1900 + int(digits) if int(digits) > 30 else 2000 + int(digits)
        ctx.note(m.start(), f"{year:04d}")
        return "DATE", f"{year:04d}"
    if _ENDED.match(ctx.text, m.end()):
        return "DURATION", "P1Y"
    relative = key(m["rel"]).rpartition(" ")[2]
    offset = {"last": -1, "previous": -1, "prior": -1, "next": 1, "coming": 1}.get(relative, 0)
    return "DATE", ctx.relative("Y", offset)


FISCAL_YEAR = Rule(
    "fiscal_year",
    r"(?:fiscal(?:\s+year)?\s+(?P<year>(?:19|20)\d\d|'\d\d)\b"
    r"|(?:the\s+)?(?P<rel>(?:the\s+)?(?:current|last|next|previous|prior|coming|latest|same)\s+)?fiscal\s+year)",
    _fiscal_year,
)

YEAR_END = Rule(
    "year_end",
    r"(?:around\s+)?(?:year[-\s]end|year\s?'s\s+end)\b",
    lambda m, ctx: ("DATE", ctx.relative("Y", 0)),
)
