"""Who a source phrase refers to: names, pronouns, descriptions, unnamed and relayed sources.

"she said" is resolved to the nearest earlier person of the same gender, preferring people
already quoted; gender comes from titles (Mr., Ms.), a short list of first names, and pronouns
earlier resolved to the same person. "he" and "she" never resolve to an organisation or a
place ("Task Force Kell", "Port Halvard"); "it" resolves only to an organisation. Words glued
by a lost line break ("of StaffChair Ana Reyes") are split before a name is read. "the
official" is the earlier speaker described as an official. "a US official, speaking on
condition of anonymity" is anonymous, and "according to CNN's Jake Tapper" or "Harbour 7's
Lena Marsh" reached us via the outlet, as did "Reuters reported that X said".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from crosscheck.language import gazetteer
from crosscheck.language.attributions.lexicon import (
    ANONYMITY_HINTS,
    ANONYMITY_MARKERS,
    ANONYMOUS_HEADS,
    DETERMINERS,
    FEMALE_NAMES,
    MALE_NAMES,
    OUTLET_WORDS,
    OUTLETS,
    PREPOSITIONS,
    PRONOUN_GENDER,
    ROLE_TITLES,
    TITLES,
)
from crosscheck.language.names import GIVEN_NAMES

_NAME_RUN = re.compile(
    r"\b(?:(Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov|Gen|Prof|Lt|Col|Sgt|Capt)\.?\s+)?"
    r"([A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?(?:\s+(?:[A-Z]\.\s+)?[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?)*)"
)
# Capitalised runs, for the organisation an "it" stands for; a run may hold glued words
# ("StaffChair"), split by ``_GLUED`` afterwards.
_WORD = r"[A-Z][a-z]+(?:[A-Z][a-z]+)*"
# Opening with the capital (a character class), not the look-behind, lets ``re`` skip to it in C.
_CAPITALISED_RUN = re.compile(rf"[A-Z](?<![A-Za-z][A-Z])[a-z]+(?:[A-Z][a-z]+)*(?: {_WORD})*")
# Possible people: a run of two or more words, or one word after a title ("Mr. Reyes"), middle
# initials allowed; the regex engine drops the many lone capitalised words (sentence openers).
# Searched in the text with a space put in front, from the non-letter before a run: a pattern
# opening with a character class lets ``re`` step over letters in C, where one opening with a
# look-around is tried at every position (same runs, a quarter fewer instructions).
_PERSON_RUN = re.compile(
    rf"[^A-Za-z](?=[A-Z])(?:(Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov)\. )?"
    rf"({_WORD}(?(1)(?: (?:[A-Z]\. )?{_WORD})*|(?: (?:[A-Z]\. )?{_WORD})+))"
)
# A lost space between two words ("of StaffChair"): four lower-case letters, then a capital.
# Names like "McDonald" or "DeSantis" have fewer letters before the inner capital.
_GLUED = re.compile(r"(?<=[a-z]{4})(?=[A-Z][a-z])")
# "said one resident, who asked ...": an unnamed person described right before the pronoun.
_DESCRIBED_BEFORE = re.compile(r"\b((?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w’'-]+\s+){0,3}[\w’'-]+)\s*[,—–]\s*$")
# Words after which a person's name starts: "Defense Secretary Mark Esper", "Board Chair Ana Reyes".
_NAME_OPENERS = TITLES | frozenset(
    """chair chairman chairwoman chief director commander head leader secretary minister general
    brigadier colonel lieutenant sergeant admiral captain""".split()
)
_PERSON_HEADS = ANONYMOUS_HEADS | frozenset(
    """man woman men women mother father son daughter wife husband resident residents witness
    lawyer attorney analyst expert professor doctor nurse engineer inspector official worker
    leader chief director manager president senator governor minister secretary mayor judge
    general commander captain reporter journalist author writer candidate voter voters""".split()
)
_PLURAL_HEADS = frozenset(w for w in _PERSON_HEADS if w.endswith("s") and w[:-1] in _PERSON_HEADS) | {"men", "women", "people"}
_DOCUMENT_NOUNS = re.compile(
    r"\b(?:letter|statement|report|memo|notice|document|note|study|survey|poll|order)\b"
)
_TITLE_GENDER = {"Mr": "m", "Mrs": "f", "Ms": "f", "Miss": "f"}
_NOT_PERSON_WORDS = frozenset(
    """The A An He She They It We I You This That These Those But And In On At For After Before
    When While If As His Her Their Its Our According Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday January February March April May June July August September October November
    December Republican Republicans Democrat Democrats Democratic President Senator Governor
    Secretary White House State Department Congress Senate Though Although Yet So Also Still
    However Meanwhile Then Now Says Later Earlier Afterwards Finally Eventually Recently Separately
    Elsewhere Overall Initially Previously Moreover Furthermore Nevertheless Nonetheless Instead
    Similarly Likewise Otherwise""".split()
)
_OUTLET_NAME = (
    r"(?:" + "|".join(re.escape(o) for o in OUTLETS)
    + r"|(?:[A-Z][\w.&-]*\s+){0,3}(?:" + "|".join(OUTLET_WORDS) + r"))"
)
_OUTLET = re.compile(r"(?:[Tt]he\s+)?(" + _OUTLET_NAME + r")(?:['’]s)?\b")
# Broadcasters named by a channel number or call letters: "Harbour 7's", "WKRN's".
_CHANNEL = re.compile(
    r"(?:[Tt]he\s+)?((?:[A-Z][\w&.-]*\s+)+\d{1,3}|[KW][A-Z]{2,3}(?:-TV)?)['’]s(?=\s+[A-Z])"
)
_POSSESSED_NAME = re.compile(r"(?:[Tt]he\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*['’]s\s+(.+)")
_RELAY = re.compile(r"\b(?:[Tt]he\s+)?(" + _OUTLET_NAME + r")\s+(?:reported|reports|has reported|quoted)\b")
_ANONYMITY = re.compile("|".join(re.escape(m) for m in ANONYMITY_MARKERS), re.I)
_UNNAMED_OPENERS = frozenset("a an one two three several some sources officials people".split())
# A description of a speaker does not end on a preposition or an auxiliary.
_DANGLING = PREPOSITIONS | frozenset("upon has have had is are was were be been".split())
# A lowercase participle and then a determiner, pronoun or preposition: a verb phrase, not a
# noun phrase ("written a letter to", "leading the"); "retired Army Gen." or "unnamed officials" pass.
# ("polling by the union" is a noun before "by": "by" is not in the list; "even his" is no verb.)
_CLAUSE_OPENING = re.compile(r"(?!even\b)[a-z]+(?:ed|en|ing)\s+(?:a|an|the|his|her|its|their|them|him|it|this|that|to|with)\b")
_APPOSITIVE_BREAK = re.compile(r",|\s(?:who|which|of|for|at|from|in)\s|\s\(")


@dataclass(frozen=True, slots=True)
class Person:
    """A person mentioned in the text: full name, where the mention ends, gender if known."""

    name: str
    end: int
    gender: str | None


class SpeakerResolver:
    """Resolves source phrases in text order, remembering who spoke and what we learnt of them."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._mentions: list[Person] | None = None
        self._ends: list[int] = []
        self._full_names: dict[str, str] = {}  # surname -> full name
        self._people_indexed = False
        self._by_given_name: dict[str, tuple[list[int], list[str]]] | None = None
        self._genders: dict[str, str] = {}
        self.speakers: list[tuple[str, int, str]] = []  # (name, end, description) of each speaker
        self.unnamed: set[str] = set()  # speakers known to be anonymous

    def resolve(self, source: str | None, start: int, end: int) -> str | None:
        """The speaker's name (or description) for the source phrase ``text[start:end]``."""
        if source is None:
            return None
        phrase = _GLUED.sub(" ", source.strip().strip(",").strip())
        lower = phrase.lower()
        if lower == "who":
            # "Ana Reyes, who said ...": the person named right before the relative pronoun.
            person = self._person_ending_near(start)
            if person is not None:
                self.speakers.append((person, end, self._description_of(person)))
                return person
            described = _DESCRIBED_BEFORE.search(self.text, max(0, start - 60), start)
            if described is not None:
                return self.resolve(described.group(1), described.start(1), described.end(1))
            return phrase
        if lower == "it":
            organisation = self._organisation_before(start)
            if organisation is None:
                return phrase
            self.speakers.append((organisation, end, organisation.lower()))
            return organisation
        gender = PRONOUN_GENDER.get(lower)
        if gender is not None:
            person = self._antecedent(gender, start)
            if person is None:
                return phrase
            if gender in ("m", "f"):
                self._genders.setdefault(person, gender)
            self.speakers.append((person, end, self._description_of(person)))
            return person
        head = _APPOSITIVE_BREAK.split(phrase, maxsplit=1)[0].strip()
        possessed = _POSSESSED_NAME.fullmatch(head)
        if possessed and possessed.group(1)[0].isupper():
            head = possessed.group(1)  # "the Gazette's Lena Hart" -> "Lena Hart"
        words = head.split()
        opener = words[0].lower() if words else ""
        if opener in DETERMINERS or opener in ANONYMOUS_HEADS or opener in _UNNAMED_OPENERS:
            # "The Chairman of the Joint Chiefs, General Ana Reyes,": the apposition names her.
            named = self._appositive_name(phrase)
            if named is not None:
                self.speakers.append((named, end, lower))
                return named
            speaker = self._described(head) or _described_phrase(phrase, head)
            self.speakers.append((speaker, end, head.lower()))
            return speaker
        name = self._name_in(head, position=start)
        if name is not None and _common_noun_opening(words, name) and self._sentence_initial(start):
            name = None  # "Budget papers published by ... show": a capital the sentence gave
        if name is None and head != phrase:
            # "Harbour Board of Commissioners Chair Ana Reyes": the person after the title.
            name = self._name_in(phrase[len(head) :], after_title=True)
        if name is None:
            self.speakers.append((phrase, end, lower))
            parts = phrase.split()
            if parts and parts[-1].lower() in _DANGLING:
                # "he appeared to", "drew boos upon": a piece of the clause before the cue; its
                # opening pronoun may still say who speaks, the rest names nobody.
                opener = parts[0]
                return self.resolve(opener, start, start + len(opener)) if opener.lower() in PRONOUN_GENDER else None
            if _CLAUSE_OPENING.match(phrase):
                return None  # "written a letter to the board" (informing them ...): a verb and its object
            return phrase
        self.speakers.append((name, end, lower))
        return name

    def _name_in(self, head: str, after_title: bool = False, position: int | None = None) -> str | None:
        """The last person-like name in a head phrase: "Trump spokeswoman Hope Hicks" -> Hope Hicks.

        Organisations and places are no names; with ``after_title`` only a name right after a
        title counts ("Board Chair Ana Reyes", not "the wife of Ana Reyes")."""
        found = None
        for match in _NAME_RUN.finditer(head):
            title, name = match.group(1), match.group(2)
            words = _person_words(name)
            if not words:
                continue
            if after_title and title is None and len(words) == len(name.split()):
                before = head[: match.start()].split()[-1:]  # "... Army Gen. Mark Milley"
                if not before or before[0].strip(".").lower() not in _NAME_OPENERS:
                    continue
            name = " ".join(words)
            if title in _TITLE_GENDER:
                self._genders.setdefault(self._full(name), _TITLE_GENDER[title])
            found = name
        return self._full(found, position) if found else None

    def _appositive_name(self, phrase: str) -> str | None:
        """The person named in an apposition after the first comma, if any."""
        _, comma, rest = phrase.partition(",")
        if not comma:
            return None
        apposition = rest.strip().split(",")[0]
        words = apposition.split()
        if not words or not words[0][0].isupper() or words[0] in _NOT_PERSON_WORDS:
            return None
        return self._name_in(apposition)

    def _full(self, name: str, position: int | None = None) -> str:
        """"Reyes" -> "Ana Reyes" when the article named her in full before; with ``position``,
        the one of that surname named last before it ("Bill Clinton ... Hillary Clinton ...
        Clinton said")."""
        if " " in name:
            self._full_names.setdefault(name.split()[-1], name)
            return name
        if position is not None:
            named = self._given_named().get(name)
            if named:
                index = bisect_right(named[0], position) - 1
                if index >= 0:
                    return named[1][index]
        if name not in self._full_names and not self._people_indexed:
            for person in self._people():
                self._full_names.setdefault(person.name.split()[-1], person.name)
            self._people_indexed = True
        return self._full_names.get(name, name)

    def _given_named(self) -> dict[str, tuple[list[int], list[str]]]:
        """Surname -> (ends, full names) of the people named with a known given name, in text
        order (not runs like "Does Rubio"), for ``_full`` to take the one named last."""
        if self._by_given_name is None:
            self._by_given_name = {}
            for person in self._people():
                first, _, rest = person.name.partition(" ")
                if rest and first in GIVEN_NAMES:
                    ends, names = self._by_given_name.setdefault(rest.rsplit(" ", 1)[-1], ([], []))
                    ends.append(person.end)
                    names.append(person.name)
        return self._by_given_name

    def _people(self) -> list[Person]:
        """Person-like names in text order (computed once, when a pronoun or a lone surname first
        needs them)."""
        if self._mentions is None:
            self._mentions = []
            # A match ends after a lower-case letter, so taking the character before the next
            # one never overlaps it; ``match.end() - 1`` is the end in ``self.text``.
            for match in _PERSON_RUN.finditer(" " + self.text):
                title, name = match.groups()
                words = _person_words(name if name.istitle() else _GLUED.sub(" ", name))
                if not words or (len(words) < 2 and title is None):
                    continue
                if title is not None and len(words) < name.count(" ") + 1:
                    title = None  # "Mr." belongs to the run's first word, not to the person kept
                gender = _TITLE_GENDER.get(title) if title else None
                self._mentions.append(Person(" ".join(words), match.end() - 1, gender or _first_name_gender(words[0])))
            self._mentions = self._with_surnames(self._mentions)
            self._ends = [person.end for person in self._mentions]
        return self._mentions

    def _with_surnames(self, people: list[Person]) -> list[Person]:
        """``people`` plus the later surname-only mentions of each ("Ana Reyes ... Reyes had put
        it"), so that a pronoun finds the person named last, not a place named before her."""
        by_surname: dict[str, list[Person]] = {}  # each surname's full names, in text order
        for person in people:
            words = person.name.split()
            if len(words) > 1:
                by_surname.setdefault(words[-1], []).append(person)
        if not by_surname:
            return people
        text, ends = self.text, {person.end for person in people}
        found = list(people)
        for surname, named in by_surname.items():  # str.find: no pattern to compile per text
            at = text.find(surname, named[0].end)
            while at >= 0:
                end = at + len(surname)
                if end not in ends and _alone(text, at, end):
                    person = [p for p in named if p.end < at][-1]  # the one named last before it
                    found.append(Person(person.name, end, person.gender))
                at = text.find(surname, end)
        return sorted(found, key=lambda person: person.end) if len(found) > len(people) else people

    def _gender_of(self, name: str, mentioned: str | None) -> str | None:
        return self._genders.get(name) or mentioned or _first_name_gender(name.split()[0])

    def _antecedent(self, gender: str, before: int) -> str | None:
        """The nearest earlier speaker, else person, whose known gender fits the pronoun."""
        if gender == "p":
            for name, end, description in reversed(self.speakers):
                if end <= before and description.split()[-1:] and description.split()[-1].endswith("s"):
                    return name
            return None
        for name, end, description in reversed(self.speakers[-6:]):
            initial = self._sentence_initial(end - len(description))
            if end <= before and _may_be_person(name, initial) and self._gender_of(name, None) in (gender, None):
                if self._mentioned_between(name, end, before, gender):
                    return name
        people = self._people()
        for person in reversed(people[: bisect_right(self._ends, before)]):
            name = self._full(person.name)
            if self._gender_of(name, person.gender) in (gender, None):
                return name
        return None

    def _sentence_initial(self, start: int) -> bool:
        """Whether ``start`` opens a sentence, where any word is capitalised ("Critics disagree")."""
        before = self.text[max(0, start - 4) : start].rstrip(" \t\"'“‘")
        return not before or before[-1] in ".!?\n:"

    def _person_ending_near(self, before: int) -> str | None:
        people = self._people()
        index = bisect_right(self._ends, before) - 1
        if index >= 0 and before - people[index].end <= 3:
            return self._full(people[index].name)
        return None

    def _organisation_before(self, before: int) -> str | None:
        """"The Port Authority closed the pier. It said ...": the organisation named last in the
        preceding 300 characters, unless a document ("the letter") is named there too."""
        floor = max(0, before - 300)
        window = self.text[floor:before]
        found = None
        for match in _CAPITALISED_RUN.finditer(window):
            words = _GLUED.sub(" ", match.group()).split()
            if _is_organisation(words):
                found = (" ".join(w for w in words if w not in _NOT_PERSON_WORDS or w in _ORG_KEPT), match.end())
        if found is None or not found[0] or _DOCUMENT_NOUNS.search(window.lower()):
            return None
        return found[0]

    def _mentioned_between(self, name: str, end: int, before: int, gender: str) -> bool:
        """False when another person of the same gender was named after the speaker."""
        people = self._people()
        for person in people[bisect_right(self._ends, end) : bisect_right(self._ends, before)]:
            full = self._full(person.name)
            if full != name and self._gender_of(full, person.gender) == gender:
                return False
        return True

    def _described(self, head: str) -> str | None:
        """"the official": the earlier speaker described as one; "the senator": the one titled Sen."""
        words = head.lower().split()
        if words[0] != "the" or len(words) > 4:
            return None
        role = words[-1]
        titles = ROLE_TITLES.get(role, ())
        for name, _, description in reversed(self.speakers):
            if role in description.split() or any(t in description.split() for t in titles):
                return name
        return None

    def _description_of(self, name: str) -> str:
        for speaker, _, description in reversed(self.speakers):
            if speaker == name:
                return description
        return name.lower()


_ORG_KEPT = frozenset("White House State Department Congress Senate".split())


@lru_cache(maxsize=16384)
def _person_words(name: str) -> tuple[str, ...]:
    """The words of a capitalised run that name a person, or [] for an organisation or place.

    "Defense Secretary Mark Esper" -> Mark Esper; "Though Milley" -> Milley; "Task Force Kell",
    "Port Halvard" -> ()."""
    words = name.split()
    start = 0
    for number, word in enumerate(words):
        if word.lower() in _NAME_OPENERS:
            start = number + 1
    kept = [w for w in words[start:] if w not in _NOT_PERSON_WORDS]
    if not kept or _is_organisation(kept) or _is_place(kept):
        return ()
    return tuple(kept)


def _is_organisation(words: list[str]) -> bool:
    if not gazetteer.ORG_SUFFIXES.isdisjoint(words):
        return True
    found = gazetteer.lookup(" ".join(words))
    return found is not None and found[1] == gazetteer.ORGANIZATION


def _is_place(words: list[str]) -> bool:
    if words[0] in gazetteer.PLACE_PREFIXES or not gazetteer.PLACE_SUFFIXES.isdisjoint(words):
        return True
    if gazetteer.lookup(" ".join(words)) is not None:
        return True
    last = gazetteer.lookup(words[-1])
    return last is not None and len(words) > 1 and _first_name_gender(words[0]) is None


def _common_noun_opening(words: list[str], name: str) -> bool:
    """A one-word "name" that is only the first word of a longer phrase going on in lower case
    ("Budget papers", "Hospital staff"), which may be a noun the sentence start capitalised."""
    return " " not in name and len(words) > 1 and words[0] == name and words[1][:1].islower()


def _alone(text: str, start: int, end: int) -> bool:
    """A whole word, not part of a longer name: "Reyes", not "Reyes-Molina" or "Reyes Garcia"."""
    if start and text[start - 1].isalnum():
        return False
    after = text[end : end + 2]
    return not (after[:1].isalnum() or (after[:1] in (" ", "-") and after[1:2].isupper()))


def _may_be_person(name: str, sentence_initial: bool = True) -> bool:
    """A speaker "he" or "she" may stand for: a person's name (a lone surname too, "Calder", when
    not opening its sentence), or a description with one person for head ("a US official"), not
    "the Iraqi parliament", "this move", "Reuters", "Critics" or "two officials"."""
    words = name.split()
    if not words:
        return False
    if name[0].isupper():
        if len(words) == 1:  # "Calder said ... She added": a surname inside a sentence, not a known name
            lower = name.lower()
            return (
                not sentence_initial
                and not name.isupper()
                and gazetteer.lookup(name) is None
                and _OUTLET.fullmatch(name) is None
                and lower not in _PERSON_HEADS
                and lower not in DETERMINERS
                and bool(_person_words(name))
            )
        return bool(_person_words(name))
    return words[-1].lower() in _PERSON_HEADS and words[-1].lower() not in _PLURAL_HEADS


def _first_name_gender(first: str) -> str | None:
    if first in FEMALE_NAMES:
        return "f"
    if first in MALE_NAMES:
        return "m"
    return None


def _described_phrase(phrase: str, head: str) -> str:
    """A described speaker keeps its head, determiner in lower case: "a US official"."""
    kept = head if len(head.split()) > 1 else phrase
    determiner, _, rest = kept.partition(" ")
    return f"{determiner.lower()} {rest}" if rest else kept


def is_anonymous(source: str | None, sentence: str) -> bool:
    """Unnamed sources: no name in the source, and an anonymity phrase in its sentence or a
    role noun for head ("a US official", "sources close to the mayor")."""
    if source is None:
        return False
    words = _APPOSITIVE_BREAK.split(source.strip(), maxsplit=1)[0].split()
    if not words:
        return False
    opener = words[0].lower()
    if opener not in _UNNAMED_OPENERS and opener not in DETERMINERS:
        return False
    # A capitalised word other than an acronym ("US") would be a name: "the mayor, Ana Reyes".
    if any(word[0].isupper() and not word.replace(".", "").isupper() for word in words[1:]):
        return False
    if any(hint in sentence for hint in ANONYMITY_HINTS) and _ANONYMITY.search(sentence):
        return True
    return opener in _UNNAMED_OPENERS and any(word.lower().strip(",") in ANONYMOUS_HEADS for word in words[:4])


def outlet_via(source: str | None, before: str) -> tuple[str | None, str | None]:
    """(outlet, speaker without it): "CNN's Jake Tapper" -> (CNN, Jake Tapper); relays in ``before``.

    ``before`` is the sentence up to the cue: "Reuters reported that the minister said ..."
    """
    if source is not None:
        match = _OUTLET.match(source.strip()) or _CHANNEL.match(source.strip())
        if match and match.group(0).endswith(("'s", "’s")):
            rest = source.strip()[match.end() :].strip()
            if rest:
                return match.group(1), rest
    if "report" in before or "quoted" in before:
        relays = _RELAY.findall(before)
        if relays:
            return relays[-1], None
    return None, None
