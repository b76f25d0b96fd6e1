"""The bundled story reads and cleans exactly as its author intended (expected.json)."""

from __future__ import annotations

import re

import pytest

from crosscheck.api import read_articles
from crosscheck.examples import example_articles, expected_findings
from crosscheck.model import Article, Failure

EXPECTED = expected_findings()


def _ws(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def articles() -> dict[str, Article]:
    results = list(read_articles([str(example_articles())]))
    failures = [r for r in results if isinstance(r, Failure)]
    assert not failures, failures
    return {a.id: a for a in results}  # type: ignore[union-attr]


def test_every_article_is_read(articles: dict[str, Article]) -> None:
    assert set(articles) == set(EXPECTED["articles"])


@pytest.mark.parametrize("stem", sorted(EXPECTED["articles"]))
def test_metadata(articles: dict[str, Article], stem: str) -> None:
    want, got = EXPECTED["articles"][stem], articles[stem]
    assert got.format == want["format"]
    assert got.outlet == want["outlet"]
    assert (got.published or None) == want["published"] or (got.published or "")[:10] == (want["published"] or "")[:10]
    assert _ws(got.title or "") == _ws(want["title"])
    assert got.kicker == want["kicker"]


@pytest.mark.parametrize("stem", sorted(EXPECTED["articles"]))
def test_junk_removed_with_reasons(articles: dict[str, Article], stem: str) -> None:
    article = articles[stem]
    removed = [_ws(r.text) for r in article.removed]
    for junk in EXPECTED["articles"][stem]["junk"]:
        assert _ws(junk) not in _ws(article.text), f"junk kept: {junk!r}"
        if _ws(junk) in _ws(article.body):  # HTML extraction may already have dropped it
            assert any(_ws(junk) in piece for piece in removed), f"junk not recorded as removed: {junk!r}"
    assert all(r.reason for r in article.removed)


@pytest.mark.parametrize("stem", sorted(EXPECTED["articles"]))
def test_every_removal_is_junk(articles: dict[str, Article], stem: str) -> None:
    junk = [_ws(j) for j in EXPECTED["articles"][stem]["junk"]]
    for piece in articles[stem].removed:
        assert any(_ws(piece.text) in j or j in _ws(piece.text) for j in junk), (
            f"{stem}: removed a piece that is not junk: {piece.text!r} ({piece.reason})"
        )


def _body_phrases() -> list[tuple[str, str]]:
    """Every exact phrase expected.json quotes from an article body: none may be cleaned away."""
    pairs: list[tuple[str, str]] = []
    for dispute in EXPECTED["disputes"]:
        for position in dispute["positions"]:
            pairs += [(stem, position["text"]) for stem in position["articles"]]
    for quote in EXPECTED["quotes"]:
        for variant in quote["variants"]:
            pairs += [(stem, variant["text"]) for stem in variant["articles"]]
    for event in EXPECTED["timeline"]:
        if event["articles"]:
            pairs.append((event["articles"][0], event["evidence"]))
    for stem, sentences in EXPECTED["opinion_sentences"].items():
        pairs += [(stem, s) for s in sentences]
    return pairs


@pytest.mark.parametrize(("stem", "phrase"), _body_phrases())
def test_body_sentences_kept(articles: dict[str, Article], stem: str, phrase: str) -> None:
    assert _ws(phrase) in _ws(articles[stem].text)
