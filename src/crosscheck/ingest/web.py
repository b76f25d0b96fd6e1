"""Fetching pages safely: timeouts, a size cap, capped redirects, robots.txt, a clear User-Agent,
and no requests to private addresses (SSRF) unless ``--allow-private``.

The address check sits where the socket is opened: the host is resolved once, every address it
resolves to is checked, and the connection goes to a checked address while the Host header and
TLS SNI still name the host. So a DNS answer that changes between check and connect (rebinding)
cannot slip through, and every redirect hop and robots.txt request is checked the same way.
Known limits: name resolution itself has no timeout (it is the system resolver's), and robots.txt
rules are cached for the life of the process.
"""

from __future__ import annotations

import socket
import ssl
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, lru_cache
from ipaddress import IPv4Address, IPv6Address, ip_address, ip_network
from typing import Any
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpcore
import httpx

from crosscheck.ingest.html import article_from_html
from crosscheck.ingest.ids import normalize_url
from crosscheck.ingest.options import IngestOptions, ReadError
from crosscheck.ingest.readers import format_from_content_type, read_data, sniff_format
from crosscheck.model import Article, Failure

HTML_ACCEPT = "text/html,application/xhtml+xml"
PAGE_ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/rdf+xml,"
    "application/xml;q=0.9,text/xml;q=0.9,text/plain;q=0.8"
)
_ROBOTS_MAX_BYTES = 500_000

IPAddress = IPv4Address | IPv6Address
_METADATA_ADDRESSES = {ip_address("169.254.169.254"), ip_address("fd00:ec2::254"), ip_address("100.100.100.200")}
_SHARED_ADDRESS_SPACE = ip_network("100.64.0.0/10")  # carrier-grade NAT, not covered by is_private
_NAT64 = ip_network("64:ff9b::/96")


class AddressError(ReadError):
    """A host that cannot be resolved, or must not be connected to (a private address)."""


@dataclass(frozen=True)
class Fetched:
    """A page as downloaded: ``content_type`` is the bare media type, ``encoding`` the declared charset."""

    url: str
    final_url: str
    status: int
    content_type: str | None
    encoding: str | None
    data: bytes


def article_from_page(
    page: Fetched, source: str, options: IngestOptions, fallback: Mapping[str, str | None] | None = None
) -> Article:
    """A fetched HTML page as an article, known by its normalised final URL."""
    return article_from_html(
        page.data,
        id=normalize_url(page.final_url),
        source=source,
        options=options,
        url=page.final_url,
        declared_encoding=page.encoding,
        fallback=fallback,
    )


def read_url(url: str, options: IngestOptions) -> Iterator[Article | Failure]:
    """Fetch ``url`` and read it as what it turns out to be: an HTML page, a feed, or plain text."""
    page = fetch(url, options)
    kind = format_from_content_type(page.content_type)
    if kind in (None, "feed") and sniff_format(page.data[:4096]) == "html":
        kind = "html"  # XHTML is often served as generic XML
    if kind == "html":
        yield article_from_page(page, url, options)
    else:
        yield from read_data(page.data, url, options, fmt=kind)


def fetch(url: str, options: IngestOptions, *, accept: str = PAGE_ACCEPT) -> Fetched:
    """Download ``url``, following redirects one hop at a time, each hop checked like the first.

    Raises ReadError with the reason ("HTTP 404", "blocked by robots.txt", ...). ``accept`` is
    both the Accept header and the list of media types taken; ``options.timeout`` bounds each
    wait for the server and also the whole download of a response.
    """
    wanted = {part.split(";")[0].strip().lower() for part in accept.split(",")}
    current = url
    with _client(options) as client:
        for _ in range(options.max_redirects + 1):
            scheme = _checked_scheme(current)
            if scheme not in ("http", "https"):
                raise ReadError(f"unsupported URL scheme {scheme!r}: only http and https are fetched")
            if options.respect_robots and not _robots_allow(current, options):
                raise ReadError("blocked by robots.txt")
            with _http_errors(options), client.stream("GET", current, headers={"Accept": accept}) as response:
                if response.next_request is not None:
                    current = str(response.next_request.url)
                    continue
                if not response.is_success:
                    raise ReadError(f"HTTP {response.status_code}")
                content_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower() or None
                if content_type and content_type not in wanted and "*/*" not in wanted:
                    raise ReadError(f"unsupported content type {content_type}")
                return Fetched(
                    url=url,
                    final_url=str(response.url),
                    status=response.status_code,
                    content_type=content_type,
                    encoding=response.charset_encoding,
                    data=_body(response, options.max_bytes, options.timeout),
                )
    raise ReadError(f"too many redirects (>{options.max_redirects})")


def _checked_scheme(url: str) -> str:
    """The URL's scheme, once it is known to name a host and a valid port: "http://" or
    "http://[::1" is an invalid URL, not a bad HTTP response or an unexpected error."""
    try:
        parts = urlsplit(url)
        host, _ = parts.hostname, parts.port
    except ValueError as exc:
        raise ReadError(f"invalid URL ({exc})") from None
    if not host:
        raise ReadError("invalid URL (no host)")
    return parts.scheme.lower()


def blocked_reason(address: IPAddress) -> str | None:
    """Why connecting to ``address`` could reach a private service ("a loopback address"), or None."""
    if isinstance(address, IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is None and address in _NAT64:
            embedded = IPv4Address(int(address) & 0xFFFFFFFF)
        if embedded is not None:
            return blocked_reason(embedded)
    checks = (
        (address in _METADATA_ADDRESSES, "a cloud metadata address"),
        (address.is_loopback, "a loopback address"),
        (address.is_link_local, "a link-local address"),
        (address.is_multicast, "a multicast address"),
        (address.is_unspecified, "an unspecified address"),
        (address in _SHARED_ADDRESS_SPACE, "a carrier-grade NAT address"),
        (address.is_private, "a private address"),
        (address.is_reserved, "a reserved address"),
        (not address.is_global, "a non-public address"),
    )
    return next((reason for hit, reason in checks if hit), None)


def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address ``host`` resolves to (a literal IP resolves to itself)."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise AddressError(f"could not resolve host {host}") from None
    return list(dict.fromkeys(ip_address(info[4][0].split("%")[0]) for info in found))


class _CheckedBackend(httpcore.SyncBackend):
    """Opens each connection to an address it has checked, never re-resolving the host."""

    def __init__(self, allow_private: bool) -> None:
        self.allow_private = allow_private

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        addresses = resolve(host, port)
        if not self.allow_private:
            for address in addresses:
                reason = blocked_reason(address)
                if reason:
                    where = f"{host} is" if host == str(address) else f"{host} resolves to {address},"
                    raise AddressError(f"refused: {where} {reason} (use --allow-private to allow)")
        error: Exception | None = None
        for address in addresses:
            try:
                return super().connect_tcp(str(address), port, timeout, local_address, socket_options)
            except httpcore.ConnectError as exc:
                error = exc
        raise error or httpcore.ConnectError(f"no address for {host}")


class _CheckedTransport(httpx.HTTPTransport):
    """httpx's own transport over a connection pool whose sockets come from ``_CheckedBackend``.

    Sets ``_pool``, where HTTPTransport keeps its pool (httpx 0.28), instead of calling
    ``super().__init__``, which would build a second pool with the default backend.
    """

    def __init__(self, allow_private: bool) -> None:
        self._pool = httpcore.ConnectionPool(ssl_context=_ssl_context(), network_backend=_CheckedBackend(allow_private))


@cache
def _ssl_context() -> ssl.SSLContext:
    """Built once: loading the CA bundle costs more than a small request."""
    return httpx.create_ssl_context()


def _client(options: IngestOptions) -> httpx.Client:
    return httpx.Client(
        transport=_CheckedTransport(options.allow_private),
        timeout=httpx.Timeout(options.timeout),
        headers={"User-Agent": options.user_agent},
        follow_redirects=False,
        max_redirects=options.max_redirects,
        trust_env=False,  # a proxy from the environment would bypass the address check
    )


@contextmanager
def _http_errors(options: IngestOptions) -> Iterator[None]:
    """httpx exceptions as ReadError with a one-line reason."""
    try:
        yield
    except httpx.TimeoutException:
        raise ReadError(f"timed out after {options.timeout:g}s") from None
    except httpx.ConnectError as exc:
        raise ReadError(_connect_failure(exc)) from None
    except httpx.InvalidURL as exc:
        raise ReadError(f"invalid URL ({exc})") from None
    except httpx.HTTPError as exc:
        raise ReadError(f"bad HTTP response ({exc})") from None


def _connect_failure(exc: BaseException) -> str:
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, ConnectionRefusedError):
            return "connection refused"
        if isinstance(cause, ssl.SSLError):
            return f"TLS handshake failed ({cause.reason or cause})"
        cause = cause.__cause__ or cause.__context__
    return f"could not connect ({exc})"


def _body(response: httpx.Response, limit: int, timeout: float) -> bytes:
    """The decoded body, stopped as soon as it passes ``limit`` bytes or ``timeout`` seconds."""
    too_large = ReadError(f"response larger than {limit / 1e6:g} MB")
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_large
    deadline = time.monotonic() + timeout
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limit:
            raise too_large
        if time.monotonic() > deadline:
            raise ReadError(f"timed out after {timeout:g}s")
        chunks.append(chunk)
    return b"".join(chunks)


def _robots_allow(url: str, options: IngestOptions) -> bool:
    parts = urlsplit(url)
    rules = _robots_rules(f"{parts.scheme.lower()}://{parts.netloc.lower()}", options)
    return rules is None or rules.can_fetch(options.user_agent, url)


@lru_cache(maxsize=256)
def _robots_rules(origin: str, options: IngestOptions) -> RobotFileParser | None:
    """The robots.txt of ``origin``; None (all allowed) when it is missing or cannot be fetched.

    An AddressError still raises: the page itself would fail the same way.
    """
    try:
        with _client(options) as client, _http_errors(options), client.stream(
            "GET", f"{origin}/robots.txt", follow_redirects=True
        ) as response:
            if response.status_code != 200:
                return None
            text = _body(response, _ROBOTS_MAX_BYTES, options.timeout).decode("utf-8", errors="replace")
    except AddressError:
        raise
    except ReadError:
        return None
    rules = RobotFileParser()
    rules.parse(text.splitlines())
    return rules
