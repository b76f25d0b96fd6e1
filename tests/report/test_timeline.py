"""The timeline: events in chronological order, each cited by every article that tells it."""

from __future__ import annotations

from typing import Any

import pytest

from crosscheck.examples import expected_findings
from crosscheck.language import annotate
from crosscheck.model import Article
from crosscheck.report.timeline import build_timeline

EXPECTED = expected_findings()


def _matching(timeline: list[dict[str, Any]], want: dict[str, Any]) -> int:
    """The position of the event told on ``want``'s date by most of ``want``'s articles."""
    best = max(
        (i for i, e in enumerate(timeline) if e["date"] == want["date"]),
        key=lambda i: len(set(timeline[i]["articles"]) & set(want["articles"])),
        default=None,
    )
    assert best is not None, f"no event on {want['date']}: {want['event']}"
    return best


def test_dated_events_are_in_chronological_order(report: dict[str, Any]) -> None:
    days = [e["date"][:10] for e in report["timeline"] if e["date"] and len(e["date"]) == 10]
    assert days == sorted(days)


def test_the_intended_events_in_their_order(report: dict[str, Any]) -> None:
    positions = [_matching(report["timeline"], want) for want in EXPECTED["timeline"]]
    assert positions == sorted(positions)
    for want, position in zip(EXPECTED["timeline"], positions):
        got = report["timeline"][position]
        overlap = set(got["articles"]) & set(want["articles"])
        assert len(overlap) * 2 >= len(want["articles"]), (want["event"], got["articles"])


def test_only_the_intended_events_make_the_timeline(report: dict[str, Any]) -> None:
    assert len(report["timeline"]) == len(EXPECTED["timeline"])


def test_one_event_is_cited_by_every_article_that_tells_it(report: dict[str, Any]) -> None:
    crack = report["timeline"][_matching(report["timeline"], EXPECTED["timeline"][0])]
    assert set(EXPECTED["timeline"][0]["articles"]) <= set(crack["articles"])
    assert "daily-beacon" in crack["articles"], "the undated wire copy's 'last Friday' joins the dated event"


def test_the_assessment_is_scheduled_and_background_is_left_out(report: dict[str, Any]) -> None:
    assessment = report["timeline"][_matching(report["timeline"], EXPECTED["timeline"][-1])]
    assert assessment["scheduled"]
    assert not [e for e in report["timeline"] if e["date"] in ("1964", "2019") or e["background"]]


def test_only_dated_happenings_make_the_timeline() -> None:
    news = _doc(
        "The ferry ran aground on Friday near the harbour mouth. The company did not respond to calls on Saturday. "
        "Calls to the harbour master went unanswered on Saturday night. The island council is expected to meet this week. "
        "The ferry first sailed a century ago. Divers inspected the hull on Sunday.",
        "2026-05-04",
        id="news",
    )
    column = _doc("On Saturday I watched the tugs fail, again, to move the ferry.", "2026-05-04", id="column")
    events = [e["event"] for e in build_timeline([news, column], prefer=["news"])]
    assert events == ["The ferry ran aground on Friday near the harbour mouth.", "Divers inspected the hull on Sunday."]


def test_dates_inside_quotes_and_opinion_sentences_make_no_event(report: dict[str, Any]) -> None:
    events = " ".join(e["event"] for e in report["timeline"])
    assert "three letters pushed under my door since Friday" not in events
    assert "Which is it" not in events


def _doc(text: str, published: str | None, id: str = "a") -> Any:
    return annotate(Article(id=id, source=f"{id}.txt", text=text, published=published))


def test_with_no_dates_at_all_weekdays_keep_their_order_within_the_week() -> None:
    doc = _doc(
        "The mayor spoke to reporters on Monday. The crack was found last Friday. "
        "Councillors voted on Sunday to close the bridge. An inspection is due on Thursday.",
        None,
    )
    events = [e["event"] for e in build_timeline([doc])]
    assert events == [
        "The crack was found last Friday.",
        "Councillors voted on Sunday to close the bridge.",
        "The mayor spoke to reporters on Monday.",
        "An inspection is due on Thursday.",
    ]
    assert all(e["date"] is None for e in build_timeline([doc]))


def test_an_undated_article_takes_its_dates_from_the_events_it_shares() -> None:
    dated = _doc("The ferry ran aground on Friday near the harbour mouth.", "2026-05-04")
    undated = _doc("The ferry ran aground on Friday near the harbour mouth. Divers inspected the hull on Sunday.", None, "b")
    timeline = build_timeline([dated, undated])
    assert [(e["date"], e["articles"]) for e in timeline] == [("2026-05-01", ["a", "b"]), ("2026-05-03", ["b"])]
    assert timeline[1]["inferred"]


def test_one_articles_scene_dated_by_a_time_of_day_or_a_by_bound_is_no_event() -> None:
    news = _doc(
        "The ferry ran aground on Friday near the harbour mouth. "
        "Oskar Brandvik spent Saturday morning mending nets on the quay. "
        "By Sunday, its owners had written it off. Divers inspected the hull on Sunday.",
        "2026-05-04",
        id="news",
    )
    radio = _doc("The ferry ran aground on Friday near the harbour mouth.", "2026-05-04", id="radio")
    events = [e["event"] for e in build_timeline([news, radio])]
    assert events == ["The ferry ran aground on Friday near the harbour mouth.", "Divers inspected the hull on Sunday."]


def test_with_no_publication_date_a_past_month_and_day_comes_before_the_reported_week() -> None:
    doc = _doc(
        "The island council dissolved itself on Monday. Protests against the ferry fares began on Oct. 3 in the capital. "
        "Islanders voted on Sunday to end the ferry contract.",
        None,
    )
    events = [e["event"] for e in build_timeline([doc])]
    assert events == [
        "Protests against the ferry fares began on Oct. 3 in the capital.",
        "Islanders voted on Sunday to end the ferry contract.",
        "The island council dissolved itself on Monday.",
    ]


def test_with_no_publication_date_a_bare_year_in_a_story_told_in_weekdays_is_background() -> None:
    doc = _doc(
        "The ferry line, opened by the island council in 2009, stopped sailing on Monday. "
        "Islanders voted on Sunday to end the ferry contract.",
        None,
    )
    events = [e["event"] for e in build_timeline([doc])]
    assert events == [
        "Islanders voted on Sunday to end the ferry contract.",
        "The ferry line, opened by the island council in 2009, stopped sailing on Monday.",
    ]


def test_a_second_day_in_another_part_of_a_sentence_is_an_event_of_its_own() -> None:
    vote = _doc(
        "Islanders voted on Sunday to end the ferry contract, in protest at the fare rise announced last Friday. "
        "The council met on Monday.",
        "2026-05-05",
    )
    council = _doc("The council met on Monday to discuss the contract.", "2026-05-05", "b")
    timeline = build_timeline([vote, council])
    assert [(e["date"], e["event"]) for e in timeline][:2] == [
        ("2026-05-01", "in protest at the fare rise announced last Friday"),
        ("2026-05-03", "Islanders voted on Sunday to end the ferry contract, in protest at the fare rise announced last Friday."),
    ]



OLDER_REFERENCES = {
    "recalled by one article of several": [
        "Islanders voted on Sunday to end the ferry contract. "
        "The island had barely recovered from the storms that began on Nov. 4, which closed the harbour for weeks.",
        "Islanders voted on Sunday to end the ferry contract, the council said.",
    ],
    "set months apart": [
        "Islanders voted on Sunday to end the ferry contract. "
        "Fare protests broke out on Oct. 3, forcing the ferry director to resign two months later.",
    ],
}


@pytest.mark.parametrize("texts", OLDER_REFERENCES.values(), ids=OLDER_REFERENCES.keys())
def test_with_no_publication_date_an_older_month_and_day_is_background(texts: list[str]) -> None:
    """A month and day in a story told in weekdays that one of several articles alone recalls,
    or that its sentence sets months apart, is an older reference, not the story's first event."""
    docs = [_doc(text, None, id) for text, id in zip(texts, "ab")]
    assert [e["event"] for e in build_timeline(docs)] == ["Islanders voted on Sunday to end the ferry contract."]
