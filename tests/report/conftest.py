"""The bundled story, annotated, with a hand-made analysis in the shape of ``StoryAnalysis.to_json()``.

The analysis restates the story's intended findings (expected.json) in the analysis contract,
so the report is tested on what the cross-source stage is meant to produce, independently of
how well it produces it today. Article kinds are left out, so the report's own framing decides.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from crosscheck.api import read_articles
from crosscheck.examples import example_articles, expected_findings
from crosscheck.language import annotate
from crosscheck.model import Article, Doc
from crosscheck.report import build_report
from crosscheck.report.passages import find_phrase, sentence_of_phrase

EXPECTED = expected_findings()


@pytest.fixture(scope="session")
def story() -> tuple[list[Article], list[Doc]]:
    articles = [a for a in read_articles([str(example_articles())]) if isinstance(a, Article)]
    return articles, [annotate(a) for a in articles]


@pytest.fixture(scope="session")
def analysis(story: tuple[list[Article], list[Doc]]) -> dict[str, Any]:
    return analysis_of_expected(story[1])


@pytest.fixture(scope="session")
def report(story: tuple[list[Article], list[Doc]], analysis: dict[str, Any]) -> dict[str, Any]:
    return build_report(*story, analysis)


def _evidence(docs: dict[str, Doc], article: str, phrase: str) -> dict[str, Any]:
    """The phrase's span and its sentence, as the analysis gives evidence."""
    doc = docs[article]
    found = find_phrase(doc.text, phrase)
    assert found is not None, f"{phrase!r} not in {article}"
    sentence = sentence_of_phrase(doc.text, doc.sentences, phrase)
    return {"article": article, "sentence": [sentence.start, sentence.end], "span": [found.start, found.end], "text": found.of(doc.text)}


def _shared_sentences(docs: dict[str, Doc], articles: list[str]) -> list[dict[str, Any]]:
    """Sentences every article of a wire group carries word for word: the reused passages."""

    def norm(text: str) -> str:
        return re.sub(r"\W+", " ", text).strip().lower()

    first, *rest = articles
    passages = []
    for sentence in docs[first].sentences:
        text = sentence.of(docs[first].text)
        if all(any(norm(s.of(docs[a].text)) == norm(text) for s in docs[a].sentences) for a in rest):
            passages.append({"text": text, "articles": articles})
    return passages


def _cell(claim: dict[str, Any], article: str) -> str:
    """Carried, or contradicted when the article holds another side of the claim's dispute."""
    if article in claim["articles"]:
        return "carried"
    for dispute in EXPECTED["disputes"]:
        if any(p["text"] == claim["key_phrase"] for p in dispute["positions"]):
            if any(article in p["articles"] for p in dispute["positions"] if p["text"] != claim["key_phrase"]):
                return "contradicted"
    return "omitted"


def analysis_of_expected(doc_list: list[Doc]) -> dict[str, Any]:
    docs = {d.id: d for d in doc_list}
    ids = sorted(docs)
    claims = [
        {
            "id": f"c{number}",
            "text": claim["text"],
            "status": claim["status"],
            "articles": claim["articles"],
            "independent_sources": claim["independent_sources"],
            "evidence": [_evidence(docs, a, claim["key_phrase"]) for a in claim["articles"]],
        }
        for number, claim in enumerate(EXPECTED["claims"], 1)
    ]
    quotes = []
    for quote in EXPECTED["quotes"]:
        altered = [v for v in quote["variants"] if v.get("changes_meaning")]
        via = ["Harbour 7"] if quote["speaker"] == "Ana Reyes" else []
        quotes.append(
            {
                "speaker": quote["speaker"],
                "text": quote["text"],
                "articles": quote["articles"],
                "via": via,
                "variants": [{"text": v["text"], "articles": v["articles"]} for v in quote["variants"]],
                "altered": bool(altered),
                "note": f"{', '.join(altered[0]['articles'])} cuts the quote to “{altered[0]['text']}”, which changes its meaning" if altered else None,
            }
        )
    independent = EXPECTED["independent_sources"]
    return {
        "reuse": [
            {
                "articles": group["articles"],
                "origin": group["origin"],
                "passages": _shared_sentences(docs, group["articles"]),
                "credit_stripped": group["credit_stripped"],
            }
            for group in EXPECTED["reuse"]
        ],
        "claims": claims,
        "disputes": [
            {
                "kind": d["kind"],
                "summary": d["summary"],
                "positions": [
                    {
                        "text": p["text"],
                        "articles": p["articles"],
                        "speaker": p["speaker"],
                        "evidence": [_evidence(docs, a, p["text"]) for a in p["articles"]],
                    }
                    for p in d["positions"]
                ],
            }
            for d in EXPECTED["disputes"]
        ],
        "quotes": quotes,
        "entities": [{"name": e["name"], "type": e["type"], "aliases": e["aliases"], "articles": e["articles"]} for e in EXPECTED["entities"]],
        "coverage": {
            "claims": [c["id"] for c in claims],
            "articles": ids,
            "cells": [[_cell(claim, a) for a in ids] for claim in EXPECTED["claims"]],
        },
        "sources": [
            *(
                {
                    "origin": origin,
                    "kind": "wire" if len(articles) > 1 else "outlet",
                    "articles": articles,
                    "relayed_by": independent["derivative"] if origin == "Meridian Press" else [],
                }
                for origin, articles in independent["sources"].items()
            ),
            {"origin": "Harbour 7", "kind": "relay", "articles": [], "relayed_by": independent["derivative"]},
        ],
    }
