"""Quantities as a reader compares them: value, what is counted, how exact, and what is not one."""

from __future__ import annotations

import pytest

from crosscheck.language.numbers import find_quantities, quantity_head


def only(text: str):
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


def test_a_count_with_its_approximator_and_counted_noun() -> None:
    text = "Some 5,200 Valdish soldiers are stationed at the base."
    quantity = only(text)
    assert text[quantity.start : quantity.end] == "Some 5,200 Valdish soldiers"
    assert (quantity.value, quantity.kind, quantity.unit, quantity.approx) == (5200, "count", "Valdish soldiers", "some")


def test_troops_and_soldiers_count_the_same_thing() -> None:
    a, b = only("There are 5,000 troops here."), only("About 5,200 soldiers were sent.")
    head_a, head_b = quantity_head(a), quantity_head(b)
    assert (head_a.lemma, head_b.lemma) == ("troop", "soldier")
    assert head_a.concept == head_b.concept == "troop"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("two ferries", 2),
        ("twenty-four hostages", 24),
        ("a dozen officers", 12),
        ("two hundred workers", 200),
        ("5.2 million residents", 5_200_000),
        ("half a million people", 500_000),
        ("a hundred thirty million voters", 130_000_000),
        ("two dozen trawlers", 24),
        ("a half-dozen pilots", 6),
        ("a quarter million visitors", 250_000),
        ("one and a half million passengers", 1_500_000),
    ],
)
def test_number_words_and_scales(text: str, value: float) -> None:
    assert only(text).value == value


@pytest.mark.parametrize(
    "approx", ["over", "about", "nearly", "more than", "at least", "up to", "roughly", "around", "almost", "fewer than"]
)
def test_approximators(approx: str) -> None:
    quantity = only(f"The council counted {approx} 300 boats.")
    assert (quantity.approx, quantity.value, quantity.unit) == (approx, 300, "boats")


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [("between 40 and 50 protesters", 40, 50), ("40-50 protesters", 40, 50), ("5 to 6 million protesters", 5e6, 6e6)],
)
def test_ranges(text: str, low: float, high: float) -> None:
    quantity = only(text)
    assert (quantity.kind, quantity.value, quantity.high, quantity.unit) == ("range", low, high, "protesters")


def test_money_in_signs_words_and_vague_plurals() -> None:
    found = find_quantities("The pier cost $3 billion, the ferry 70 million euros, and repairs billions of dollars.")
    assert [(q.kind, q.value, q.unit, q.approx) for q in found] == [
        ("money", 3e9, "USD", None),
        ("money", 70e6, "EUR", None),
        ("money", 2e9, "USD", "billions"),
    ]


def test_short_scales_with_a_currency_sign_or_word_are_money() -> None:
    found = find_quantities("Damage reached 3.7bn dollars; the fund holds €2m. The pier is 5m wide.")
    assert [(q.kind, q.value, q.unit) for q in found if q.kind == "money"] == [("money", 3.7e9, "USD"), ("money", 2e6, "EUR")]
    assert not any(q.value == 5e6 for q in found)


def test_percentages() -> None:
    found = find_quantities("Turnout rose 12.5% to twelve percent above the 3 percentage points forecast.")
    assert [(q.kind, q.value, q.unit) for q in found] == [
        ("percent", 12.5, "percent"),
        ("percent", 12, "percent"),
        ("percent", 3, "percentage points"),
    ]


def test_hundreds_of_thousands_is_a_lower_bound() -> None:
    quantity = only("Hundreds of thousands crowded the harbour.")
    assert (quantity.value, quantity.approx, quantity.unit) == (200_000, "hundreds of thousands", None)


def test_years_are_kept_apart_from_counts() -> None:
    found = find_quantities("Troops arrived in 2014, since 2003 there were 2000 troops, from 2003 to 2011.")
    assert [(q.kind, q.value, q.high) for q in found] == [
        ("year", 2014, None),
        ("year", 2003, None),
        ("count", 2000, None),
        ("year", 2003, 2011),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The uprising began on Oct. 1 in the capital.",
        "The letter is dated January 27, 2018.",
        "The vote closes at 5 p.m. on Monday.",
        "Within 24 hours the pier reopened.",
        "It ended a four-year war.",
        "Article 5 of the treaty applies.",
        "No one knows, and one of the officials left.",
    ],
)
def test_dates_times_durations_and_names_are_not_quantities(text: str) -> None:
    assert find_quantities(text) == []


def test_ordinals() -> None:
    found = find_quantities("It was the third vote and the 2nd delay.")
    assert [(q.kind, q.value) for q in found] == [("ordinal", 3), ("ordinal", 2)]


@pytest.mark.parametrize(
    ("text", "written", "value", "approx"),
    [
        ("Traffic fell by a third.", "a third", 1 / 3, None),
        ("A third stayed home, the survey found.", "A third", 1 / 3, None),
        ("A fifth of the crews stayed home.", "A fifth", 0.2, None),
        ("Nearly two-thirds of the ferries were late.", "Nearly two-thirds", 2 / 3, "nearly"),
        ("About three quarters of the 400 dockers struck.", "About three quarters", 0.75, "about"),
        ("One fifth of the budget went to the pier.", "One fifth", 0.2, None),
        ("More than half of the crews stayed home.", "More than half", 0.5, "more than"),
        ("A quarter of the berths are empty.", "A quarter", 0.25, None),
    ],
)
def test_fractions(text: str, written: str, value: float, approx: str | None) -> None:
    fraction = find_quantities(text)[0]
    assert (text[fraction.start : fraction.end], fraction.kind, fraction.approx) == (written, "fraction", approx)
    assert fraction.value == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    [
        "She won a third term.",
        "The ferry came third.",
        "It sank on the twenty-fifth of May.",
        "Profit rose in the past two quarters.",
        "The crossing took half an hour.",
        "Profit fell in the fourth quarter.",
    ],
)
def test_ordinals_and_quarters_of_a_year_are_no_fractions(text: str) -> None:
    assert all(q.kind != "fraction" for q in find_quantities(text))
