"""The quote ledger: each quotation the story's articles carry, its wordings, and its speakers.

Quotations are cut into sentences and compared as normalised words. Two wordings of one
quote ("There has been no decision..." / "There's been no decision... period") are variants;
a quotation whose words all sit inside a longer one ("no decision whatsoever") is a partial
variant. A fragment an article repeats from its own longer quote, or from another article's
paraphrase ("orderly closure"), is an echo, not a quote of its own. A cut that drops the
condition it depended on, or a negation, changes the meaning and is flagged.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz.distance import LCSseq

from crosscheck.crosssource.outlets import bare, is_outlet
from crosscheck.crosssource.speakers import Said, person_before, said_at
from crosscheck.crosssource.story import Story
from crosscheck.crosssource.text import words
from crosscheck.model import Span

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’]?\s+(?=[\"'“‘]?[A-Z])")
_TRIM = " \t\n\"'“”‘’«»„,;:"
_NEGATIONS = frozenset("not no never nothing nobody none nor cannot without".split())
_CONDITIONS = frozenset("if unless provided".split())
_CONDITION = re.compile(r"\b(?:[Ii]f|[Uu]nless)\b")


@dataclass(frozen=True, slots=True)
class Quotation:
    """One quoted sentence in one article, with who the article says said it."""

    doc: int
    span: Span
    text: str
    tokens: tuple[str, ...]
    speaker: str | None
    person: bool
    via: str | None


@dataclass
class Variant:
    """One wording of a quote and the quotations that use it."""

    text: str
    tokens: tuple[str, ...]
    members: list[Quotation] = field(default_factory=list)
    partial: bool = False
    change: str | None = None


@dataclass
class QuoteGroup:
    """A quote carried by one or more articles, in all its wordings."""

    variants: list[Variant]

    @property
    def members(self) -> list[Quotation]:
        return [q for v in self.variants for q in v.members]

    @property
    def docs(self) -> list[int]:
        return sorted({q.doc for q in self.members})

    @property
    def full(self) -> Variant:
        """The wording most articles carry (whole quotes first), the longest on a tie."""
        whole = [v for v in self.variants if not v.partial] or self.variants
        return max(whole, key=lambda v: (len({q.doc for q in v.members}), len(v.tokens)))

    @property
    def speaker(self) -> str | None:
        people = Counter(q.speaker for q in self.members if q.person)
        if people:
            return people.most_common(1)[0][0]
        others = Counter(q.speaker for q in self.members if q.speaker)
        return others.most_common(1)[0][0] if others else None

    def speakers(self) -> dict[str, list[int]]:
        """Each named person the quote is credited to, with the articles crediting them."""
        found: dict[str, set[int]] = {}
        for quotation in self.members:
            if quotation.person and quotation.speaker:
                found.setdefault(quotation.speaker, set()).add(quotation.doc)
        return {speaker: sorted(docs) for speaker, docs in found.items()}


@dataclass(frozen=True)
class QuoteParams:
    """``variant``: LCS similarity for two wordings of one quote; ``fragment``: share of a
    short quotation's words that must appear, in order, in the longer one."""

    min_words: int = 2
    variant: float = 0.6
    fragment: float = 0.85


def quote_ledger(story: Story, said: list[list[Said]], params: QuoteParams | None = None) -> list[QuoteGroup]:
    """Every quote of the story, grouped across articles, largest groups first."""
    params = params or QuoteParams()
    quotations = [q for doc in range(len(story.docs)) for q in _quotations(story, doc, said[doc], params)]
    quotations = _without_echoes(quotations)
    groups: list[QuoteGroup] = []
    by_text: dict[tuple[str, ...], Variant] = {}
    for quotation in sorted(quotations, key=lambda q: (-len(q.tokens), q.doc, q.span.start)):
        variant = by_text.get(quotation.tokens)
        if variant is None:
            variant = _place(groups, quotation, params)
            by_text[quotation.tokens] = variant
        variant.members.append(quotation)
    for group in groups:
        _mark_changes(story, group)
    return sorted(groups, key=lambda g: (-len(g.docs), g.members[0].doc, g.members[0].span.start))


def _quotations(story: Story, doc: int, said: list[Said], params: QuoteParams) -> list[Quotation]:
    text = story.docs[doc].text
    found = []
    for quote in story.quotes[doc].spans:
        start = quote.start
        for piece in [*_SENTENCE_END.split(text[quote.start : quote.end])]:
            offset = text.find(piece, start, quote.end)
            start = offset + len(piece)
            inner = piece.strip(_TRIM).rstrip(".!?…").strip(_TRIM)
            if not inner:
                continue
            begin = text.find(inner, offset)
            span = Span(begin, begin + len(inner))
            tokens = tuple(w.text for w in words(text, span))
            if len(tokens) < params.min_words:
                continue
            speaker, person, via = _speaker(story, doc, said, span)
            found.append(Quotation(doc, span, inner, tokens, speaker, person, via))
    return found


def _speaker(story: Story, doc: int, said: list[Said], span: Span) -> tuple[str | None, bool, str | None]:
    """The attribution covering a quotation; else the last person speaking, or named, before it
    in its paragraph ("Her verdict was shorter: '...'")."""
    statement = said_at(said, span.start, span.end)
    if statement is not None and not statement.person and is_outlet(statement.speaker):
        return None, False, bare(statement.speaker or "")  # "Reuters was reporting ...": a relay, not the speaker
    if statement is not None and (statement.person or statement.speaker):
        return statement.speaker, statement.person, statement.via or _relay(said, span)
    paragraph = story.paragraph_at(doc, span.start)
    floor = paragraph.start if paragraph is not None else span.start
    earlier = [s for s in said if s.person and floor <= s.content.start < span.start]
    if earlier:
        return earlier[-1].speaker, True, earlier[-1].via or _relay(said, span)
    person = person_before(story, doc, span.start, previous=statement is None)
    return (person, True, None) if person else (None, False, _relay(said, span))


def _relay(said: list[Said], span: Span) -> str | None:
    """The outlet a quotation reached the article through when the speaker's own attribution
    sits inside a relay ('Reyes said: "..." according to Harbour 7's Lena Marsh', "the Herald
    was reporting that ... '...'")."""
    for relay in said:
        if relay.content.start <= span.start and span.end <= relay.content.end:
            if relay.via or (not relay.person and is_outlet(relay.speaker)):
                return relay.via or bare(relay.speaker or "")
    return None


def _without_echoes(quotations: list[Quotation]) -> list[Quotation]:
    """Drop fragments an article repeats from its own longer quotation, and the same
    fragments wherever else they stand alone (they quote that article, not the speaker)."""
    echoes: set[tuple[str, ...]] = set()
    by_doc: dict[int, list[Quotation]] = {}
    for quotation in quotations:
        by_doc.setdefault(quotation.doc, []).append(quotation)
    for own in by_doc.values():
        for short in own:
            if any(len(long.tokens) > len(short.tokens) and _contains(long.tokens, short.tokens) for long in own):
                echoes.add(short.tokens)
    return [q for q in quotations if q.tokens not in echoes]


def _place(groups: list[QuoteGroup], quotation: Quotation, params: QuoteParams) -> Variant:
    """The variant a new wording belongs to: a rewording or a part of a known quote, else a
    new group."""
    tokens = quotation.tokens
    best: tuple[float, QuoteGroup, bool] | None = None
    for group in groups:
        for variant in group.variants:
            if variant.partial:
                continue
            common = LCSseq.similarity(tokens, variant.tokens)
            longest = max(len(tokens), len(variant.tokens))
            if len(tokens) >= 0.6 * len(variant.tokens) and common >= params.variant * longest:
                score, partial = common / longest, False
            elif common >= params.fragment * len(tokens) and _contains(variant.tokens, tokens, params.fragment):
                score, partial = common / longest, True
            else:
                continue
            if best is None or score > best[0]:
                best = (score, group, partial)
    variant = Variant(quotation.text, tokens, partial=best is not None and best[2])
    if best is None:
        groups.append(QuoteGroup([variant]))
    else:
        best[1].variants.append(variant)
    return variant


def _contains(long: tuple[str, ...], short: tuple[str, ...], share: float = 1.0) -> bool:
    """Whether ``short`` appears in ``long`` as one stretch, allowing ``1 - share`` of its
    words to differ."""
    if not short or len(short) > len(long):
        return False
    blocks = [op for op in LCSseq.opcodes(short, long) if op.tag == "equal"]
    if not blocks:
        return False
    common = sum(op.src_end - op.src_start for op in blocks)
    stretch = blocks[-1].dest_end - blocks[0].dest_start
    return common >= share * len(short) and stretch <= len(short) + 2


def _mark_changes(story: Story, group: QuoteGroup) -> None:
    """Flag wordings whose cut or rewording changes what the quote says; a condition the
    article keeps in its own words around the quote ("if U.S. troops were evicted") is kept."""
    full = group.full
    for variant in group.variants:
        if variant is full:
            continue
        change = meaning_change(full.tokens, variant.tokens, variant.partial)
        if change and change.startswith("drops the condition"):
            change = None if all(_condition_nearby(story, q) for q in variant.members) else change
        variant.change = change


def _condition_nearby(story: Story, quotation: Quotation) -> bool:
    """Whether "if" or "unless" stands outside quotation marks in the quotation's sentence or
    the one before it."""
    sentence = story.sentence_at(quotation.doc, quotation.span.start)
    if sentence is None:
        return False
    previous = story.sentence_before(quotation.doc, sentence)
    start = previous.start if previous is not None else sentence.start
    text = story.docs[quotation.doc].text
    quotes = story.quotes[quotation.doc]
    return any(quotes.around(m.start()) is None for m in _CONDITION.finditer(text, start, sentence.end))


def meaning_change(full: tuple[str, ...], other: tuple[str, ...], partial: bool) -> str | None:
    """Why ``other`` says something ``full`` does not: a dropped condition or negation, a
    negation or number of its own; None when the difference is only wording."""
    if partial:
        blocks = [op for op in LCSseq.opcodes(other, full) if op.tag == "equal"]
        if not blocks:  # no word in common: nothing to compare, not a cut
            return None
        start, end = blocks[0].dest_start, blocks[-1].dest_end
        before = full[:start]
        clause = before[max((i for i, w in enumerate(before) if w in ("and", "but", "period")), default=-1) + 1 :]
        if any(w in _CONDITIONS for w in clause):
            return "drops the condition: " + " ".join(clause)
        governed = any(w in _NEGATIONS for w in full[max(0, start - 3) : start])
        if governed or _negations(full[start:end]) != _negations(other):
            return "drops a negation"
        return None
    if _negations(full) != _negations(other):
        return "changes a negation"
    if {w for w in full if w.isdigit()} != {w for w in other if w.isdigit()}:
        return "changes a number"
    return None


def _negations(tokens: tuple[str, ...]) -> int:
    return sum(w in _NEGATIONS or w.endswith("n't") for w in tokens)
