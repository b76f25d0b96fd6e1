"""The quote ledger: one quote in several wordings, cuts that change its meaning, echoes."""

from __future__ import annotations

from crosscheck.crosssource.quotes import meaning_change


def _quote(report: dict, words: str) -> dict:
    return next(q for q in report["quotes"] if words in q["text"])


def test_wordings_of_one_quote_are_grouped_with_their_speaker(analyse) -> None:
    report = analyse(
        {
            "paper": ("Bay Times", "\u201cThere has been no decision whatsoever to sell the ferry,\u201d the chair, Maria Lutz, said on Tuesday."),
            "radio": ("Coastline Radio", "\u201cThere's been no decision to sell the ferry, period,\u201d Maria Lutz told the station."),
            "blog": ("Harbour Watch", "Maria Lutz insists there has been \u201cno decision whatsoever.\u201d I am not so sure."),
        }
    )
    quote = _quote(report, "no decision")
    assert quote["speaker"] == "Maria Lutz"
    assert quote["articles"] == ["paper", "radio", "blog"]
    variants = {v["text"]: (v["articles"], v["partial"]) for v in quote["variants"]}
    assert variants == {
        "There has been no decision whatsoever to sell the ferry": (["paper"], False),
        "There's been no decision to sell the ferry, period": (["radio"], False),
        "no decision whatsoever": (["blog"], True),
    }
    assert quote["altered"] is False


def test_a_cut_that_drops_the_condition_changes_the_meaning(analyse) -> None:
    report = analyse(
        {
            "paper": ("Bay Times", "\u201cIf the inspectors tell us the hull is unsafe, the ferry will stop,\u201d Maria Lutz said."),
            "blog": ("Harbour Watch", "Yet Maria Lutz also told reporters that \u201cthe ferry will stop.\u201d Which is it?"),
        }
    )
    quote = _quote(report, "the ferry will stop")
    assert quote["altered"] is True
    cut = next(v for v in quote["variants"] if v["partial"])
    assert cut["articles"] == ["blog"] and cut["changes_meaning"] is True
    assert "condition" in cut["note"]


def test_a_condition_kept_in_the_reporter_s_words_is_not_dropped(analyse) -> None:
    report = analyse(
        {
            "paper": ("Bay Times", "\u201cIf the inspectors tell us the hull is unsafe, the ferry will stop,\u201d Maria Lutz said."),
            "radio": ("Coastline Radio", "Maria Lutz said that if the inspectors found the hull unsafe, \u201cthe ferry will stop.\u201d"),
        }
    )
    assert _quote(report, "the ferry will stop")["altered"] is False


def test_dropping_a_negation_changes_the_meaning() -> None:
    full = ("we", "will", "not", "sell", "the", "ferry")
    assert meaning_change(full, ("sell", "the", "ferry"), partial=True) == "drops a negation"
    assert meaning_change(full, ("we", "will", "sell", "the", "ferry"), partial=False) == "changes a negation"
    assert meaning_change(full, ("we", "won't", "sell", "the", "ferry"), partial=False) is None


def test_a_phrase_an_article_repeats_from_its_own_quote_is_not_another_quote(analyse) -> None:
    notice = "\u201cthe orderly suspension of the Harbour Line while the hull is repaired\u201d"
    report = analyse(
        {
            "wire": ("North Wire Agency", f"The company told staff to prepare for the \u201corderly suspension\u201d of its only route.\n\nA notice from the safety director, Peter Anholt, asked for {notice}."),
            "blog": ("Harbour Watch", "Staff were told to get ready for an \u201corderly suspension\u201d, the wire reported."),
        }
    )
    assert [q["text"] for q in report["quotes"]] == []
