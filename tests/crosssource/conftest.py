"""Helpers for the cross-source tests: small fictional stories, annotated and analysed."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from crosscheck.crosssource import AnalysisParams, LexicalBackend, StoryAnalysis, analyse_story
from crosscheck.language import Pipeline, doc_from_article
from crosscheck.model import Article, Doc

Story = dict[str, tuple[str | None, str]]


def annotate_story(story: Story, published: str = "2026-05-12T09:00:00+00:00") -> list[Doc]:
    """Docs for ``{id: (outlet, text)}``, annotated by the whole language pipeline."""
    pipeline = Pipeline()
    docs = []
    for article_id, (outlet, text) in story.items():
        article = Article(id=article_id, source="test", body=text, text=text, outlet=outlet, published=published)
        docs.append(pipeline(doc_from_article(article)))
    return docs


@pytest.fixture
def analyse() -> Callable[[Story], dict]:
    """Analyse a fictional story with the lexical backend (fast, no model) and return its JSON."""

    def run(story: Story) -> dict:
        return analyse_story(annotate_story(story), params=AnalysisParams(backend=LexicalBackend())).to_json()

    return run


@pytest.fixture
def analysis() -> Callable[[Story], StoryAnalysis]:
    """Like ``analyse``, but the ``StoryAnalysis`` itself."""

    def run(story: Story) -> StoryAnalysis:
        return analyse_story(annotate_story(story), params=AnalysisParams(backend=LexicalBackend()))

    return run
