"""The plain-text reader: what a user gets from a .txt file (metadata, title, body, errors)."""

from __future__ import annotations

import pytest

from crosscheck.ingest.options import IngestOptions, ReadError
from crosscheck.ingest.readers import read_data
from crosscheck.model import Article


def read_one(data: bytes, source: str = "harbour.txt", **options: object) -> Article:
    articles = list(read_data(data, source, IngestOptions(**options)))  # type: ignore[arg-type]
    assert len(articles) == 1
    article = articles[0]
    assert isinstance(article, Article)
    return article


FRONT_MATTER = b"""---
outlet: Lantern Courier
url: https://courier.example/harbour-bridge
published: 2026-03-02
author: [Lena Korb, Sam Tull]
section: Local
language: en
---
Harbour Bridge To Close For Repairs

The Tessaly harbour bridge will close on Monday, the authority said.
"""


def test_front_matter_fills_metadata_and_is_not_body() -> None:
    article = read_one(FRONT_MATTER)
    assert article.outlet == "Lantern Courier"
    assert article.url == "https://courier.example/harbour-bridge"
    assert article.published == "2026-03-02"
    assert article.byline == "Lena Korb, Sam Tull"
    assert article.kicker == "Local"
    assert article.language == "en"
    assert article.title == "Harbour Bridge To Close For Repairs"
    assert article.body == "The Tessaly harbour bridge will close on Monday, the authority said."


def test_front_matter_title_and_date_key() -> None:
    data = b"---\ntitle: Ferry Terminal Shut\ndate: 2026-01-05T09:30:00\n---\n# Ferry Terminal Shut\n\nIt shut.\n"
    article = read_one(data)
    assert article.title == "Ferry Terminal Shut"
    assert article.published == "2026-01-05T09:30:00"
    assert article.body == "It shut."


def test_options_override_front_matter() -> None:
    article = read_one(FRONT_MATTER, outlet="Harbour Post", published="2026-03-03")
    assert (article.outlet, article.published) == ("Harbour Post", "2026-03-03")


def test_bad_front_matter_is_kept_as_text() -> None:
    data = b"---\noutlet: [unclosed\n---\nThe council met on Tuesday.\n"
    article = read_one(data)
    assert article.outlet is None
    assert article.title is None
    assert "The council met on Tuesday." in article.body
    assert article.body.startswith("---")


def test_kicker_line_then_title() -> None:
    article = read_one(b"Breaking News\n\nMarrowby Votes To Close Ferry Terminal\n\nThe vote was nine to four.\n")
    assert article.kicker == "Breaking News"
    assert article.title == "Marrowby Votes To Close Ferry Terminal"
    assert article.body == "The vote was nine to four."


@pytest.mark.parametrize("label", ["Politics & Culture", "World", "Opinion", "U.K. & World News", "EXCLUSIVE"])
def test_section_labels_become_kicker(label: str) -> None:
    article = read_one(f"{label}\n\nIs The Ferry Terminal Closing?\n\nNobody knows yet.\n".encode())
    assert article.kicker == label
    assert article.title == "Is The Ferry Terminal Closing?"


def test_short_headline_is_not_mistaken_for_a_kicker() -> None:
    article = read_one(b"Markets Tumble\n\nShares fell sharply on Monday.\n")
    assert article.kicker is None
    assert article.title == "Markets Tumble"


def test_update_prefix_becomes_kicker() -> None:
    article = read_one(b"UPDATE: Bridge Notice Was A Draft, Says Mayor\n\nThe mayor spoke on Monday.\n")
    assert article.kicker == "UPDATE"
    assert article.title == "Bridge Notice Was A Draft, Says Mayor"


def test_text_without_headline_is_all_body() -> None:
    data = b"The council met on Tuesday and voted to close the terminal.\n\nThe vote was nine to four.\n"
    article = read_one(data)
    assert article.title is None
    assert article.kicker is None
    assert article.body == data.decode().strip()


def test_crlf_and_cr_newlines_are_normalised() -> None:
    article = read_one(b"Bridge Shut\r\n\r\nFirst line.\r\nSecond line.\rThird line.\r\n")
    assert article.title == "Bridge Shut"
    assert article.body == "First line.\nSecond line.\nThird line."


def test_windows_1252_text_keeps_curly_quotes() -> None:
    text = (
        "\u201cNo Decision Yet\u201d, Says Mayor\n\n"
        "The mayor\u2019s office said on Monday that \u201cno decision whatsoever\u201d had been taken "
        "about the bridge, and that the engineers\u2019 report would be published in full next week.\n"
    )
    article = read_one(text.encode("cp1252"))
    assert article.title == "\u201cNo Decision Yet\u201d, Says Mayor"
    assert "\u201cno decision whatsoever\u201d" in article.body
    assert article.raw == text.encode("cp1252")


def test_latin_1_text_keeps_accents() -> None:
    text = "Caf\xe9 Owners Protest\n\nThe owners of the caf\xe9, Ren\xe9e and Jos\xe9, said the closure was unfair.\n"
    article = read_one(text.encode("latin-1"))
    assert article.title == "Caf\xe9 Owners Protest"
    assert "Ren\xe9e and Jos\xe9" in article.body


@pytest.mark.parametrize("data", [b"", b"  \n\r\n\t \n"])
def test_empty_file_is_an_error(data: bytes) -> None:
    with pytest.raises(ReadError, match="^empty file$"):
        read_one(data)


def test_binary_file_is_an_error() -> None:
    with pytest.raises(ReadError, match="binary file, not text"):
        read_one(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" * 20, source="photo.txt")


def test_file_over_the_size_limit_is_an_error() -> None:
    with pytest.raises(ReadError, match="^file is larger than the 1 KB limit$"):
        read_one(b"The council met. " * 100, max_bytes=1000)


def test_ids_raw_and_format() -> None:
    data = b"Bridge Shut\n\nThe bridge shut.\n"
    article = read_one(data, source="/archive/2026/004_bridge.txt")
    assert (article.id, article.format, article.raw) == ("004_bridge", "text", data)
    assert read_one(data, source="-").id == "stdin"


def test_published_is_never_guessed_from_the_body() -> None:
    article = read_one(b"Bridge Shut\n\nOn January 6, 2026, the bridge shut. Updated 2026-01-07.\n")
    assert article.published is None


def test_front_matter_without_any_text_is_an_error() -> None:
    with pytest.raises(ReadError, match="no article text after the front matter"):
        read_one(b"---\noutlet: Lantern Courier\n---\n\n")
