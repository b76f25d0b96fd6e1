"""Story clustering on fictional mini-stories: what a reader of the story list would notice."""

from __future__ import annotations

import json

import numpy as np
import pytest

from crosscheck.model import Article
from crosscheck.stories import StoryClusterer, online
from crosscheck.stories.consolidation import LeadIndex


def article(id: str, title: str | None, text: str, published: str | None = None) -> Article:
    return Article(id=id, source=f"{id}.txt", title=title, text=text, published=published)


# Two earthquakes: the same kind of event, different places, people and figures.
ALDREN = [
    article(
        "aldren-1", "Quake kills 14 in Port Aldren",
        "A magnitude 6.1 earthquake struck Port Aldren before dawn on Tuesday, killing 14 people and collapsing "
        "three apartment blocks on Harbor Street. The epicentre was 10 kilometres offshore, the seismological "
        "institute said. Mayor Ilse Marrow said rescuers were still searching the rubble for survivors. "
        "Residents spent the night outdoors as aftershocks shook the coast.",
    ),
    article(
        "aldren-2", "Port Aldren counts its dead after 6.1 tremor",
        "Rescuers in Port Aldren pulled two survivors from the rubble of a collapsed building on Harbor Street, "
        "hours after the magnitude 6.1 earthquake. The death toll stands at 14, Mayor Ilse Marrow told reporters. "
        "Hundreds of residents are sleeping in tents as aftershocks continue.",
    ),
    article(
        "aldren-3", "Mayor Marrow: 'We will rebuild Harbor Street'",
        "Ilse Marrow, the mayor of Port Aldren, visited the ruins of Harbor Street on Wednesday. Fourteen people "
        "died when the magnitude 6.1 earthquake brought down three blocks. Engineers are inspecting damaged "
        "buildings and residents fear more aftershocks.",
    ),
]
KESTREL = [
    article(
        "kestrel-1", "Earthquake rattles Kestrel Valley",
        "A magnitude 5.4 earthquake struck Kestrel Valley on Friday afternoon, injuring three people and cracking "
        "the walls of Linden Primary School. The epicentre was near the town of Orrin, the seismological institute "
        "said. Governor Tomas Ferreiro said rescuers had found no one trapped in the rubble. Residents felt "
        "aftershocks through the evening.",
    ),
    article(
        "kestrel-2", "Governor Ferreiro inspects quake damage at Linden school",
        "Governor Tomas Ferreiro toured Kestrel Valley on Saturday, a day after the magnitude 5.4 earthquake. "
        "Three people were injured, and Linden Primary School will stay closed while engineers inspect damaged "
        "buildings, he said. Residents are bracing for aftershocks.",
    ),
    article(
        "kestrel-3", "Kestrel Valley schools shut after 5.4 tremor",
        "Classes at Linden Primary School in Kestrel Valley are cancelled for a week after the magnitude 5.4 "
        "earthquake cracked its walls. Governor Tomas Ferreiro said the three injured residents are recovering "
        "and engineers are inspecting other damaged buildings.",
    ),
]
# A cup final in the same town: shares "Port Aldren" with the first quake, nothing else.
ROVERS = [
    article(
        "rovers-1", "Port Aldren Rovers lift the cup",
        "Port Aldren Rovers beat Dunmore City 3-1 in the cup final on Sunday, with two goals from striker Nico "
        "Balestra. Coach Anneke Voss praised her defence after the match at Westgate Stadium.",
    ),
    article(
        "rovers-2", "Balestra double wins final for Rovers",
        "Nico Balestra scored twice as Port Aldren Rovers won the cup final 3-1 against Dunmore City at Westgate "
        "Stadium. Coach Anneke Voss said the title was for the fans.",
    ),
]
# One sinking reported from two angles that share almost nothing, then an article that joins them.
FERRY = [
    article(
        "ferry-rescue", "Coast guard rescues 40 as ferry sinks off Skellig Point",
        "The ferry Corran Star sank off Skellig Point on Monday night. The coast guard said helicopters and "
        "lifeboats rescued all 40 passengers from the cold water, and two crew members were treated for hypothermia.",
    ),
    article(
        "ferry-company", "Velt Lines suspends sailings and apologises",
        "Velt Lines has suspended all sailings on its northern routes. Chief executive Maren Oddvar apologised to "
        "passengers and promised full cooperation with the maritime inquiry into the loss of the vessel.",
    ),
    article(
        "ferry-both", "Velt Lines chief visits Skellig Point after Corran Star sinking",
        "Maren Oddvar, chief executive of Velt Lines, met the coast guard crews at Skellig Point who rescued 40 "
        "passengers when the company's ferry Corran Star sank. Velt Lines has suspended sailings pending the "
        "maritime inquiry.",
    ),
]
# Unrelated news, so that term statistics look like a newsroom's day rather than two stories.
BACKGROUND = [
    article(
        "bg-budget", "Council approves harbour budget",
        "The city council approved a budget of 40 million crowns for the harbour on "
        "Monday after a long debate. Opposition members said the plan ignores housing.",
    ),
    article(
        "bg-concert", "Orchestra opens season",
        "The Northern Philharmonic opened its season with a sold-out concert of Brahms "
        "and a new work by composer Lea Hartung.",
    ),
    article(
        "bg-phone", "Fennec unveils folding phone",
        "Electronics maker Fennec unveiled a folding phone with a larger battery, priced "
        "at 1,299 dollars, at a launch event in Sorrell.",
    ),
    article(
        "bg-storm", "Storm warning for the north",
        "Forecasters issued a storm warning for the northern coast, with winds of up to "
        "110 kilometres an hour expected on Thursday night.",
    ),
    article(
        "bg-strike", "Rail workers vote to strike",
        "Rail workers voted to strike over pay next month, the union said, warning of "
        "cancellations on regional lines.",
    ),
    article(
        "bg-election", "Turnout falls in mayoral vote",
        "Turnout fell to 41 percent in the mayoral election in Greyhaven, where the "
        "incumbent won a third term.",
    ),
]


def story_members(clusterer: StoryClusterer) -> dict[str, list[str]]:
    return {s.id: s.article_ids for s in clusterer.stories()}


def test_one_event_across_outlets_is_one_story() -> None:
    clusterer = StoryClusterer()
    ids = clusterer.add_many(BACKGROUND + ALDREN)
    assert len(set(ids[-3:])) == 1
    assert story_members(clusterer)[ids[-1]] == ["aldren-1", "aldren-2", "aldren-3"]


def test_two_similar_events_are_two_stories_in_one_topic() -> None:
    clusterer = StoryClusterer()
    clusterer.add_many(BACKGROUND + ALDREN + KESTREL)
    quake_a, quake_b = clusterer.story_of("aldren-1"), clusterer.story_of("kestrel-1")
    assert quake_a != quake_b
    stories = {s.id: s for s in clusterer.stories()}
    assert stories[quake_a].article_ids == ["aldren-1", "aldren-2", "aldren-3"]
    assert stories[quake_b].article_ids == ["kestrel-1", "kestrel-2", "kestrel-3"]
    assert stories[quake_a].topic_id == stories[quake_b].topic_id
    assert stories[clusterer.story_of("bg-concert")].topic_id != stories[quake_a].topic_id


def test_story_ids_come_from_the_first_article_and_stay_when_articles_are_added() -> None:
    clusterer = StoryClusterer()
    first = clusterer.add_many(BACKGROUND + ALDREN[:2] + KESTREL[:2])
    aldren, kestrel = clusterer.story_of("aldren-1"), clusterer.story_of("kestrel-1")
    assert aldren.startswith("s-") and aldren == StoryClusterer().add("aldren-1", ALDREN[0].text)

    later = clusterer.add_many([ALDREN[2], KESTREL[2]])
    assert later == [aldren, kestrel]
    assert [clusterer.story_of(a.id) for a in BACKGROUND + ALDREN[:2] + KESTREL[:2]] == first
    assert clusterer.add("aldren-1", "the same id again, whatever the text") == aldren
    assert len(clusterer) == len(BACKGROUND) + 6


def test_a_prepare_elsewhere_is_started_a_chunk_ahead_and_changes_nothing(monkeypatch) -> None:
    monkeypatch.setattr(online, "CHUNK", 4)
    stream = BACKGROUND + ALDREN + [ALDREN[0]] + KESTREL  # aldren-1 again, in a later chunk
    alone = StoryClusterer()
    expected = alone.add_many(stream)
    clusterer = StoryClusterer()
    calls: list[tuple[str, int]] = []  # ("start", articles) when started, ("wait", articles) when placed

    def prepare(articles):
        calls.append(("start", len(articles)))
        ready = clusterer.prepare(articles)  # as a Dask worker would, before the chunk is placed
        return lambda: calls.append(("wait", len(articles))) or ready

    seen: list[int] = []
    assert clusterer.add_many(stream, seen.append, prepare) == expected
    assert story_members(clusterer) == story_members(alone)
    assert calls[:3] == [("start", 4), ("start", 4), ("wait", 4)]  # chunk 2 started before chunk 1 is placed
    assert sum(size for kind, size in calls if kind == "start") == len(stream) - 1  # the repeat is not prepared
    assert len(clusterer) == len(stream) - 1 and seen[-1] == len(stream)


def test_state_round_trip_continues_exactly_where_it_stopped(tmp_path) -> None:
    clusterer = StoryClusterer()
    clusterer.add_many(BACKGROUND + ALDREN[:2] + KESTREL[:2] + ROVERS[:1])
    path = tmp_path / "stories.json"
    clusterer.save(path)
    restored = StoryClusterer.load(path)
    assert repr(restored) == repr(clusterer)
    assert restored.stories() == clusterer.stories()

    rest = [ALDREN[2], KESTREL[2], ROVERS[1]]
    assert restored.add_many(rest) == clusterer.add_many(rest)
    assert restored.stories() == clusterer.stories()
    assert restored.log == clusterer.log
    assert json.loads(json.dumps(restored.to_state())) == clusterer.to_state()


def test_an_article_matching_two_stories_merges_them_and_logs_it() -> None:
    clusterer = StoryClusterer(story_merge_threshold=-2.0)
    clusterer.add_many(BACKGROUND + FERRY[:2])
    rescue, company = clusterer.story_of("ferry-rescue"), clusterer.story_of("ferry-company")
    assert rescue != company

    assert clusterer.add_many(FERRY[2:]) == [rescue]
    assert clusterer.story_of("ferry-company") == rescue
    assert story_members(clusterer)[rescue] == ["ferry-rescue", "ferry-both", "ferry-company"]
    (event,) = clusterer.log
    assert (event.kind, event.level, event.into, event.other) == ("merge", "story", rescue, company)
    assert event.article_ids == ["ferry-company"] and "ferry-both" in event.reason


def test_default_merge_threshold_keeps_partial_reports_apart() -> None:
    clusterer = StoryClusterer()
    clusterer.add_many(BACKGROUND + FERRY)
    assert clusterer.story_of("ferry-rescue") != clusterer.story_of("ferry-company")
    assert clusterer.log == []


def test_a_story_that_no_longer_fits_its_topic_splits_off() -> None:
    clusterer = StoryClusterer()
    clusterer.add_many(BACKGROUND + ALDREN + KESTREL + ROVERS[:1])
    quake_topic = {s.id: s.topic_id for s in clusterer.stories()}[clusterer.story_of("aldren-1")]
    rovers = clusterer.story_of("rovers-1")
    assert {s.id: s.topic_id for s in clusterer.stories()}[rovers] == quake_topic  # "Port Aldren" was enough

    clusterer.add_many(ROVERS[1:])
    topics = {s.id: s.topic_id for s in clusterer.stories()}
    assert topics[rovers] != quake_topic
    (event,) = clusterer.log
    assert (event.kind, event.level, event.into, event.other) == ("split", "topic", quake_topic, topics[rovers])
    assert event.article_ids == ["rovers-1", "rovers-2"]


def test_the_same_headline_a_year_later_is_a_new_story() -> None:
    text = (
        "Runners from 30 countries crossed the finish line of the Port Aldren marathon on Sunday. "
        "Kenyan athlete Joyce Wanjiru won the women's race in 2 hours 24 minutes."
    )
    clusterer = StoryClusterer()
    clusterer.add_many(BACKGROUND)
    this_year = clusterer.add("marathon-2025", text, "Wanjiru wins Port Aldren marathon", published="2025-04-06")
    same_week = clusterer.add("marathon-2025b", text, "Wanjiru wins in Port Aldren", published="2025-04-08")
    next_year = clusterer.add("marathon-2026", text, "Wanjiru wins Port Aldren marathon", published="2026-04-05")
    assert same_week == this_year
    assert next_year != this_year


def test_story_title_is_the_most_central_title_or_its_main_names() -> None:
    clusterer = StoryClusterer()
    clusterer.add_many(BACKGROUND + ALDREN)
    titles = {s.id: s.title for s in clusterer.stories()}
    assert titles[clusterer.story_of("aldren-1")] in {a.title for a in ALDREN}

    untitled = StoryClusterer()
    untitled.add_many([article(a.id, None, a.text) for a in BACKGROUND + KESTREL])
    title = {s.id: s.title for s in untitled.stories()}[untitled.story_of("kestrel-1")]
    assert "Tomas Ferreiro" in title and "Kestrel Valley" in title


def test_repr_shows_the_parameters() -> None:
    shown = repr(StoryClusterer(story_threshold=-1.0, window_days=7))
    assert shown.startswith("StoryClusterer(story_threshold=-1.0, ")
    assert "window_days=7" in shown and "embedding=False" in shown


def test_a_state_from_another_version_is_refused_with_advice() -> None:
    state = StoryClusterer().to_state()
    state["version"] = 0
    with pytest.raises(ValueError, match="cluster the articles again"):
        StoryClusterer.from_state(state)


def test_wordllama_embeddings_can_join_the_features() -> None:
    pytest.importorskip("wordllama")
    clusterer = StoryClusterer(embedding=True)
    clusterer.add_many(BACKGROUND + ALDREN + KESTREL)
    assert story_members(clusterer)[clusterer.story_of("aldren-1")] == ["aldren-1", "aldren-2", "aldren-3"]
    assert clusterer.story_of("kestrel-1") != clusterer.story_of("aldren-1")


# Two prison escapes: the same kind of event, told with no name, place or figure in common.
ESCAPE_DORREL = [
    article(
        "escape-dorrel-1", "Inmate escapes prison van near Dorrel",
        "A convicted robber escaped from a prison van near Dorrel on Monday after overpowering two guards who were "
        "driving him between jails, the corrections department said. Police are searching the woods for Kasim "
        "Oyelaran, 34.",
    ),
    article(
        "escape-dorrel-2", "Manhunt for Oyelaran after van escape",
        "Police with dogs searched the hills around Dorrel for Kasim Oyelaran, the inmate who escaped from a prison "
        "van on Monday. The corrections department said both guards were unhurt.",
    ),
]
ESCAPE_VARNHOLT = [
    article(
        "escape-varnholt-1", "Prisoner breaks out of Varnholt jail",
        "A prisoner serving a life sentence broke out of Varnholt jail overnight by climbing a laundry chute, prison "
        "officials said on Friday. Helga Strand, 51, was last seen near the river harbour.",
    ),
    article(
        "escape-varnholt-2", "Strand still at large after Varnholt breakout",
        "Officers are still hunting Helga Strand, the life prisoner who escaped from Varnholt jail through a laundry "
        "chute. Prison officials have suspended the governor pending an inquiry.",
    ),
]


def test_two_events_of_one_kind_share_a_topic_through_their_leads_and_it_is_logged() -> None:
    stream = BACKGROUND + ALDREN + ESCAPE_DORREL + KESTREL + ESCAPE_VARNHOLT
    words_only = StoryClusterer(lead_embedding=False)
    words_only.add_many(stream)
    clusterer = StoryClusterer()
    clusterer.add_many(stream)

    dorrel, varnholt = clusterer.story_of("escape-dorrel-1"), clusterer.story_of("escape-varnholt-1")
    topic_of = {s.id: s.topic_id for s in clusterer.stories()}
    assert dorrel != varnholt and topic_of[dorrel] == topic_of[varnholt]
    assert {s.topic_id for s in words_only.stories() if s.id in (dorrel, varnholt)} != {topic_of[dorrel]}
    (event,) = [e for e in clusterer.log if "leads" in e.reason]
    assert (event.kind, event.level) == ("merge", "topic")


def test_lead_index_pairs_only_stories_that_choose_each_other() -> None:
    leads = LeadIndex()
    for story, vector in zip("abcd", ([1.0, 0.0], [0.96, 0.28], [0.0, 1.0], [-1.0, 0.0])):
        leads.set(story, 3 * np.array(vector), 3)  # a sum over 3 articles: the mean is compared
    centre = np.zeros(2)
    assert leads.mutual_nearest("abcd", centre, floor=0.2) == [("a", "b", pytest.approx(0.96))]
    assert leads.mutual_nearest("c", centre, floor=0.2) == []
    assert leads.mutual_nearest("ab", centre, floor=0.99) == []


def test_lead_index_compares_about_the_centre_and_forgets_merged_stories() -> None:
    leads = LeadIndex()
    for story, vector in zip("abc", ([2.0, 1.0], [2.0, 1.1], [2.0, 3.0])):
        leads.set(story, np.array(vector), 1)
    # About (2, 2), a and b point the same way (down) and c the other.
    assert leads.mutual_nearest("a", np.array([2.0, 2.0]), floor=0.5) == [("a", "b", pytest.approx(1.0))]
    leads.remove("b")
    assert "b" not in leads and len(leads) == 2
    assert leads.mutual_nearest("a", np.array([2.0, 2.0]), floor=0.5) == []  # c points away from a
    leads.set("c", np.array([4.0, 1.6]), 2)  # c grew: its mean is now (2, 0.8)
    assert leads.mutual_nearest("ac", np.array([2.0, 2.0]), floor=0.5) == [("a", "c", pytest.approx(1.0))]
