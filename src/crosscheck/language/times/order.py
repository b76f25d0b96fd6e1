"""Ordering TIMEX3 values on a timeline, including values the tagger could not resolve.

``resolve_order_key(value, published)`` returns ``(band, start, end)``; sorting by it puts
earlier first. ``start``/``end`` are day numbers (``date.toordinal``, with a fraction for the
time of day) of the first and last day the value covers. Bands:

- 0: on the calendar: "1998-01-08", "1998-W02", "1998-Q3", "199" (the 1990s), and, given
  ``published``, PAST_REF / PRESENT_REF / FUTURE_REF and the relative values below;
- 1: relative to an unknown publication date: "DCT-P1D" (yesterday), "DCT+P0W" (this week),
  PAST_REF...; start/end are days from publication;
- 2: a date with an unknown year: "XXXX-10-01", "XXXX-Q3", "XXXX-WXX-5" (a Friday), by their
  place in a year (or a week);
- 3: not a point in time (durations, sets, anything unreadable), by approximate length.
"""

from __future__ import annotations

import datetime as dt
import re

from crosscheck.language.times.calendar import add_months

Key = tuple[int, float, float]

_PART_HOURS = {"MO": 8, "MI": 12, "AF": 15, "EV": 19, "NI": 22, "DT": 12}
_TIME = re.compile(r"T(?:(\d\d)(?::(\d\d))?|(MO|MI|AF|EV|NI|DT))$")
_REFS = {"PAST_REF": -0.5, "PRESENT_REF": 0.0, "FUTURE_REF": 1.5}
"""Where the vague references sit, in days from publication: after yesterday, before tomorrow
is over."""
_RELATIVE = re.compile(r"DCT([+-])P(\d+)(DE|CE|WE|D|W|M|Q|H|Y)$")
_UNIT_DAYS = {"D": 1.0, "W": 7.0, "WE": 7.0, "M": 30.4, "Q": 91.3, "H": 182.6, "Y": 365.25, "DE": 3652.5, "CE": 36525.0}
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
_DURATION = re.compile(r"P(T?)(\d+(?:\.\d+)?|X)([A-Z])")
_CLOCK_DAYS = {"H": 1 / 24, "M": 1 / 1440, "S": 1 / 86400}
_CALENDAR_DAYS = {"D": 1.0, "W": 7.0, "M": 30.4, "Q": 91.3, "Y": 365.25, "E": 3652.5, "C": 36525.0}


def _time_of_day(value: str) -> tuple[str, float | None]:
    """``value`` without its time part, and that time as a fraction of a day."""
    match = _TIME.search(value)
    if not match:
        return value, None
    if match.group(3):
        return value[: match.start()], _PART_HOURS[match.group(3)] / 24
    return value[: match.start()], (int(match.group(1)) + int(match.group(2) or 0) / 60) / 24


def _months(year: int, first: int, count: int) -> tuple[dt.date, dt.date]:
    start = add_months(dt.date(year, 1, 1), first - 1)
    return start, add_months(start, count) - dt.timedelta(days=1)


def _calendar_span(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last day of a TIMEX3 calendar value ("1998", "1998-W02-WE", "199"...)."""
    match = re.match(r"(\d{2,4})(?:-(.*))?$", value)
    if not match:
        return None
    digits, rest = match.group(1), match.group(2) or ""
    if len(digits) < 4:
        scale = 100 if len(digits) == 2 else 10
        return dt.date(max(1, int(digits) * scale), 1, 1), dt.date(int(digits) * scale + scale - 1, 12, 31)
    year = int(digits)
    if not rest or rest.startswith("XX"):
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if parts := re.fullmatch(r"(\d\d)-(\d\d)", rest):
        day = dt.date(year, int(parts.group(1)), int(parts.group(2)))
        return day, day
    if parts := re.fullmatch(r"(\d\d)(?:-XX)?", rest):
        return _months(year, int(parts.group(1)), 1)
    if parts := re.fullmatch(r"W(\d\d?)(-WE)?", rest):
        monday = dt.date.fromisocalendar(year, int(parts.group(1)), 1)
        return monday + dt.timedelta(days=5 if parts.group(2) else 0), monday + dt.timedelta(days=6)
    if parts := re.fullmatch(r"([QH])(\d)", rest):
        size = 3 if parts.group(1) == "Q" else 6
        return _months(year, (int(parts.group(2)) - 1) * size + 1, size)
    if rest in _SEASON_MONTHS:
        first, last = _SEASON_MONTHS[rest]
        return _months(year, first, last - first + 1)
    return None


def _in_some_year(value: str) -> float | None:
    """Where a value with an unknown year ("XXXX-10-01", "XXXX-Q3") falls within a year."""
    if match := re.match(r"XXXX-(\d\d)(?:-(\d\d))?", value):
        return (int(match.group(1)) - 1) * 31 + int(match.group(2) or 1)
    if match := re.match(r"XXXX-([QH])(\d)", value):
        return (int(match.group(2)) - 1) * (91.3 if match.group(1) == "Q" else 182.6) + 1
    if match := re.match(r"XXXX-(SP|SU|FA|WI)", value):
        return (_SEASON_MONTHS[match.group(1)][0] - 1) * 31 + 1
    if match := re.match(r"XXXX-WXX-(\d)", value):
        return float(match.group(1))
    return None


def _length(value: str) -> float:
    match = _DURATION.match(value)
    if not match:
        return 0.0
    amount = 1.0 if match.group(2) == "X" else float(match.group(2))
    units = _CLOCK_DAYS if match.group(1) else _CALENDAR_DAYS
    return amount * units.get(match.group(3), 1.0)


def resolve_order_key(value: str, published: dt.date | None = None) -> Key:
    """A sort key placing ``value`` on a timeline; see the module docstring for the bands.

    With ``published``, relative values ("DCT-P1D", PAST_REF) are placed on the calendar.
    """
    base, fraction = _time_of_day(value)
    offset = None
    if base in _REFS:
        offset = _REFS[base]
    elif relative := _RELATIVE.match(base):
        sign = -1 if relative.group(1) == "-" else 1
        offset = sign * int(relative.group(2)) * _UNIT_DAYS[relative.group(3)]
    if offset is not None:
        offset += fraction or 0.0
        if published is None:
            return 1, offset, offset
        return 0, published.toordinal() + offset, published.toordinal() + offset
    try:
        span = _calendar_span(base)
    except ValueError:
        span = None
    if span is not None:
        first, last = span[0].toordinal(), span[1].toordinal()
        if fraction is not None:
            return 0, first + fraction, first + fraction
        return 0, float(first), float(last) + 0.999
    if (place := _in_some_year(value)) is not None:
        return 2, place + (fraction or 0.0), place + (fraction or 0.0)
    return 3, _length(value), _length(value)
