"""Request checks every route gets: token, host, origin, body size; and the security headers.

One ASGI middleware, so no route can forget a check. With a token, every request must
carry it (``Authorization: Bearer TOKEN``, or the cookie a browser gets by opening any page
with ``?token=TOKEN``). Without one the app listens on loopback only, and the Host check
stops DNS-rebinding pages from talking to it. Cross-site form posts are refused by Origin.
"""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response

from crosscheck.web.config import LOOPBACK_NAMES, WebConfig

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

TOKEN_COOKIE = "crosscheck_token"
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),  # "no-referrer" would make form posts send "Origin: null"
    (b"x-frame-options", b"DENY"),
]
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class BodyTooLarge(HTTPException):
    """Raised from ``receive`` once a request body passes the upload limit; answers 413.

    An HTTPException, so body parsers that wrap other errors as 400 let it through.
    """

    def __init__(self, limit: int) -> None:
        super().__init__(413, _too_large_message(limit))


class SecurityMiddleware:
    """Checks each HTTP request before the app sees it; adds security headers to every answer."""

    def __init__(self, app: ASGIApp, config: WebConfig) -> None:
        self.app = app
        self.config = config

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        send = _with_headers(send)
        refusal = self.refusal(scope)
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, _limited(receive, self.config.max_upload_bytes), tracking_send)
        except BodyTooLarge:
            if started:
                raise
            await _too_large(self.config.max_upload_bytes)(scope, receive, send)

    def refusal(self, scope: Scope) -> Response | None:
        """The answer that stops this request, or None when it may go on."""
        headers = Headers(scope=scope)
        host = headers.get("host", "")
        if self.config.token is None and _hostname(host) not in self.allowed_hosts():
            return PlainTextResponse(f"unknown host {host!r}: open the app as http://127.0.0.1", status_code=400)
        origin = headers.get("origin")
        if scope["method"] not in _SAFE_METHODS and origin and urlsplit(origin).netloc.lower() != host.lower():
            return PlainTextResponse("refused: this request came from another site", status_code=403)
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.config.max_upload_bytes:
            return _too_large(self.config.max_upload_bytes)
        if self.config.token is not None:
            return self.token_refusal(scope, headers)
        return None

    def allowed_hosts(self) -> frozenset[str]:
        return LOOPBACK_NAMES | {self.config.host.strip("[]").lower()}

    def token_refusal(self, scope: Scope, headers: Headers) -> Response | None:
        """None for a request that carries the token; a cookie-setting redirect for ``?token=``."""
        query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        given = dict(query).get("token")
        if given is not None and scope["method"] == "GET" and self.matches(given):
            rest = urlencode([(k, v) for k, v in query if k != "token"])
            target = scope.get("root_path", "") + scope["path"] + (f"?{rest}" if rest else "")
            redirect = RedirectResponse(target, status_code=303)
            redirect.set_cookie(TOKEN_COOKIE, given, httponly=True, samesite="strict", path="/")
            return redirect
        bearer = headers.get("authorization", "")
        if bearer.lower().startswith("bearer ") and self.matches(bearer[7:].strip()):
            return None
        cookie = _cookies(headers).get(TOKEN_COOKIE)
        if cookie is not None and self.matches(cookie):
            return None
        message = "a token is required: send 'Authorization: Bearer TOKEN', or open any page once with ?token=TOKEN"
        if scope["path"].startswith("/api/") or scope["path"] == "/openapi.json":
            return JSONResponse({"detail": message}, status_code=401, headers={"WWW-Authenticate": "Bearer"})
        return PlainTextResponse(message, status_code=401, headers={"WWW-Authenticate": "Bearer"})

    def matches(self, given: str) -> bool:
        assert self.config.token is not None
        return hmac.compare_digest(given.encode(), self.config.token.encode())


def _hostname(host_header: str) -> str:
    """``[::1]:8000`` -> ``::1``; ``localhost:8000`` -> ``localhost``."""
    host = host_header.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _cookies(headers: Headers) -> dict[str, str]:
    found: dict[str, str] = {}
    for part in headers.get("cookie", "").split(";"):
        name, _, value = part.strip().partition("=")
        if name:
            found.setdefault(name, value)
    return found


def _too_large_message(limit: int) -> str:
    return f"request body is larger than the {limit / 1e6:g} MB upload limit"


def _too_large(limit: int) -> Response:
    return JSONResponse({"detail": _too_large_message(limit)}, status_code=413)


def _limited(receive: Receive, limit: int) -> Receive:
    """``receive`` that raises BodyTooLarge once more than ``limit`` body bytes have arrived."""
    size = 0

    async def wrapped() -> Message:
        nonlocal size
        message = await receive()
        if message["type"] == "http.request":
            size += len(message.get("body", b""))
            if size > limit:
                raise BodyTooLarge(limit)
        return message

    return wrapped


def _with_headers(send: Send) -> Send:
    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            names = {name.lower() for name, _ in message.get("headers", [])}
            message["headers"] = [*message.get("headers", []), *(h for h in SECURITY_HEADERS if h[0] not in names)]
        await send(message)

    return wrapped
