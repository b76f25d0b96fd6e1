"""Stances: what a clause asserts or denies about one predicate ("the letter was signed",
"it wasn't actually signed", "a non-binding motion", "the U.S. is leaving", "no decision to
leave").

Only constructions that state a fact about a thing are read: a form of "be" before a
participle or adjective (passive, copula, progressive), "will"/"would" before a verb, a
participle after its noun ("a letter signed by ..."), an antonym before its noun ("unsigned
draft"), and "no decision/plans to <verb>". Hedged, conditional and questioned clauses state
nothing and are left out, as are "to <verb>" complements ("asked the authority to close").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crosscheck.crosssource.text import STOPWORDS, normalise_word
from crosscheck.language.polarity import antonym_base, predicate_stance, stem
from crosscheck.model import Span

_WORD = re.compile(r"[A-Za-z](?:\.[A-Za-z])+\.?|[A-Za-z][\w'’-]*")
_BE = frozenset("is are was were be been being am 's isn't wasn't aren't weren't".split())
_WILL = frozenset("will would shall 'll won't wouldn't shan't".split())
_AUXILIARIES = frozenset("has have had should could must".split())
_SKIP = frozenset(
    "not never actually really still also already now then fully formally officially immediately ever begin start".split()
)
_NEGATORS = frozenset("not never no".split())
_CONDITION = re.compile(r"(?<!\bas )(?<!\beven )\b(?:if|unless)\b", re.I)
_PRONOUNS = frozenset("it this that they he she which who we".split())
_INTENTION = re.compile(
    r"\bno\s+(?:decision|decisions|plans?|intention|intent|order)(?:\s+(?:whatsoever|whatsover|yet|made|taken))*"
    r"\s+to\s+([a-z]+)",
    re.I,
)
# Predicates that say the same of a thing, by stem.
SYNONYMS = {stem(word): stem("leave") for word in ("withdraw", "depart", "exit")}
_NOT_PREDICATES = frozenset("able going about due set likely unlikely unclear clear unknown".split())
_DETERMINERS = frozenset("a an the this that its his her their our my your no".split())
_VERB_GROUP = _SKIP | _BE | _WILL | _AUXILIARIES


@dataclass(frozen=True, slots=True)
class Stance:
    """One clause's stance on one predicate: the phrase saying it, and the thing it is about.

    ``form`` tells phrasings apart ("never", "n't", "unsigned", "" for a plain assertion);
    ``subject`` is the head word of what the predicate is said of, or None (a pronoun or unknown).
    """

    start: int
    end: int
    predicate: str
    negated: bool
    form: str
    subject: str | None


def find_stances(text: str, clause: Span, sentence: Span | None = None) -> list[Stance]:
    """The stances a clause takes, asserted or denied; none in a ``sentence`` with a condition."""
    if sentence is not None and _CONDITION.search(text, sentence.start, sentence.end):
        return []
    tokens = [
        (m.start(), m.end(), m.group().lower().replace("’", "'")) for m in _WORD.finditer(text, clause.start, clause.end)
    ]
    found = []
    for i, (start, end, word) in enumerate(tokens):
        base = antonym_base(word)
        kind = "antonym" if base is not None and word not in _NOT_PREDICATES else _construction(text, tokens, i)
        if kind is None:
            continue
        stance = predicate_stance(text, Span(clause.start, end), base or word)
        if stance is None or stance.start != start or stance.modality not in (None, "future", "denial"):
            continue
        first = _phrase_start(tokens, i, kind)
        last = end
        if kind == "antonym" and not _be_before(tokens, i) and i + 1 < len(tokens):
            last = tokens[_head_after(tokens, i)][1]  # "an unsigned planning draft"
        elif i + 2 < len(tokens) and tokens[i + 1][2] == "by":
            last = _agent_end(text, tokens, i + 2)
        form, subject = _form(tokens, i, kind), _subject(tokens, i, kind)
        found.append(Stance(first, last, _predicate(base or word), stance.negated, form, subject))
    for match in _INTENTION.finditer(text, clause.start, clause.end):
        found.append(Stance(match.start(), match.end(), _predicate(match.group(1).lower()), True, "no decision", None))
    return found


def _agent_end(text: str, tokens: list[tuple[int, int, str]], first: int) -> int:
    """Where "by ..." ends: at the next punctuation or "rather"/"and", four words at most."""
    last = tokens[first][1]
    for start, end, word in tokens[first + 1 : first + 4]:
        if word in ("rather", "and", "but", "than") or re.search(r"[,;.:]", text[last:start]):
            break
        last = end
    return last


def _form(tokens: list[tuple[int, int, str]], i: int, kind: str) -> str:
    """How the stance is phrased: the antonym itself, the negation before it, or ""."""
    if kind == "antonym":
        return normalise_word(tokens[i][2])
    negators = [w for _, _, w in tokens[max(0, i - 5) : i] if w in _NEGATORS or w.endswith("n't")]
    return ("n't" if negators[-1].endswith("n't") else negators[-1]) if negators else ""


def _predicate(word: str) -> str:
    base = stem(word)
    return SYNONYMS.get(base, base)


def _construction(text: str, tokens: list[tuple[int, int, str]], i: int) -> str | None:
    """"be" for passive/copula/progressive (also elliptic: "a draft, never signed"), "will" for
    a future, "after" for a participle after its noun; None for anything else (including "to
    close" and "has seen it")."""
    word = tokens[i][2]
    if word in _NOT_PREDICATES or word in _BE or len(word) < 4:
        return None
    if word.endswith(("ed", "en")) and i >= 1 and tokens[i - 1][2] in _NEGATORS:
        if i == 1 or "," in text[tokens[i - 2][1] : tokens[i - 1][0]]:
            return "be"
    j = _skip_back(tokens, i - 1, _SKIP)
    if j < 0:
        return None
    before = tokens[j][2]
    if before in _BE and word.endswith(("ed", "en", "ing")):
        return "be"
    if before in _WILL and not word.endswith(("ed", "ly")):
        return "will"
    if word.endswith("ed") and i + 1 < len(tokens) and tokens[i + 1][2] == "by":
        return "after" if j == i - 1 and before not in _DETERMINERS else None
    return None


def _skip_back(tokens: list[tuple[int, int, str]], j: int, words: frozenset[str]) -> int:
    while j >= 0 and tokens[j][2] in words:
        j -= 1
    return j


def _phrase_start(tokens: list[tuple[int, int, str]], i: int, kind: str) -> int:
    """Where the phrase stating the stance starts: at the subject when it stands right before
    "be"/"will" ("the notice was unsigned"), at the noun before a participle ("a letter
    signed by"), else at the predicate itself."""
    if kind == "after":
        return tokens[i - 1][0]
    j = _skip_back(tokens, i - 1, _VERB_GROUP)
    if j < 0 or j == i - 1:
        return tokens[i][0]
    return tokens[j - 1][0] if j >= 1 and tokens[j - 1][2] in _DETERMINERS else tokens[j][0]


def _subject(tokens: list[tuple[int, int, str]], i: int, kind: str) -> str | None:
    """The head word of what the predicate is said of; None for a pronoun or when unknown."""
    if kind == "after":
        return _noun(tokens[i - 1][2])
    if kind == "antonym" and not _be_before(tokens, i):
        return _noun(tokens[_head_after(tokens, i)][2]) if i + 1 < len(tokens) else None
    j = _skip_back(tokens, i - 1, _VERB_GROUP)
    return _noun(tokens[j][2]) if j >= 0 and j >= i - 5 and j < i - 1 else None


def _head_after(tokens: list[tuple[int, int, str]], i: int) -> int:
    """Where the noun an attributive word modifies is: "non-binding motion by" -> motion,
    "unsigned planning draft discussing" -> draft. There must be a token after ``i``."""
    if i + 2 < len(tokens):
        following = tokens[i + 2][2]
        if following not in STOPWORDS and not following.endswith(("ing", "ed", "ly")):
            return i + 2
    return i + 1


def _be_before(tokens: list[tuple[int, int, str]], i: int) -> bool:
    return any(w in _BE for _, _, w in tokens[max(0, i - 3) : i])


def _noun(word: str) -> str | None:
    return None if word in _PRONOUNS else stem(normalise_word(word))
