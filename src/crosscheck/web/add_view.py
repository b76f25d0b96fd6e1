"""The add page: a URL or feed, pasted text, or files; after a submit, what happened."""

from __future__ import annotations

from crosscheck.web.html import article_url, e, notice, page, story_url
from crosscheck.web.ingest import Added


def add_page(*, result: Added | None = None, error: str | None = None, max_mb: float) -> str:
    forms = (
        '<form class="card form" method="post" action="/add/url">'
        "<h2>A web page or a feed</h2>"
        '<label>URL<input type="url" name="url" required placeholder="https://example.com/news/story.html"></label>'
        '<p class="muted">A feed adds each of its entries. Addresses inside private networks are refused.</p>'
        "<button>Fetch and add</button></form>"
        '<form class="card form" method="post" action="/add/text">'
        "<h2>Paste text</h2>"
        '<label>Title<input type="text" name="title"></label>'
        '<label>Outlet<input type="text" name="outlet"></label>'
        '<label>Published<input type="date" name="published"></label>'
        '<label>Text<textarea name="text" required></textarea></label>'
        "<button>Add text</button></form>"
        '<form class="card form" method="post" action="/add/files" enctype="multipart/form-data">'
        "<h2>Upload files</h2>"
        '<label>Files<input type="file" name="files" multiple required></label>'
        f'<p class="muted">.txt, .html, .jsonl, .warc, .xml feeds; up to {max_mb:g} MB in all.</p>'
        "<button>Upload</button></form>"
    )
    status = ""
    if error:
        status = notice("bad", error)
    elif result is not None:
        status = _result(result)
    body = f'<h1>Add articles</h1><p class="lede">New articles join a story as soon as they are stored.</p>{status}<div class="forms">{forms}</div>'
    return page("Add articles", body)


def _result(result: Added) -> str:
    summary = result.summary
    lines = [f'<a href="{e(article_url(a))}">{e(a)}</a> added' for a in summary.added]
    lines += [f'<a href="{e(article_url(a))}">{e(a)}</a> was already stored' for a in summary.duplicates]
    lines += [f'<a href="{e(story_url(s))}">open its story</a>' for s in result.stories]
    lines += [f"error: {e(f.source)}: {e(f.reason)}" for f in summary.failures]
    kind = "ok" if summary.added or summary.duplicates else "bad"
    counts = f"{len(summary.added)} added, {len(summary.duplicates)} already stored, {len(summary.failures)} failed."
    return notice(kind, counts, lines)
