"""Frames without a cue verb: nouns ("his claim that ..."), studies ("In a new poll, ..."),
"according to X", and headline or transcript "X: ...".

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
from crosscheck.language.attributions.tokens import Tokens
from crosscheck.model import Span

_POSSESSIVES = frozenset({"his", "her", "their", "its", "our", "my", "your"})
_HOLDER_PREPOSITIONS = frozenset({"from", "by", "among"})
_PHRASE_ENDS = frozenset({",", ";", ".", "?", "!", "—", "(", ")"})
_LEADING_CONJUNCTIONS = frozenset({"but", "and", "yet", "so"})
_DASHES = frozenset({"-", "—", "–"})


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
    if not (at_line_start or lowers[opener] in _DASHES) or index + 1 >= stop:
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
