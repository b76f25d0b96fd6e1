"""Calendar arithmetic on TIMEX3 values: shifting a reference date by units, holidays, weeks.

Values are the TimeML strings themselves ("1998-01-08", "1998-W02", "1998-Q3", "199"), so a
resolved value can be shifted again ("a year earlier" than "1989-Q3" is "1988-Q3").
"""

from __future__ import annotations

import datetime as dt
import re


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, clamped to the end of a shorter month (Jan 31 -> Feb 28)."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    first = dt.date(year, month + 1, 1)
    following = dt.date(year + (month == 11), (month + 1) % 12 + 1, 1)
    return first.replace(day=min(day.day, (following - first).days))


def week_value(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def shifted(reference: dt.date, unit: str, amount: int) -> str:
    """The calendar ``unit`` that is ``amount`` units away from the one holding ``reference``.

    ``unit`` is a code from ``lexicon.UNITS`` (D, W, WE, M, Q, H, Y, DE, CE); "last week" is
    ``shifted(dct, "W", -1)``, "this year" is ``shifted(dct, "Y", 0)``.
    """
    if unit == "D":
        return (reference + dt.timedelta(days=amount)).isoformat()
    if unit in ("W", "WE"):
        value = week_value(reference + dt.timedelta(weeks=amount))
        return value + "-WE" if unit == "WE" else value
    if unit == "M":
        return add_months(reference, amount).isoformat()[:7]
    if unit == "Q":
        index = reference.year * 4 + (reference.month - 1) // 3 + amount
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    if unit == "H":
        index = reference.year * 2 + (reference.month - 1) // 6 + amount
        return f"{index // 2:04d}-H{index % 2 + 1}"
    if unit == "Y":
        return f"{reference.year + amount:04d}"
    if unit == "DE":
        return f"{reference.year // 10 + amount:03d}"
    if unit == "CE":
        return f"{reference.year // 100 + amount:02d}"
    raise ValueError(f"unknown unit {unit!r}")


def point_in_past(reference: dt.date, unit: str, amount: int) -> str:
    """"``amount`` ``unit`` ago", at the unit's own granularity (years ago -> a year)."""
    if unit == "D":
        return (reference - dt.timedelta(days=amount)).isoformat()
    if unit == "W":
        return week_value(reference - dt.timedelta(weeks=amount))
    if unit == "M":
        return add_months(reference, -amount).isoformat()[:7]
    if unit == "Q":
        return shifted(reference, "Q", -amount)
    if unit == "DE":
        return f"{reference.year - 10 * amount:04d}"
    if unit == "CE":
        return f"{reference.year - 100 * amount:04d}"
    return f"{reference.year - amount:04d}"


def weekday_near(reference: dt.date, weekday: int, direction: int) -> dt.date:
    """The ISO ``weekday`` on or before (-1) / on or after (+1) / strictly before (-2) /
    strictly after (+2) ``reference``."""
    delta = weekday - reference.isoweekday()
    if direction == -1:
        return reference + dt.timedelta(days=delta if delta <= 0 else delta - 7)
    if direction == 1:
        return reference + dt.timedelta(days=delta if delta >= 0 else delta + 7)
    if direction == -2:
        return reference + dt.timedelta(days=delta if delta < 0 else delta - 7)
    return reference + dt.timedelta(days=delta if delta > 0 else delta + 7)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The ``nth`` ISO ``weekday`` of a month (``nth`` = -1 for the last)."""
    if nth > 0:
        first = dt.date(year, month, 1)
        return weekday_near(first, weekday, 1) + dt.timedelta(weeks=nth - 1)
    after = add_months(dt.date(year, month, 1), 1)
    return weekday_near(after - dt.timedelta(days=1), weekday, -1)


def easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


_YEAR_PREFIX = re.compile(r"\d{4}")


def years_earlier(value: str, years: int) -> str:
    """``value`` moved back by whole years at its own granularity ("1989-Q3" -> "1988-Q3")."""
    if not _YEAR_PREFIX.match(value):
        return value
    year = int(value[:4]) - years
    rest = value[4:]
    if rest == "-02-29":
        rest = "-02-28"
    return f"{year:04d}{rest}"
