"""The cross-source analysis on the real reference story in ../shared (skipped where it is absent).

Findings checked by reading the five reports; asserted by article id, kind, speaker and count,
without their text.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from crosscheck.api import read_articles
from crosscheck.crosssource import analyse_story
from crosscheck.crosssource.selection import is_fragment
from crosscheck.language import Pipeline, doc_from_article
from crosscheck.model import Article

OPINION, RELAYS, WIRE, UPDATED = "000_8bfc876277eed0a5", "002_b69215c4221927dc", "001_2dce4a5990d60d86", "004_31acd6e0dadacb9f"
STRIPPED = "003_3cb5f1b065f34f27"


@pytest.fixture
def report(shared_corpus: Path) -> dict:
    return _analysed(str(shared_corpus))


@lru_cache(maxsize=1)
def _analysed(folder: str) -> dict:
    """The story analysed once for all tests of this module."""
    articles = sorted((a for a in read_articles([folder]) if isinstance(a, Article)), key=lambda a: a.id)
    return analyse_story([Pipeline()(doc_from_article(a)) for a in articles]).to_json()


def test_three_reports_reprint_one_afp_copy_one_with_the_credit_stripped(report: dict) -> None:
    [group] = report["reuse"]
    assert group["articles"] == [OPINION, WIRE, STRIPPED]
    assert (group["origin"], group["credit"], group["origin_aliases"]) == ("AFP", "AFP", ["Agence France-Presse"])
    assert group["credit_kept"] == [OPINION, WIRE]
    assert group["credit_stripped"] == [STRIPPED]
    assert len(group["stripped"]) == 2


def test_opinion_and_aggregation_pieces_add_no_source_of_their_own(report: dict) -> None:
    kinds = {a["id"]: a["kind"] for a in report["articles"]}
    assert {a for a, k in kinds.items() if k != "news"} == {OPINION, RELAYS, UPDATED}
    sources = {s["origin"]: s for s in report["sources"]}
    assert sources["AFP"]["kind"] == "wire"
    assert {"Reuters", "Haaretz", "CNN", "NPR"} <= {o for o, s in sources.items() if s["kind"] == "relay"}
    assert sources["Reuters"]["relayed_by"] == [RELAYS, UPDATED]


def test_the_garrison_size_counts_one_source_and_is_disputed(report: dict) -> None:
    [dispute] = [d for d in report["disputes"] if d["kind"] == "numeric"]
    assert [(p["value"], p["articles"]) for p in dispute["positions"]] == [(5000, [OPINION]), (5200, [WIRE, STRIPPED])]
    [claim] = [c for c in report["claims"] if any(str(5200) in e["text"].replace(",", "") for e in c["evidence"])]
    assert claim["articles"] == [WIRE, STRIPPED]
    assert claim["independent_sources"] == 1
    assert claim["status"] == "disputed"


def test_was_the_letter_signed_and_is_the_vote_binding(report: dict) -> None:
    polarity = {d["positions"][0]["stance"]: d for d in report["disputes"] if d["kind"] == "polarity"}
    signed = {p["stance"]: set() for p in polarity["sign"]["positions"]}
    for position in polarity["sign"]["positions"]:
        signed[position["stance"]].update(position["articles"])
    assert signed == {"sign": {OPINION, WIRE, STRIPPED}, "not sign": {OPINION, RELAYS, UPDATED}}
    assert any(p["speaker"] == "Mark Milley" for p in polarity["sign"]["positions"])
    binding = {p["stance"]: p["articles"] for p in polarity["bind"]["positions"]}
    assert binding == {"bind": [OPINION], "not bind": [STRIPPED, UPDATED]}
    assert set(polarity) == {"sign", "bind", "leav"}


def test_poorly_worded_is_credited_to_two_people(report: dict) -> None:
    [dispute] = [d for d in report["disputes"] if d["kind"] == "attribution"]
    assert {p["speaker"]: p["articles"] for p in dispute["positions"]} == {"Mark Esper": [RELAYS], "Mark Milley": [UPDATED]}


def test_the_update_supersedes_the_original_story(report: dict) -> None:
    [dispute] = [d for d in report["disputes"] if d["kind"] == "superseded"]
    original, update = dispute["positions"]
    assert original["articles"] == update["articles"] == [UPDATED]
    assert update["speaker"] == "Mark Milley"
    assert "mistake" in update["text"]
    assert len(report["disputes"]) == 6


def test_quotes_in_several_wordings_keep_their_speakers(report: dict) -> None:
    speakers = {(q["speaker"], tuple(q["articles"])) for q in report["quotes"]}
    assert ("Mark Esper", (OPINION, WIRE, STRIPPED)) in speakers
    assert ("Donald Trump", (RELAYS, STRIPPED, UPDATED)) in speakers
    assert ("Mark Milley", (RELAYS, UPDATED)) in speakers
    esper = next(q for q in report["quotes"] if q["speaker"] == "Mark Esper")
    assert len(esper["variants"]) == 3 and not esper["altered"]


def test_people_are_one_entity_under_every_name(report: dict) -> None:
    entities = {e["name"]: e for e in report["entities"]}
    assert {"William Seely", "William H. Seely III", "Seely"} <= set(entities["William Seely"]["aliases"])
    assert {"Mark Milley", "Mark A. Milley", "Milley"} <= set(entities["Mark Milley"]["aliases"])
    assert {"Qasem Soleimani", "Qassem Soleimani"} <= set(entities["Qasem Soleimani"]["aliases"])
    assert entities["AFP"]["aliases"] == ["AFP"]


def test_every_listed_claim_stands_alone(report: dict) -> None:
    assert report["claims"] and not [c["id"] for c in report["claims"] if is_fragment(c["text"])]
    assert all(len(c["text"].split()) <= 60 for c in report["claims"])


def test_a_quote_told_through_a_journalist_keeps_the_outlet(report: dict) -> None:
    milley = next(q for q in report["quotes"] if q["speaker"] == "Mark Milley")
    assert milley["via"] == ["CNN"]


def test_the_sender_of_the_letter_is_not_the_speaker_of_claims_about_it(report: dict) -> None:
    [sent] = [c for c in report["claims"] if c["text"].startswith("The head of the US military")]
    assert sent["speaker"] is None
    assert sent["sources"] == ["AFP", "Reuters"] and sent["independent_sources"] == 2
    assert not [c for c in report["claims"] if c["speaker"] == "William Seely" and "sent a letter" in c["text"]]


def test_a_few_meaningful_claims_no_quote_frames(report: dict) -> None:
    assert len(report["claims"]) <= 21
    assert not [c for c in report["claims"] if c["text"].startswith("Gen. Seely wrote on Monday")]
    assert len([c for c in report["claims"] if c["status"] != "single-source"]) == 11
