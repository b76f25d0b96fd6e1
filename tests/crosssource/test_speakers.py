"""Who said it: relays keep their outlet, a document's sender is not its speaker."""

from __future__ import annotations

from crosscheck.crosssource.disputes import agent


def _quote(report: dict, words: str) -> dict:
    return next(q for q in report["quotes"] if words in q["text"])


def test_a_quote_inside_a_relay_keeps_the_outlet_it_came_through(analyse) -> None:
    report = analyse(
        {
            "wire": (
                "Bay Times",
                "Maria Lutz said on Tuesday: \u201cThe timetable is a draft, it should never have been published,\u201d "
                "according to Coastline Radio's Pia Holm.",
            ),
            "paper": (
                "Island Post",
                "Ferry board chair Maria Lutz said: \u201cThe timetable is a draft and it should never have been published.\u201d",
            ),
        }
    )
    quote = _quote(report, "timetable is a draft")
    assert quote["speaker"] == "Maria Lutz"
    assert quote["via"] == ["Coastline Radio"]


def test_the_sender_of_a_letter_is_not_the_speaker_of_a_claim_about_it(analyse) -> None:
    report = analyse(
        {
            "paper": (
                "Bay Times",
                "The harbour master, Captain Elin Vos, sent a letter to the ferry board on Monday, a copy of which was seen by the Times.",
            ),
            "radio": (
                "Coastline Radio",
                "Captain Elin Vos sent a letter to the ferry board on Monday, she told the station. "
                "The letter said the ferry would stop sailing on Friday.",
            ),
        }
    )
    sent = next(c for c in report["claims"] if "sent a letter" in c["text"])
    assert sent["speaker"] is None
    said = [c for c in report["claims"] if "stop sailing" in c["text"]]
    assert said and said[0]["speaker"] == "Elin Vos"


def test_sending_or_signing_a_document_makes_its_author_what_it_is_about() -> None:
    assert agent("The harbour master, Captain Elin Vos, sent a letter to the ferry board", "Elin Vos")
    assert agent("The notice was signed by Captain Elin Vos", "Elin Vos")
    assert agent("The news came in a letter from Captain Elin Vos to the board", "Elin Vos")
    assert not agent("Vos wrote on Monday that the ferry would stop", "Elin Vos")


def test_a_phrase_the_language_layer_took_for_a_speaker_is_not_one(analyse) -> None:
    """'written a letter to the board informing them that ...': the words before the cue are
    part of a clause, not a speaker; the outlet reporting it is the quote's relay; and the quote
    gets no speaker from another paragraph."""
    report = analyse(
        {
            "paper": (
                "Bay Times",
                "Captain Elin Vos runs the harbour.\n\n"
                "The Island Herald was reporting that an officer had written a letter to the board informing them that ferries "
                "would be moved for \u201conward sailing\u201d next week.",
            ),
            "radio": (
                "Coastline Radio",
                "The letter from Captain Elin Vos said ferries would be moved \u201cto prepare for onward sailing\u201d next week.",
            ),
        }
    )
    [quote] = [q for q in report["quotes"] if "paper" in q["articles"]]
    [cut] = [v for v in quote["variants"] if "paper" in v["articles"]]
    assert cut["speaker"] is None and quote["speaker"] == "Elin Vos"
    assert quote["via"] == ["Island Herald"]


def test_a_person_conceded_in_a_though_clause_is_not_the_speaker_of_the_writer_s_point(analyse) -> None:
    report = analyse(
        {
            "blog": (
                "Harbour Watch",
                "Though Maria Lutz said the timetable \u201cimplies\u201d a closure of the Harbour Line, the timetable in fact "
                "explicitly orders the ferries to stop sailing on 12 June.",
            ),
            "paper": ("Bay Times", "The timetable orders the ferries of the Harbour Line to stop sailing on 12 June, the board said."),
        }
    )
    claim = next(c for c in report["claims"] if any("Though Maria Lutz" in e["text"] for e in c["evidence"]))
    assert claim["speaker"] != "Maria Lutz"
