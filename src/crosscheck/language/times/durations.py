"""Lengths of time and repetitions: "the past two months", "a 17-year presence", "years",
"daily", "every Thursday"."""

from __future__ import annotations

import re

from crosscheck.language.times.context import Context
from crosscheck.language.times.grammar import (
    ANY_UNIT,
    APPROX,
    FUZZY,
    MONTH_NAME,
    NUMBER,
    NUMBER_RANGE,
    UNITS,
    WEEKDAY,
    YEAR,
)
from crosscheck.language.times.lexicon import MONTHS, PARTS_OF_DAY, SEASONS, WEEKDAYS
from crosscheck.language.times.numbers import duration_value, parse_number
from crosscheck.language.times.rule import Result, Rule, key, unit_code

_RANGE = re.compile(r"\s+(?:to|or)\s+|(?<=\d)\s*[-–]\s*(?=\d)")
_AFTER_QUANTITY = re.compile(
    r"(?:\d|million|billion|thousand|hundred|percent|%|cents?|dollars?|shares?|times|once|twice)\W*$", re.I
)
"""Before "a year" in "$5 million a year", a rate TimeBank rarely tags."""
_FRACTION_OF = re.compile(rf"\s+of\b(?!\s+(?:fiscal\s+)?(?:{YEAR}|this\s+year|last\s+year|next\s+year|the\s+year))")
"""After "quarter(s)": "three-quarters of its food" is a fraction, "two quarters of 1990" is not."""


def _duration(m: re.Match[str], ctx: Context) -> Result:
    """A length used as an adjective ("the 17-year presence", "a five year plan") is tagged
    without its determiner, as in TimeBank, unless it heads the phrase ("a three-year period")."""
    unit, count = unit_code(m["unit"]), key(m["n"])
    if m["old"] or (unit in ("Q", "S") and count in ("a", "an")):
        return None
    if unit == "Q" and _FRACTION_OF.match(ctx.text, m.end()):
        return None
    if count in ("a", "an") and not m["pre"] and not m["approx"]:
        if _AFTER_QUANTITY.search(ctx.text, max(0, m.start() - 30), m.start()):
            return None
    amount = parse_number(_RANGE.split(count)[0])
    if m["half"]:
        amount = (amount or 0) + 0.5
    if unit == "H" and amount == 24 and key(m["pre"]) in ("last", "past", "next"):
        unit, amount = "D", 1
    value = f"P{int(amount)}Q" if unit == "Q" and amount is not None else duration_value(amount, unit)
    singular_after_a = key(m["det"]) in ("a", "an") and count not in ("a", "an") and not key(m["unit"]).endswith("s")
    adjective = m["hyphen"] or singular_after_a
    if m["long"] and count in ("a", "an"):
        return "DURATION", value, m.start("unit"), m.end()
    if adjective and not m["noun"]:
        return "DURATION", value, m.start("n"), m.end()
    return "DURATION", value


DURATION = Rule(
    "duration",
    rf"(?:(?P<approx>{APPROX})\s+(?!the\b)|(?:at\s+least|nearly|almost|about|more\s+than|less\s+than)\s+(?=the\b))?"
    r"(?:(?P<det>the|each\s+of\s+the|an?)\s+)?"
    r"(?P<pre>(?:(?:last|past|next|first|coming|previous|following|final|latest|initial|same|remaining"
    r"|year-earlier|year-ago|full)\s+)*)"
    rf"(?P<n>{NUMBER_RANGE}|{FUZZY}|an?|another)(?:(?P<hyphen>-)|\s+)"
    r"(?:(?:more|additional|further|full|straight|consecutive|trading|business|calendar)\s+)?"
    rf"(?P<unit>{ANY_UNIT})\b(?![-'](?:earlier|ago|end)\b)(?P<old>[-\s]old\b)?(?P<half>\s+and\s+a\s+half\b)?"
    r"(?:(?P<long>-long)\b|\s+(?P<noun>period|term)\b)?",
    _duration,
)


def _vague_units(m: re.Match[str], ctx: Context) -> Result:
    if m["single"]:
        return "DURATION", duration_value(1, unit_code(m["single"]))
    before, unit = key(m["pre"]), unit_code(m["unit"])
    if unit == "Q" and (not before or _FRACTION_OF.match(ctx.text, m.end())):
        return None
    if before == "future":
        return "DATE", "FUTURE_REF"
    if not before and unit in ("S", "MIN", "H"):
        return None
    if before in ("recent", "past") and unit == "Y":
        return "DATE", "PAST_REF"
    return "DURATION", duration_value(None, unit)


VAGUE_UNITS = Rule(
    "vague_units",
    r"(?P<single>day|night|week|month|year|hour)-long\b|"
    r"(?:(?P<pre>the\s+past\s+few|the\s+last\s+few|the\s+next\s+few|the\s+coming|the\s+past|the\s+last"
    r"|the\s+next|coming|recent|past|future|the)\s+)?"
    rf"(?P<unit>{UNITS})(?:-long)?\b(?!\s+(?:old|ago|earlier|later|before|after)\b)",
    _vague_units,
)

_ADVERBS = {
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "monthly": "P1M",
    "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H", "semiannually": "P6M",
}


def _set(m: re.Match[str], ctx: Context) -> Result:
    if m["adverb"]:
        return "SET", _ADVERBS[m["adverb"]]
    if m["days"]:
        suffix = f"T{PARTS_OF_DAY[m['parts']]}" if m["parts"] else ""
        return "SET", f"XXXX-WXX-{WEEKDAYS[m['days']]}{suffix}"
    every, target = key(m["every"]), key(m["target"])
    if every == "a" and not m["times"]:
        return None
    if target in WEEKDAYS:
        return "SET", f"XXXX-WXX-{WEEKDAYS[target]}"
    if target in MONTHS:
        return "SET", f"XXXX-{MONTHS[target]:02d}"
    if target in SEASONS:
        return "SET", f"XXXX-{SEASONS[target]}"
    if target in PARTS_OF_DAY:
        return "SET", f"XXXX-XX-XXT{PARTS_OF_DAY[target]}"
    amount = 2 if every.endswith("other") else parse_number(m["count"]) if m["count"] else 1
    return "SET", duration_value(amount, unit_code(target))


SET = Rule(
    "set",
    rf"(?P<adverb>{'|'.join(_ADVERBS)})\b"
    rf"|(?P<days>{WEEKDAY})(?:s|\s+(?P<parts>morning|afternoon|evening|night)s)\b"
    rf"|(?P<times>(?:once|twice|{NUMBER}\s+times)\s+)?(?P<every>every\s+other|every|each|per|a)\s+"
    rf"(?:(?P<count>{NUMBER})\s+)?"
    rf"(?P<target>{WEEKDAY}|{MONTH_NAME}|morning|afternoon|evening|night|spring|summer|fall|autumn|winter"
    rf"|{ANY_UNIT})\b",
    _set,
)
