"""What a running web app needs to know: the store, the token, and its limits."""

from __future__ import annotations

from dataclasses import dataclass
from ipaddress import ip_address
from pathlib import Path

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})


@dataclass(frozen=True)
class WebConfig:
    """Settings of one app; ``token`` None means no token is asked for (loopback use only).

    ``warm`` computes missing story reports in a background thread, so the story list can
    filter on disputes without each story being opened first.
    """

    db: Path
    token: str | None = None
    allow_private: bool = False
    max_upload_bytes: int = 10_000_000
    host: str = "127.0.0.1"
    warm: bool = False
    cache_size: int = 64


def is_loopback(host: str) -> bool:
    """Whether binding to ``host`` keeps the server reachable from this machine only."""
    name = host.strip("[]").lower()
    if name in LOOPBACK_NAMES:
        return True
    try:
        return ip_address(name).is_loopback
    except ValueError:
        return False


def bind_error(host: str, token: str | None) -> str | None:
    """Why the app must not listen on ``host`` as configured, or None."""
    if token is None and not is_loopback(host):
        return (
            f"listening on {host} makes the app reachable from other machines: "
            "pass --token TOKEN or set CROSSCHECK_TOKEN, or bind to 127.0.0.1"
        )
    if token is not None and len(token) < 16:
        return "the token is too short: use at least 16 characters (e.g. from 'python -c \"import secrets; print(secrets.token_urlsafe())\"')"
    return None
