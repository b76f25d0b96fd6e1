"""Titles and roles around names: the title written before a name ("Iraqi premier Adel
Abdel Mahdi"), definite role mentions ("the defense secretary"), and a role set off by commas
beside a name ("Mark Milley, the chairman, said"), which is that person's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from crosscheck.language import gazetteer
from crosscheck.language.aliases import PERSON, ROLE, UNKNOWN, Candidate
from crosscheck.language.patterns import alternation
from crosscheck.language.runs import STOPWORDS, abbreviation, glued, is_title_word
from crosscheck.language.titles import MODIFIERS, ROLE_HEADS, role_head, title_keys

# A character that is neither part of a word ("U.S.", "AT&T", "al-Sadr") nor a space; the last
# one before a name is found by searching the reversed window, which stops at the first one
# (a search for "break, then no break up to the end" retries at every break).
_BREAK = re.compile(r"[^\w.'’&\- \t\xa0]")
# "the (up to three modifiers) office (of Name)", not followed by a name. The match opens at
# the "h" of "the"/"The": a literal prefix, which ``re`` finds far more seldom than a "t".
_ROLE = re.compile(
    r"he(?<=[tT]he)\s+(?P<role>(?:(?:[A-Z][\w.’'-]*|"
    + alternation([re.escape(m) for m in MODIFIERS])
    + r")\s+){0,3}"
    + alternation([r"prime\s+minister", "premier", r"vice\s+president", *ROLE_HEADS, "spokesman", "spokeswoman", "chief"], either_case=True)
    + r"(?:\s+of\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*){0,5})?)"
    r"(?![\w-])(?!\s+[A-Z][a-z]|\s+[A-Z]\.)"
)

_NEXT_LOWER_WORD = re.compile(r"\s+([a-z][\w-]*)")
_APPOSITION_AFTER = re.compile(r",\s+(?:[\w.]+\s+){0,3}")  # "the chairman, General Mark Milley"
_APPOSITION_BEFORE = re.compile(r",\s+[Tt]he\s+")  # "Mark Milley, the chairman"
_TITLE_GAP = re.compile(r"\.?[ \t]{1,3}")  # "the chairman Gen. Mark Milley": the role ends his title


def title_before(text: str, start: int) -> str | None:
    """The title written just before a name: "Iraqi premier", "US Marine Corps Brigadier General"."""
    if text[start - 1 : start] not in (" ", "\xa0", "\t"):
        return None
    before = text[max(0, start - 40) : start].rsplit(None, 1)
    if not before or not _titleish(before[-1]):
        return None
    taken: list[str] = []
    for word in _words_before(text, start):
        if word.endswith(".") and not abbreviation(word):
            break
        bare = word[:-2] if word.endswith(("'s", "’s")) else word
        if is_title_word(bare) or bare in gazetteer.ORG_SUFFIXES or gazetteer.lookup(bare):
            taken.append(word)
        elif word in ("of", "the") and taken:
            taken.append(word)
        elif bare[:1].isupper() and taken and taken[-1] in ("of", "the") and bare not in STOPWORDS:
            taken.append(word)
        else:
            break
    taken.reverse()
    while taken and not (is_title_word(taken[0]) or taken[0][:1].isupper()):
        taken.pop(0)
    if not any(is_title_word(w, heads_only=True) for w in taken):
        return None
    return " ".join(taken)


@lru_cache(maxsize=65536)
def _titleish(word: str) -> bool:
    """Whether a word can end a title: a title word, an organisation word or a known name."""
    bare = word[:-2] if word.endswith(("'s", "’s")) else word
    cut = 0 if bare.istitle() or bare.islower() else glued(bare)
    bare = bare[cut:]
    return is_title_word(bare) or bare in gazetteer.ORG_SUFFIXES or gazetteer.lookup(bare) is not None


def _words_before(text: str, start: int) -> Iterator[str]:
    """Words before ``start`` (at most 120 characters back), nearest first, up to a punctuation
    mark or a line break; glued words come apart ("StaffArmy" gives "Army", then "Staff")."""
    window = text[max(0, start - 120) : start]
    stop = _BREAK.search(window[::-1])
    for word in reversed((window[len(window) - stop.start() :] if stop else window).split()):
        cut = 0 if word.istitle() or word.islower() else glued(word)
        if cut:
            yield word[cut:]
            yield word[:cut]
        else:
            yield word


def find_roles(text: str) -> list[Candidate]:
    """Definite role mentions not followed by a name: "the defense secretary", "the Iraqi premier"."""
    found = []
    for match in _ROLE.finditer(text):
        start = match.start() - 1  # the "t" of "the"
        if text[start - 1 : start].isalnum():
            continue
        surface = match.group("role")
        keys, _ = title_keys(surface)
        after = _NEXT_LOWER_WORD.match(text, match.end())
        if after and is_title_word(after.group(1), heads_only=True):
            continue  # "the chief engineer"
        if keys and role_head(keys[-1]) in ROLE_HEADS | {"minister", "chief", "spokesperson"}:
            found.append(Candidate(match.start("role"), match.end("role"), surface, ROLE, keys[-1], title=surface))
    return found


def link_appositions(text: str, found: list[Candidate]) -> None:
    """A role next to a name, set off by commas, is that person's: "Mark Milley, the chairman"
    or "the chairman, General Mark Milley,"; so is one running into a titled name with no comma
    ("Ana Reyes, the Chairman of the Joint Chiefs Gen. Mark Milley": his title, not her apposition)."""
    for i, c in enumerate(found):
        if c.type != ROLE or text.startswith(("'s", "’s"), c.end):
            continue  # "Ana Reyes-Molina, the mayor's sister": the mayor is someone else
        after = next((j for j in range(i + 1, len(found)) if found[j].start >= c.end), None)
        person_after = after is not None and found[after].type == PERSON
        if person_after and found[after].title and _TITLE_GAP.fullmatch(text, c.end, found[after].start):
            c.link = after
        elif after is not None and _named(found[after]) and _APPOSITION_AFTER.fullmatch(text, c.end, found[after].start):
            c.link = after
        elif i and _named(found[i - 1]) and _APPOSITION_BEFORE.fullmatch(text, found[i - 1].end, c.start):
            c.link = i - 1
        if c.link is not None:
            found[c.link].speech = True  # "Reyes, the mayor,": an office makes the name a person's


def _named(candidate: Candidate) -> bool:
    """A person, or a name nothing has typed yet ("Reyes" in "Reyes, the mayor,")."""
    return candidate.type in (PERSON, UNKNOWN)
