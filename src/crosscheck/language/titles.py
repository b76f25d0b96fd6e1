"""Titles, ranks and roles ("Defense Secretary", "Brig. Gen.", "Iraqi premier"), and the key that
lets two wordings of one office meet ("Secretary of Defense" = "Pentagon chief").

A title is reduced to a role key ("defense secretary") and qualifiers (the countries and
organisations in it: "US", "Marine Corps"), so "the Marine general" can be matched to the one
person of the story whose titles say general and Marine Corps.
"""

from __future__ import annotations

import re
from functools import lru_cache

from crosscheck.language import gazetteer

# Words that name a person's office or occupation (the head of a title).
HEADS = frozenset(
    """president minister premier chancellor secretary undersecretary ambassador envoy consul
    senator representative congressman congresswoman lawmaker legislator mp mep governor mayor
    king queen prince princess sheikh emir sultan ayatollah pope cardinal archbishop bishop rabbi
    imam cleric pastor reverend judge justice attorney prosecutor general lieutenant colonel major
    captain sergeant corporal private admiral commodore commander marshal brigadier officer chief
    chiefs chairman chairwoman chair chairperson director head leader spokesman spokeswoman
    spokesperson official analyst reporter correspondent journalist editor columnist anchor host
    professor doctor mr mrs ms miss sir dame lord lady commissioner superintendent inspector
    detective sheriff ceo founder cofounder candidate nominee speaker whip activist lawyer
    economist researcher scientist expert author writer coach aide adviser advisor strategist
    pollster historian executive manager owner commentator producer photographer novelist
    presenter businessman businesswoman entrepreneur investor staff deputy councilman
    councilwoman councillor delegate diplomat negotiator militant engineer administrator
    coordinator planner architect surgeon nurse teacher pilot agent clerk treasurer auditor
    ombudsman envoy""".split()
)

# Words that modify a title without naming an office ("top", "defense", "political").
MODIFIERS = frozenset(
    """former ex acting interim top senior assistant vice outgoing incoming then late retired
    political military veteran longtime current new associate executive principal special lead
    managing junior regional local federal state national district presidential democratic
    republican conservative liberal opposition independent rebel militia terror army navy marine
    marines police intelligence security foreign defense defence interior finance justice health
    energy education trade commerce labor labour agriculture oil economy economic home environment
    transport treasury homeland commanding supreme spiritual religious ranking campaign press
    communications news radio television tv investigative prime vice-president general joint
    air force deputy chief first high-ranking top-ranking white house majority minority""".split()
)

_ABBREVIATIONS = {
    "gen": "general", "brig": "brigadier", "lt": "lieutenant", "col": "colonel", "maj": "major",
    "capt": "captain", "cpt": "captain", "sgt": "sergeant", "adm": "admiral", "cmdr": "commander",
    "cdr": "commander", "sen": "senator", "rep": "representative", "gov": "governor",
    "pres": "president", "dr": "doctor", "prof": "professor", "defence": "defense",
    "premier": "prime minister", "pm": "prime minister", "cpl": "corporal", "pvt": "private",
    "spokeswoman": "spokesperson", "spokesman": "spokesperson", "chairwoman": "chairman",
    "chair": "chairman", "chairperson": "chairman", "advisor": "adviser",
}
# Wordings of one office that name an organisation, rewritten before qualifiers are taken out.
_SYNONYMS = [
    (re.compile(r"(?i)\b(?:pentagon (?:chief|head|boss)|secretary of defen[cs]e)\b"), "defense secretary"),
    (re.compile(r"(?i)\b(?:chairman of the joint chiefs(?: of staff)?|joint chiefs(?: of staff)? chairman)\b"), "chairman of joint chiefs"),
]
_PHRASES = [
    (re.compile(r"\bdefense chief\b"), "defense secretary"),
    (re.compile(r"\bsecretary of (?!state\b)(?:the )?(\w+)\b"), r"\1 secretary"),
    (re.compile(r"\bstate secretary\b"), "secretary of state"),
    (re.compile(r"\bminister of (?:the )?(\w+)\b"), r"\1 minister"),
]
# Words dropped from a role key: they describe the person, not the office.
_NOISE = frozenset("the a an his her its their top senior commanding veteran longtime current new".split())

# Offices that "the <title>" can stand for when one person in the story holds it.
ROLE_HEADS = frozenset(
    """president minister secretary ambassador envoy chairman general commander king queen pope
    governor mayor speaker spokesperson chancellor director admiral emir sheikh ayatollah""".split()
)


def normalize_word(word: str) -> str:
    """Lower case without dots, abbreviations expanded: "Gen." -> "general"."""
    lower = word.lower().replace(".", "").replace("’", "'")
    return _ABBREVIATIONS.get(lower, lower)


@lru_cache(maxsize=16384)
def title_keys(title: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """(role keys, qualifiers): "US Marine Corps Brigadier General" -> (("brigadier general",),
    {"United States Marine Corps"}); "Iraqi premier" -> (("prime minister",), {"Iraq"}).
    A title naming two offices ("Chairman of the Joint Chiefs of Staff Army Gen.") gives two keys."""
    for pattern, replacement in _SYNONYMS:
        title = pattern.sub(replacement, title)
    words = [_unpossessive(w) for w in re.findall(r"[\w'’.&-]+", title)]
    qualifiers: set[str] = set()
    segments: list[list[str]] = [[]]
    i = 0
    while i < len(words):
        for size in range(min(4, len(words) - i), 0, -1):
            found = gazetteer.lookup(" ".join(words[i : i + size])) if words[i][:1].isupper() else None
            if found:
                qualifiers.add(found[0])
                segments.append([])
                i += size
                break
        else:
            word = words[i].lower().replace("then-", "former-").replace("ex-", "former-")
            segments[-1].extend(normalize_word(part) for part in word.split("-"))
            i += 1
    keys = []
    for segment in segments:
        key = " ".join(segment)
        for pattern, replacement in _PHRASES:
            key = pattern.sub(replacement, key)
        kept = [w for w in key.split() if w not in _NOISE]
        while kept and kept[0] in ("of", "and"):
            kept.pop(0)
        while kept and kept[-1] in ("of", "and"):
            kept.pop()
        if any(w in HEADS for w in kept):
            keys.append(" ".join(kept))
    return tuple(keys), frozenset(qualifiers)


def _unpossessive(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word


def role_head(key: str) -> str:
    """The office word of a key: "brigadier general" -> "general", "chairman of joint chiefs" -> "chairman"."""
    words = key.split()
    if "of" in words[1:]:
        return words[words.index("of") - 1]
    return words[-1] if words else ""


def role_matches(role: str, title: str) -> bool:
    """Whether a role key ("general", "defense secretary") names the office of a title key
    ("brigadier general", "defense secretary"): same head word, the role's other words present,
    and a former holder never stands for the current one."""
    role_words, title_words = set(role.split()), set(title.split())
    return (
        role_head(role) == role_head(title)
        and role_words <= title_words
        and ("former" in role_words) == ("former" in title_words)
    )
