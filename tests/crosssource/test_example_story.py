"""The bundled story's cross-source findings, as its author intended them (expected.json)."""

from __future__ import annotations

import re

import pytest

from crosscheck.api import read_articles
from crosscheck.crosssource import analyse_story
from crosscheck.examples import example_articles, expected_findings
from crosscheck.language import Pipeline, doc_from_article
from crosscheck.model import Article
from crosscheck.report.build import story_sources

EXPECTED = expected_findings()


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u2019", "'")).strip(" .,\"'\u201c\u201d").lower()


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {a.id: a.text for a in read_articles([str(example_articles())]) if isinstance(a, Article)}


@pytest.fixture(scope="module")
def report(texts: dict[str, str]) -> dict:
    articles = sorted((a for a in read_articles([str(example_articles())]) if isinstance(a, Article)), key=lambda a: a.id)
    docs = [Pipeline()(doc_from_article(a)) for a in articles]
    return analyse_story(docs).to_json()


def test_the_wire_group_its_origin_and_the_stripped_credit(report: dict) -> None:
    [want] = EXPECTED["reuse"]
    [group] = report["reuse"]
    assert sorted(group["articles"]) == sorted(want["articles"])
    assert group["origin"] == want["origin"]
    assert group["credit_kept"] == sorted(want["credit_kept"])
    assert group["credit_stripped"] == want["credit_stripped"]
    assert group["edited"] == want["edited"]
    stripped = " ".join(s["text"] for s in group["stripped"])
    for phrase in want["stripped_phrases"]["daily-beacon"]:
        assert phrase in stripped


def test_independent_sources(report: dict) -> None:
    rule = EXPECTED["independent_sources"]
    sources = {s["origin"]: s for s in report["sources"]}
    for origin, articles in rule["sources"].items():
        assert sorted(sources[origin]["articles"]) == sorted(articles)
    own = {a for s in report["sources"] for a in s["articles"]}
    assert own.isdisjoint(rule["derivative"])
    kinds = {a["id"]: a["kind"] for a in report["articles"]}
    assert {a for a, k in kinds.items() if k != "news"} == set(rule["derivative"])


def test_relayed_outlets_and_the_story_count(report: dict) -> None:
    rule = EXPECTED["independent_sources"]
    sources = {s["origin"]: s for s in report["sources"]}
    for origin, relaying in rule["relayed"].items():
        assert sources[origin]["articles"] == [] and sorted(sources[origin]["relayed_by"]) == sorted(relaying)
    assert story_sources(report["sources"]) == rule["story"]


def test_a_quote_relayed_through_a_journalist_says_through_whom(report: dict) -> None:
    [quote] = [q for q in report["quotes"] if q["speaker"] == "Ana Reyes"]
    assert quote["via"] == ["Harbour 7"]


@pytest.mark.parametrize("want", EXPECTED["claims"], ids=lambda c: c["key_phrase"])
def test_claims_with_their_status_and_independent_sources(report: dict, want: dict) -> None:
    key = _plain(want["key_phrase"]).replace("nine votes to four", "nine votes to four")
    candidates = [c for c in report["claims"] if any(key in _plain(e["text"]) for e in c["evidence"]) or key in _plain(c["text"])]
    assert candidates, f"no claim carries {want['key_phrase']!r}"
    claim = max(candidates, key=lambda c: len(set(c["articles"]) & set(want["articles"])))
    assert sorted(claim["articles"]) == sorted(want["articles"])
    assert claim["independent_sources"] == want["independent_sources"]
    assert claim["status"] == want["status"]


def test_single_source_claims_state_checkable_facts_not_scenes_or_fragments(report: dict) -> None:
    single = [c["text"] for c in report["claims"] if c["status"] == "single-source"]
    for aside in ("Wharf Lane", "three letters pushed under my door", "did not respond", "his own board"):
        assert not [t for t in single if aside in t], aside
    assert len(report["claims"]) <= 32


def test_exactly_the_five_disputes(report: dict) -> None:
    assert sorted(d["kind"] for d in report["disputes"]) == sorted(d["kind"] for d in EXPECTED["disputes"])


@pytest.mark.parametrize("want", EXPECTED["disputes"], ids=lambda d: d["kind"] + ":" + d["positions"][0]["text"][:20])
def test_each_dispute_with_its_positions(report: dict, want: dict) -> None:
    def covers(dispute: dict) -> bool:
        return all(any(_plain(p["text"]) in _plain(q["text"]) for q in dispute["positions"]) for p in want["positions"])

    [dispute] = [d for d in report["disputes"] if d["kind"] == want["kind"] and covers(d)]
    for position in want["positions"]:
        found = [q for q in dispute["positions"] if _plain(position["text"]) in _plain(q["text"])]
        assert any(set(position["articles"]) <= set(q["articles"]) for q in found), position
        assert any(q["speaker"] == position["speaker"] for q in found), position
        if "value" in position:
            assert found[0]["value"] == position["value"]
    wanted = {a for p in want["positions"] for a in p["articles"]}
    assert {a for q in dispute["positions"] for a in q["articles"]} == wanted


@pytest.mark.parametrize("want", EXPECTED["quotes"], ids=lambda q: q["text"][:30])
def test_quotes_with_their_speakers_and_variants(report: dict, want: dict) -> None:
    [quote] = [q for q in report["quotes"] if _plain(q["text"]) == _plain(want["text"])]
    assert quote["speaker"] == want["speaker"]
    assert sorted(quote["articles"]) == sorted(want["articles"])
    variants = {_plain(v["text"]): v for v in quote["variants"]}
    assert set(variants) == {_plain(v["text"]) for v in want["variants"]}
    for variant in want["variants"]:
        found = variants[_plain(variant["text"])]
        assert sorted(found["articles"]) == sorted(variant["articles"])
        assert found["partial"] is variant.get("partial", False)
        assert found["changes_meaning"] is variant.get("changes_meaning", False)
    assert quote["altered"] is any(v.get("changes_meaning", False) for v in want["variants"])


def test_only_the_intended_quotes_are_listed(report: dict) -> None:
    assert sorted(_plain(q["text"]) for q in report["quotes"]) == sorted(_plain(q["text"]) for q in EXPECTED["quotes"])


@pytest.mark.parametrize("want", EXPECTED["entities"], ids=lambda e: e["name"])
def test_entities_with_their_aliases(report: dict, texts: dict[str, str], want: dict) -> None:
    [entity] = [e for e in report["entities"] if e["name"] == want["name"]]
    assert entity["type"] == want["type"]
    assert set(want["aliases"]) <= set(entity["aliases"])
    naming = {a for a, text in texts.items() if any(alias in text for alias in want["aliases"])}
    assert naming <= set(entity["articles"]) <= set(want["articles"])


def test_every_finding_points_at_the_text_it_quotes(report: dict, texts: dict[str, str]) -> None:
    evidence = [e for c in report["claims"] for e in c["evidence"]]
    evidence += [e for d in report["disputes"] for p in d["positions"] for e in p["evidence"]]
    evidence += [e for q in report["quotes"] for v in q["variants"] for e in v["evidence"]]
    evidence += [e for g in report["reuse"] for p in g["passages"] for e in p["evidence"]]
    assert evidence
    for item in evidence:
        text = texts[item["article"]]
        start, end = item["span"]
        s_start, s_end = item["sentence"]
        assert text[start:end] == item["text"]
        assert s_start <= start and end <= s_end


def test_coverage_shows_who_contradicts_the_signed_notice(report: dict) -> None:
    claim = next(c for c in report["claims"] if "signed by Haddad" in c["text"])
    coverage = report["coverage"]
    row = dict(zip(coverage["articles"], coverage["cells"][coverage["claims"].index(claim["id"])]))
    assert {a for a, cell in row.items() if cell == "carried"} == {"coastal-ledger", "valley-dispatch", "daily-beacon"}
    assert {a for a, cell in row.items() if cell == "contradicted"} == {"halvard-herald", "seaboard-sentinel", "tideline-opinion"}
    assert row["northgate-times"] == "omitted"
