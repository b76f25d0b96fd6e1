"""The server-rendered pages: story list, story report, article, and the add page."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from crosscheck.web.add_view import add_page
from crosscheck.web.article_view import article_page
from crosscheck.web.context import AppContext, ArticleView, context, story_filters
from crosscheck.web.html import e, page, story_url
from crosscheck.web.ingest import Added, InputError, add_files, add_text, add_url
from crosscheck.web.payload import Payload
from crosscheck.web.reports import StoryReport
from crosscheck.web.listing import StoryFilters, list_stories
from crosscheck.web.story_views import story_list_page, with_story_bar

router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)
Context = Annotated[AppContext, Depends(context)]
PAGE_SIZE = 50


def not_found(what: str) -> HTMLResponse:
    body = f'<h1>Not found</h1><p class="lede">{e(what)}</p><p><a href="/">All stories</a></p>'
    return HTMLResponse(page("Not found", body), status_code=404)


@router.get("/")
def stories_page(ctx: Context, filters: Annotated[StoryFilters, Depends(story_filters)], offset: int = 0) -> HTMLResponse:
    listing = list_stories(ctx.store(), ctx.reports, filters, limit=PAGE_SIZE, offset=max(0, offset))
    return HTMLResponse(story_list_page(listing, filters, offset=max(0, offset), limit=PAGE_SIZE))


@router.get("/stories/{story_id}")
async def story_page(request: Request, ctx: Context, story_id: str) -> Response:
    """Served from the event loop when the report is cached; computing one goes to a thread."""
    story = ctx.story(story_id)
    if story is None:
        return not_found(f"No story with id {story_id!r}.")
    if story.id != story_id:  # merged into another story since the link was made
        return RedirectResponse(story_url(story.id), status_code=308)
    cached = ctx.reports.peek(story) or await run_in_threadpool(ctx.report, story)
    return _story_page(cached).response(request, "text/html; charset=utf-8")


@lru_cache(maxsize=16)
def _story_page(cached: StoryReport) -> Payload:
    """The report page with the app's bar, built once per computed report."""
    return Payload.of(with_story_bar(cached.html, cached.key[0], cached.report).encode("utf-8"))


@router.get("/articles/{article_id:path}")
async def article_page_route(request: Request, ctx: Context, article_id: str) -> Response:
    view = await ctx.article_view(article_id)
    if view is None:
        return not_found(f"No article with id {article_id!r}.")
    rendered = await ctx.rendered(view, "html", _article_html)
    return rendered.response(request, "text/html; charset=utf-8")


def _article_html(view: ArticleView) -> bytes:
    return article_page(view.article, view.highlights(), [(s.id, s.title) for s in view.stories]).encode("utf-8")


@router.get("/add")
def add_form(ctx: Context) -> HTMLResponse:
    return HTMLResponse(add_page(max_mb=ctx.config.max_upload_bytes / 1e6))


@router.post("/add/url")
async def add_url_form(request: Request, ctx: Context) -> HTMLResponse:
    form = await request.form(max_part_size=ctx.config.max_upload_bytes)
    url = str(form.get("url") or "")
    return await _added(ctx, lambda: add_url(url, ctx.store(), ctx.ingest_options()))


@router.post("/add/text")
async def add_text_form(request: Request, ctx: Context) -> HTMLResponse:
    form = await request.form(max_part_size=ctx.config.max_upload_bytes)
    fields = {name: str(form.get(name) or "") or None for name in ("title", "outlet", "published")}
    return await _added(ctx, lambda: add_text(str(form.get("text") or ""), ctx.store(), ctx.ingest_options(), **fields))


@router.post("/add/files")
async def add_files_form(request: Request, ctx: Context) -> HTMLResponse:
    form = await request.form(max_part_size=ctx.config.max_upload_bytes, max_files=100)
    files = [(upload.filename or "upload", await upload.read()) for upload in form.getlist("files") if hasattr(upload, "read")]
    return await _added(ctx, lambda: add_files(files, ctx.store(), ctx.ingest_options()))


async def _added(ctx: AppContext, work: Callable[[], Added]) -> HTMLResponse:
    """Run an add in a worker thread (it writes and clusters), then show what it did."""
    max_mb = ctx.config.max_upload_bytes / 1e6
    try:
        result = await run_in_threadpool(ctx.add, work)
    except InputError as exc:
        return HTMLResponse(add_page(error=str(exc), max_mb=max_mb), status_code=400)
    ok = result.summary.added or result.summary.duplicates
    return HTMLResponse(add_page(result=result, max_mb=max_mb), status_code=200 if ok else 400)
