"""Settings every reader sees, and the error a reader raises for a whole input."""

from __future__ import annotations

from dataclasses import dataclass

USER_AGENT = "crosscheck/0.1 (+https://github.com/crosscheck-news/crosscheck; news cross-checking tool)"


class ReadError(Exception):
    """An input that cannot be read at all; the message is the one-line reason shown to the user."""


@dataclass(frozen=True)
class IngestOptions:
    """Explicit, conservative defaults; the CLI flags map one to one onto these fields."""

    outlet: str | None = None
    published: str | None = None
    fetch: bool = False
    allow_private: bool = False
    respect_robots: bool = True
    max_bytes: int = 20_000_000
    timeout: float = 20.0
    max_redirects: int = 5
    user_agent: str = USER_AGENT
