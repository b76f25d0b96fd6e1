"""Words as the cross-source stages compare them: normalised, with offsets into the article.

"US" and "U.S.", "harbour" and "harbor", "5,200" and "5200", "non-binding" and "nonbinding"
become the same word, so light edits between copies of one report do not hide the copy. The
spelling rules only need to be consistent, not correct: both sides go through them.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from functools import lru_cache

from crosscheck.model import Span

_TOKEN = re.compile(r"\w+(?:[-'’.,]\w+)*")
_SPELLING = (
    (re.compile(r"^(\w{3,})our(s|hood|hoods|ed|ing|able|ite|ites)?$"), r"\1or\2"),
    (re.compile(r"^(\w{3,})tre(s)?$"), r"\1ter\2"),
    (re.compile(r"^(\w+[aeiou])ll(ing|ed|er|ers)$"), r"\1l\2"),
    (re.compile(r"^(\w{3,})is(e|ed|es|ing|ation|ations)$"), r"\1iz\2"),
    (re.compile(r"^(def|off|lic|pret)ence(s)?$"), r"\1ense\2"),
)
STOPWORDS = frozenset(
    """a an the and or but nor so yet of in on at to for from by with without into onto over under
    about as than then that this these those there here it its it's he him his she her hers they
    them their theirs we us our ours i me my you your who whom whose which what when where why how
    is are was were be been being am has have had having do does did will would shall should can
    could may might must not no never also just only even still again very too more most less
    said says say saying told tell tells added adding according after before since until while
    during between against among all any some each every both either neither other another such
    s t if unless whether because though although up out down off now later""".split()
)


_DOUBLE_QUOTES = re.compile(r"[\"“”]")


def bare_quote(text: str) -> str:
    """Words ready to put in quotation marks: their own double quotation marks dropped
    ('the vote "is binding' -> 'the vote is binding')."""
    return _DOUBLE_QUOTES.sub("", text).strip(" ,.")


def unclosed_quote(text: str) -> str | None:
    """The mark that would close a double quotation ``text`` opens and leaves open ("”" or
    '"'), or None when every one it opens is closed."""
    if text.count("“") > text.count("”"):
        return "”"
    return '"' if text.count('"') % 2 else None


@dataclass(frozen=True, slots=True)
class Word:
    """One normalised word and where it is in the article's text."""

    text: str
    start: int
    end: int


def words(text: str, span: Span | None = None) -> list[Word]:
    """The normalised words of ``text`` (or of ``span`` of it), with their offsets."""
    start, end = (span.start, span.end) if span is not None else (0, len(text))
    found = []
    for match in _TOKEN.finditer(text, start, end):
        norm = normalise_word(match.group())
        if norm:
            found.append(Word(norm, match.start(), match.end()))
    return found


@lru_cache(maxsize=131072)
def normalise_word(token: str) -> str:
    """Lower case, no dots, commas or hyphens inside, one apostrophe, American spelling."""
    word = token.lower().replace("’", "'").replace(".", "").replace(",", "").replace("-", "")
    if word.endswith("'s") and len(word) > 2:
        word = word[:-2]
    for pattern, replacement in _SPELLING:
        if pattern.match(word):
            return pattern.sub(replacement, word)
    return word


def shingles(tokens: list[str], size: int = 3) -> set[int]:
    """Hashed word n-grams (CRC32, so the same on every run and machine)."""
    if len(tokens) < size:
        return {zlib.crc32(" ".join(tokens).encode())} if tokens else set()
    return {zlib.crc32(" ".join(tokens[i : i + size]).encode()) for i in range(len(tokens) - size + 1)}


def content_words(tokens: list[str]) -> list[str]:
    """Words that carry meaning: no stopwords, no one-letter words."""
    return [t for t in tokens if len(t) > 1 and t not in STOPWORDS]


@lru_cache(maxsize=131072)
def stem(word: str) -> str:
    """A crude stem for comparing content words: "closure", "closed", "closing" -> "clos"."""
    for suffix in ("ations", "ation", "ures", "ure", "ings", "ing", "ied", "ies", "ed", "es", "s", "e", "y"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word
