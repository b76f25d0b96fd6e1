"""One story's annotated articles with the look-ups every cross-source stage shares.

Entities are resolved once across the whole story (so "Brennan" in one article and "Harold J.
Brennan III" in another are one person), and each entity gets the name most outlets use.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field

from crosscheck.language.attributions.quotes import QuoteIndex, quote_spans
from crosscheck.language.entities import resolve_entities
from crosscheck.language.aliases import PERSON, EntityIndex
from crosscheck.language.sentences import paragraphs
from crosscheck.model import Doc, Mention, Span


@dataclass
class Story:
    """The documents of one story, indexed: quotations, paragraphs, sentences and entities."""

    docs: list[Doc]
    entities: EntityIndex
    names: dict[str, str]
    quotes: list[QuoteIndex]
    paragraphs: list[list[Span]]
    _sentence_starts: list[list[int]] = field(default_factory=list, repr=False)
    _paragraph_starts: list[list[int]] = field(default_factory=list, repr=False)

    @classmethod
    def of(cls, docs: list[Doc]) -> Story:
        index = resolve_entities([d.mentions for d in docs], [d.text for d in docs])
        blocks = [_paragraphs(d) for d in docs]
        return cls(
            docs=docs,
            entities=index,
            names=display_names(index, docs),
            quotes=[QuoteIndex(quote_spans(d.text)) for d in docs],
            paragraphs=blocks,
            _sentence_starts=[[s.start for s in d.sentences] for d in docs],
            _paragraph_starts=[[p.start for p in ps] for ps in blocks],
        )

    def id(self, doc: int) -> str:
        return self.docs[doc].id

    def outlet(self, doc: int) -> str:
        """The outlet's name, or the article id when the input did not give one."""
        article = self.docs[doc].article
        return article.outlet if article is not None and article.outlet else self.docs[doc].id

    def mentions(self, doc: int) -> list[Mention]:
        return self.entities.mentions[doc]

    def name(self, entity: str) -> str:
        """The name shown for a canonical entity name."""
        return self.names.get(entity, entity)

    def sentence_at(self, doc: int, offset: int) -> Span | None:
        sentences = self.docs[doc].sentences
        i = bisect_right(self._sentence_starts[doc], offset) - 1
        return sentences[i] if i >= 0 and offset < sentences[i].end else None

    def sentence_before(self, doc: int, sentence: Span) -> Span | None:
        """The sentence that ends before ``sentence`` starts, if any."""
        i = bisect_right(self._sentence_starts[doc], sentence.start - 1) - 1
        return self.docs[doc].sentences[i] if i >= 0 else None

    def paragraph_index(self, doc: int, offset: int) -> int | None:
        """The index of the paragraph holding ``offset`` (or the last one before it)."""
        i = bisect_right(self._paragraph_starts[doc], offset) - 1
        return i if i >= 0 else None

    def paragraph_at(self, doc: int, offset: int) -> Span | None:
        i = self.paragraph_index(doc, offset)
        return self.paragraphs[doc][i] if i is not None and offset < self.paragraphs[doc][i].end else None

    def evidence(self, doc: int, span: Span) -> dict:
        """A finding's link back to the article: the sentence around ``span`` and its text."""
        sentence = self.sentence_at(doc, span.start) or span
        text = self.docs[doc].text
        return {
            "article": self.id(doc),
            "sentence": [sentence.start, sentence.end],
            "span": [span.start, span.end],
            "text": span.of(text),
        }


def _paragraphs(doc: Doc) -> list[Span]:
    if doc.article is not None and doc.article.paragraphs:
        return list(doc.article.paragraphs)
    return paragraphs(doc.text)


def display_names(index: EntityIndex, docs: list[Doc]) -> dict[str, str]:
    """For each person, the full name most articles use ("Harold Brennan", not the one
    "Harold J. Brennan III"); ties go to the shorter name. Other entities keep theirs."""
    names: dict[str, str] = {}
    per_article: dict[str, Counter[str]] = {}
    for doc, mentions in zip(docs, index.mentions):
        seen = {(m.entity, doc.text[m.start : m.end]) for m in mentions if m.type == PERSON}
        for entity, surface in seen:
            if len(surface.split()) > 1 and surface[0].isupper():
                per_article.setdefault(entity, Counter())[surface] += 1
    for entity, counts in per_article.items():
        names[entity] = min(counts, key=lambda s: (-counts[s], len(s.split()), len(s)))
    return names
