"""A body as lines with their offsets, and the shape tests every cleaning rule shares.

Cleaning decides line by line, so each line keeps where it sits in the body: removals
must point back into the body exactly.
"""

from __future__ import annotations

from typing import NamedTuple

_BULLETS = ("•", "- ", "* ", "– ", "— ", "· ", "▪", "●", "◦")
DOUBLE_QUOTES = "\"“”«»"
REPORTING_WORDS = ("said", "says", "told", "according to")
_CLOSERS = "\"'”’»)] "
_SENTENCE_ENDS = (".", "!", "?", "…")
_WRAP_WIDTH = range(40, 101)


class Line(NamedTuple):
    """One non-blank line of the body, stripped; ``start``/``end`` bound ``text`` in the body.

    ``row`` is its line number (consecutive rows have no blank line between them);
    ``finished`` says it ends like a sentence (see ``ends_sentence``).
    """

    row: int
    start: int
    end: int
    text: str
    words: int
    finished: bool


def split_lines(body: str) -> list[Line]:
    """The non-blank lines of ``body``, split on ``\\n`` only so offsets stay exact."""
    lines = []
    position = 0
    for row, raw in enumerate(body.split("\n")):
        left = raw.lstrip()
        if left:
            text = left.rstrip()
            start = position + len(raw) - len(left)
            lines.append(Line(row, start, start + len(text), text, len(text.split()), ends_sentence(text)))
        position += len(raw) + 1
    return lines


def ends_sentence(text: str) -> bool:
    """True when the text ends with a full stop, ! ? or …, allowing closing quotes after it."""
    return text.rstrip(_CLOSERS).endswith(_SENTENCE_ENDS)


def wraps(line: Line) -> bool:
    """A line of hard-wrapped prose: typical width, and no sentence end or lead-in colon."""
    return len(line.text) in _WRAP_WIDTH and not line.finished and not line.text.endswith(":")


def runs_on(upper: Line, lower: Line) -> bool:
    """True when ``lower`` continues the hard-wrapped sentence of ``upper`` (no blank line between)."""
    return lower.row == upper.row + 1 and wraps(upper) and not is_bullet(lower.text)


def in_wrapped_paragraph(lines: list[Line], index: int) -> bool:
    """True when line ``index`` runs on from the line above or into the line below."""
    line = lines[index]
    above = index > 0 and runs_on(lines[index - 1], line)
    return above or (index + 1 < len(lines) and runs_on(line, lines[index + 1]))


def is_bullet(text: str) -> bool:
    return text.startswith(_BULLETS)
