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
