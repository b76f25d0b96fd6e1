"""What outlets append after the story: author bios, reporting credits, section footers.

These lines are only junk at the very end; the same words earlier ("Amsel is a reporter for
the Harbour Post who …") are story text, so they are matched only below the story's last line.
"""

from __future__ import annotations

import re

from crosscheck.clean.lines import DOUBLE_QUOTES, Line

_MAX_BIO_WORDS = 60
_MAX_FOOTER_WORDS = 5
_NAME = r"(?:[A-Z][\w.'’-]*\s+){1,4}"
_BIO = re.compile(
    rf"{_NAME}(?:is|was)\s+(?:the\s+author\s+of|an?\s+(?:[\w-]+\s+){{0,4}}?(?:reporter|writer|correspondent"
    r"|contributor|columnist|journalist|editor|producer|analyst|fellow|author|photographer|blogger|host)\b)"
    rf"|{_NAME}(?:can be reached|can be contacted|tweets|writes about)\b"
    r"|(?:contact|e-?mail) (?:the )?(?:author|reporter|writer)\b"
)
_REPORTING_CREDIT = re.compile(
    r"(?i:(?:additional )?reporting|writing|editing|compiled) by [A-Z].*"
    rf"|[—–-]?\s*{_NAME}contributed (?:reporting )?to this (?:report|story|article)\.?"
)
_FOOTER_WORDS = frozenset(
    "news latest politics world opinion analysis business economy markets sport sports health science "
    "tech technology culture arts entertainment lifestyle travel national international global local nation "
    "us u.s. uk u.k. europe asia africa americas middle east defense defence military security top stories "
    "more trending popular home regional region city state".split()
)
_CONNECTORS = frozenset({"&", "and", "+", "of", "the", "|", "/", "from"})


def tail_verdicts(lines: list[Line], removed: set[int]) -> dict[int, str]:
    """Bios, credits and footers in the run of lines after the story's last kept line."""
    found = {}
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if index in removed:
            continue
        reason = _tail_reason(line)
        if reason is None:
            break
        found[index] = reason
    return found


def _tail_reason(line: Line) -> str | None:
    if line.words <= _MAX_BIO_WORDS and _BIO.match(line.text):
        return "author bio"
    if line.words <= _MAX_BIO_WORDS and _REPORTING_CREDIT.fullmatch(line.text):
        return "reporting credit"
    if _is_section_footer(line):
        return "section footer"
    return None


def _is_section_footer(line: Line) -> bool:
    """A short label such as "World & Politics News": section words only, no sentence end."""
    if line.words > _MAX_FOOTER_WORDS or line.finished or any(q in line.text for q in DOUBLE_QUOTES):
        return False
    words = line.text.casefold().split()
    return all(word in _FOOTER_WORDS or word in _CONNECTORS for word in words) and any(
        word in _FOOTER_WORDS for word in words
    )
