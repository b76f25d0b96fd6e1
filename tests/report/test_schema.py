"""A built report is what the published JSON Schema says it is."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from crosscheck.examples import expected_findings
from crosscheck.language import annotate
from crosscheck.model import Article
from crosscheck.report import build_report, render, report_schema


def test_the_schema_is_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(report_schema())


def test_the_bundled_story_report_matches_the_schema(report: dict[str, Any]) -> None:
    errors = [f"{e.json_path}: {e.message}" for e in jsonschema.Draft202012Validator(report_schema()).iter_errors(report)]
    assert not errors, errors[:5]


def test_the_json_rendering_is_the_report(report: dict[str, Any]) -> None:
    assert json.loads(render(report, "json")) == report


def test_articles_are_listed_by_file_stem_with_the_contract_fields(report: dict[str, Any]) -> None:
    assert {a["id"] for a in report["articles"]} == set(expected_findings()["articles"])
    for article in report["articles"]:
        assert {"id", "title", "outlet", "published", "kind", "text", "removed", "opinion_sentences"} <= set(article)


def test_an_analysis_that_found_nothing_still_makes_a_valid_report() -> None:
    article = Article(id="lone", source="lone.txt", text="The ferry sailed on Friday.", title="Ferry sails", published="2026-05-02")
    report = build_report([article], [annotate(article)], {})
    jsonschema.Draft202012Validator(report_schema()).validate(report)
    assert report["summary"] == [] and report["disputes"] == []
    assert [e["event"] for e in report["timeline"]] == ["The ferry sailed on Friday."]


def test_the_report_of_the_cross_source_analysis_matches_the_schema(story: Any) -> None:
    """The contract test with the real analysis stage, while both sides change."""
    crosssource = pytest.importorskip("crosscheck.crosssource")
    analysis = crosssource.analyse_story(story[1]).to_json()
    report = build_report(*story, analysis)
    errors = [f"{e.json_path}: {e.message}" for e in jsonschema.Draft202012Validator(report_schema()).iter_errors(report)]
    assert not errors, errors[:5]
    assert 3 <= len(report["summary"]) <= 10
    assert all(s["articles"] and s["evidence"] for s in report["summary"])
