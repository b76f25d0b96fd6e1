"""Compiled regular expressions kept on disk between runs, as ``.pyc`` files keep compiled code.

The language layer compiles ~600 patterns (~100 KB; the time tagger's alone is 30 KB) at
import, and CPython's regex compiler is pure Python: ~0.3 s of every cold ``crosscheck``
command. The compiled program is a list of ints that ``_sre.compile`` accepts back directly,
so the command (not the library) installs this cache, and a hit rebuilds the pattern in
microseconds. Entries are keyed by the exact pattern text and flags, the file by the Python
version and regex engine, so a changed pattern is simply compiled again; ``_sre`` validates
the program it is given, and any failure falls back to the ordinary compiler.
``CROSSCHECK_REGEX_CACHE=0`` turns it off; a file path moves it.
"""

from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
import tempfile
from array import array
from pathlib import Path

import _sre
from re import _compiler

MAX_ENTRIES = 5000
"""Past this many patterns the file starts over with the current run's, so it cannot grow forever."""

_Key = tuple[str | bytes, int]
_original_compile = _compiler.compile


class RegexCache:
    """Compiled patterns by (pattern, flags), loaded from and saved to one file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.entries: dict[_Key, tuple] = {}
        self.used: dict[_Key, tuple] = {}
        self.changed = False
        try:
            with open(path, "rb") as file:
                stored = marshal.load(file)
            if isinstance(stored, dict):
                self.entries = stored
        except (OSError, EOFError, ValueError, TypeError):
            pass

    def __repr__(self) -> str:
        return f"RegexCache({str(self.path)!r}, {len(self.entries)} patterns)"

    def compile(self, pattern: str | bytes, flags: int = 0) -> re.Pattern:
        """What ``re._compiler.compile`` returns, from the cache when it holds the pattern."""
        if not isinstance(pattern, (str, bytes)) or flags & re.DEBUG:
            return _original_compile(pattern, flags)
        key = (str(pattern) if isinstance(pattern, str) else bytes(pattern), int(flags))
        entry = self.entries.get(key)
        if entry is not None:
            try:
                compiled = _sre.compile(pattern, entry[0], array("I", entry[1]).tolist(), *entry[2:])
            except Exception:  # noqa: BLE001 - a damaged entry is compiled afresh
                pass
            else:
                self.used[key] = entry
                return compiled
        try:
            compiled, entry = _compile_entry(pattern, flags)
        except Exception:  # noqa: BLE001 - a bad pattern raises its usual re.error from here
            return _original_compile(pattern, flags)
        self.entries[key] = self.used[key] = entry
        self.changed = True
        return compiled

    def save(self) -> None:
        """Write the file when this run compiled new patterns (atomically; errors are ignored)."""
        if not self.changed:
            return
        entries = self.entries if len(self.entries) <= MAX_ENTRIES else self.used
        temporary = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=self.path.name, suffix=".tmp")
            with os.fdopen(handle, "wb") as file:
                marshal.dump(entries, file)
            os.replace(temporary, self.path)
        except (OSError, ValueError):
            if temporary is not None:
                Path(temporary).unlink(missing_ok=True)
            return
        self.changed = False


def _compile_entry(pattern: str | bytes, flags: int) -> tuple[re.Pattern, tuple]:
    """``re._compiler.compile``'s work, keeping what ``_sre.compile`` was given, to store."""
    parsed = _compiler._parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    final_flags = int(flags | parsed.state.flags)
    entry = (final_flags, array("I", code).tobytes(), parsed.state.groups - 1, groupindex, tuple(indexgroup))
    return _sre.compile(pattern, entry[0], code, *entry[2:]), entry


_installed: RegexCache | None = None


def cache_path() -> Path | None:
    """Where the cache lives for this Python, or None when it is turned off or unsupported."""
    setting = os.environ.get("CROSSCHECK_REGEX_CACHE", "")
    if setting.lower() in ("0", "off", "no", "false"):
        return None
    if sys.implementation.name != "cpython" or array("I").itemsize != _sre.CODESIZE:
        return None
    if setting:
        return Path(setting)
    try:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    except RuntimeError:  # no home directory to be found
        return None
    return base / "crosscheck" / f"regex-{sys.implementation.cache_tag}-{_sre.MAGIC}.marshal"


def install() -> RegexCache | None:
    """Serve this process's regex compiles from the cache, saved at exit; None when off."""
    global _installed
    if _installed is None and (path := cache_path()) is not None:
        _installed = RegexCache(path)
        _compiler.compile = _installed.compile
        atexit.register(_installed.save)
    return _installed
