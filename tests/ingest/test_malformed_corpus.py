"""A folder of damaged files mixed with good ones: the good articles all stored, each bad file
reported by name with its reason, the exit status 1 as documented.

A small version of ``bench/malformed.py`` (30 bad files of every kind, 10 MB lines and a gzip
bomb included, mixed with 30 good files in every format).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[2] / "bench"))
import malformed  # noqa: E402


def test_good_articles_stored_and_every_bad_file_reported(tmp_path: Path) -> None:
    corpus = malformed.make_corpus(tmp_path / "corpus", bad=30, good=30, heavy_every=30, bomb_size=1 << 26)
    assert set(corpus.bad.values()) == set(malformed.BAD_KINDS + malformed.HEAVY_KINDS)
    outcome = malformed.ingest_corpus(corpus, tmp_path / "store.db")
    assert outcome.missing_tokens == []
    assert outcome.repeated_tokens == []
    assert outcome.unreported_bad == []
    assert outcome.errors_on_good == []
    assert outcome.malformed_lines == []  # nothing on stderr but 'error: SOURCE: REASON' lines
    assert outcome.untranslated == []  # no "unexpected SomeError" reasons
    assert outcome.exit_code == 1
    reasons = {kind: found.most_common(1)[0][0] for kind, found in outcome.reasons.items()}
    assert reasons["binary_jsonl"] == "binary file, not text"
    assert reasons["utf16_no_bom"] == "binary file, not text"
    assert reasons["front_matter_only"] == "no article text after the front matter"
    assert reasons["feed_broken_xml"].startswith("not an RSS or Atom feed (XML error")
    assert reasons["warc_truncated"] == "record is truncated"
    assert "byte-order mark" in reasons["bom_invalid"]
    assert "over the 20 MB limit" in reasons["oversize_text"]
