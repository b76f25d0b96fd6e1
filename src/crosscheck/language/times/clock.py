"""Times of day: "10:35 a.m.", "5 p.m. EST, Nov. 6", "noon Saturday", "this morning", "tonight".

A clock time without a day belongs to the last day the text named (the story's day), else
to the publication day.
"""

from __future__ import annotations

import datetime as dt
import re

from crosscheck.language.times.context import Context
from crosscheck.language.times.grammar import COMMA, DAY_NUMBER, MONTH, NUMBER_WORD, TIME_ZONE, WEEKDAY
from crosscheck.language.times.lexicon import PARTS_OF_DAY
from crosscheck.language.times.numbers import parse_number
from crosscheck.language.times.rule import Result, Rule, day_phrase, key

_PREPOSITION = re.compile(r"\b(?:at|by|until|till|before|after|around|about|from|since|to|past)\s+$", re.I)
"""Before a bare "noon" or a 24-hour "14:30", which otherwise are too often something else
("High Noon", a score)."""


_DAY_AFTER = re.compile(rf"\s+on\s+({WEEKDAY}|today|yesterday|tomorrow)\b", re.I)
"""A day named just after the time ("3 a.m. on Saturday"), whose date the time takes."""


def _hour(word: str) -> int:
    return int(word) if word.isdigit() else int(parse_number(word) or 0)


def _clock(m: re.Match[str], ctx: Context) -> Result:
    if m["word"]:
        if not m["day"] and not _PREPOSITION.search(ctx.text, max(0, m.start() - 12), m.start()):
            return None
        hour, minute = (24, 0) if key(m["word"]) == "midnight" else (12, 0)
    elif m["hour2"]:
        hour, minute = _hour(m["hour2"]), 0
        if not 1 <= hour <= 12:
            return None
        if key(m["pod"]) != "morning" and hour < 12:
            hour += 12
    elif m["hour24"]:
        if not m["zone"] and not _PREPOSITION.search(ctx.text, max(0, m.start() - 12), m.start()):
            return None
        hour, minute = int(m["hour24"]), int(m["minute24"])
    else:
        hour, minute = int(m["hour"]), int(m["minute"] or 0)
        if hour > 24:
            return None
        suffix = key(m["ampm"]).replace(".", "").replace(" ", "")
        if suffix == "pm" and hour < 12:
            hour += 12
        elif suffix == "am" and hour == 12:
            hour = 0
    day_after = _DAY_AFTER.match(ctx.text, m.end())
    day = day_phrase(ctx, m["day"] or (day_after and day_after.group(1)), m.start(), m.end())
    day = day or ctx.day or ctx.relative("D", 0)
    ctx.note(m.start(), day, explicit=False)
    return "TIME", f"{day}T{hour:02d}:{minute:02d}"


_AMPM = r"(?:[ap]\.\s?m\b\.?|[ap]m\b|o'clock)"
CLOCK = Rule(
    "clock",
    r"(?:(?:around|about|approximately|shortly\s+(?:before|after))\s+)?"
    r"(?:(?P<word>noon|midnight|midday)"
    rf"|(?P<hour>[012]?\d)(?:[:.](?P<minute>[0-5]\d))?\s*(?P<ampm>{_AMPM})(?:\s+{TIME_ZONE})?"
    rf"|(?P<hour24>[01]?\d|2[0-3]):(?P<minute24>[0-5]\d)\b(?!:)(?:\s+(?P<zone>{TIME_ZONE}))?"
    rf"|(?P<hour2>[012]?\d|{NUMBER_WORD})\s+(?:o'clock\s+)?in\s+the\s+(?P<pod>morning|afternoon|evening|night))"
    rf"(?:{COMMA}(?P<day>{WEEKDAY}|today|yesterday|tomorrow|tonight|{MONTH}\s+{DAY_NUMBER}))?",
    _clock,
)

_DAY_OFFSETS = {"yesterday": -1, "last": -1, "tomorrow": 1}


def _part_of_day(m: re.Match[str], ctx: Context) -> Result:
    lone = key(m["lone"])
    if lone == "tonight":
        return "TIME", f"{ctx.relative('D', 0)}TNI"
    if lone == "overnight":
        return "TIME", f"{ctx.day or ctx.relative('D', -1)}TNI"
    if m["part_alone"]:
        return "TIME", f"{ctx.day or ctx.relative('D', 0)}T{PARTS_OF_DAY[key(m['part_alone'])]}"
    if m["part_first"]:
        code = PARTS_OF_DAY[key(m["part_first"])]
        return "TIME", f"{ctx.relative('D', _DAY_OFFSETS.get(key(m['day']), 0))}T{code}"
    which, code = key(m["which"]), PARTS_OF_DAY[key(m["part"])]
    if which in ("the next", "the following"):
        base = ctx.day or ctx.relative("D", 0)
        if base[:4].isdigit():
            base = (dt.date.fromisoformat(base) + dt.timedelta(days=1)).isoformat()
        return "DATE", base
    if which in ("the", "that") and ctx.day:
        return "TIME", f"{ctx.day}T{code}"
    return "TIME", f"{ctx.relative('D', _DAY_OFFSETS.get(which, 0))}T{code}"


PART_OF_DAY = Rule(
    "part_of_day",
    r"(?:(?:early|late|earlier|later|mid-?)\s*(?=\w+\s+\w))?"
    r"(?:(?P<lone>tonight|overnight)"
    r"|(?P<which>this|last|tomorrow|yesterday|the\s+next|the\s+following|that|the)\s+"
    r"(?P<part>morning|afternoon|evening|night)(?<!the\snight)"
    r"|(?:early|late|mid)[-\s]?(?P<part_alone>morning|afternoon|evening)"
    r"|(?P<part_first>morning|afternoon|evening|night)\s+(?P<day>yesterday|today|tomorrow))\b",
    _part_of_day,
)
