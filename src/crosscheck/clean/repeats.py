"""Text that appears twice: repeated captions, duplicated paragraphs, echoes of the headline.

A caption printed twice is removed in every copy (none of them is story text); any other
line printed twice keeps its first copy, so no sentence is lost.
"""

from __future__ import annotations

import string

from crosscheck.clean.lines import Line

_CAPTION_REASONS = frozenset({"photo caption", "photo credit"})
_MIN_REPEAT_WORDS = 5
_MIN_ECHO_SHARE = 0.8
_MIN_ECHO_WORDS = 12
_HEADLINE_ZONE = 3
_MAX_HEADLINE_ECHO_WORDS = 8
_PUNCTUATION_TO_SPACE = str.maketrans(dict.fromkeys(string.punctuation + "“”‘’«»—–…", " "))


def repeated_lines(lines: list[Line], verdicts: dict[int, str]) -> dict[int, str]:
    """Verdicts for lines printed more than once; lines already judged other junk are left alone."""
    copies: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        judged_other = index in verdicts and verdicts[index] not in _CAPTION_REASONS
        if line.words >= _MIN_REPEAT_WORDS and not judged_other:
            copies.setdefault(line.text.casefold(), []).append(index)
    found = {}
    for indexes in copies.values():
        if len(indexes) < 2:
            continue
        first = indexes[0]
        if first in verdicts:
            found.update(dict.fromkeys(indexes, "repeated caption"))
        else:
            found.update(dict.fromkeys(indexes[1:], "duplicate paragraph"))
    return found


def body_echoes(lines: list[Line], candidates: list[int]) -> dict[int, str]:
    """Unfinished lines that repeat most words of a finished sentence elsewhere: captions
    written from the story ("Some 300 lorries cross daily" above "Some 300 lorries cross … daily.").

    Only long lines opening like a sentence qualify, not list items or run-on fragments.
    """
    candidates = [index for index in candidates if _may_echo(lines[index])]
    sentences = [line.text.casefold() for line in lines if line.finished] if candidates else []
    found = {}
    for index in candidates:
        words = _words(lines[index].text.casefold())
        longest = max(words, key=len, default="")
        if any(
            longest in sentence and len(words & _words(sentence)) >= _MIN_ECHO_SHARE * len(words)
            for sentence in sentences
        ):
            found[index] = "caption repeating body text"
    return found


def headline_echoes(lines: list[Line], title: str | None) -> dict[int, str]:
    """Short lines near the top that repeat the headline or its opening words."""
    if not title:
        return {}
    title_words = title.casefold().split()
    found = {}
    for index in range(min(_HEADLINE_ZONE, len(lines))):
        words = lines[index].text.casefold().split()
        opening = 2 <= len(words) <= _MAX_HEADLINE_ECHO_WORDS and not lines[index].finished
        if words == title_words or (opening and words == title_words[: len(words)]):
            found[index] = "repeated headline"
    return found


def _may_echo(line: Line) -> bool:
    return line.words >= _MIN_ECHO_WORDS and not (line.text[0].isdigit() or line.text[0].islower())


def _words(text: str) -> set[str]:
    return set(text.translate(_PUNCTUATION_TO_SPACE).split())
