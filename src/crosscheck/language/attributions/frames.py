"""Cues and their frames, sentence by sentence: which words report speech, and where source and content lie.

Six shapes cover most news attribution: verb cues ("X said ...", "..., said X"; see ``verbs``),
"according to X", noun cues ("his claim that ..."), studies ("In a new poll, ..."), headline
or transcript "X: ...", and quotations signed "— X" (see ``nominal``). A cue inside a quotation belongs to the quoted speaker,
not to the article, and is skipped.
"""

from __future__ import annotations

from itertools import compress, count

from crosscheck.language.attributions.frame import Frame
from crosscheck.language.attributions.lexicon import NOUN_CUES, VERBS
from crosscheck.language.attributions.nominal import (
    SIGNATURE_DASHES,
    according_to,
    name_colon,
    noun_frame,
    signature,
    study_frame,
)
from crosscheck.language.attributions.tokens import Tokens
from crosscheck.language.attributions.verbs import verb_frame
from crosscheck.model import Span

__all__ = ["Frame", "find_frames"]

_TRIGGERS = frozenset(VERBS) | frozenset(NOUN_CUES) | SIGNATURE_DASHES | {"according", ":", "in"}


def find_frames(tokens: Tokens) -> list[Frame]:
    """Every attribution frame in the text, in order of its cue."""
    lowers, quoted = tokens.lowers, tokens.quoted
    candidates = [i for i in compress(count(), map(_TRIGGERS.__contains__, lowers)) if not quoted[i]]
    frames: list[Frame] = []
    sentence_frames: list[Frame] = []
    current = -1
    first = stop = 0
    for index in candidates:
        number = tokens.sentence_of[index]
        if number < 0:
            continue
        if number != current:
            frames.extend(sentence_frames)
            sentence_frames = []
            current = number
            first, stop = tokens.sentences[number]
        if sentence_frames and index <= sentence_frames[-1].cue[1]:
            continue
        frame = _frame_at(tokens, index, first, stop, sentence_frames)
        if frame is not None:
            sentence_frames.append(frame)
    frames.extend(sentence_frames)
    return _continue_quotes(tokens, frames)


def _continue_quotes(tokens: Tokens, frames: list[Frame]) -> list[Frame]:
    """'“A,” she said. “B.”': quoted sentences that follow in the same paragraph, with no cue of
    their own, continue the content of the quotation before them."""
    with_cue = {tokens.sentence_of[frame.cue[0]] for frame in frames}
    for frame in frames:
        if tokens.quotes.ending_at(frame.content.end) is None and frame.order != "inverted":
            continue
        number = tokens.sentence_of[frame.cue[0]]
        end = frame.content.end
        while number + 1 < len(tokens.sentences) and number + 1 not in with_cue:
            first, stop = tokens.sentences[number + 1]
            if first >= stop or "\n" in tokens.text[end : tokens.starts[first]]:
                break
            quote = tokens.quotes.starting_at(tokens.starts[first])
            if quote is None:
                break
            end = quote.end
            number = max(number + 1, tokens.sentence_of[tokens.index_at(end) - 1])
        if end > frame.content.end:
            frame.content = Span(frame.content.start, end)
    return frames


def _frame_at(tokens: Tokens, index: int, first: int, stop: int, earlier: list[Frame]) -> Frame | None:
    lower = tokens.lowers[index]
    if lower in VERBS:
        return verb_frame(tokens, index, first, stop, earlier)
    if lower == "according" and index + 1 < stop and tokens.lowers[index + 1] == "to":
        return according_to(tokens, index, first, stop)
    if lower == ":":
        return name_colon(tokens, index, first, stop)
    if lower in NOUN_CUES:
        return noun_frame(tokens, index, first, stop)
    if lower == "in":
        return study_frame(tokens, index, first, stop)
    if lower in SIGNATURE_DASHES:
        return signature(tokens, index, first, stop)
    return None
