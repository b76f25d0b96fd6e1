"""Junk removal on small fictional articles: exactly the junk goes, every story sentence stays."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck.clean import clean_article, clean_text
from crosscheck.model import Article, Removal, Span

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "clean"

SIGN_UP_BLOCK = "\n".join(
    [
        "Never miss a story from the Lantern Courier",
        "Get alerts on your phone",
        "Register now",
        "and continue reading",
        "Registering lets you save articles and join the discussion. It takes a minute.",
        "Already registered? Enter your email to sign in.",
        "Please pick one option:",
        "or continue with Google",
        "Sign in to continue",
        "Check your inbox",
        "We sent you a link by email.",
        "It will sign you in.",
    ]
)
BOOK_CAPTION = (
    "Volunteers carry boxes of books out of the flooded basement of the library. (Oskar Brenn/Lantern Images)"
)

# fixture -> the removals expected, in order, as (reason, removed text)
EXPECTED: dict[str, list[tuple[str, str]]] = {
    "sign_up_block": [
        ("sign-up prompt", "You have read 2 of your 4 free articles this month."),
        ("sign-up prompt", "Subscribe to continue reading"),
        ("read-more link", "Read more:"),
        ("sign-up prompt", SIGN_UP_BLOCK),
    ],
    "newsletter": [
        ("newsletter prompt", "Sign up for the Courier Morning Briefing newsletter"),
        (
            "newsletter prompt",
            "Stories from the quays and the water board, every Friday morning. Sign up free.\n\n"
            "Get the latest Tessaly news delivered to your inbox",
        ),
    ],
    "share_and_comments": [
        ("share prompt", "Share this article"),
        ("share prompt", "Facebook Twitter WhatsApp Email"),
        ("share prompt", "Tell your friends"),
        ("comment widget", "Leave a comment"),
        ("comment widget", "Comments are open to subscribers. 3 comments"),
    ],
    "captions": [
        (
            "photo caption",
            "Engineers inspect the underside of the bridge in Tessaly on Sunday. (Ines Varga/Courier Images)",
        ),
        ("photo caption", "Pictured: The fourth pier of the Tessaly bridge, which was built in 1961"),
        ("photo credit", "Photo: Getty Images"),
        ("photo credit", "Credit: Marta Olsen"),
        ("photo caption", "Image caption, Divers prepare to inspect the fourth pier on Tuesday"),
        ("photo credit", "Tomas Reyl/AFP via Getty Images"),
        ("photo caption", "A harbour worker walks past barriers on the bridge approach. (AP Photo/Tomas Reyl)"),
        (
            "photo caption",
            "Under scrutiny: The chief engineer who signed the inspection notice has led the authority's "
            "maintenance team since 2015",
        ),
        (
            "photo caption",
            "Lorries queued for hours at the northern approach; Hundreds of drivers were sent on a detour "
            "through the old town",
        ),
        (
            "caption repeating body text",
            "Some 300 lorries cross the bridge every day according to the authority traffic count",
        ),
    ],
    "repeated": [
        ("repeated caption", BOOK_CAPTION),
        ("repeated caption", BOOK_CAPTION),
        (
            "duplicate paragraph",
            "The flood damaged about 2,000 books in the basement, the head librarian, Agnes Tolle, said.",
        ),
    ],
    "author_bio": [
        ("follow prompt", "Follow us on Twitter @courierdesk"),
        ("author bio", "Lena Korb is a senior reporter for the Lantern Courier. Follow her on Twitter @lenakorb"),
        ("reporting credit", "Reporting by Lena Korb; Editing by Sam Tull"),
    ],
    "notices": [
        ("timestamp", "Updated March 3, 2026 at 9:15 a.m."),
        ("advertisement", "Advertisement"),
        ("read-more link", "Related: Bridge inspection finds second crack"),
        ("read-more link", "Also read: Ferry terminal to close for six months"),
        ("read-more link", "Council first proposed bus lanes on the quay (January 12, 2026)"),
        ("copyright line", "© 2024 Lantern Courier Media"),
        ("copyright line", "Copyright 2023, Fictional Wire Service"),
    ],
    "dateline_and_bullets": [
        ("dateline residue", "( –"),
        ("section footer", "World & Politics News"),
    ],
    "wrapped": [],
}

# Story sentences that look like junk; each must survive cleaning.
HARD_NEGATIVES: dict[str, list[str]] = {
    "sign_up_block": [
        "Residents who want a say in the repairs must register for free at the town hall before Friday",
        "Check your email regularly, the harbour office advised tenants on Wednesday",
    ],
    "newsletter": [
        "The board's own newsletter, which it posts to every household each quarter",
        "More than 400 people signed up to speak at the public meeting",
    ],
    "share_and_comments": [
        "declined to comment on the cause of the fire.",
        "Neighbours were asked to share the brigade's safety notice",
        "there would be no comment until the investigation ends.",
    ],
    "captions": [
        "Harbour engineers say the crack in Pier 4 is wider than first reported; the bridge will stay shut to lorries",
        "Officials released a photo of the damaged pier on Monday",
        "The photographer, Ines Varga, said she took the picture from a tugboat.",
        "Ines Varga, a photographer for Lantern Images, covered the inspection.",
        "The harbour master has kept the port open; ferries are running to their normal timetable.",
        "Some 300 lorries cross the bridge every day, according to the authority's traffic count.",
        "• Lorries over 7.5 tonnes are banned from the bridge",
        "• Buses may still use the crossing",
        "The authority's picture desk (which supplies photos to 40 newspapers) was closed on Sunday.",
    ],
    "repeated": ['"We have saved most of the local history collection," Tolle said.'],
    "author_bio": [
        "Ruth Amsel is a reporter for the Harbour Post who first reported the dispute in March",
        "Follow the union on Twitter, the union's leaflet told drivers.",
        "Services will return to the normal timetable on Monday.",
    ],
    "notices": [
        "The copyright on the route maps belongs to the city archive, a council official said.",
        "Read more about the bus lanes in the engineers' report",
        "Advertising revenue at the Courier fell by 12 percent last year, its owner said.",
        "Published reports put the cost of the lanes at 40,000 crowns.",
        "The council first proposed the bus lanes at a meeting on Monday (January 12, 2026).",
    ],
    "dateline_and_bullets": [
        "Officials in Marrowby said on Friday that the harbour would reopen next week.",
        "MARROWBY (Courier) – The harbour master confirmed the date in a statement.",
        "- The crack must not widen further.",
        "* The pilots' union must agree to the new schedule.",
        "• Tugs will escort every ship for the first week.",
        "Local News",
    ],
}


def fixture(name: str) -> str:
    return (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")


def assert_accounted_for(body: str, text: str, paragraphs: list[Span], removed: list[Removal]) -> None:
    """Every non-space character of ``body`` is kept in order or sits in exactly one removal."""
    assert "\n\n".join(span.of(text) for span in paragraphs) == text
    assert all(span.of(text).strip() == span.of(text) != "" for span in paragraphs)
    previous_end = 0
    blanked = list(body)
    for removal in removed:
        assert body[removal.start : removal.end] == removal.text
        assert removal.text.strip() == removal.text != ""
        assert removal.start >= previous_end
        previous_end = removal.end
        blanked[removal.start : removal.end] = " " * len(removal.text)
    kept = "".join(char for char in blanked if not char.isspace())
    assert kept == "".join(char for char in text if not char.isspace())


def assert_story_kept(body: str, text: str, removed: list[Removal]) -> None:
    """Whatever is left of each body line after its removals appears whole in the text."""
    blanked = list(body)
    for removal in removed:
        blanked[removal.start : removal.end] = "\0" * len(removal.text)
    for line in "".join(blanked).split("\n"):
        for piece in line.split("\0"):
            assert piece.strip() in text


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_removals(name: str) -> None:
    body = fixture(name)
    text, paragraphs, removed = clean_text(body)
    assert [(removal.reason, removal.text) for removal in removed] == EXPECTED[name]
    assert_accounted_for(body, text, paragraphs, removed)
    assert_story_kept(body, text, removed)
    for sentence in HARD_NEGATIVES.get(name, []):
        assert sentence in text


def test_headline_repeated_at_the_top_is_removed() -> None:
    body = fixture("headline_echo")
    text, _, removed = clean_text(body, title="Harbour Bridge To Close For Repairs")
    assert [(removal.reason, removal.text) for removal in removed] == [("repeated headline", "Harbour Bridge")]
    assert "Harbour bridge tolls will be suspended while it is closed" in text
    assert clean_text(body)[2] == []


def test_hard_wrapped_lines_form_one_paragraph() -> None:
    text, paragraphs, _ = clean_text(fixture("wrapped"))
    assert len(paragraphs) == 2
    assert paragraphs[0].of(text).startswith("The Tessaly harbour authority said on Monday")
    assert paragraphs[0].of(text).endswith("found during a routine inspection last week")


def test_bullets_are_separate_paragraphs() -> None:
    text, paragraphs, _ = clean_text("Three conditions:\n- The crack must hold.\n- Divers must finish.\n")
    assert [span.of(text) for span in paragraphs] == [
        "Three conditions:",
        "- The crack must hold.",
        "- Divers must finish.",
    ]


def test_clean_article_returns_a_cleaned_copy() -> None:
    body = "Ferry Terminal\n\nThe vote was nine to four.\n\nNo comments"
    article = Article(id="a", source="a.txt", body=body, title="Ferry Terminal Stays Open, Says Council")
    cleaned = clean_article(article)
    assert cleaned.text == "The vote was nine to four."
    assert [span.of(cleaned.text) for span in cleaned.paragraphs] == ["The vote was nine to four."]
    assert [removal.reason for removal in cleaned.removed] == ["repeated headline", "comment widget"]
    assert (article.text, article.removed, cleaned.body) == ("", [], body)


JUNKY_LINES = [
    line
    for name in sorted(EXPECTED)
    for line in fixture(name).split("\n")
] + ["( – ", "(", "–", "Follow us on Twitter @x", "\r", "\u2028", "  •  ", "Copyright", "©", ";", ":"]


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(
        st.text(),
        st.lists(st.one_of(st.sampled_from(JUNKY_LINES), st.text(max_size=40)), max_size=25).map("\n".join),
    )
)
def test_every_character_is_kept_or_removed_once(body: str) -> None:
    text, paragraphs, removed = clean_text(body, title=body[:30] or None)
    assert_accounted_for(body, text, paragraphs, removed)
