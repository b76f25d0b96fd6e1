"""The cleaner on the real reference story in ../shared (skipped where it is absent).

The corpus text must not enter this repository, so each expected removal is pinned by a
hash of its whitespace-normalised text (verified by reading it), with its reason.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from crosscheck.clean import clean_article
from crosscheck.ingest.options import IngestOptions
from crosscheck.ingest.text import read
from crosscheck.model import Article

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "iraq-letter-2020"

# stem -> (kept paragraphs, sorted (reason, sha1(normalised removed text)[:12]))
EXPECTED: dict[str, tuple[int, list[tuple[str, str]]]] = {
    "000_8bfc876277eed0a5": (12, [("author bio", "0843639683d5")]),
    "001_2dce4a5990d60d86": (
        18,
        [
            ("photo caption", "eb974f1f4760"),
            ("read-more link", "b23b14e557a7"),
            ("repeated caption", "78f687570a86"),
            ("repeated caption", "78f687570a86"),
            ("sign-up prompt", "d1e2cb2f2a08"),
        ],
    ),
    "002_b69215c4221927dc": (
        10,
        [
            ("copyright line", "d580ea7d8150"),
            ("dateline residue", "87c379a0539b"),
            ("repeated headline", "da1e39500c27"),
        ],
    ),
    "003_3cb5f1b065f34f27": (
        28,
        [
            ("caption repeating body text", "784e127df375"),
            ("comment widget", "cf4711679bf5"),
            ("photo caption", "5a8cc66e29c0"),
            ("photo caption", "867de4c0dbb0"),
            ("photo caption", "ed9b429d2f4e"),
            ("share prompt", "d0989ff0f842"),
        ],
    ),
    "004_31acd6e0dadacb9f": (13, [("read-more link", "96a84b6cf840"), ("section footer", "31cc9c143aa1")]),
}


def digest(text: str) -> str:
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:12]


def cleaned(stem: str) -> Article:
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS}")
    path = CORPUS / f"{stem}.txt"
    with path.open("rb") as stream:
        (article,) = read(stream, str(path), IngestOptions())
    return clean_article(article)


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_exactly_the_verified_junk_is_removed(stem: str) -> None:
    article = cleaned(stem)
    paragraphs, removals = EXPECTED[stem]
    assert sorted((removal.reason, digest(removal.text)) for removal in article.removed) == removals
    assert len(article.paragraphs) == paragraphs


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_no_story_line_is_lost(stem: str) -> None:
    article = cleaned(stem)
    blanked = list(article.body)
    for removal in article.removed:
        blanked[removal.start : removal.end] = "\0" * len(removal.text)
    for line in "".join(blanked).split("\n"):
        for piece in line.split("\0"):
            assert piece.strip() in article.text
