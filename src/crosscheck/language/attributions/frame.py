"""A frame is one attribution as token ranges and a content span, plus the span helpers frames share.

Content that is a quotation reaches to the quotation's closing mark, even past the sentence the
cue is in: news quotes run over several sentences, and the splitter cuts inside them.
"""

from __future__ import annotations

from dataclasses import dataclass

from crosscheck.language.attributions.clauses import clause_end
from crosscheck.language.attributions.tokens import Tokens
from crosscheck.model import Span

CLOSERS = frozenset({"”", "’", '"', "''", "'", "»", "“"})  # “ closes the German „...“
CONNECTIVES = frozenset("and but yet so still however now meanwhile nevertheless instead also".split())


@dataclass(slots=True)
class Frame:
    """One attribution as token ranges (source, cue) and a character span (content)."""

    cue: tuple[int, int]
    content: Span
    source: tuple[int, int] | None
    order: str  # normal | inverted | according | colon | participle | infinitive | noun | clause | signature



def content_before(tokens: Tokens, boundary: int, first: int) -> Span | None:
    """What an inverted cue reports: the quotation ending at ``boundary``, or its clause."""
    lowers = tokens.lowers
    if lowers[boundary] in CLOSERS or (boundary > first and lowers[boundary - 1] in CLOSERS):
        mark = boundary if lowers[boundary] in CLOSERS else boundary - 1
        quote = tokens.quotes.ending_at(tokens.ends[mark])
        if quote is not None:
            return Span(quote.start, tokens.ends[boundary])
    last = boundary - 1 if lowers[boundary] in (",", "—") else boundary
    start = _past_dateline(tokens, first, last)
    while start <= last and tokens.quote_marks[start] and not tokens.quoted[start]:
        start += 1
    # "Still, the bridge is safe, she said": an opening connective is the writer's, not hers.
    if start < last and lowers[start] in CONNECTIVES:
        start += 2 if lowers[start + 1] == "," else 1
    if start > last:
        return None
    return Span(tokens.starts[start], tokens.ends[last])


def _past_dateline(tokens: Tokens, first: int, last: int) -> int:
    """The first token after a dateline opening the sentence ("PORT AVEL (Wire) — Ferry service
    was halted, ... said": the content starts at "Ferry"), else ``first``."""
    words = tokens.words
    for index in range(first, min(last, first + 10)):
        word = words[index]
        if word in ("—", "–", "-", "--"):
            return index + 1 if index > first else first
        if word[0].isalpha() and not word.isupper() and not _in_brackets(tokens, first, index):
            return first
    return first


def _in_brackets(tokens: Tokens, first: int, index: int) -> bool:
    """Whether an opening bracket before ``index`` (from ``first``) is still open: "(Wire)"."""
    opened = False
    for word in tokens.words[first:index]:
        if word == "(":
            opened = True
        elif word == ")":
            opened = False
    return opened


def resume_quote(tokens: Tokens, last: int, stop: int, content: Span) -> Span:
    """'“A,” she said, “B.”': the content runs on through the quotation that resumes."""
    index = last + 1
    if index < stop and tokens.lowers[index] == ",":
        index += 1
    if index < len(tokens.words) and tokens.quote_marks[index]:
        quote = tokens.quotes.starting_at(tokens.starts[index])
        if quote is not None:
            return Span(content.start, quote.end)
    return content


def clause_content(tokens: Tokens, start: int, stop: int) -> Span | None:
    """The content clause starting at token ``start`` (see ``clauses.clause_end``), None if empty."""
    end = clause_end(tokens, start, stop)
    return extend_over_quote(tokens, start, end) if end >= start else None


def extend_over_quote(tokens: Tokens, start: int, end: int) -> Span:
    """Content from token ``start`` to ``end``, reaching on to the end of a quotation it opened."""
    span_end = tokens.ends[end]
    quote = tokens.quotes.around(tokens.starts[end])
    if quote is not None and quote.end > span_end:
        span_end = quote.end
    elif end + 1 < len(tokens.words) and tokens.lowers[end + 1] in CLOSERS:
        closing = tokens.quotes.ending_at(tokens.ends[end + 1])
        if closing is not None:
            span_end = closing.end
    return Span(tokens.starts[start], span_end)


def next_sentence_content(tokens: Tokens, cue_last: int) -> Span | None:
    """'She said:' ending a sentence or paragraph: the content is the next sentence or quotation."""
    number = tokens.sentence_of[cue_last] + 1
    if number >= len(tokens.sentences):
        return None
    first, stop = tokens.sentences[number]
    if first >= stop:
        return None
    quote = tokens.quotes.starting_at(tokens.starts[first])
    end = quote.end if quote is not None else tokens.ends[stop - 1]
    return Span(tokens.starts[first], end)
