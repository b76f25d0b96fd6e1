"""The story's independent sources: counted as a claim's are, relayed outlets included."""

from __future__ import annotations

from typing import Any

from crosscheck.examples import expected_findings
from crosscheck.report.build import story_sources

EXPECTED = expected_findings()


def test_the_story_counts_each_origin_once_relays_included() -> None:
    sources = [
        {"origin": "Meridian Press", "kind": "wire", "articles": ["a", "b", "c"], "relayed_by": ["d"]},
        {"origin": "Island Post", "kind": "outlet", "articles": ["e"], "relayed_by": []},
        {"origin": "Harbour 7", "kind": "relay", "articles": [], "relayed_by": ["d", "f"]},
    ]
    assert story_sources(sources) == 3


def test_the_bundled_story_stands_on_its_three_reporting_sources_and_one_relayed(report: dict[str, Any]) -> None:
    assert report["story"]["independent_sources"] == EXPECTED["independent_sources"]["story"]
