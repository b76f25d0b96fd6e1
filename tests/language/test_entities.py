"""People, organisations and places, their titles, and one entity per person across a story."""

from __future__ import annotations

from pathlib import Path

from crosscheck.language.entities import find_mentions, resolve_entities
from crosscheck.model import Mention


def mentions(text: str) -> list[tuple[str, str, str, str | None]]:
    """(surface, type, entity, title) of each mention."""
    return [(text[m.start : m.end], m.type, m.entity, m.title) for m in find_mentions(text)]


def people(text: str) -> dict[str, tuple[str, str | None]]:
    return {surface: (entity, title) for surface, kind, entity, title in mentions(text) if kind == "person"}


def test_capitalised_title_before_a_name() -> None:
    text = "Defense Minister Talia Voss visited the port."
    assert people(text) == {"Talia Voss": ("Talia Voss", "Defense Minister")}


def test_ranks_with_abbreviations_and_middle_initials() -> None:
    text = "The plan was drafted by Brig. Gen. Oren K. Brill and approved by Gen. Mara Tuck."
    assert people(text) == {"Oren K. Brill": ("Oren K. Brill", "Brig. Gen."), "Mara Tuck": ("Mara Tuck", "Gen.")}


def test_lower_case_title_with_a_demonym() -> None:
    text = "On Monday, Iraqi premier Adel Farouk met the US Ambassador Lena Marsh."
    assert people(text) == {"Adel Farouk": ("Adel Farouk", "Iraqi premier"), "Lena Marsh": ("Lena Marsh", "US Ambassador")}


def test_words_glued_by_extraction_are_cut_apart() -> None:
    text = "Chairman of the Joint Chiefs of StaffArmy Gen. Oren Brill responded."
    assert people(text)["Oren Brill"][1] == "Chairman of the Joint Chiefs of Staff Army Gen."


def test_organisations_from_suffixes_and_the_gazetteer() -> None:
    found = {(surface, entity) for surface, kind, entity, _ in mentions(
        "The Harbour Council and Reuters confirmed it; AFP and the Valdish Press Agency did not."
    ) if kind == "organization"}
    assert found == {
        ("Harbour Council", "Harbour Council"),
        ("Reuters", "Reuters"),
        ("AFP", "Agence France-Presse"),
        ("Valdish Press Agency", "Valdish Press Agency"),
    }


def test_a_task_force_and_the_coalition_above_it_stay_two_organisations() -> None:
    found = {(surface, entity) for surface, kind, entity, _ in mentions(
        "The commander of Combined Joint Task Force Iraq wrote to the ministry. Task Force Iraq "
        "answers to Operation Inherent Resolve, the coalition known as CJTF-OIR."
    ) if kind == "organization"}
    assert {entity for surface, entity in found if "Iraq" in surface} == {"Task Force Iraq"}
    assert {entity for surface, entity in found if "Iraq" not in surface} == {
        "Combined Joint Task Force – Operation Inherent Resolve"
    }


def test_places_and_demonyms_resolve_to_the_country() -> None:
    text = "Iranian drones flew over Baghdad, and U.S. officials in Florida said America would respond."
    places = [(surface, entity) for surface, kind, entity, _ in mentions(text) if kind == "place"]
    assert places == [
        ("Iranian", "Iran"),
        ("Baghdad", "Baghdad"),
        ("U.S.", "United States"),
        ("Florida", "Florida"),
        ("America", "United States"),
    ]


def test_a_countrys_institution_in_lower_case_is_one_organisation() -> None:
    text = "Iraq's parliament voted. The Iraqi parliament met again, and the Iraqi Parliament adjourned."
    organisations = {entity for _, kind, entity, _ in mentions(text) if kind == "organization"}
    assert organisations == {"Iraqi Parliament"}


def test_a_surname_alone_is_the_person_named_before() -> None:
    text = "Defense Minister Talia Voss spoke first. Later, Voss said the ferry would sail."
    assert people(text)["Voss"] == ("Talia Voss", None)


def test_a_name_next_to_a_speech_verb_is_a_person() -> None:
    text = "“The bridge will hold,” Oyelaran said."
    assert people(text) == {"Oyelaran": ("Oyelaran", None)}


def test_capitalised_common_words_at_sentence_start_are_not_people() -> None:
    text = "Officials said the ferry would sail. Engineers said the pier was safe, and the officials agreed with engineers."
    assert people(text) == {}


def test_indefinite_pronouns_are_not_people() -> None:
    text = "“It is a disgrace. Nobody told us anything.” Everyone said the pier was safe. Someone asked Mary Reed."
    assert people(text) == {"Mary Reed": ("Mary Reed", None)}


def test_people_sharing_a_surname_stay_apart() -> None:
    text = "Jon Fenwick and Dara Fenwick both spoke. Mark Dane and Mark Brill did not."
    assert set(people(text)) == {"Jon Fenwick", "Dara Fenwick", "Mark Dane", "Mark Brill"}
    assert len({entity for entity, _ in people(text).values()}) == 4


def test_middle_initials_and_suffixes_join_one_person_named_by_its_fullest_form() -> None:
    index = resolve_entities(
        ["Brigadier General William Dane wrote the letter.", "The letter came from William H. Dane III. Dane did not sign it."]
    )
    person = index.get("William H. Dane III")
    assert person is not None and person.type == "person"
    assert set(person.aliases) == {"William Dane", "William H. Dane III", "Dane"}
    assert [m.entity for doc in index.mentions for m in doc if m.type == "person"] == ["William H. Dane III"] * 3


def test_transliteration_variants_are_one_person() -> None:
    index = resolve_entities(
        ["General Qasem Rahimi and premier Adel Abdel Karim met.", "Qassem Rahimi called Adel Abdul-Karim."]
    )
    names = sorted(e.name for e in index.entities if e.type == "person")
    assert names == ["Adel Abdel Karim", "Qasem Rahimi"]


def test_a_role_resolves_when_one_person_in_the_story_holds_it() -> None:
    index = resolve_entities(
        ["Defense Secretary Lena Marsh met Foreign Minister Ilan Zoor.", "The defense secretary later said no decision was made."]
    )
    roles = [m for m in index.mentions[1] if m.type == "role"]
    assert [m.entity for m in roles] == ["Lena Marsh"]
    assert "defense secretary" in index.get("Lena Marsh").aliases


def test_a_role_held_by_two_people_stays_unresolved_unless_a_qualifier_decides() -> None:
    index = resolve_entities(
        [
            "Iraqi Defense Minister Karim Hadad met Iranian Defense Minister Parisa Zand.",
            "The defense minister left early. The Iranian defense minister stayed.",
        ]
    )
    assert [m.entity for m in index.mentions[1] if m.type == "role"] == ["defense minister", "Parisa Zand"]


def test_a_role_set_off_by_commas_belongs_to_the_name_beside_it() -> None:
    text = "The commander of Task Force Valdera, General Oren Brill, wrote the letter."
    roles = [m for m in find_mentions(text) if m.type == "role"]
    assert [(text[m.start : m.end], m.entity) for m in roles] == [("commander of Task Force Valdera", "Oren Brill")]


def test_a_bare_surname_with_an_office_in_apposition_is_that_person() -> None:
    text = "Reyes, the mayor, backed the plan."
    assert [(text[m.start : m.end], m.type, m.entity) for m in find_mentions(text)] == [
        ("Reyes", "person", "Reyes"),
        ("mayor", "role", "Reyes"),
    ]


def test_an_office_before_a_possessive_is_not_an_apposition() -> None:
    text = "Mayor Ana Reyes spoke first. Lina Reyes-Molina, the mayor's sister, said nothing."
    assert [m.entity for m in find_mentions(text) if m.type == "role"] == ["Ana Reyes"]


def test_a_role_that_is_the_title_of_the_next_name_is_that_persons() -> None:
    # After "Ana Reyes, the ..." a role reads as her apposition, unless a name follows it
    # with no comma: then it is that person's title (glued by bad extraction here).
    text = "According to the Gazette's Ana Reyes, the Chairman of the Joint Chiefs of StaffArmy Gen. Oren Brill called it a draft."
    roles = [m for m in find_mentions(text) if m.type == "role"]
    assert [m.entity for m in roles] == ["Oren Brill"]
    text = "Maria Brill, the chairman of the Joint Chiefs, said it was a draft."
    assert [m.entity for m in find_mentions(text) if m.type == "role"] == ["Maria Brill"]


def test_mention_lists_can_be_resolved_later_with_their_texts() -> None:
    texts = ["Gen. Oren Brill arrived.", "Colonel Oren Q. Brill left. Brill waved."]
    lists: list[list[Mention]] = [find_mentions(t) for t in texts]
    index = resolve_entities(lists, texts)
    assert index.get("Oren Q. Brill").aliases == ["Oren Brill", "Oren Q. Brill", "Brill"]


def test_the_reference_story_resolves_its_people(shared_corpus: Path) -> None:
    texts = [path.read_text() for path in sorted(shared_corpus.glob("*.txt"))]
    index = resolve_entities(texts)
    names = {e.name for e in index.entities if e.type == "person"}
    assert {"William H. Seely III", "Mark Esper", "Mark A. Milley", "Qasem Soleimani", "Adel Abdel Mahdi"} <= names
    assert "Seely" in index.get("William H. Seely III").aliases
    assert "Qassem Soleimani" in index.get("Qasem Soleimani").aliases
