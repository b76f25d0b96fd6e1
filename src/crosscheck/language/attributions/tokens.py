"""One tokenisation of a text shared by every attribution rule: parallel arrays, sentence ranges.

Parallel lists (not token objects), built by C-level calls without a loop over matches, are what
lets the rules run at over ten thousand sentences a second.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate, compress, count

from crosscheck.language.attributions.quotes import QuoteIndex, quote_spans
from crosscheck.model import Span

# Words keep inner apostrophes, dots, hyphens and ampersands ("didn't", "U.S", "AT&T");
# '' (two apostrophes) is one quote mark; any other character but a space is a token of its
# own. The pattern opens with one character class (\S), so ``re`` skips white space in C
# instead of trying three branches at each space; what follows the first character sorts
# out the three kinds. Same tokens as ``(\w+(?:[’'.&-]\w+)*|''|[^\w\s])``, with fewer
# instructions. No possessive quantifiers (``\w++``, ``*+``), though they would save another
# eighth: Python 3.11.2 (Debian 12's) matches them wrongly here ("said." one token).
_SPLIT = re.compile(r"(\S(?:(?<=\w)\w*(?:[’'.&-]\w+)*|(?<=')'|))")
_CLAUSE_MARKS = frozenset({",", ";", "and", "but"})
_QUOTE_MARKS = frozenset("\"“”„«»‹›‘’'") | {"''"}
DASHES = frozenset({"-", "—", "–"})  # dash tokens ("--" is two "-"); the rules share this set


class Tokens:
    """Tokens of ``text`` with offsets, lower-cased forms, quote membership and sentence ranges."""

    def __init__(self, text: str, sentences: list[Span]) -> None:
        self.text = text
        # split() with a capturing group alternates gaps and tokens; the running sum of their
        # lengths gives every offset without a Python-level loop over matches.
        parts = _SPLIT.split(text)
        offsets = list(accumulate(map(len, parts)))
        self.words: list[str] = parts[1::2]
        self.starts: list[int] = offsets[0::2][: len(self.words)]
        self.ends: list[int] = offsets[1::2]
        self.lowers: list[str] = list(map(str.lower, self.words))
        self.quotes = QuoteIndex(quote_spans(text))
        self.quoted = self._quoted_flags()
        # Looked up tens of times per sentence by the frame rules: one list, not a method call.
        # Read off the lower-cased forms (a quote mark is its own lower case), whose hashes the
        # word-list look-ups of the rules need anyway.
        self.quote_marks: list[bool] = list(map(_QUOTE_MARKS.__contains__, self.lowers))
        self.sentences = [
            (bisect_left(self.starts, s.start), bisect_left(self.starts, s.end)) for s in sentences
        ]
        self._headlines: dict[int, bool] = {}
        self._clause_marks: list[int] | None = None
        self._dashes: list[int] | None = None
        self.sentence_of = [-1] * len(self.words)  # -1: between sentences (a bullet mark, say)
        for number, (first, last) in enumerate(self.sentences):
            self.sentence_of[first:last] = [number] * (last - first)

    def _quoted_flags(self) -> list[bool]:
        """True for tokens strictly inside a quotation (the marks themselves are not quoted)."""
        flags = [False] * len(self.starts)
        for span in self.quotes.spans:
            first = bisect_left(self.starts, span.start) + 1
            last = bisect_left(self.starts, span.end) - 1
            if last > first:
                flags[first:last] = [True] * (last - first)
        return flags

    def clause_marks(self) -> list[int]:
        """Unquoted tokens that may end a content clause: commas, semicolons, "and", "but"."""
        if self._clause_marks is None:
            quoted = self.quoted
            found = compress(count(), map(_CLAUSE_MARKS.__contains__, self.lowers))
            self._clause_marks = [index for index in found if not quoted[index]]
        return self._clause_marks

    def aside_close(self, index: int) -> int | None:
        """The dash that closes the aside token ``index`` is in ("The engineer — who asked not to
        be named — said ..."): an odd number of dashes before it in its sentence, not counting
        a dateline's ("PORT AVEL (NWA) —"); None outside an aside or when none closes it."""
        dashes = self._dashes if self._dashes is not None else self._sentence_dashes()
        if not dashes:
            return None  # most texts: nothing to look up
        number = self.sentence_of[index] if index < len(self.words) else -1
        if number < 0:
            return None
        first, stop = self.sentences[number]
        at = bisect_left(dashes, index)
        low = bisect_left(dashes, first, 0, at)
        if low == at:
            return None
        if not any(c.islower() for word in self.words[first : dashes[low]] for c in word):
            low += 1  # a dateline's dash opens nothing
        if (at - low) % 2 == 0 or at >= len(dashes) or dashes[at] >= stop:
            return None
        return dashes[at]

    def closes_aside(self, index: int) -> bool:
        """Whether the dash at ``index`` closes an aside opened earlier in its sentence."""
        return self.lowers[index] in DASHES and self.aside_close(index) == index

    def _sentence_dashes(self) -> list[int]:
        """Unquoted dashes ("--" counts once)."""
        if self._dashes is None:
            lowers, quoted = self.lowers, self.quoted
            found = compress(count(), map(DASHES.__contains__, lowers))
            self._dashes = [i for i in found if not quoted[i] and not (lowers[i] == "-" and i and lowers[i - 1] == "-")]
        return self._dashes

    def is_headline(self, number: int) -> bool:
        """Whether sentence ``number`` is in title case ("Mayor Says Bridge Will Reopen")."""
        cached = self._headlines.get(number)
        if cached is None:
            first, stop = self.sentences[number]
            # Length first: it is the cheaper test and leaves few words for the others; the
            # letters among their initials are then counted in C.
            letters = list(filter(str.isalpha, [w[0] for w in self.words[first:stop] if len(w) > 3]))
            cached = len(letters) >= 3 and sum(map(str.isupper, letters)) >= 0.75 * len(letters)
            self._headlines[number] = cached
        return cached

    def span(self, first: int, last: int) -> Span:
        """The character span from token ``first`` to token ``last`` inclusive."""
        return Span(self.starts[first], self.ends[last])

    def index_at(self, offset: int) -> int:
        """The first token starting at or after ``offset``."""
        return bisect_left(self.starts, offset)
