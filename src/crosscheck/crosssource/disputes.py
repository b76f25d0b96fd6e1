"""Disputes: where the story's articles disagree, each with its positions and who holds them.

Four kinds, each with guards so that statements about different things never dispute:

- numeric: the same counted thing ("troop", "person"), in alike contexts, with different
  values; "over 4,000" is consistent with 5,200, and a death toll is not a garrison size;
- polarity: one predicate asserted and denied of compatible subjects ("was signed" /
  "unsigned"), by different speakers or outlets outside one wire group, never hedged,
  conditional, asked, or in a superseded original;
- attribution: one quote credited to different named people by different articles;
- superseded: an update that retracts the original story below it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations

from crosscheck.crosssource.disjoint import DisjointSets
from crosscheck.crosssource.provenance import Provenance
from crosscheck.crosssource.quotes import QuoteGroup
from crosscheck.crosssource.speakers import DOCUMENTS, Said, said_at
from crosscheck.crosssource.stances import Stance, find_stances
from crosscheck.crosssource.statements import Statement
from crosscheck.crosssource.story import Story
from crosscheck.crosssource.text import bare_quote, content_words, stem, words
from crosscheck.crosssource.updates import Sections
from crosscheck.language.numbers import quantity_head
from crosscheck.language.polarity import clauses
from crosscheck.model import Quantity, Span

NUMERIC, POLARITY, ATTRIBUTION, SUPERSEDED = "numeric", "polarity", "attribution", "superseded"

_LOWER_BOUNDS = frozenset("over more_than at_least upwards_of upward_of well_over in_excess_of no_fewer_than just_over".split())
_UPPER_BOUNDS = frozenset("under below fewer_than less_than at_most up_to no_more_than not_more_than just_under".split())
_CASUALTY = re.compile(
    r"\b(?:killed|dead|died|deaths?|lost\s+their\s+lives|wounded|injured|casualties|fatalities)\b", re.I
)
_RETRACTION = re.compile(
    r"\b(?:mistake|error|erroneous|incorrect|inaccurate|wrong|false|untrue|retract\w*|draft|unsigned|not\s+what"
    r"|no\s+\w+\s+(?:has|had|have)\s+been)\b",
    re.I,
)
_NAME_BEFORE = re.compile(r"(?:\b[A-Z][\w'’-]*|\b[Tt]he)\s+$")
_PRONOUN = re.compile(r"(?:it|they|he|she|we)\b", re.I)
_PHRASE_END = re.compile(r"[,;.]|\s+and\s")
_KINDS_OF_THING = (
    frozenset(stem(w) for w in "letter notice memo memorandum draft document copy plan directive order".split()),
    frozenset(stem(w) for w in "vote motion resolution decision measure bill ruling".split()),
    frozenset(stem(w) for w in "us forces troops soldiers coalition americans military army".split()),
)


@dataclass
class Position:
    """One side of a dispute: what it says, where (article, span), and who says it."""

    text: str
    evidence: list[tuple[int, Span]]
    speaker: str | None = None
    value: float | None = None
    stance: str | None = None

    @property
    def docs(self) -> list[int]:
        return sorted({doc for doc, _ in self.evidence})


@dataclass
class Dispute:
    kind: str
    summary: str
    positions: list[Position] = field(default_factory=list)


def numeric_disputes(story: Story, statements: list[list[Statement]], *, min_overlap: float = 0.5) -> list[Dispute]:
    """Different values for the same counted thing in alike contexts: the statements name the
    same entity ("the Lower Quay") or share ``min_overlap`` of the shorter one's words."""
    kinds: dict[tuple, list[_Counted]] = {}
    for doc, doc_statements in enumerate(statements):
        text = story.docs[doc].text
        for quantity in story.docs[doc].quantities:
            concept = _concept(quantity, text) if quantity.approx not in _VAGUE else None
            statement = _statement_at(doc_statements, quantity.start) if concept is not None else None
            if concept is not None and statement is not None:
                casualty = bool(_CASUALTY.search(text, statement.span.start, statement.span.end))
                counted = _Counted(doc, quantity, concept, statement, casualty)
                kinds.setdefault(counted.key, []).append(counted)
    keys = list(kinds)
    sets = DisjointSets(len(keys))
    for i, j in combinations(range(len(keys)), 2):
        a, b = kinds[keys[i]][0], kinds[keys[j]][0]
        docs = {c.doc for c in kinds[keys[i]]} | {c.doc for c in kinds[keys[j]]}
        if a.concept == b.concept and len(docs) > 1 and _comparable(a, b, min_overlap):
            sets.union(i, j)
    disputes = []
    for indices in sets.groups().values():
        members = [c for i in indices for c in kinds[keys[i]]]
        by_value: dict[float, list[_Counted]] = {}
        for counted in members:
            by_value.setdefault(counted.quantity.value, []).append(counted)
        if len(by_value) < 2:
            continue
        positions = [_numeric_position(story, value, found) for value, found in sorted(by_value.items())]
        values = " or ".join(f"{p.text} ({_names(story, p.docs)})" for p in positions)
        concept = members[0].concept
        question = f"How much ({concept.removeprefix(_MONEY)})" if concept.startswith(_MONEY) else f"How many ({concept})"
        summary = f"{question}: {values}."
        disputes.append(Dispute(NUMERIC, summary, positions))
    return disputes


def polarity_disputes(
    story: Story, said: list[list[Said]], sections: list[Sections], provenance: Provenance
) -> list[Dispute]:
    """A predicate asserted in one place and denied in another, of the same thing."""
    stances: dict[str, dict[tuple, list[tuple[int, Stance]]]] = {}
    for doc, d in enumerate(story.docs):
        for sentence in d.sentences:
            if sections[doc].superseded(sentence.start) or _asks(d.text, sentence):
                continue
            for clause in clauses(d.text, sentence):
                for stance in find_stances(d.text, clause, sentence):
                    statement = said_at(said[doc], stance.start, stance.end)
                    speaker = statement.speaker if statement is not None and statement.person else None
                    if speaker and agent(clause.of(d.text), speaker):
                        speaker = None  # "signed by Haddad" is about Haddad, not said by him
                    origin = provenance.origin(doc, Span(stance.start, stance.end)) or f"#{doc}"
                    key = (stance.negated, stance.form, stance.subject, speaker, origin)
                    stances.setdefault(stance.predicate, {}).setdefault(key, []).append((doc, stance))
    disputes = []
    for predicate, by_key in stances.items():
        kept = _contested(by_key)
        if kept:
            disputes.append(_polarity_dispute(story, predicate, kept))
    return disputes


def attribution_disputes(story: Story, groups: list[QuoteGroup]) -> list[Dispute]:
    """One quote, credited to different named people by different articles."""
    disputes = []
    for group in groups:
        speakers = group.speakers()
        if len(speakers) < 2 or not _different_articles(speakers):
            continue
        partial = next((v for v in group.variants if v.partial and any(q.person for q in v.members)), None)
        text = partial.text if partial is not None else group.full.text
        positions = []
        for speaker, docs in sorted(speakers.items(), key=lambda item: (-len(item[1]), item[0])):
            evidence = [(q.doc, q.span) for q in group.members if q.person and q.speaker == speaker]
            positions.append(Position(text, evidence, speaker))
        credits = " and to ".join(f"{p.speaker} ({_names(story, p.docs)})" for p in positions)
        summary = f"The same words are credited to {credits}."
        disputes.append(Dispute(ATTRIBUTION, summary, positions))
    return disputes


def superseded_disputes(story: Story, said: list[list[Said]], sections: list[Sections]) -> list[Dispute]:
    """An update that retracts or corrects the original story printed below it."""
    disputes = []
    for doc, section in enumerate(sections):
        if not section.lede or not section.update:
            continue
        text = story.docs[doc].text
        lede = section.lede[-1]
        lede_words = {stem(w) for w in content_words([w.text for w in words(text, lede)])}
        best = _retraction(story, doc, section, lede_words)
        if best is None:
            continue
        _, update_span, denied = best
        original_span = _claim_phrase(text, lede, denied)
        update_said = said_at(said[doc], update_span.start, update_span.end)
        if update_said is not None and update_span.start <= update_said.content.start < update_said.content.end <= update_span.end:
            update_span = _trimmed(text, update_said.content)  # what was said, not who said it when
        positions = [
            Position(original_span.of(text), [(doc, s) for s in section.lede], stance="original story"),
            Position(
                update_span.of(text),
                [(doc, update_span)],
                update_said.speaker if update_said is not None and update_said.person else None,
                stance="update",
            ),
        ]
        same = next((d for d in disputes if [p.text for p in d.positions] == [p.text for p in positions]), None)
        if same is not None:  # copies of one updated story: one dispute
            for mine, theirs in zip(positions, same.positions):
                theirs.evidence.extend(mine.evidence)
            continue
        said_then, says_now = positions[0].text, positions[1].text
        summary = f"{story.outlet(doc)}'s original story said \"{said_then}\"; its update says \"{says_now}\"."
        disputes.append(Dispute(SUPERSEDED, summary, positions))
    return disputes


# --- numeric --------------------------------------------------------------------------

_VAGUE = frozenset({"dozens", "hundreds", "thousands", "millions", "billions", "scores", "tens"})


@dataclass(frozen=True, slots=True)
class _Counted:
    """A counted quantity with its statement; ``casualty`` when the statement counts the dead
    or wounded (a death toll is never a garrison size)."""

    doc: int
    quantity: Quantity
    concept: str
    statement: Statement
    casualty: bool

    @property
    def key(self) -> tuple:
        """Copies of one quantity in one context compare the same, so they are compared once."""
        q, s = self.quantity, self.statement
        return (self.concept, q.value, q.approx, self.casualty, s.stems, s.entities)


_MONEY = "money "


def _concept(quantity: Quantity, text: str) -> str | None:
    """What a quantity measures, for comparing it across articles: the counted noun's concept
    ("troop"), or a sum of money in its currency ("money USD")."""
    if quantity.kind == "money" and quantity.unit:
        return _MONEY + quantity.unit
    if quantity.kind != "count":
        return None
    head = quantity_head(quantity, text)
    return head.concept if head is not None else None


def _statement_at(statements: list[Statement], offset: int) -> Statement | None:
    return next((s for s in statements if s.span.start <= offset < s.span.end), None)


def _comparable(a: _Counted, b: _Counted, min_overlap: float) -> bool:
    if a.casualty != b.casualty:
        return False
    low, high = sorted((a.quantity, b.quantity), key=lambda q: q.value)
    if low.value and high.value / low.value > 3:
        return False
    if (low.approx or "").replace(" ", "_") in _LOWER_BOUNDS or (high.approx or "").replace(" ", "_") in _UPPER_BOUNDS:
        return False
    if a.statement.entities & b.statement.entities and not a.concept.startswith(_MONEY):
        return True  # a sum needs the same words around it: many sums share a place name
    smaller = min(len(a.statement.stems), len(b.statement.stems))
    return smaller > 0 and len(a.statement.stems & b.statement.stems) / smaller >= min_overlap


def _numeric_position(story: Story, value: float, found: list[_Counted]) -> Position:
    quantity = found[0].quantity
    text = story.docs[found[0].doc].text[quantity.start : quantity.end]
    if quantity.approx and text.lower().startswith(quantity.approx.lower()):
        text = text[len(quantity.approx) :].strip()
    evidence = [(c.doc, Span(c.quantity.start, c.quantity.end)) for c in found]
    speaker = _one({c.statement.speaker if c.statement.person else None for c in found})
    return Position(text, evidence, speaker, value=value)


# --- polarity -------------------------------------------------------------------------


def _asks(text: str, sentence: Span) -> bool:
    return text[sentence.start : sentence.end].rstrip(" \"'”’)").endswith("?")


def agent(text: str, speaker: str | None) -> bool:
    """The speaker is named as the agent in ``text`` ("was signed by Haddad", "a letter from
    Haddad", "Haddad sent a notice to ..."): the statement is about them, not said by them."""
    if not speaker:
        return False
    surname = re.escape(speaker.split()[-1])
    if re.search(rf"\b(?:by|from)\s+(?:[A-Z][\w.'’-]*\s+){{0,6}}{surname}\b", text):
        return True
    return re.search(rf"\b{surname}\b[^.;:\"“‘]{{0,80}}?\b{_SENDS}", text) is not None


# Sending or signing a document: its author is what the statement is about.
_SENDS = rf"(?:sent|wrote|signed|issued|drafted|penned)\s+(?:a|an|the|his|her)\s+(?:[\w-]+\s+)?(?:{'|'.join(sorted(DOCUMENTS))})\b"


def _contested(by_key: dict[tuple, list[tuple[int, Stance]]]) -> list[tuple[int, Stance, str | None]]:
    """The stances that meet an opposite stance on a compatible subject, in another article,
    from another origin (copies of one wire report never dispute each other), and not from
    the same person. Stances are compared once per (polarity, phrasing, subject, speaker,
    origin)."""
    keys = list(by_key)
    kept: set[tuple] = set()
    for a, b in combinations(keys, 2):
        (neg_a, _, subject_a, speaker_a, origin_a), (neg_b, _, subject_b, speaker_b, origin_b) = a, b
        if neg_a == neg_b or origin_a == origin_b or not _compatible(subject_a, subject_b):
            continue
        if speaker_a is not None and speaker_a == speaker_b:
            continue
        if {d for d, _ in by_key[a]} | {d for d, _ in by_key[b]} == {by_key[a][0][0]}:
            continue
        kept.update((a, b))
    return [(doc, stance, key[3]) for key in keys if key in kept for doc, stance in by_key[key]]


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b or any(a in kind and b in kind for kind in _KINDS_OF_THING)


def _polarity_dispute(story: Story, predicate: str, found: list[tuple[int, Stance, str | None]]) -> Dispute:
    groups: dict[tuple[bool, str], list[tuple[int, Stance, str | None]]] = {}
    for item in found:
        groups.setdefault((item[1].negated, item[1].form), []).append(item)
    positions = []
    for (negated, form), items in sorted(groups.items(), key=lambda g: (g[0][0], -len(g[1]))):
        phrases = Counter(story.docs[d].text[s.start : s.end] for d, s, _ in items)
        positions.append(
            Position(
                phrases.most_common(1)[0][0],
                [(d, Span(s.start, s.end)) for d, s, _ in items],
                _one({p for _, _, p in items}),
                stance=("not " if negated else "") + predicate,
            )
        )
    yes = [p for p in positions if not p.stance.startswith("not ")]
    no = [p for p in positions if p.stance.startswith("not ")]
    summary = (
        f"Asserted ({', '.join(_quoted(p.text) for p in yes)}: {_names(story, sorted({d for p in yes for d in p.docs}))}) "
        f"and denied ({', '.join(_quoted(p.text) for p in no)}: {_names(story, sorted({d for p in no for d in p.docs}))})."
    )
    return Dispute(POLARITY, summary, positions)


def _quoted(phrase: str) -> str:
    """A phrase in single quotes for a one-line summary, without double quotation marks it may
    have cut in half ('the vote "is binding'); repr() would switch to double quotes for "it
    wasn't signed"."""
    return f"'{bare_quote(phrase)}'"


# --- attribution ----------------------------------------------------------------------


def _different_articles(speakers: dict[str, list[int]]) -> bool:
    """Two speakers credited by at least two different articles (one article naming two
    people for one quote is its own muddle, not a dispute between outlets)."""
    return any(set(a) - set(b) and set(b) - set(a) for a, b in combinations(speakers.values(), 2))


# --- superseded -----------------------------------------------------------------------


def _retraction(story: Story, doc: int, section: Sections, lede_words: set[str]) -> tuple[float, Span, set[str]] | None:
    """The update phrase that most clearly takes the original back: a denial of what the
    original's lede asserted ("no closure has been ordered"), else the clause with the most
    retraction words ("it was a mistake")."""
    text = story.docs[doc].text
    best: tuple[float, Span, set[str]] | None = None
    for sentence in story.docs[doc].sentences:
        if not section.updating(sentence.start):
            continue
        for clause in clauses(text, sentence):
            cues = len(_RETRACTION.findall(text, clause.start, clause.end))
            candidates = [(cues, _trimmed(text, clause), set())]
            for stance in find_stances(text, clause, sentence):
                denied = _stems(text, Span(stance.start, stance.end)) & lede_words
                if stance.negated and denied:
                    candidates.append((2 * len(denied) + cues, Span(stance.start, stance.end), denied))
            for candidate in candidates:
                if candidate[0] and (best is None or candidate[0] > best[0]):
                    best = candidate
    return best


def _claim_phrase(text: str, lede: Span, denied: set[str]) -> Span:
    """The phrase of the original's lede that the update denies (else its first assertion),
    from its subject to the next comma or "and" ("the Halvard Harbour Bridge will close to all
    traffic"); the whole lede when it asserts nothing this can read."""
    asserted = [s for s in find_stances(text, lede) if not s.negated]
    denying = [s for s in asserted if denied & _stems(text, Span(s.start, s.end))]
    chosen = (denying or asserted or [None])[0]
    if chosen is None:
        return _trimmed(text, lede)
    start = _with_name_before(text, lede.start, chosen.start)
    if _PRONOUN.match(text, start):  # "it will pull out": back to the subject after the last comma
        comma = text.rfind(", ", lede.start, start)
        start = comma + 2 if comma >= 0 else _trimmed(text, lede).start
    stop = _PHRASE_END.search(text, chosen.end, lede.end)
    return Span(start, stop.start() if stop else lede.end)


def _stems(text: str, span: Span) -> set[str]:
    return {stem(w) for w in content_words([w.text for w in words(text, span)])}


def _with_name_before(text: str, floor: int, start: int) -> int:
    """Move ``start`` back over the capitalised words and article of a name before it."""
    while (match := _NAME_BEFORE.search(text, floor, start)) is not None:
        start = match.start()
    return start


def _trimmed(text: str, span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and text[start] in " \t\n\"'“”‘’,;:":
        start += 1
    lead = re.match(r"(?:and|but|or|so|that)\s+", text[start:end])
    start += lead.end() if lead else 0
    while end > start and text[end - 1] in " \t\n\"'“”‘’,;:.":
        end -= 1
    return Span(start, end)


def _one(speakers: set[str | None]) -> str | None:
    """The speaker of a position when every statement of it has the same named speaker."""
    return next(iter(speakers)) if len(speakers) == 1 else None


def _names(story: Story, docs: list[int]) -> str:
    return ", ".join(story.outlet(d) for d in docs)
