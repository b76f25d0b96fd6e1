"""Time expressions: what is tagged, where, and the TimeML value a timeline would place."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck.language.times import resolve_order_key, tag_times

THURSDAY = dt.date(1998, 1, 8)


def tagged(text: str, published: dt.date | None = THURSDAY) -> list[tuple[str, str, str]]:
    """(covered text, type, value) for every timex, in text order."""
    return [(text[t.start : t.end], t.type, t.value) for t in tag_times(text, published)]


def test_bare_weekday_is_the_latest_one_unless_the_clause_looks_ahead() -> None:
    text = "The ferry sank on Monday. The council will vote on Friday. Divers searched on Thursday."
    assert tagged(text) == [
        ("Monday", "DATE", "1998-01-05"),
        ("Friday", "DATE", "1998-01-09"),
        ("Thursday", "DATE", "1998-01-08"),
    ]


def test_a_past_clause_after_the_future_cue_keeps_its_weekday_in_the_past() -> None:
    text = "The ferry will not sail after inspectors found a crack on Tuesday. It will sail when the storm passes on Sunday."
    assert tagged(text) == [("Tuesday", "DATE", "1998-01-06"), ("Sunday", "DATE", "1998-01-11")]


def test_last_weekday_is_strictly_before_publication() -> None:
    assert tagged("The bridge reopened last Friday.", dt.date(1998, 1, 9)) == [("last Friday", "DATE", "1998-01-02")]


def test_this_week_and_last_month() -> None:
    text = "Engineers inspected the pier this week after cracks were found last month."
    assert tagged(text) == [("this week", "DATE", "1998-W02"), ("last month", "DATE", "1997-12")]


def test_month_and_day_without_a_year() -> None:
    past = tagged("The harbour closed on Oct. 1 and reopened Jan. 3.")
    assert past == [("Oct. 1", "DATE", "1997-10-01"), ("Jan. 3", "DATE", "1998-01-03")]
    assert tagged("The repairs will finish by March 2.") == [("March 2", "DATE", "1998-03-02")]
    assert tagged("It was signed Aug. 7, 1996.") == [("Aug. 7, 1996", "DATE", "1996-08-07")]


def test_hyphenated_length_is_a_duration_but_an_age_is_not() -> None:
    text = "The 17-year presence of the navy ended, said a 39-year-old sailor."
    assert tagged(text) == [("17-year", "DURATION", "P17Y")]


def test_yesterday_today_tomorrow() -> None:
    text = "Shares fell yesterday, rose today and may fall again tomorrow."
    assert tagged(text) == [
        ("yesterday", "DATE", "1998-01-07"),
        ("today", "DATE", "1998-01-08"),
        ("tomorrow", "DATE", "1998-01-09"),
    ]


def test_parts_of_day_and_clock_times() -> None:
    text = "Police met this morning, the mayor speaks tonight, and the vote is at 10:30 p.m. Friday."
    assert tagged(text) == [
        ("this morning", "TIME", "1998-01-08TMO"),
        ("tonight", "TIME", "1998-01-08TNI"),
        ("10:30 p.m. Friday", "TIME", "1998-01-02T22:30"),
    ]


def test_durations_keep_their_modifiers() -> None:
    text = (
        "In the past three months the strike cost nearly two hours a shift, "
        "and the last twenty four hours were calm for 2 1/2 years of talks."
    )
    assert tagged(text) == [
        ("the past three months", "DURATION", "P3M"),
        ("nearly two hours", "DURATION", "PT2H"),
        ("the last twenty four hours", "DURATION", "P1D"),
        ("2 1/2 years", "DURATION", "P2Y6M"),
    ]


def test_an_interval_after_an_event_is_a_duration_without_the_adverb() -> None:
    assert tagged("Two days later, the ferry sailed.") == [("Two days", "DURATION", "P2D")]


def test_sets() -> None:
    text = "The ferry runs daily, the market opens every Thursday and inspectors call weekly."
    assert tagged(text) == [
        ("daily", "SET", "P1D"),
        ("every Thursday", "SET", "XXXX-WXX-4"),
        ("weekly", "SET", "P1W"),
    ]


def test_vague_references() -> None:
    text = "The pier is now closed; it was recently repaired and will reopen in the near future."
    assert tagged(text) == [
        ("now", "DATE", "PRESENT_REF"),
        ("recently", "DATE", "PAST_REF"),
        ("the near future", "DATE", "FUTURE_REF"),
    ]


def test_without_a_publication_date_values_stay_relative() -> None:
    text = "The ferry sank yesterday, two weeks after Friday's storm, not on Oct. 1, 1997 or Oct. 1."
    assert tagged(text, None) == [
        ("yesterday", "DATE", "DCT-P1D"),
        ("two weeks", "DURATION", "P2W"),
        ("Friday", "DATE", "XXXX-WXX-5"),
        ("Oct. 1, 1997", "DATE", "1997-10-01"),
        ("Oct. 1", "DATE", "XXXX-10-01"),
    ]


def test_quarters_and_a_year_earlier() -> None:
    text = (
        "Third-quarter profit rose to $5 million from $4 million a year earlier, "
        "the best since the second quarter of 1996."
    )
    assert tagged(text, dt.date(1998, 10, 26)) == [
        ("Third-quarter", "DATE", "1998-Q3"),
        ("a year earlier", "DATE", "1997-Q3"),
        ("the second quarter of 1996", "DATE", "1996-Q2"),
    ]


def test_decades_and_centuries() -> None:
    text = "Ferries were built here in the 1990s, as in the early 1960s and the 19th century."
    assert tagged(text) == [
        ("the 1990s", "DATE", "199"),
        ("the early 1960s", "DATE", "196"),
        ("the 19th century", "DATE", "18"),
    ]


def test_may_the_verb_is_not_a_month() -> None:
    assert tagged("Inspectors may say the bridge will close in May.") == [("May", "DATE", "1998-05")]


def test_tokenised_text_as_corpora_store_it() -> None:
    text = "The port reopened on March 15 , 2008 , after last year 's storms ."
    expected = [("March 15 , 2008", "DATE", "2008-03-15"), ("last year", "DATE", "2007")]
    assert tagged(text, dt.date(2008, 3, 20)) == expected


def test_order_key_places_resolved_and_relative_values_on_one_line() -> None:
    values = ["1998-W02", "FUTURE_REF", "1997", "1998-01-07", "1998-Q1", "PAST_REF", "1998-01-08T22:30", "199"]
    ordered = sorted(values, key=lambda v: resolve_order_key(v, THURSDAY))
    assert ordered == ["199", "1997", "1998-Q1", "1998-W02", "1998-01-07", "PAST_REF", "1998-01-08T22:30", "FUTURE_REF"]


def test_order_key_without_a_publication_date_keeps_relative_values_in_order() -> None:
    values = ["DCT+P1D", "XXXX-WXX-5", "DCT-P1Y", "1998-01-07", "P2W", "DCT-P1D", "PRESENT_REF"]
    ordered = sorted(values, key=resolve_order_key)
    assert ordered == ["1998-01-07", "DCT-P1Y", "DCT-P1D", "PRESENT_REF", "DCT+P1D", "XXXX-WXX-5", "P2W"]



@pytest.mark.parametrize(
    ("phrase", "covered", "value"),
    [
        ("on 8/7/98", "8/7/98", "1998-08-07"),
        ("on 1998-08-07", "1998-08-07", "1998-08-07"),
        ("in the week of March 6", "the week of March 6", "1998-W10"),
        ("on Christmas Eve", "Christmas Eve", "1997-12-24"),
        ("on Thanksgiving Day", "Thanksgiving Day", "1997-11-27"),
        ("in the early summer", "the early summer", "1998-SU"),
        ("in spring 2028", "spring 2028", "2028-SP"),
        ("in the autumn of 1996", "the autumn of 1996", "1996-FA"),
        ("in nineteen ninety-one", "nineteen ninety-one", "1991"),
        ("by the year two thousand", "the year two thousand", "2000"),
        ("in mid-1996", "mid-1996", "1996"),
        ("in fiscal 1997", "fiscal 1997", "1997"),
        ("in Q3 1996", "Q3 1996", "1996-Q3"),
        ("in the first half of 1996", "the first half of 1996", "1996-H1"),
        ("in the year-ago quarter", "the year-ago quarter", "1996-Q4"),
        ("in the '80s", "the '80s", "198"),
        ("at noon Saturday", "noon Saturday", "1998-01-03T12:00"),
        ("at 4 in the morning", "4 in the morning", "1998-01-08T04:00"),
        ("at 14:30 GMT", "14:30 GMT", "1998-01-08T14:30"),
        ("yesterday afternoon", "yesterday afternoon", "1998-01-07TAF"),
        ("the day before yesterday", "the day before yesterday", "1998-01-06"),
        ("next Tuesday", "next Tuesday", "1998-01-13"),
        ("six weeks ago", "six weeks ago", "1997-W48"),
        ("two years from now", "two years from now", "2000"),
        ("a few years ago", "a few years ago", "PAST_REF"),
        ("early next year", "early next year", "1999"),
        ("in a day-long session", "day-long", "P1D"),
        ("for several months", "several months", "PXM"),
        ("a minute and a half later", "a minute and a half", "PT1M30S"),
        ("twice a week", "twice a week", "P1W"),
        ("on Monday nights", "Monday nights", "XXXX-WXX-1TNI"),
        ("each July", "each July", "XXXX-07"),
        ("these days", "these days", "PRESENT_REF"),
        ("as soon as possible", "as soon as possible", "FUTURE_REF"),
    ],
)
def test_each_kind_of_expression_is_found(phrase: str, covered: str, value: str) -> None:
    assert [(text, v) for text, _, v in tagged(f"It was said {phrase}.")] == [(covered, value)]


_PIECES = st.sampled_from(
    ["Friday", "May", "last", "the", "past", "two", "years", "ago", "1998", "Oct.", "1", ",", "a",
     "quarter", "of", "10:30", "p.m.", "now", "every", "day", "-", "year", "'s", "\n", "é", "İ"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=30), st.sampled_from([None, THURSDAY]))
def test_any_text_gives_ordered_spans_inside_it(tokens: list[str], published: dt.date | None) -> None:
    text = " ".join(tokens)
    end = 0
    for timex in tag_times(text, published):
        assert end <= timex.start < timex.end <= len(text)
        assert timex.type in ("DATE", "TIME", "DURATION", "SET")
        end = timex.end
