"""The neutral summary: corroborated facts first, fair disputes, every sentence cited."""

from __future__ import annotations

from typing import Any

from crosscheck.examples import expected_findings
from crosscheck.report.summary import is_neutral

EXPECTED = expected_findings()
LOADED_IN_THE_STORY = ("shambles", "fumble", "backpedalling", "naturally", "alarming")


def test_three_to_ten_sentences(report: dict[str, Any]) -> None:
    assert 3 <= len(report["summary"]) <= 10


def test_every_sentence_cites_articles_and_the_sentences_it_rests_on(report: dict[str, Any]) -> None:
    texts = {a["id"]: a["text"] for a in report["articles"]}
    for sentence in report["summary"]:
        assert sentence["articles"], sentence["text"]
        assert set(sentence["articles"]) <= set(texts)
        assert sentence["evidence"], sentence["text"]
        for evidence in sentence["evidence"]:
            start, end = evidence["sentence"]
            assert evidence["text"] in texts[evidence["article"]][start:end]


def test_no_opinion_sentence_or_loaded_word(report: dict[str, Any]) -> None:
    opinion = [s for sentences in EXPECTED["opinion_sentences"].values() for s in sentences]
    for sentence in report["summary"]:
        assert not any(o in sentence["text"] for o in opinion)
        assert not any(word in sentence["text"].lower() for word in LOADED_IN_THE_STORY)
        assert not sentence["text"].rstrip("”").endswith("?")
        assert is_neutral(sentence["text"])


def test_corroborated_facts_come_first(report: dict[str, Any]) -> None:
    kinds = [s["kind"] for s in report["summary"]]
    assert kinds[0] == "corroborated"
    assert kinds.index("dispute") > max(i for i, k in enumerate(kinds) if k == "corroborated")


def test_the_corroborated_claims_are_stated(report: dict[str, Any]) -> None:
    stated = " ".join(s["text"] for s in report["summary"])
    for claim in EXPECTED["claims"]:
        if claim["status"] == "corroborated":
            assert claim["text"] in stated


def test_disputes_give_each_side_and_who_says_it(report: dict[str, Any]) -> None:
    disputes = [s["text"] for s in report["summary"] if s["kind"] == "dispute"]
    residents = next(t for t in disputes if "1,200" in t)
    assert "1,500" in residents and "Meridian Press" in residents and "Northgate Times" in residents
    signed = next(t for t in disputes if "signed by Haddad" in t)
    assert "Ana Reyes" in signed and "unsigned" in signed
    said = next(t for t in disputes if "This is a mistake" in t)
    assert "Ana Reyes" in said and "Harold Brennan" in said


def test_an_opinion_piece_is_not_cited_for_a_fact_news_articles_carry(report: dict[str, Any]) -> None:
    denial = next(s for s in report["summary"] if s["text"].startswith("Mayor Brennan said no decision"))
    assert "tideline-opinion" not in denial["articles"]


def test_a_single_source_claim_says_whose_it_is(report: dict[str, Any]) -> None:
    single = [s["text"] for s in report["summary"] if s["kind"] == "single-source"]
    assert single and all(", according to " in t for t in single)
    assert not any("Seaboard Sentinel" in t for t in single), "an aggregator is not a source"


def test_neutrality_check() -> None:
    assert is_neutral("The council voted nine to four on Sunday.")
    assert not is_neutral("That is a shambles.")
    assert not is_neutral("I have lived here for twenty years.")
    assert not is_neutral("Who is in charge?")
    assert not is_neutral("It appears the notice was a draft.")
