"""Claims: the same statement across outlets is one claim; different numbers or polarity are not."""

from __future__ import annotations

import numpy as np
import pytest

from crosscheck.crosssource import AnalysisParams, LexicalBackend, analyse_story
from crosscheck.model import Doc


def _claim(report: dict, words: str) -> dict:
    return next(c for c in report["claims"] if words in c["text"])


def test_one_claim_reported_independently_is_corroborated_with_evidence(analyse) -> None:
    report = analyse(
        {
            "paper": ("Bay Times", "Inspectors found a crack in Rib 12 of the ferry's hull during a dry-dock survey on Friday."),
            "radio": ("Coastline Radio", "A crack in Rib 12 of the hull was found by inspectors during the ferry's dry-dock survey on Friday."),
        }
    )
    claim = _claim(report, "Rib 12")
    assert claim["articles"] == ["paper", "radio"]
    assert claim["independent_sources"] == 2 and claim["status"] == "corroborated"
    for evidence in claim["evidence"]:
        start, end = evidence["span"]
        assert "Rib 12" in evidence["text"] and end > start


def test_different_numbers_for_the_same_thing_are_separate_disputed_claims(analyse) -> None:
    report = analyse(
        {
            "paper": ("Bay Times", "About 900 islanders use the ferry every day."),
            "radio": ("Coastline Radio", "About 1,100 islanders use the ferry every day."),
        }
    )
    claims = [c for c in report["claims"] if "islanders" in c["text"]]
    assert sorted(c["articles"] for c in claims) == [["paper"], ["radio"]]
    assert {c["status"] for c in claims} == {"disputed"}


def test_a_signed_quotation_is_a_claim_without_its_signature(analyse) -> None:
    report = analyse(
        {
            "paper": ("Bay Times", "“Nobody warned the islanders about the crack.” — Carla Sanchez, a ferry pilot."),
            "radio": ("Coastline Radio", "Residents were angry. “Nobody warned the islanders about the crack.” ― Carla Sanchez"),
        }
    )
    claim = _claim(report, "Nobody warned")
    assert claim["text"] == "Nobody warned the islanders about the crack"
    assert claim["articles"] == ["paper", "radio"] and claim["speaker"] == "Carla Sanchez"


def test_a_statement_and_its_denial_are_separate_claims(analyse) -> None:
    report = analyse(
        {
            "paper": ("Bay Times", "The closure order was signed by the harbour master."),
            "radio": ("Coastline Radio", "The closure order was never signed by the harbour master, Hannah Vos said."),
        }
    )
    signed = [c for c in report["claims"] if "signed" in c["text"]]
    assert len(signed) == 2 and all(c["status"] == "disputed" for c in signed)


def test_coverage_shows_what_each_outlet_carried_left_out_or_contradicted(analyse) -> None:
    report = analyse(
        {
            "paper": ("Bay Times", "The closure order was signed by the harbour master.\n\nThe ferry company was founded in 1971."),
            "radio": ("Coastline Radio", "The closure order was never signed by the harbour master, Hannah Vos said."),
        }
    )
    coverage = report["coverage"]
    assert coverage["articles"] == ["paper", "radio"]
    rows = dict(zip(coverage["claims"], coverage["cells"]))
    signed = next(c for c in report["claims"] if c["articles"] == ["paper"] and "signed" in c["text"])
    founded = next(c for c in report["claims"] if "founded" in c["text"])
    assert rows[signed["id"]] == ["carried", "contradicted"]
    assert rows[founded["id"]] == ["carried", "omitted"]


def test_the_lexical_backend_gives_unit_vectors_that_score_shared_words() -> None:
    backend = LexicalBackend()
    vectors = backend.vectors(["The ferry was suspended.", "Ferry suspended on Tuesday.", "Council meets Thursday."])
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


def test_params_show_every_knob() -> None:
    text = repr(AnalysisParams(backend=LexicalBackend()))
    assert "LexicalBackend(dimensions=4096" in text and "min_passages=2" in text and "ClaimParams(" in text


def test_unannotated_documents_are_refused_with_what_to_do() -> None:
    with pytest.raises(ValueError, match=r"run crosscheck\.language\.Pipeline\(\)"):
        analyse_story([Doc(id="raw", text="The ferry sailed.")], params=AnalysisParams(backend=LexicalBackend()))


def test_an_empty_story_has_no_findings() -> None:
    report = analyse_story([], params=AnalysisParams(backend=LexicalBackend())).to_json()
    assert report["claims"] == report["disputes"] == report["reuse"] == report["quotes"] == []


FERRY_LONG = (
    "The Vellmark ferry company suspended its Harbour Line service on Tuesday after inspectors found corrosion in the hull. "
    "Its chair, Maria Lutz, who took over the company in 2024, said the ferry would stay in dry dock for two weeks. "
    "OSTREL (NWA) — The island council will meet on Thursday, when members will ask for a water taxi. "
    "Gulls wheeled over the empty berth. "
    "A fisherman mended nets on the slipway. "
    "The café by the ticket office stayed shut. "
    "Children waited for a school bus instead."
)


def test_claims_are_whole_statements_not_fragments_asides_or_questions(analyse) -> None:
    report = analyse(
        {
            "paper": ("Bay Times", FERRY_LONG),
            "radio": ("Coastline Radio", "The Vellmark ferry company suspended the Harbour Line on Tuesday because of hull corrosion, its chair Maria Lutz said."),
            "column": ("Harbour Watch", "I have never seen the quay so empty. Is anyone in charge? The ferry will stay in dry dock for two weeks, according to the Bay Times."),
        }
    )
    texts = [c["text"] for c in report["claims"]]
    assert not [t for t in texts if t.split()[0].lower() in ("who", "which", "when", "whether", "and", "that")]
    assert not [t for t in texts if "?" in t or t.startswith("I ") or "(NWA)" in t]
    suspended = _claim(report, "suspended")
    assert suspended["status"] == "corroborated" and report["claims"][0] is suspended


def test_no_claim_stands_on_no_source_and_every_disputed_claim_has_one(analyse) -> None:
    report = analyse(
        {
            "column": ("Harbour Watch", "I think the ferry's licence is binding on the council. Why does nobody say so?"),
            "paper": ("Bay Times", "The ferry company holds a non-binding licence from the council, its chair said on Monday."),
            "radio": ("Coastline Radio", "The council's lawyer said the ferry licence is binding."),
        }
    )
    assert report["claims"] and all(c["independent_sources"] >= 1 for c in report["claims"])
    assert "column" not in {a for c in report["claims"] for a in c["articles"] if c["independent_sources"] == 0}


def test_a_long_story_gives_a_readable_list_of_claims(analyse) -> None:
    sentences = [f"Crew member {name} said the deck rail number {n} was repainted on Monday." for n, name in enumerate(
        "Anholt Brandt Cole Dahl Eriks Frey Gale Holm Ives Jorn Kolb Lund Moss Nyberg Ost Pryce Quill Roth Stahl Toft".split(), 1
    )]
    report = analyse({"log": ("Bay Times", " ".join(sentences)), "echo": ("Coastline Radio", " ".join(sentences[:3]))})
    assert len(report["claims"]) <= 15
    statuses = [c["status"] for c in report["claims"]]
    assert statuses == sorted(statuses, key=["corroborated", "disputed", "single-source"].index)


def test_one_persons_claim_in_other_words_is_one_claim(analyse) -> None:
    report = analyse(
        {
            "paper": ("Bay Times", "Harbour master Ines Calder said on Monday: \u201cThere has been no decision whatsoever to scrap the ferry.\u201d"),
            "radio": ("Coastline Radio", "Harbour master Ines Calder denied on Monday that any decision to scrap the ferry had been taken."),
        }
    )
    [claim] = report["claims"]
    assert "scrap the ferry" in claim["text"] and claim["speaker"] == "Ines Calder"
    assert claim["articles"] == ["paper", "radio"] and claim["independent_sources"] == 2


def test_a_quotation_of_several_sentences_gives_one_claim_per_sentence(analyse) -> None:
    report = analyse(
        {
            "paper": (
                "Bay Times",
                "Harbour pilot Erik Dahl told the Bay Times: \u201cIt looks settled now, whatever the board says in public. "
                "There are 400 ferry workers on the island, and all of them are waiting for news. "
                "Nobody at the company has told them anything about the contract.\u201d",
            ),
            "radio": ("Coastline Radio", "There are 350 ferry workers on the island, all waiting for news, the union said."),
        }
    )
    workers = [c for c in report["claims"] if "400 ferry workers" in c["text"]]
    assert workers and not [c for c in workers if "looks settled" in c["text"] or "Nobody" in c["text"]]



RUN_ON = {
    "paper": (
        "Bay Times",
        "Ferry board chair Maria Lutz said: \u201cThat timetable is a draft it was a mistake, it was never approved,\u201d "
        "according to Coastline Radio's Pia Holm.",
    ),
    "radio": ("Coastline Radio", "Maria Lutz told the station the timetable was a mistake and had never been approved by the board."),
}


def test_a_claim_reads_as_a_span_of_its_source_sentence(analyse) -> None:
    """A claim's text is a stretch of one article's sentence at its exact offsets, even for a
    quote transcribed without punctuation; never words glued from different places."""
    report = analyse(RUN_ON)
    assert report["claims"]
    for claim in report["claims"]:
        assert any(e["text"] == claim["text"] for e in claim["evidence"])
        for evidence in claim["evidence"]:
            start, end = evidence["span"]
            assert RUN_ON[evidence["article"]][1][start:end] == evidence["text"]


def test_a_claim_keeps_the_closing_mark_of_a_quotation_it_opens(analyse) -> None:
    text = "The port office told crews on Monday it was preparing for “a full closure of the pier.” The mayor disagreed."
    report = analyse({"paper": ("Bay Times", text), "radio": ("Coastline Radio", text)})
    claim = _claim(report, "full closure")
    assert claim["text"].endswith("of the pier.”")
    for evidence in claim["evidence"]:
        start, end = evidence["span"]
        assert text[start:end] == evidence["text"]
