"""What a rule may look at besides its own match: the publication date, the words around the
match, and the dates the text mentioned before it (anchors for "that day", "a year earlier").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from crosscheck.language.times.calendar import shifted

_FUTURE_CUE = re.compile(
    r"\b(?:will|won't|'ll|shall|would|(?:is|are|was|were)\s+(?:set|due|expected|to)\b|set\s+to|due\s+to|"
    r"scheduled|slated|plans?\s+to|planned|planning|expects?\s+to|going\s+to|intends?\s+to|upcoming|"
    r"as\s+(?:soon|early)\s+as|tentatively|postponed|payable)\b",
    re.I,
)
"""Words that put a clause in the future: "will meet Friday", "is scheduled to close Monday"."""
_PAST_PERFECT = re.compile(r"\bhad\b|\bwould\s+have\b", re.I)
_PAST_VERB_JUST_BEFORE = re.compile(r"(?<!\bbe\s)(?<!\bbeen\s)\b[a-z]+ed\s+(?:on\s+)?$")
"""A past verb right before the date ("..., announced Wednesday") outweighs an earlier "would"."""
_PAST_SUBCLAUSE = re.compile(
    r"\b(?:after|when|because|since)\s+(?:\w+\s+){0,4}?"
    r"(?:(?!(?:hundred|need|speed|indeed|seed|feed|red|bed|shed)\b)[a-z]+ed|found|said|told|made|took|came|went|saw|"
    r"gave|began|broke|fell|hit|left|met|won|lost|held|ran|sent|struck|wrote|spoke|rose|sank|brought|"
    r"caught|fought|built|felt|kept|led|paid|sold|stood)\b(?!.*\b(?:will|would)\b)"
)
"""A clause in the past after the future cue ("will reopen after engineers found it on Monday")."""
_EVENT_AFTER = re.compile(r"\s*(?:'s\s+)?(?:deadline|meeting|vote|election|summit|talks)\b", re.I)
"""A day named before an event noun ("Friday's deadline") is usually still to come."""
_CLAUSE_START = re.compile(
    "|".join(rf"\{mark}(?<![A-Z]\{mark})(?<!(?:Mr|Ms|Dr|Jr|Sr|St)\{mark})(?<!(?:Mrs|Gen|Sen|Rep|Gov)\{mark})\s" for mark in ".;:!?")
    + r"|\n|``|''|\"|, (?:and|but) "
)
"""Where a clause begins: sentence punctuation (not after "P." or "Mr."), a quote, ", but". Each
branch opens with its literal character, so ``re`` skips the letters between them."""


@dataclass(slots=True)
class Context:
    """One document being tagged: its text, publication date and the anchors seen so far.

    ``dct`` is the document creation time (publication date); ``day``, ``quarter``, ``year``
    and ``dated`` are the last explicit day, quarter, year and (offset, value) of any date the
    text named, for expressions that count from them rather than from publication.
    """

    text: str
    dct: dt.date | None
    day: str | None = None
    quarter: str | None = None
    year: str | None = None
    dated: tuple[int, str] | None = None

    def relative(self, unit: str, amount: int) -> str:
        """The unit ``amount`` steps from publication; "DCT-P1D" style when it is unknown."""
        if self.dct is not None:
            return shifted(self.dct, unit, amount)
        return f"DCT{'-' if amount < 0 else '+'}P{abs(amount)}{unit}"

    def clause_before(self, start: int, reach: int = 90) -> str:
        """The text of the clause leading up to ``start`` (at most ``reach`` characters)."""
        window = self.text[max(0, start - reach) : start]
        starts = [match.end() for match in _CLAUSE_START.finditer(window)]
        return window[starts[-1] :] if starts else window

    def looks_future(self, start: int, end: int) -> bool:
        """Whether the clause around a match speaks of what is still to come."""
        before = self.clause_before(start)
        cue = _FUTURE_CUE.search(before)
        if cue:
            if _PAST_SUBCLAUSE.search(before, cue.end()):
                return False  # "will not sail until ... after inspectors found a crack on Tuesday"
            return not _PAST_PERFECT.search(before) and not _PAST_VERB_JUST_BEFORE.search(before)
        return bool(_EVENT_AFTER.match(self.text, end))

    def note(self, start: int, value: str, *, explicit: bool = True) -> None:
        """Remember a date the text named, for later relative expressions.

        Only ``explicit`` dates (a calendar date, a quarter, a year) anchor "a year earlier";
        a weekday or "yesterday" still anchors "that day" and clock times.
        """
        if not value[:4].isdigit():
            return
        if len(value) >= 10 and value[4] == "-" and value[7] == "-":
            self.day = value[:10]
        if not explicit:
            return
        self.dated = (start, value)
        self.year = value[:4]
        if "-Q" in value:
            self.quarter = value[:7]
