"""Passages that several articles share: sentence and sub-sentence alignment across a story.

Each sentence is a set of word 3-gram shingles. A MinHash LSH index (``minhash``) proposes
earlier sentences that may share text; a candidate is kept when enough of the shorter
sentence's shingles are in the longer one (so a sentence split in two, or a quote inside a
longer sentence, still aligns), and rapidfuzz's LCS alignment of the two word sequences
gives the aligned region of each. Only sentences that differ from everything already indexed
are added to the index, so a story of many copies of one report stays cheap (about linear in
its sentences): a copy is compared with one earlier version of each passage, not with all.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import LCSseq

from crosscheck.crosssource.disjoint import DisjointSets
from crosscheck.crosssource.minhash import LSHIndex, MinHasher
from crosscheck.crosssource.story import Story
from crosscheck.crosssource.text import Word, shingles, words
from crosscheck.model import Span


@dataclass(frozen=True, slots=True)
class Unit:
    """One sentence of one article, as normalised words with their offsets, and which of
    them are inside quotation marks."""

    doc: int
    span: Span
    words: tuple[Word, ...]
    quoted: tuple[bool, ...]

    @property
    def tokens(self) -> list[str]:
        return [w.text for w in self.words]


@dataclass(frozen=True, slots=True)
class Match:
    """Two sentences of different articles that share text: the region of each that aligns
    (ends trimmed to runs of two or more common words) and the number of common words.

    ``copy`` is true when most shared words lie outside quotation marks in both: the same
    quote from one press conference is two reports, not a copy.
    """

    a: int
    b: int
    a_span: Span
    b_span: Span
    shared: int
    copy: bool


@dataclass
class Alignment:
    """All sentence units of a story, the matches found, and passages (groups of units that
    share text) as lists of unit indices."""

    units: list[Unit]
    matches: list[Match]
    passages: list[list[int]]


@dataclass(frozen=True)
class AlignParams:
    """``num_perm`` MinHash permutations, in bands of ``rows`` (two rows per band find pairs
    of Jaccard 0.2, a half sentence or a quote inside a longer one, nine times in ten);
    ``containment``: share of the shorter sentence's shingles the longer must hold;
    ``min_shared``: shingles in common at the least; ``duplicate``: above this share of common
    shingles a sentence is a copy of an indexed one and is not indexed itself; ``variants``: at most this
    many versions of one passage are indexed."""

    num_perm: int = 128
    rows: int = 2
    containment: float = 0.6
    min_shared: int = 4
    min_words: int = 5
    duplicate: float = 0.85
    variants: int = 8


def align_passages(story: Story, params: AlignParams | None = None) -> Alignment:
    """Align the sentences of every article with those of the articles before it."""
    params = params or AlignParams()
    units = [_unit(story, i, s) for i, d in enumerate(story.docs) for s in d.sentences]
    hasher = MinHasher(params.num_perm)
    lsh = LSHIndex(params.num_perm, params.rows)
    joined = DisjointSets(len(units))
    indexed_per_root: dict[int, int] = {}
    matches: list[Match] = []
    sets: dict[int, set[int]] = {}
    for i, unit in enumerate(units):
        if len(unit.words) < params.min_words:
            continue
        sets[i] = shingles(unit.tokens)
        minhash = hasher.signature(sets[i])
        duplicate = False
        for j in lsh.query(minhash):
            other = units[j]
            if other.doc == unit.doc:
                continue
            match = _verify(story, i, unit, sets[i], j, other, sets[j], params)
            if match is None:
                continue
            matches.append(match)
            joined.union(i, j)
            duplicate = duplicate or len(sets[i] & sets[j]) >= params.duplicate * max(len(sets[i]), len(sets[j]))
        root = joined.find(i)
        if not duplicate and indexed_per_root.get(root, 0) < params.variants:
            lsh.insert(i, minhash)
            indexed_per_root[root] = indexed_per_root.get(root, 0) + 1
    return Alignment(units, matches, _passages(joined, matches))


def _unit(story: Story, doc: int, sentence: Span) -> Unit:
    found = words(story.docs[doc].text, sentence)
    quotes = story.quotes[doc]
    return Unit(doc, sentence, tuple(found), tuple(quotes.around(w.start) is not None for w in found))



def _verify(
    story: Story,
    i: int,
    unit: Unit,
    shingles_i: set[int],
    j: int,
    other: Unit,
    shingles_j: set[int],
    params: AlignParams,
) -> Match | None:
    shared = len(shingles_i & shingles_j)
    if shared < params.min_shared or shared < params.containment * min(len(shingles_i), len(shingles_j)):
        return None
    blocks = [op for op in LCSseq.opcodes(unit.tokens, other.tokens) if op.tag == "equal"]
    runs = [op for op in blocks if op.src_end - op.src_start > 1] or blocks
    if not runs:
        return None
    common = sum(op.src_end - op.src_start for op in blocks)
    unquoted = sum(
        1
        for op in blocks
        for k in range(op.src_end - op.src_start)
        if not unit.quoted[op.src_start + k] and not other.quoted[op.dest_start + k]
    )
    first, last = runs[0], runs[-1]
    a_span = Span(unit.words[first.src_start].start, unit.words[last.src_end - 1].end)
    b_span = Span(other.words[first.dest_start].start, other.words[last.dest_end - 1].end)
    return Match(i, j, a_span, b_span, common, unquoted >= max(params.min_words, common / 2))


def _passages(joined: DisjointSets, matches: list[Match]) -> list[list[int]]:
    """The sets of units that some match joined, in order of their first unit."""
    matched = {joined.find(m.a) for m in matches}
    return [members for root, members in joined.groups().items() if root in matched]
