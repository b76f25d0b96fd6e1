"""The language layer as one pipeline, and the annotate command's JSON."""

from __future__ import annotations

import json
import gc
from pathlib import Path

import pytest
from click.testing import CliRunner

from crosscheck.cli import cli
from crosscheck.language import Pipeline, annotate
from crosscheck.model import Doc

TEXT = (
    "Harbour Commissioner Ana Reyes said on Monday that the notice was unsigned. "
    "“This is a mistake,” Reyes told reporters. Some 1,200 residents live under the bridge."
)


def test_every_stage_fills_its_field() -> None:
    doc = annotate(TEXT, published="2026-03-10")
    assert len(doc.sentences) == 3
    assert any(m.entity == "Ana Reyes" for m in doc.mentions)
    assert any(a.speaker == "Ana Reyes" and "mistake" in a.content.of(doc.text) for a in doc.attributions)
    assert [(q.value, q.approx) for q in doc.quantities] == [(1200.0, "some")]
    assert [(t.type, t.value) for t in doc.times] == [("DATE", "2026-03-09")]
    assert any(p.negated for p in doc.polarity)


def test_stages_can_be_chosen_by_name() -> None:
    doc = Pipeline(["times"])(Doc(id="x", text=TEXT, published="2026-03-10"))
    assert doc.times and not doc.mentions


def test_annotating_leaves_the_cycle_collector_as_it_was() -> None:
    """Stages pause the collector for speed; a library caller must not find it switched off
    (or, if it had switched it off, back on)."""
    annotate(TEXT)
    assert gc.isenabled()
    gc.disable()
    try:
        annotate(TEXT)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_unknown_stage_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown stage"):
        Pipeline(["sentences", "sentiment"])


def test_annotate_benchmark_folder_keeps_text_and_ids(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "d1.txt").write_text("  The vote was held on Friday.\n", encoding="utf-8")
    (tmp_path / "meta.jsonl").write_text('{"id": "d1", "published": "2026-03-10"}\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["annotate", str(tmp_path)])
    assert result.exit_code == 0, result.output
    row = json.loads(result.stdout)
    assert row["id"] == "d1"
    [time] = row["times"]
    assert (time["start"], time["end"], time["value"]) == (23, 29, "2026-03-06")  # offsets into the raw file


def test_annotate_cleans_ordinary_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Pier closed\n\nThe pier was closed on Friday, the council said.\n\nTELL YOUR FRIENDS\n", encoding="utf-8"
    )
    result = CliRunner().invoke(cli, ["annotate", "--published", "2026-03-10", str(tmp_path / "a.txt")])
    row = json.loads(result.stdout)
    assert row["times"][0]["value"] == "2026-03-06"
    assert row["attributions"][0]["cue"] is not None


def test_annotate_bad_stage_is_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The pier was closed on Friday.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["annotate", "--stages", "nope", str(tmp_path / "a.txt")])
    assert result.exit_code == 2
