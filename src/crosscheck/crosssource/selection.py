"""Which claims a reader sees: every corroborated and disputed claim, then the single-source
claims that say most, up to a length a person reads (about two per article, 25 claims at most
for a five-article story).

A story's articles hold dozens of single-source statements: background, colour, a resident's
aside. The ones worth listing name things, count or date them, and are carried by several
articles; fragments, first-person asides and questions are not claims a reader checks, nor
are a reporter's scene (a person and place no other article names), an unanswered call, or a
one-article sentence whose subject is a pronoun with nothing named or counted to check.
"""

from __future__ import annotations

import math
import re

from crosscheck.crosssource.claims import SINGLE_SOURCE, Claim
from crosscheck.crosssource.statements import Statement
from crosscheck.language.reporting import NO_COMMENT

_FIRST_PERSON = re.compile(r"\b(?:I|I['’]m|I['’]ve|I['’]d|I['’]ll|my|me|mine)\b")
_HEDGE = re.compile(r"\b(?:could|might|may|likely|appears?|seems?|perhaps|possibly|risky)\b", re.I)
_YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b")
_WHEN = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
    r"June|July|August|September|October|November|December|yesterday|today|tonight)\b"
)
# Lower-case openings that still start a whole clause ("it is roughly 40 centimetres long").
_SUBJECT_START = re.compile(r"(?:it|he|she|they|we|there|this|these|those|the|a|an|its|his|her|their)\b")
# A single-source claim carries something to check: a number (2), a date (1.5), or a
# weekday with named people; a sentence scoring less is a transition or an aside.
_MIN_SCORE = 1.5
SINGLE_PER_ARTICLE = 2
# A clause cut from its sentence: it opens (in lower case) with a joining word, a preposition,
# a participle or a time phrase ("as requested by ...", "authenticated by ...", "a day after
# the vote ..."); "officials said ..." still has its subject.
_CUT_OPENING = re.compile(
    r"(?:a|one|two|three)\s+(?:days?|weeks?|months?|years?|hours?)\s+(?:after|before|later|earlier)\b", re.I
)
_CUT_WORD = re.compile(
    r"(?:as|after|before|since|while|whereas|although|though|because|if|unless|until|when|by|for|from|in|on|at|"
    r"with|without|to|of|than|despite|during|amid|and|but|or|nor|so|[a-z]+ed\s+by|saying|adding|announcing|according|"
    r"including|citing|noting|warning|making|leaving|following|prompting|forcing)\b"
)
# "This is a mistake": a demonstrative subject whose referent is in another sentence.
_BARE_DEMONSTRATIVE = re.compile(r"(?:this|that|it|these|those)\s+(?:is|was|are|were|['’]s)\b", re.I)
# A subject pronoun after an optional opening phrase ("By Tuesday, his own board had ...").
_PRONOUN_SUBJECT = re.compile(r"(?:[^,]{0,25},\s*)?(?:he|she|it|they|his|her|its|their|this|that|these|those)\b", re.I)
# Share of a statement's words and names other articles use, under which a statement naming
# someone or somewhere no other article names is the reporter's scene, not the story.
_TOPICAL = 0.5


def readable_claims(claims: list[Claim], articles: int, max_claims: int = 35) -> list[Claim]:
    """Corroborated and disputed claims, then the best single-source ones, at most
    ``min(max_claims, max(15, 5 x articles))`` in all and at most ``SINGLE_PER_ARTICLE``
    single-source claims per article (at least 5): a reader checks a few meaningful claims,
    not every sentence one source told. Single-source claims that score below ``_MIN_SCORE``
    or are no claim (``not_a_claim``) are left out even when there is room."""
    limit = min(max_claims, max(15, 5 * articles))
    checked = [c for c in claims if c.status != SINGLE_SOURCE]
    checked.sort(key=lambda c: (-c.independent, -len(c.docs)))
    vocabulary = _Vocabulary(claims)
    single = sorted(
        (
            (-claim_score(c), _best(c).text, i, c)
            for i, c in enumerate(claims)
            if c.status == SINGLE_SOURCE and not not_a_claim(_best(c), len(c.docs), vocabulary)
        ),
        key=lambda item: item[:3],
    )
    kept = checked[:limit]
    room = min(limit - len(kept), max(5, SINGLE_PER_ARTICLE * articles))
    # ties go by text, so the same claims are kept in any article order
    kept += [c for score, _, _, c in single if -score >= _MIN_SCORE][: max(0, room)]
    chosen = {id(c) for c in kept}
    return [c for c in claims if id(c) in chosen]


def _best(claim: Claim) -> Statement:
    return max(claim.statements, key=statement_score)


class _Vocabulary:
    """The words and names each article uses, to tell what other articles also speak of."""

    def __init__(self, claims: list[Claim]) -> None:
        self.docs: dict[str, set[int]] = {}
        for claim in claims:
            for s in claim.statements:
                for term in _terms(s):
                    self.docs.setdefault(term, set()).add(s.doc)

    def elsewhere(self, statement: Statement) -> set[str]:
        """The statement's words and names some other article uses too."""
        return {t for t in _terms(statement) if self.docs.get(t, set()) - {statement.doc}}


def _terms(statement: Statement) -> set[str]:
    names = set(statement.entities) | ({statement.speaker} if statement.person and statement.speaker else set())
    return set(statement.stems) | {"=" + n for n in names}


def is_fragment(text: str) -> bool:
    """A clause with no subject of its own ("as requested by ...", "a day after the vote ...")
    or a bare demonstrative whose referent is elsewhere ("This is a mistake")."""
    text = text.strip(" \"'“”‘’([")
    if text[:1].islower() and _CUT_WORD.match(text):
        return True
    if _CUT_OPENING.match(text):
        return True
    bare = _BARE_DEMONSTRATIVE.match(text)
    return bool(bare and len(_content_words_after(text, bare.end())) <= 2)


def _content_words_after(text: str, start: int) -> list[str]:
    return [w for w in re.findall(r"[A-Za-z]{3,}", text[start:]) if w.lower() not in _LIGHT]


_LIGHT = frozenset("the and but not all very just only also been being have has had was were are".split())


def not_a_claim(statement: Statement, articles: int, vocabulary: _Vocabulary) -> bool:
    """A single-source statement that is no claim a reader checks: a fragment, an unanswered
    call, a one-article sentence about "his own board" naming and counting nothing, or a
    scene around someone no other article names."""
    text = statement.text
    if is_fragment(text) or NO_COMMENT.search(text):
        return True
    if articles == 1 and not statement.numbers and not statement.entities and _PRONOUN_SUBJECT.match(text):
        return True
    names = {t for t in _terms(statement) if t.startswith("=")}
    shared = vocabulary.elsewhere(statement)
    if names - shared:
        return len(shared) < _TOPICAL * len(_terms(statement))
    return False


def claim_score(claim: Claim) -> float:
    """How much a single-source claim tells a reader: its best statement's score, plus the
    number of articles carrying it (log scale)."""
    best = max(statement_score(s) for s in claim.statements)
    return best + 1.5 * math.log2(len(claim.docs))


def statement_score(statement: Statement) -> float:
    """Counts, dates and named things add; fragments, first-person asides, questions and
    hedges take away."""
    text = statement.text
    score = 2.0 if statement.numbers else 0.0
    score += 1.5 if statement.dates or _YEAR.search(text) else 0.5 if _WHEN.search(text) else 0.0
    score += 0.5 * min(3, len(statement.entities))
    score += 0.5 if statement.person else 0.0
    if len(statement.stems) < 4:
        score -= 2
    elif len(statement.stems) > 35:
        score -= 1
    if text[:1].islower() and not _SUBJECT_START.match(text):
        score -= 1.5
    if _FIRST_PERSON.search(text):
        score -= 2
    if text.rstrip(" \"'”’").endswith("?"):
        score -= 3
    if _HEDGE.search(text):
        score -= 0.5
    return score
