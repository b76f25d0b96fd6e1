"""The report of the real reference story in ../shared (skipped where it is absent)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from crosscheck.api import read_articles, story_report
from crosscheck.model import Article


@pytest.fixture
def report(shared_corpus: Path) -> dict:
    return _report(str(shared_corpus))


@lru_cache(maxsize=1)
def _report(folder: str) -> dict:
    return story_report([a for a in read_articles([folder]) if isinstance(a, Article)])


def test_the_story_counts_its_wire_and_every_relayed_outlet(report: dict) -> None:
    """AFP (three copies, once) and six outlets the articles relay; the opinion piece and the
    two aggregations add none of their own."""
    assert report["story"]["independent_sources"] == 7
    assert {s["origin"] for s in report["sources"]} == {"AFP", "Yahoo News", "Washington Post", "NPR", "Reuters", "CNN", "Haaretz"}


def test_an_older_date_one_article_recalls_does_not_open_the_timeline(report: dict) -> None:
    timeline = report["timeline"]
    assert timeline and timeline[0]["when"] == "Sunday"
    assert "Oct. 1" not in {e["when"] for e in timeline}
