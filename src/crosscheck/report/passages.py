"""Where a phrase sits in an article, and which words of a text are the writer's own.

Quoted speech belongs to the speaker, not the writer: framing counts opinion signals and
loaded words only outside quotes, and timelines skip dates inside them ("since Friday" in a
quote is relative to when it was said). Masking keeps offsets, so spans stay valid.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from crosscheck.model import Span

# Double quotes pair up unambiguously; single quotes must open after a non-word and close before
# one, so apostrophes ("There's", "Halvard's") neither open nor close a quotation.
_QUOTED = re.compile(
    r"“[^”\n]*”?"
    r"|\"[^\"\n]*\"?"
    r"|(?<![\w'’])['‘](?=[^\s'’])(?:[^'’\n]|['’](?=\w)){1,400}?['’](?![\w'’])"
)
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
# "PORT HALVARD (MP) — ": where the story was filed, not part of what it says.
_DATELINE = re.compile(r"^[A-Z]{2,}[A-Z .,'’]*(?:\([A-Za-z]+\))?\s+[—–-]+\s+")


def mask_quotes(text: str) -> str:
    """``text`` with every quoted passage blanked out (same length, so offsets still hold)."""
    return _QUOTED.sub(lambda m: " " * len(m.group()), text)


def quoted_spans(text: str) -> list[Span]:
    """The quoted passages of ``text``, quotation marks included."""
    return [Span(m.start(), m.end()) for m in _QUOTED.finditer(text)]


def without_dateline(sentence: str) -> str:
    """``sentence`` without a leading dateline ("PORT HALVARD — The mayor said" -> "The mayor said")."""
    return _DATELINE.sub("", sentence)


def words(text: str) -> list[str]:
    """The words of ``text``, apostrophes and hyphens kept inside them."""
    return _WORD.findall(text)


def phrase_pattern(phrase: str) -> re.Pattern[str] | None:
    """A pattern for ``phrase`` that tolerates different quotation marks, dashes and spacing."""
    parts = words(phrase)
    if not parts:
        return None
    return re.compile(r"\b" + r"\W+".join(re.sub(r"['’]", "['’]", re.escape(p)) for p in parts) + r"\b", re.I)


def find_phrase(text: str, phrase: str) -> Span | None:
    """Where ``phrase`` first occurs in ``text`` (punctuation-insensitive), or None."""
    pattern = phrase_pattern(phrase)
    match = pattern.search(text) if pattern else None
    return Span(match.start(), match.end()) if match else None


def sentence_at(sentences: Sequence[Span], offset: int) -> Span | None:
    """The sentence holding character ``offset`` (sentences sorted by start), or None."""
    index = bisect_right([s.start for s in sentences], offset) - 1
    if index >= 0 and sentences[index].start <= offset < sentences[index].end:
        return sentences[index]
    return None


def sentence_of_phrase(text: str, sentences: Sequence[Span], phrase: str) -> Span | None:
    """The sentence ``phrase`` occurs in; the phrase's own span when sentences do not cover it."""
    found = find_phrase(text, phrase)
    if found is None:
        return None
    return sentence_at(sentences, found.start) or found
