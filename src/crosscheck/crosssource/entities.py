"""The story's people, organisations and places, with every name each goes by.

Aliases are the surface forms the language layer resolved, plus the titled forms the articles
print ("Mayor Harold Brennan", "Harbour Commissioner Ana Reyes") and an agency's credit
abbreviation ("MP" for Meridian Press).
"""

from __future__ import annotations

import re

from crosscheck.crosssource.story import Story
from crosscheck.language.aliases import PERSON, ROLE
from crosscheck.model import Mention

_TITLE_WORD = re.compile(r"([A-Z][a-z]+\.?)\s+$")
_NOT_TITLES = frozenset(
    """The A An On In At As By For From Of To And But Or If When While After Before Since
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
    June July August September October November December""".split()
)


def story_entities(story: Story, extra_aliases: dict[str, dict[str, set[int]]] | None = None) -> list[dict]:
    """Each entity the story names, most-mentioned first: shown name, type, aliases, articles.

    ``extra_aliases`` maps a canonical name to more names for it (credit abbreviations), each
    with the documents that use it."""
    extra_aliases = extra_aliases or {}
    found: dict[str, dict] = {}
    for doc in range(len(story.docs)):
        text = story.docs[doc].text
        for mention in story.mentions(doc):
            entity = story.entities.get(mention.entity)
            if entity is None or entity.type == ROLE:
                continue
            entry = found.setdefault(entity.name, {"aliases": {}, "docs": set(), "type": entity.type})
            entry["docs"].add(doc)
            for alias in [text[mention.start : mention.end], _titled(text, mention) if entity.type == PERSON else None]:
                if alias:
                    entry["aliases"][alias] = entry["aliases"].get(alias, 0) + 1
    for entry in found.values():
        _add_descriptions(story, entry)
    for name, aliases in extra_aliases.items():
        if name in found:
            for alias, docs in aliases.items():
                found[name]["aliases"].setdefault(alias, len(docs))
                found[name]["docs"].update(docs)
    ordered = sorted(
        found.items(), key=lambda item: (-len(item[1]["docs"]), -sum(item[1]["aliases"].values()), item[0])
    )
    return [
        {
            "name": story.name(name),
            "type": entry["type"],
            "aliases": sorted(entry["aliases"], key=lambda a: (-entry["aliases"][a], a)),
            "articles": [story.id(d) for d in sorted(entry["docs"])],
        }
        for name, entry in ordered
    ]


def _add_descriptions(story: Story, entry: dict) -> None:
    """Lower-case back-references the articles use for a long name or a two-word title: "the
    harbour authority" for the Port Halvard Harbour Authority, "the harbour commissioner" for
    Harbour Commissioner Ana Reyes."""
    phrases = set()
    for alias in list(entry["aliases"]):
        words = alias.split()
        if entry["type"] == PERSON:
            if len(words) >= 4 and words[0][0].isupper() and words[1][0].isupper():
                phrases.add("the " + " ".join(words[:2]).lower())
        elif len(words) >= 3 and all(w[0].isupper() for w in words[-2:]):
            phrases.add(" ".join(words[-2:]).lower())
    for phrase in phrases:
        pattern = re.compile(rf"\b{re.escape(phrase)}\b")
        for doc in range(len(story.docs)):
            for match in pattern.finditer(story.docs[doc].text):
                surface = match.group()
                entry["aliases"][surface] = entry["aliases"].get(surface, 0) + 1
                entry["docs"].add(doc)


def _starts_sentence(text: str, offset: int) -> bool:
    before = text[max(0, offset - 3) : offset].strip(" \t\"'“‘(")
    return not before or before[-1] in ".!?:;•\n"


def _titled(text: str, mention: Mention) -> str | None:
    """"Harbour Commissioner Ana Reyes": the mention with the title printed before it, up to
    one capitalised word before the title."""
    if not mention.title or mention.title[0].islower():
        return None
    title = mention.title
    before = text[max(0, mention.start - len(title) - 1) : mention.start]
    if before != f"{title} ":
        return None
    start = mention.start - len(title) - 1
    word = _TITLE_WORD.search(text, max(0, start - 20), start)
    if word and word.group(1) not in _NOT_TITLES and not word.group(1).endswith("."):
        if not _starts_sentence(text, word.start()):
            start = word.start()
    return text[start : mention.end]
