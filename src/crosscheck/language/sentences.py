"""Sentence boundaries, paragraph- and quote-aware, as character spans.

A regex splitter with abbreviation classes: pysbd is accurate but runs at about 900
sentences/s here, a third of the layer's budget, so the cases news text needs are handled
directly. A quotation is never cut before its closing mark, so a quoted passage of several
sentences stays one sentence together with its attribution ("'A. B. C,' he said.").
"""

from __future__ import annotations

import re

from crosscheck.model import Span

# Abbreviations that never end a sentence when a capitalised word follows (titles, ranks).
TITLE_ABBREVIATIONS = frozenset(
    """mr mrs ms messrs dr prof gen gens lt col maj capt cpt sgt cpl pvt cmdr cdr adm brig
    rep reps sen sens gov pres rev hon supt det insp vs""".split()
)
# Abbreviations that may end a sentence: a break only when a typical sentence opener follows.
ABBREVIATIONS = frozenset(
    """u.s u.k u.n e.u u.s.a d.c a.m p.m i.e e.g inc corp ltd co jr sr st mt ft no etc
    dept univ est approx al bros jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun""".split()
)
# Words that open a sentence after an abbreviation that could also end one ("in the U.S. The").
SENTENCE_OPENERS = frozenset(
    """the a an he she it they we i you his her its their our my this that these those there
    but and or so yet still also however meanwhile if as when while after before since in on
    at for with by from to some many most several both each all no not one two three what who
    why how where then thus instead now later earlier officials""".split()
)

_BLANK_LINE = re.compile(r"\n\s*\n")
# Patterns scanned over whole texts open with one character class, not a repeat of it
# ("[^\n][^\n]*", not "[^\n]+"): only then does ``re`` skip to the next possible start in C.
_LINE = re.compile(r"[^\n][^\n]*")
_BULLET = re.compile(r"[ \t]*(?:[•●▪*]|[-–—](?=\s)|\d{1,2}[.)](?=\s))[ \t]*")
# A candidate boundary: terminal punctuation, optional closing quotes/brackets, then space or end.
_BOUNDARY = re.compile(r"[.!?…][.!?…]*[\"'”’)\]]*(?=\s|\Z)")
_NEXT_WORD = re.compile(r"\s+[\"'“‘(\[]*\s*([^\s\"'“”‘’]*)")
_QUOTE_MARK = re.compile(r"[\"“”„‘’']")
# "...,” he said." or "....” Esper said.": a short speech tag that belongs to the quote.
_ATTRIBUTION_TAIL = re.compile(
    r"\s+(?:(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s+"
    r"(?:said|says|added|adds|wrote|asked|continued|explained|insisted|noted|warned|told\s+\w+)"
    r"|(?:said|says|added|wrote|asked|continued)\s+(?:the\s+)?[\w.'’-]+(?:\s+[A-Z][\w.'’-]*){0,3})"
    r"[.!?](?=\s|\Z)"
)
_OPENING_CONTEXT = frozenset(" \t\n([{—–-/")
# "” — Carla Sanchez, resident.": a dash and a name signing the quotation before it, to the end of
# its line; a description after a comma or in brackets, but no second sentence.
_SIGNATURE = re.compile(
    r"\s*(?:[—–―]|--?)\s*[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|of|and|de|van|von|al|bin))*"
    r"\s*(?:[,(](?:(?![.!?]\s)[^\n]){0,120})?\s*"
)
# "... nobody cares. — Jon Reed (@jonreed) March 3, 2026": an embedded post's signature line.
_POST_SIGNATURE = re.compile(r"\s*(?:[—–―]|--?)\s*[A-Z][^\n(]{0,60}\(@\w+\)[^\n]{0,40}")
_CLOSING_MARKS = frozenset("”\"’'»")


def paragraphs(text: str) -> list[Span]:
    """Blocks separated by blank lines, without their surrounding white space."""
    blocks: list[Span] = []
    start = 0
    for gap in [*_BLANK_LINE.finditer(text), None]:
        end = gap.start() if gap else len(text)
        block = _trim(text, start, end)
        if block[0] < block[1]:
            blocks.append(Span(*block))
        start = gap.end() if gap else end
    return blocks


def split_sentences(text: str, spans: list[Span] | None = None) -> list[Span]:
    """Sentences of ``text``; never crossing a paragraph, line or bullet boundary."""
    sentences: list[Span] = []
    for block in spans if spans is not None else paragraphs(text):
        for start, end in _units(text, block.start, block.end):
            _split_unit(text, start, end, sentences)
    return sentences


def _units(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Lines of a block, minus bullet marks. A line that starts in lower case continues the
    one before, and a hard-wrapped block is one unit (its newlines are only spaces)."""
    if text.find("\n", start, end) < 0:
        return [_strip_bullet(text, start, end)]
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text, start, end) if not text[m.start() : m.end()].isspace()]
    wrapped = _hard_wrapped(text, lines)
    units: list[tuple[int, int]] = []
    for s, e in lines:
        bullet = _BULLET.match(text, s, e)
        first = text[bullet.end() if bullet else s : e].lstrip()[:1]
        if units and not bullet and (wrapped or first.islower()):
            units[-1] = (units[-1][0], _strip_bullet(text, s, e)[1])
        else:
            units.append(_strip_bullet(text, s, e))
    return units


def _hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """True for text wrapped at a fixed width, where a newline is only a space."""
    if len(lines) < 3:
        return False
    lengths = [len(text[s:e].rstrip()) for s, e in lines[:-1]]
    mid_sentence = sum(text[e - 1] not in ".!?:;\"”’" for _, e in lines[:-1])
    return max(lengths) <= 100 and min(lengths) >= 40 and mid_sentence >= len(lengths) // 2


def _strip_bullet(text: str, start: int, end: int) -> tuple[int, int]:
    match = _BULLET.match(text, start, end)
    if match and match.end() < end and not _signs_quotation(text, start, end):
        return _trim(text, match.end(), end)
    return _trim(text, start, end)


def _signs_quotation(text: str, start: int, end: int) -> bool:
    """A line "- Maria Lopez, resident." right after a line that closes a quotation signs it: its
    dash is kept, the cue of that attribution."""
    before = text[max(0, start - 8) : start].rstrip()
    return bool(before) and before[-1] in _CLOSING_MARKS and _SIGNATURE.fullmatch(text, start, end) is not None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _split_unit(text: str, start: int, end: int, out: list[Span]) -> None:
    regions = _quote_regions(text, start, end) if _QUOTE_MARK.search(text, start, end) else []
    for match in _BOUNDARY.finditer(text, start, end):
        stop = match.end()
        if stop >= end or any(o < match.start() and c >= stop for o, c in regions):
            continue
        if not _is_boundary(text, match, end):
            continue
        if match.group()[-1] in "\"'”’" and (
            _ATTRIBUTION_TAIL.match(text, stop, end) or _SIGNATURE.fullmatch(text, stop, end)
        ):
            continue
        if _POST_SIGNATURE.fullmatch(text, stop, end):
            continue
        out.append(Span(start, stop))
        start = stop
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        out.append(Span(start, end))


def _is_boundary(text: str, match: re.Match[str], end: int) -> bool:
    """Whether terminal punctuation ends a sentence, judged by the word after it and, for a
    single period, by the word before it."""
    following = _NEXT_WORD.match(text, match.end(), end)
    if not following or not following.group(1):
        return False
    nxt = following.group(1)
    first = nxt[0]
    if not (first.isupper() or first.isdigit() or first in "•–—[("):
        return False
    if match.group() != ".":
        return True
    dot = match.start()
    begin = dot
    while begin > 0 and (text[begin - 1].isalpha() or text[begin - 1] == "."):
        begin -= 1
    word = text[begin:dot].lower()
    if not word:
        return True
    opener = nxt.strip(".,;:!?)”’\"'").lower() in SENTENCE_OPENERS
    if word in TITLE_ABBREVIATIONS:
        return False
    if word in ABBREVIATIONS or len(word) == 1 or (len(word) <= 5 and "." in word):
        return opener and not first.isdigit()
    return True


def _quote_regions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(open, close) positions of closed quotations; an unclosed mark is ignored."""
    regions: list[tuple[int, int]] = []
    double: int | None = None
    single: int | None = None
    for match in _QUOTE_MARK.finditer(text, start, end):
        i = match.start()
        mark = text[i]
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        if mark == "“" and double is not None and text[double] == "„":
            regions.append((double, i))  # German „...“
            double = None
        elif mark in "“„" or (mark == '"' and double is None and before in _OPENING_CONTEXT):
            if double is None:
                double, single = i, None
        elif mark in "”\"":
            if double is not None:
                regions.append((double, i))
                double = None
        elif double is not None:
            continue
        elif before.isalnum() and after.isalnum():
            continue  # an apostrophe: it's, Abdul’s
        elif single is None:
            if (mark == "‘" or (mark == "'" and before in _OPENING_CONTEXT)) and after.isalpha():
                single = i
        elif not before.isspace():
            regions.append((single, i))
            single = None
    return regions
