"""What the cue model sees of each candidate, as integer columns to hash (see ``templates``).

A candidate is described by its word (form, crude lemma, suffix), its neighbours, quotation
marks in its sentence, capitalised names or pronouns near it, the rules' verdict, and the shape
of its frame (what the source and content look like). The second pass adds how it fares against
the other candidates: a cue inside another cue's content is seldom annotated on its own.
Rows are built in plain Python, one loop per article: with some fifty candidates an article,
that is faster than numpy calls on whole-article arrays.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable

import numpy as np

from crosscheck.language.attributions.candidates import Candidate
from crosscheck.language.attributions.lexicon import DETERMINERS, NOUN_CUES, VERBS
from crosscheck.language.attributions.templates import Templates
from crosscheck.language.attributions.tokens import Tokens
from crosscheck.language.attributions.vocabulary import UNKNOWN, Vocabulary

_FIRST_PASS = (
    (), ("w",), ("l",), ("s",), ("cap",), ("rule",), ("tier",),
    ("c-1",), ("c+1",), ("c-2",), ("c+2",), ("c+3",), ("c-1", "w"), ("w", "c+1"),
    ("l", "rule"), ("l", "quotes"), ("l", "name_before"), ("l", "name_after"), ("l", "cap"),
    ("rule", "quotes"), ("l", "position"), ("cap-1", "cap", "cap+1"), ("tier", "c-1"), ("tier", "c+1"),
    ("rule", "name_before", "name_after"),
    ("inside",), ("inside", "rule"), ("inside", "l"), ("inside", "tier"),
    ("kind",), ("kind", "l"), ("source",), ("source", "l"), ("content_first",), ("content_first", "l"),
    ("content_len", "l"), ("content_quoted", "l"), ("source", "content_first"),
    ("kind", "source", "content_first"), ("source_len", "source"), ("side", "l"),
    ("content_len", "content_first"),
    ("l", "c+1", "c+2"), ("c-2", "c-1", "l"), ("l", "kind", "side"), ("s", "rule"), ("l", "c-1", "c+1"),
    ("l", "source", "content_first"), ("tier", "kind", "quotes"), ("headline", "kind"),
)  # fmt: skip
_RIVALRY = (
    ("score",), ("covered",), ("contains",), ("sentence_max",), ("rank",), ("strong",),
    ("score", "covered"), ("score", "contains"), ("score", "sentence_max"), ("score", "rank"),
    ("covered", "contains"), ("score", "kind"), ("covered", "kind"), ("score", "l"), ("covered", "l"),
    ("sentence_max", "l"),
)  # fmt: skip
FIRST_PASS = Templates(_FIRST_PASS)
# The second pass reads the first pass's features again plus these: ids follow on from them.
RIVALRY = Templates(_RIVALRY, first_id=len(_FIRST_PASS) + 1)

FIRST_COLUMNS = (
    "w", "l", "s", "c-2", "c-1", "c+1", "c+2", "c+3", "cap-1", "cap", "cap+1", "rule", "inside", "tier",
    "quotes", "position", "name_before", "name_after",
    "kind", "source", "source_len", "content_first", "content_len", "content_quoted", "side", "headline",
    "head", "sentence", "content_first_token", "content_stop_token",
)  # fmt: skip

FIRST_POSITIONS = FIRST_PASS.positions(FIRST_COLUMNS)  # for ``FIRST_PASS.table_indices``

KINDS = tuple(
    f"{source}:{order}"
    for source, orders in (
        ("rule", "normal inverted according colon participle infinitive noun signature"),
        ("verb", "normal inverted colon participle infinitive"),
    )
    for order in orders.split()
) + ("noun", "clause", "colon")
KIND_IDS = {kind: number + 1 for number, kind in enumerate(KINDS)}
_RULE_HEAD = {kind: number + 1 for number, kind in enumerate(k for k in KINDS if k.startswith("rule:"))}
_INSIDE_RULE_CUE = len(_RULE_HEAD) + 1

# A cue word's rank in the lexicon: a verb's tier + 1, 5 for a cue noun, else 0.
_TIERS = {word: 5 for word in NOUN_CUES} | {word: entry.tier + 1 for word, entry in VERBS.items()}
_QUOTE_MARKS = frozenset("\"“”„«»‹›‘’'") | {"''"}
_PERSONAL = frozenset("he she they i we it who you".split())
_WH = frozenset("whether if what how why when where who which".split())
_SHAPES: dict[str, int] = {}  # word -> _shape_of(word), a cache bounded at 100,000 words
_OPENINGS: dict[str, int] = {}  # word -> _opening_of(word), the same
_BUCKET_TOP = 31  # ``bucket`` of shorter lengths, looked up


def first_pass_features(
    tokens: Tokens, candidates: list[Candidate], vocab: Vocabulary
) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """First-pass feature indices, and the columns the second pass reuses (by name). The model
    and its training both call this, so that they hash the same features."""
    table = first_pass_table(tokens, candidates, vocab)
    return FIRST_PASS.table_indices(table, FIRST_POSITIONS), columns_of(table)


def second_pass_features(
    candidates: list[Candidate], first: np.ndarray, columns: dict[str, np.ndarray], scores: np.ndarray
) -> np.ndarray:
    """The first pass's feature indices and those of the rivalry templates, side by side;
    ``scores`` are the first pass's probabilities."""
    rivals = second_pass_columns(candidates, columns, scores)
    return np.hstack([first, RIVALRY.indices({**columns, **rivals}, len(candidates))])


def first_pass_table(tokens: Tokens, candidates: list[Candidate], vocab: Vocabulary) -> np.ndarray:
    """Every column the first-pass templates read, one row per candidate (``FIRST_COLUMNS``),
    with the token ranges the second pass reuses (``head``, ``sentence``, ``content_first_token``,
    ``content_stop_token``); ``FIRST_PASS.table_indices`` hashes it without gathering columns."""
    words, lowers, starts, ends = tokens.words, tokens.lowers, tokens.starts, tokens.ends
    sentences, sentence_of, headline = tokens.sentences, tokens.sentence_of, tokens.is_headline
    ids, last_token = vocab.ids, len(words) - 1
    # Bound C-level lookups (``get`` with a default) in the loop: most of its cost is calls.
    context = vocab.context_table().get
    shape_of, opening_of = _SHAPES.get, _OPENINGS.get
    names = [False] * (len(words) + 3)  # padded: -1 to -3 and the ends read False
    for index in {i for c in candidates for i in range(c.head - 3, c.head + 4) if 0 <= i <= last_token}:
        names[index] = words[index][0].isupper() or lowers[index] in _PERSONAL
    rule, inside = _rule_marks(tokens, candidates)
    spans = tokens.quotes.spans
    marks = sorted([q.start for q in spans] + [q.end - 1 for q in spans])
    quote_starts, quote_ends = [q.start for q in spans], [q.end for q in spans]
    rows = []
    for candidate in candidates:
        head, frame = candidate.head, candidate.frame
        lower = lowers[head]
        sentence = sentence_of[head]
        first, stop = sentences[sentence]
        head_start = starts[head]
        quotes_before = bisect_left(marks, head_start) > bisect_left(marks, starts[first])
        quotes_after = bisect_left(marks, ends[stop - 1]) > bisect_left(marks, ends[head])
        content = frame.content
        content_first = bisect_left(starts, content.start)
        content_stop = bisect_left(starts, content.end)
        content_length = content_stop - content_first
        # Quotations are in text order and do not overlap: one overlaps the content if fewer end
        # by its start than start before its end.
        quoted = bisect_left(quote_starts, content.end) > bisect_left(quote_ends, content.start + 1)
        if frame.source is None:
            source = source_length = 0
        else:
            source_first, source_last = frame.source
            source = opening_of(words[source_first]) or opening(tokens, source_first)
            if source == 7 and source_first == source_last:
                source = 10  # a bare surname
            source_length = source_last - source_first + 1
            source_length = _BUCKETS[source_length] if source_length < _BUCKET_TOP else 6
        if content_first > last_token:
            content_opening = 0
        else:
            content_opening = opening_of(words[content_first]) or opening(tokens, content_first)
        before, after = head - first, stop - head - 1
        rows.append(
            (
                *ids(lower),
                context(lowers[head - 2], UNKNOWN) if head >= 2 else 0,
                context(lowers[head - 1], UNKNOWN) if head >= 1 else 0,
                context(lowers[head + 1], UNKNOWN) if head + 1 <= last_token else 0,
                context(lowers[head + 2], UNKNOWN) if head + 2 <= last_token else 0,
                context(lowers[head + 3], UNKNOWN) if head + 3 <= last_token else 0,
                (shape_of(words[head - 1]) or _shape(words[head - 1])) if head else 0,
                shape_of(words[head]) or _shape(words[head]),
                (shape_of(words[head + 1]) or _shape(words[head + 1])) if head < last_token else 0,
                rule.get(head, 0),
                inside[head],
                _TIERS.get(lower, 0),
                2 * quotes_before + quotes_after,
                4 * (before if before < 3 else 3) + (after if after < 3 else 3),
                names[head - 1] or names[head - 2] or names[head - 3],
                names[head + 1] or names[head + 2] or names[head + 3],
                KIND_IDS[candidate.kind],
                source,
                source_length,
                content_opening,
                (_BUCKETS[content_length] if content_length >= 0 else 1) if content_length < _BUCKET_TOP else 6,
                quoted,
                1 if content.start > head_start else 2,
                headline(sentence),
                head,
                sentence,
                content_first,
                content_stop,
            )
        )
    return np.array(rows, np.int64).reshape(-1, len(FIRST_COLUMNS))


def columns_of(table: np.ndarray) -> dict[str, np.ndarray]:
    """A first-pass table's columns by name (views, not copies)."""
    return dict(zip(FIRST_COLUMNS, table.T))


def _rule_marks(tokens: Tokens, candidates: list[Candidate]) -> tuple[dict[int, int], list[int]]:
    """The rules' verdict per token: the shape of a rule cue headed there (``_INSIDE_RULE_CUE``
    for its other tokens); and 3 or 2 for tokens inside the content of a strong or weak rule cue."""
    rule: dict[int, int] = {}
    inside = [0] * len(tokens.words)
    ruled = [c for c in candidates if c.kind in _RULE_HEAD]
    strong = [_is_strong(c, tokens.lowers) for c in ruled]
    for strength in (2, 3):  # strong marks overwrite weak ones
        for candidate, is_strong in zip(ruled, strong):
            if is_strong == (strength == 3):
                first = tokens.index_at(candidate.frame.content.start)
                stop = tokens.index_at(candidate.frame.content.end)
                inside[first:stop] = [strength] * (stop - first)
    for candidate in ruled:
        first, last = candidate.frame.cue
        for index in range(first, last + 1):
            rule.setdefault(index, _INSIDE_RULE_CUE)
            inside[index] = 0
        rule[candidate.head] = _RULE_HEAD[candidate.kind]
    return rule, inside


def second_pass_columns(
    candidates: list[Candidate], columns: dict[str, np.ndarray], scores: np.ndarray
) -> dict[str, np.ndarray]:
    """How each candidate fares against the others, from their first-pass probabilities.

    ``covered``: the best score of another candidate whose content holds this one's head;
    ``contains``: the best score of a candidate inside this one's content; ``sentence_max``,
    ``rank`` and ``strong``: the other candidates of the same sentence. ``columns`` are the
    candidates' first-pass columns.

    Plain Python over lists: a content holds few heads and a sentence has few candidates, so
    visiting just those pairs beats a dozen numpy calls on (candidates x candidates) matrices.
    """
    heads, sentences = columns["head"].tolist(), columns["sentence"].tolist()
    firsts, stops = columns["content_first_token"].tolist(), columns["content_stop_token"].tolist()
    score = scores.tolist()
    count = len(score)
    covered, contains = [0.0] * count, [0.0] * count
    # The heads a content holds are a run of the heads in order, found by bisection.
    order = sorted(range(count), key=heads.__getitem__)
    ordered_heads = [heads[number] for number in order]
    for owner, candidate in enumerate(candidates):
        cue_first, cue_last = candidate.frame.cue
        owner_score, best_inside = score[owner], contains[owner]
        for place in range(bisect_left(ordered_heads, firsts[owner]), bisect_left(ordered_heads, stops[owner])):
            held, head = order[place], ordered_heads[place]
            if held != owner and not cue_first <= head <= cue_last:  # outside the owner's own cue
                if owner_score > covered[held]:
                    covered[held] = owner_score
                if score[held] > best_inside:
                    best_inside = score[held]
        contains[owner] = best_inside
    sentence_max, rank, strong = [0.0] * count, [1] * count, [1] * count
    members: dict[int, list[int]] = {}
    for number, sentence in enumerate(sentences):
        members.setdefault(sentence, []).append(number)
    for group in members.values():
        if len(group) < 2:
            continue
        for number in group:
            own, best, above, sure = score[number], 0.0, 0, 0
            for other in group:
                if other != number:
                    value = score[other]
                    if value > best:
                        best = value
                    above += value > own
                    sure += value > 0.5
            sentence_max[number] = best
            rank[number] = (above if above < 3 else 3) + 1
            strong[number] = (sure if sure < 3 else 3) + 1
    table = np.array([score, covered, contains, sentence_max], scores.dtype)
    deciles = np.minimum((table * 10).astype(np.int64), 9) + 1
    return {
        "score": deciles[0],
        "covered": deciles[1],
        "contains": deciles[2],
        "sentence_max": deciles[3],
        "rank": np.array(rank, np.int64),
        "strong": np.array(strong, np.int64),
    }


def opening(tokens: Tokens, index: int) -> int:
    """A class for the word a source or content opens with."""
    return _cached(_OPENINGS, _opening_of, tokens.words[index])


def _opening_of(word: str) -> int:
    lower = word.lower()
    if lower == "that":
        return 1
    if word in _QUOTE_MARKS:
        return 2
    if lower == "to":
        return 3
    if lower in _PERSONAL:
        return 4
    if lower in DETERMINERS:
        return 5
    if lower in _WH:
        return 6
    if word[0].isupper():
        return 7
    return 9 if word[0].isalnum() else 8


def bucket(length: int) -> int:
    """1 for one token, then 2 to 6 for up to 3, 6, 12, 30 tokens and beyond."""
    if length <= 1:
        return 1
    if length <= 3:
        return 2
    if length <= 6:
        return 3
    if length <= 12:
        return 4
    return 5 if length <= 30 else 6


_BUCKETS = [bucket(length) for length in range(_BUCKET_TOP)]


def _shape(word: str) -> int:
    return _cached(_SHAPES, _shape_of, word)


def _cached(cache: dict[str, int], classify: Callable[[str], int], word: str) -> int:
    """``classify(word)``, remembered in ``cache`` up to 100,000 words."""
    value = cache.get(word)
    if value is None:
        value = classify(word)
        if len(cache) < 100_000:
            cache[word] = value
    return value


def _shape_of(word: str) -> int:
    if word in _QUOTE_MARKS:
        return 5
    first = word[0]
    if not first.isalnum():
        return 1
    if first.isupper():
        return 2
    return 4 if first.isdigit() else 3


def _is_strong(candidate: Candidate, lowers: list[str]) -> bool:
    """An "according to", an inverted cue or a tier-1 verb: its content is surely reported."""
    if candidate.kind in ("rule:according", "rule:inverted"):
        return True
    entry = VERBS.get(lowers[candidate.frame.cue[0]])
    return entry is not None and entry.tier == 1
