"""The renderings a user reads: terminal, Markdown and a self-contained HTML page."""

from __future__ import annotations

import re
from typing import Any

import pytest

from crosscheck.language import annotate
from crosscheck.model import Article
from crosscheck.report import build_report, render

SECTIONS = ("Summary", "Disputes", "Quotes", "Timeline", "Coverage", "Sources", "Articles")
HOSTILE = 'The ferry sailed on Friday. <script>alert("x")</script> <img src=x onerror=alert(1)> [link](javascript:alert(1)) | *bold*'


@pytest.fixture(scope="module")
def hostile_report() -> dict[str, Any]:
    article = Article(
        id="hostile", source="hostile.txt", text=HOSTILE, title="<b>Ferry</b> sails", published="2026-05-02",
        outlet="The <i>Tide</i>", url="javascript:alert(1)",
    )
    return build_report([article], [annotate(article)], {})


def test_terminal_at_100_columns_has_every_section(report: dict[str, Any]) -> None:
    text = render(report, "terminal", width=100)
    for heading in SECTIONS:
        assert re.search(rf"^{heading} ─", text, re.M), heading
    assert max(len(line) for line in text.splitlines()) <= 100
    assert "\x1b[" not in text


def test_terminal_shows_the_findings(report: dict[str, Any]) -> None:
    text = render(report, "terminal", width=100)
    assert "Headline overclaims: “To Shut”" in text
    assert "credit removed" in text
    assert "fragment: “… has to close, it will close”" in text
    assert "reworded: “[-There has-] {+There's+} been no decision" in text


def test_coverage_marks_who_contradicts_a_claim(report: dict[str, Any]) -> None:
    text = render(report, "terminal", width=100)
    row = next(line for line in text.splitlines() if "The notice was signed by the chief" in line)
    assert row.count("✕") == 3 and row.count("●") == 3


def test_terminal_colour_is_ansi(report: dict[str, Any]) -> None:
    assert "\x1b[" in render(report, "terminal", color=True)


def test_terminal_prints_article_brackets_as_written(hostile_report: dict[str, Any]) -> None:
    assert "[link](javascript:alert(1))" in render(hostile_report, "terminal")


def test_markdown_sections_and_citations(report: dict[str, Any]) -> None:
    text = render(report, "md")
    for heading in ("## Summary", "## Disputes", "## Quote ledger", "## Timeline", "## Claims and coverage", "## Sources and provenance", "## Articles"):
        assert heading in text
    assert re.search(r"^1\. .+ \[\d(, \d)*\]$", text, re.M)
    assert "fragment: “… has to close, it will close”" in text
    assert "reworded: “will be diverted ~~over~~ **in** the coming days" in text


def test_markdown_escapes_article_text(hostile_report: dict[str, Any]) -> None:
    text = render(hostile_report, "md")
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "\\[link\\]" in text and "\\*bold\\*" in text


def test_html_is_self_contained(report: dict[str, Any]) -> None:
    page = render(report, "html")
    assert "<script" not in page.lower()
    assert not re.search(r"<link\b", page, re.I)
    assert not re.search(r"@import|url\(\s*['\"]?(?:https?:)?//", page, re.I)
    assert not re.search(r"\bsrc\s*=", page, re.I)
    for section in ("summary", "disputes", "quotes", "timeline", "coverage", "provenance", "articles"):
        assert f'id="{section}"' in page
    assert "<svg" in page and 'class="edge edge-stripped"' in page


def test_html_citations_carry_their_source_sentence(report: dict[str, Any]) -> None:
    page = render(report, "html")
    assert 'class="pop" role="tooltip"' in page
    assert "<q>The crack, in a concrete support known as Pier 4, was found during a routine inspection last Friday.</q>" in page


def test_html_marks_opinion_sentences_and_removed_junk(report: dict[str, Any]) -> None:
    page = render(report, "html")
    assert '<mark class="opinion" title="evaluative language">That is a <mark class="loaded"' in page
    assert "<del>Follow on Twitter @CorinneValeWrites</del>" in page


def test_html_content_is_inert(hostile_report: dict[str, Any]) -> None:
    page = render(hostile_report, "html")
    assert "<script" not in page.lower() and "<img" not in page.lower() and "<i>Tide" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "&lt;b&gt;Ferry&lt;/b&gt; sails" in page
    assert 'href="javascript' not in page


def test_unknown_format_says_which_exist(report: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="terminal, json, md, html"):
        render(report, "pdf")


def test_header_line_reads_in_every_format(hostile_report: dict[str, Any]) -> None:
    dated = {**hostile_report, "story": {**hostile_report["story"], "first_published": "2026-05-02", "last_published": "2026-05-04"}}
    undated = {**hostile_report, "story": {**hostile_report["story"], "first_published": None, "last_published": None}}
    assert "*1 article · 0 independent sources · published 2 May 2026 – 4 May 2026*" in render(dated, "md")
    assert "Published 2 May 2026 – 4 May 2026</p>" in render(dated, "html")
    assert "1 article · 0 independent sources · 0 corroborated claims · 0 disputes · published 2 May" in render(dated, "terminal", width=160)
    for fmt in ("md", "html", "terminal"):
        text = render(undated, fmt, width=160) if fmt == "terminal" else render(undated, fmt)
        assert "ublication dates unknown" in text and "published publication" not in text.lower(), fmt
