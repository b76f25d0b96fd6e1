"""The story's title reads like a headline: the plain news headline the others agree with."""

from __future__ import annotations

from crosscheck.report.title import story_title


def _article(article_id: str, title: str, kind: str = "news", overclaim: bool = False) -> dict:
    return {"id": article_id, "title": title, "kind": kind, "framing": {"headline_overclaim": {"words": ["shut"]} if overclaim else None}}


def test_the_headline_sharing_most_words_with_the_others_titles_the_story() -> None:
    articles = [
        _article("a", "Ostrel ferry suspended after hull corrosion found"),
        _article("b", "Hull corrosion: Ostrel ferry suspended for two weeks"),
        _article("c", "Islanders fume as ferry company stays silent"),
        _article("d", "Is this the end of the Ostrel ferry?", kind="opinion"),
    ]
    assert story_title(articles) == "Ostrel ferry suspended after hull corrosion found"


def test_overclaiming_opinion_and_question_headlines_are_passed_over() -> None:
    articles = [
        _article("a", "Ostrel ferry scrapped for good after corrosion found", overclaim=True),
        _article("b", "Why is the Ostrel ferry always broken?", kind="opinion"),
        _article("c", "Corrosion found in Ostrel ferry hull"),
    ]
    assert story_title(articles) == "Corrosion found in Ostrel ferry hull"


def test_no_headline_gives_no_title() -> None:
    assert story_title([{"id": "a", "title": None, "kind": "news", "framing": {}}]) is None
