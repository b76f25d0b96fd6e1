"""Running the rules over a text: one combined regex finds candidates in a single pass.

The combined pattern is the cheap ``grammar.GATE`` look-ahead followed by every rule's pattern
as a named alternative, matched against the lower-cased text. When the rule that matched first
declines (its function returns None), the later rules are tried at the same position before
the scan moves on, so a rejected reading never hides a good one.
"""

from __future__ import annotations

import datetime as dt
import re

from crosscheck.language.times.context import Context
from crosscheck.language.times.grammar import SHAPE_GATE, WORD_GATE
from crosscheck.language.times.lexicon import MONTHS, WEEKDAYS
from crosscheck.language.times.rule import Rule, key
from crosscheck.language.times.rules import RULES
from crosscheck.model import Timex

_NAMED_GROUP = re.compile(r"\(\?P<\w+>")
_CAPITALISED = ("month", "month2", "weekday", "days", "name", "target")
"""Groups holding a month, weekday or holiday name, which must be capitalised in the text."""


def _combined(rules: tuple[Rule, ...]) -> re.Pattern[str]:
    """Matched from the non-word character before a timex (the text is searched with a space
    put in front): a pattern opening with a character set lets ``re`` step over letters in C,
    where one opening with ``(?<!\\w)`` is tried at every position. The first-word test of
    ``grammar.GATE`` comes before the look-behind: it fails at most word starts, which then
    never pay for the look-behind (same matches, a few percent fewer instructions)."""
    branches = "|".join(f"(?P<{rule.name}>{_NAMED_GROUP.sub('(?:', rule.pattern)})" for rule in rules)
    return re.compile(rf"[^a-z]{WORD_GATE}(?<=\W){SHAPE_GATE}(?:{branches})")


_COMBINED = _combined(RULES)
_SINGLE = {rule.name: re.compile(rf"(?<!\w)(?:{rule.pattern})") for rule in RULES}
_ORDER = {rule.name: index for index, rule in enumerate(RULES)}
_CASED_GROUPS = {pattern: [name for name in _CAPITALISED if name in pattern.groupindex] for pattern in _SINGLE.values()}


def _names_capitalised(match: re.Match[str], text: str) -> bool:
    for name in _CASED_GROUPS[match.re]:
        if match.start(name) >= 0:
            word = match.group(name)
            if name == "target" and key(word) not in MONTHS and key(word) not in WEEKDAYS:
                continue
            if not text[match.start(name)].isupper():
                return False
    return True


def _apply(rule: Rule, match: re.Match[str], ctx: Context, cased: bool) -> Timex | None:
    if cased and not _names_capitalised(match, ctx.text):
        return None
    try:
        result = rule.resolve(match, ctx)
    except OverflowError:  # "last Tuesday" from a date near year 1 or 9999 falls off the calendar
        return None
    if result is None:
        return None
    start, end = (result[2], result[3]) if len(result) == 4 else match.span()
    while end > start and ctx.text[end - 1] in " \t\n,":
        end -= 1
    return Timex(start, end, result[0], result[1])


def _first_reading(name: str, start: int, end: int, lowered: str, ctx: Context, cased: bool) -> Timex | None:
    """The timex of the rule that matched start..end, or of the first later rule that
    accepts the same position when that one declines."""
    for rule in RULES[_ORDER[name] :]:
        if rule.name == name:
            single = _SINGLE[name].fullmatch(lowered, start, end)
        else:
            single = _SINGLE[rule.name].match(lowered, start)
        if single is not None and (timex := _apply(rule, single, ctx, cased)) is not None:
            return timex
    return None


def _lower(text: str) -> str:
    """``text`` in lower case with every offset kept (a few letters grow when lowered)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def tag_times(text: str, published: dt.date | None = None) -> list[Timex]:
    """Temporal expressions in ``text``, TIMEX3-style, resolved against ``published``.

    Offsets are ``str`` indices into ``text``. Without a publication date, relative
    expressions keep a relative value ("DCT-P1D" for "yesterday", "XXXX-WXX-5" for "Friday");
    ``resolve_order_key`` orders them. Month and weekday names count only when capitalised,
    unless the whole text is lower case.
    """
    if isinstance(published, dt.datetime):
        published = published.date()
    ctx = Context(text, published)
    lowered = _lower(text)
    cased = lowered != text
    found: list[Timex] = []
    padded = " " + lowered  # offset i of ``padded`` is the character before offset i of the text
    position = 0
    while (match := _COMBINED.search(padded, position)) is not None:
        start = match.start()
        timex = _first_reading(match.lastgroup or "", start, match.end() - 1, lowered, ctx, cased)
        if timex is None:
            position = start + 1
            continue
        found.append(timex)
        position = max(timex.end, start + 1)
    return found
