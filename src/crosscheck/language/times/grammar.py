"""Regex fragments the rules are written in: months, weekdays, numbers, units, years.

Patterns are lower case: the tagger matches them against the lower-cased text (a
case-insensitive ``re`` search is several times slower), and rules check capitals on the
original text where they matter ("May" the month against "may" the verb).
"""

from __future__ import annotations

import re

from crosscheck.language.times.lexicon import (
    DAY_ORDINAL_WORDS,
    EASTER_HOLIDAYS,
    FIXED_HOLIDAYS,
    MONTHS,
    MOVABLE_HOLIDAYS,
    SMALL_NUMBERS,
    TENS,
    TIME_ZONES,
    UNITS as UNIT_CODES,
    WEEKDAYS,
)


def words(*phrases: str) -> str:
    """An alternation of phrases as a prefix tree, so a failing position costs one branch per
    letter rather than one per phrase; a space in a phrase matches any run of ``\\s``."""
    tree: dict[str, dict] = {}
    for phrase in set(phrases):
        node = tree
        for char in phrase.lower():
            node = node.setdefault(char, {})
        node[""] = {}
    return _tree_pattern(tree)


def _tree_pattern(node: dict[str, dict]) -> str:
    branches = [
        (r"\s+" if char == " " else re.escape(char)) + _tree_pattern(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


MONTH_NAME = words(
    "january", "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december",
)
"""Full month names that can stand alone ("in March"); "May" is handled by the rules."""
MONTH_ABBR = words("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec") + r"\b\.?"
MONTH = rf"(?:{MONTH_NAME}\b|may\b|{MONTH_ABBR})"
"""Any month name or abbreviation: safe only next to a day number or a year."""

WEEKDAY = words(*WEEKDAYS)

_UNIT_WORD = words(*(w for w, n in SMALL_NUMBERS.items() if 0 < n < 10))
_TEEN = words(*(w for w, n in SMALL_NUMBERS.items() if n >= 10))
_TENS = words(*TENS)
NUMBER_WORD = (
    rf"(?:(?:{_TENS}(?:[-\s]{_UNIT_WORD})?|{_TEEN}|{_UNIT_WORD}|a|one)(?:[-\s](?:hundred|thousand))"
    rf"|{_TENS}(?:[-\s]{_UNIT_WORD})?|{_TEEN}|{_UNIT_WORD}|a\s+dozen|dozen)"
)
"""Spelled-out numbers up to the thousands: "twenty four", "a hundred", "two thousand"."""
DIGITS = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
NUMBER = rf"(?:(?:{DIGITS})(?:\s+1/2|\s*½)?|{NUMBER_WORD}(?:\s+and\s+a\s+half)?)"
NUMBER_RANGE = rf"{NUMBER}(?:\s*(?:to|-|–|or)\s*{NUMBER})?"
FUZZY = words(
    "several", "a few", "few", "a couple of", "couple of", "a couple", "some", "many",
    "a number of", "dozens of", "hundreds of", "thousands of", "a dozen",
)

_UNIT = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|century|millennium)"
UNITS = (
    r"(?:seconds|minutes|hours|days|nights|weeks|fortnights|months|quarters|years|decades|centuries"
    r"|millenni(?:a|ums))"
)
ANY_UNIT = rf"(?:{UNITS}|{_UNIT})"

YEAR = (
    r"(?<![\d$£€#.,:/])(?<!\d-)(?:1[2-9]\d\d|20\d\d)"
    rf"(?![\d%]|[.,:/-]\d|\s*(?:percent|per\s+cent)\b|[-\s]+{UNITS}\b|-{_UNIT}\b)"
)
"""A year in digits, not an amount ("$1990", "1990 years", "2000%")."""
_SPOKEN_DECADE = rf"(?:oh[-\s]{_UNIT_WORD}|{_TENS}(?:[-\s]{_UNIT_WORD})?|{_TEEN})"
SPOKEN_CENTURY_YEAR = rf"(?:nineteen|eighteen)[-\s]{_SPOKEN_DECADE}"
"""A spoken year no count could be mistaken for: "nineteen ninety-seven"."""
SPOKEN_YEAR = (
    rf"(?:(?:nineteen|eighteen|twenty)[-\s](?:hundred|{_SPOKEN_DECADE})"
    rf"|two\s+thousand(?:[-\s](?:and\s+)?(?:{_UNIT_WORD}|{_TEEN}))?)"
)
"""Years as broadcast transcripts write them: "nineteen ninety-seven", "two thousand"."""

DAY_NUMBER = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d%]|[:.,]\d)"
DAY_WORD = words(*DAY_ORDINAL_WORDS)
TIME_ZONE = words(*TIME_ZONES)
HOLIDAY = words(*FIXED_HOLIDAYS, *MOVABLE_HOLIDAYS, *EASTER_HOLIDAYS)

EDGE = (
    r"(?:early|late|mid-?|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of"
    r"|the\s+first\s+half\s+of|the\s+second\s+half\s+of|the\s+last\s+half\s+of|the\s+rest\s+of"
    r"|the\s+remainder\s+of)"
)
"""A part of a period kept inside the timex: "early 1990", "the end of the month"."""

COMMA = r"(?:\s?,)?\s+"
"""Space with an optional comma, also as tokenised text writes it ("March 15 , 2008")."""

APPROX = words(
    "about", "around", "approximately", "roughly", "nearly", "almost", "some", "more than",
    "less than", "fewer than", "over", "under", "at least", "at most", "up to", "no more than",
    "no less than", "not more than", "within", "close to", "upwards of", "well over",
    "barely", "a full", "a good", "the better part of",
)
"""Modifiers TimeBank keeps inside a timex: "nearly forty years", "at least 30 days"."""


_HEAD_WORDS = (
    "today", "yesterday", "tomorrow", "tonight", "overnight", "noon", "midnight", "midday",
    "morning", "afternoon", "evening", "night", "mornings", "afternoons", "evenings", "nights",
    "now", "currently", "current", "nowadays", "present", "presently", "recent", "recently",
    "lately", "future", "past", "date", "ahead", "term", "as soon as possible",
    "spring", "summer", "fall", "autumn", "winter", "daily", "nightly", "weekly", "biweekly",
    "monthly", "annually", "yearly", "hourly", "semiannually", "fiscal", "half", "period",
    "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties",
    "weekend", "weekends", "centuries", "millennia", "millenniums", "century",
)
_MIDDLE_WORDS = ("of", "and", "or", "to", "than", "least", "most", "so", "as", "in", "old")
"""Words found inside a timex ("the end of", "12 to 18 months") but never at its start."""
_LEFT_WORDS = (
    "the", "a", "an", "this", "that", "these", "its", "last", "next", "past", "coming",
    "previous", "following", "same", "current", "latest", "early", "late", "mid", "earlier",
    "later", "about", "around", "approximately", "roughly", "nearly", "almost", "some", "more",
    "less", "fewer", "over", "under", "at", "up", "no", "not", "within", "close", "upwards",
    "well", "barely", "full", "good", "better", "part", "each", "every", "per", "other", "once",
    "twice", "times", "end", "beginning", "start", "middle", "rest", "remainder", "first",
    "second", "third", "fourth", "final", "half", "fiscal", "sometime", "time", "post", "pre",
    "right", "recent", "comparable", "corresponding", "prior", "flat", "strong", "weak",
    "disappointing", "traditionally", "seasonally", "slow", "initial", "remaining", "additional",
    "further", "straight", "consecutive", "trading", "business", "calendar", "another",
    "several", "few", "couple", "many", "number", "dozens", "hundreds", "thousands", "dozen",
    "near", "short", "long", "longer", "distant", "hundred", "thousand", "preceding", "year",
    "years", "months", "weeks", "days", "year's", "present", "future",
)
"""Words that may open a timex before its head word: "the past two", "nearly", "early"."""


def _gate() -> tuple[str, str]:
    """The gate's two look-aheads: a known first word (or a digit), then the whole shape."""
    holidays = tuple(h.removeprefix("the ") for h in (*FIXED_HOLIDAYS, *MOVABLE_HOLIDAYS, *EASTER_HOLIDAYS))
    units = (*UNIT_CODES, *(unit + "s" for unit in UNIT_CODES))
    heads = words(*_HEAD_WORDS, *MONTHS, *WEEKDAYS, *units, *holidays)
    starter = rf"(?:{words(*_LEFT_WORDS, *SMALL_NUMBERS, *TENS)}|\d[\d,./]*|(?:19|20)\d\d's)"
    inner = rf"(?:{words(*_LEFT_WORDS, *_MIDDLE_WORDS, *SMALL_NUMBERS, *TENS)}|\d[\d,./]*)"
    digit_head = (  # behind one test for a digit: most words never try these
        rf"{YEAR}|\d{{1,2}}(?:[:.]\d\d)?\s*(?:[ap]\.?\s?m\b|o'clock)"
        r"|\d{1,2}:\d\d\b|\d+/\d+/\d+|\d{4}-\d\d-\d\d|\d{3}0s|\d+(?:st|nd|rd|th)\s+century"
    )
    head = rf"(?:{heads}\b|{SPOKEN_YEAR}|q[1-4]\b|'\d0s|(?=\d)(?:{digit_head}))"
    separator = r"(?:[\s-]+|\s?'s\s+)"
    first_word = words(*_HEAD_WORDS, *MONTHS, *WEEKDAYS, *units, *holidays, *_LEFT_WORDS, *SMALL_NUMBERS, *TENS)
    return (
        rf"(?=(?:{first_word})\b|[\d'q])",
        rf"(?={head}|{starter}{separator}(?:{inner}{separator}){{0,6}}{head})",
    )


WORD_GATE, SHAPE_GATE = _gate()
GATE = WORD_GATE + SHAPE_GATE
"""A cheap look-ahead every timex passes: a known first word, then up to seven modifier words
and a head word (a month, a unit, "yesterday"...). Prefixed to the combined rules, it spares
the full grammar at the nine in ten word starts that cannot begin a timex."""
