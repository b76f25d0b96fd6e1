"""Sentence boundaries a reader would draw: abbreviations, bullets, quotes, paragraphs."""

from __future__ import annotations

from crosscheck.language.sentences import paragraphs, split_sentences


def sentences(text: str) -> list[str]:
    return [span.of(text) for span in split_sentences(text)]


def test_titles_ranks_initials_and_months_do_not_end_sentences() -> None:
    text = "Gen. Talia A. Voss met Lt. Col. Omar Prent on Oct. 1 at 9 a.m. in Valdera. They spoke for an hour."
    assert sentences(text) == [
        "Gen. Talia A. Voss met Lt. Col. Omar Prent on Oct. 1 at 9 a.m. in Valdera.",
        "They spoke for an hour.",
    ]


def test_an_abbreviation_ends_a_sentence_when_a_sentence_opener_follows() -> None:
    text = "The ferry will return to the U.S. The crew is ready. U.S. Ambassador Ines Calder agreed."
    assert sentences(text) == [
        "The ferry will return to the U.S.",
        "The crew is ready.",
        "U.S. Ambassador Ines Calder agreed.",
    ]


def test_bullet_lines_are_their_own_sentences_without_the_bullet_mark() -> None:
    text = "What we know:\n• The pier is closed\n• Ferries are cancelled. Buses run instead.\n- Repairs start Monday"
    assert sentences(text) == [
        "What we know:",
        "The pier is closed",
        "Ferries are cancelled.",
        "Buses run instead.",
        "Repairs start Monday",
    ]


def test_a_quote_of_several_sentences_stays_with_its_speech_tag() -> None:
    text = "“We will go. We will stay. We will see,” she said. The meeting ended."
    assert sentences(text) == ["“We will go. We will stay. We will see,” she said.", "The meeting ended."]


def test_a_multi_sentence_quote_followed_by_said_x_is_one_sentence() -> None:
    text = "\"The pier is unsafe. Nobody may use it. Not today,\" said harbour master Ines Calder. Work began."
    assert sentences(text)[0] == "\"The pier is unsafe. Nobody may use it. Not today,\" said harbour master Ines Calder."


def test_a_short_tag_after_a_closed_quote_is_not_left_alone() -> None:
    text = "“It is over.” Marsh said. Then the lights went out."
    assert sentences(text) == ["“It is over.” Marsh said.", "Then the lights went out."]


def test_a_closed_quote_followed_by_a_new_sentence_splits() -> None:
    text = "He told the council, “This is a mistake.” The mayor did not reply."
    assert sentences(text) == ["He told the council, “This is a mistake.”", "The mayor did not reply."]


def test_a_dash_signature_stays_with_the_quotation_it_signs() -> None:
    text = "“It is a disgrace. Nobody told us anything.” — Tom Hale, resident.\n\n\"We need help.\"\n\n- Maria Lopez"
    assert sentences(text) == [
        "“It is a disgrace. Nobody told us anything.” — Tom Hale, resident.",
        "\"We need help.\"",
        "- Maria Lopez",
    ]


def test_an_embedded_posts_signature_stays_with_the_post() -> None:
    text = "The ferry is late again. — Jon Reed (@jonreed) March 3, 2026\n- Buses run instead"
    assert sentences(text) == ["The ferry is late again. — Jon Reed (@jonreed) March 3, 2026", "Buses run instead"]


def test_a_german_quotation_closes_with_a_high_mark() -> None:
    text = "„The pier is shut. Go home“, said Ines Calder. The ferry left."
    assert sentences(text) == ["„The pier is shut. Go home“, said Ines Calder.", "The ferry left."]


def test_single_quote_marks_with_apostrophes_inside() -> None:
    text = "'There's no plan. It's over,' Voss said. 'We stay.'"
    assert sentences(text) == ["'There's no plan. It's over,' Voss said.", "'We stay.'"]


def test_sentences_never_cross_paragraphs_or_headline_lines() -> None:
    text = "Ferry halted at Marrow\n\nThe ferry stopped on Monday. It may resume.\nRead more"
    assert sentences(text) == ["Ferry halted at Marrow", "The ferry stopped on Monday.", "It may resume.", "Read more"]


def test_a_line_that_starts_in_lower_case_continues_the_line_before() -> None:
    text = "Editor’s note: the council regularly\nignores\nthe harbour report."
    assert sentences(text) == [text]


def test_paragraph_spans_are_trimmed_blocks() -> None:
    text = "  First block.\n\n\n  Second block.  \n"
    assert [span.of(text) for span in paragraphs(text)] == ["First block.", "Second block."]
