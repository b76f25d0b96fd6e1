"""Frames without a cue verb: nouns ("his claim that ..."), studies ("In a new poll, ..."),
"according to X", headline or transcript "X: ...", and signed quotations ("“...” — X").

A noun cue needs what a verb gets from its clause: the holder comes from a possessive before it
("Trump's claim") or a "from"/"by" phrase after it, and the content from a "that" clause or the
object of its preposition ("support for the bill").
"""

from __future__ import annotations

from crosscheck.language.attributions import clauses
from crosscheck.language.attributions.frame import Frame, clause_content, extend_over_quote
from crosscheck.language.attributions.lexicon import (
    COLON_LABELS,
    DETERMINERS,
    NOUN_CUES,
    STUDY_NOUNS,
)
from crosscheck.language.attributions.tokens import DASHES, Tokens
from crosscheck.model import Span

_POSSESSIVES = frozenset({"his", "her", "their", "its", "our", "my", "your"})
_HOLDER_PREPOSITIONS = frozenset({"from", "by", "among"})
_PHRASE_ENDS = frozenset({",", ";", ".", "?", "!", "—", "(", ")"})
_LEADING_CONJUNCTIONS = frozenset({"but", "and", "yet", "so"})
# Dashes that sign a quotation or an embedded post ("” ― Carla Sanchez"): the horizontal bar too.
SIGNATURE_DASHES = DASHES | {"―"}
_PARTICLES = frozenset({"de", "van", "von", "al", "bin"})  # inside a signing name: "Ana de Vries"
_NAME_LINKS = frozenset({".", "of", "and"}) | _PARTICLES
_NAME_WORDS = 6


def noun_frame(
    tokens: Tokens, index: int, first: int, stop: int, prepositions: frozenset[str] | None = None
) -> Frame | None:
    """A frame for the cue noun at ``index``; the preposition right after it joins the cue.

    ``prepositions`` overrides the lexicon's for nouns it does not list.
    """
    lowers = tokens.lowers
    after = index + 1
    source = _possessor(tokens, index, first)
    if after < stop and lowers[after] in _HOLDER_PREPOSITIONS:
        holder_last = _phrase_end(tokens, after + 1, stop)
        if holder_last > after:
            source = source or (after + 1, holder_last)
            after = holder_last + 1
    if after < stop and lowers[after] == "that":
        content = clause_content(tokens, after, stop)
        return Frame((index, index), content, source, "noun") if content else None
    if prepositions is None:
        prepositions = NOUN_CUES[lowers[index]]
    if after < stop and lowers[after] in prepositions:
        end = _phrase_end(tokens, after + 1, stop)
        if end > after:
            cue = (index, after if after == index + 1 else index)
            return Frame(cue, extend_over_quote(tokens, after + 1, end), source, "noun")
    return None


def _possessor(tokens: Tokens, index: int, first: int) -> tuple[int, int] | None:
    """"his claim", "Trump's repeated claim": the possessive owning the noun, if any."""
    position = index - 1
    while position > first and index - position < 3 and tokens.words[position].isalpha():
        if not tokens.words[position].islower() or tokens.lowers[position] in DETERMINERS:
            break
        position -= 1  # adjectives: "his repeated claim"
    if position < first:
        return None
    lower = tokens.lowers[position]
    return (position, position) if lower in _POSSESSIVES or lower.endswith(("'s", "’s")) else None


def _phrase_end(tokens: Tokens, start: int, stop: int) -> int:
    """Last token of the phrase opening at ``start``: up to punctuation, a quote mark or the end."""
    index = start
    while index < stop and tokens.lowers[index] not in _PHRASE_ENDS and not tokens.quoted[index]:
        if index > start and tokens.quote_marks[index]:
            break
        index += 1
    return index - 1


def study_frame(tokens: Tokens, index: int, first: int, stop: int) -> Frame | None:
    """"In a new Quinnipiac poll, 52 percent ...": the study is the source of the clause after it."""
    lowers = tokens.lowers
    if index != first and lowers[index - 1] not in (",", "but", "and"):
        return None
    comma = index + 1
    while comma < stop and lowers[comma] != "," and comma - index < 14:
        comma += 1
    if comma >= stop or lowers[comma] != ",":
        return None
    if not any(lowers[i] in STUDY_NOUNS for i in range(index + 1, comma)):
        return None
    content = clause_content(tokens, comma + 1, stop)
    return Frame((index, index), content, (index + 1, comma - 1), "noun") if content else None


def according_to(tokens: Tokens, index: int, first: int, stop: int) -> Frame | None:
    """"According to X, ...", "..., according to X." and "A, according to X, B.": the source follows."""
    lowers = tokens.lowers
    cue = (index, index + 1)
    source_last = _phrase_end(tokens, index + 2, stop)
    if source_last < index + 2:
        return None
    source = (index + 2, source_last)
    after = source_last + 1
    lead = index - 1
    while lead >= first and (lowers[lead] in _LEADING_CONJUNCTIONS or tokens.quote_marks[lead]):
        lead -= 1
    if lead < first:
        start = after + 1 if after < stop and lowers[after] == "," else after
        content = clause_content(tokens, start, stop) if start < stop else None
        return Frame(cue, content, source, "according") if content else None
    content_last = lead - 1 if lowers[lead] == "," else lead
    start = first
    while start < content_last and tokens.quote_marks[start] and not tokens.quoted[start]:
        start += 1
    if content_last < start:
        return None
    if after + 1 < stop - 1 and lowers[after] == ",":
        end = clauses.clause_end(tokens, after + 1, stop)
        if end > after:  # the content runs on around the cue
            content_last = end
    return Frame(cue, Span(tokens.starts[start], tokens.ends[content_last]), source, "according")


def name_colon(tokens: Tokens, index: int, first: int, stop: int) -> Frame | None:
    """Headline or transcript "Ana Reyes: ..." at the start of a line or after a dash.

    A one-word name counts only in capitals (a transcript's "REYES:") or before a quotation,
    so labels such as "Update:" or "Q:" are not speakers.
    """
    words, lowers = tokens.words, tokens.lowers
    name_first = index - 1
    if name_first < first or not _name_word(words[name_first], lowers[name_first]):
        return None
    while name_first > first and index - name_first < 6:
        if not _name_word(words[name_first - 1], lowers[name_first - 1]):
            break
        name_first -= 1
    opener = name_first - 1
    while opener >= first and tokens.quote_marks[opener]:
        opener -= 1
    at_line_start = opener < first or "\n" in tokens.text[tokens.ends[opener] : tokens.starts[name_first]]
    if not (at_line_start or lowers[opener] in DASHES) or index + 1 >= stop:
        return None
    word = words[name_first]
    one_word = name_first == index - 1
    if lowers[name_first] in COLON_LABELS:
        return None
    if one_word and not tokens.quote_marks[index + 1] and not (word.isupper() and len(word) > 2):
        return None
    content = clause_content(tokens, index + 1, stop)
    return Frame((index, index), content, (name_first, index - 1), "colon") if content else None


def _name_word(word: str, lower: str) -> bool:
    return (word[0].isupper() and not word[0].isdigit()) or lower in ("'s", "’s", ".", "of", "and")


def signature(tokens: Tokens, index: int, first: int, stop: int) -> Frame | None:
    """A quotation signed with a dash and a name: "“We are not leaving.” — Carla Sanchez, resident",
    the dash on the quotation's line or opening the next; or an embedded post, its text signed
    "— Jon Reed (@jonreed) March 3, 2026". The dash is the cue, the name the source.

    The quotation must open its sentence or line, and the name must end the sentence or be
    followed by a comma or a bracket, so that a dash inside prose ("called it “a mess” — Reyes
    disagreed") is not a signature.
    """
    words, lowers = tokens.words, tokens.lowers
    dash_last = index + 1 if lowers[index] == "-" and index + 1 < stop and lowers[index + 1] == "-" else index
    name_first = dash_last + 1
    if name_first >= stop or not words[name_first][0].isupper() or not words[name_first][0].isalpha():
        return None
    after = name_first + 1
    while after < stop and after - name_first < _NAME_WORDS:
        if not (_name_word(words[after], lowers[after]) or lowers[after] in _PARTICLES):
            break
        after += 1
    name_last = after - 1
    while name_last > name_first and lowers[name_last] in _NAME_LINKS:
        name_last -= 1
    if after < stop and lowers[after] not in (",", "(", "."):
        return None
    if after < stop and lowers[after] == "." and after + 1 < stop:
        return None
    post = after + 1 < stop and lowers[after] == "(" and lowers[after + 1] == "@"
    content = _signed_quotation(tokens, index) or (_signed_post(tokens, index) if post else None)
    if content is None:
        return None
    return Frame((index, dash_last), content, (name_first, name_last), "signature")


def _signed_quotation(tokens: Tokens, dash: int) -> Span | None:
    """The quotation that ends right before ``dash`` (only spaces or line breaks between) and
    opens its sentence or line."""
    mark = dash - 1
    if mark < 0 or not tokens.quote_marks[mark]:
        return None
    text = tokens.text
    if text[tokens.ends[mark] : tokens.starts[dash]].strip():
        return None
    quote = tokens.quotes.ending_at(tokens.ends[mark])
    if quote is None:
        return None
    opening = tokens.index_at(quote.start)
    number = tokens.sentence_of[opening] if opening < len(tokens.words) else -1
    line_start = text.rfind("\n", 0, quote.start) + 1
    if (number >= 0 and tokens.sentences[number][0] == opening) or not text[line_start : quote.start].strip():
        return quote
    return None


def _signed_post(tokens: Tokens, dash: int) -> Span | None:
    """An embedded post's text: its line up to the dash, without a leading markup tag."""
    text = tokens.text
    end = tokens.ends[dash - 1] if dash > 0 else 0
    start = text.rfind("\n", 0, tokens.starts[dash]) + 1
    if text.startswith("<", start) and 0 <= (close := text.find(">", start, end)):
        start = close + 1
    while start < end and text[start].isspace():
        start += 1
    return Span(start, end) if start < end else None
