"""End to end in headless Chromium: the main pages render, adding text works, and stored
script and HTML payloads stay inert text.

The payload test turns the app's Content-Security-Policy off (``bypass_csp``), so it checks
the escaping itself, not the policy that backs it up. Skips when Debian's chromium or
Playwright is missing. Screenshots go to bench/out/screenshots/ (not committed).
"""

from __future__ import annotations

import json
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from crosscheck.web import WebConfig, create_app

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "bench" / "out" / "screenshots"
SIZES = {"desktop": (1280, 900), "phone": (375, 800)}

PAYLOADS = [
    "<script>window.__xss = 1</script>",
    '<img src=x onerror="window.__xss = 2">',
    "<svg onload=window.__xss=3></svg>",
    '<a href="javascript:window.__xss=4">click me</a>',
    '"><script>window.__xss = 5</script>',
    "' onmouseover='window.__xss = 6' x='",
    "</textarea></title></style><script>window.__xss = 7</script>",
]
EVIL_TITLE = 'Quay notice <script>window.__xss = 8</script>"><img src=x onerror="window.__xss = 9">'
EVIL_OUTLET = '"><img src=x onerror="window.__xss = 10">'
INERT_CHECK = """() => ({
  ran: window.__xss === undefined ? null : window.__xss,
  scripts: document.querySelectorAll('script').length,
  handlers: document.querySelectorAll('[onerror],[onload],[onmouseover],[onclick],[onfocus]').length,
  jsLinks: [...document.querySelectorAll('a[href]')].filter(a => !/^(https?:|\\/|#|\\?)/i.test(a.getAttribute('href'))).length,
})"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(story_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app on a real loopback port (uvicorn in a thread), over a copy of the example store."""
    uvicorn = pytest.importorskip("uvicorn")
    db = tmp_path_factory.mktemp("browser") / "story.db"
    shutil.copy(story_db, db)
    port = _free_port()
    app_server = uvicorn.Server(uvicorn.Config(create_app(WebConfig(db=db)), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=app_server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not app_server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    app_server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture(scope="module")
def evil(server: str) -> dict[str, str]:
    """Articles whose title, outlet, text, address and file carry script and HTML payloads."""
    text = "Harbour notice\n\n" + "\n\n".join(f"The quay notice said {p} on Monday." for p in PAYLOADS)
    with httpx.Client(base_url=server, timeout=60) as client:
        pasted = client.post(
            "/api/articles",
            json={"text": text, "title": EVIL_TITLE, "outlet": EVIL_OUTLET, "published": "2026-03-10", "url": "javascript:window.__xss=11"},
        )
        record = {"id": "evil-record", "title": EVIL_TITLE, "outlet": EVIL_OUTLET, "text": " ".join(PAYLOADS), "url": "javascript:window.__xss=12"}
        uploaded = client.post("/api/articles", files={"files": ('x"><img src=x onerror=alert(1)>.jsonl', json.dumps(record).encode())})
    assert pasted.status_code == uploaded.status_code == 201, (pasted.text, uploaded.text)
    return {"article": pasted.json()["added"][0], "story": pasted.json()["stories"][0]}


def _open(browser: Any, url: str, *, width: int = 1280, height: int = 900, bypass_csp: bool = False) -> Any:
    context = browser.new_context(viewport={"width": width, "height": height}, bypass_csp=bypass_csp)
    page = context.new_page()
    page.goto(url)
    return page


def _shoot(page: Any, name: str, tmp_path: Path) -> None:
    shot = tmp_path / f"web-{name}.png"
    page.screenshot(path=str(shot), full_page=True)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(shot, SCREENSHOTS / shot.name)


def test_stored_payloads_stay_text(browser: Any, server: str, evil: dict[str, str], tmp_path: Path) -> None:
    pages = [
        f"{server}/",
        f"{server}/?q=quay+notice",
        f"{server}/stories/{evil['story']}",
        f"{server}/articles/{evil['article']}",
        f"{server}/articles/evil-record",
        f"{server}/api/articles/evil-record",
    ]
    for url in pages:
        page = _open(browser, url, bypass_csp=True)
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.mouse.move(200, 300)
        page.mouse.move(600, 500)
        page.wait_for_timeout(100)
        found = page.evaluate(INERT_CHECK)
        assert found == {"ran": None, "scripts": 0, "handlers": 0, "jsLinks": 0}, url
        assert not dialogs, url
        if "/api/" not in url:
            assert "<script>window.__xss" in page.inner_text("body"), url  # shown as the words it is
        page.context.close()
    page = _open(browser, f"{server}/articles/{evil['article']}")
    _shoot(page, "payload-article", tmp_path)
    page.context.close()


@pytest.mark.parametrize("size", SIZES)
def test_main_pages_render(browser: Any, server: str, size: str, tmp_path: Path) -> None:
    width, height = SIZES[size]
    listing = _open(browser, f"{server}/", width=width, height=height)
    story_link = listing.locator(".story-list a", has_text="Harbour")
    assert story_link.count() == 1
    _shoot(listing, f"stories-{size}", tmp_path)
    story_link.click()
    listing.wait_for_selector("#disputes")
    assert listing.locator("#summary").is_visible() and listing.locator(".story-bar").is_visible()
    _shoot(listing, f"story-{size}", tmp_path)
    listing.locator(".story-bar a", has_text="Northgate Times").click()
    listing.wait_for_selector(".article-text")
    assert listing.locator("mark.hl-disputed").count() >= 1 and listing.locator("mark.hl-quote").count() >= 1
    assert listing.locator("p.junk del").count() >= 1
    _shoot(listing, f"article-{size}", tmp_path)
    assert listing.evaluate("document.documentElement.scrollWidth") <= width, "the article page scrolls sideways"
    listing.context.close()


def test_add_page_adds_pasted_text(browser: Any, server: str, tmp_path: Path) -> None:
    page = _open(browser, f"{server}/add")
    _shoot(page, "add", tmp_path)
    form = page.locator("form[action='/add/text']")
    form.locator("input[name=title]").fill("Orrin lighthouse repainted")
    form.locator("input[name=outlet]").fill("Orrin Post")
    form.locator("textarea[name=text]").fill("The Orrin lighthouse was repainted white last week, the harbour office said.")
    form.locator("button").click()
    page.wait_for_selector(".notice.ok")
    assert "1 added" in page.inner_text(".notice")
    page.locator(".notice a", has_text="orrin-lighthouse-repainted").click()
    page.wait_for_selector("h1")
    assert page.inner_text("h1") == "Orrin lighthouse repainted"
    _shoot(page, "add-result-article", tmp_path)
    page.context.close()


def test_search_filters_the_list(browser: Any, server: str) -> None:
    page = _open(browser, f"{server}/")
    page.fill("input[name=q]", "unsigned draft")
    page.locator("form.filters button").click()
    page.wait_for_url("**/?q=unsigned+draft*")
    assert page.locator(".story-list li").count() == 1 and page.locator(".snippet").count() >= 1
    page.context.close()
