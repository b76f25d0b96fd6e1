"""Wire groups, their origin, stripped credits, and the independent origin of every sentence.

Articles that share at least ``min_passages`` passages outside quotation marks carry one
report: they form a wire group, named after the credit any member keeps ("Meridian Press").
A member whose copy of a credited sentence lost the credit ("MP reporters could hear" ->
"Reporters could hear") and that credits the origin nowhere has had its credit stripped.
Every sentence then gets the origin it counts for: the outlet it relays, else its wire
group's origin, else its own outlet; opinion and aggregation pieces count for nothing of
their own unless they report first-hand.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from crosscheck.crosssource.credits import (
    NEWS,
    Credit,
    agency_name,
    article_kind,
    credit_only,
    find_credits,
    first_hand,
    sentence_relays,
    written_name,
)
from crosscheck.crosssource.outlets import bare
from crosscheck.crosssource.disjoint import DisjointSets
from crosscheck.crosssource.passages import Alignment
from crosscheck.crosssource.speakers import Said, story_outlets
from crosscheck.crosssource.story import Story
from crosscheck.model import Span

WIRE, OUTLET, RELAY = "wire", "outlet", "relay"


@dataclass(frozen=True, slots=True)
class Stripped:
    """A copied sentence whose credit is gone: where, and the credited version it copies."""

    doc: int
    span: Span
    credited_doc: int
    credited_span: Span
    credit: str


@dataclass
class WireGroup:
    """Articles carrying one report; ``origin`` is None when no member credits anyone. The origin
    is named as the story writes it ("AFP" when no article spells out Agence France-Presse);
    ``full_name`` is the agency's longer name when that differs."""

    members: list[int]
    origin: str | None
    credit: str | None
    credited: list[int]
    stripped: list[Stripped]
    edited: list[int]
    passages: list[list[int]]
    full_name: str | None = None


@dataclass
class Provenance:
    """Who reported what first: wire groups, article kinds, relays, and each source."""

    groups: list[WireGroup]
    kinds: list[str]
    relays: list[dict[int, str]]
    credits: list[list[Credit]]
    shared: dict[int, set[int]] = field(default_factory=dict)
    group_of: dict[int, int] = field(default_factory=dict)
    story: Story | None = field(default=None, repr=False)
    _resolved: dict[str, str] = field(default_factory=dict, repr=False)

    def origin(self, doc: int, span: Span) -> str | None:
        """The independent origin a statement at ``span`` of ``doc`` counts for, or None."""
        story = self.story
        assert story is not None
        sentence = story.sentence_at(doc, span.start) or span
        derivative = self.kinds[doc] != NEWS
        relayed = self.relays[doc].get(sentence.start)
        if relayed and _counts(self, doc, sentence.start, relayed):  # not "seen by AP" inside wire copy
            return self.resolve(relayed)
        if derivative and first_hand(story, doc, sentence):
            return story.outlet(doc)
        if doc in self.group_of:
            group = self.groups[self.group_of[doc]]
            if not derivative or sentence.start in self.shared.get(doc, ()):
                return group.origin or story.outlet(group.members[0])
        return None if derivative else story.outlet(doc)

    def resolve(self, name: str) -> str:
        """An outlet named as a relay, as the origin it stands for: a story outlet that is a
        wire copy stands for its wire's origin."""
        key = bare(name).lower()
        if key not in self._resolved:
            self._resolved[key] = self._resolve(name)
        return self._resolved[key]

    def _resolve(self, name: str) -> str:
        story = self.story
        assert story is not None
        for doc in range(len(story.docs)):
            if bare(story.outlet(doc)).lower() == bare(name).lower():
                if doc in self.group_of and self.groups[self.group_of[doc]].origin:
                    return self.groups[self.group_of[doc]].origin or name
                return story.outlet(doc)
        for group in self.groups:
            if group.origin and bare(name) in (group.origin, group.credit, group.full_name):
                return group.origin
        return written_name(name, agency_name(bare(name), [g.origin for g in self.groups if g.origin]), story)


def trace_provenance(
    story: Story, alignment: Alignment, said: list[list[Said]], *, min_passages: int = 2
) -> Provenance:
    """Wire groups from the copy passages of ``alignment``, then kinds and relays per article."""
    outlets = story_outlets(story)
    relays = [sentence_relays(story, d, said[d], outlets) for d in range(len(story.docs))]
    kinds = [article_kind(story, d, relays[d]) for d in range(len(story.docs))]
    credits = [find_credits(story, d) for d in range(len(story.docs))]
    groups = _groups(story, alignment, credits, min_passages)
    provenance = Provenance(groups, kinds, relays, credits, story=story)
    provenance.group_of = {m: i for i, g in enumerate(groups) for m in g.members}
    for group in groups:
        for passage in group.passages:
            for unit in passage:
                provenance.shared.setdefault(alignment.units[unit].doc, set()).add(alignment.units[unit].span.start)
    return provenance


def sources(provenance: Provenance) -> list[dict]:
    """The independent origins of the story: wire groups, outlets with their own reporting,
    and outlets that other articles relay (with the articles relaying each)."""
    story = provenance.story
    assert story is not None
    found: dict[str, dict] = {}
    for group in provenance.groups:
        name = group.origin or story.outlet(group.members[0])
        found[name] = {"origin": name, "kind": WIRE, "articles": [story.id(m) for m in group.members], "relayed_by": []}
    for doc, kind in enumerate(provenance.kinds):
        if kind == NEWS and doc not in provenance.group_of:
            name = story.outlet(doc)
            entry = found.setdefault(name, {"origin": name, "kind": OUTLET, "articles": [], "relayed_by": []})
            entry["articles"].append(story.id(doc))
    for doc, relays in enumerate(provenance.relays):
        for name in dict.fromkeys(r for start, r in relays.items() if _counts(provenance, doc, start, r)):
            origin = provenance.resolve(name)
            entry = found.setdefault(origin, {"origin": origin, "kind": RELAY, "articles": [], "relayed_by": []})
            if story.id(doc) not in entry["articles"] and story.id(doc) not in entry["relayed_by"]:
                entry["relayed_by"].append(story.id(doc))
    return list(found.values())


def _counts(provenance: Provenance, doc: int, start: int, relayed: str) -> bool:
    """Whether a relay names a source of its own, not just a credit inside wire copy."""
    story = provenance.story
    assert story is not None
    sentence = story.sentence_at(doc, start)
    if sentence is None or doc not in provenance.group_of or provenance.kinds[doc] != NEWS:
        return True
    return not credit_only(story, doc, sentence, relayed)


def _groups(story: Story, alignment: Alignment, credits: list[list[Credit]], min_passages: int) -> list[WireGroup]:
    pairs: Counter[tuple[int, int]] = Counter()
    for match in alignment.matches:
        if match.copy:
            a, b = alignment.units[match.a].doc, alignment.units[match.b].doc
            pairs[(min(a, b), max(a, b))] += 1
    sets = DisjointSets(len(story.docs))
    for (a, b), count in pairs.items():
        if count >= min_passages:
            sets.union(a, b)
    groups = []
    for group in (m for m in sets.groups().values() if len(m) > 1):
        passages = _group_passages(alignment, set(group))
        groups.append(_name_group(story, alignment, group, passages, credits))
    return groups


def _group_passages(alignment: Alignment, group: set[int]) -> list[list[int]]:
    copied = {u for m in alignment.matches if m.copy for u in (m.a, m.b)}
    found = []
    for passage in alignment.passages:
        inside = [u for u in passage if alignment.units[u].doc in group]
        if len({alignment.units[u].doc for u in inside}) > 1 and any(u in copied for u in inside):
            found.append(inside)
    return found


def _name_group(
    story: Story, alignment: Alignment, group: list[int], passages: list[list[int]], credits: list[list[Credit]]
) -> WireGroup:
    texts = [d.text for d in story.docs]
    names = Counter(c.name for m in group for c in credits[m])
    if not names:
        return WireGroup(group, None, None, [], [], _edited(alignment, passages, set(), texts), passages)
    credit = names.most_common(1)[0][0]
    candidates = [c.name for m in group for c in credits[m]] + [story.outlet(d) for d in range(len(story.docs))]
    candidates += [e.name for e in story.entities.entities]
    full = agency_name(credit, candidates)
    origin = written_name(credit, full, story)
    aliases = {credit, origin, full}
    aliases |= {c.name for m in group for c in credits[m] if agency_name(c.name, candidates) == full}
    credited = [m for m in group if any(c.name in aliases for c in credits[m])]
    stripped = _stripped(story, alignment, passages, credits, aliases)
    stripped_docs = {s.doc for s in stripped if s.doc not in credited}
    return WireGroup(
        members=group,
        origin=origin,
        credit=credit,
        credited=credited,
        stripped=[s for s in stripped if s.doc in stripped_docs],
        edited=_edited(alignment, passages, {(s.doc, s.span.start) for s in stripped}, texts),
        passages=passages,
        full_name=full if full != origin else None,
    )


def _stripped(
    story: Story, alignment: Alignment, passages: list[list[int]], credits: list[list[Credit]], aliases: set[str]
) -> list[Stripped]:
    """Copies of a credited sentence that no longer hold any of the credit's names."""
    names = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted(aliases, key=len, reverse=True)) + r")\b", re.I)
    found = []
    for passage in passages:
        credited = None
        for unit in passage:
            doc, span = alignment.units[unit].doc, alignment.units[unit].span
            credit = next((c for c in credits[doc] if c.name in aliases and span.start <= c.span.start < span.end), None)
            if credit is not None:
                credited = (doc, span, credit)
                break
        if credited is None:
            continue
        for unit in passage:
            doc, span = alignment.units[unit].doc, alignment.units[unit].span
            if doc != credited[0] and not names.search(story.docs[doc].text, span.start, span.end):
                found.append(Stripped(doc, span, credited[0], credited[1], credited[2].name))
    return found


def _edited(alignment: Alignment, passages: list[list[int]], skip: set[tuple[int, int]], texts: list[str]) -> list[int]:
    """Members whose copies differ in wording from the version most members carry (case and
    spelling count here, quotation marks do not)."""
    changes: Counter[int] = Counter()
    for passage in passages:
        versions: dict[int, str] = {}
        for unit in passage:
            u = alignment.units[unit]
            if (u.doc, u.span.start) not in skip:
                versions[u.doc] = " ".join(texts[u.doc][w.start : w.end].lower() for w in u.words)
        counts = Counter(versions.values())
        if len(versions) < 3 or counts.most_common(1)[0][1] <= len(versions) / 2:
            continue
        usual = counts.most_common(1)[0][0]
        changes.update(doc for doc, version in versions.items() if version != usual)
    return sorted(doc for doc, count in changes.items() if count >= 2)
