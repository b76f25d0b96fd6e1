"""HTML building blocks of the app's pages: the page shell and escaping helpers.

Pages are built from escaped strings, like the report's own renderer: every value from an
article, a query or a request passes through ``e``, and only http(s) addresses become links.
"""

from __future__ import annotations

from functools import cache
from html import escape
from importlib import resources
from typing import Any
from urllib.parse import quote, urlencode, urlsplit


def e(value: Any) -> str:
    """``value`` as text safe inside HTML content and quoted attributes."""
    return escape(str(value), quote=True)


def external_link(url: str | None, label: str = "original") -> str:
    """A link to an article's address, only for http(s) URLs (never ``javascript:``)."""
    if not url or urlsplit(url).scheme.lower() not in ("http", "https"):
        return ""
    return f'<a class="source-link" href="{e(url)}" rel="noreferrer noopener nofollow">{e(label)}</a>'


def story_url(story_id: str) -> str:
    return f"/stories/{quote(story_id, safe='')}"


def article_url(article_id: str) -> str:
    return f"/articles/{quote(article_id, safe='')}"


def query_url(path: str, params: dict[str, Any]) -> str:
    """``path`` with the non-empty ``params`` as its query string."""
    kept = {k: v for k, v in params.items() if v not in (None, "", False)}
    return f"{path}?{urlencode(kept)}" if kept else path


@cache
def stylesheet() -> str:
    """The report's stylesheet followed by the app's own, read once."""
    report_css = resources.files("crosscheck.report").joinpath("assets/report.css").read_text(encoding="utf-8")
    web_css = resources.files("crosscheck.web").joinpath("assets/web.css").read_text(encoding="utf-8")
    return report_css + web_css


APP_BAR = (
    '<header class="appbar"><div class="wrap"><a class="brand-link" href="/">✓✓ crosscheck</a>'
    '<a href="/">Stories</a><a href="/add">Add articles</a><a href="/openapi.json">API</a></div></header>\n'
)


def page(title: str, body: str) -> str:
    """A whole self-contained page: inline styles, no scripts, no fonts or files from the web."""
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light dark">\n<link rel="icon" href="data:,">\n'
        f"<title>{e(title)} · crosscheck</title>\n<style>\n{stylesheet()}</style>\n</head>\n<body>\n"
        f'{APP_BAR}<main class="wrap page">{body}</main>\n</body>\n</html>\n'
    )


def notice(kind: str, message: str, items: list[str] | None = None) -> str:
    """A boxed message; ``items`` are already-escaped HTML list entries."""
    listed = f"<ul>{''.join(f'<li>{item}</li>' for item in items)}</ul>" if items else ""
    return f'<div class="card notice {e(kind)}" role="status"><p>{e(message)}</p>{listed}</div>'
