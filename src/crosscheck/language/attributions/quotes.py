"""Quotation spans in every common style, including quotes that run over several paragraphs.

News style leaves a quote open at the end of a paragraph when the same speaker goes on in the
next one, which reopens it; so an unclosed double quote continues into a paragraph that starts
with an opening mark, and otherwise ends with its paragraph. An unclosed single quote is taken
for an apostrophe and ignored.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from crosscheck.model import Span

# Straight '' (two apostrophes) is a double quote in some wire copy. The pattern opens with a
# character class, so the regex engine skips to the next mark in C (an alternation opening
# with '' is tried at every position). An apostrophe between two letters or digits ("didn’t")
# is never a quote mark (see ``_is_single_quote``), so it is not even returned; the other
# single marks are sorted out afterwards.
_MARK = re.compile(r"[\"“”„«»‘’'](?:(?<=')'|(?<![^\W_][’'])|(?![^\W_]))")
_SINGLE_MARKS = frozenset("‘’'")
_DOUBLE_OPENERS = frozenset({"“", "„", "«", '"', "''"})
# Writers mix styles ("“...," he said), so any double closing mark ends any double quote; and
# “ closes the German „...“.
_DOUBLE_CLOSERS = frozenset({"”", "»", '"', "''"})
_SINGLE_OPENERS = frozenset({"‘", "'"})
_SINGLE_CLOSERS = frozenset({"’", "'"})


def quote_spans(text: str) -> list[Span]:
    """Top-level quotations as spans that include their marks; quotes nested inside are not listed."""
    spans: list[Span] = []
    open_at = -1  # where the open quotation starts
    open_line_end = -1  # end of the line the open quotation has reached
    double = True
    for match in _MARK.finditer(text):
        mark, start = match.group(), match.start()
        if mark in _SINGLE_MARKS and not _is_single_quote(text, start, mark):
            continue
        if open_at >= 0 and start > open_line_end:
            if double and _reopens(text, open_line_end, start, mark):
                open_line_end = _line_end(text, start)
                continue
            if double:
                spans.append(Span(open_at, _trimmed(text, open_line_end)))
            open_at = -1
        if open_at < 0:
            if mark in _DOUBLE_OPENERS and _can_open(text, start, match.end(), mark):
                open_at, double = start, True
            elif mark in _SINGLE_OPENERS and _can_open(text, start, match.end(), mark):
                open_at, double = start, False
            else:
                continue
            open_line_end = _line_end(text, start)
        elif mark in (_DOUBLE_CLOSERS if double else _SINGLE_CLOSERS) or (mark == "“" and text[open_at] == "„"):
            spans.append(Span(open_at, match.end()))
            open_at = -1
    if open_at >= 0 and double:
        spans.append(Span(open_at, _trimmed(text, open_line_end)))
    return spans


def _is_single_quote(text: str, start: int, mark: str) -> bool:
    """A single mark that cannot be an apostrophe: opening before a word, closing after one."""
    before = text[start - 1] if start > 0 else " "
    after = text[start + 1] if start + 1 < len(text) else " "
    if mark == "‘" or (mark == "'" and (before.isspace() or before in "([{—–-\"“")):
        return mark == "‘" or after.isalnum() or after == "$"
    return (before.isalnum() or before in ".,!?;:—…-") and not (after.isalnum() or after in "’'")


def _reopens(text: str, line_end: int, mark_at: int, mark: str) -> bool:
    """A double quote left open at ``line_end`` goes on if the next paragraph opens with a mark."""
    return mark in _DOUBLE_OPENERS and not text[line_end:mark_at].strip()


def _can_open(text: str, start: int, end: int, mark: str) -> bool:
    """Curly and angle openers always open; a straight mark opens when a word follows it."""
    if mark in ("“", "„", "«", "‘"):
        return True
    return end < len(text) and not text[end].isspace()


def _line_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end < 0 else end


def _trimmed(text: str, end: int) -> int:
    """``end`` moved back over trailing spaces."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


class QuoteIndex:
    """Fast "is this offset quoted?" look-ups over the spans of one text."""

    def __init__(self, spans: list[Span]) -> None:
        self.spans = spans
        self._starts = [span.start for span in spans]

    def around(self, position: int) -> Span | None:
        """The quote whose marks enclose ``position``, if any."""
        index = bisect_right(self._starts, position) - 1
        if index >= 0 and position < self.spans[index].end:
            return self.spans[index]
        return None

    def ending_at(self, position: int) -> Span | None:
        """The quote that ends exactly at ``position`` (its closing mark just before it)."""
        index = bisect_right(self._starts, position - 1) - 1
        if index >= 0 and self.spans[index].end == position:
            return self.spans[index]
        return None

    def overlapping(self, span: Span) -> list[Span]:
        """The quotes that share at least one character with ``span``."""
        index = max(0, bisect_right(self._starts, span.start) - 1)
        found = []
        while index < len(self.spans) and self.spans[index].start < span.end:
            if self.spans[index].end > span.start:
                found.append(self.spans[index])
            index += 1
        return found

    def starting_at(self, position: int) -> Span | None:
        index = bisect_right(self._starts, position) - 1
        if index >= 0 and self.spans[index].start == position:
            return self.spans[index]
        return None
