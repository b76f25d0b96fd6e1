"""The whole report as one JSON-ready dict: the contract every rendering reads.

The analysis (``StoryAnalysis.to_json()``) brings reuse, claims, disputes, quotes, entities
and sources; the report adds what each article is and how it frames the story, the timeline,
the neutral summary, the claims x articles coverage matrix and the provenance graph. Its shape
is published as ``report/schema.json``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any

from crosscheck.model import Article, Doc
from crosscheck.report.framing import ANALYSIS, NEWS, OPINION, frame_article, omissions
from crosscheck.report.passages import sentence_of_phrase
from crosscheck.report.provenance import build_provenance
from crosscheck.report.summary import build_summary
from crosscheck.report.timeline import build_timeline
from crosscheck.report.title import story_title

SCHEMA_VERSION = "1"
CARRIED, OMITTED, CONTRADICTED = "carried", "omitted", "contradicted"


@cache
def report_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) every built report conforms to."""
    return json.loads(resources.files("crosscheck.report").joinpath("schema.json").read_text(encoding="utf-8"))


def build_report(articles: list[Article], docs: list[Doc], analysis: dict[str, Any], *, title: str | None = None) -> dict[str, Any]:
    """The report of one story: ``articles`` cleaned, ``docs`` their annotations (same ids),
    ``analysis`` the cross-source findings. Articles are listed oldest first, undated last."""
    docs_by_id = {doc.id: doc for doc in docs}
    missing = [a.id for a in articles if a.id not in docs_by_id]
    if missing:
        raise ValueError(f"no annotated Doc for article(s) {', '.join(missing)}; annotate every article before reporting")
    ordered = sorted(articles, key=lambda a: (a.published is None, a.published or "", a.id))
    ids = [a.id for a in ordered]
    claims, sources, reuse = analysis.get("claims", []), analysis.get("sources", []), analysis.get("reuse", [])
    entities = analysis.get("entities", [])
    source_of = {a: s for s in sources if s.get("origin") for a in s["articles"]}
    origins = {a: s["origin"] for a, s in source_of.items()}
    analysed_kinds = {a["id"]: a["kind"] for a in analysis.get("articles", []) if a.get("kind")}
    report_articles = _articles(ordered, docs_by_id, claims, source_of, reuse, analysed_kinds)
    kinds = {a["id"]: a["kind"] for a in report_articles}
    locate = _locator(docs_by_id)
    disputes = [_with_evidence(d, locate) for d in analysis.get("disputes", [])]
    opinion_spans = {a["id"]: {(o["start"], o["end"]) for o in a["framing"]["opinion"]} for a in report_articles}
    return {
        "schema_version": SCHEMA_VERSION,
        "story": _story(title, report_articles, sources, entities),
        "articles": report_articles,
        "sources": sources,
        "reuse": reuse,
        "claims": claims,
        "disputes": disputes,
        "quotes": analysis.get("quotes", []),
        "entities": entities,
        "timeline": build_timeline(
            [docs_by_id[i] for i in ids], skip=opinion_spans, entities=entities, prefer=[i for i in ids if kinds[i] == NEWS]
        ),
        "summary": build_summary(
            claims,
            disputes,
            names={**{a["id"]: a["label"] for a in report_articles}, **origins},
            opinion={i for i in ids if kinds[i] == OPINION},
            derivative={i for i in ids if i not in origins},
            texts={a.id: a.text for a in ordered},
        ),
        "coverage": _coverage(claims, ids, analysis.get("coverage") or {}),
        "provenance": build_provenance(report_articles, sources, reuse),
    }


def _articles(
    ordered: list[Article],
    docs: dict[str, Doc],
    claims: list[dict[str, Any]],
    source_of: dict[str, dict[str, Any]],
    reuse: list[dict[str, Any]],
    analysed_kinds: dict[str, str],
) -> list[dict[str, Any]]:
    """Each article with its number, framing and the independent source it carries
    (``source_of`` maps an article id to its entry in the analysis's ``sources``).

    The analysis's kind of an article wins over the framing's own, so that the kind shown
    is the one that decided whether the article counts as a source; a piece the framing finds
    labelled as analysis stays analysis when the analysis calls it news.
    """
    ids = [a.id for a in ordered]
    media = [a.outlet for a in ordered if a.outlet] + [s["origin"] for s in [*source_of.values(), *reuse] if s.get("origin")]
    stripped = {a for group in reuse for a in group.get("credit_stripped", [])}
    report_articles = []
    for number, article in enumerate(ordered, 1):
        framing = frame_article(article, docs[article.id], media)
        framing["omissions"] = omissions(article.id, claims, ids)
        analysed = analysed_kinds.get(article.id)
        if analysed and analysed != framing["kind"] and not (analysed == NEWS and framing["kind"] == ANALYSIS):
            framing["kind"], framing["kind_reason"] = analysed, f"{analysed}, as the cross-source analysis classed it"
        source = source_of.get(article.id)
        carried = {"origin": source["origin"], "kind": source["kind"], "credit_stripped": article.id in stripped} if source else None
        report_articles.append(_article_json(article, number, framing, carried))
    return report_articles


Locate = Callable[[str, str], dict[str, Any] | None]


def _locator(docs: dict[str, Doc]) -> Locate:
    """``locate(article, phrase)``: the sentence of ``article`` that holds ``phrase``, as evidence."""

    def locate(article: str, phrase: str) -> dict[str, Any] | None:
        doc = docs.get(article)
        span = sentence_of_phrase(doc.text, doc.sentences, phrase) if doc else None
        return {"article": article, "sentence": [span.start, span.end], "text": span.of(doc.text)} if span else None

    return locate


def _article_json(article: Article, number: int, framing: dict[str, Any], source: dict[str, Any] | None) -> dict[str, Any]:
    return {
        "id": article.id,
        "number": number,
        "label": article.outlet or article.id,
        "title": article.title,
        "outlet": article.outlet,
        "published": article.published,
        "kicker": article.kicker,
        "byline": article.byline,
        "url": article.url,
        "kind": framing.pop("kind"),
        "source": source,
        "text": article.text,
        "paragraphs": [[p.start, p.end] for p in article.paragraphs],
        "removed": [{"text": r.text, "reason": r.reason} for r in article.removed],
        "opinion_sentences": [o["text"] for o in framing["opinion"]],
        "framing": framing,
    }


def _with_evidence(dispute: dict[str, Any], locate: Locate) -> dict[str, Any]:
    """The dispute with each position's source sentences, located when the analysis gave none."""
    positions = []
    for position in dispute["positions"]:
        evidence = position.get("evidence") or [e for a in position["articles"] if (e := locate(a, position["text"]))]
        positions.append({**position, "evidence": evidence})
    return {**dispute, "positions": positions}


def _coverage(claims: list[dict[str, Any]], ids: list[str], given: dict[str, Any]) -> dict[str, Any]:
    """Which article carries which claim, in report order: "carried", "omitted" or
    "contradicted" (holds another side of a dispute the claim is in). The analysis's own
    matrix is used where it has the cell; otherwise a claim's articles carry it."""
    column = {a: j for j, a in enumerate(given.get("articles", []))}
    rows = dict(zip(given.get("claims", []), given.get("cells", [])))
    cells = []
    for claim in claims:
        row = rows.get(claim["id"])
        cells.append(
            [row[column[a]] if row is not None and a in column else CARRIED if a in claim["articles"] else OMITTED for a in ids]
        )
    return {"claims": [c["id"] for c in claims], "articles": ids, "cells": cells}


def story_sources(sources: list[dict[str, Any]]) -> int:
    """The story's independent sources, counted as a claim's are: its distinct origins, where
    all copies of one wire report count once, each article with its own reporting counts
    once, and an outlet the articles relay ("according to Haaretz", "Reuters reported")
    counts for itself; opinion and aggregation pieces add none of their own."""
    return len({s["origin"] for s in sources if s.get("origin") and (s.get("articles") or s.get("relayed_by"))})


def _story(title: str | None, articles: list[dict[str, Any]], sources: list[dict[str, Any]], entities: list[dict[str, Any]]) -> dict[str, Any]:
    dates = sorted(a["published"] for a in articles if a["published"])
    widespread = sorted(entities, key=lambda e: -len(e.get("articles", [])))[:3]
    return {
        "title": title or story_title(articles) or ", ".join(e["name"] for e in widespread) or "Story report",
        "articles": len(articles),
        "independent_sources": story_sources(sources),
        "first_published": dates[0] if dates else None,
        "last_published": dates[-1] if dates else None,
    }
