"""Stories kept in the store: a later run continues the last one, and ids never change."""

from __future__ import annotations

from crosscheck.api import group_stories, update_stories
from crosscheck.model import Article, StoryInfo
from crosscheck.store import Store
from crosscheck.stories import StoryClusterer


def article(id: str, title: str, text: str, published: str) -> Article:
    return Article(id=id, source=f"{id}.txt", title=title, text=text, body=text, published=published)


FIRE = [
    article(
        "fire-1", "Fire guts Brannock paper mill",
        "A fire gutted the Brannock paper mill on the Ostrel river overnight. Fire chief Odile Varga said 60 "
        "firefighters fought the blaze for six hours and no one was hurt. The mill employs 240 people.",
        "2026-05-04",
    ),
    article(
        "fire-2", "Brannock mill fire: 240 jobs at risk",
        "Workers at the Brannock paper mill fear for their 240 jobs after the overnight fire. Chief Odile Varga "
        "said the blaze on the Ostrel river started in a storage hall; the cause is under investigation.",
        "2026-05-04",
    ),
]
FIRE_LATER = article(
    "fire-3", "Investigators name cause of Brannock mill fire",
    "An electrical fault in a storage hall started the fire that gutted the Brannock paper mill on the Ostrel "
    "river, fire chief Odile Varga said on Thursday. The 240 workers will be paid while the mill is rebuilt.",
    "2026-05-07",
)
ELECTION = [
    article(
        "vote-1", "Hessel wins Tarrow mayoral race",
        "Councillor Amara Hessel won the Tarrow mayoral election with 54 percent of the vote, beating the "
        "incumbent Piet Lorne. Turnout was 47 percent, the electoral office said.",
        "2026-05-05",
    ),
    article(
        "vote-2", "Lorne concedes to Hessel in Tarrow",
        "Mayor Piet Lorne conceded defeat to Amara Hessel on Monday night after she took 54 percent of the vote "
        "in Tarrow. Hessel promised to expand the tram network.",
        "2026-05-05",
    ),
]
ELECTION_LATER = article(
    "vote-3", "Hessel sworn in as Tarrow mayor",
    "Amara Hessel was sworn in as mayor of Tarrow on Friday, a week after beating Piet Lorne with 54 percent of "
    "the vote. Her first act was to order a study of the tram network.",
    "2026-05-08",
)


def add(store: Store, articles: list[Article]) -> None:
    for item in articles:
        store.add(item)


def members(stories: list[StoryInfo]) -> dict[str, set[str]]:
    return {s.id: set(s.article_ids) for s in stories}


def test_stories_are_saved_and_read_back(tmp_path) -> None:
    with Store(tmp_path / "s.db") as store:
        add(store, FIRE + ELECTION)
        stories = update_stories(store)
        assert sorted(map(sorted, members(stories).values())) == [["fire-1", "fire-2"], ["vote-1", "vote-2"]]
        fire = next(s for s in stories if "fire-1" in s.article_ids)
        assert store.story(fire.id) == fire
        assert "Brannock" in fire.title
        assert fire.id.startswith("s-") and fire.updated.startswith("20")
        assert store.story("s-unknown") is None


def test_a_later_run_adds_new_articles_to_the_right_story_and_keeps_ids(tmp_path) -> None:
    path = tmp_path / "s.db"
    with Store(path) as store:
        add(store, FIRE + ELECTION)
        first = members(update_stories(store))
    with Store(path) as store:  # a new process: the clusterer comes back from the store
        add(store, [FIRE_LATER, ELECTION_LATER])
        second = members(update_stories(store))
    assert second.keys() == first.keys()
    for story_id, articles in first.items():
        later = "fire-3" if "fire-1" in articles else "vote-3"
        assert second[story_id] == articles | {later}


def test_an_update_with_nothing_new_changes_nothing(tmp_path) -> None:
    with Store(tmp_path / "s.db") as store:
        add(store, FIRE)
        first = update_stories(store)
        assert update_stories(store) == first


def test_progress_counts_the_articles_placed(tmp_path) -> None:
    calls: list[tuple[int, int]] = []
    with Store(tmp_path / "s.db") as store:
        add(store, FIRE + ELECTION)
        update_stories(store, lambda done, total: calls.append((done, total)))
    assert calls and calls[-1] == (4, 4)


# One rescue told from two angles that share almost nothing, then a report that joins them.
MINE = [
    article(
        "mine-rescue", "Nine miners brought up alive at Korvath pit",
        "Rescue teams brought nine miners to the surface at the Korvath pit on Tuesday after a tunnel collapse "
        "trapped them for two days. Paramedics treated three for dehydration.",
        "2026-05-06",
    ),
    article(
        "mine-owner", "Delmont Mining halts work at all sites",
        "Delmont Mining halted work at all its sites on Tuesday. Chief executive Ruth Ansel said the company "
        "would pay for an independent safety review and apologised to the families.",
        "2026-05-06",
    ),
    article(
        "mine-both", "Delmont chief meets rescued Korvath miners",
        "Ruth Ansel, chief executive of Delmont Mining, met the nine miners rescued from the Korvath pit tunnel "
        "collapse. Delmont Mining has halted work at all sites pending a safety review.",
        "2026-05-06",
    ),
]


def test_merges_are_logged_and_the_old_id_still_finds_the_story(tmp_path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.save_stories(StoryClusterer(story_merge_threshold=-5.0).to_state(), [])  # eager merging
        add(store, FIRE + ELECTION + MINE[:2])
        first = update_stories(store)
        rescue, owner = (next(s.id for s in first if a in s.article_ids) for a in ("mine-rescue", "mine-owner"))
        assert rescue != owner
        seen = store.last_story_event()

        add(store, MINE[2:])
        update_stories(store)
        (event,) = [e for e in store.story_events(after=seen) if e["level"] == "story"]
        kept, gone = event["into_id"], event["other_id"]
        assert event["kind"] == "merge" and {kept, gone} == {rescue, owner} and "mine-both" in event["reason"]
        assert store.story(gone) == store.story(kept)
        assert set(store.story(gone).article_ids) == {"mine-rescue", "mine-owner", "mine-both"}
        assert gone not in {s.id for s in store.stories()}


def test_group_stories_splits_unrelated_events_largest_first() -> None:
    articles = [ELECTION[0], *FIRE, FIRE_LATER, ELECTION[1]]
    groups = group_stories(articles)
    assert [[a.id for a in group] for _, group in groups] == [["fire-1", "fire-2", "fire-3"], ["vote-1", "vote-2"]]
    assert "Brannock" in groups[0][0]


def test_group_stories_keeps_one_event_together_and_handles_nothing() -> None:
    assert [len(group) for _, group in group_stories(FIRE)] == [2]
    assert group_stories([]) == []


def test_a_state_from_another_version_is_replaced_by_clustering_everything_again(tmp_path) -> None:
    with Store(tmp_path / "s.db") as store:
        add(store, FIRE + ELECTION)
        first = members(update_stories(store))
        store.save_stories({**(store.story_state() or {}), "version": 0}, [])
        add(store, [FIRE_LATER])
        again = members(update_stories(store))
        fire = next(i for i, articles in first.items() if "fire-1" in articles)
        assert again.keys() == first.keys() and again[fire] == first[fire] | {"fire-3"}
        assert store.story_state()["version"] == StoryClusterer().to_state()["version"]
