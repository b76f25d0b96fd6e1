"""The JSON API, mirroring the CLI: list stories, a story's report, an article, add articles."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field, ValidationError

from crosscheck.web.context import AppContext, ArticleView, context, story_filters
from crosscheck.web.ingest import InputError, add_files, add_text, add_url
from crosscheck.web.listing import StoryFilters, list_stories

router = APIRouter(prefix="/api", tags=["api"])
Context = Annotated[AppContext, Depends(context)]


class UrlInput(BaseModel):
    """Fetch a web page or a feed (each entry becomes an article)."""

    url: str = Field(examples=["https://example.com/news/bridge-closure.html"])


class TextInput(BaseModel):
    """Store pasted text as one article (a JSON object with ``text`` is never fetched)."""

    text: str = Field(min_length=1)
    title: str | None = None
    outlet: str | None = None
    published: str | None = Field(default=None, examples=["2026-03-10"])
    byline: str | None = None
    url: str | None = Field(default=None, description="Where the text was published; stored, never fetched.")


_POST_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": {"oneOf": [UrlInput.model_json_schema(), TextInput.model_json_schema()]}},
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "properties": {"files": {"type": "array", "items": {"type": "string", "format": "binary"}}},
                "required": ["files"],
            }
        },
    },
}


@router.get("/stories")
async def get_stories(
    ctx: Context, filters: Annotated[StoryFilters, Depends(story_filters)], limit: int = 50, offset: int = 0
) -> Response:
    """Stories, newest first (best match first with ``q``, an FTS5 query over titles and text).

    ``disputed`` keeps stories whose computed report has disputes; ``unanalysed`` counts the
    stories not analysed yet (their disputes are unknown).
    """
    limit, offset = max(0, min(limit, 500)), max(0, offset)

    def build() -> bytes:
        listing = list_stories(ctx.store(), ctx.reports, filters, limit=limit, offset=offset)
        rows = [row.to_dict() for row in listing.rows]
        answer = {"total": listing.total, "unanalysed": listing.unanalysed, "stories": rows}
        return json.dumps(answer, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    key = ctx.story_list_key(filters, limit, offset)
    body = ctx.cached_story_list(key) or await run_in_threadpool(ctx.story_list, key, build)
    return Response(body, media_type="application/json")


@router.get("/stories/{story_id}/report", responses={200: {"content": {"application/json": {}}}})
async def get_story_report(request: Request, ctx: Context, story_id: str) -> Response:
    """The story's report: the JSON contract of ``crosscheck report --format json``."""
    story = ctx.story(story_id)
    if story is None:
        raise HTTPException(404, f"no story with id {story_id!r}; GET /api/stories lists them")
    cached = ctx.reports.peek(story) or await run_in_threadpool(ctx.report, story)
    return cached.json.response(request, "application/json")


@router.get("/articles/{article_id:path}", responses={200: {"content": {"application/json": {}}}})
async def get_article(request: Request, ctx: Context, article_id: str) -> Response:
    """One article as ``crosscheck show --format json``, with its stories and highlights
    (quotes, claims, disputed spans: character offsets into ``text``)."""
    view = await ctx.article_view(article_id)
    if view is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    rendered = await ctx.rendered(view, "json", _article_json)
    return rendered.response(request, "application/json")


def _article_json(view: ArticleView) -> bytes:
    data = {
        **view.article.to_dict(),
        "stories": [s.id for s in view.stories],
        "highlights": [h.to_dict() for h in view.highlights()],
    }
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


@router.post("/articles", status_code=201, openapi_extra={"requestBody": _POST_BODY})
async def post_articles(request: Request, ctx: Context) -> JSONResponse:
    """Add articles: JSON ``{"url": ...}`` or ``{"text": ..., "title": ...}``, or files as
    multipart ``files``. Answers 201 with what was added and the stories holding it; 400 when
    nothing could be read (a URL refused as private is one such case), 413 over the size limit."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    options = ctx.ingest_options()
    if content_type == "multipart/form-data":
        form = await request.form(max_part_size=ctx.config.max_upload_bytes, max_files=100)
        files = [(u.filename or "upload", await u.read()) for u in form.getlist("files") + form.getlist("file") if hasattr(u, "read")]
        work = lambda: add_files(files, ctx.store(), options)  # noqa: E731
    else:
        body = await _json_body(request)
        if "text" not in body and "url" in body:
            url = _parsed(UrlInput, body).url
            work = lambda: add_url(url, ctx.store(), options)  # noqa: E731
        else:
            given = _parsed(TextInput, body)
            meta = given.model_dump(exclude={"text", "title"})
            work = lambda: add_text(given.text, ctx.store(), options, title=given.title, **meta)  # noqa: E731
    try:
        result = await run_in_threadpool(ctx.add, work)
    except InputError as exc:
        raise HTTPException(400, str(exc)) from None
    summary = result.summary
    if summary.added:
        return JSONResponse(result.to_dict(), status_code=201)
    if summary.duplicates:
        return JSONResponse(result.to_dict(), status_code=200)
    reasons = "; ".join(f"{f.source}: {f.reason}" for f in summary.failures) or "nothing could be read"
    return JSONResponse({"detail": reasons, **result.to_dict()}, status_code=400)


async def _json_body(request: Request) -> dict[str, Any]:
    try:
        body = json.loads(await request.body() or b"null")
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise HTTPException(400, f"the body is not JSON ({exc}); send JSON or multipart/form-data") from None
    if not isinstance(body, dict):
        raise HTTPException(400, 'send a JSON object: {"url": ...} or {"text": ..., "title": ...}')
    return body


def _parsed(model: type[BaseModel], body: dict[str, Any]) -> Any:
    try:
        return model.model_validate(body)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, err['loc'])) or 'body'}: {err['msg']}" for err in exc.errors())
        raise HTTPException(422, problems) from None
