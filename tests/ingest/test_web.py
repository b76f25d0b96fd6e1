"""Fetching from the web, against a local server: limits, robots.txt, and refusals of private addresses."""

from __future__ import annotations

import io
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from ipaddress import ip_address
from pathlib import Path

import pytest

from crosscheck.ingest import feeds, web
from crosscheck.ingest.ids import normalize_url
from crosscheck.ingest.options import USER_AGENT, IngestOptions, ReadError
from crosscheck.model import Article, Failure

PAGES = Path(__file__).parents[1] / "fixtures" / "ingest" / "html"
FERRY = (PAGES / "harbour_ferry.html").read_bytes()
LIBRARY = (PAGES / "no_date.html").read_bytes()
LOCAL = IngestOptions(allow_private=True)


def rss(*items: str) -> bytes:
    return (
        '<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        "<channel><title>Orrin Town News</title><link>https://orrintownnews.example/</link>"
        f"{''.join(items)}</channel></rss>"
    ).encode()


def item(title: str, link: str, date: str, body: str = "") -> str:
    """An RSS item: with ``body`` its full text, without it only a teaser."""
    text = f"<content:encoded><![CDATA[{body}]]></content:encoded>" if body else "<description>Teaser.</description>"
    return f"<item><title>{title}</title><link>{link}</link><pubDate>{date}</pubDate>{text}</item>"


ROUTES: dict[str, tuple[int, dict[str, str], bytes]] = {
    "/robots.txt": (200, {"Content-Type": "text/plain"}, b"User-agent: crosscheck\nDisallow: /private/\n"),
    "/story": (200, {"Content-Type": "text/html; charset=utf-8"}, FERRY),
    "/undated": (200, {"Content-Type": "text/html"}, LIBRARY),
    "/private/story": (200, {"Content-Type": "text/html"}, FERRY),
    "/hop1": (302, {"Location": "/hop2"}, b""),
    "/hop2": (301, {"Location": "/story?utm_source=redirect"}, b""),
    "/loop": (302, {"Location": "/loop"}, b""),
    "/to-intranet": (302, {"Location": "http://intranet.test/secret"}, b""),
    "/big": (200, {"Content-Type": "text/html"}, b"<p>" + b"x" * 50_000 + b"</p>"),
    "/photo.png": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n"),
    "/missing": (404, {"Content-Type": "text/html"}, b"<html><body>Not found</body></html>"),
    "/full-feed.xml": (
        200,
        {"Content-Type": "application/rss+xml"},
        rss(
            item(
                "Library hours",
                "https://orrintownnews.example/library",
                "Tue, 04 Apr 2023 08:00:00 GMT",
                "<p>The library stays open until ten.</p>",
            )
        ),
    ),
}


class Site(BaseHTTPRequestHandler):
    """Serves ROUTES; "/big-unsized" streams without Content-Length and "/slow" stalls."""

    requests: list[tuple[str, str, str]] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        Site.requests.append((self.path, self.headers.get("Host", ""), self.headers.get("User-Agent", "")))
        if self.path == "/slow":
            time.sleep(1.0)
        if self.path == "/big-unsized":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(50):
                self.wfile.write(b"<p>" + b"y" * 1000 + b"</p>")
            return
        status, headers, body = ROUTES.get(self.path.split("?")[0], (404, {}, b""))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def handle(self) -> None:
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading on purpose (size cap, timeout)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    ROUTES["/feed.xml"] = (
        200,
        {"Content-Type": "application/rss+xml"},
        rss(
            item("Night ferry returns", f"http://{host}:{port}/story", "Tue, 14 Mar 2023 09:30:00 +0100"),
            item("Library hours", f"http://{host}:{port}/undated", "Tue, 04 Apr 2023 08:00:00 GMT"),
            item("Withdrawn story", f"http://{host}:{port}/missing", "Wed, 05 Apr 2023 10:00:00 GMT"),
        ),
    )
    yield f"http://{host}:{port}"
    server.shutdown()
    server.server_close()


def test_fetch_sends_the_user_agent_and_reports_the_page(site: str) -> None:
    page = web.fetch(f"{site}/story", LOCAL)
    assert (page.status, page.content_type, page.encoding) == (200, "text/html", "utf-8")
    assert page.data == FERRY
    assert (f"/story", site.removeprefix("http://"), USER_AGENT) in Site.requests


def test_read_url_follows_redirects_and_ids_the_final_url(site: str) -> None:
    [article] = web.read_url(f"{site}/hop1", LOCAL)
    assert isinstance(article, Article)
    assert article.id == normalize_url(f"{site}/story")
    assert article.url == f"{site}/story?utm_source=redirect"
    assert article.source == f"{site}/hop1"
    assert article.title == "Night ferry returns to Port Caddow after two-year pause"


def test_redirects_are_capped(site: str) -> None:
    with pytest.raises(ReadError, match=r"^too many redirects \(>5\)$"):
        web.fetch(f"{site}/loop", LOCAL)
    with pytest.raises(ReadError, match=r"^too many redirects \(>1\)$"):
        web.fetch(f"{site}/hop1", IngestOptions(allow_private=True, max_redirects=1))


@pytest.mark.parametrize("path", ["/big", "/big-unsized"])
def test_size_cap(site: str, path: str) -> None:
    with pytest.raises(ReadError, match=r"^response larger than 0.02 MB$"):
        web.fetch(f"{site}{path}", IngestOptions(allow_private=True, max_bytes=20_000))


def test_unwanted_content_type_is_refused(site: str) -> None:
    with pytest.raises(ReadError, match="^unsupported content type image/png$"):
        web.fetch(f"{site}/photo.png", LOCAL)


def test_http_error_status(site: str) -> None:
    with pytest.raises(ReadError, match="^HTTP 404$"):
        web.fetch(f"{site}/missing", LOCAL)


def test_robots_txt_is_respected_unless_told_otherwise(site: str) -> None:
    with pytest.raises(ReadError, match="^blocked by robots.txt$"):
        web.fetch(f"{site}/private/story", LOCAL)
    page = web.fetch(f"{site}/private/story", IngestOptions(allow_private=True, respect_robots=False))
    assert page.status == 200


def test_slow_server_times_out(site: str) -> None:
    with pytest.raises(ReadError, match=r"^timed out after 0.2s$"):
        web.fetch(f"{site}/slow", IngestOptions(allow_private=True, respect_robots=False, timeout=0.2))


def test_connection_refused() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(ReadError, match="^connection refused$"):
        web.fetch(f"http://127.0.0.1:{port}/", LOCAL)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://", r"invalid URL \(no host\)"),
        ("http://[::1/", r"invalid URL \(Invalid IPv6 URL\)"),
        ("http://example.org:99999/", r"invalid URL \(Port out of range 0-65535\)"),
    ],
)
def test_malformed_url_is_an_invalid_url(url: str, reason: str) -> None:
    with pytest.raises(ReadError, match=f"^{reason}$"):
        web.fetch(url, IngestOptions())


def test_unknown_host(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_such_host(*args: object, **kwargs: object) -> None:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(web.socket, "getaddrinfo", no_such_host)
    with pytest.raises(ReadError, match="^could not resolve host nowhere.example$"):
        web.fetch("http://nowhere.example/", IngestOptions())


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://127.0.0.1/", "127.0.0.1 is a loopback address"),
        ("http://localhost:8080/", "localhost resolves to 127.0.0.1, a loopback address"),
        ("http://10.0.0.1/", "10.0.0.1 is a private address"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a cloud metadata address"),
        ("http://[::1]/", "::1 is a loopback address"),
        ("http://[::ffff:192.168.1.5]/", "::ffff:192.168.1.5 resolves to ::ffff:c0a8:105, a private address"),
        ("http://100.100.100.200/", "100.100.100.200 is a cloud metadata address"),
        ("http://100.64.0.7/", "100.64.0.7 is a carrier-grade NAT address"),
    ],
)
def test_private_addresses_are_refused(monkeypatch: pytest.MonkeyPatch, url: str, reason: str) -> None:
    if url.startswith("http://localhost"):
        monkeypatch.setattr(web, "resolve", lambda host, port: [ip_address("127.0.0.1")])
    with pytest.raises(ReadError) as refused:
        web.fetch(url, IngestOptions())
    assert str(refused.value) == f"refused: {reason} (use --allow-private to allow)"


def allow_only_the_test_server(monkeypatch: pytest.MonkeyPatch, names: dict[str, str]) -> None:
    """Treat 127.0.0.1 as public, and resolve the made-up ``names`` without DNS."""
    check, resolve = web.blocked_reason, web.resolve
    monkeypatch.setattr(web, "blocked_reason", lambda address: None if str(address) == "127.0.0.1" else check(address))
    monkeypatch.setattr(
        web, "resolve", lambda host, port: [ip_address(names[host])] if host in names else resolve(host, port)
    )


def test_redirect_to_a_private_address_is_refused(site: str, monkeypatch: pytest.MonkeyPatch) -> None:
    allow_only_the_test_server(monkeypatch, {"intranet.test": "10.1.2.3"})
    assert web.fetch(f"{site}/story", IngestOptions()).status == 200  # the first hop alone is allowed
    with pytest.raises(ReadError, match=r"^refused: intranet.test resolves to 10.1.2.3, a private address"):
        web.fetch(f"{site}/to-intranet", IngestOptions())


def test_connection_goes_to_the_checked_address_and_keeps_the_host_name(
    site: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    allow_only_the_test_server(monkeypatch, {"news.test": "127.0.0.1"})
    port = site.rsplit(":", 1)[1]
    page = web.fetch(f"http://news.test:{port}/story", IngestOptions())
    assert page.final_url == f"http://news.test:{port}/story"
    assert ("/story", f"news.test:{port}", USER_AGENT) in Site.requests


def test_read_url_reads_a_feed_with_full_text(site: str) -> None:
    [article] = web.read_url(f"{site}/full-feed.xml", LOCAL)
    assert isinstance(article, Article)
    assert (article.id, article.outlet) == ("https://orrintownnews.example/library", "Orrin Town News")
    assert article.body == "The library stays open until ten."


def test_feed_with_fetch_downloads_each_linked_page(site: str) -> None:
    data = web.fetch(f"{site}/feed.xml", LOCAL).data
    options = IngestOptions(allow_private=True, fetch=True)
    ferry, library, withdrawn = feeds.read(io.BytesIO(data), f"{site}/feed.xml", options)
    assert isinstance(ferry, Article) and isinstance(library, Article)
    assert ferry.title == "Night ferry returns to Port Caddow after two-year pause"  # the page's own title wins
    assert ferry.published == "2023-03-14T09:30:00+01:00"
    assert ferry.format == "html"
    assert library.published == "2023-04-04T08:00:00+00:00"  # the page has no date: the feed's is kept
    assert library.outlet == "Orrin Town News"
    assert withdrawn == Failure(f"{site}/missing", "HTTP 404")
