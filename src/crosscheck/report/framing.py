"""How each article frames the story: what kind of piece it is, and where the writer speaks.

Every signal is counted in the writer's own words only (quotations masked out): first person,
rhetorical questions, loaded or evaluative words, "it appears", "if ..., then ...". The kind
follows the article's own label first (kicker, title prefix, URL), then these signals, then
its reliance on other media ("according to Meridian Press", "The Coastal Ledger reported").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from crosscheck.model import Article, Doc
from crosscheck.report.headlines import headline_overclaim
from crosscheck.report.lexicon import (
    ANALYSIS_MARKERS,
    AUTHOR_HEDGE,
    AUTHOR_INFERENCE,
    FIRST_PERSON,
    LOADED_PATTERN,
    MEDIA_WORDS,
    OPINION_MARKERS,
    REPORTED_THAT,
    UPDATE_MARKERS,
    VERDICT,
)
from crosscheck.report.passages import mask_quotes

NEWS, OPINION, ANALYSIS, AGGREGATION = "news", "opinion", "analysis", "aggregation"
FIRST_PERSON_SIGNAL, QUESTION, EVALUATIVE, HEDGE, INFERENCE = (
    "first person", "rhetorical question", "evaluative language", "it appears", "writer's inference",
)
# Share of sentences in the writer's voice above which a piece reads as opinion.
OPINION_SHARE = 0.2
# A question this short is a beat in the writer's rhythm ("A mistake?"), not a question put.
MIN_QUESTION_WORDS = 4
# "we", "our", "us" speak for the writer only in a sentence at least this long.
MIN_PLURAL_WORDS = 6

# A capitalised name on one line: "Meridian Press", "Harbour 7's Lena Marsh", "U.S. News".
_WORD = r"[A-Z0-9](?:[\w&'’-]|\.(?=\w))*"
_NAME = rf"(?:[Tt]he[ \t]+)?{_WORD}(?:[ \t]+(?:of[ \t]+)?{_WORD})*"
_CREDITS = (
    re.compile(rf"\baccording to (?P<name>{_NAME})"),
    re.compile(rf"(?P<name>{_NAME})\s+(?:first\s+|has\s+|had\s+)?reported\b"),
    re.compile(rf"\b(?:reported|first reported|seen) by (?P<name>{_NAME})"),
    re.compile(rf"\bciting (?P<name>{_NAME})"),
)
_LABEL_OPINION = re.compile(r"^\s*(?:opinion|comment|editorial|column)\s*[:|]", re.I)
_LABEL_ANALYSIS = re.compile(r"^\s*(?:analysis|explainer|news analysis)\s*[:|]", re.I)
_PATH_OPINION = re.compile(r"/(?:opinions?|comment(?:isfree)?|editorials?|op-?eds?|columns?|columnists?|letters)/", re.I)
_PATH_ANALYSIS = re.compile(r"/(?:analysis|explainers?|explained)/", re.I)


def opinion_sentences(doc: Doc) -> list[dict[str, Any]]:
    """Sentences where the writer, not a source, speaks: each with its span and signals."""
    own = mask_quotes(doc.text)
    found: list[dict[str, Any]] = []
    for sentence in doc.sentences:
        words = own[sentence.start : sentence.end]
        length = len(words.split())
        signals = [
            name
            for name, hit in (
                (FIRST_PERSON_SIGNAL, _writer_in_first_person(words, length)),
                (QUESTION, words.rstrip().endswith("?") and length >= MIN_QUESTION_WORDS),
                (EVALUATIVE, VERDICT.search(words)),
                (HEDGE, AUTHOR_HEDGE.search(words)),
                (INFERENCE, AUTHOR_INFERENCE.search(words)),
            )
            if hit
        ]
        if signals:
            found.append({"start": sentence.start, "end": sentence.end, "text": sentence.of(doc.text), "signals": signals})
    return found


def _writer_in_first_person(words: str, length: int) -> bool:
    """"I", "my", "me" in the writer's words; "we", "our", "us" only in a sentence of some
    length ("Here is what we know." is a signpost), and neither inside reported speech
    ("Yahoo News reported that ... our intention")."""
    for match in FIRST_PERSON.finditer(words):
        if REPORTED_THAT.search(words, 0, match.start()):
            continue
        if match.group().lower() in ("i", "my", "me", "myself") or length >= MIN_PLURAL_WORDS:
            return True
    return False


def loaded_words(text: str) -> list[dict[str, Any]]:
    """Loaded or evaluative words the writer uses (quotations excluded), with their offsets."""
    return [{"word": m.group(), "start": m.start(), "end": m.end()} for m in LOADED_PATTERN.finditer(mask_quotes(text))]


def credited_media(text: str, own_outlet: str | None, media: Iterable[str] = ()) -> list[str]:
    """Other news organisations the article credits for what it reports, in order, once each.

    ``media`` are names known to be news organisations (the story's outlets and wire agencies);
    other names count when they look like one ("Harbour 7", "Yahoo News"). The article's own
    outlet ("told the Herald") is not a credit.
    """
    known = {name.lower() for name in media}
    own = (own_outlet or "").lower().split()
    credits: list[str] = []
    for pattern in _CREDITS:
        for match in pattern.finditer(text):
            name = re.split(r"['’]s\s", match.group("name"))[0]
            name = re.sub(r"^[Tt]he\s+", "", name).strip(" .,")
            if not name or (own and name.lower().split()[-1] == own[-1]):
                continue
            if (name.lower() in known or MEDIA_WORDS.search(name)) and name not in credits:
                credits.append(name)
    return sorted(credits, key=text.find)


def article_kind(article: Article, opinion: list[dict[str, Any]], sentence_count: int, credits: list[str]) -> tuple[str, str]:
    """The article's kind (news, opinion, analysis, aggregation) and the reason, in words."""
    path = urlsplit(article.url).path if article.url else ""
    kicker, title = article.kicker or "", article.title or ""
    if OPINION_MARKERS.search(kicker) or _LABEL_OPINION.search(title) or _PATH_OPINION.search(path):
        return OPINION, "labelled as opinion"
    if ANALYSIS_MARKERS.search(kicker) or _LABEL_ANALYSIS.search(title) or _PATH_ANALYSIS.search(path):
        return ANALYSIS, "labelled as analysis"
    share = len(opinion) / max(1, sentence_count)
    first_person = sum(FIRST_PERSON_SIGNAL in s["signals"] for s in opinion)
    questions = sum(QUESTION in s["signals"] for s in opinion)
    if share >= OPINION_SHARE and (first_person or questions >= 2):
        return OPINION, f"{len(opinion)} of {sentence_count} sentences in the writer's own voice"
    updated = bool(UPDATE_MARKERS.search(kicker) or UPDATE_MARKERS.search(article.text))
    if len(credits) >= 2 or (credits and updated):
        update = ", written as an update" if updated else ""
        return AGGREGATION, f"reports what {', '.join(credits)} reported{update}"
    return NEWS, "reported as news"


def omissions(article_id: str, claims: list[dict[str, Any]], article_ids: list[str]) -> list[dict[str, str]]:
    """Claims that most of the other articles carry but this one does not."""
    others = [a for a in article_ids if a != article_id]
    missing = []
    for claim in claims:
        carried = len(set(claim["articles"]) & set(others))
        if article_id not in claim["articles"] and others and carried * 2 > len(others):
            missing.append({"claim": claim["id"], "text": claim["text"]})
    return missing


def frame_article(article: Article, doc: Doc, media: Iterable[str] = ()) -> dict[str, Any]:
    """Kind, opinion sentences, loaded words, credits and headline check of one article."""
    opinion = opinion_sentences(doc)
    credits = credited_media(doc.text, article.outlet, media)
    kind, reason = article_kind(article, opinion, len(doc.sentences), credits)
    return {
        "kind": kind,
        "kind_reason": reason,
        "opinion": opinion,
        "loaded_words": loaded_words(doc.text),
        "credits": credits,
        "headline_overclaim": headline_overclaim(article.title, doc),
    }
