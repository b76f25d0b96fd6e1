"""Atomic statements: the clauses of each sentence, with who states them and what they pin down.

A sentence is cut into clauses (the polarity module's clause splitter; a long quotation kept
as one sentence is first cut at its own full stops); a clause that only
says who spoke ("he said.", "Reyes told the Herald on Tuesday.") is dropped, and a clause
too short to state anything joins its neighbour. Each statement keeps its speaker (reported
speech stays reported), its counted numbers, its dates, the entities it names, its content
words, and whether it is negated or denied.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crosscheck.crosssource.speakers import Said, said_at
from crosscheck.crosssource.story import Story
from crosscheck.crosssource.text import Word, content_words, stem, unclosed_quote, words
from crosscheck.language.numbers import quantity_head
from crosscheck.language.polarity import clauses
from crosscheck.model import Span

_DATE = re.compile(r"^(?:\d{4}-\d{2}-\d{2}|XXXX-WXX-\d)$")
# Quotation marks, a dateline ("OSTREL (NWA) — ") and a joining word before a clause.
_LEADING = re.compile(
    r"[\s\"'“”‘’(,;:—–-]*"
    r"(?:[A-Z][A-Z .'’-]+(?:\([A-Za-z .]+\))?\s*[—–]\s*)?"
    r"(?:(?:[Aa]nd|[Bb]ut|[Oo]r|[Ss]o|[Yy]et|[Ww]hile|[Aa]s(?!\s+\w+ed\b)|that)\s+){0,2}"
)

# A clause that cannot stand alone: a relative or subordinate clause, or a participle phrase.
_SUBORDINATE = re.compile(
    r"[\s\"'“”‘’(,;:—–-]*(?:who|whom|whose|which|where|when|whether|because|although|though|if|unless|until|"
    r"since|so\s+that|in\s+order\s+to|than|including|speaking|adding|saying|making|forcing|leaving)\b",
    re.I,
)

# When something was said, not what: "said on Monday: ..." frames the quote that follows.
_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday morning afternoon evening night today yesterday tonight".split()
)
_DATELINE = re.compile(r"\s*[A-Z][A-Z .'’-]+(?:\([A-Za-z .]+\))?\s*[—–]\s*")
# A full stop after a lower-case word (not "U.S." or "Gen."), then a capital: a new sentence.
_INNER_STOP = re.compile(r"(?<=[a-z]{3}[.!?])\s+(?=[A-Z])")
_CLOSING_MARK = re.compile(r"[,.;:!?]?([”\"])")
_RELATIVE = re.compile(r"[\s\"'“”‘’(,;:—–-]*(?:who|whom|whose|which)$", re.I)


@dataclass(frozen=True, slots=True)
class Statement:
    """One clause of one article and what identifies its content."""

    doc: int
    span: Span
    text: str
    speaker: str | None
    person: bool
    stems: frozenset[str]
    numbers: frozenset[tuple[str, float]]
    dates: frozenset[str]
    entities: frozenset[str]
    negative: bool


_DASHES = frozenset({"—", "―", "–", "-", "--"})


def find_statements(story: Story, doc: int, said: list[Said], min_words: int = 3) -> list[Statement]:
    """The statements of one article, in text order."""
    found = []
    text = story.docs[doc].text
    for sentence in story.docs[doc].sentences:
        sentence_words = words(text, sentence)
        for span in _pieces(text, sentence, sentence_words, said, min_words):
            span_words = [w for w in sentence_words if span.start <= w.start < span.end]
            found.append(_statement(story, doc, span, span_words, said))
    return found


def _pieces(text: str, sentence: Span, sentence_words: list[Word], said: list[Said], min_words: int) -> list[Span]:
    framing = [s for s in said if s.cue is not None and sentence.start <= s.cue.start < sentence.end]
    frames = [part for s in framing for part in (s.cue, _source_part(text, s, sentence)) if part]
    contents = [s.content for s in framing]
    pieces: list[Span] = []
    pending: Span | None = None
    dateline = _DATELINE.match(text, sentence.start, sentence.end)
    floor = dateline.end() if dateline else sentence.start
    for clause in (c for part in _inner_sentences(text, sentence) for c in clauses(text, part)):
        if clause.end <= floor:
            continue  # "OSTREL (NWA) —": a dateline, not a statement
        clause = Span(max(clause.start, floor), clause.end)
        subordinate = _SUBORDINATE.match(text, clause.start, clause.end)
        lead = _LEADING.match(text, clause.start, clause.end)
        clause = Span(lead.end() if lead else clause.start, clause.end)
        while clause.end > clause.start and text[clause.end - 1] in " \t\n\"'“”‘’,;:.!?—–-":
            clause = Span(clause.start, clause.end - 1)
        if clause.end <= clause.start:
            continue
        clause = _closing_quote_kept(text, clause)
        if _only_framing(clause, sentence_words, frames, contents, text[clause.end : clause.end + 2].strip().startswith(":")):
            continue
        if subordinate and pending is None and (pieces or _RELATIVE.match(subordinate.group())):
            if pieces:  # "..., who chairs the board": part of the last statement
                pieces[-1] = Span(pieces[-1].start, clause.end)
            continue  # else it belongs to a framing clause ("According to a report, which ...")
        if pending is not None:
            clause, pending = Span(pending.start, clause.end), None
        if subordinate or len(content_words([w.text for w in sentence_words if clause.start <= w.start < clause.end])) < min_words:
            pending = clause  # "If the engineers tell us so, it will close": one statement
            continue
        pieces.append(clause)
    if pending is not None:
        if pieces:
            pieces[-1] = Span(pieces[-1].start, pending.end)
        elif content_words([w.text for w in sentence_words if pending.start <= w.start < pending.end]):
            pieces.append(pending)
    return pieces


def _source_part(text: str, said: Said, sentence: Span) -> Span | None:
    """The words that name the speaker; after a signature's dash ("” — Carla Sanchez, a resident
    of the Lower Quay.") the rest of the sentence, description and all."""
    source = said.source
    if source is not None and source.start > said.cue.start and text[said.cue.start : said.cue.end] in _DASHES:
        return Span(source.start, sentence.end)
    return source


def _closing_quote_kept(text: str, clause: Span) -> Span:
    """'... preparing for “movement out of Iraq,” but ...': a quotation the clause opens keeps
    the mark that closes it right after its last word (past a comma or full stop), so the
    claim reads whole."""
    closer = unclosed_quote(text[clause.start : clause.end])
    mark = _CLOSING_MARK.match(text, clause.end) if closer else None
    return Span(clause.start, mark.end()) if mark and mark.group(1) == closer else clause


def _inner_sentences(text: str, sentence: Span) -> list[Span]:
    """A long quotation the sentence splitter keeps whole ("It looks inevitable. There are
    5,000 troops here. It depends on the government."), cut at each full stop after a word."""
    parts, start = [], sentence.start
    for stop in _INNER_STOP.finditer(text, sentence.start, sentence.end):
        parts.append(Span(start, stop.start()))
        start = stop.end()
    parts.append(Span(start, sentence.end))
    return [p for p in parts if p.end > p.start]


def _only_framing(
    clause: Span, sentence_words: list[Word], frames: list[Span], contents: list[Span], opens_quote: bool = False
) -> bool:
    """A clause that only says who spoke, to whom and when: "he said", "Reyes told the Herald
    on Tuesday", "Harbour master Ines Calder said on Monday:" (but not "Brennan insists there
    has been 'no decision'")."""
    inside = [w for w in sentence_words if clause.start <= w.start < clause.end]
    rest = [w for w in inside if not any(f.start <= w.start < f.end for f in frames)]
    if not inside or len(rest) == len(inside):
        return False
    said = [w for w in content_words([w.text for w in rest if any(c.start <= w.start < c.end for c in contents)]) if w not in _TIME_WORDS]
    adjuncts = content_words([w.text for w in rest if not any(c.start <= w.start < c.end for c in contents) or w.text in _TIME_WORDS])
    opens_with_speaker = any(f.start <= inside[0].start < f.end for f in frames)
    return not said and len(adjuncts) <= (3 if opens_quote else 2 if opens_with_speaker else 0)


def _statement(story: Story, doc: int, span: Span, span_words: list[Word], said: list[Said]) -> Statement:
    d = story.docs[doc]
    statement = said_at(said, span.start, span.end)
    speaker, person = (statement.speaker, statement.person) if statement is not None else (None, False)
    numbers = set()
    for quantity in d.quantities:
        if span.start <= quantity.start < span.end and quantity.approx not in _VAGUE:
            head = quantity_head(quantity, d.text)
            if head is not None:
                numbers.add((head.concept, quantity.value))
    dates = {t.value for t in d.times if span.start <= t.start < span.end and t.type == "DATE" and _DATE.match(t.value)}
    entities = {m.entity for m in story.mentions(doc) if span.start <= m.start < span.end}
    negative = any(
        p.start < span.end and span.start < p.end and (p.negated or p.modality == "denial") for p in d.polarity
    )
    stems = frozenset(stem(w) for w in content_words([w.text for w in span_words]))
    return Statement(
        doc,
        span,
        span.of(d.text),
        speaker,
        person,
        stems,
        frozenset(numbers),
        frozenset(dates),
        frozenset(entities),
        negative,
    )


_VAGUE = frozenset({"dozens", "hundreds", "thousands", "millions", "billions", "scores", "tens"})


def introduces_quote(story: Story, said: list[Said], statement: Statement) -> bool:
    """A clause that only leads into the quotation after it ("Gen. Haddad wrote on Monday,
    to prepare the move, '...'", "Reyes had put it more bluntly: '...'"): its speaker's cue is
    inside it and the words it frames follow; the quote, not the frame, is what was said."""
    text, quotes = story.docs[statement.doc].text, story.quotes[statement.doc]
    span = statement.span
    after = _FRAME_GAP.match(text, span.end)
    opens = after.end() if after else span.end
    if opens >= len(text) or text[opens] not in _OPENING or quotes.around(span.start) is not None:
        return False
    return any(s.cue is not None and span.start <= s.cue.start < span.end for s in said)


_FRAME_GAP = re.compile(r"[\s,:;—–-]*")
_OPENING = "\"'“‘«"
