"""``analyse_story``: the cross-source stages run in order over one story's annotated articles.

    >>> from crosscheck.crosssource import analyse_story            # doctest: +SKIP
    >>> analysis = analyse_story(docs)                                # doctest: +SKIP
    >>> analysis.to_json()["disputes"][0]["kind"]                     # doctest: +SKIP
    'numeric'

Passages are aligned first (what is copied from what), then provenance (wire groups,
origins, relays), the quote ledger, statements and the claims they make, disputes, and
coverage. Every finding carries evidence: article id and character offsets into that
article's cleaned text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from crosscheck.crosssource.claims import CORROBORATED, DISPUTED, SINGLE_SOURCE, Claim, ClaimParams, align_claims
from crosscheck.crosssource.selection import is_fragment, readable_claims
from crosscheck.crosssource.coverage import coverage
from crosscheck.crosssource.disjoint import DisjointSets
from crosscheck.crosssource.disputes import (
    Dispute,
    agent,
    attribution_disputes,
    numeric_disputes,
    polarity_disputes,
    superseded_disputes,
)
from crosscheck.crosssource.entities import story_entities
from crosscheck.crosssource.passages import AlignParams, Alignment, align_passages
from crosscheck.crosssource.provenance import Provenance, sources, trace_provenance
from crosscheck.crosssource.quotes import QuoteGroup, QuoteParams, quote_ledger
from crosscheck.crosssource.similarity import SimilarityBackend, default_backend
from crosscheck.crosssource.speakers import Said, resolve_speakers
from crosscheck.crosssource.statements import Statement, find_statements, introduces_quote
from crosscheck.crosssource.story import Story
from crosscheck.crosssource.updates import Sections, find_sections
from crosscheck.model import Doc, Span


@dataclass(frozen=True)
class AnalysisParams:
    """Every knob of the cross-source analysis, shown by ``repr``.

    ``min_passages``: shared passages (outside quotes) that make two articles copies of one
    report; ``min_wordings``: a quote is listed when articles carry it in at least this many
    wordings (a quote repeated word for word is shown by its claim and any dispute over who
    said it); ``backend``: how statement similarity is measured; ``max_claims``: the longest
    claim list (a five-article story lists at most 25, see ``readable_claims``)."""

    backend: SimilarityBackend = field(default_factory=default_backend)
    passages: AlignParams = field(default_factory=AlignParams)
    quotes: QuoteParams = field(default_factory=QuoteParams)
    claims: ClaimParams = field(default_factory=ClaimParams)
    min_passages: int = 2
    min_wordings: int = 2
    max_claims: int = 35


@dataclass
class StoryAnalysis:
    """What crosscheck found in one story; ``to_json()`` is the report's JSON contract."""

    story: Story
    alignment: Alignment
    provenance: Provenance
    quotes: list[QuoteGroup]
    claims: list[Claim]
    disputes: list[Dispute]
    coverage: list[list[str]]
    params: AnalysisParams

    def to_json(self) -> dict[str, Any]:
        story = self.story
        return {
            "reuse": [_group_json(self, g) for g in self.provenance.groups],
            "claims": [_claim_json(story, c) for c in self.claims],
            "disputes": [_dispute_json(story, d, self.provenance) for d in self.disputes],
            "quotes": [_quote_json(self, q) for q in self.quotes],
            "entities": _agencies_as_credited(story_entities(story, _agency_aliases(self.provenance)), self.provenance),
            "coverage": {
                "claims": [c.id for c in self.claims],
                "articles": [story.id(d) for d in range(len(story.docs))],
                "cells": self.coverage,
            },
            "sources": sources(self.provenance),
            "articles": [
                {"id": story.id(d), "outlet": story.outlet(d), "kind": self.provenance.kinds[d]}
                for d in range(len(story.docs))
            ],
        }


def analyse_story(docs: list[Doc], *, params: AnalysisParams | None = None) -> StoryAnalysis:
    """Analyse the annotated articles of one story (see ``crosscheck.language.Pipeline``).

    Claims that no source stands behind (an opinion piece's own assertions) are left out
    unless they take part in a dispute."""
    bare = [d.id for d in docs if d.text.strip() and not d.sentences]
    if bare:
        raise ValueError(
            f"analyse_story needs annotated documents, but {', '.join(bare[:3])} have no sentences: "
            "run crosscheck.language.Pipeline() over them first"
        )
    params = params or AnalysisParams()
    story = Story.of(docs)
    said = resolve_speakers(story)
    alignment = align_passages(story, params.passages)
    provenance = trace_provenance(story, alignment, said, min_passages=params.min_passages)
    sections = [find_sections(story, d) for d in range(len(docs))]
    ledger = quote_ledger(story, said, params.quotes)
    statements = [find_statements(story, d, said[d]) for d in range(len(docs))]
    claims = _claims(statements, ledger, provenance, params)
    disputes = _disputes(story, said, sections, statements, ledger, provenance)
    _mark_disputed(claims, disputes)
    claims = _merge_paraphrases(story, _merge_positions(claims, disputes))
    claims = [c for c in claims if c.independent and not _only_frames(story, said, c)]
    claims = readable_claims(claims, len(docs), params.max_claims)
    _number(claims)
    quotes = [q for q in ledger if len(q.variants) >= params.min_wordings and len(q.docs) > 1]
    cells = coverage(claims, disputes, list(range(len(docs))))
    return StoryAnalysis(story, alignment, provenance, quotes, claims, disputes, cells, params)


def _claims(
    statements: list[list[Statement]], ledger: list[QuoteGroup], provenance: Provenance, params: AnalysisParams
) -> list[Claim]:
    """Statements aligned into claims; statements quoting one quote are linked up front."""
    flat = [s for doc in statements for s in doc]
    index = {(s.doc, s.span.start): i for i, s in enumerate(flat)}
    links = []
    for group in ledger:
        members = [
            i
            for variant in group.variants
            if not variant.change
            for q in variant.members
            if (i := _statement_of(statements[q.doc], index, q.span)) is not None
        ]
        links.extend(zip(members, members[1:]))
    groups = align_claims(flat, params.backend, params.claims, links)
    claims = [Claim([flat[i] for i in g], [provenance.origin(flat[i].doc, flat[i].span) for i in g]) for g in groups]
    wires = {g.origin or "" for g in provenance.groups} - {""}
    for claim in claims:
        _relayed_wire_copy(claim, wires)
    return claims


def _relayed_wire_copy(claim: Claim, wires: set[str], min_words: int = 6) -> None:
    """An outlet relaying a wire report's words verbatim ("Haaretz noted: '<the wire's
    sentence>'") passes the wire's copy on: that statement counts for the wire, not twice.
    A person's words are left alone: one quote from a press conference is two reports."""
    copies = [(s, o) for s, o in zip(claim.statements, claim.origins) if o in wires]
    if not copies:
        return
    for i, (statement, origin) in enumerate(zip(claim.statements, claim.origins)):
        if origin is None or origin in wires or statement.person or len(statement.text.split()) < min_words:
            continue  # a person's words quoted alike by two outlets are two reports
        plain = _plain(statement.text)
        wire = next((o for s, o in copies if plain in _plain(s.text)), None)
        if wire is not None:
            claim.origins[i] = wire


def _only_frames(story: Story, said: list[list[Said]], claim: Claim) -> bool:
    """A single-source claim whose every statement only leads into a quotation."""
    return claim.status == SINGLE_SOURCE and all(introduces_quote(story, said[s.doc], s) for s in claim.statements)


def _plain(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower().replace("’", "'")))


def _statement_of(statements: list[Statement], index: dict[tuple[int, int], int], span: Span) -> int | None:
    for statement in statements:
        if statement.span.start < span.end and span.start < statement.span.end:
            return index[(statement.doc, statement.span.start)]
    return None


def _disputes(
    story: Story,
    said: list[list[Said]],
    sections: list[Sections],
    statements: list[list[Statement]],
    ledger: list[QuoteGroup],
    provenance: Provenance,
) -> list[Dispute]:
    return [
        *numeric_disputes(story, statements),
        *polarity_disputes(story, said, sections, provenance),
        *attribution_disputes(story, ledger),
        *superseded_disputes(story, said, sections),
    ]


def _mark_disputed(claims: list[Claim], disputes: list[Dispute]) -> None:
    """A claim is disputed when at least half the articles carrying it state it as a position
    of a dispute (the council's vote is not disputed because one article calls it non-binding);
    an update's correction is not disputed by the story it corrects."""
    evidence: dict[int, list[Span]] = {}
    for dispute in disputes:
        for position in dispute.positions:
            if position.stance == "update":
                continue
            for doc, span in position.evidence:
                evidence.setdefault(doc, []).append(span)
    for claim in claims:
        holding = {
            s.doc
            for s in claim.statements
            if any(s.span.start < e.end and e.start < s.span.end for e in evidence.get(s.doc, ()))
        }
        claim.disputed = 2 * len(holding) >= len(claim.docs) > 0 and bool(holding)


def _merge_positions(claims: list[Claim], disputes: list[Dispute]) -> list[Claim]:
    """Disputed claims that hold one position of a dispute are one claim in different words
    ("no decision to leave", "no plans to leave"), unless different people said them."""
    sets = DisjointSets(len(claims))
    speakers = [{s.speaker for s in c.statements if s.person and s.speaker} for c in claims]
    for dispute in disputes:
        for position in dispute.positions:
            if position.stance == "update":
                continue
            holding = [
                i
                for i, claim in enumerate(claims)
                if claim.disputed
                and any(
                    doc == s.doc and s.span.start < span.end and span.start < s.span.end
                    for s in claim.statements
                    for doc, span in position.evidence
                )
            ]
            for a, b in combinations(holding, 2):
                ra, rb = sets.find(a), sets.find(b)
                alike = _alike(claims[a], claims[b])
                if ra != rb and alike and (not speakers[ra] or not speakers[rb] or speakers[ra] == speakers[rb]):
                    speakers[sets.union(ra, rb)] = speakers[ra] | speakers[rb]
    merged = []
    for members in sorted(sets.groups().values(), key=min):
        if len(members) == 1:
            merged.append(claims[members[0]])
            continue
        parts = [claims[i] for i in sorted(members)]
        claim = Claim([s for c in parts for s in c.statements], [o for c in parts for o in c.origins], disputed=True)
        merged.append(claim)
    return merged


def _merge_paraphrases(story: Story, claims: list[Claim], min_overlap: float = 0.5) -> list[Claim]:
    """One person's claim told in different words by different articles ("no decision
    whatsoever to close the bridge", "denied that the city had decided to close the bridge"):
    same speaker, same polarity, at least two and ``min_overlap`` of the shorter statement's
    words shared, and never two clauses of one sentence (a notice's two promises)."""
    buckets: dict[tuple[str, bool], list[int]] = {}
    for i, claim in enumerate(claims):
        speakers = {s.speaker for s in claim.statements if s.person and s.speaker}
        polarity = {s.negative for s in claim.statements}
        if len(speakers) == 1 and len(polarity) == 1:
            buckets.setdefault((speakers.pop(), polarity.pop()), []).append(i)
    sets = DisjointSets(len(claims))
    for members in buckets.values():
        for a, b in combinations(members, 2):
            if sets.find(a) != sets.find(b) and _alike(claims[a], claims[b], min_overlap, at_least=2):
                if not _same_sentence(story, claims[a], claims[b]):
                    sets.union(a, b)
    merged = []
    for group in sorted(sets.groups().values(), key=min):
        parts = [claims[i] for i in sorted(group)]
        if len(parts) == 1:
            merged.append(parts[0])
            continue
        statements = [s for c in parts for s in c.statements]
        merged.append(Claim(statements, [o for c in parts for o in c.origins], disputed=any(c.disputed for c in parts)))
    return merged


def _same_sentence(story: Story, a: Claim, b: Claim) -> bool:
    sentences = {(s.doc, story.sentence_at(s.doc, s.span.start)) for s in a.statements}
    return any((t.doc, story.sentence_at(t.doc, t.span.start)) in sentences for t in b.statements)


def _alike(a: Claim, b: Claim, min_overlap: float = 0.4, at_least: int = 1) -> bool:
    """Two claims whose closest statements share ``min_overlap`` of the shorter one's words."""
    return any(
        len(s.stems & t.stems) >= max(at_least, min_overlap * min(len(s.stems), len(t.stems)))
        for s in a.statements
        for t in b.statements
    )


def _number(claims: list[Claim]) -> None:
    """Corroborated claims first, then disputed, then single-source; within each, by how many
    sources and articles carry them; named c1, c2, ..."""
    order = {CORROBORATED: 0, DISPUTED: 1, SINGLE_SOURCE: 2}
    claims.sort(
        key=lambda c: (order[c.status], -c.independent, -len(c.docs), c.statements[0].doc, c.statements[0].span.start)
    )
    for i, claim in enumerate(claims, 1):
        claim.id = f"c{i}"


# --- JSON ------------------------------------------------------------------------------


_CLOSING = " ,.;:!?”\"’'"  # a closing quotation mark kept at a claim's end does not make it longer


def _representative(claim: Claim) -> str:
    """The wording that shares the most words with the claim's other wordings (of its first
    30 distinct ones), the shorter on a tie; a wording that stands alone ("That letter is a
    draft") before a fragment ("This is a mistake", "as requested by ...")."""
    distinct = list({s.text: s for s in claim.statements}.values())[:30]

    def shared(statement: Any) -> float:
        return sum(len(statement.stems & o.stems) / max(1, len(statement.stems | o.stems)) for o in distinct)

    return max(distinct, key=lambda s: (not is_fragment(s.text), shared(s), -len(s.text.rstrip(_CLOSING)))).text


def _claim_json(story: Story, claim: Claim) -> dict[str, Any]:
    text = _representative(claim)
    return {
        "id": claim.id,
        "text": text,
        "status": claim.status,
        "articles": [story.id(d) for d in claim.docs],
        "independent_sources": claim.independent,
        "sources": sorted({o for o in claim.origins if o}),
        "speaker": _claim_speaker(claim),
        "evidence": [story.evidence(s.doc, s.span) for s in claim.statements],
    }


def _claim_speaker(claim: Claim) -> str | None:
    """The one person at least half the articles carrying the claim say it comes from; a
    person the claim is about ("Seely sent a letter", "signed by Haddad") does not count."""
    speakers: dict[str, set[int]] = {}
    for s in claim.statements:
        if s.person and s.speaker and not agent(s.text, s.speaker) and not _conceded(s.text, s.speaker):
            speakers.setdefault(s.speaker, set()).add(s.doc)
    if len(speakers) != 1:
        return None
    [(speaker, docs)] = speakers.items()
    return speaker if 2 * len(docs) >= len(claim.docs) else None


def _conceded(text: str, speaker: str) -> bool:
    """"Though Reyes said the notice 'implies' a closure, it in fact orders one": the person
    is conceded in a subordinate clause; the main clause is the writer's own."""
    surname = re.escape(speaker.split()[-1])
    return re.match(rf"(?:[Tt]hough|[Aa]lthough|[Ee]ven though|[Ww]hile)\b[^,]*\b{surname}\b[^,]*,\s*\S", text) is not None


def _dispute_json(story: Story, dispute: Dispute, provenance: Provenance) -> dict[str, Any]:
    return {
        "kind": dispute.kind,
        "summary": dispute.summary,
        "positions": [
            {
                "text": p.text,
                "articles": [story.id(d) for d in p.docs],
                "speaker": p.speaker,
                "sources": _position_sources(story, provenance, p),
                **({"value": p.value} if p.value is not None else {}),
                **({"stance": p.stance} if p.stance is not None else {}),
                "evidence": [story.evidence(doc, span) for doc, span in p.evidence],
            }
            for p in dispute.positions
        ],
    }


def _position_sources(story: Story, provenance: Provenance, position: Any) -> list[str]:
    """The independent sources a dispute position counts for; the outlets carrying it when
    none does (a column's own assertion)."""
    origins = [provenance.origin(doc, span) for doc, span in position.evidence]
    found = [o for o in origins if o] or [story.outlet(doc) for doc, _ in position.evidence]
    return list(dict.fromkeys(found))


def _quote_json(analysis: StoryAnalysis, group: QuoteGroup) -> dict[str, Any]:
    story = analysis.story
    order = [story.id(d) for d in group.docs]
    changed = [v for v in group.variants if v.change]
    speakers = group.speakers()
    note = "; ".join(f"“{v.text}” {v.change}" for v in changed)
    if len(speakers) > 1:
        credit = ", ".join(f"{s} ({', '.join(story.id(d) for d in docs)})" for s, docs in speakers.items())
        note = "; ".join(filter(None, [note, f"credited to different people: {credit}"]))
    return {
        "speaker": group.speaker,
        "text": group.full.text,
        "articles": [story.id(d) for d in group.docs],
        "via": sorted({q.via for q in group.members if q.via}),
        "variants": [
            {
                "text": v.text,
                "articles": sorted({story.id(q.doc) for q in v.members}, key=order.index),
                "speaker": _common(q.speaker for q in v.members),
                "partial": v.partial,
                "changes_meaning": bool(v.change),
                **({"note": v.change} if v.change else {}),
                "evidence": [story.evidence(q.doc, q.span) for q in v.members],
            }
            for v in sorted(group.variants, key=lambda v: (v.partial, -len({q.doc for q in v.members})))
        ],
        "altered": bool(changed),
        "note": note or None,
    }


def _group_json(analysis: StoryAnalysis, group: Any) -> dict[str, Any]:
    story, alignment = analysis.story, analysis.alignment
    return {
        "articles": [story.id(d) for d in group.members],
        "origin": group.origin,
        "origin_aliases": sorted({n for n in (group.credit, group.full_name) if n and n != group.origin}),
        "credit": group.credit,
        "credit_kept": [story.id(d) for d in group.credited],
        "credit_stripped": sorted({story.id(s.doc) for s in group.stripped}),
        "edited": [story.id(d) for d in group.edited],
        "stripped": [
            {
                "article": story.id(s.doc),
                "text": s.span.of(story.docs[s.doc].text),
                "sentence": [s.span.start, s.span.end],
                "credited_article": story.id(s.credited_doc),
                "credited_text": s.credited_span.of(story.docs[s.credited_doc].text),
                "credit": s.credit,
            }
            for s in group.stripped
        ],
        "passages": [
            {
                "text": alignment.units[units[0]].span.of(story.docs[alignment.units[units[0]].doc].text),
                "articles": sorted({story.id(alignment.units[u].doc) for u in units}),
                "evidence": [story.evidence(alignment.units[u].doc, alignment.units[u].span) for u in units],
            }
            for units in group.passages
        ],
    }


def _agency_aliases(provenance: Provenance) -> dict[str, dict[str, set[int]]]:
    """Credit abbreviations as aliases of the agency they stand for ("MP" -> Meridian Press),
    with the articles printing them."""
    aliases: dict[str, dict[str, set[int]]] = {}
    for group in provenance.groups:
        if group.origin and group.credit and group.credit != group.origin:
            docs = {c.doc for m in group.members for c in provenance.credits[m] if c.name == group.credit}
            aliases.setdefault(group.origin, {}).setdefault(group.credit, set()).update(docs)
    return aliases


def _agencies_as_credited(entities: list[dict[str, Any]], provenance: Provenance) -> list[dict[str, Any]]:
    """An agency entity shown under the name its wire group's origin uses ("AFP", not the
    gazetteer's "Agence France-Presse" that no article writes out)."""
    renames = {g.full_name: g.origin for g in provenance.groups if g.full_name and g.origin}
    for entity in entities:
        entity["name"] = renames.get(entity["name"], entity["name"])
    return entities


def _common(values: Any) -> str | None:
    found = {v for v in values if v}
    return found.pop() if len(found) == 1 else None
