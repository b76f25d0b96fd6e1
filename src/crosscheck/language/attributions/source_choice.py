"""Which phrase is a kept cue's source: the rules' pick, or one of its rivals, scored by the model.

The rules take the nearest subject-like phrase, which misses coordinated verbs ("Clinton
mocked him and then [urged] ..."), passives with "by" ("was rejected by 64 percent") and
adverbs before the verb ("has increasingly decried"). Each rival comes from a different reading
of the sentence; a phrase several readings agree on carries all their names. The model sees each
rival's readings, shape, edge words and place; a hedge or a passive's subject never speaks
(``may_have_source``).
"""

from __future__ import annotations

import numpy as np

from crosscheck.language.attributions import subjects
from crosscheck.language.attributions.candidates import Candidate
from crosscheck.language.attributions.features import KIND_IDS, bucket, opening
from crosscheck.language.attributions.frame import Frame
from crosscheck.language.attributions.templates import Templates
from crosscheck.language.attributions.tokens import Tokens
from crosscheck.language.attributions.vocabulary import Vocabulary

READINGS = ("frame", "none", "before", "opening", "after", "earlier")
_FRAME, _NONE, _BEFORE, _OPENING, _AFTER, _EARLIER = (1 << number for number in range(len(READINGS)))
TEMPLATES = Templates(
    (
        ("reading",), ("reading", "passive"), ("reading", "by"), ("reading", "passive", "side"),
        ("reading", "kind"), ("reading", "first"), ("reading", "length"), ("reading", "lemma"),
        ("reading", "side"), ("reading", "gap"), ("first", "kind"), ("first", "length"), ("side", "kind"),
        ("reading", "first", "kind"), ("gap", "side", "first"), ("reading", "between"),
        ("reading", "frame_none"), ("reading", "rivals"),
        ("first_word",), ("reading", "first_word"), ("last_word",), ("reading", "last_word"),
        ("first_suffix", "side"), ("first_word", "last_word"),
        ("word_before",), ("reading", "word_before"), ("word_before", "first_word"), ("last_word", "side"),
        ("in_content", "side"), ("reading", "in_content"), ("named", "first"), ("reading", "named"),
    )
)  # fmt: skip
_COLUMNS = ("reading", "side", "first", "length", "gap", "between",
            "passive", "by", "kind", "lemma", "frame_none", "rivals",
            "first_word", "last_word", "first_suffix", "word_before", "in_content", "named")  # fmt: skip
_POSITIONS = TEMPLATES.positions(_COLUMNS)  # where each template slot's column is in a row
_SKIPPED_BEFORE_VERB = frozenset("not only even did does do just".split())
_BE = frozenset({"was", "were", "is", "are", "been", "be", "being", "'s", "’s"})
_PARTICIPLE_ENDINGS = ("ed", "en", "wn", "id")  # criticized, written, known, said
# A hedge is the writer's judgement ("Sanders seemed to waver") and an evidential adverb points
# at unnamed reports ("the campaign reportedly scrambled"): their subjects said nothing.
# PolNeAR dev gives cues with "seem" or "appear" no source in 200 of 255, "reportedly" 15 of 15;
# "sounded" (a call, off on) and "apparently" mostly have one (9 of 12, 6 of 7), so stay out.
_SOURCELESS = frozenset(
    "seem seems seemed seeming appear appears appeared appearing "
    "reportedly allegedly purportedly supposedly seemingly".split()
)
_ASIDE_MARKS = frozenset({",", "—", "-", "(", ")"})
_QUOTE_MARKS = frozenset("\"“”„«»‹›‘’'") | {"''"}
_AFTER_WINDOW = 8  # a speaker after the cue is scored by overlap: its first words are enough
_GAP_SEEN = 12  # words between a rival and the cue looked at for commas and quotation marks

Source = tuple[int, int] | None


def rival_table(
    tokens: Tokens, kept: list[Candidate], vocabulary: Vocabulary
) -> tuple[list[Source], list[int], np.ndarray]:
    """Every rival source of every kept candidate: the phrases, the candidate each belongs to,
    and their hashed features. ``kept`` is in text order: the previous cue of a sentence lends
    its source to the next as the "earlier" reading."""
    phrases: list[Source] = []
    owners: list[int] = []
    rows: list[tuple[int, ...]] = []
    earlier: dict[int, Source] = {}
    for number, candidate in enumerate(kept):
        frame = candidate.frame
        sentence = tokens.sentence_of[frame.cue[0]]
        rivals = rival_sources(tokens, frame, earlier.get(sentence))
        earlier[sentence] = frame.source
        rows.extend(_rows(tokens, frame, candidate.kind, rivals, vocabulary))
        phrases.extend(span for span, _ in rivals)
        owners.extend([number] * len(rivals))
    table = np.array(rows, np.int64).reshape(-1, len(_COLUMNS))
    features = TEMPLATES.table_indices(table, _POSITIONS)
    return phrases, owners, features


def rival_sources(tokens: Tokens, frame: Frame, earlier: Source) -> list[tuple[Source, int]]:
    """Each distinct source phrase (None for no source) with a bit set for every reading giving it.

    ``earlier`` is the source of the previous cue of the same sentence, if any.
    """
    first_cue, last_cue = frame.cue
    lowers = tokens.lowers
    first, stop = tokens.sentences[tokens.sentence_of[first_cue]]
    found: dict[Source, int] = {frame.source: _FRAME}
    found[None] = found.get(None, 0) | _NONE
    before = first_cue - 1
    while before >= first and (lowers[before].endswith("ly") or lowers[before] in _SKIPPED_BEFORE_VERB):
        before -= 1
    if frame.source is not None and frame.source[1] == before == first_cue - 1:
        span = frame.source  # the rules scanned back from the same token
    else:
        span = subjects.subject_before(tokens, before, first) if before >= first else None
    if span:
        found[span] = found.get(span, 0) | _BEFORE
    if first_cue > first and (span := subjects.sentence_subject(tokens, first, first_cue)) and span[1] < first_cue:
        found[span] = found.get(span, 0) | _OPENING
    after_stop = min(stop, last_cue + 1 + _AFTER_WINDOW)
    if last_cue + 1 < stop and (span := subjects.noun_phrase_after(tokens, last_cue + 1, after_stop)):
        found[span] = found.get(span, 0) | _AFTER
    if earlier is not None:
        found[earlier] = found.get(earlier, 0) | _EARLIER
    return list(found.items())


def _rows(
    tokens: Tokens,
    frame: Frame,
    kind: str,
    rivals: list[tuple[Source, int]],
    vocabulary: Vocabulary,
) -> list[tuple[int, ...]]:
    """Each rival's readings, shape and place relative to the cue, in ``_COLUMNS`` order."""
    first_cue, last_cue = frame.cue
    lowers, content = tokens.lowers, frame.content
    lemma = vocabulary.ids(lowers[first_cue])[1]
    passive = int(is_passive(lowers, first_cue, last_cue))
    by = int(last_cue + 1 < len(lowers) and lowers[last_cue + 1] == "by")
    shared = (passive, by, KIND_IDS[kind], lemma, frame.source is None, min(len(rivals), 5))
    words = tokens.words
    rows = []
    for span, readings in rivals:
        if span is None:
            rows.append((readings, 0, 0, 0, 0, 0, *shared, 0, 0, 0, 0, 0, 0))
            continue
        start, end = span
        if end < first_cue:
            side, low, high = 1, end + 1, first_cue
        else:
            side, low, high = 2, last_cue + 1, start
        gap_words = words[low : high if high < low + _GAP_SEEN else low + _GAP_SEEN]
        between = 1 + (not _ASIDE_MARKS.isdisjoint(gap_words)) + 2 * (not _QUOTE_MARKS.isdisjoint(gap_words))
        gap = high - low
        gap = 1 if gap <= 0 else (gap if gap < 4 else 4) + 1
        # The words at its edges: a rival that opens with a verb ("faced criticism") or ends on a
        # preposition ("a wave of boos upon") is a piece of the clause, not who speaks; one inside
        # the content is often its subject ("Reyes, ..., said [the bridge] was safe").
        first_word, _, first_suffix = vocabulary.ids(lowers[start])
        last_word = vocabulary.ids(lowers[end])[0]
        word_before = vocabulary.ids(lowers[start - 1])[0] if start > 0 else 0
        in_content = 1 + (tokens.starts[start] < content.end and content.start < tokens.ends[end])
        named = 1 + any(word[0].isupper() for word in words[start + 1 : end + 1])
        rows.append(
            (readings, side, opening(tokens, start), bucket(end - start + 1), gap, between, *shared,
             first_word, last_word, first_suffix, word_before, in_content, named)
        )  # fmt: skip
    return rows


def is_passive(lowers: list[str], first: int, last: int) -> bool:
    """Whether the cue ``first..last`` is a passive ("was criticized", "is said", "were shown")."""
    return lowers[last].endswith(_PARTICIPLE_ENDINGS) and not _BE.isdisjoint(lowers[first:last])


def may_have_source(tokens: Tokens, frame: Frame, source: Source) -> bool:
    """Whether ``source`` can be who speaks through ``frame``'s cue: not for a hedge or an
    evidential adverb, nor the subject before a passive ("Obama has been criticized for ..."
    names the criticised; only a "by" phrase after the cue names who criticised)."""
    if source is None:
        return True
    first_cue, last_cue = frame.cue
    lowers = tokens.lowers
    if not _SOURCELESS.isdisjoint(lowers[first_cue : last_cue + 1]):
        return False
    return not (source[1] < first_cue and is_passive(lowers, first_cue, last_cue))
