"""Who speaks: the source phrase of a cue, found by scanning tokens around it.

There is no parser. A subject is the noun phrase that ends just before the cue's verb group,
scanned back to a clause boundary; an appositive between commas belongs to it ("Ana Reyes, the
mayor, said"), and so does a name joined by "and". After an inverted cue ("..., said Ana Reyes,
the mayor.") the speaker runs to the end of the sentence.
"""

from __future__ import annotations

from crosscheck.language.attributions.lexicon import (
    CLAUSE_BOUNDARIES,
    DETERMINERS,
    MODALS,
    PREPOSITIONS,
    PRONOMINAL,
    SUBJECT_PRONOUNS,
    VERB_MODIFIERS,
    VERBS,
)
from crosscheck.language.attributions.tokens import DASHES, Tokens

_MAX_SUBJECT = 14
_NP_JOINERS = frozenset({"-", "&", "'", "’", "."})
_CONJUNCTIONS = frozenset({"but", "and", "yet", "so", "however", "still", "meanwhile", "now", "then", "also"})
_NAME_LINKS = frozenset({"of", "for", "and", "at", "'s", "’s", "de", "la", "van", "von", "del", "the"})
_DEMONSTRATIVES = frozenset({"that", "this", "these", "those"})
_CLOSING_PUNCT = frozenset({".", "!", "?", ";"})
_AUXILIARIES = MODALS | frozenset("has have had is are was were did does do".split())


def subject_before(tokens: Tokens, last: int, floor: int) -> tuple[int, int] | None:
    """The noun phrase ending at token ``last`` (inclusive), not reaching before ``floor``.

    An appositive set off by commas is included: "Ana Reyes, the mayor, said" gives the whole
    "Ana Reyes, the mayor,"; a bare relative pronoun ("who said") is a subject of its own.
    """
    lowers = tokens.lowers
    if last < floor:
        return None
    if lowers[last] == ",":
        opening = opening_subject(tokens, floor, last)
        appositive = _with_appositive(tokens, last, floor)
        if opening is None or (appositive is not None and _has_verb(tokens, opening[0], appositive[0])):
            return appositive  # "The ferry will not sail, Ana Reyes, a spokeswoman, said"
        return opening
    if lowers[last] == ")":
        return _before_aside(tokens, last, floor, "(", keep=True)
    if lowers[last] in DASHES:
        return _before_aside(tokens, last, floor, "dash", keep=False)
    if lowers[last] in ("who", "which"):
        return last, last
    first = _scan_noun_phrase(tokens, last, floor)
    return (first, last) if first <= last else None


def _scan_noun_phrase(tokens: Tokens, last: int, floor: int) -> int:
    """Index of the first token of the noun phrase that ends at ``last``; > last if none."""
    lowers, words, quoted, marks = tokens.lowers, tokens.words, tokens.quoted, tokens.quote_marks
    index = last
    while index >= floor and last - index < _MAX_SUBJECT:
        lower = lowers[index]
        if quoted[index] or marks[index]:
            break
        if lower in ("and", "or") and index < last and index > floor:
            # "Ana Reyes and Tom Baker said", "She and her lawyer said": one joint source.
            previous = words[index - 1]
            if previous[0].isupper() or lowers[index - 1] in SUBJECT_PRONOUNS:
                index -= 1
                continue
        if lower in CLAUSE_BOUNDARIES:
            if lower in ("who", "which") and index < last:
                # "people who attended the rally said": the relative clause belongs to the subject.
                head = _scan_noun_phrase(tokens, index - 1, floor)
                if head < index:
                    return head
            break
        if not words[index][0].isalnum():
            if lower in _NP_JOINERS and index > floor and words[index - 1][0].isalnum():
                index -= 1
                continue
            break
        if index < last and lower in VERB_MODIFIERS:
            break
        index -= 1
    return index + 1


def _has_verb(tokens: Tokens, first: int, stop: int) -> bool:
    """Whether an auxiliary or modal lies in ``[first, stop)``: a clause, not a subject, is there."""
    return any(lower in _AUXILIARIES for lower in tokens.lowers[first:stop])


def _with_appositive(tokens: Tokens, comma: int, floor: int) -> tuple[int, int] | None:
    """For "NAME, APPOSITIVE," before a cue: the name and its appositive, commas included."""
    lowers = tokens.lowers
    opening = comma - 1
    while opening > floor and lowers[opening] != "," and comma - opening < 25:
        if tokens.quote_marks[opening] or lowers[opening] in _CLOSING_PUNCT:
            return None
        opening -= 1
    if opening <= floor or lowers[opening] != ",":
        return None
    head_first = _scan_noun_phrase(tokens, opening - 1, floor)
    if head_first >= opening:
        return None
    if not _looks_like_name(tokens, head_first, opening - 1):
        return None
    appositive_start = lowers[opening + 1]
    if appositive_start.endswith("ly") or appositive_start in PREPOSITIONS:
        return head_first, opening - 1
    return head_first, comma


def _before_aside(
    tokens: Tokens, closing: int, floor: int, opener: str, keep: bool
) -> tuple[int, int] | None:
    """"Ana Reyes (D-Ore.) said" keeps the aside; "the judge -- who ... -- said" drops it."""
    lowers = tokens.lowers
    index = closing - 1
    while index > floor and lowers[index] in DASHES:
        index -= 1
    while index > floor and closing - index < 40:
        if (lowers[index] in DASHES) if opener == "dash" else (lowers[index] == opener):
            break
        index -= 1
    else:
        return None
    while index > floor and lowers[index - 1] in DASHES:
        index -= 1
    head_first = _scan_noun_phrase(tokens, index - 1, floor)
    if head_first >= index or not _looks_like_name(tokens, head_first, index - 1):
        return None
    return head_first, closing if keep else index - 1


def _looks_like_name(tokens: Tokens, first: int, last: int) -> bool:
    words, lowers = tokens.words, tokens.lowers
    return any(words[i][0].isupper() or lowers[i] in SUBJECT_PRONOUNS for i in range(first, last + 1))


def noun_phrase_after(tokens: Tokens, first: int, stop: int) -> tuple[int, int] | None:
    """The speaker phrase after an inverted cue ("..., said Ana Reyes, the mayor.").

    It runs to the end of the sentence, but stops before a quotation that resumes the speech.
    """
    index = first
    while index < stop:
        if tokens.quote_marks[index] or tokens.quoted[index]:
            break
        if tokens.lowers[index] in _CLOSING_PUNCT and _ends_phrase(tokens, index, stop):
            break
        index += 1
    last = index - 1
    while last >= first and tokens.lowers[last] in (",", "—", "-", ":"):
        last -= 1
    return (first, last) if last >= first else None


def _ends_phrase(tokens: Tokens, index: int, stop: int) -> bool:
    """A full stop inside a sentence is an abbreviation ("Sen.", "D-Ore."); others end the phrase."""
    if tokens.lowers[index] != ".":
        return True
    return index + 1 >= stop or tokens.quote_marks[index + 1]


def sentence_subject(tokens: Tokens, first: int, stop: int) -> tuple[int, int] | None:
    """The subject opening a clause: "Clinton, clearly frustrated, responded ..." -> Clinton.

    An opening adjunct ("In Iowa,", "Asked about it,") and conjunctions are skipped first.
    """
    start = _clause_start(tokens, first, stop)
    if start is None:
        return None
    end = _leading_noun_phrase(tokens, start, stop)
    return (start, end) if end >= start else None


def opening_subject(tokens: Tokens, first: int, comma: int) -> tuple[int, int] | None:
    """"Ana Reyes, a nurse from Dover, Del., said": the clause opens with a name and a comma.

    Returns the subject with its appositives, up to the ``comma`` before the cue. The clause
    starts at ``first`` or after the last closing quote before ``comma``.
    """
    for index in range(comma - 1, first - 1, -1):
        if tokens.quote_marks[index] and not tokens.quoted[index]:
            first = index + 1
            break
    start = _clause_start(tokens, first, comma)
    if start is None or start >= comma:
        return None
    words, lowers = tokens.words, tokens.lowers
    if not (words[start][0].isupper() or lowers[start] in DETERMINERS or lowers[start] in PRONOMINAL):
        return None
    end = _leading_noun_phrase(tokens, start, comma)
    if end < start or end + 1 >= comma:
        return None
    if lowers[end + 1] == "(":
        closing = _next(tokens, end + 1, comma, ")")
        end = closing if closing is not None else end
    if lowers[end + 1] != ",":
        return None
    return start, comma


def _clause_start(tokens: Tokens, first: int, stop: int) -> int | None:
    """Past opening quote marks, conjunctions and an opening adjunct that ends in a comma."""
    words, lowers = tokens.words, tokens.lowers
    start = first
    while start < stop and (not words[start][0].isalnum() or lowers[start] in _CONJUNCTIONS):
        start += 1
    if start >= stop:
        return None
    lower = lowers[start]
    if lower in PREPOSITIONS or lower in CLAUSE_BOUNDARIES or lower.endswith(("ing", "ed", "ly")):
        comma = _next(tokens, start, stop, ",")
        if comma is None:
            return None
        start = comma + 1
        while start < stop and lowers[start] in _CONJUNCTIONS:
            start += 1
    return start if start < stop else None


def _leading_noun_phrase(tokens: Tokens, start: int, stop: int) -> int:
    """Last token of the noun phrase opening at ``start`` (start - 1 if there is none).

    After a capitalised word only linking words ("of", "for", "and") continue a name; after a
    determiner a few lower-case words do ("the group's lawyer"), but not a past tense ("-ed").
    """
    words, lowers = tokens.words, tokens.lowers
    index = start
    lowercase_run = 0
    determined = lowers[start] in DETERMINERS or lowers[start] in PRONOMINAL
    while index < stop and index - start < _MAX_SUBJECT:
        word, lower = words[index], lowers[index]
        if lower in VERB_MODIFIERS or lower in CLAUSE_BOUNDARIES or tokens.quote_marks[index]:
            break
        if not word[0].isalnum():
            if lower == "." and index > start and words[index - 1][0].isupper():
                index += 1
                continue
            if lower in ("-", "&", "'", "’") and index > start:
                index += 1
                continue
            break
        if index > start and not word[0].isupper() and not word[0].isdigit():
            previous = lowers[index - 1]
            if lower in _NAME_LINKS or (lower in _DEMONSTRATIVES and previous in PREPOSITIONS):
                pass  # "One of the authors of that report"
            elif previous in DETERMINERS or previous in PRONOMINAL or lowercase_run or determined:
                if lower.endswith("ed") or (lower in VERBS and VERBS[lower].tier) or lowercase_run >= 3:
                    break
                lowercase_run += 1
            elif previous.endswith(("'s", "’s")) or previous in _NAME_LINKS:
                lowercase_run += 1
            else:
                break
        index += 1
    return index - 1


def _next(tokens: Tokens, start: int, stop: int, word: str) -> int | None:
    for index in range(start, stop):
        if tokens.lowers[index] == word:
            return index
    return None
