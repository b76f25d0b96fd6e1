"""Regex building blocks shared by the language modules.

Python's ``re`` tries a flat alternation of many words branch by branch at every position; the
same words grouped by their first letter fail after one character test, which makes the
cue and number scans several times faster.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import groupby


def alternation(fragments: list[str], *, either_case: bool = False) -> str:
    """A non-capturing group matching any of ``fragments`` (regex pieces, each opening with a
    literal lower-case letter), grouped by that letter; ``either_case`` also accepts it in
    upper case ("Twenty", "The")."""
    parts = []
    for first, rest in _by_first_letter(fragments):
        letter = f"[{first}{first.upper()}]" if either_case and first.isalpha() else re.escape(first)
        parts.append(f"{letter}(?:{rest})")
    return "(?:" + "|".join(parts) + ")"


def after_break_branches(fragments: list[str], rest: str = "") -> str:
    """A pattern matching a non-word character, then any of ``fragments`` (grouped by first
    letter, as ``alternation``) as a whole word start, and ``rest``:
    "[^a-z](?:a(?<=\\Wa)(?:fter|go)REST|...)". For lower-case text searched with a space put in
    front, a match starts one character before its word. Opening with a character class,
    ``re`` stops only at characters that are no lower-case letters (spaces and punctuation,
    mostly), and tests the word break behind a first letter only when a branch opens with that
    letter; branches opening with the letter itself would stop, and test, at every possible
    first letter, most of them inside words."""
    parts = []
    for first, tail in _by_first_letter(fragments):
        letter = re.escape(first)
        parts.append(f"{letter}(?<=\\W{letter})(?:{tail}){rest}")
    return "[^a-z](?:" + "|".join(parts) + ")"


def _by_first_letter(fragments: list[str]) -> Iterator[tuple[str, str]]:
    """(first letter, alternation of the rests) for the fragments grouped by first letter."""
    for first, group in groupby(sorted(set(fragments)), key=lambda f: f[0]):
        yield first, "|".join(sorted({f[1:] for f in group}, key=_longest_first))


def literal_branches(words: list[str], rest: str = "") -> str:
    """Branches "t(?:wo|en)REST|T(?:wo|en)REST|...", each opening with a literal letter in lower
    and in upper case: ``re`` then jumps from one possible first letter to the next instead of
    trying every position. ``rest`` (a regex) follows each word."""
    branches = []
    for first, group in groupby(sorted(set(words)), key=lambda w: w[0]):
        tail = "|".join(sorted({re.escape(w[1:]) for w in group}, key=_longest_first))
        branches += [f"{first}(?:{tail}){rest}", f"{first.upper()}(?:{tail}){rest}"]
    return "|".join(branches)


def _longest_first(fragment: str) -> tuple[int, str]:
    """Longer fragments first; ties in a fixed order, so the pattern is the same in every run
    (and the command's compiled-regex cache can find it)."""
    return -len(fragment), fragment
