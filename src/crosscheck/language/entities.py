"""People, organisations and places mentioned in a text, with the titles people carry.

Rules, not a model: ``runs`` cuts runs of capitalised words into gazetteer names,
organisations, places, titles and personal names; a name is a person when a title, a known
given name, an Arabic name particle or a speech verb ("Arraf said") says so, or when it is the
surname of a person named elsewhere in the story. ``roles`` adds "the defense secretary" and
appositions, and ``aliases`` resolves everything to one entity per story.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from crosscheck.language import gazetteer
from crosscheck.language.aliases import ORGANIZATION, PERSON, PLACE, ROLE, UNKNOWN, Candidate, EntityIndex, resolve
from crosscheck.language.names import GIVEN_NAMES
from crosscheck.language.roles import find_roles, link_appositions, title_before
from crosscheck.language.runs import NAME, capitalised_runs, is_name_word, pieces
from crosscheck.model import Mention

_SPEECH_AFTER = re.compile(
    r"\s+(?:said|says|told|added|wrote|asked|explained|noted|argued|insisted|warned|tweeted|"
    r"stated|claimed|replied|continued|testified|acknowledged|admitted|emphasized|stressed)\b"
)

_SPEECH_BEFORE = frozenset("said says added wrote asked to".split())
_INSTITUTION = re.compile(r"(?:['’]s)?\s+(" + "|".join(sorted(gazetteer.INSTITUTIONS)) + r")\b", re.I)
_NUMBER_AFTER = re.compile(r"\s\d")


def find_mentions(text: str) -> list[Mention]:
    """People, organisations, places and roles of one text, resolved within it: "Esper" after
    "Defense Secretary Mark Esper" has entity "Mark Esper"."""
    return resolve([candidates(text)], entities=False).mentions[0]


def resolve_entities(docs: Sequence[str] | Sequence[Sequence[Mention]], texts: Sequence[str] | None = None) -> EntityIndex:
    """One canonical entity per person, organisation and place across the documents of a story.

    ``docs`` are texts, or mention lists from ``find_mentions`` (then ``texts``, when given,
    supply the surface forms; without them the aliases are the per-document names)."""
    lists: list[list[Candidate]] = []
    for i, doc in enumerate(docs):
        if isinstance(doc, str):
            lists.append(candidates(doc))
        else:
            text = texts[i] if texts is not None else None
            lists.append([_from_mention(m, text) for m in doc])
    return resolve(lists)


def candidates(text: str) -> list[Candidate]:
    """Every mention candidate of a text, in order, before resolution."""
    found: list[Candidate] = []
    for run in capitalised_runs(text):
        for kind, i, j, canonical in pieces(run, text):
            start, end = run[i][0], run[j - 1][1]
            if kind == PLACE:
                found.append(_place_or_institution(text, start, end, canonical))
            elif kind == ORGANIZATION:
                surface = text[start:end]
                found.append(Candidate(start, end, surface, ORGANIZATION, _qualified(found, text, start, end, canonical or surface)))
            elif kind == NAME:
                names = [t[2] for t in run[i:j]]
                if not _looks_like_name(names):
                    continue
                title = title_before(text, start)
                surface = text[start:end]
                if title or (len(names) > 1 and (names[0] in GIVEN_NAMES or _has_particle(names))):
                    found.append(Candidate(start, end, surface, PERSON, title=title))
                elif len(names) > 1 or not _sentence_initial(text, start):
                    found.append(Candidate(start, end, surface, UNKNOWN, speech=_speech(text, start, end)))
                elif not _used_in_lower_case(names[0], text):
                    found.append(Candidate(start, end, surface, UNKNOWN, speech=_speech(text, start, end)))
    found.extend(find_roles(text))
    found.sort(key=lambda c: (c.start, -c.end))
    kept = _without_overlaps(found)
    link_appositions(text, kept)
    return kept


def _speech(text: str, start: int, end: int) -> bool:
    """A speech verb next to a name: "Arraf said", "said Arraf", "according to Arraf"; never
    for a name after "the" ("The Beacon asked") or before a number ("Harbour 7's")."""
    if text[max(0, start - 4) : start].lower() == "the " or _NUMBER_AFTER.match(text, end):
        return False
    if _SPEECH_AFTER.match(text, end):
        return True
    before = text[max(0, start - 16) : start].lower().split()
    return bool(before) and before[-1] in _SPEECH_BEFORE and (before[-1] != "to" or before[-2:-1] == ["according"])


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" \t\xa0\"'“‘(")
    return not before or before[-1] in ".!?:;\n—–-"


_WORD_ENDS = frozenset(",.;:?!)”\"")


def _used_in_lower_case(word: str, text: str) -> bool:
    """A capitalised word the text also writes in lower case is a common word ("Officials"):
    a white-space separated word of ``text`` that is ``word`` in lower case, maybe followed by
    one punctuation mark. Found with ``str.find``: a few look-ups per text do not pay for
    splitting the whole text into a set of words."""
    lower = word.lower()
    size, length = len(lower), len(text)
    at = text.find(lower)
    while at >= 0:
        end = at + size
        if (at == 0 or text[at - 1].isspace()) and (
            end == length
            or text[end].isspace()
            or (text[end] in _WORD_ENDS and (end + 1 == length or text[end + 1].isspace()))
        ):
            return True
        at = text.find(lower, at + 1)
    return False


def _looks_like_name(words: list[str]) -> bool:
    if len(words) == 1:
        return _name_word(words[0])
    return len(words) <= 4 and all(_name_word(w) for w in words)


@lru_cache(maxsize=65536)
def _name_word(word: str) -> bool:
    return is_name_word(word) or word.startswith(("al-", "el-"))


def _has_particle(words: list[str]) -> bool:
    return any(w.lower() in ("abu", "abdel", "abdul", "bin", "ibn") or w.startswith(("al-", "el-")) for w in words)


def _qualified(found: list[Candidate], text: str, start: int, end: int, name: str) -> str:
    """"Iraq's Ministry of Defense" is the Iraqi one: a country's possessive qualifies a name
    the gazetteer does not know."""
    before = found[-1] if found else None
    if (
        before is None
        or before.type != PLACE
        or not gazetteer.is_country(before.canonical or "")
        or text[before.end : start] not in ("'s ", "’s ")
        or gazetteer.lookup(text[start:end]) is not None
    ):
        return name
    return f"{gazetteer.adjective(before.canonical or '')} {name}"


def _place_or_institution(text: str, start: int, end: int, country: str | None) -> Candidate:
    """A place, or with a following institution noun an organisation: "Iraq's parliament"."""
    if country and gazetteer.is_country(country):
        match = _INSTITUTION.match(text, end)
        if match:
            name = f"{gazetteer.adjective(country)} {match.group(1).title()}"
            return Candidate(start, match.end(), text[start : match.end()], ORGANIZATION, name)
    return Candidate(start, end, text[start:end], PLACE, country)


def _without_overlaps(found: list[Candidate]) -> list[Candidate]:
    """Drop a candidate overlapping an earlier one, except places and organisations named
    inside a role ("the commander of Task Force Iraq")."""
    kept: list[Candidate] = []
    end = role_end = -1
    for c in found:
        if c.start >= end:
            kept.append(c)
            end = c.end
            role_end = c.end if c.type == ROLE else -1
        elif c.end <= role_end and c.type in (PLACE, ORGANIZATION):
            kept.append(c)
    return kept


def _from_mention(mention: Mention, text: str | None) -> Candidate:
    """A candidate again from a resolved mention: its text when known, else what it resolved to."""
    if text is not None:
        surface = text[mention.start : mention.end]
    else:
        surface = mention.title if mention.type == ROLE and mention.title else mention.entity
    canonical = None if mention.type in (PERSON, ROLE) else mention.entity
    return Candidate(mention.start, mention.end, surface, mention.type, canonical, title=mention.title)
