"""Verb cues: "X said (that) ...", inverted "..., said X" and "..., X said", and "X, adding that ...".

A verb's tier (see ``lexicon``) decides how much context it needs; the shape around it decides
where source and content are. A participle or infinitive cue ("..., adding that", "rose to
defend") speaks for the subject of its clause.
"""

from __future__ import annotations

from crosscheck.language.attributions import clauses, subjects
from crosscheck.language.attributions.frame import (
    CLOSERS,
    CONNECTIVES,
    Frame,
    clause_content,
    content_before,
    next_sentence_content,
    resume_quote,
)
from crosscheck.language.attributions.lexicon import (
    ADDRESSEE_VERBS,
    CLAUSE_BOUNDARIES,
    DETERMINERS,
    INTENTION_VERBS,
    MEDIA,
    MODALS,
    NOUN_LIKE,
    PREPOSITIONS,
    SUBJECT_PRONOUNS,
    TIME_WORDS,
    TITLES,
    VERB_MODIFIERS,
    VERBS,
    VerbEntry,
)
from crosscheck.language.attributions.tokens import Tokens
from crosscheck.model import Span

_AFTER_INVERTED = frozenset({".", "!", "?", ",", ";", ")", "-", "—", "–"})
_SUBORDINATORS = frozenset({"when", "as", "while", "if", "after", "before", "because", "since", "although"})
_PROGRESSIVE = frozenset({"is", "was", "are", "were", "been", "be", "'s", "’s", "'re", "’re"})
_NUMBERS = frozenset("one two three four five six seven eight nine ten former".split())
_NO_CONTENT = frozenset({".", "!", "?", ";", ")", "by", "as", "in", "up", "out", "at", "with"})
_FIRST_PERSON = frozenset({"i", "we", "you", "me", "us"})
_MANNER_WORDS = frozenset({"more", "less", "most", "so", "too", "very", "differently"})


def verb_frame(
    tokens: Tokens, index: int, first: int, stop: int, earlier: list[Frame], entry: VerbEntry | None = None
) -> Frame | None:
    """The frame of the verb at ``index`` if it is a cue here; ``earlier`` frames of its sentence.

    ``entry`` overrides the lexicon: the cue model asks what frame any word would have as a
    tier-1 verb, and judges the frame itself.
    """
    entry = entry or VERBS[tokens.lowers[index]]
    cue_last, tier = _with_particle(tokens, index, stop, entry)
    if tier == 0:
        return None
    return _verb_frame(tokens, index, entry, cue_last, tier, first, stop, earlier)


def _with_particle(tokens: Tokens, index: int, stop: int, entry: VerbEntry) -> tuple[int, int]:
    """The cue's last token and tier, taking in a particle or fixed phrase ("pointed out")."""
    lowers = tokens.lowers
    for particle, tier in entry.particles.items():
        end = index + len(particle)
        if end < stop and tuple(lowers[index + 1 : end + 1]) == particle:
            return _with_medium(tokens, end, stop), tier
    return _with_medium(tokens, index, stop), entry.tier


def _with_medium(tokens: Tokens, last: int, stop: int) -> int:
    """"said in a statement", "told in an interview": the medium belongs to the cue."""
    lowers = tokens.lowers
    if last + 2 < stop and lowers[last + 1] == "in":
        for index in range(last + 2, min(stop, last + 7)):
            if lowers[index] in MEDIA:
                return index
            if not tokens.words[index][0].isalpha():
                break
    return last


def _verb_frame(
    tokens: Tokens,
    index: int,
    entry: VerbEntry,
    cue_last: int,
    tier: int,
    first: int,
    stop: int,
    earlier: list[Frame],
) -> Frame | None:
    lowers, words = tokens.lowers, tokens.words
    if words[index][0].isupper() and index > first and not tokens.quote_marks[index - 1]:
        if not tokens.is_headline(tokens.sentence_of[index]):
            return None  # a name or title ("Mr. Said", "The Post"), unless in a title-case headline
    if _names_something(tokens, entry.lemma, index, first, stop):
        return None
    cue_first, sentence = index, tokens.sentence_of[index]
    while cue_first > first and lowers[cue_first - 1] in VERB_MODIFIERS and not tokens.quoted[cue_first - 1]:
        # "A group called Harbour First said": a capital inside prose ends a name, not "first said".
        if cue_first - 1 > first and words[cue_first - 1][0].isupper() and not tokens.is_headline(sentence):
            break
        cue_first -= 1
    if cue_first == index and not clauses.is_verb_use(tokens, index, first, entry.lemma in NOUN_LIKE):
        return None
    cue = (cue_first, cue_last)
    before, after = cue_first - 1, cue_last + 1
    is_participle = lowers[index].endswith("ing")
    if before >= first and lowers[before] == "to":
        # "rose to defend the plan", "declined to say whether": the main clause's subject speaks.
        if tier != 1 or cue_first != index:
            return None
        source = _earlier_source(earlier) or subjects.sentence_subject(tokens, first, before)
        return _content_after(tokens, entry.lemma, (before, cue_last), after, stop, source, "infinitive")
    if is_participle and before >= first and lowers[before] in (",", "by", "while", "after"):
        # "..., adding that ...": the clause's subject, or the previous cue's source, speaks.
        source = _earlier_source(earlier) or subjects.sentence_subject(tokens, first, before)
        if tier >= 2 and not _accept_weak(tokens, source, after, stop, tier):
            return None
        return _content_after(tokens, entry.lemma, cue, after, stop, source, "participle")

    source = subjects.subject_before(tokens, before, first) if before >= first else None
    if not is_participle:
        inverted = _speaker_after(tokens, cue, first, stop)
        inverted = inverted or _inverted_before(tokens, entry, cue, source, first, stop)
        if inverted is not None:
            return inverted if tier == 1 or tokens.quotes.ending_at(inverted.content.end) else None
    if source is None and before >= first and lowers[before] in ("and", "but"):
        source = _earlier_source(earlier) or subjects.sentence_subject(tokens, first, before)
    if tier >= 2:
        group = lowers[cue_first:index]
        if any(word in MODALS for word in group):
            return None
        if is_participle and not any(word in _PROGRESSIVE for word in group):
            return None
        if not _accept_weak(tokens, source, after, stop, tier):
            return None
    return _content_after(tokens, entry.lemma, cue, after, stop, source, "normal")


def _speaker_after(tokens: Tokens, cue: tuple[int, int], first: int, stop: int) -> Frame | None:
    """"..., said Ana Reyes." / "“...,” said the official.": content before, speaker after."""
    lowers = tokens.lowers
    before, after = cue[0] - 1, cue[1] + 1
    if before < first or after >= stop or not _ends_content(tokens, before):
        return None
    if not (lowers[before] in CLOSERS or _starts_speaker(tokens, after, stop)):
        return None
    if lowers[after] in ("that", ":") or _subject_with_aside(tokens, before, first):
        return None
    content = content_before(tokens, before, first)
    source = subjects.noun_phrase_after(tokens, after, stop)
    if content is None or source is None:
        return None
    return Frame(cue, resume_quote(tokens, source[1], stop, content), source, "inverted")


def _inverted_before(
    tokens: Tokens,
    entry: VerbEntry,
    cue: tuple[int, int],
    source: tuple[int, int] | None,
    first: int,
    stop: int,
) -> Frame | None:
    """"..., Ana Reyes said." / "“...,” she told reporters Tuesday.": content before the speaker.

    "In both cases, Ana Reyes said, the money went to ..." and "The bridge, Reyes said, would
    reopen": a short opening before a tag set off by commas belongs to the content, which runs
    on around the tag (as annotators mark it, 156 of 216 times on PolNeAR dev); a lone
    connective ("But, Reyes said, ...") does not.
    """
    lowers = tokens.lowers
    if source is None or source[0] - 1 < first or lowers[source[0]] in ("who", "which"):
        return None
    boundary = source[0] - 1
    if not _ends_content(tokens, boundary):
        return None
    after = cue[1] + 1
    tail = clauses.skip_addressee(tokens, after, stop) if entry.lemma in ADDRESSEE_VERBS else after
    lenient = lowers[boundary] in CLOSERS and _quote_opens_clause(tokens, boundary, first)
    if not _only_adjuncts(tokens, tail, stop, lenient):
        return None
    if _is_intro(tokens, first, boundary) and tail + 1 < stop and lowers[tail] == ",":
        content = clause_content(tokens, tail + 1, stop)
        if content is None:
            return None
        opening = _opening(tokens, first, boundary)
        if opening is not None:
            content = Span(opening, content.end)
        return Frame(cue, content, source, "normal")
    content = content_before(tokens, boundary, first)
    if content is None:
        return None
    return Frame(cue, resume_quote(tokens, cue[1], stop, content), source, "inverted")


def _content_after(
    tokens: Tokens,
    lemma: str,
    cue: tuple[int, int],
    after: int,
    stop: int,
    source: tuple[int, int] | None,
    order: str,
) -> Frame | None:
    """The frame whose content follows the cue, past any addressee and adjuncts."""
    lowers = tokens.lowers
    start = after
    if lemma in ADDRESSEE_VERBS:
        start = clauses.skip_addressee(tokens, start, stop)
        if after < start < stop and lowers[start] in PREPOSITIONS:
            if clauses.skip_adjuncts(tokens, start, stop) == start:
                return None  # "told the Gazette in an interview.": whom and where, but not what
    start = clauses.skip_adjuncts(tokens, start, stop)
    if start < stop and lowers[start] in (":", ","):
        start += 1
    if start >= stop:
        content = next_sentence_content(tokens, cue[1]) if lowers[stop - 1] == ":" else None
        if content is None:
            return None
        return Frame(cue, content, source, "colon")
    content = clause_content(tokens, start, stop)
    if content is None or _only_manner(tokens, start, content):
        return None
    return Frame(cue, content, source, order)


def _only_manner(tokens: Tokens, start: int, content: Span) -> bool:
    """"had put it more bluntly": words about how it was said, not what (for the rules' verb
    frames; a forced clause frame is left to the cue model)."""
    if content.end - content.start > 40:
        return False
    stop = tokens.index_at(content.end)
    return stop - start <= 3 and all(
        lower in _MANNER_WORDS or (lower.endswith("ly") and len(lower) > 4) for lower in tokens.lowers[start:stop]
    )


def _names_something(tokens: Tokens, lemma: str, index: int, first: int, stop: int) -> bool:
    """"a group called Color of Change", "called off the deal": naming or a phrasal verb, not speech."""
    lowers = tokens.lowers
    if lemma not in ("call", "name", "title", "dub"):
        return False
    if index + 1 < stop and lowers[index + 1] in ("off", "into", "in", "up", "back", "after"):
        return True
    if lowers[index - 1] in ("another", "so"):
        return True
    return index - 2 >= first and lowers[index - 2] in ("a", "an", "another")


def _earlier_source(earlier: list[Frame]) -> tuple[int, int] | None:
    """The source of the sentence's previous frame: "X said ..., adding that ..." is X again."""
    return earlier[-1].source if earlier else None


def _accept_weak(tokens: Tokens, source: tuple[int, int] | None, after: int, stop: int, tier: int) -> bool:
    """Weaker cue verbs need a third-party subject and something said after them.

    Tier 3 needs a "that" clause, a colon or a quotation; before "to", only verbs of intention
    count ("wants to", "plans to").
    """
    lowers = tokens.lowers
    if source is None or after >= stop:
        return False
    if source[0] == source[1] and lowers[source[0]] in _FIRST_PERSON:
        return False
    following = lowers[after]
    if following == "to":
        entry = VERBS.get(lowers[after - 1])
        return tier == 2 and entry is not None and entry.lemma in INTENTION_VERBS
    if following in _NO_CONTENT:
        return False
    if tier == 3:
        return following in ("that", ":") or tokens.quote_marks[after]
    return True


def _ends_content(tokens: Tokens, index: int) -> bool:
    """A comma or closing quote mark right before an inverted cue or its speaker."""
    lower = tokens.lowers[index]
    if lower == "—":
        return not tokens.closes_aside(index)  # "The engineer — who ... — said": no content before
    if lower == ",":
        return True
    return lower in CLOSERS and tokens.quotes.ending_at(tokens.ends[index]) is not None


def _starts_speaker(tokens: Tokens, index: int, stop: int) -> bool:
    """Whether an inverted speaker starts here: a name, title or determiner; a pronoun only alone."""
    word, lower = tokens.words[index], tokens.lowers[index]
    if lower in SUBJECT_PRONOUNS:
        return index + 1 >= stop or not tokens.words[index + 1][0].isalnum()
    if lower in TIME_WORDS:
        return False
    return word[0].isupper() or lower in DETERMINERS or lower in TITLES or lower in _NUMBERS


def _subject_with_aside(tokens: Tokens, before: int, first: int) -> bool:
    """"Ana Reyes, a nurse from Dover, said ...": the comma closes an appositive, not content."""
    return tokens.lowers[before] == "," and subjects.opening_subject(tokens, first, before) is not None


def _only_adjuncts(tokens: Tokens, after: int, stop: int, lenient: bool) -> bool:
    """After an inverted cue only adjuncts may follow: "she said Tuesday", "he said in a statement".

    ``lenient`` (the content was a closed quotation) lets any words follow short of a "that".
    """
    lowers = tokens.lowers
    if after >= stop or lowers[after] in _AFTER_INVERTED or tokens.quote_marks[after]:
        return True
    word = lowers[after]
    if word in (":", "that"):
        return False
    adjunct = word in TIME_WORDS or word in PREPOSITIONS or word in VERB_MODIFIERS or word in _SUBORDINATORS
    if not (lenient or adjunct or word.endswith("ly")):
        return False
    for index in range(after, stop):
        lower = lowers[index]
        if lower == "that":
            return False
        if lower in _AFTER_INVERTED or lower in _SUBORDINATORS:
            return True
    return True


def _opening(tokens: Tokens, first: int, boundary: int) -> int | None:
    """Where the sentence's opening before ``boundary`` starts, past opening quote marks; None
    when it is only a connective ("But,", "So,")."""
    start = first
    while start < boundary and tokens.quote_marks[start] and not tokens.quoted[start]:
        start += 1
    if start >= boundary or (boundary - start == 1 and tokens.lowers[start] in CONNECTIVES):
        return None
    return tokens.starts[start]


def _is_intro(tokens: Tokens, first: int, boundary: int) -> bool:
    """A short opening adjunct ("In both cases,", "Six months ago,") rather than reported content."""
    if boundary - first > 6 or tokens.lowers[boundary] != ",":
        return False
    lowers = tokens.lowers
    start = first
    while start < boundary and tokens.quote_marks[start]:
        start += 1
    if start == boundary:
        return True
    if lowers[start] in PREPOSITIONS or lowers[start] in CLAUSE_BOUNDARIES or lowers[start].endswith("ly"):
        return True
    return boundary - start <= 4 and not any(
        lowers[i] in VERBS or lowers[i] in VERB_MODIFIERS or tokens.quote_marks[i]
        for i in range(start, boundary)
    )


def _quote_opens_clause(tokens: Tokens, closing: int, first: int) -> bool:
    """Whether the quotation closing at ``closing`` opens its sentence (it may begin in an earlier one)."""
    quote = tokens.quotes.ending_at(tokens.ends[closing])
    return quote is not None and tokens.index_at(quote.start) <= first
