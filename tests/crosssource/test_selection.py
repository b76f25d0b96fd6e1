"""Which claims a reader sees: checkable statements, not fragments, scenes or unanswered calls."""

from __future__ import annotations

import pytest

from crosscheck.crosssource.selection import is_fragment

FERRY = "The Vellmark ferry company suspended the Harbour Line on Tuesday because of hull corrosion"


@pytest.mark.parametrize(
    "text",
    [
        "as requested by the port board, the crews will be moving the barges over the coming weeks",
        "a day after the island council urged the company to stop sailing",
        "authenticated by the Bay Times, announcing the ferry would stop",
        "This is a blunder",
        "“That was a mistake",
    ],
)
def test_a_clause_without_its_own_subject_or_referent_is_a_fragment(text: str) -> None:
    assert is_fragment(text)


@pytest.mark.parametrize(
    "text",
    [
        "The letter said the crews would move the barges over the coming weeks",
        "This is a blunder, and the order should never have left the harbour office",
        "it is roughly 12 metres long",
        "the repair will cost 1.4 million crowns",
    ],
)
def test_a_whole_clause_is_not_a_fragment(text: str) -> None:
    assert not is_fragment(text)


def test_scenes_unanswered_calls_and_pronoun_asides_are_not_single_source_claims(analyse) -> None:
    report = analyse(
        {
            "paper": (
                "Bay Times",
                f"{FERRY}. On Pelican Row, Oskar Brandvik spent Wednesday morning sweeping the steps of the bait shop he has run for 22 years. "
                "Maria Lutz did not respond to calls on Tuesday evening. "
                "By May 2026, his own engineers had already questioned it in a long written report to the board. "
                "The repair of the hull will cost 1.4 million crowns, the company said on Tuesday.",
            ),
            "radio": ("Coastline Radio", f"{FERRY}, its chair Maria Lutz said."),
        }
    )
    texts = " ".join(c["text"] for c in report["claims"])
    assert "suspended the Harbour Line" in texts and "1.4 million crowns" in texts
    assert "Brandvik" not in texts and "did not respond" not in texts and "his own engineers" not in texts


def test_a_claim_is_shown_in_a_wording_that_stands_alone(analyse) -> None:
    letter = "as requested by the port board, the {crews} will move the barges out of the inner basin over the coming weeks"
    report = analyse(
        {
            "paper": ("Bay Times", "The letter said the crews would \u201cmove the barges out of the inner basin over the coming weeks.\u201d"),
            "radio": ("Coastline Radio", "\u201cSir, in deference to the wishes of the island, and " + letter.format(crews="crews") + ",\u201d Calder wrote."),
            "web": ("Quay Post", "\u201cSir, " + letter.format(crews="harbour crews") + ",\u201d Ines Calder wrote."),
        }
    )
    claim = next(c for c in report["claims"] if "barges" in c["text"])
    assert claim["articles"] == ["paper", "radio", "web"]
    assert not claim["text"].startswith("as requested")


def test_a_clause_that_only_leads_into_a_quote_is_no_claim(analyse) -> None:
    report = analyse(
        {
            "paper": (
                "Bay Times",
                "Captain Elin Vos wrote on Monday in order to move three ferries north, "
                "\u201cThe crews are required to take every measure to keep the crossing safe.\u201d",
            ),
            "radio": (
                "Coastline Radio",
                "Captain Elin Vos plans to move three ferries north to the new quay, the island council said on Tuesday.",
            ),
        }
    )
    texts = [c["text"] for c in report["claims"]]
    assert texts and not [t for t in texts if t.startswith("Captain Elin Vos wrote on Monday")]


def test_a_story_lists_a_few_single_source_claims_per_article(analyse) -> None:
    facts = [
        "The ferry company bought 4 new boats in 2019.",
        "The harbour board hired 12 inspectors on Tuesday.",
        "The island council spent 3 million crowns on the north quay in 2021.",
        "Fares rose by 8 percent on Monday.",
        "The Harbour Line carried 41,000 passengers in 2023.",
        "The port authority closed 2 of its 6 berths on Wednesday.",
        "The ferry crews voted 57 to 12 on Thursday to accept the new rota.",
    ]
    report = analyse({"paper": ("Bay Times", " ".join(facts)), "radio": ("Coastline Radio", "The council met on Friday.")})
    single = [c for c in report["claims"] if c["status"] == "single-source"]
    assert 1 <= len(single) <= 5
