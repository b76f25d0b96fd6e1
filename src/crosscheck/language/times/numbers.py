"""Counts and durations: "twenty four" -> 24, (2.5, "Y") -> "P2Y6M"."""

from __future__ import annotations

import re

from crosscheck.language.times.lexicon import SMALL_NUMBERS, TENS

_FRACTION = re.compile(r"\s*(?:1/2|½)|\s+and\s+a\s+half", re.I)
_WORD = re.compile(r"[a-z]+")
_EXACT_WORDS = {"a": 1, "an": 1, "one": 1, "another": 1}
_VAGUE = frozenset(("few", "several", "some", "many", "number", "dozens", "hundreds", "thousands"))


def parse_number(phrase: str) -> float | None:
    """The number a count phrase states, or None when it is vague ("several", "a few")."""
    phrase = phrase.strip().lower()
    half = 0.5 if _FRACTION.search(phrase) else 0.0
    phrase = _FRACTION.sub("", phrase)
    digits = phrase.replace(",", "")
    try:
        return float(digits) + half
    except ValueError:
        pass
    tokens = _WORD.findall(phrase)
    if not tokens or any(token in _VAGUE for token in tokens):
        return None
    if "couple" in tokens:
        return 2.0 + half
    total, current = 0, 0
    for token in tokens:
        if token in SMALL_NUMBERS:
            current += SMALL_NUMBERS[token]
        elif token in TENS:
            current += TENS[token]
        elif token in _EXACT_WORDS:
            current += _EXACT_WORDS[token]
        elif token == "dozen":
            current = (current or 1) * 12
        elif token == "hundred":
            current = (current or 1) * 100
        elif token == "thousand":
            total, current = total + (current or 1) * 1000, 0
        elif token != "and":
            return None
    return float(total + current) + half


_TIME_UNITS = {"H": "H", "MIN": "M", "S": "S"}
_FRACTION_UNIT = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("M", 60), "MIN": ("S", 60)}
"""What half a unit is written in: P2Y6M, P1DT12H, PT5H30M, PT1M30S."""
_SCALED = {"DE": ("Y", 10), "CE": ("Y", 100), "ML": ("Y", 1000), "FN": ("W", 2), "WE": ("D", 2)}


def duration_value(amount: float | None, unit: str) -> str:
    """An ISO-8601 duration for ``amount`` ``unit``s; "X" for a vague amount ("PXY")."""
    if unit in _SCALED:
        base, factor = _SCALED[unit]
        if amount is None:
            return "PXC" if unit == "CE" else f"PX{base}"
        return duration_value(amount * factor, base)
    prefix = "PT" if unit in _TIME_UNITS else "P"
    letter = _TIME_UNITS.get(unit, unit)
    if amount is None:
        return f"{prefix}X{letter}"
    whole = int(amount)
    value = f"{prefix}{whole}{letter}"
    if amount > whole and unit in _FRACTION_UNIT:
        small, per = _FRACTION_UNIT[unit]
        value += f"{'T' if unit == 'D' else ''}{round((amount - whole) * per)}{small}"
    return value
