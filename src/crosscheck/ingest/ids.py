"""Article ids: the file stem for local files, a normalised URL for web articles.

Stable ids matter: reports, tests and the store all refer to articles by them.
"""

from __future__ import annotations

from pathlib import PurePath
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_COMPOUND_SUFFIXES = (".warc.gz", ".jsonl.gz", ".ndjson.gz", ".html.gz", ".txt.gz", ".xml.gz")
_TRACKING_PREFIXES = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid")
_DEFAULT_PORTS = {"http": "80", "https": "443"}


def stem_id(source: str) -> str:
    """``/x/y/004_ab.txt`` -> ``004_ab``; ``a.warc.gz`` -> ``a``; stdin -> ``stdin``."""
    if source in ("-", "<stdin>"):
        return "stdin"
    name = PurePath(source).name
    lower = name.lower()
    for suffix in _COMPOUND_SUFFIXES:
        if lower.endswith(suffix):
            return name[: -len(suffix)] or name
    return PurePath(name).stem or name


def normalize_url(url: str) -> str:
    """Lower-case scheme and host, drop default ports, fragments and tracking parameters."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:  # a malformed URL (bad port, broken IPv6 literal) is kept as written
        return url.strip()
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if port is not None and str(port) != _DEFAULT_PORTS.get(scheme):
        host = f"{host}:{port}"
    query = urlencode(
        [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not k.lower().startswith(_TRACKING_PREFIXES)]
    )
    path = parts.path or "/"
    return urlunsplit((scheme, host, path, query, ""))


def url_domain(url: str) -> str | None:
    """The host without ``www.``, used as the outlet when nothing better names it."""
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host
