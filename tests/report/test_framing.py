"""Each article's framing: its kind, opinion sentences, loaded words, headline and omissions."""

from __future__ import annotations

from typing import Any

import pytest

from crosscheck.examples import expected_findings
from crosscheck.language import annotate
from crosscheck.model import Article
from crosscheck.report.framing import credited_media, frame_article, loaded_words

EXPECTED = expected_findings()


def _article(report: dict[str, Any], id: str) -> dict[str, Any]:
    return next(a for a in report["articles"] if a["id"] == id)


@pytest.mark.parametrize("id", sorted(EXPECTED["articles"]))
def test_each_article_has_its_intended_kind(report: dict[str, Any], id: str) -> None:
    assert _article(report, id)["kind"] == EXPECTED["articles"][id]["kind"]


@pytest.mark.parametrize("id", sorted(EXPECTED["opinion_sentences"]))
def test_the_intended_opinion_sentences_are_flagged(report: dict[str, Any], id: str) -> None:
    flagged = _article(report, id)["opinion_sentences"]
    for sentence in EXPECTED["opinion_sentences"][id]:
        assert sentence in flagged
    assert len(flagged) == len(EXPECTED["opinion_sentences"][id]), "flagged beyond the intended opinion sentences"


def test_straight_news_has_no_opinion_sentences(report: dict[str, Any]) -> None:
    for id in ("coastal-ledger", "valley-dispatch", "halvard-herald", "northgate-times", "daily-beacon"):
        assert _article(report, id)["opinion_sentences"] == [], id


def test_opinion_signals_are_named(report: dict[str, Any]) -> None:
    signals = {o["text"]: o["signals"] for o in _article(report, "tideline-opinion")["framing"]["opinion"]}
    assert "first person" in signals[EXPECTED["opinion_sentences"]["tideline-opinion"][0]]
    assert signals["Which is it, Mr. Mayor?"] == ["rhetorical question"]
    assert signals["That is a shambles."] == ["evaluative language"]


def test_loaded_words_of_the_opinion_piece(report: dict[str, Any]) -> None:
    words = {w["word"] for w in _article(report, "tideline-opinion")["framing"]["loaded_words"]}
    assert {"shambles", "backpedalling", "fumble"} <= words


def test_only_the_overclaiming_headline_is_flagged(report: dict[str, Any]) -> None:
    flagged = [a["id"] for a in report["articles"] if a["framing"]["headline_overclaim"]]
    assert flagged == EXPECTED["headline_overclaims"]
    overclaim = _article(report, "daily-beacon")["framing"]["headline_overclaim"]
    assert overclaim["claim"] == "To Shut"
    assert "nothing had been decided" in overclaim["evidence"]["text"]


def test_omissions_are_claims_most_others_carry(report: dict[str, Any]) -> None:
    herald = [o["text"] for o in _article(report, "halvard-herald")["framing"]["omissions"]]
    assert herald == ["The notice said the authority would provide temporary accommodation for Lower Quay residents asked to leave."]
    assert _article(report, "coastal-ledger")["framing"]["omissions"] == []


def test_the_aggregator_credits_other_media(report: dict[str, Any]) -> None:
    assert _article(report, "seaboard-sentinel")["framing"]["credits"] == ["Harbour 7", "Meridian Press"]


def _frame(text: str, **fields: Any) -> dict[str, Any]:
    article = Article(id="x", source="x.txt", text=text, **fields)
    return frame_article(article, annotate(article))


def test_a_kicker_labels_the_kind() -> None:
    text = "The ferry service will resume on Monday, the operator said."
    assert _frame(text, kicker="Opinion")["kind"] == "opinion"
    assert _frame(text, kicker="Analysis")["kind"] == "analysis"
    assert _frame(text, kicker="Local News")["kind"] == "news"


def test_quoted_words_are_the_speakers_not_the_writers() -> None:
    framing = _frame('"It is a shambles, and I am furious," the harbour master said. "Who is in charge?"')
    assert framing["opinion"] == [] and framing["loaded_words"] == []
    assert loaded_words("The mayor called the plan a fiasco.") != []


@pytest.mark.parametrize(
    ("title", "overclaims"),
    [
        ("Harbour Board To Close Ferry Terminal", True),
        ("Harbour Board May Close Ferry Terminal", False),
        ("Ferry Terminal To Close, Says Harbour Board", False),
        ("Will the Ferry Terminal Close?", False),
        ("Ferry terminal closure notice causes confusion", False),
    ],
)
def test_headline_overclaim(title: str, overclaims: bool) -> None:
    framing = _frame("The harbour board is preparing to close the ferry terminal, but its chair said no decision had been taken.", title=title)
    assert (framing["headline_overclaim"] is not None) is overclaims


def test_credits_name_other_media_not_the_articles_own_outlet() -> None:
    text = "The Gazette reported the closure. A copy was seen by the Courier, according to Channel 9's Mia Holt. The chair told the Herald."
    assert credited_media(text, "The Harbour Herald") == ["Gazette", "Courier", "Channel 9"]


@pytest.mark.parametrize(
    ("sentence", "signal"),
    [
        ("I have taken this ferry every week for ten years.", "first person"),
        ("If the ferry stops, our island will be cut off for weeks.", "first person"),
        ("Why did nobody inspect the hull before the storm?", "rhetorical question"),
        ("The company's handling of the repairs is a shambles.", "evaluative language"),
        ("The new timetable is welcome news to islanders who commute to the mainland.", "evaluative language"),
        ("It appears the company knew about the corrosion in March.", "it appears"),
    ],
)
def test_the_writers_own_voice_is_flagged(sentence: str, signal: str) -> None:
    [flagged] = _frame(sentence)["opinion"]
    assert signal in flagged["signals"]


@pytest.mark.parametrize(
    "sentence",
    [
        "A mistake?",
        "Here is what we know.",
        "So far, so alarming.",
        "By evening the backpedalling had begun.",
        "The Island Gazette reported that the company had announced our ferry would stop.",
    ],
)
def test_asides_signposts_and_reported_speech_are_not_opinion_sentences(sentence: str) -> None:
    assert _frame(sentence)["opinion"] == []
