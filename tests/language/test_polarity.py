"""Negation and modality as the cross-source stage compares them: signed vs unsigned, denied, if."""

from __future__ import annotations

import pytest

from crosscheck.language.polarity import clause_polarity, find_polarity, predicate_polarity, predicate_stance
from crosscheck.language.sentences import split_sentences
from crosscheck.model import Span


def whole(text: str) -> Span:
    return Span(0, len(text))


@pytest.mark.parametrize(
    ("text", "word", "asserted"),
    [
        ("The order was signed by the harbour master.", "sign", True),
        ("The order was unsigned.", "signed", False),
        ("The order wasn't actually signed.", "sign", False),
        ("Calder called it an unsigned draft.", "signed", False),
        ("The order was not unsigned.", "signed", True),
        ("The council's vote is binding.", "binding", True),
        ("The council passed a non-binding motion.", "binding", False),
        ("The council passed a nonbinding motion.", "binding", False),
    ],
)
def test_one_predicate_with_opposite_polarities(text: str, word: str, asserted: bool) -> None:
    assert predicate_polarity(text, whole(text), word) is asserted


@pytest.mark.parametrize(
    "text",
    [
        "There has been no decision to leave the harbour.",
        "The ferry is not leaving.",
        "The crew will never leave.",
        "We made no plans, nor did we prepare to leave.",
        "The captain refused to leave.",
    ],
)
def test_negations_reach_the_predicate(text: str) -> None:
    assert predicate_polarity(text, whole(text), "leave") is False


def test_a_predicate_missing_from_the_clause_has_no_polarity() -> None:
    text = "The ferry sailed at dawn."
    assert predicate_polarity(text, whole(text), "sign") is None


@pytest.mark.parametrize(
    "text",
    [
        "The mayor denied the council had decided to close the pier.",
        "The mayor dismissed reports that the council had decided to close the pier.",
        "The mayor rejected claims the council decided to close the pier.",
        "The mayor refuted the story that the council would close the pier.",
    ],
)
def test_a_denial_negates_what_follows_it(text: str) -> None:
    stance = predicate_stance(text, whole(text), "close")
    assert (stance.negated, stance.modality) == (True, "denial")


@pytest.mark.parametrize(
    "text",
    [
        "The letter appeared to show a withdrawal.",
        "The letter seemed to show a withdrawal.",
        "The ferry may sail.",
        "The ferry might sail.",
        "The ferry reportedly sailed.",
        "It appears the ferry sailed.",
    ],
)
def test_hedges(text: str) -> None:
    polarity = clause_polarity(text, whole(text))
    assert (polarity.negated, polarity.modality) == (False, "hedge")


def test_future() -> None:
    assert clause_polarity("The ferry will sail.", Span(0, 20)).modality == "future"
    text = "The ferry is going to sail."
    assert clause_polarity(text, whole(text)).modality == "future"


def test_a_condition_is_its_own_clause_and_governs_the_predicate() -> None:
    text = "If the pier fails, the ferry will stop, unless the council pays."
    found = [(text[p.start : p.end], p.negated, p.modality) for p in find_polarity(text, [whole(text)])]
    assert found == [
        ("If the pier fails", False, "conditional"),
        ("the ferry will stop", False, "future"),
        ("unless the council pays.", False, "conditional"),
    ]
    assert predicate_stance(text, whole(text), "stop").modality == "conditional"


def test_negation_stays_inside_its_clause() -> None:
    text = "The pier did not reopen, but the ferry sailed."
    found = [(text[p.start : p.end], p.negated) for p in find_polarity(text, [whole(text)])]
    assert found == [("The pier did not reopen", True), ("but the ferry sailed.", False)]
    assert predicate_polarity(text, whole(text), "sail") is True


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The report was inaccurate.", "inaccurate"),
        ("The figure remains unconfirmed.", "unconfirmed"),
        ("It's unsigned, the mayor said.", "unsigned"),
    ],
)
def test_an_antonym_after_a_copula_negates_the_clause(text: str, cue: str) -> None:
    polarity = clause_polarity(text, whole(text))
    assert polarity.negated and [c.of(text) for c in polarity.cues] == [cue]


def test_a_possessive_is_no_copula_before_an_antonym() -> None:
    text = "The council's non-binding vote stands."
    polarity = clause_polarity(text, whole(text))
    assert (polarity.negated, polarity.cues) == (False, ())


def test_phrases_that_only_look_negative() -> None:
    text = "Not only did the crew sign it, the mayor signed it too, no doubt in May."
    polarity = clause_polarity(text, whole(text))
    assert (polarity.negated, polarity.modality) == (False, None)


@pytest.mark.parametrize(
    "text",
    [
        "The United States sent a letter to the ministry.",
        "United Nations observers arrived on Monday.",
        "The European Union welcomed the plan.",
        "Officials understand the plan and are under pressure.",
        "The university issued new uniforms to its staff.",
        "The crew unloaded the barriers and unveiled the plan.",
        "Nonetheless, the ferry sailed on time.",
    ],
)
def test_words_that_only_look_prefixed_are_neither_negation_nor_hedge(text: str) -> None:
    polarity = clause_polarity(text, whole(text))
    assert not polarity.negated and polarity.modality is None


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The order was unsigned.", "signed"),
        ("The claim remains unverified.", "verified"),
        ("The council passed a non-binding motion.", "binding"),
        ("The review was nonpartisan.", "partisan"),
    ],
)
def test_real_antonyms_still_negate(text: str, word: str) -> None:
    assert predicate_polarity(text, whole(text), word) is False


def test_contractions_negate_and_mark_the_future() -> None:
    """"won’t" is a negation and a future, "she'll" a future, "can't" a negation: the clitics are
    found by their own scan, beside the cue words ("unknown"), each once, in text order."""
    text = "The mayor won’t sign it, and she'll say so. The council can't agree; it is unknown."
    found = find_polarity(text, split_sentences(text))
    assert [(text[p.start : p.end].strip(), p.negated, p.modality) for p in found] == [
        ("The mayor won’t sign it", True, "future"),
        ("and she'll say so.", False, "future"),
        ("The council can't agree", True, None),
        ("it is unknown.", True, None),
    ]
    assert [text[c.start : c.end] for c in found[0].cues] == ["n’t", "wo"]
    assert [text[c.start : c.end] for c in found[2].cues] == ["n't"]
