"""Which names are news outlets: the story's own outlets, known agencies and papers, and names
that read like one ("The Coastal Ledger", "Harbour 7's Lena Marsh", "NPR reporter Jane Arraf").

A claim that reaches an article through an outlet ("according to Haaretz", "Reuters reported")
counts for that outlet, so telling outlets from ministries and armies matters.
"""

from __future__ import annotations

import re

from crosscheck.language import gazetteer
from crosscheck.language.attributions.lexicon import OUTLET_WORDS, OUTLETS

def bare(name: str) -> str:
    """A name without a leading "The" and surrounding space, for comparing outlet names."""
    name = name.strip()
    return name[4:] if name.lower().startswith("the ") else name


# News outlets the attribution lexicon does not list, as the gazetteer names them.
_MORE_OUTLETS = (
    "Haaretz", "The Times of Israel", "The Jerusalem Post", "Al Arabiya", "Sky News", "CNBC", "The Economist",
    "The Independent", "The Daily Beast", "HuffPost", "Vox", "Newsweek", "Time magazine", "The Atlantic",
    "National Review", "Yahoo News", "Kyodo", "Yonhap", "Anadolu Agency", "Deutsche Welle", "France 24",
    "Der Spiegel", "Le Monde", "El País", "RIA Novosti", "The Daily Telegraph", "New York Post", "PJ Media",
    "The Boston Globe", "Chicago Tribune", "The New York Times", "The Washington Post", "The Wall Street Journal",
)
_KNOWN = frozenset(bare(name).lower() for name in (*OUTLETS, *_MORE_OUTLETS))
_ENDINGS = frozenset(
    word.lower()
    for word in (*OUTLET_WORDS, "Ledger", "Globe", "Mirror", "Mail", "Express", "Standard", "Monitor", "Bulletin")
)
_MEDIA_ROLES = re.compile(r"\b(?:reporter|correspondent|journalist|anchor|host|editor|columnist|producer)s?\b", re.I)
_POSSESSIVE = re.compile(r"^(?:the\s+)?([A-Z][\w&.-]*(?:\s+(?:[A-Z][\w&.-]*|\d+))*)['’]s\s+[A-Z]")


def canonical(name: str) -> str:
    """The gazetteer's name for a known organisation ("AFP" -> "Agence France-Presse"), else
    the name without a leading "the"."""
    known = gazetteer.lookup(bare(name))
    return known[0] if known is not None else bare(name)


def is_outlet(name: str | None, story_outlets: frozenset[str] = frozenset()) -> bool:
    """A known news outlet, one of the story's outlets (``story_outlets`` lower-cased, bare),
    or a capitalised name ending in a newspaper word ("Times", "Herald", "Ledger")."""
    if not name:
        return False
    plain = bare(name)
    lower = plain.lower()
    if lower in _KNOWN or lower in story_outlets or canonical(plain).lower() in _KNOWN:
        return True
    words = plain.split()
    return bool(words) and words[0][:1].isupper() and len(words) > 1 and words[-1].lower() in _ENDINGS


def possessive_outlet(phrase: str) -> str | None:
    """"Harbour 7's Lena Marsh" -> "Harbour 7": a name that owns a named person is an outlet
    when it is quoted as a relay ("according to ...")."""
    match = _POSSESSIVE.match(phrase.strip())
    return match.group(1) if match else None


def media_title_outlet(title: str | None, story_outlets: frozenset[str] = frozenset()) -> str | None:
    """"NPR reporter" -> "NPR": the outlet a journalist's title names."""
    if not title or not _MEDIA_ROLES.search(title):
        return None
    name = _MEDIA_ROLES.split(title)[0].strip(" ,'’s")
    return name if is_outlet(name, story_outlets) else None
