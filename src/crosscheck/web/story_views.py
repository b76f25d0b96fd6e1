"""The story list page, and the bar the app adds on top of a story's report page."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from crosscheck.web.html import article_url, e, notice, page, query_url, story_url
from crosscheck.web.listing import StoryFilters, StoryPage, StoryRow


def story_list_page(listing: StoryPage, filters: StoryFilters, *, offset: int, limit: int) -> str:
    outlets = "".join(
        f'<option value="{e(o)}"{" selected" if o == filters.outlet else ""}>{e(o)}</option>' for o in listing.outlets
    )
    form = (
        '<form class="card filters" method="get" action="/" role="search">'
        f'<label>Search<input type="search" name="q" value="{e(filters.q or "")}" placeholder="words, &quot;a phrase&quot;, troop*"></label>'
        f'<label>From<input type="date" name="since" value="{e(filters.since or "")}"></label>'
        f'<label>To<input type="date" name="until" value="{e(filters.until or "")}"></label>'
        f'<label>Outlet<select name="outlet"><option value="">any</option>{outlets}</select></label>'
        f'<label class="check"><input type="checkbox" name="disputed" value="1"{" checked" if filters.disputed else ""}> has disputes</label>'
        "<button>Show</button></form>"
    )
    found = f"{listing.total} stor{'y' if listing.total == 1 else 'ies'}"
    notes = ""
    if filters.disputed and listing.unanalysed:
        if listing.unanalysed == 1:
            waiting = "1 story is not analysed yet, so its disputes are unknown: open it to analyse it."
        else:
            waiting = f"{listing.unanalysed} stories are not analysed yet, so their disputes are unknown: open one to analyse it."
        notes = notice("", waiting)
    items = "".join(_story_item(row) for row in listing.rows)
    empty = '<p class="card empty">No story matches. Add articles on the <a href="/add">add page</a>.</p>'
    params = {"q": filters.q, "since": filters.since, "until": filters.until, "outlet": filters.outlet, "disputed": filters.disputed and "1"}
    pager = []
    if offset > 0:
        pager.append(f'<a href="{e(query_url("/", {**params, "offset": max(0, offset - limit) or None}))}">← newer</a>')
    if offset + limit < listing.total:
        pager.append(f'<a href="{e(query_url("/", {**params, "offset": offset + limit}))}">older →</a>')
    body = (
        f'<h1>Stories</h1><p class="lede">{found}. Each story is the articles about one event, cross-checked.</p>'
        f'{form}{notes}<ol class="story-list">{items}</ol>{"" if items else empty}'
        f'<nav class="pager">{"".join(pager)}</nav>'
    )
    return page("Stories", body)


def _story_item(row: StoryRow) -> str:
    dates = " – ".join(dict.fromkeys(d[:10] for d in (row.first_published, row.last_published) if d))
    if row.disputes is None:
        disputes = '<span class="muted">not analysed yet</span>'
    else:
        disputes = f'<span class="tag{" warn" if row.disputes else " ok"}">{row.disputes} dispute{"s" * (row.disputes != 1)}</span>'
    outlets = ", ".join(row.outlets[:6]) + (f" and {len(row.outlets) - 6} more" if len(row.outlets) > 6 else "")
    facts = [f"{len(row.article_ids)} article{'s' * (len(row.article_ids) != 1)}", e(outlets or "no outlet named"), e(dates or "undated"), disputes]
    snippets = "".join(f'<p class="snippet">{e(hit["title"] or hit["id"])}: {e(hit["snippet"])}</p>' for hit in row.matches[:2])
    return (
        f'<li class="card"><h2><a href="{e(story_url(row.id))}">{e(row.title or "(untitled story)")}</a></h2>'
        f'<p class="facts">{"".join(f"<span>{fact}</span>" for fact in facts)}</p>{snippets}</li>'
    )


def with_story_bar(report_html: str, story_id: str, report: dict[str, Any]) -> str:
    """The report page with a bar on top: back to the list, and each article's own page."""
    links = "".join(
        f'<a href="{e(article_url(a["id"]))}">{a["number"]}. {e(a["label"])}</a>' for a in report["articles"]
    )
    bar = (
        '<nav class="story-bar" aria-label="crosscheck"><div class="wrap"><a href="/">← All stories</a>'
        f'<a href="/api/stories/{e(quote(story_id, safe=""))}/report">JSON</a>'
        f"<span class=\"muted\">Articles:</span>{links}</div></nav>\n"
    )
    extra_css = "<style>\n.story-bar{background:var(--surface);border-bottom:1px solid var(--line);font-size:.9rem}"
    extra_css += ".story-bar .wrap{display:flex;flex-wrap:wrap;gap:6px 14px;padding-top:8px;padding-bottom:8px}\n</style>\n"
    head_end = report_html.index("</head>")
    body_start = report_html.index("<body>\n", head_end) + len("<body>\n")
    return report_html[:head_end] + extra_css + report_html[head_end:body_start] + bar + report_html[body_start:]
