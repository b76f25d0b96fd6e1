"""Wire groups, their named origin, stripped credits, relays and opinion pieces, as a reader sees them."""

from __future__ import annotations

WIRE = (
    "OSTREL (NWA) — The Vellmark ferry company suspended its Harbour Line service on Tuesday after inspectors found corrosion in the hull of its only vessel.\n\n"
    "The company's safety director, Peter Anholt, sent a letter to the island council, a copy of which was seen by NWA.\n\n"
    "The letter said the vessel would stay in dry dock for at least two weeks while a new steel plate is fitted.\n\n"
    "NWA reporters could see the ferry tied up at the southern quay on Tuesday evening, its gangway chained shut."
)
CREDITED_COPY = WIRE.replace("harbour", "harbor").replace("OSTREL (NWA) — ", "")
STRIPPED_COPY = (
    "Islanders face two weeks without a ferry.\n\n"
    + WIRE.replace("OSTREL (NWA) — ", "")
    .replace("a copy of which was seen by NWA", "a copy of which was shared widely online")
    .replace("NWA reporters could see", "Reporters could see")
)
OWN = (
    "The island council will meet on Thursday to discuss an emergency water-taxi service, its chair, Hannah Vos, told the Ostrel Courier.\n\n"
    "The Vellmark ferry company suspended its Harbour Line service on Tuesday because of corrosion in the hull, Vos said."
)


def test_copies_form_one_wire_group_named_after_their_credit(analyse) -> None:
    report = analyse(
        {
            "wire": ("North Wire Agency", WIRE),
            "credited": ("Bay Times", CREDITED_COPY),
            "stripped": ("Island Daily", STRIPPED_COPY),
            "own": ("Ostrel Courier", OWN),
        }
    )
    [group] = report["reuse"]
    assert group["articles"] == ["wire", "credited", "stripped"]
    assert group["origin"] == "North Wire Agency"
    assert group["credit"] == "NWA"
    assert group["credit_kept"] == ["wire", "credited"]
    assert group["credit_stripped"] == ["stripped"]
    stripped = " ".join(s["text"] for s in group["stripped"])
    assert "shared widely online" in stripped and "Reporters could see" in stripped
    sources = {s["origin"]: s for s in report["sources"]}
    assert sources["North Wire Agency"]["kind"] == "wire"
    assert sources["Ostrel Courier"]["articles"] == ["own"]


def test_all_copies_of_a_wire_report_count_once(analyse) -> None:
    report = analyse({"wire": ("North Wire Agency", WIRE), "credited": ("Bay Times", CREDITED_COPY), "own": ("Ostrel Courier", OWN)})
    suspended = next(c for c in report["claims"] if "Vellmark ferry company suspended" in c["text"])
    assert suspended["articles"] == ["wire", "credited", "own"]
    assert suspended["independent_sources"] == 2
    assert suspended["status"] == "corroborated"
    plate = next(c for c in report["claims"] if "steel plate" in c["text"])
    assert plate["independent_sources"] == 1
    assert plate["status"] == "single-source"


def test_a_relayed_claim_counts_for_the_outlet_it_came_from(analyse) -> None:
    report = analyse(
        {
            "blog": (
                "Harbour Watch",
                "I have taken the Harbour Line every week for ten years. Why does nobody check these boats?\n\n"
                "The ferry will stay in dry dock for at least two weeks, according to the Ostrel Courier.",
            ),
            "own": ("Ostrel Courier", "The ferry will stay in dry dock for at least two weeks, the company's safety director said on Tuesday."),
        }
    )
    kinds = {a["id"]: a["kind"] for a in report["articles"]}
    assert kinds == {"blog": "opinion", "own": "news"}
    dry_dock = next(c for c in report["claims"] if "dry dock" in c["text"])
    assert dry_dock["articles"] == ["blog", "own"]
    assert dry_dock["sources"] == ["Ostrel Courier"]
    assert dry_dock["independent_sources"] == 1


def test_an_opinion_piece_adds_no_source_of_its_own(analyse) -> None:
    report = analyse(
        {
            "column": (
                "Harbour Watch",
                "I have taken the Harbour Line every week for ten years, and I have never seen the company this rattled. "
                "Who is checking these boats?\n\nThe ferry company suspended its Harbour Line service on Tuesday after inspectors found corrosion in the hull.",
            ),
        }
    )
    assert report["articles"][0]["kind"] == "opinion"
    assert report["claims"] == []
    assert report["sources"] == []


AGENCY_COPY = (
    "The Dunmere paper mill will close for a month from Friday after a boiler fire on Sunday night, its owner said.\n\n"
    "The owner, Corvel Papers, sent a notice to its 340 workers, a copy of which was seen by AFP.\n\n"
    "The roof of the boiler house had fallen in, a photograph seen by AP showed.\n\n"
    "AFP reporters could see fire crews damping down the site on Monday morning."
)


def test_a_wire_group_is_named_as_the_articles_credit_it(analyse) -> None:
    report = analyse(
        {
            "copy-a": ("Dunmere Echo", AGENCY_COPY),
            "copy-b": ("Valley Post", AGENCY_COPY.replace("Monday morning", "Monday")),
            "copy-c": ("Riverside Daily", AGENCY_COPY.replace("its owner said", "the owner said")),
        }
    )
    [group] = report["reuse"]
    assert group["origin"] == "AFP"
    assert group["origin_aliases"] == ["Agence France-Presse"]
    assert {s["origin"] for s in report["sources"] if s["kind"] == "wire"} == {"AFP"}


def test_a_credit_inside_wire_copy_is_no_second_source(analyse) -> None:
    report = analyse(
        {
            "copy-a": ("Dunmere Echo", AGENCY_COPY),
            "copy-b": ("Valley Post", AGENCY_COPY.replace("Monday morning", "Monday")),
            "own": ("Mill Town Courier", "The roof of the boiler house had fallen in, the fire service said on Monday."),
        }
    )
    roof = next(c for c in report["claims"] if "had fallen in" in c["text"])
    assert sorted(roof["sources"]) == ["AFP", "Mill Town Courier"]
    assert roof["independent_sources"] == 2
    notice = next(c for c in report["claims"] if "340 workers" in c["text"])
    assert notice["sources"] == ["AFP"] and notice["independent_sources"] == 1
    assert "AP" not in {s["origin"] for s in report["sources"]}


def test_an_outlet_named_as_the_source_of_a_claim_inside_wire_copy_counts(analyse) -> None:
    relayed = AGENCY_COPY + "\n\nThe mill's insurer will pay for the repairs, according to Reuters."
    report = analyse({"copy-a": ("Dunmere Echo", relayed), "copy-b": ("Valley Post", relayed.replace("Monday morning", "Monday"))})
    insurer = next(c for c in report["claims"] if "insurer" in c["text"])
    assert insurer["sources"] == ["Reuters"]


def test_an_outlet_relaying_the_wires_own_words_adds_no_source(analyse) -> None:
    relayed = (
        "I never trusted that boiler. Why did nobody listen?\n\n"
        "The Mill Town Courier noted that the closure could last longer: \u201cThe owner, Corvel Papers, sent a notice to its "
        "340 workers.\u201d"
    )
    report = analyse(
        {
            "copy-a": ("Dunmere Echo", AGENCY_COPY),
            "copy-b": ("Valley Post", AGENCY_COPY.replace("Monday morning", "Monday")),
            "blog": ("Mill Watch", relayed),
        }
    )
    notice = next(c for c in report["claims"] if "340 workers" in c["text"])
    assert "blog" in notice["articles"] and notice["sources"] == ["AFP"]
