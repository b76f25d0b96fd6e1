"""The command's compiled-regex cache: patterns from the file behave exactly as freshly compiled."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from crosscheck.regexcache import RegexCache, cache_path

PATTERNS = [
    (r"(?P<day>\d{1,2}) (?P<month>[A-Z][a-z]+)(?: (\d{4}))?", 0),
    (r"\b(?:said|told|added)\b", re.IGNORECASE),
    (r"^\s*(?:by|from)\s+(?P<name>.+?)\s*$", re.MULTILINE),
    (r"ä+|ß", 0),
    (rb"[\x80-\xff]+", 0),
]
SAMPLES = ["On 12 March 2026 the bridge", "She SAID so, and Added", "  by Ana Lima \nfrom X", "äää ß", "plain"]


def _same(cached: re.Pattern, fresh: re.Pattern) -> None:
    assert (cached.pattern, cached.flags, cached.groups, cached.groupindex) == (
        fresh.pattern,
        fresh.flags,
        fresh.groups,
        fresh.groupindex,
    )
    for sample in SAMPLES:
        text = sample.encode() if isinstance(fresh.pattern, bytes) else sample
        found = [m.span() + m.groups() for m in cached.finditer(text)]
        assert found == [m.span() + m.groups() for m in fresh.finditer(text)]


def test_patterns_from_the_file_match_like_fresh_ones(tmp_path: Path) -> None:
    path = tmp_path / "regex.marshal"
    first = RegexCache(path)
    for pattern, flags in PATTERNS:
        _same(first.compile(pattern, flags), re.compile(pattern, flags))
    first.save()
    second = RegexCache(path)
    for pattern, flags in PATTERNS:
        _same(second.compile(pattern, flags), re.compile(pattern, flags))
    assert len(second.entries) == len(PATTERNS) and not second.changed


def test_a_damaged_file_or_entry_is_compiled_afresh(tmp_path: Path) -> None:
    path = tmp_path / "regex.marshal"
    path.write_bytes(b"not marshal data")
    cache = RegexCache(path)
    assert cache.entries == {}
    pattern = r"(\w+)@(\w+)"
    cache.entries[(pattern, 0)] = (32, b"\xff\xff\xff\xff", 1, {}, (None, None, None))
    _same(cache.compile(pattern), re.compile(pattern))
    cache.save()
    assert RegexCache(path).entries[(pattern, 0)][1] != b"\xff\xff\xff\xff"


def test_the_cache_can_be_turned_off(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CROSSCHECK_REGEX_CACHE", "0")
    assert cache_path() is None
    monkeypatch.setenv("CROSSCHECK_REGEX_CACHE", str(tmp_path / "elsewhere"))
    assert cache_path() in (tmp_path / "elsewhere", None)


_COLLECT = """
import json, re, sys
from re import _compiler
seen = set()
original = _compiler.compile
def collect(pattern, flags=0):
    if isinstance(pattern, str):
        seen.add(pattern)
    return original(pattern, flags)
_compiler.compile = collect
import crosscheck.language, crosscheck.crosssource, crosscheck.report
print(json.dumps(sorted(seen)))
"""


def test_the_library_builds_the_same_patterns_in_every_process() -> None:
    """Patterns joined from a set would differ with the hash seed, and never hit the cache."""

    def patterns(seed: str) -> list[str]:
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", _COLLECT], capture_output=True, text=True, env=env, check=True)
        return json.loads(done.stdout)

    first, second = patterns("1"), patterns("2")
    assert set(first) ^ set(second) == set()


def test_a_bad_pattern_fails_as_it_would_without_the_cache(tmp_path: Path) -> None:
    cache = RegexCache(tmp_path / "regex.marshal")
    with pytest.raises(re.error, match="missing \\), unterminated subpattern"):
        cache.compile("(unclosed")
    assert not cache.changed
