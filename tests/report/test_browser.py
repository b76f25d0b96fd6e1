"""The HTML report in headless Chromium, at desktop and phone widths.

Skips when Debian's chromium or Playwright is missing. Screenshots are copied to
bench/out/screenshots/ for people to look at.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from crosscheck.report import render

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SECTIONS = ("#summary", "#disputes", "#quotes", "#timeline", "#coverage", "#provenance", "#articles")
SIZES = {"desktop": (1280, 900), "phone": (375, 800)}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "bench" / "out" / "screenshots"


@pytest.fixture(scope="module")
def browser_page(report: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    folder = tmp_path_factory.mktemp("html")
    page_file = folder / "report.html"
    page_file.write_text(render(report, "html"), encoding="utf-8")
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(folder / "profile"), executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True, offline=True
        )
        try:
            page = context.new_page()
            page.goto(page_file.as_uri())
            yield page
        finally:
            context.close()


@pytest.mark.parametrize("size", SIZES)
def test_main_sections_are_visible(browser_page: Any, size: str, tmp_path: Path) -> None:
    width, height = SIZES[size]
    browser_page.set_viewport_size({"width": width, "height": height})
    browser_page.evaluate("window.scrollTo(0, 0)")
    shot = tmp_path / f"report-{size}.png"
    browser_page.screenshot(path=str(shot), full_page=True)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(shot, SCREENSHOTS / shot.name)
    for section in SECTIONS:
        assert browser_page.locator(section).is_visible(), section
    assert browser_page.evaluate("document.documentElement.scrollWidth") <= width, "the page scrolls sideways"


def test_a_citation_reveals_its_source_sentence_on_hover(browser_page: Any, tmp_path: Path) -> None:
    browser_page.set_viewport_size({"width": 1280, "height": 900})
    citation = browser_page.locator("#summary li", has_text="Pier 4").locator(".cite").first
    tooltip = citation.locator(".pop")
    assert not tooltip.is_visible()
    citation.hover()
    tooltip.wait_for(state="visible")
    assert "Pier 4" in tooltip.inner_text()
    browser_page.wait_for_timeout(200)  # let the fade-in finish before the screenshot
    shot = tmp_path / "report-citation.png"
    browser_page.screenshot(path=str(shot))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(shot, SCREENSHOTS / shot.name)


@pytest.mark.parametrize("size", SIZES)
def test_several_stories_share_one_page_with_an_index(browser_page: Any, report: dict[str, Any], tmp_path: Path, size: str) -> None:
    page_file = tmp_path / "stories.html"
    page_file.write_text(render({"stories": [report, report]}, "html"), encoding="utf-8")
    width, height = SIZES[size]
    page = browser_page.context.new_page()
    try:
        page.set_viewport_size({"width": width, "height": height})
        page.goto(page_file.as_uri())
        assert page.locator('a[href="#s2-story"]').is_visible()
        for story in ("s1-", "s2-"):
            for section in SECTIONS:
                assert page.locator(f"#{story}{section[1:]}").is_visible(), story + section
        assert page.evaluate("document.documentElement.scrollWidth") <= width, "the page scrolls sideways"
    finally:
        page.close()
