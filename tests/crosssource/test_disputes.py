"""Disputes a reader would want flagged, and look-alikes that must not be flagged."""

from __future__ import annotations


def _disputes(report: dict, kind: str) -> list[dict]:
    return [d for d in report["disputes"] if d["kind"] == kind]


def test_troops_and_soldiers_of_one_garrison_disagree_in_number(analyse) -> None:
    report = analyse(
        {
            "wire": ("North Wire Agency", "Some 5,200 Norvish soldiers are stationed at bases around Port Ostrel to train local forces."),
            "radio": ("Coastline Radio", "There are 5,000 Norvish troops in Port Ostrel at the invitation of the island's government, the correspondent said."),
        }
    )
    [dispute] = _disputes(report, "numeric")
    assert [(p["value"], p["articles"]) for p in dispute["positions"]] == [(5000, ["radio"]), (5200, ["wire"])]
    assert [p["text"] for p in dispute["positions"]] == ["5,000 Norvish troops", "5,200 Norvish soldiers"]


def test_soldiers_and_countries_are_different_things(analyse) -> None:
    report = analyse(
        {
            "wire": ("North Wire Agency", "Some 5,200 Norvish soldiers are stationed at bases around Port Ostrel."),
            "radio": ("Coastline Radio", "The coalition stationed around Port Ostrel is made up of 76 countries."),
        }
    )
    assert _disputes(report, "numeric") == []


def test_a_death_toll_is_not_a_garrison_and_over_is_a_lower_bound(analyse) -> None:
    report = analyse(
        {
            "wire": ("North Wire Agency", "Some 5,200 Norvish soldiers are stationed at bases around Port Ostrel."),
            "blog": ("Harbour Watch", "Over 4,000 Norvish soldiers have died around Port Ostrel since the war began."),
            "paper": ("Bay Times", "More than 5,000 Norvish soldiers are stationed around Port Ostrel."),
        }
    )
    assert _disputes(report, "numeric") == []


def test_two_sums_for_the_same_cost_disagree(analyse) -> None:
    report = analyse(
        {
            "wire": ("North Wire Agency", "Repairs to the Port Ostrel pier are expected to cost $4 million, the harbour board said."),
            "radio": ("Coastline Radio", "Repairs to the Port Ostrel pier would cost about $6 million, the harbour master said."),
        }
    )
    [dispute] = _disputes(report, "numeric")
    assert [(p["text"], p["articles"]) for p in dispute["positions"]] == [("$4 million", ["wire"]), ("$6 million", ["radio"])]
    assert dispute["summary"].startswith("How much (USD)")


def test_sums_for_different_things_in_one_place_are_no_dispute(analyse) -> None:
    report = analyse(
        {
            "wire": ("North Wire Agency", "Repairs to the Port Ostrel pier are expected to cost $4 million, the harbour board said."),
            "radio": ("Coastline Radio", "The Port Ostrel ferry company made a profit of $9 million last year, its chairman said."),
        }
    )
    assert _disputes(report, "numeric") == []


def test_signed_against_wasnt_signed(analyse) -> None:
    report = analyse(
        {
            "wire": ("North Wire Agency", "The closure order was signed by the harbour master, Peter Anholt."),
            "paper": ("Bay Times", "The closure order wasn't actually signed, Hannah Vos, the port's lawyer, said on Tuesday."),
        }
    )
    [dispute] = _disputes(report, "polarity")
    positions = {p["stance"]: p for p in dispute["positions"]}
    assert positions["sign"]["articles"] == ["wire"]
    assert "signed by the harbour master" in positions["sign"]["text"]
    assert positions["not sign"]["articles"] == ["paper"]
    assert positions["not sign"]["speaker"] == "Hannah Vos"
    evidence = positions["not sign"]["evidence"][0]
    assert evidence["article"] == "paper" and "wasn't actually signed" in evidence["text"]


def test_hedged_conditional_and_asked_stances_are_no_dispute(analyse) -> None:
    report = analyse(
        {
            "wire": ("North Wire Agency", "The closure order was signed by the harbour master, Peter Anholt."),
            "a": ("Bay Times", "The closure order may not have been signed at all."),
            "b": ("Coastline Radio", "If the order was not signed, the ferry can sail on Friday."),
            "c": ("Harbour Watch", "Was the order ever signed?"),
        }
    )
    assert _disputes(report, "polarity") == []


def test_binding_against_non_binding(analyse) -> None:
    report = analyse(
        {
            "paper": ("Bay Times", "On Monday the island council passed a non-binding motion asking the company to refund every ticket."),
            "radio": ("Coastline Radio", "Councillor Hannah Vos insists the council's vote is binding on the ferry company."),
        }
    )
    [dispute] = _disputes(report, "polarity")
    assert {p["stance"]: p["speaker"] for p in dispute["positions"]} == {"bind": "Hannah Vos", "not bind": None}


def test_a_dispute_summary_shows_no_quotation_mark_cut_in_half(analyse) -> None:
    report = analyse(
        {
            "paper": ("Bay Times", "On Monday the island council passed a non-binding motion asking the company to refund every ticket."),
            "radio": ("Coastline Radio", 'Councillor Hannah Vos said the vote "is binding" on the ferry company.'),
        }
    )
    [dispute] = _disputes(report, "polarity")
    assert dispute["summary"].startswith("Asserted ('the vote is binding': ")


def test_an_update_that_retracts_its_original_story(analyse) -> None:
    report = analyse(
        {
            "aggregator": (
                "Harbour Watch",
                "The Harbour Line ferry will stop sailing for good, islanders were told on Monday.\n\n"
                "Update to story below:\n\n"
                "The company's chair, Maria Lutz, said on Tuesday that the report was a mistake. \u201cNo closure has been decided,\u201d she said.\n\n"
                "Original story follows.\n\n"
                "The Harbour Line ferry will stop sailing for good after the company ran out of money, according to the Ostrel Courier.\n\n"
                "The company has run the line since 1971.",
            ),
        }
    )
    [dispute] = _disputes(report, "superseded")
    original, update = dispute["positions"]
    assert original["stance"] == "original story" and "will stop sailing for good" in original["text"]
    assert update["stance"] == "update" and update["articles"] == ["aggregator"]
    assert update["speaker"] == "Maria Lutz"
    assert len(original["evidence"]) == 2  # the teaser above the update and the original's lede


def test_a_superseded_story_shows_the_retracted_claim_and_the_correction_concisely(analyse) -> None:
    report = analyse(
        {
            "aggregator": (
                "Harbour Watch",
                "UPDATE: The ferry company's chair, Maria Lutz, said on Tuesday that the notice was a draft and a mistake.\n\n"
                "Original story follows.\n\n"
                "Following the island council's vote on Sunday to cut its subsidy, the Vellmark ferry company has said it will "
                "stop sailing to Ostrel, according to the Ostrel Courier.\n\n"
                "The company has run the line since 1971.",
            ),
        }
    )
    [dispute] = _disputes(report, "superseded")
    original, update = dispute["positions"]
    assert original["text"] == "the Vellmark ferry company has said it will stop sailing to Ostrel"
    assert "mistake" in update["text"] and len(update["text"]) < 90


def test_the_same_words_credited_to_two_people(analyse) -> None:
    quote = "\u201cWe were never told the hull was this bad, and we would not have sailed had we known,\u201d"
    report = analyse(
        {
            "paper": ("Bay Times", f"The company's chair, Maria Lutz, spoke to reporters on Tuesday. {quote} Lutz said."),
            "radio": ("Coastline Radio", f"The safety director, Peter Anholt, was asked about the inspection. {quote} Anholt said."),
        }
    )
    [dispute] = _disputes(report, "attribution")
    assert {p["speaker"]: p["articles"] for p in dispute["positions"]} == {"Maria Lutz": ["paper"], "Peter Anholt": ["radio"]}


def test_a_position_counts_for_the_outlet_it_is_relayed_from_not_the_copy_around_it(analyse) -> None:
    wire = (
        "The Vellmark ferry company suspended its Harbour Line service on Tuesday after inspectors found corrosion in the hull.\n\n"
        "The company's safety director, Peter Anholt, sent a letter to the island council, a copy of which was seen by NWA.\n\n"
        "Some 1,100 islanders use the ferry every day, according to the council."
    )
    column = (
        "Will we ever see the Harbour Line again? I doubt it.\n\n"
        + wire.split("\n\n", 2)[0] + "\n\n" + wire.split("\n\n", 2)[1] + "\n\n"
        "Coastline Radio reporter Ida Berg said on Wednesday that about 900 islanders use the ferry every day."
    )
    report = analyse({"wire": ("North Wire Agency", wire), "copy": ("Bay Times", wire), "column": ("Harbour Watch", column)})
    [dispute] = _disputes(report, "numeric")
    sources = {p["value"]: p["sources"] for p in dispute["positions"]}
    assert sources == {900: ["Coastline Radio"], 1100: ["North Wire Agency"]}
