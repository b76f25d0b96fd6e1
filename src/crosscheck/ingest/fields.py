"""Metadata values as inputs spell them, turned into the forms an Article stores.

HTML meta tags, JSON records and feeds give dates, language codes and author lists in many
spellings; normalising them in one place keeps ``published`` and ``language`` comparable across
formats. Anything that cannot be read with confidence becomes None: a wrong date misorders a
timeline, a missing one only leaves a gap.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

_EPOCH_MILLISECONDS = 10**11  # seconds this large would be the year 5138
_MAX_DATE_CHARS = 200  # longer is not a date, and the patterns below would take quadratic time on it
_YEARS = range(1800, 2201)  # outside this, a "date" is a placeholder such as 0001-01-01
_UTC_SUFFIX = re.compile(r"\s*(?:UTC|GMT)$", re.IGNORECASE)
_SPACE_BEFORE_OFFSET = re.compile(r"\s+(?=[+-]\d\d:?\d\d$)")
_LANGUAGE = re.compile(r"([a-z]{2})(?:[-_][a-z0-9]+)*")
_URL_BREAKS = re.compile(r"[\t\r\n]")  # dropped from URLs, as browsers and urlsplit do
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def iso_date(value: Any) -> str | None:
    """``YYYY-MM-DD`` for a date, ISO 8601 for a date and time (offset kept when given), or None.

    Reads ISO 8601 strings, RFC 2822 (feeds, e-mail headers) and epoch seconds or milliseconds.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return _from_epoch(value)
    if not isinstance(value, str) or not value.strip() or len(value) > _MAX_DATE_CHARS:
        return None
    text = " ".join(value.split())
    if text.isdigit() and len(text) > 8:
        return _from_epoch(int(text))
    try:
        day = date.fromisoformat(text)
        return day.isoformat() if day.year in _YEARS else None
    except ValueError:
        pass
    try:
        moment = datetime.fromisoformat(_SPACE_BEFORE_OFFSET.sub("", _UTC_SUFFIX.sub("+00:00", text)))
    except ValueError:
        try:
            moment = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError, OverflowError):  # "14 Apr 202626262626": no date
            return None
    return moment.isoformat(timespec="seconds") if moment.year in _YEARS else None


def _from_epoch(number: float) -> str | None:
    if number > _EPOCH_MILLISECONDS:
        number /= 1000
    try:
        moment = datetime.fromtimestamp(number, tz=timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None
    return moment.isoformat(timespec="seconds") if moment.year in _YEARS else None


def language_code(value: Any) -> str | None:
    """The two-letter ISO 639-1 code of a language tag: ``en-GB`` and ``en_US`` -> ``en``."""
    if not isinstance(value, str):
        return None
    match = _LANGUAGE.fullmatch(value.strip().lower())
    return match[1] if match else None


def names(value: Any) -> str | None:
    """One display string for a name, a ``{"name": ...}`` object, or a list of either (joined by ", ")."""
    if isinstance(value, str):
        return " ".join(value.split()) or None
    if isinstance(value, dict):
        return names(value.get("name"))
    if isinstance(value, list):
        found = [name for name in map(names, value) if name]
        return ", ".join(dict.fromkeys(found)) or None
    return None


def web_url(value: Any) -> str | None:
    """An absolute http(s) URL that parses cleanly (a valid port, brackets that close), else None."""
    if not isinstance(value, str):
        return None
    url = _URL_BREAKS.sub("", value.strip()).replace(" ", "%20")
    if _CONTROL.search(url):
        return None
    try:
        parts = urlsplit(url)
        valid = parts.scheme.lower() in ("http", "https") and bool(parts.hostname) and parts.port != 0
    except ValueError:  # a port that is not a number, an unclosed IPv6 bracket
        return None
    return url if valid else None


def safe_json(value: Any, source: str) -> Any:
    """``value`` parsed from the JSON ``source``, with lone surrogates (``"\\ud800"``) made U+FFFD.

    JSON may escape half a UTF-16 pair; Python keeps it, and it cannot be written as UTF-8
    (the store, the terminal and ``str.encode`` all refuse it).
    """
    return _without_surrogates(value) if _SURROGATE_ESCAPE.search(source) else value


def _without_surrogates(value: Any) -> Any:
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_without_surrogates(item) for item in value]
    if isinstance(value, dict):
        return {_without_surrogates(key): _without_surrogates(item) for key, item in value.items()}
    return value
