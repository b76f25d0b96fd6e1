"""Candidate cues for the cue model: every rule frame, a frame forced on lexicon words, and
headline or transcript colons ("Poll: ...") the rules turned down.

The rules commit only to words on their lists, in shapes they know. A word the annotated news
shows to be a cue at least now and then ("backing", "plans", "sees") gets here the frame it
would have as a tier-1 verb, else as a cue noun, else as a bare clause, so that the model can
judge the word in its context and by the shape of that frame.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import compress, count

from crosscheck.language.attributions import clauses, nominal, subjects, verbs
from crosscheck.language.attributions.frame import Frame, clause_content, extend_over_quote
from crosscheck.language.attributions.lexicon import (
    ADDRESSEE_VERBS,
    DETERMINERS,
    NOUN_CUES,
    PREPOSITIONS,
    VERB_MODIFIERS,
    VERBS,
    VerbEntry,
)
from crosscheck.language.attributions.tokens import Tokens
from crosscheck.language.attributions.vocabulary import crude_lemma
from crosscheck.model import Span

_COLON_REACH = 5  # words a colon cue's source may have
# Prepositions that open what a noun not on the lexicon's list reports: "her case against".
_NOUN_PREPOSITIONS = frozenset("of for about on against over to with toward towards".split())
# Words that never head a cue span when a content word is in it ("has also said" -> "said").
_NOT_HEADS = VERB_MODIFIERS | DETERMINERS | frozenset(
    "to in of for on at with by as it he she they i we you who which and but or that".split()
)


@dataclass(slots=True)
class Candidate:
    """A possible cue: its head token, where its frame came from, and the frame."""

    head: int
    kind: str  # rule:<order> | verb:<order> | noun | clause | colon
    frame: Frame


def rule_candidates(tokens: Tokens, rule_frames: list[Frame]) -> list[Candidate]:
    """One candidate per rule frame, headed by its cue's strongest word."""
    return [
        Candidate(head_of(tokens, frame.cue[0], frame.cue[1]), "rule:" + frame.order, frame) for frame in rule_frames
    ]


def open_words(tokens: Tokens, words: frozenset[str], taken: set[int]) -> list[int]:
    """Tokens of ``words`` that may get a forced frame: unquoted, in a sentence, not in ``taken``."""
    quoted, sentence_of = tokens.quoted, tokens.sentence_of
    found = compress(count(), map(words.__contains__, tokens.lowers))  # C-level scan of every token
    return [index for index in found if not quoted[index] and sentence_of[index] >= 0 and index not in taken]


def forced_candidates(tokens: Tokens, heads: list[int], rule_frames: list[Frame]) -> list[Candidate]:
    """A frame forced on each of ``heads``; a participle cue borrows the source of a rule frame
    before it in its sentence ("X said ..., adding ...")."""
    by_sentence: dict[int, list[Frame]] = {}
    for frame in rule_frames:
        by_sentence.setdefault(tokens.sentence_of[frame.cue[0]], []).append(frame)
    found = []
    for index in heads:
        number = tokens.sentence_of[index]
        first, stop = tokens.sentences[number]
        earlier = [f for f in by_sentence.get(number, ()) if f.cue[1] < index]
        candidate = _forced(tokens, index, first, stop, earlier)
        if candidate is not None:
            found.append(candidate)
    return found


def colon_candidates(tokens: Tokens, others: list[Candidate]) -> list[Candidate]:
    """"Trump: My plans are not set in stone", "Poll: Sanders leads": a colon after a short
    capitalised opening of its sentence, the opening as source, the rest as content; none where
    the cue of one of ``others`` is part of that opening ("She said: ...")."""
    taken = {index for other in others for index in range(other.frame.cue[0], other.frame.cue[1] + 1)}
    found = []
    words, quoted = tokens.words, tokens.quoted
    for first, stop in tokens.sentences:
        if first >= stop or not words[first][0].isupper():
            continue
        for index in range(first + 1, min(stop - 1, first + _COLON_REACH + 1)):
            word = words[index]
            if word == ":":
                if taken.isdisjoint(range(first, index + 1)) and not quoted[index]:
                    last = stop - 2 if words[stop - 1] in (".", "!", "?") and stop - 2 > index else stop - 1
                    content = extend_over_quote(tokens, index + 1, last)
                    found.append(Candidate(index, "colon", Frame((index, index), content, (first, index - 1), "colon")))
                break
            if not word[0].isalnum() and word not in (".", "'s", "’s", "-"):
                break
    return found


def head_of(tokens: Tokens, first: int, last: int) -> int:
    """The token that carries a cue span: its strongest lexicon word, else its first content word."""
    best, best_rank = first, -1
    for index in range(first, last + 1):
        rank = _head_rank(tokens.lowers[index])
        if rank > best_rank:
            best, best_rank = index, rank
    return best


def _head_rank(lower: str) -> int:
    entry = VERBS.get(lower)
    if entry is not None and entry.tier:
        return 6 - entry.tier
    if lower in NOUN_CUES or lower == "according":
        return 3
    if lower in _NOT_HEADS or not lower[0].isalnum():
        return 0
    return 1


def _forced(tokens: Tokens, index: int, first: int, stop: int, earlier: list[Frame]) -> Candidate | None:
    lower = tokens.lowers[index]
    known = VERBS.get(lower)
    entry = VerbEntry(known.lemma, 1, known.particles) if known else VerbEntry(crude_lemma(lower), 1, {})
    frame = verbs.verb_frame(tokens, index, first, stop, earlier, entry)
    if frame is not None:
        return Candidate(index, "verb:" + frame.order, frame)
    prepositions = NOUN_CUES.get(lower, frozenset()) | _NOUN_PREPOSITIONS
    frame = nominal.noun_frame(tokens, index, first, stop, prepositions)
    if frame is not None:
        return Candidate(index, "noun", frame)
    source = subjects.subject_before(tokens, index - 1, first) if index > first else None
    start = index + 1
    if entry.lemma in ADDRESSEE_VERBS:
        start = clauses.skip_addressee(tokens, start, stop)  # "told the Gazette", not what was said
        if start >= stop or not tokens.words[start][0].isalnum():
            return None
    if known is not None and start < stop and tokens.lowers[start] in PREPOSITIONS:
        return None  # "told the Gazette in an interview": a cue verb the rules saw, with no content
    content = clause_content(tokens, start, stop) if start < stop else None
    if content is None and index > first:
        content = Span(tokens.starts[first], tokens.ends[index - 1])
    if content is None:
        return None
    return Candidate(index, "clause", Frame((index, index), content, source, "clause"))

