"""Who a source phrase refers to: names, pronouns, descriptions, unnamed and relayed sources.

"she said" is resolved to the nearest earlier person of the same gender, preferring people
already quoted; gender comes from titles (Mr., Ms.), a short list of first names, and pronouns
earlier resolved to the same person. "the official" is the earlier speaker described as an
official. "a US official, speaking on condition of anonymity" is anonymous, and "according to
CNN's Jake Tapper" reached us via CNN, as did "Reuters reported that X said".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from crosscheck.language.attributions.lexicon import (
    ANONYMITY_HINTS,
    ANONYMITY_MARKERS,
    ANONYMOUS_HEADS,
    DETERMINERS,
    FEMALE_NAMES,
    MALE_NAMES,
    OUTLET_WORDS,
    OUTLETS,
    PRONOUN_GENDER,
    ROLE_TITLES,
    TITLES,
)

_NAME_RUN = re.compile(
    r"\b(?:(Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov|Gen|Prof|Lt|Col|Sgt|Capt)\.?\s+)?"
    r"([A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?(?:\s+(?:[A-Z]\.\s+)?[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?)*)"
)
# Scanning a whole article: a plain pattern is several times faster; titles are checked after.
_CAPITALISED_RUN = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+)*")
_TITLE_BEFORE = re.compile(r"(Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov)\. $")
_TITLE_GENDER = {"Mr": "m", "Mrs": "f", "Ms": "f", "Miss": "f"}
_NOT_PERSON_WORDS = frozenset(
    """The A An He She They It We I You This That These Those But And In On At For After Before
    When While If As His Her Their Its Our According Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday January February March April May June July August September October November
    December Republican Republicans Democrat Democrats Democratic President Senator Governor
    Secretary White House State Department Congress Senate""".split()
)
_OUTLET_NAME = (
    r"(?:" + "|".join(re.escape(o) for o in OUTLETS)
    + r"|(?:[A-Z][\w.&-]*\s+){0,3}(?:" + "|".join(OUTLET_WORDS) + r"))"
)
_OUTLET = re.compile(r"(?:[Tt]he\s+)?(" + _OUTLET_NAME + r")(?:['’]s)?\b")
_POSSESSED_NAME = re.compile(r"(?:[Tt]he\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*['’]s\s+(.+)")
_RELAY = re.compile(r"\b(?:[Tt]he\s+)?(" + _OUTLET_NAME + r")\s+(?:reported|reports|has reported|quoted)\b")
_ANONYMITY = re.compile("|".join(re.escape(m) for m in ANONYMITY_MARKERS), re.I)
_UNNAMED_OPENERS = frozenset("a an one two three several some sources officials people".split())
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
        self._genders: dict[str, str] = {}
        self.speakers: list[tuple[str, int, str]] = []  # (name, end, description) of each speaker
        self.unnamed: set[str] = set()  # speakers known to be anonymous

    def resolve(self, source: str | None, start: int, end: int) -> str | None:
        """The speaker's name (or description) for the source phrase ``text[start:end]``."""
        if source is None:
            return None
        phrase = source.strip().strip(",").strip()
        lower = phrase.lower()
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
            speaker = self._described(head) or _described_phrase(phrase, head)
            self.speakers.append((speaker, end, head.lower()))
            return speaker
        name = self._name_in(head)
        if name is None:
            self.speakers.append((phrase, end, lower))
            return phrase
        self.speakers.append((name, end, lower))
        return name

    def _name_in(self, head: str) -> str | None:
        """The last person-like name in a head phrase: "Trump spokeswoman Hope Hicks" -> Hope Hicks."""
        found = None
        for match in _NAME_RUN.finditer(head):
            title, name = match.group(1), match.group(2)
            words = [w for w in name.split() if w not in _NOT_PERSON_WORDS]
            while words and words[0].lower() in TITLES:
                words.pop(0)
            if not words:
                continue
            name = " ".join(words)
            if title in _TITLE_GENDER:
                self._genders.setdefault(self._full(name), _TITLE_GENDER[title])
            found = name
        return self._full(found) if found else None

    def _full(self, name: str) -> str:
        """"Reyes" -> "Ana Reyes" when the article named her in full before."""
        if " " in name:
            self._full_names.setdefault(name.split()[-1], name)
            return name
        if name not in self._full_names and not self._people_indexed:
            for person in self._people():
                self._full_names.setdefault(person.name.split()[-1], person.name)
            self._people_indexed = True
        return self._full_names.get(name, name)

    def _people(self) -> list[Person]:
        """Person-like names in text order (computed once, on the first pronoun)."""
        if self._mentions is None:
            self._mentions = []
            text = self.text
            for match in _CAPITALISED_RUN.finditer(text):
                name = match.group()
                start = match.start()
                title = _TITLE_BEFORE.search(text, max(0, start - 5), start) if start else None
                words = name.split()
                if words[0] in _NOT_PERSON_WORDS or (len(words) < 2 and title is None):
                    continue
                gender = _TITLE_GENDER.get(title.group(1)) if title else None
                self._mentions.append(Person(name, match.end(), gender or _first_name_gender(words[0])))
            self._ends = [person.end for person in self._mentions]
        return self._mentions

    def _gender_of(self, name: str, mentioned: str | None) -> str | None:
        return self._genders.get(name) or mentioned or _first_name_gender(name.split()[0])

    def _antecedent(self, gender: str, before: int) -> str | None:
        """The nearest earlier speaker, else person, whose known gender fits the pronoun."""
        if gender == "p":
            for name, end, description in reversed(self.speakers):
                if end <= before and description.split()[-1:] and description.split()[-1].endswith("s"):
                    return name
            return None
        for name, end, _ in reversed(self.speakers[-6:]):
            if end <= before and " " in name and self._gender_of(name, None) in (gender, None):
                if self._mentioned_between(name, end, before, gender):
                    return name
        people = self._people()
        for person in reversed(people[: bisect_right(self._ends, before)]):
            name = self._full(person.name)
            if self._gender_of(name, person.gender) in (gender, None):
                return name
        return None

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
        match = _OUTLET.match(source.strip())
        if match and match.group(0).endswith(("'s", "’s")):
            rest = source.strip()[match.end() :].strip()
            if rest:
                return match.group(1), rest
    if "report" in before or "quoted" in before:
        relays = _RELAY.findall(before)
        if relays:
            return relays[-1], None
    return None, None
