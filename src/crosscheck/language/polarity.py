"""Negation and modality of clauses, and the polarity of one predicate in a clause.

"The letter was signed", "it was unsigned" and "it wasn't actually signed" share the predicate
"sign" with opposite polarity; "binding" and "non-binding" likewise. Cues are found by one
scan of the text: negations (not, n't, no, never, nor, without, failed to), antonymous forms
(unsigned, non-binding, inaccurate, unconfirmed), hedges (may, appeared to, reportedly),
conditionals (if, unless), denials (denied, dismissed, rejected, refuted), future (will,
is going to) and questions. For one predicate, a negation or hedge reaches forward inside its
clause up to a punctuation mark; a denial also reaches into the clause it governs ("Esper
denied Washington had decided to withdraw"). Scopes are heuristics, not parses.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from crosscheck.language.patterns import after_break_branches
from crosscheck.model import Polarity, Span

NEGATION, ANTONYM, DENIAL, HEDGE, CONDITIONAL, FUTURE = "negation", "antonym", "denial", "hedge", "conditional", "future"
# When a clause has several modal cues, the first of these names its modality.
_PRECEDENCE = (CONDITIONAL, DENIAL, HEDGE, FUTURE)

# Cue patterns, each starting with a lower-case letter, by kind.
_CUES = {
    NEGATION: [
        r"not(?!\s+(?:only|just|least|to\s+mention)\b)", r"never(?!\s+mind\b)", r"no(?!\s+(?:doubt|matter|sooner)\b)(?!-)",
        r"nor", r"neither", r"none", r"nobody", r"nothing(?!\s+but\b)", r"nowhere", r"cannot", r"without",
        r"fail(?:s|ed|ing)?\s+to", r"refus(?:e|es|ed|ing)\s+to", r"declin(?:e|es|ed|ing)\s+to",
    ],
    DENIAL: [
        r"den(?:y|ies|ied|ying|ial)", r"dismiss(?:es|ed|ing)?", r"reject(?:s|ed|ing)?", r"refut(?:e|es|ed|ing)",
        r"rebut(?:s|ted|ting)?", r"downplay(?:s|ed|ing)?", r"play(?:s|ed|ing)?\s+down",
    ],
    HEDGE: [
        r"may", r"might", r"could", r"appear(?:s|ed)?\s+to", r"seem(?:s|ed)?\s+to", r"reportedly", r"allegedly", r"apparently",
        r"likely", r"unlikely", r"probably", r"possibly", r"perhaps", r"maybe", r"potentially", r"purportedly",
        r"presumably", r"it\s+(?:appears|seems)",
        *(rf"{be}\s+(?:said|believed|thought|reported|understood)\s+to" for be in ("is", "are", "was", "were")),
        r"suggest(?:s|ed|ing)?", r"whether",
    ],
    CONDITIONAL: [r"if", r"unless", r"provided\s+that", r"as\s+long\s+as", r"in\s+case"],
    FUTURE: [r"will", r"shall", r"would", r"going\s+to", r"gonna"],
}
_KIND_OF_FIRST_WORD = {
    "not": NEGATION, "never": NEGATION, "no": NEGATION, "nor": NEGATION, "neither": NEGATION,
    "none": NEGATION, "nobody": NEGATION, "nothing": NEGATION, "nowhere": NEGATION, "cannot": NEGATION,
    "without": NEGATION, "if": CONDITIONAL, "unless": CONDITIONAL, "provided": CONDITIONAL,
    "as": CONDITIONAL, "in": CONDITIONAL, "it": HEDGE, "is": HEDGE, "are": HEDGE, "was": HEDGE,
    "were": HEDGE, "whether": HEDGE, "will": FUTURE, "shall": FUTURE, "would": FUTURE, "going": FUTURE,
    "gonna": FUTURE,
}
# Words that mean "not X": the base they negate.
ANTONYMS = {
    "unclear": "clear", "unknown": "known", "unaware": "aware", "unable": "able", "untrue": "true",
    "unfounded": "founded", "unlikely": "likely", "unsure": "sure", "unofficial": "official",
    "unacceptable": "acceptable", "unconstitutional": "constitutional", "unlawful": "lawful",
    "unwilling": "willing", "unsuccessful": "successful", "unnecessary": "necessary", "unfair": "fair",
    "unsafe": "safe", "unpopular": "popular", "unstable": "stable", "unreliable": "reliable",
    "inaccurate": "accurate", "incorrect": "correct", "invalid": "valid", "illegal": "legal",
    "illegitimate": "legitimate", "impossible": "possible", "improbable": "probable",
    "incomplete": "complete", "inconclusive": "conclusive", "insufficient": "sufficient",
    "ineffective": "effective", "irrelevant": "relevant", "inconsistent": "consistent",
    "dishonest": "honest", "disagree": "agree", "disagreed": "agreed", "disapprove": "approve",
    "disapproved": "approved", "disproved": "proved", "disproven": "proven",
}
# "un...ed" words that do not mean "not ...ed".
_NOT_ANTONYMS = frozenset(
    """united unveiled unleashed unraveled unravelled unearthed unfolded unnerved unsettled
    unmasked unloaded unlocked unwrapped unpacked unbuttoned undermined underscored""".split()
)
# Endings of the adjectives and participles an unhyphenated "non" negates ("nonbinding",
# "nonpartisan", "nonviolent"), so "nonetheless" and "nonsense" are left alone.
_ADJECTIVE_END = re.compile(r"(?:ing|ed|al|ive|able|ible|ent|ant|ary|ic|ous|an)$")
# "it's unsigned" is a copula; "parliament's non-binding vote" a possessive: 's only after a pronoun.
_COPULA_BEFORE = re.compile(
    r"\b(?:is|was|were|are|be|been|being|remains?|remained|seems?|seemed|appears?|appeared|became|becomes?|(?:it|he|she|that|this|there|here|what|who)['’]s)"
    r"(?:\s+(?:still|actually|really|also|largely|completely|entirely|totally|apparently|now|then|officially))?\s+$",
    re.I,
)
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_DETERMINERS = frozenset("a an the this that its his her their our my your any no every each".split())
# Punctuation that ends the reach of a negation, denial or hedge over a later predicate.
_SCOPE_END = re.compile(r"[,;:!?\"“”—]|\.\s")
_CONDITIONAL_OPEN = re.compile(
    r"[\s\"'“‘(,]*(?:even\s+|only\s+)?(?:if|unless|provided\s+that|as\s+long\s+as|in\s+case)\b", re.I
)
_IRREGULAR = {
    "left": "leave", "withdrew": "withdraw", "withdrawn": "withdraw", "went": "go", "gone": "go",
    "took": "take", "taken": "take", "made": "make", "said": "say", "wrote": "write", "written": "write",
    "sent": "send", "came": "come", "began": "begin", "begun": "begin", "held": "hold", "told": "tell",
    "met": "meet", "paid": "pay", "won": "win", "lost": "lose", "kept": "keep", "brought": "bring",
    "bound": "bind", "gave": "give", "given": "give", "ran": "run",
}


# Run on lower-cased text, cue words with a space put in front (see ``after_break_branches``);
# n't and 'll attach to the word before them, so they are found by a scan of their own. Cue
# words hold only letters, spaces and hyphens, so the two scans never find overlapping cues.
_CUE_WORD = re.compile(
    after_break_branches(
        [f for kind in _CUES.values() for f in kind] + [r"non-?[a-z]{3,}", r"un(?!der)[a-z]{2,}ed", *ANTONYMS], r"\b"
    )
)
# Matched from the apostrophe (a rare character, where "n" is a common one): n't opens one
# character before its match.
_CUE_CLITIC = re.compile(r"['’](?:(?<=n['’])t|ll)\b")
# Every branch opens with a literal character, so ``re`` skips the letters between them. A
# space is the commonest of them: one look-ahead for the first letters of the words that may
# follow it turns most spaces away before the costlier tests (and "if" is tested before the
# look-behind for "as ").
_CLAUSE_BREAK = re.compile(
    r";|:|—|―|,(?:[”\"’']? (?=[“\"‘']|(?:and|but|or|nor|yet|so|while|whereas|although|though|because|since|as|if|"
    r"unless|which|who|whom|whose|where|when|after|before|until|it|he|she|they|we|i|you|there|this|these|those|"
    r"our|my|your|his|her|its|their)\b)|[”\"’'] )"
    r"| (?=[abituw–-])(?:(?=(?:but|whereas|although|though|because|unless|whether)\b)|(?=if\b)(?<!\bas )|[–-]{1,2} )"
)


def clauses(text: str, span: Span) -> list[Span]:
    """The clauses of a sentence: cut at ; : dashes, before but/if/unless/because/whether, and
    at a comma that opens a new clause or closes a quotation."""
    lower = _lower(text[span.start : span.end])
    breaks = [(m.start() + span.start, m.end() + span.start) for m in _CLAUSE_BREAK.finditer(lower)]
    return [Span(start, end) for start, end in _split(text, span.start, span.end, breaks)]


def _split(text: str, start: int, stop: int, breaks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of the clauses of the span start..stop, cut at ``breaks``."""
    pieces: list[tuple[int, int]] = []
    first = start
    for begin, end in breaks:
        if begin > start:
            _after_condition(text, start, begin, pieces)
        start = max(start, end)
    if start < stop:
        _after_condition(text, start, stop, pieces)
    return pieces or [(first, stop)]


def _after_condition(text: str, start: int, end: int, pieces: list[tuple[int, int]]) -> None:
    """Add the clause start..end to ``pieces``, cut after an opening condition: "If the U.S.
    pulls out, our allies will ...": the condition ends at its first comma."""
    if text[start : start + 1] in "IiUu\"'“‘ (" and _CONDITIONAL_OPEN.match(text, start, end):
        comma = text.find(", ", start, end)
        if comma > 0:
            pieces += ((start, comma), (comma + 2, end))
            return
    pieces.append((start, end))


def find_polarity(text: str, sentences: list[Span]) -> list[Polarity]:
    """Negation and modality of every clause of every sentence, in order."""
    lower = _lower(text)
    cues = _cues(text, lower, 0, len(text))
    cue_starts = [c[0] for c in cues]
    breaks = [m.span() for m in _CLAUSE_BREAK.finditer(lower)]
    break_starts = [b[0] for b in breaks]
    found: list[Polarity] = []
    for sentence in sentences:
        first, stop = sentence.start, sentence.end
        inside = breaks[bisect_left(break_starts, first) : bisect_left(break_starts, stop)]
        question = _question(text, sentence)
        for start, end in _split(text, first, stop, inside):
            low, high = bisect_left(cue_starts, start), bisect_right(cue_starts, end - 1)
            if low == high and not question:
                found.append(Polarity(start, end))
            else:
                found.append(_judge(text, start, end, cues[low:high], question))
    return found


def clause_polarity(text: str, span: Span) -> Polarity:
    """Negation and modality of one clause (a span of ``text``)."""
    return _judge(text, span.start, span.end, _span_cues(text, span.start, span.end), _question(text, span))


def predicate_polarity(text: str, clause: Span, word: str) -> bool | None:
    """True when the clause asserts the predicate ("the letter was signed"), False when it
    negates or denies it ("unsigned", "wasn't signed", "denied it was signed"), None when the
    predicate is not in the clause. ``word`` may be any form: "sign", "signed", "binding"."""
    stance = predicate_stance(text, clause, word)
    return None if stance is None else not stance.negated


def predicate_stance(text: str, span: Span, word: str) -> Polarity | None:
    """Polarity of the first occurrence of a predicate in a span (a clause or a sentence): its
    own span, whether it is negated, the modality that governs it, and the deciding cues."""
    target = stem(word)
    for match in _WORD.finditer(text, span.start, span.end):
        token = match.group().lower()
        base = antonym_base(token)
        if stem(base or token) != target or _noun_use(text, match.start(), token):
            continue
        cues: list[Span] = [Span(match.start(), match.end())] if base is not None else []
        negation = denial = False
        inner = next((c for c in clauses(text, span) if c.start <= match.start() < c.end), span)
        modality = None
        for start, end, kind in _span_cues(text, span.start, match.start()):
            if start < inner.start and kind != DENIAL or kind == ANTONYM:
                continue
            if _SCOPE_END.search(text, end, match.start()):
                continue  # "no decision, Esper said, adding ... a letter signed": out of reach
            if kind == DENIAL:
                denial, modality = True, DENIAL
            elif kind == NEGATION:
                negation = True
            else:
                modality = _stronger(modality, kind)
            cues.append(Span(start, end))
        if _conditional_nearby(text, span) and modality != DENIAL:
            modality = CONDITIONAL
        for start, end, _ in _question(text, span):
            modality = _stronger(modality, HEDGE)
            cues.append(Span(start, end))
        negated = (base is not None) ^ negation ^ denial  # "not unsigned" is signed
        return Polarity(match.start(), match.end(), negated, modality, tuple(cues))
    return None


def _noun_use(text: str, start: int, token: str) -> bool:
    """"a sign", "the leave": a bare form after a determiner is a noun, not the predicate."""
    if token.endswith(("ed", "ing", "en")):
        return False
    before = text[max(0, start - 8) : start].lower().split()
    return bool(before) and before[-1] in _DETERMINERS


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude verb/adjective stem: "signed", "signing", "signs" -> "sign"; "leaving" -> "leav"."""
    word = word.lower().replace("’", "'")
    if word.endswith("n't"):
        word = word[:-3]
    word = _IRREGULAR.get(word, word)
    for suffix in ("ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiousl":
        word = word[:-1]
    return word.rstrip("e")


@lru_cache(maxsize=65536)
def antonym_base(word: str) -> str | None:
    """The word an antonymous form negates: "unsigned" -> "signed", "non-binding" -> "binding"."""
    word = word.lower()
    if word in ANTONYMS:
        return ANTONYMS[word]
    if word.startswith("non") and len(word) > 6:
        base = word[4:] if word[3] == "-" else word[3:]
        return base if word[3] == "-" or _ADJECTIVE_END.search(base) else None
    if word.startswith("un") and word.endswith("ed") and len(word) > 6 and word not in _NOT_ANTONYMS:
        return word[2:] if not word.startswith(("under", "uni")) else None
    return None


def _lower(text: str) -> str:
    """Lower case with offsets kept (a few characters grow when lower-cased: "İ")."""
    lower = text.lower()
    return lower if len(lower) == len(text) else "".join(ch.lower()[0] for ch in text)


def _span_cues(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    piece = text[start:end]
    return [(s + start, e + start, kind) for s, e, kind in _cues(piece, _lower(piece), 0, len(piece))]


def _cues(text: str, lower: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every cue between start and end; ``lower`` is ``text`` lower-cased."""
    found = []
    for cue_start, cue_end, cue in _cue_matches(lower, start, end):
        if cue[0] in "'’":
            found.append((cue_start, cue_end, FUTURE))
        elif cue[0] == "n" and cue[1:2] in ("'", "’"):
            found.append((cue_start, cue_end, NEGATION))
            if lower[cue_start - 2 : cue_start] == "wo":
                found.append((cue_start - 2, cue_start, FUTURE))
        elif cue != "unlikely" and antonym_base(cue) is not None:
            if not _proper_name(text, cue_start):
                found.append((cue_start, cue_end, ANTONYM))
        elif _PREFIXED.fullmatch(cue):
            continue  # "united", "nonetheless": a prefix that negates nothing
        elif cue == "may" and text[cue_start] == "M" and not _sentence_start(text, cue_start):
            continue  # the month
        else:
            found.append((cue_start, cue_end, _kind(cue)))
    return found


def _cue_matches(lower: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, words) of the cue words and clitics between start and end, in text order."""
    found: list[tuple[int, int, str]] = []
    for match in _CUE_CLITIC.finditer(lower, start, end):
        cue_start = match.start() - 1 if match.group()[1] == "t" else match.start()
        if cue_start >= start:
            found.append((cue_start, match.end(), lower[cue_start : match.end()]))
    # Offset i + 1 of the padded text is offset i of ``lower``; a match opens with the
    # character before its cue.
    words = _CUE_WORD.finditer(" " + lower, start, end + 1)
    found += [(m.start(), m.end() - 1, m.group()[1:]) for m in words]
    found.sort()
    return found


_PREFIXED = re.compile(r"non-?[a-z]{3,}|un[a-z]{2,}ed")


def _proper_name(text: str, start: int) -> bool:
    """A capitalised word inside a sentence is a name ("the Unaligned Movement"), not an antonym."""
    return text[start].isupper() and not _sentence_start(text, start)


@lru_cache(maxsize=4096)
def _kind(cue: str) -> str:
    first = cue.split()[0]
    if first in _KIND_OF_FIRST_WORD:
        return _KIND_OF_FIRST_WORD[first]
    for kind, patterns in _CUES.items():
        if any(re.fullmatch(p, cue) for p in patterns):
            return kind
    return HEDGE


def _judge(text: str, first: int, last: int, cues: list[tuple[int, int, str]], question: list[tuple[int, int, str]]) -> Polarity:
    """Polarity of the clause first..last from its cues; ``question`` is the "?" of its
    sentence, if any."""
    negated = False
    modality: str | None = None
    spans: list[Span] = []
    for start, end, kind in [*(c for c in cues if c[1] <= last), *question]:
        if kind == NEGATION:
            negated = True
        elif kind == ANTONYM:
            if not _COPULA_BEFORE.search(text, max(first, start - 30), start):
                continue
            negated = True
        elif kind == CONDITIONAL and not _opens(text, first, last, end):
            continue
        else:
            modality = _stronger(modality, kind)
        spans.append(Span(start, end))
    return Polarity(first, last, negated, modality, tuple(spans))


def _question(text: str, span: Span) -> list[tuple[int, int, str]]:
    """A question asserts nothing: its "?" is a hedge cue for every clause of the sentence."""
    end = span.end
    while end > span.start and text[end - 1] in " \"'”’)":
        end -= 1
    return [(end - 1, end, HEDGE)] if end > span.start and text[end - 1] == "?" else []


def _opens(text: str, first: int, last: int, end: int) -> bool:
    """A conditional word counts for the clause first..last it opens ("if the U.S. pulls out")."""
    match = _CONDITIONAL_OPEN.match(text, first, last)
    return match is not None and match.end() == end


def _conditional_nearby(text: str, span: Span) -> bool:
    """Whether a clause of the span opens with a conditional ("unless they pay us back")."""
    return any(_CONDITIONAL_OPEN.match(text, c.start, c.end) for c in clauses(text, span))


def _stronger(current: str | None, new: str) -> str:
    if current is None:
        return new
    return current if _PRECEDENCE.index(current) <= _PRECEDENCE.index(new) else new


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?:;\n"
