"""The commands as a user runs them: exit codes, one-line errors, idempotent ingest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from crosscheck.cli import cli

GOOD = """---
outlet: Tidewater Gazette
published: 2026-03-10
---
Ferry service halted after crack found in Marrow pier

The Marrow ferry will not sail this week after inspectors found a crack in the main pier, the port office said on Monday.

“We will not take chances with passengers,” harbour master Ines Calder told reporters.

Tidewater Gazette reporters counted 40 cars turned away on Sunday evening.

TELL YOUR FRIENDS

No comments
"""

OTHER = """World & Politics

Pier inspection finds second crack, engineers say

Engineers working for the county found a second crack in the Marrow pier late on Monday, according to a statement.

The county said repairs could take three weeks.
"""


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "gazette.txt").write_text(GOOD, encoding="utf-8")
    (folder / "county.txt").write_text(OTHER, encoding="utf-8")
    return folder


def _ingest(runner: CliRunner, db: Path, *paths: str):
    return runner.invoke(cli, ["ingest", "--db", str(db), "--format", "json", *paths])


def test_ingest_folder_then_list_show_search(runner: CliRunner, articles: Path, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    result = _ingest(runner, db, str(articles))
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert sorted(summary["added"]) == ["county", "gazette"]

    listed = json.loads(runner.invoke(cli, ["list", "--db", str(db), "--format", "json"]).stdout)
    by_id = {row["id"]: row for row in listed}
    assert by_id["gazette"]["outlet"] == "Tidewater Gazette"
    assert by_id["gazette"]["published"].startswith("2026-03-10")
    assert by_id["county"]["outlet"] is None  # never invented

    shown = runner.invoke(cli, ["show", "gazette", "--db", str(db)])
    assert shown.exit_code == 0
    assert "Ferry service halted" in shown.stdout
    assert "TELL YOUR FRIENDS" in shown.stdout  # listed under removed, with its reason
    article = json.loads(runner.invoke(cli, ["show", "gazette", "--db", str(db), "--format", "json"]).stdout)
    assert "TELL YOUR FRIENDS" not in article["text"]
    assert {piece["text"].strip() for piece in article["removed"]} >= {"TELL YOUR FRIENDS", "No comments"}

    found = runner.invoke(cli, ["search", "second crack", "--db", str(db)])
    assert found.stdout.split()[0] == "county"


def test_reingest_adds_nothing(runner: CliRunner, articles: Path, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    _ingest(runner, db, str(articles))
    again = json.loads(_ingest(runner, db, str(articles)).stdout)
    assert again["added"] == [] and sorted(again["duplicates"]) == ["county", "gazette"]
    assert again["total"] == 2


def test_bad_inputs_are_reported_and_good_ones_kept(runner: CliRunner, articles: Path, tmp_path: Path) -> None:
    (articles / "empty.txt").write_bytes(b"")
    (articles / "photo.txt").write_bytes(bytes(range(256)) * 4)
    db = tmp_path / "s.db"
    result = _ingest(runner, db, str(articles), str(tmp_path / "missing.txt"))
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 3
    assert any("empty.txt: empty file" in line for line in errors)
    assert any("photo.txt: binary file" in line for line in errors)
    assert any("missing.txt: no such file" in line for line in errors)
    assert "Traceback" not in result.output
    assert sorted(json.loads(result.stdout)["added"]) == ["county", "gazette"]


def test_unknown_article_is_a_clear_error(runner: CliRunner, articles: Path, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    _ingest(runner, db, str(articles))
    result = runner.invoke(cli, ["show", "nope", "--db", str(db)])
    assert result.exit_code == 1
    assert result.stderr.startswith("error: no article with id 'nope'")


def test_list_without_store_says_what_to_do(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["list", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "crosscheck ingest" in result.stderr


def test_bad_published_flag_is_a_usage_error(runner: CliRunner, articles: Path, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["ingest", "--db", str(tmp_path / "s.db"), "--published", "soon", str(articles)])
    assert result.exit_code == 2
    assert "not a date" in result.output


def test_list_date_bounds_must_be_dates(runner: CliRunner, articles: Path, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    _ingest(runner, db, str(articles))
    result = runner.invoke(cli, ["list", "--db", str(db), "--since", "garbage"])
    assert result.exit_code == 2 and "not a date" in result.output
    assert "gazette" in runner.invoke(cli, ["list", "--db", str(db), "--since", "2026-03"]).stdout
    assert "no article matches" in runner.invoke(cli, ["list", "--db", str(db), "--since", "2027"]).output


def test_outlet_and_published_flags_override(runner: CliRunner, articles: Path, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    _ingest(runner, db, "--outlet", "Harbour Radio", "--published", "2026-03-11", str(articles / "county.txt"))
    row = json.loads(runner.invoke(cli, ["list", "--db", str(db), "--format", "json"]).stdout)[0]
    assert (row["outlet"], row["published"][:10]) == ("Harbour Radio", "2026-03-11")


def test_stdin(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    result = runner.invoke(cli, ["ingest", "--db", str(db), "--format", "json", "-"], input=OTHER)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["added"] == ["stdin"]


def test_demo_prints_the_report_and_writes_html(runner: CliRunner, tmp_path: Path) -> None:
    html = tmp_path / "report.html"
    result = runner.invoke(cli, ["demo", "--html", str(html)])
    assert result.exit_code == 0, result.output
    assert "Disputes" in result.stdout and "1,500 residents" in result.stdout
    assert html.read_text(encoding="utf-8").startswith("<!doctype html>")


@pytest.mark.parametrize(
    ("args", "name", "opening"),
    [
        ([], "story.html", "<!doctype html>"),  # the format follows the file's suffix
        ([], "story.md", "# "),
        (["--format", "markdown"], "story.txt", "# "),  # "markdown" is "md"
        (["--format", "json"], "story.html", "{"),  # an explicit format wins over the suffix
    ],
)
def test_report_format_follows_the_output_file(
    runner: CliRunner, articles: Path, tmp_path: Path, args: list[str], name: str, opening: str
) -> None:
    output = tmp_path / name
    result = runner.invoke(cli, ["report", str(articles), "--db", str(tmp_path / "s.db"), "-o", str(output), *args])
    assert result.exit_code == 0, result.output
    assert output.read_text(encoding="utf-8").startswith(opening)


def test_help_answers_questions(runner: CliRunner) -> None:
    text = runner.invoke(cli, ["ingest", "--help"]).stdout
    for words in ("Exit status", "--allow-private", "--fetch", "WARC", "stdin"):
        assert words in text


def test_ingest_reference_corpus(runner: CliRunner, shared_corpus: Path, tmp_path: Path) -> None:
    """The real five-report story: all read, titles and kickers found, junk removed."""
    db = tmp_path / "s.db"
    result = _ingest(runner, db, str(shared_corpus))
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["added"]) == 5
    rows = json.loads(runner.invoke(cli, ["list", "--db", str(db), "--format", "json"]).stdout)
    assert all(row["title"] for row in rows)
    assert all(row["outlet"] is None and row["published"] is None for row in rows)  # not in the files: never invented
    assert sum(row["n_removed"] for row in rows) >= 10
