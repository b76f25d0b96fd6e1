"""Passage alignment: copies survive light edits, splits and reordering; shared quotes are not copies."""

from __future__ import annotations

from crosscheck.crosssource.passages import align_passages
from crosscheck.crosssource.story import Story

from .conftest import annotate_story

WIRE = (
    "The Vellmark ferry company suspended its Harbour Line service to Ostrel Island on Tuesday after inspectors found corrosion in the hull of its only vessel.\n\n"
    "The crack, in a steel frame known as Rib 12, was found during a routine dry-dock survey last week.\n\n"
    "About 900 islanders use the ferry every day, and the US coast guard said it would send a second inspection team.\n\n"
    "NWA reporters could see the ferry tied up at the southern quay on Tuesday evening, its gangway chained shut."
)
EDITED = (
    "Reporters could see the ferry tied up at the southern quay on Tuesday evening, its gangway chained shut.\n\n"
    "The crack was found during a routine dry-dock survey last week. It is in a steel frame known as Rib 12.\n\n"
    "The Vellmark ferry company suspended its Harbor Line service to Ostrel Island on Tuesday after inspectors found corrosion in the hull of its only vessel.\n\n"
    "About 900 islanders use the ferry every day, and the U.S. coast guard said it would send a second inspection team."
)


def _alignment(story: dict[str, tuple[str | None, str]]):
    docs = annotate_story(story)
    index = Story.of(docs)
    return docs, align_passages(index)


def _aligned_texts(docs, alignment) -> set[tuple[str, str]]:
    found = set()
    for match in alignment.matches:
        a, b = alignment.units[match.a], alignment.units[match.b]
        found.add((a.span.of(docs[a.doc].text), b.span.of(docs[b.doc].text)))
    return found


def test_copies_align_through_light_edits_reordering_and_a_split_sentence() -> None:
    docs, alignment = _alignment({"wire": ("North Wire Agency", WIRE), "copy": ("Ostrel Courier", EDITED)})
    pairs = {(a[:30], b[:30]) for a, b in _aligned_texts(docs, alignment)}
    assert ("The Vellmark ferry company sus", "The Vellmark ferry company sus") in pairs  # harbour/harbor
    assert ("About 900 islanders use the fe", "About 900 islanders use the fe") in pairs  # US/U.S.
    assert ("Reporters could see the ferry ", "NWA reporters could see the fe") in pairs  # credit dropped
    halves = {a for a, b in _aligned_texts(docs, alignment) if b.startswith("The crack, in a steel frame")}
    assert halves == {"The crack was found during a routine dry-dock survey last week.", "It is in a steel frame known as Rib 12."}
    assert all(m.copy for m in alignment.matches)


def test_a_quote_inside_a_longer_sentence_aligns_but_is_not_copy() -> None:
    story = {
        "a": ("Ostrel Courier", "\u201cWe will not sail again until every weld on the hull has been checked twice,\u201d said Maria Lutz, the company's chief engineer."),
        "b": ("Coastline Radio", "Maria Lutz, speaking at the depot, said \u201cwe will not sail again until every weld on the hull has been checked twice\u201d before leaving."),
    }
    docs, alignment = _alignment(story)
    assert len(alignment.matches) == 1
    assert not alignment.matches[0].copy


def test_two_outlets_quoting_one_press_conference_are_not_a_wire_group(analyse) -> None:
    quote = "The ferry is safe, and it will sail again the moment the inspectors sign it off"
    report = analyse(
        {
            "courier": ("Ostrel Courier", f"Islanders packed the harbour office on Wednesday. \u201c{quote},\u201d Maria Lutz told them.\n\nMany left unconvinced."),
            "radio": ("Coastline Radio", f"Speaking to reporters at the depot, the chief engineer was calm. \u201c{quote}, period,\u201d said Maria Lutz.\n\nShe took no questions."),
        }
    )
    assert report["reuse"] == []
    assert [q["articles"] for q in report["quotes"]] == [["courier", "radio"]]
