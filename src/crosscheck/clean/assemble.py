"""Turn per-line verdicts into the cleaned text, its paragraph spans and the removals.

Paragraphs are exact slices of the body joined by blank lines, so every kept character
and every removed one can be traced back to its place in the body.
"""

from __future__ import annotations

from crosscheck.clean.lines import Line, runs_on
from crosscheck.model import Removal, Span


def assemble(
    body: str,
    lines: list[Line],
    verdicts: dict[int, str],
    merged: set[int],
    leading: dict[int, tuple[int, str]],
    trailing: dict[int, tuple[int, str]],
) -> tuple[str, list[Span], list[Removal]]:
    """``verdicts`` remove whole lines (``merged`` ones extend the removal above them);
    ``leading``/``trailing`` cut ``(length or offset, reason)`` pieces off kept lines."""
    kept: list[list[int]] = []
    removals: list[Removal] = []
    open_paragraph = False
    for index, line in enumerate(lines):
        if index in verdicts:
            if index in merged:
                first = removals[-1]
                removals[-1] = Removal(body[first.start : line.end], first.reason, first.start, line.end)
            else:
                removals.append(Removal(line.text, verdicts[index], line.start, line.end))
            open_paragraph = False
            continue
        start, end = line.start, line.end
        if index in leading:
            length, reason = leading[index]
            removals.append(Removal(body[start : start + length], reason, start, start + length))
            start = end - len(body[start + length : end].lstrip())
            open_paragraph = False
        cut = trailing.get(index)
        if cut:
            offset, reason = cut
            end = line.start + len(line.text[:offset].rstrip())
        if open_paragraph and runs_on(lines[index - 1], line):
            kept[-1][1] = end
        else:
            kept.append([start, end])
        open_paragraph = cut is None
        if cut:
            removals.append(Removal(line.text[offset:], reason, line.start + offset, line.end))
    return _join(body, kept), _spans(kept), removals


def _join(body: str, kept: list[list[int]]) -> str:
    return "\n\n".join(body[start:end] for start, end in kept)


def _spans(kept: list[list[int]]) -> list[Span]:
    spans = []
    position = 0
    for start, end in kept:
        spans.append(Span(position, position + end - start))
        position += end - start + 2
    return spans
