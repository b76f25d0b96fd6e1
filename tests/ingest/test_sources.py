"""Expanding what the user typed into inputs, and failures that name the input."""

from __future__ import annotations

import gzip
from pathlib import Path

from crosscheck.api import read_articles
from crosscheck.ingest.ids import normalize_url, stem_id
from crosscheck.ingest.sources import Input, expand_inputs
from crosscheck.model import Article, Failure

TEXT = "Pier closed after storm\n\nThe pier at Marrow was closed on Monday after a storm, the council said.\n"


def test_folders_are_recursive_and_skip_other_files(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(TEXT)
    (tmp_path / "two.html").write_text("<html></html>")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8")
    (tmp_path / ".hidden.txt").write_text(TEXT)
    (tmp_path / "README.md").write_text("# Articles about the pier\n")
    (tmp_path / "LICENSE.txt").write_text("CC BY 4.0\n")
    (tmp_path / "NOTICE.txt").write_text("Collected for research.\n")
    (tmp_path / "authors.txt").write_text(TEXT)  # in lower case, "authors" may be an article
    found = [item.source for item in expand_inputs([str(tmp_path)])]
    assert [Path(p).name for p in found] == ["authors.txt", "two.html", "one.txt"]
    # Named on the command line, a README is read like any file.
    assert [item.source for item in expand_inputs([str(tmp_path / "README.md")])] == [str(tmp_path / "README.md")]


def test_glob_and_missing(tmp_path: Path) -> None:
    (tmp_path / "x1.txt").write_text(TEXT)
    (tmp_path / "x2.txt").write_text(TEXT)
    items = list(expand_inputs([str(tmp_path / "x*.txt"), str(tmp_path / "nothing*.txt"), "nope.txt"]))
    assert [type(i) for i in items] == [Input, Input, Failure, Failure]
    assert items[2].reason == "no files match this pattern"
    assert items[3].reason == "no such file, folder or URL"


def test_other_url_schemes_are_named() -> None:
    [ftp, local] = expand_inputs(["ftp://example.org/story.txt", "file:///missing.txt"])
    assert ftp.reason == "unsupported URL scheme 'ftp': only http and https are fetched"
    assert local.reason == "unsupported URL scheme 'file': only http and https are fetched"


def test_gzip_text_is_read_and_broken_gzip_reported(tmp_path: Path) -> None:
    (tmp_path / "good.txt.gz").write_bytes(gzip.compress(TEXT.encode()))
    (tmp_path / "bad.txt.gz").write_bytes(gzip.compress(TEXT.encode())[:30])
    results = {Path(r.source).name: r for r in read_articles([str(tmp_path)])}
    assert isinstance(results["good.txt.gz"], Article) and results["good.txt.gz"].id == "good"
    bad = results["bad.txt.gz"]
    assert isinstance(bad, Failure) and ("truncated" in bad.reason or "gzip" in bad.reason)


def test_file_over_the_size_cap(tmp_path: Path) -> None:
    from crosscheck.ingest.options import IngestOptions

    (tmp_path / "big.txt").write_text(TEXT * 1000)
    [result] = read_articles([str(tmp_path / "big.txt")], IngestOptions(max_bytes=10_000))
    assert isinstance(result, Failure) and "limit" in result.reason


def test_ids() -> None:
    assert stem_id("/x/y/004_ab.txt") == "004_ab"
    assert stem_id("crawl.warc.gz") == "crawl"
    assert normalize_url("HTTPS://WWW.Example.org:443/a/b?utm_source=x&id=3#top") == "https://www.example.org/a/b?id=3"


def test_malformed_urls_do_not_raise() -> None:
    assert normalize_url("http://x:30:00Z/a") == "http://x:30:00Z/a"
    assert normalize_url("http://[abc") == "http://[abc"


def test_single_article_files_are_known_by_their_stem(tmp_path: Path) -> None:
    (tmp_path / "one.jsonl").write_text('{"url": "https://ex.org/a", "title": "Pier", "text": "%s"}\n' % TEXT.replace("\n", " "))
    (tmp_path / "two.jsonl").write_text(
        '{"url": "https://ex.org/b", "title": "B", "text": "Pier shut on Monday by the council."}\n'
        '{"url": "https://ex.org/c", "title": "C", "text": "Ferry held in port on Tuesday by the council."}\n'
    )
    ids = sorted(a.id for a in read_articles([str(tmp_path)]) if isinstance(a, Article))
    assert ids == ["https://ex.org/b", "https://ex.org/c", "one"]
