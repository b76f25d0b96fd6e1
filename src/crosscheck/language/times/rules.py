"""Every rule, in the order they are tried at a position of the text.

The first rule that matches at the leftmost position wins, so a longer reading comes before
any rule that would match a prefix of it: "Friday, Oct. 23" (a date) before "Friday" (a
weekday), "the third quarter of 1990" before "1990", "two years ago" before "two years".
"""

from __future__ import annotations

from crosscheck.language.times.clock import CLOCK, PART_OF_DAY
from crosscheck.language.times.dates import (
    DATE,
    DECADE,
    HOLIDAY_RULE,
    MONTH_ALONE,
    MONTH_YEAR,
    NUMERIC_DATE,
    SEASON,
    WEEK_OF,
    YEAR_RULE,
)
from crosscheck.language.times.durations import DURATION, SET, VAGUE_UNITS
from crosscheck.language.times.periods import FISCAL_YEAR, QUARTER, QUARTER_CODE, YEAR_AGO, YEAR_END
from crosscheck.language.times.relative import AGO, REFERENCE, RELATIVE, TODAY, WEEKDAY_RULE
from crosscheck.language.times.rule import Rule

RULES: tuple[Rule, ...] = (
    CLOCK,
    NUMERIC_DATE,
    DATE,
    WEEK_OF,
    MONTH_YEAR,
    QUARTER,
    QUARTER_CODE,
    FISCAL_YEAR,
    DECADE,
    HOLIDAY_RULE,
    SEASON,
    YEAR_RULE,
    PART_OF_DAY,
    TODAY,
    WEEKDAY_RULE,
    MONTH_ALONE,
    AGO,
    YEAR_AGO,
    YEAR_END,
    SET,
    DURATION,
    RELATIVE,
    VAGUE_UNITS,
    REFERENCE,
)
