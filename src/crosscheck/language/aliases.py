"""One canonical entity per person, organisation and place of a story, across its articles.

People are joined by name keys (given name and surname, spelling variants merged, middle
initials and suffixes optional), surname-only mentions go to the person of that surname
(the latest one in the same article first), and role mentions ("the defense secretary") go to
the one person of the story whose titles fit, or stay unresolved. Two people who share a
surname but have different given names are never merged.

The canonical name of a person is the most complete form seen ("William H. Seely III" over
"William Seely"): the most name words, then the most frequent, then the first seen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from crosscheck.language.names import Name, name_words, parse_name, surname_key
from crosscheck.language.titles import role_matches, title_keys
from crosscheck.model import Mention

PERSON, ORGANIZATION, PLACE, ROLE, UNKNOWN = "person", "organization", "place", "role", "unknown"


@dataclass(slots=True)
class Candidate:
    """A mention before resolution: what the text says, and what the extractor could tell.

    ``type`` is "unknown" for a capitalised name with no evidence of being a person; it becomes
    one only if it matches a person's surname (or, with ``speech``, if it is someone's name in
    "X said"). ``link`` is the index of the person candidate a role stands in apposition to.
    """

    start: int
    end: int
    surface: str
    type: str
    canonical: str | None = None
    title: str | None = None
    link: int | None = None
    speech: bool = False


@dataclass(slots=True)
class Entity:
    """A resolved entity: canonical ``name``, ``type``, every surface form, every title seen."""

    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    mentions: int = 0


@dataclass(slots=True)
class EntityIndex:
    """Entities of a story, and each document's mentions with ``entity`` set to a canonical name."""

    entities: list[Entity]
    mentions: list[list[Mention]]

    def get(self, name: str) -> Entity | None:
        return next((e for e in self.entities if e.name == name), None)

    def of(self, mention: Mention) -> Entity | None:
        """The entity a resolved mention points to."""
        return self.get(mention.entity)


@dataclass(slots=True)
class _Person:
    """A person being built: full names seen, every surface, titles with their role keys and
    qualifiers, and where each document first names them."""

    names: list[tuple[Name, str]] = field(default_factory=list)
    surfaces: dict[str, int] = field(default_factory=dict)
    titles: list[str] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    qualifiers: set[str] = field(default_factory=set)
    first_seen: dict[int, int] = field(default_factory=dict)

    def add(self, candidate: Candidate, doc: int, name: Name | None = None) -> None:
        if name is not None:
            self.names.append((name, candidate.surface))
        self.surfaces[candidate.surface] = self.surfaces.get(candidate.surface, 0) + 1
        if candidate.title:
            self.add_title(candidate.title)
        self.first_seen.setdefault(doc, candidate.start)

    def add_title(self, title: str) -> None:
        if title not in self.titles:
            self.titles.append(title)
            keys, qualifiers = title_keys(title)
            self.keys.update(keys)
            self.qualifiers.update(qualifiers)

    def accepts(self, name: Name) -> bool:
        return all(name.compatible(other) for other, _ in self.names)

    @property
    def canonical(self) -> str:
        if not self.names:
            return max(self.surfaces, key=self.surfaces.__getitem__)
        order = {surface: i for i, (_, surface) in reversed(list(enumerate(self.names)))}
        return max(order, key=lambda s: (len(name_words(s)), self.surfaces.get(s, 0), -order[s]))


def resolve(docs: list[list[Candidate]], *, entities: bool = True) -> EntityIndex:
    """Resolve the candidates of every document of one story together; with ``entities``
    false only the mentions are filled (what one document's annotation needs)."""
    full, single, roles = [], [], []
    for d, candidates in enumerate(docs):
        for i, c in enumerate(candidates):
            if c.type == ROLE:
                roles.append((d, i, c))
            elif c.type in (PERSON, UNKNOWN) and len(name_words(c.surface)) > 1:
                full.append((d, i, c))
            elif c.type in (PERSON, UNKNOWN) or (c.type == PLACE and c.surface.isalpha()):
                single.append((d, i, c))
    people: list[_Person] = []
    by_surname: dict[str, list[_Person]] = {}
    owner: dict[tuple[int, int], _Person] = {}
    for d, i, c in sorted(full, key=lambda item: item[2].type != PERSON):
        name = parse_name(c.surface)
        fits = [p for p in by_surname.get(name.surname, ()) if p.accepts(name) and p.names]
        person = max(fits, key=lambda p: len(p.surfaces)) if fits else None
        if person is None and c.type == UNKNOWN and not (c.speech or name.surname in by_surname):
            continue  # a capitalised phrase with no sign of being a person
        if person is None:
            person = _Person()
            people.append(person)
            by_surname.setdefault(name.surname, []).append(person)
        person.add(c, d, name)
        owner[d, i] = person
    for d, i, c in single:
        key = surname_key(c.surface)
        matches = by_surname.get(key, [])
        if not matches and not (c.type == PERSON or c.speech):
            continue  # no person of that surname, and no sign of being one
        if c.type == PLACE:  # "Jordan" after "Michael Jordan" in the same article
            matches = [p for p in matches if d in p.first_seen and p.names]
        person = _by_surname(matches, d, c.start)
        if person is None and (c.type == PERSON or c.speech):
            person = _Person()
            people.append(person)
            by_surname.setdefault(key, []).append(person)
        if person is not None:
            person.add(c, d)
            owner[d, i] = person
    for d, i, c in roles:
        if c.link is not None and (d, c.link) in owner:
            owner[d, i] = owner[d, c.link]
            owner[d, i].add_title(c.surface)
    for d, i, c in roles:
        if (d, i) not in owner:
            person = _by_role(people, c.surface)
            if person is not None:
                owner[d, i] = person
    return _index(docs, owner, entities)


def _by_surname(matches: list[_Person], doc: int, position: int) -> _Person | None:
    """The person a surname-only mention means: in the same document the one introduced last
    before it (or first after it), otherwise the only person of the story with that surname."""
    here = [p for p in matches if doc in p.first_seen]
    if here:
        before = [p for p in here if p.first_seen[doc] <= position]
        return max(before, key=lambda p: p.first_seen[doc]) if before else min(here, key=lambda p: p.first_seen[doc])
    return matches[0] if len(matches) == 1 else None


def _by_role(people: list[_Person], role: str) -> _Person | None:
    """The one person whose titles fit a role ("the Marine general"); None when not exactly one."""
    keys, qualifiers = title_keys(role)
    if not keys:
        return None
    fits = [
        p
        for p in people
        if any(role_matches(keys[-1], k) for k in p.keys) and qualifiers <= p.qualifiers | _no_country(p, qualifiers)
    ]
    return fits[0] if len(fits) == 1 else None


def _no_country(person: _Person, qualifiers: frozenset[str]) -> set[str]:
    """English-language news leaves "US" out of American titles, so a person whose titles name
    no qualifier at all still fits "the US defense secretary" (but not "the Mexican president")."""
    return {"United States"} & qualifiers if not person.qualifiers else set()


@lru_cache(maxsize=16384)
def _variant_key(name: str) -> str:
    """British and American spellings of one name meet: "Harbour Authority" = "Harbor Authority"."""
    key = name.lower().replace(".", "").removeprefix("the ")
    for british, american in _SPELLINGS:
        key = key.replace(british, american)
    return key


def _place_and_organization_names(docs: list[list[Candidate]]) -> dict[str, str]:
    """Canonical name for every organisation and place name of the story: spelling variants
    take the most frequent form, and a shorter organisation name that ends exactly one longer
    one ("Harbour Authority", "Port Halvard Harbour Authority") takes the longer one."""
    counts: dict[str, dict[str, int]] = {}
    kinds: dict[str, str] = {}
    for candidates in docs:
        for c in candidates:
            if c.type in (ORGANIZATION, PLACE):
                name = c.canonical or c.surface
                key = _variant_key(name)
                counts.setdefault(key, {}).setdefault(name, 0)
                counts[key][name] += 1
                kinds[key] = c.type
    display = {key: max(forms, key=forms.__getitem__) for key, forms in counts.items()}
    ending: dict[str, list[str]] = {}  # "harbor authority" -> ["port halvard harbor authority"]
    for key, kind in kinds.items():
        if kind == ORGANIZATION:
            words = key.split(" ")
            for m in range(1, len(words) - 1):
                ending.setdefault(" ".join(words[m:]), []).append(key)
    names: dict[str, str] = {}
    for key, forms in counts.items():
        target = key
        if kinds[key] == ORGANIZATION and " " in key:
            longer = ending.get(key, ())
            target = longer[0] if len(longer) == 1 else key
        for name in forms:
            names[name] = display[target]
    return names


_SPELLINGS = (("harbour", "harbor"), ("defence", "defense"), ("centre", "center"), ("organisation", "organization"))


def _index(docs: list[list[Candidate]], owner: dict[tuple[int, int], _Person], with_entities: bool) -> EntityIndex:
    entities: dict[tuple[str, str], Entity] = {}
    places = _place_and_organization_names(docs)
    aliases: dict[tuple[str, str], dict[str, None]] = {}
    titles: dict[tuple[str, str], dict[str, None]] = {}
    names = {id(p): p.canonical for p in {id(p): p for p in owner.values()}.values()}
    owners: dict[int, dict[int, _Person]] = {}
    for (d, i), person in owner.items():
        owners.setdefault(d, {})[i] = person
    mentions: list[list[Mention]] = []
    for d, candidates in enumerate(docs):
        resolved: list[Mention] = []
        doc_owner = owners.get(d, {})
        for i, c in enumerate(candidates):
            person = doc_owner.get(i)
            if person is not None:
                key = (names[id(person)], PERSON)
            elif c.type in (ORGANIZATION, PLACE):
                key = (places[c.canonical or c.surface], c.type)
            elif c.type == ROLE:
                key = (c.canonical or c.surface, c.type)
            else:
                continue
            if with_entities:
                entity = entities.get(key)
                if entity is None:
                    entity = entities[key] = Entity(name=key[0], type=key[1])
                    aliases[key], titles[key] = {}, {}
                entity.mentions += 1
                aliases[key][c.surface] = None
                if c.title:
                    titles[key][c.title] = None
                if c.type == ROLE and person is not None:
                    titles[key][c.surface] = None
            resolved.append(Mention(c.start, c.end, key[0], c.type if c.type == ROLE else key[1], c.title))
        mentions.append(resolved)
    for key, entity in entities.items():
        entity.aliases = list(aliases[key])
        entity.titles = list(titles[key])
    return EntityIndex(entities=list(entities.values()), mentions=mentions)
