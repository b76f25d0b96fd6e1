"""The web app: pages and JSON API over one store, behind the security middleware.

>>> from crosscheck.web import WebConfig, create_app
>>> app = create_app(WebConfig(db=Path("news.db")))      # doctest: +SKIP
>>> uvicorn.run(app, host="127.0.0.1", port=8000)         # doctest: +SKIP
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from crosscheck import __version__
from crosscheck.web import api_routes, pages
from crosscheck.web.config import WebConfig
from crosscheck.web.context import AppContext, ReportFailed
from crosscheck.web.html import e, page
from crosscheck.web.security import SecurityMiddleware


def create_app(config: WebConfig) -> FastAPI:
    """A new app; with ``config.warm`` it starts computing the newest stories' reports."""
    app = FastAPI(
        title="crosscheck",
        version=__version__,
        description="Stories, their cross-checked reports, and articles. The same data as the crosscheck CLI.",
        docs_url=None,  # the interactive docs load scripts from a CDN; the app serves nothing external
        redoc_url=None,
    )
    app.state.context = AppContext.create(config)
    app.include_router(api_routes.router)
    app.include_router(pages.router)
    app.add_middleware(SecurityMiddleware, config=config)
    app.add_exception_handler(ReportFailed, _report_failed)
    if config.warm:
        context = app.state.context
        context.reports.warm(sorted(context.store().stories(), key=lambda s: s.updated, reverse=True)[: config.cache_size])
    return app


def _report_failed(request: Request, exc: Exception) -> Response:
    """A story whose report fails: a 500 that says so, as JSON for the API and a page otherwise."""
    if request.url.path.startswith("/api/"):
        return JSONResponse({"detail": str(exc)}, status_code=500)
    body = f'<h1>Report failed</h1><p class="lede">{e(exc)}</p><p><a href="/">All stories</a></p>'
    return HTMLResponse(page("Report failed", body), status_code=500)
