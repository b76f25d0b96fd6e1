"""What was said: where a content clause starts and ends, and whether a cue word is a verb here.

Content runs from after the cue (past the person told and a time or place adjunct) to the end of
its clause: before a trailing "according to", a second reporting verb ("..., adding that",
"and also said") or a semicolon.
"""

from __future__ import annotations

from bisect import bisect_left

from crosscheck.language.attributions.lexicon import (
    DETERMINERS,
    OBJECT_PRONOUNS,
    PARTICIPLES,
    PREPOSITIONS,
    PRONOMINAL,
    SUBJECT_PRONOUNS,
    TIME_WORDS,
    VERB_MODIFIERS,
    VERBS,
)
from crosscheck.language.attributions.tokens import Tokens

_AUDIENCES = frozenset(
    """reporters voters supporters crowd audience members lawmakers journalists colleagues
    students donors viewers listeners readers followers delegates""".split()
)
_RELATIVES = frozenset({"who", "which", "that"})


def skip_addressee(tokens: Tokens, start: int, stop: int) -> int:
    """After "told"/"assured": the first token past the person told ("told the council that ...").

    The addressee is an object pronoun, a word such as "reporters", a name ("told CNN",
    "told The Washington Post"), or a short noun phrase directly followed by "that".
    """
    lowers, words = tokens.lowers, tokens.words
    if start >= stop:
        return start
    lower = lowers[start]
    if lower in OBJECT_PRONOUNS or lower in _AUDIENCES:
        return start + 1
    index = start + 1 if lower in DETERMINERS else start
    if index < stop and (words[index][0].isupper() or words[index][0].isdigit()):
        while index < stop and (words[index][0].isupper() or lowers[index] in ("'s", "’s", "&", "of", ".")):
            index += 1
        return index
    for index in range(start, min(stop, start + 5)):
        if lowers[index] == "that":
            return index
    return start


def skip_adjuncts(tokens: Tokens, start: int, stop: int) -> int:
    """Past the time or place words between a cue and its "that" ("said on Tuesday that ...")."""
    lowers = tokens.lowers
    if start >= stop:
        return start
    if lowers[start] not in PREPOSITIONS and lowers[start] not in TIME_WORDS:
        return start
    for index in range(start, min(stop, start + 14)):
        lower = lowers[index]
        if lower == "that":
            return index
        if lower in (",", ":", ";", ".") or tokens.quote_marks[index]:
            return start
    return start


def clause_end(tokens: Tokens, start: int, stop: int) -> int:
    """The last token of the content clause that starts at ``start``; below ``start`` if empty.

    It ends before a trailing "according to", a participle cue (", adding that ..."), a
    semicolon, the dash closing an aside it started in, or the sentence's final punctuation.
    """
    lowers = tokens.lowers
    end = stop - 1
    marks = tokens.clause_marks()  # only these tokens can end a clause early
    for index in marks[bisect_left(marks, start) : bisect_left(marks, stop)]:
        lower = lowers[index]
        if lower == ",":
            if index + 1 < stop and (lowers[index + 1] == "according" or lowers[index + 1] in PARTICIPLES):
                end = index - 1
                break
        elif lower == ";" or (index > start and _starts_cue(tokens, index + 1, stop)):
            end = index - 1
            break
    close = tokens.aside_close(start)
    if close is not None and close <= end:
        end = close - 1  # "— who asked not to be named —": the aside ends the content
    while end > start and lowers[end] in (".", ",", ":", "—", "-") and not tokens.quoted[end]:
        end -= 1
    return end


def _starts_cue(tokens: Tokens, index: int, stop: int) -> bool:
    """"... and also said", "but added": a second reporting verb starts its own attribution."""
    while index < stop and tokens.lowers[index] in VERB_MODIFIERS:
        index += 1
    if index >= stop:
        return False
    entry = VERBS.get(tokens.lowers[index])
    return entry is not None and entry.tier == 1


def is_verb_use(tokens: Tokens, index: int, floor: int, noun_like: bool) -> bool:
    """Whether a cue word is used as a verb: not after a determiner, possessive or preposition.

    A ``noun_like`` form ("support", "reports") also needs a subject-like word before it.
    """
    lower = tokens.lowers[index]
    if index <= floor:
        return not noun_like
    before = tokens.lowers[index - 1]
    if before in PRONOMINAL and not noun_like:
        return True
    if before in DETERMINERS or before.endswith(("'s", "’s", "s'", "s’")):
        return False
    if before in PREPOSITIONS:
        return lower.endswith("ing") and before != "of"
    if not noun_like or lower.endswith(("ed", "ing")):
        return True
    word = tokens.words[index - 1]
    if before in SUBJECT_PRONOUNS or before in _RELATIVES or (word[0].isupper() and index - 1 > floor):
        return True
    if not (before.isalpha() and len(before) > 2) or before.endswith(("ed", "ing", "ly")):
        return False
    # "voters support", "the poll shows": a plural noun before a bare form, a singular before -s.
    return before.endswith("s") != lower.endswith("s")
