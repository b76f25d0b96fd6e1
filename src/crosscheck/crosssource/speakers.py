"""Who said each thing, as one name per person across the whole story.

The language layer resolves speakers within one article; here its attributions get the
story's entity names ("Harbour Commissioner Ana Reyes" and "Reyes" are both "Ana Reyes"), a
pronoun goes to the last person named before it in its paragraph, a document that "said"
something ("the notice said") to the person who wrote or sent it (only a verb of saying does
that: "it wasn't signed" has no speaker), and a journalist or outlet the words came through is
kept as ``via``. A speaker that names no person must read as one ("a city official"), not as
a piece of a clause the language layer took for one ("written a letter to the ministry").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from crosscheck.crosssource.outlets import bare, is_outlet, media_title_outlet, possessive_outlet
from crosscheck.crosssource.story import Story
from crosscheck.language.aliases import PERSON
from crosscheck.language.attributions.lexicon import VERBS
from crosscheck.model import Attribution, Mention, Span

PRONOUNS = frozenset("he she they him her his it".split())
DOCUMENTS = frozenset("letter notice memo memorandum statement note email document directive draft order".split())
_NOUNS = "|".join(sorted(DOCUMENTS))
_DOCUMENT = re.compile(rf"\b({_NOUNS})s?\b", re.I)
_DOCUMENT_SOURCE = re.compile(rf"^(?:(?:the|a|an|this|that|his|her|its)\s+)?(?:[\w-]+\s+)?({_NOUNS})\b", re.I)
_WROTE = re.compile(rf"\b(?:sent|wrote|signed|issued|drafted|authored|penned)\s+(?:a|an|the)\s+(?:\w+\s+)?({_NOUNS})\b", re.I)
_FROM = re.compile(rf"\b({_NOUNS})\b[^.;]{{0,60}}?\b(?:from|by)\s", re.I)
_TOLD = re.compile(r"\s+(?:the\s+)?([A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})")


@dataclass(frozen=True, slots=True)
class Said:
    """An attribution with its speaker resolved for the story.

    ``speaker`` is a person's shown name when ``person`` is true, else the description the
    article gives ("a city official", "the Pentagon"), or None when none is stated.
    """

    content: Span
    cue: Span | None
    source: Span | None
    speaker: str | None
    person: bool
    via: str | None


def resolve_speakers(story: Story) -> list[list[Said]]:
    """Each document's attributions with story-level speakers, in text order."""
    outlets = story_outlets(story)
    authors = document_authors(story)
    resolved = []
    for doc in range(len(story.docs)):
        resolved.append([_resolve(story, doc, a, authors, outlets) for a in story.docs[doc].attributions])
    return resolved


def story_outlets(story: Story) -> frozenset[str]:
    """The outlets of the story's own articles, bare and lower-cased."""
    return frozenset(bare(d.article.outlet).lower() for d in story.docs if d.article is not None and d.article.outlet)


def said_at(statements: list[Said], start: int, end: int) -> Said | None:
    """The attribution for ``[start, end)``: of those whose content covers most of it, the one
    whose cue is nearest (the "he said" next to a quote), a speaker before a relay ("Reyes
    said: ..." before "according to Harbour 7's Lena Marsh"); else the one overlapping most."""
    best, best_key = None, None
    for said in statements:
        overlap = min(said.content.end, end) - max(said.content.start, start)
        if overlap <= 0:
            continue
        covers = overlap >= 0.5 * (end - start)
        distance = max(said.cue.start - end, start - said.cue.end, 0) if said.cue is not None else end - start
        key = (covers, said.via is None, -distance if covers else overlap)
        if best_key is None or key > best_key:
            best, best_key = said, key
    return best


def person_before(story: Story, doc: int, offset: int, *, previous: bool = True) -> str | None:
    """The last person named before ``offset`` in its paragraph (else, with ``previous``, in
    the one before), outside quotation marks."""
    index = story.paragraph_index(doc, offset)
    if index is None:
        return None
    quotes = story.quotes[doc]
    for floor in [story.paragraphs[doc][i].start for i in (index, index - 1) if i >= 0 and (previous or i == index)]:
        last = None
        for mention in story.mentions(doc):
            if mention.start >= offset:
                break
            if mention.start >= floor and _is_person(story, mention) and quotes.around(mention.start) is None:
                last = mention
        if last is not None:
            return story.name(last.entity)
    return None


def document_authors(story: Story) -> list[dict[str, str]]:
    """Per document, who wrote or sent each kind of document it mentions ("notice" -> the
    chief engineer); a document an article does not attribute gets the story's usual author."""
    found: list[dict[str, str]] = []
    votes: dict[str, Counter[str]] = {}
    for doc in range(len(story.docs)):
        authors: dict[str, str] = {}
        text = story.docs[doc].text
        people = [m for m in story.mentions(doc) if _is_person(story, m)]
        for match in _WROTE.finditer(text):
            before = [m for m in people if match.start() - 3 <= m.end <= match.start()]
            if before:
                authors.setdefault(match.group(1).lower(), story.name(before[-1].entity))
        for match in _FROM.finditer(text):
            after = [m for m in people if match.end() <= m.start <= match.end() + 80]
            if after:
                authors.setdefault(match.group(1).lower(), story.name(after[0].entity))
        for noun, person in authors.items():
            votes.setdefault(noun, Counter())[person] += 1
        found.append(authors)
    usual = {noun: counts.most_common(1)[0][0] for noun, counts in votes.items()}
    return [{**usual, **authors} for authors in found]


def _resolve(
    story: Story, doc: int, attribution: Attribution, authors: list[dict[str, str]], outlets: frozenset[str]
) -> Said:
    text = story.docs[doc].text
    source = attribution.source
    source_text = source.of(text) if source is not None else ""
    words = source_text.lower().split()
    cue = attribution.cue
    cue_text = cue.of(text) if cue is not None else ""
    speaker, person = attribution.speaker, False
    via = attribution.via or (possessive_outlet(source_text) if source is not None else None)
    named = _person_in(story, doc, source) if source is not None else None
    if named is not None:
        speaker, person = story.name(named.entity), True
        via = via or media_title_outlet(_title_of(story, named), outlets)
    elif words and words[0] in PRONOUNS and len(words) == 1 and words[0] != "it":
        found = person_before(story, doc, source.start) if source is not None else None
        speaker, person = (found, True) if found else _by_name(story, attribution.speaker)
    elif source is not None and (_DOCUMENT_SOURCE.match(source_text) or words == ["it"]):
        noun = _DOCUMENT_SOURCE.match(source_text) or _last_document(text, source.start)
        speaks = _document_speaks(cue_text)
        author = authors[doc].get(noun.group(1).lower()) if noun is not None and speaks else None
        speaker, person = (author, True) if author else _by_name(story, attribution.speaker)
    else:
        speaker, person = _by_name(story, attribution.speaker)
    if not person and source is not None and not _describes_speaker(source_text, cue_text):
        speaker = None
    told = _TOLD.match(text, cue.end) if cue is not None and cue_text.lower() == "told" else None
    if told and is_outlet(told.group(1), outlets) and bare(told.group(1)).lower() != bare(story.outlet(doc)).lower():
        via = via or bare(told.group(1))  # "told the Washington Post"
    if via and bare(via).lower() == bare(story.outlet(doc)).lower():
        via = None
    return Said(attribution.content, attribution.cue, source, speaker, person, via)


def _document_speaks(cue: str) -> bool:
    """Whether a document is the one speaking ("the letter said", "the notice reads"): only a
    verb of saying makes its author the speaker, not what was done to it ("it wasn't signed")."""
    if cue.lower().startswith("according"):
        return True  # "according to a notice"
    last = cue.lower().split()[-1:] or [""]
    entry = VERBS.get(last[0])
    return entry is not None and entry.lemma in _DOCUMENT_VERBS


def _describes_speaker(source: str, cue: str) -> bool:
    """Whether a speaker that names no person is one ("a city official", "the Pentagon"):
    a noun phrase before a verb of saying, not a pronoun, a prepositional phrase or a piece of
    a clause the language layer took for one ("written a letter to the ministry", "by AFP")."""
    words = source.split()
    if not words or not _saying_cue(cue):
        return False
    first, last = words[0].lower().strip(",.;:"), words[-1].lower().strip(",.;:")
    if first in _NOT_SPEAKER or last in _DANGLING or len(words) > 12:
        return False
    head = re.split(r",|\b(?:who|which|that)\b", source, maxsplit=1)[0].split()
    if any(w in VERBS or w in _FINITE for w in head[1:] if w.islower()):
        return False  # "the United States responded with a letter": a clause, not a speaker
    return not words[0][:1].islower() or first in _DETERMINERS or (first not in VERBS and not _PARTICIPLE.search(first))


def _saying_cue(cue: str) -> bool:
    lower = cue.lower()
    if lower.startswith("according"):
        return True
    return any((entry := VERBS.get(w)) is not None and entry.tier <= 2 for w in re.findall(r"[\w’']+", lower))


_DOCUMENT_VERBS = frozenset(
    "say read state stated add note warn announce inform tell order ask request explain promise confirm declare write "
    "instruct direct urge outline reiterate".split()
)
_NOT_SPEAKER = frozenset(
    "it its it's which who whom whose that this these those them they he she him her his by to in of for with from "
    "as on at when where while".split()
)
_FINITE = frozenset("sent was were is are had has have".split())
_PARTICIPLE = re.compile(r"(?:ed|ing|en)$")
_DANGLING = frozenset("to in of for by with from and or the a an that".split())
_DETERMINERS = frozenset(
    "the a an some several many most other both all each every one two three four five six seven eight nine ten "
    "dozens hundreds".split()
)


def _last_document(text: str, offset: int) -> re.Match[str] | None:
    """"It said ...": the document named last in the 200 characters before, if any."""
    found = None
    for found in _DOCUMENT.finditer(text, max(0, offset - 200), offset):
        pass
    return found


def _person_in(story: Story, doc: int, span: Span) -> Mention | None:
    quotes = story.quotes[doc]
    for mention in story.mentions(doc):
        if mention.start >= span.end:
            break
        if mention.start >= span.start and _is_person(story, mention) and quotes.around(mention.start) is None:
            return mention
    return None


def _is_person(story: Story, mention: Mention) -> bool:
    entity = story.entities.get(mention.entity)
    return entity is not None and entity.type == PERSON


def _title_of(story: Story, mention: Mention) -> str | None:
    if mention.title:
        return mention.title
    entity = story.entities.get(mention.entity)
    return next(iter(entity.titles), None) if entity is not None else None


def _by_name(story: Story, speaker: str | None) -> tuple[str | None, bool]:
    """A speaker string the language layer gave, as a person's shown name when it names one."""
    if not speaker:
        return None, False
    lower = speaker.lower()
    best = None
    for entity in story.entities.entities:
        if entity.type != PERSON:
            continue
        for alias in entity.aliases:
            if len(alias) > 3 and alias[0].isupper() and re.search(rf"\b{re.escape(alias.lower())}\b", lower):
                if best is None or len(alias) > best[1]:
                    best = (entity.name, len(alias))
    return (story.name(best[0]), True) if best else (speaker, False)
