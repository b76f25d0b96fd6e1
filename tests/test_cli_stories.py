"""`crosscheck stories` and `crosscheck updates` as a user runs them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from crosscheck.cli import cli
from crosscheck.examples import example_articles

FIRE = {
    "fire-1": (
        "2026-05-04",
        "Fire guts Brannock paper mill",
        "A fire gutted the Brannock paper mill on the Ostrel river overnight. Fire chief Odile Varga said 60 "
        "firefighters fought the blaze for six hours and no one was hurt. The mill employs 240 people.",
    ),
    "fire-2": (
        "2026-05-04",
        "Brannock mill fire: 240 jobs at risk",
        "Workers at the Brannock paper mill fear for their 240 jobs after the overnight fire. Chief Odile Varga "
        "said the blaze on the Ostrel river started in a storage hall; the cause is under investigation.",
    ),
}
VOTE = {
    "vote-1": (
        "2026-05-05",
        "Hessel wins Tarrow mayoral race",
        "Councillor Amara Hessel won the Tarrow mayoral election with 54 percent of the vote, beating the "
        "incumbent Piet Lorne. Turnout was 47 percent, the electoral office said.",
    ),
    "vote-2": (
        "2026-05-05",
        "Lorne concedes to Hessel in Tarrow",
        "Mayor Piet Lorne conceded defeat to Amara Hessel on Monday night after she took 54 percent of the vote "
        "in Tarrow. Hessel promised to expand the tram network.",
    ),
}
FIRE_LATER = {
    "fire-3": (
        "2026-05-07",
        "Investigators name cause of Brannock mill fire",
        "An electrical fault in a storage hall started the fire that gutted the Brannock paper mill on the Ostrel "
        "river, fire chief Odile Varga said on Thursday. The 240 workers will be paid while the mill is rebuilt.",
    )
}


def write(folder: Path, articles: dict[str, tuple[str, str, str]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for stem, (published, title, text) in articles.items():
        (folder / f"{stem}.txt").write_text(f"---\npublished: {published}\n---\n{title}\n\n{text}\n", encoding="utf-8")
    return folder


@pytest.fixture
def runner(tmp_path, monkeypatch) -> CliRunner:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CROSSCHECK_DB", raising=False)
    return CliRunner()


def stories_json(runner: CliRunner, *args: str) -> list[dict]:
    result = runner.invoke(cli, ["stories", *args, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)["stories"]


def test_stories_json_lists_each_event_with_file_stems_in_a_temporary_store(runner, tmp_path) -> None:
    folder = write(tmp_path / "news", {**FIRE, **VOTE})
    stories = stories_json(runner, str(folder))
    assert all(set(story) == {"id", "title", "articles"} for story in stories)
    assert sorted(sorted(s["articles"]) for s in stories) == [["fire-1", "fire-2"], ["vote-1", "vote-2"]]
    assert all(s["id"].startswith("s-") and s["title"] for s in stories)
    assert not (tmp_path / "crosscheck.db").exists()


def test_stories_in_a_store_keep_their_ids_and_take_in_new_articles(runner, tmp_path) -> None:
    first = stories_json(runner, str(write(tmp_path / "day1", {**FIRE, **VOTE})), "--db", "news.db")
    second = stories_json(runner, str(write(tmp_path / "day2", FIRE_LATER)), "--db", "news.db")
    again = stories_json(runner, "--db", "news.db")
    before = {s["id"]: set(s["articles"]) for s in first}
    after = {s["id"]: set(s["articles"]) for s in second}
    assert after.keys() == before.keys()
    fire = next(i for i, articles in before.items() if "fire-1" in articles)
    assert after[fire] == before[fire] | {"fire-3"}
    assert {s["id"]: set(s["articles"]) for s in again} == after


def test_stories_text_shows_id_size_title_and_articles(runner, tmp_path) -> None:
    result = runner.invoke(cli, ["stories", str(write(tmp_path / "news", FIRE))])
    assert result.exit_code == 0
    first, second = result.stdout.splitlines()[:2]
    assert first.startswith("s-") and "2 articles" in first and "Brannock" in first
    assert second.split() == ["fire-1,", "fire-2"]


def test_stories_without_paths_or_store_explains_what_to_do(runner) -> None:
    result = runner.invoke(cli, ["stories"])
    assert result.exit_code == 1
    assert result.stderr.startswith("error: crosscheck.db: no store here yet")


def test_a_bad_input_is_reported_and_the_rest_clustered(runner, tmp_path) -> None:
    folder = write(tmp_path / "news", FIRE)
    result = runner.invoke(cli, ["stories", str(folder), str(tmp_path / "missing.txt"), "--format", "json"])
    assert result.exit_code == 1
    assert "error:" in result.stderr and "missing.txt" in result.stderr
    assert [sorted(s["articles"]) for s in json.loads(result.stdout)["stories"]] == [["fire-1", "fire-2"]]


def test_updates_shows_new_sources_claims_and_disputes_after_an_article_arrives(runner, tmp_path) -> None:
    examples, folder = example_articles(), tmp_path / "story"
    folder.mkdir()
    for name in ("daily-beacon.txt", "northgate-times.jsonl", "coastal-ledger.html"):
        shutil.copy(examples / name, folder)
    report = runner.invoke(cli, ["report", str(folder), "--db", "news.db", "--format", "json"])
    assert report.exit_code == 0, report.stderr
    assert "saved as run 1 of s-" in report.stderr
    (story,) = stories_json(runner, "--db", "news.db")

    unchanged = runner.invoke(cli, ["updates", story["id"], "--db", "news.db"])
    assert unchanged.exit_code == 0 and "nothing new" in unchanged.stdout

    shutil.copy(examples / "valley-dispatch.xml", folder)
    shutil.copy(examples / "seaboard-sentinel.txt", folder)
    assert runner.invoke(cli, ["ingest", str(folder), "--db", "news.db"]).exit_code == 0
    result = runner.invoke(cli, ["updates", story["id"], "--db", "news.db", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    updates = json.loads(result.stdout)
    assert updates["since"]["run"] == 1
    assert [a["id"] for a in updates["new_articles"]] == ["valley-dispatch", "seaboard-sentinel"]
    assert "Seaboard Sentinel" in updates["new_outlets"]
    assert updates["new_claims"] and updates["new_disputes"]
    assert any("Seaboard Sentinel" in c["summary"] for c in updates["corrections"])

    text = runner.invoke(cli, ["updates", story["id"], "--db", "news.db", "--since", "1", "--save"]).stdout
    assert "new disputes" in text and "saved as run 2" in text
    later = runner.invoke(cli, ["updates", story["id"], "--db", "news.db"]).stdout
    assert "changes since run 2" in later and "nothing new" in later


def test_updates_names_what_is_missing(runner, tmp_path) -> None:
    stories_json(runner, str(write(tmp_path / "news", FIRE)), "--db", "news.db")
    unknown = runner.invoke(cli, ["updates", "s-nope", "--db", "news.db"])
    assert unknown.exit_code == 1 and unknown.stderr.startswith("error: no story 's-nope'")
    (story,) = stories_json(runner, "--db", "news.db")
    unreported = runner.invoke(cli, ["updates", story["id"], "--db", "news.db"])
    assert unreported.exit_code == 1 and "run 'crosscheck report'" in unreported.stderr


def test_a_report_on_two_stories_saves_each_of_them_as_one_run(runner, tmp_path) -> None:
    folder = write(tmp_path / "news", {**FIRE, **VOTE})
    report = runner.invoke(cli, ["report", str(folder), "--db", "news.db", "--format", "json"])
    assert report.exit_code == 0, report.stderr
    stories = stories_json(runner, "--db", "news.db")
    assert len(stories) == 2
    for story in stories:
        assert story["id"] in report.stderr
        updates = runner.invoke(cli, ["updates", story["id"], "--db", "news.db", "--format", "json"])
        assert updates.exit_code == 0, updates.stderr
        assert json.loads(updates.stdout)["since"]["run"] == 1
