"""What an article says about where its words came from: credits, relays and its own voice.

A *credit* names who produced the copy ("a copy of which was seen by AFP", "AFP could hear",
"PORT HALVARD (MP) —", a byline "Meridian Press"); a *relay* names who reported a claim first
("according to Haaretz", "Reuters reported", "NPR reporter Jane Arraf said", "told the
Washington Post"). An article written in the first person, with rhetorical questions, or built
from relays and an "Update" on top, is an opinion or aggregation piece: it passes on others'
reporting and adds no source of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crosscheck.crosssource.outlets import bare, canonical, is_outlet, media_title_outlet
from crosscheck.crosssource.speakers import Said
from crosscheck.crosssource.story import Story
from crosscheck.crosssource.updates import UPDATE_MARK
from crosscheck.model import Span

NEWS, OPINION, AGGREGATION = "news", "opinion", "aggregation"

_NAME = r"(?P<name>[A-Z][\w&-]*(?: (?:[A-Z][\w&-]*|\d+))*)"
_CREDITS = (
    re.compile(
        rf"\b(?:seen|obtained|reviewed|authenticated|verified|examined)(?:\s+and\s+\w+)?\s+by\s+(?:the\s+)?{_NAME}(?=[\s,.;:)]|$)"
    ),
    re.compile(
        rf"(?<![\w-]){_NAME}(?:\s+(?:reporters?|journalists?|correspondents?|photographers?|staff))?"
        r"\s+(?:could|can|were\s+able\s+to)\s+(?:hear|see)\b"
    ),
    re.compile(rf"\(\s*{_NAME}\s*\)\s*[—–-]"),
)
_GENERIC = frozenset("reporters reporter journalists correspondents witnesses residents officials we they it".split())
_RELAYS = (
    re.compile(rf"\b(?:according\s+to|reported\s+by|cited\s+by|told)\s+(?:the\s+)?{_NAME}(?=[\s,.;:'’]|$)"),
    re.compile(rf"(?<![\w-]){_NAME}\s+(?:reported|was\s+reporting|has\s+reported|reports|noted)\b"),
    re.compile(rf"(?<![\w-]){_NAME}(?:['’]s)?\s+(?:reporter|correspondent|journalist|anchor|host|editor)\s+[A-Z]"),
)
_FIRST_PERSON = re.compile(r"\b(?:I|[Mm]y|me|[Ww]e|[Oo]urs?)\b|\bus\b")
_FIRST_HAND = re.compile(
    r"\b(?:asked|interviewed|spoke\s+(?:to|with)|has\s+(?:seen|reviewed|obtained|learned)|visited)\b", re.I
)
_OPINION_LABEL = re.compile(r"\b(?:opinion|comment|column|editorial|analysis|op-ed)\b", re.I)


@dataclass(frozen=True, slots=True)
class Credit:
    """A credit naming who produced an article's copy: the name as written and the phrase."""

    doc: int
    name: str
    span: Span


def find_credits(story: Story, doc: int) -> list[Credit]:
    """Credit phrases in the text, and the byline when it names an agency or another outlet."""
    text = story.docs[doc].text
    found = []
    for pattern in _CREDITS:
        for match in pattern.finditer(text):
            name = match.group("name")
            if _names_producer(name) and story.quotes[doc].around(match.start("name")) is None:
                found.append(Credit(doc, name, Span(match.start(), match.end())))
    article = story.docs[doc].article
    byline = article.byline if article is not None else None
    foreign = byline and bare(byline) != bare(story.outlet(doc)) and not byline.lower().endswith("staff")
    if foreign and is_outlet(byline):
        found.append(Credit(doc, byline, Span(0, 0)))
    return sorted(found, key=lambda c: c.span.start)


def agency_name(name: str, candidates: list[str]) -> str:
    """The full name of a credited agency: the gazetteer's ("AFP" -> "Agence France-Presse"),
    else a longer name in the story that the acronym abbreviates ("MP" -> "Meridian Press")."""
    known = canonical(name)
    if known != bare(name) or not name.isupper():
        return known
    for candidate in candidates:
        words = [w for w in bare(candidate).split() if w[:1].isupper()]
        if len(words) > 1 and "".join(w[0] for w in words) == name:
            return bare(candidate)
    return name


def written_name(name: str, full: str, story: Story) -> str:
    """How the story names an agency: its full name when an article writes it out (in its text,
    byline or outlet: "Meridian Press"), else the name as the articles credit it ("AFP")."""
    if full == bare(name):
        return full
    pattern = re.compile(rf"\b{re.escape(full)}\b")
    for doc in story.docs:
        article = doc.article
        extra = [article.byline or "", article.outlet or ""] if article is not None else []
        if any(pattern.search(text) for text in (doc.text, *extra)):
            return full
    return bare(name)


def sentence_relays(story: Story, doc: int, said: list[Said], outlets: frozenset[str]) -> dict[int, str]:
    """Sentence start -> the outlet a sentence's claim was relayed from, for sentences that
    name one ("according to Haaretz", "Reuters reported", via a journalist's outlet)."""
    own = bare(story.outlet(doc)).lower()
    relays: dict[int, str] = {}
    for sentence in story.docs[doc].sentences:
        name = _relay_in(story, doc, sentence, said, outlets)
        if name and bare(name).lower() != own:
            relays[sentence.start] = bare(name)
    for statement in said:
        if statement.via and bare(statement.via).lower() != own:
            for sentence in story.docs[doc].sentences:
                if sentence.start < statement.content.end and statement.content.start < sentence.end:
                    relays.setdefault(sentence.start, bare(statement.via))
    return relays


def _relay_in(story: Story, doc: int, sentence: Span, said: list[Said], outlets: frozenset[str]) -> str | None:
    text = story.docs[doc].text
    quotes = story.quotes[doc]
    for pattern in _RELAYS:
        for match in pattern.finditer(text, sentence.start, sentence.end):
            name = match.group("name")
            if quotes.around(match.start()) is None and is_outlet(name, outlets):
                return name
    for pattern in _CREDITS[:1]:
        for match in pattern.finditer(text, sentence.start, sentence.end):
            if is_outlet(match.group("name"), outlets) and quotes.around(match.start()) is None:
                return match.group("name")
    for statement in said:
        cue = statement.cue
        in_sentence = cue is not None and sentence.start <= cue.start < sentence.end
        if in_sentence and not statement.person and is_outlet(statement.speaker, outlets):
            return statement.speaker
    for mention in story.mentions(doc):
        if sentence.start <= mention.start < sentence.end and quotes.around(mention.start) is None:
            outlet = media_title_outlet(mention.title, outlets)
            if outlet:
                return outlet
    return None


def credit_only(story: Story, doc: int, sentence: Span, name: str) -> bool:
    """The sentence names ``name`` only as a credit ("a copy of which was seen by AP"), not as
    the source of what it says ("according to AP", "AP reported")."""
    text = story.docs[doc].text
    for pattern in _RELAYS:
        for match in pattern.finditer(text, sentence.start, sentence.end):
            if bare(match.group("name")).lower() == bare(name).lower():
                return False
    return any(
        bare(m.group("name")).lower() == bare(name).lower()
        for m in _CREDITS[0].finditer(text, sentence.start, sentence.end)
    )


def first_hand(story: Story, doc: int, sentence: Span) -> bool:
    """The article's own reporting: "told the Herald", "The Beacon asked", "I spoke to"."""
    text = sentence.of(story.docs[doc].text)
    if story.outlet(doc) != story.id(doc):
        own = bare(story.outlet(doc))
        names = "|".join(re.escape(n) for n in {own, own.split()[-1]})
        if re.search(rf"\btold\s+(?:the\s+)?(?:{names})\b", text):
            return True
        if re.search(rf"\b(?:{names})\b", text) and _FIRST_HAND.search(text):
            return True
    return bool(re.search(r"\bI\s+(?:asked|spoke|interviewed|visited|saw|watched)\b|\btold\s+(?:me|us)\b", text))


def article_kind(story: Story, doc: int, relays: dict[int, str]) -> str:
    """news, opinion (first person and rhetorical questions, or labelled so) or aggregation
    (an update over an earlier story, or several relays with no voice of its own)."""
    article = story.docs[doc].article
    text = story.docs[doc].text
    quotes = story.quotes[doc]
    first_person = questions = 0
    for sentence in story.docs[doc].sentences:
        narration = _FIRST_PERSON.finditer(text, sentence.start, sentence.end)
        first_person += any(quotes.around(m.start()) is None for m in narration)
        end = sentence.end - 1
        while end > sentence.start and text[end] in " \"'”’)":
            end -= 1
        questions += text[end] == "?" and quotes.around(end) is None
    updated = any(UPDATE_MARK.match(p.of(text)) for p in story.paragraphs[doc])
    updated = updated or (article is not None and (article.kicker or "").strip().lower() == "update")
    if (first_person and questions) or (article is not None and _OPINION_LABEL.search(article.kicker or "")):
        return OPINION
    if (updated and relays) or len(relays) >= 3 or (len(relays) >= 2 and (first_person or questions or updated)):
        return AGGREGATION
    return NEWS


def _names_producer(name: str) -> bool:
    """"AFP", "Meridian Press", not "Reporters" or "Monday"."""
    first = name.split()[0].lower()
    return first not in _GENERIC and (name.isupper() or is_outlet(name) or len(name.split()) > 1)
