"""Security: the token, the Host and Origin checks, upload limits, and URL ingest refusing
private addresses (SSRF), also after a redirect and after DNS resolution."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from ipaddress import ip_address
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from crosscheck.cli import cli
from crosscheck.ingest import web as fetcher
from crosscheck.web.config import bind_error

TOKEN = "test-token-0123456789abcdef"
PAGE = (
    b"<html><head><title>Orrin harbour dredging starts</title></head><body><article>"
    b"<h1>Orrin harbour dredging starts</h1><p>Dredging of the Orrin harbour channel began on Monday, "
    b"the port office said, and will last six weeks.</p><p>Boats will use the east channel meanwhile, "
    b"the harbour master told reporters at the quay.</p></article></body></html>"
)


class Site(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        if self.path == "/to-intranet":
            self.send_response(302)
            self.send_header("Location", "http://intranet.test/admin")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        status, body = (200, PAGE) if self.path == "/story" else (404, b"")
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    """A local web site; only tests that let 127.0.0.1 through may fetch from it."""
    with ThreadingHTTPServer(("127.0.0.1", 0), Site) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        yield f"http://127.0.0.1:{server.server_address[1]}"
        server.shutdown()


# --- token --------------------------------------------------------------------------------


def test_with_a_token_every_request_needs_it(story_db: Path, make_client: Callable[..., TestClient]) -> None:
    with make_client(story_db, token=TOKEN, host="0.0.0.0") as client:
        for path in ("/", "/add", "/api/stories", "/openapi.json", "/articles/northgate-times"):
            refused = client.get(path)
            assert refused.status_code == 401, path
        assert "Bearer" in client.get("/api/stories").json()["detail"]
        assert client.get("/api/stories", headers={"Authorization": "Bearer wrong-token-0123456789"}).status_code == 401
        assert client.get("/api/stories", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
        assert client.post("/api/articles", json={"text": "x"}).status_code == 401


def test_a_browser_gets_a_cookie_from_token_in_the_address(story_db: Path, make_client: Callable[..., TestClient]) -> None:
    with make_client(story_db, token=TOKEN, host="0.0.0.0") as client:
        assert client.get("/?token=wrong").status_code == 401
        landed = client.get(f"/?q=bridge&token={TOKEN}", follow_redirects=False)
        assert landed.status_code == 303 and landed.headers["location"] == "/?q=bridge"  # the token leaves the address
        cookie = landed.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=strict" in cookie
        assert client.get("/add").status_code == 200  # the cookie now carries the token


def test_a_public_address_needs_a_token() -> None:
    assert "pass --token" in bind_error("0.0.0.0", None)
    assert bind_error("127.0.0.1", None) is None and bind_error("::1", None) is None
    assert "too short" in bind_error("0.0.0.0", "short")
    result = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0"], env={"CROSSCHECK_TOKEN": ""})
    assert result.exit_code == 1 and "pass --token TOKEN or set CROSSCHECK_TOKEN" in result.output


def test_serve_without_the_web_extra_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(__import__("sys").modules, "uvicorn", None)
    result = CliRunner().invoke(cli, ["serve"])
    assert result.exit_code == 1 and 'pip install "crosscheck[web]"' in result.output


# --- host, origin, headers ----------------------------------------------------------------


def test_unknown_host_names_are_refused_without_a_token(client: TestClient) -> None:
    """A page on another site whose name resolves to 127.0.0.1 (DNS rebinding) gets nothing."""
    assert client.get("/api/stories", headers={"Host": "attacker.example:8000"}).status_code == 400
    assert client.get("/api/stories", headers={"Host": "localhost:8000"}).status_code == 200


def test_cross_site_posts_are_refused(client: TestClient) -> None:
    refused = client.post("/add/text", data={"text": "planted"}, headers={"Origin": "https://attacker.example"})
    assert refused.status_code == 403
    assert client.get("/", headers={"Origin": "https://attacker.example"}).status_code == 200  # reading is harmless


def test_pages_forbid_scripts_and_framing(client: TestClient) -> None:
    headers = client.get("/").headers
    assert "default-src 'none'" in headers["content-security-policy"] and "script-src" not in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff" and headers["x-frame-options"] == "DENY"


# --- upload limits ------------------------------------------------------------------------


def test_bodies_over_the_limit_answer_413(fresh_db: Path, make_client: Callable[..., TestClient]) -> None:
    big = b"The bridge stays shut. " * 3000  # 69 kB
    with make_client(fresh_db, max_upload_bytes=50_000) as client:
        upload = client.post("/api/articles", files={"files": ("big.txt", big)})
        assert upload.status_code == 413 and "50 kB" not in upload.text and "0.05 MB" in upload.json()["detail"]
        page = client.post("/add/text", data={"text": big.decode()})
        assert page.status_code == 413

        def chunks() -> Iterator[bytes]:  # no Content-Length: the limit is counted as the body arrives
            for _ in range(10):
                yield b'{"text": "' + b"x" * 10_000

        streamed = client.post("/api/articles", content=chunks(), headers={"Content-Type": "application/json"})
        assert streamed.status_code == 413
        assert client.post("/api/articles", files={"files": ("small.txt", big[:20_000])}).status_code == 201


# --- SSRF ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://127.0.0.1:9/", "127.0.0.1 is a loopback address"),
        ("http://[::1]/", "::1 is a loopback address"),
        ("http://10.0.0.8/", "10.0.0.8 is a private address"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a cloud metadata address"),
        ("http://169.254.10.1/", "169.254.10.1 is a link-local address"),
        ("http://localhost:9/", "localhost resolves to 127.0.0.1, a loopback address"),
    ],
)
def test_private_urls_are_refused_with_a_clear_message(client: TestClient, url: str, reason: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fetcher, "resolve", lambda host, port: [ip_address("127.0.0.1" if host == "localhost" else host.strip("[]"))])
    refused = client.post("/api/articles", json={"url": url})
    assert refused.status_code == 400
    assert f"refused: {reason}" in refused.json()["detail"]
    page = client.post("/add/url", data={"url": url})
    assert page.status_code == 400 and f"refused: {reason}" in page.text


def test_a_redirect_to_a_private_address_is_refused(site: str, client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    """The test server stands in for a public site: only its address is treated as public."""
    check, resolve = fetcher.blocked_reason, fetcher.resolve
    monkeypatch.setattr(fetcher, "blocked_reason", lambda address: None if str(address) == "127.0.0.1" else check(address))
    monkeypatch.setattr(fetcher, "resolve", lambda host, port: [ip_address("10.1.2.3")] if host == "intranet.test" else resolve(host, port))
    refused = client.post("/api/articles", json={"url": f"{site}/to-intranet"})
    assert refused.status_code == 400
    assert "refused: intranet.test resolves to 10.1.2.3, a private address" in refused.json()["detail"]


def test_allow_private_lets_a_local_page_in(site: str, fresh_db: Path, make_client: Callable[..., TestClient]) -> None:
    with make_client(fresh_db, allow_private=True) as client:
        added = client.post("/api/articles", json={"url": f"{site}/story"})
        assert added.status_code == 201, added.text
        [article_id] = added.json()["added"]
        assert client.get(f"/api/articles/{article_id}").json()["title"] == "Orrin harbour dredging starts"
        assert client.get(f"/articles/{article_id}").status_code == 200
