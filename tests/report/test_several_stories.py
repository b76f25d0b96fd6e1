"""Inputs that hold two stories: `crosscheck report` reports each, in every format."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from crosscheck.cli import cli
from crosscheck.report import report_schema

FERRY = {
    "ferry-courier": (
        "Ostrel Courier",
        "Ferry service to Ostrel suspended after hull corrosion found",
        "The Vellmark ferry company suspended its Harbour Line service to Ostrel island on Tuesday after inspectors "
        "found corrosion in the hull of its only vessel, the Saint Brenna.\n\n"
        "The company's safety director, Peter Anholt, said the Saint Brenna would stay in dry dock for at least two weeks.\n\n"
        "Islanders will rely on a water taxi that carries twelve passengers, Anholt said.",
    ),
    "ferry-gazette": (
        "Island Gazette",
        "Ostrel ferry out of service for two weeks",
        "The Saint Brenna, the only ferry serving Ostrel island, will stay in dry dock for at least two weeks after "
        "inspectors found corrosion in its hull, the Vellmark ferry company said on Tuesday.\n\n"
        "The Harbour Line service is suspended until a new steel plate is fitted, safety director Peter Anholt said.",
    ),
}
ORCHARD = {
    "orchard-post": (
        "Valley Post",
        "Frost destroys half of Dunmere apple blossom",
        "A late frost on Sunday night destroyed about half of the apple blossom in the Dunmere valley, the growers' "
        "cooperative said on Monday.\n\n"
        "The cooperative's chair, Ilse Marten, said the harvest would be the smallest since 2011.\n\n"
        "Growers lit smudge pots across the valley's orchards, but temperatures fell to minus four degrees.",
    ),
    "orchard-farmer": (
        "Farmers Weekly Review",
        "Dunmere growers count the cost of a night of frost",
        "Dunmere apple growers lost about half of their blossom to a frost on Sunday night, according to the valley's "
        "growers' cooperative.\n\n"
        "Ilse Marten, who chairs the cooperative, said this year's apple harvest would be the smallest since 2011.\n\n"
        "Temperatures in the orchards fell to minus four degrees despite smudge pots lit by growers.",
    ),
}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("mixed")
    for article_id, (outlet, title, body) in {**FERRY, **ORCHARD}.items():
        front = f"---\ntitle: {title}\noutlet: {outlet}\npublished: 2026-04-14\n---\n\n"
        (folder / f"{article_id}.txt").write_text(front + body + "\n", encoding="utf-8")
    return folder


def _report(inputs: Path, fmt: str, tmp_path: Path) -> str:
    result = CliRunner().invoke(cli, ["report", str(inputs), "--db", str(tmp_path / "x.db"), "--format", fmt, "--quiet"])
    assert result.exit_code == 0, result.output
    return result.output


def test_the_json_report_holds_each_story_with_its_own_articles(inputs: Path, tmp_path: Path) -> None:
    report = json.loads(_report(inputs, "json", tmp_path))
    jsonschema.Draft202012Validator(report_schema()).validate(report)
    stories = {frozenset(a["id"] for a in story["articles"]) for story in report["stories"]}
    assert stories == {frozenset(FERRY), frozenset(ORCHARD)}


def test_one_story_keeps_the_single_report_shape(inputs: Path, tmp_path: Path) -> None:
    only_ferry = tmp_path / "ferry"
    only_ferry.mkdir()
    for name in FERRY:
        (only_ferry / f"{name}.txt").write_text((inputs / f"{name}.txt").read_text(encoding="utf-8"), encoding="utf-8")
    report = json.loads(_report(only_ferry, "json", tmp_path))
    assert "stories" not in report and {a["id"] for a in report["articles"]} == set(FERRY)


@pytest.mark.parametrize("fmt", ["md", "terminal"])
def test_text_reports_give_each_story_in_turn_under_a_heading(inputs: Path, tmp_path: Path, fmt: str) -> None:
    text = _report(inputs, fmt, tmp_path)
    first, second = text.index("Story 1 of 2"), text.index("Story 2 of 2")
    assert first < second
    assert "Saint Brenna" in text and "smudge pots" in text


def test_the_html_page_indexes_the_stories_and_keeps_anchors_unique(inputs: Path, tmp_path: Path) -> None:
    page = _report(inputs, "html", tmp_path)
    assert page.count("<html") == 1 and "<script" not in page
    assert 'href="#s1-story"' in page and 'href="#s2-story"' in page
    assert 'id="s1-summary"' in page and 'id="s2-summary"' in page
    assert 'href="#s2-disputes"' in page and 'id="summary"' not in page
