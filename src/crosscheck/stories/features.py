"""What the story clusterer looks at in one article: its words, its lead, its names and its date.

Plain regular expressions, no model: well under a millisecond per article. Clustering needs
terms that repeat across reports of one event, not typed entities, so the language layer's more
careful (and slower) entity tagger is not used. Three bags of terms come out, each weighed later
by TF-IDF (``tfidf``):

- ``words``: lower-cased content words with a light suffix stemmer ("fires", "fired" -> "fir");
- ``lead``: the same for the title, or for the first sentences when there is no title, since a
  report's lead says what happened;
- ``names``: capitalised names ("reggie bush" and each of its words), numbers with what they
  count ("$108million", "23 pirat"), years and month-day dates: the details that tell two
  similar events apart.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

STOPWORDS = frozenset(
    """a about above according across after again against ago all almost along already also although
    always am among an and another any anyone anything are around as at away back be became because
    become been before behind being below beside besides between beyond both but by came can cannot
    could did do does doing done down during each early either else even ever every few first for
    former from further get gets getting go goes going got had has have having he her here hers
    herself him himself his how however i if in including inside instead into is it its itself just
    last late later latest least less let like made make many may me meanwhile might more most much
    must my near nearly never new news next no nor not now of off often on once one only onto or
    other others our out outside over own per perhaps rather really recent recently reported
    reportedly said same says see seen several she should since so some still such than that the
    their theirs them themselves then there these they this those though three through throughout
    thus to today told too toward towards two under until up upon us very via was we well were what
    whatever when where whether which while who whom whose why will with within without would yet you
    your yesterday tomorrow week weeks day days year years month months time times monday tuesday
    wednesday thursday friday saturday sunday""".split()
)
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
# Capitalised words that are never (part of) a name, though they start sentences and headlines.
_NOT_NAMES = frozenset(MONTHS) | frozenset(
    """a about after against all also although an and another any are as at be because before both
    but by can could did do does during each even every few for from had has have he her here his
    how however i if in into is it its just many may me meanwhile more most much my no nor not now
    of on once one only or other our over said says several she since so some such than that the
    their them then there these they this those though through to under until up was we were what
    when where whether which while who why will with would yet you your today yesterday tomorrow
    monday tuesday wednesday thursday friday saturday sunday mr mrs ms dr gov sen rep gen lt col sgt
    capt prof jr sr update updated breaking published posted photo video watch read instead""".split()
)
_NAME_JOINERS = frozenset({"of", "de", "del", "la", "le", "van", "von", "der", "al", "bin", "&"})
_WORD = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*")
_NAME_WORD = r"[A-Z][\w'’.-]*"
_NAME_RUN = re.compile(
    rf"{_NAME_WORD}(?:[ \t]+(?:(?:{'|'.join(map(re.escape, sorted(_NAME_JOINERS)))})[ \t]+)?{_NAME_WORD})*"
)
# Both patterns start with a fixed set of characters, which lets the regex engine skip ahead;
# what precedes a match (a currency sign, a letter) is checked by hand.
_NUMBER = re.compile(
    r"(?P<value>\d+(?:[.,]\d+)*)(?:\s?(?P<scale>million|billion|thousand|bn))?(?:[\s-]+(?P<unit>[a-z][a-z-]*))?"
)
_DATE = re.compile(
    "(?P<month>" + "|".join(sorted((m.title() for m in MONTHS), key=len, reverse=True)) + r")\.?\s+(?P<day>\d{1,2})\b"
)
_CURRENCIES = "$£€"
_MAX_NAME_WORDS = 4
# Word as written -> its term (or "" for none): each distinct word is stemmed once per process.
_TERMS: dict[str, str] = {}
_TERMS_CACHED = 500_000


@dataclass(frozen=True, slots=True)
class DocumentFeatures:
    """The bags of terms of one article, and its publication day (``None`` when unknown)."""

    words: Mapping[str, int]
    lead: Mapping[str, int]
    names: Mapping[str, int]
    day: int | None = None
    surfaces: dict[str, str] = field(default_factory=dict)


def extract_features(
    text: str, title: str | None = None, published: str | dt.date | None = None, *, lead_words: int = 40
) -> DocumentFeatures:
    """Terms of ``text`` (and ``title``), and ``published`` as a day number.

    Without a title the lead is the first ``lead_words`` words. ``surfaces`` keeps how each
    name was written, for story titles made of keywords.
    """
    full = f"{title}\n{text}" if title else text
    words = Counter(_WORD.findall(full))
    lowercase = {w for w in words if w[0].islower()}
    names, surfaces = name_terms(full, lowercase)
    lead = content_terms(title) if title else content_terms(" ".join(text.split(maxsplit=lead_words)[:lead_words]))
    return DocumentFeatures(_content(words), lead, names, publication_day(published), surfaces)


def publication_day(published: str | dt.date | None) -> int | None:
    """An ISO date (or datetime) as a proleptic ordinal day; ``None`` when absent or unreadable."""
    if published is None:
        return None
    if isinstance(published, dt.date):
        return published.toordinal()
    try:
        return dt.date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


def content_terms(text: str) -> Counter[str]:
    """Stemmed lower-case content words: "The fires were set" -> {"fir": 1, "set": 1}."""
    return _content(Counter(_WORD.findall(text)))


def _content(words: Mapping[str, int]) -> Counter[str]:
    terms: dict[str, int] = {}
    cache = _TERMS
    for word, count in words.items():
        term = cache.get(word)
        if term is None:
            if len(cache) > _TERMS_CACHED:
                cache.clear()
            term = cache[word] = _term(word)
        if term:
            terms[term] = terms.get(term, 0) + count
    return Counter(terms)


def _term(word: str) -> str:
    """The stemmed term of a word as written, or "" for a stopword or a short word."""
    word = word.lower().removesuffix("'s").removesuffix("’s")
    return stem(word) if len(word) > 2 and word not in STOPWORDS else ""


def stem(word: str) -> str:
    """A light English suffix stripper: plurals, -ing, -ed and a final -e.

    Enough to join "arrest", "arrests" and "arrested" or "fire" and "fired", without
    Porter's rarer rules.
    """
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("es") and word[-3] in "sxz":
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if len(word) > 5 and word.endswith("ing"):
        word = word[:-3]
    elif len(word) > 4 and word.endswith("ed"):
        word = word[:-2]
    if len(word) > 4 and word[-1] == word[-2] and word[-1] not in "lsz":
        word = word[:-1]
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


def name_terms(text: str, lowercase: Collection[str] | None = None) -> tuple[Counter[str], dict[str, str]]:
    """Names, quantities and dates of ``text`` as terms, with the surface form of each name.

    A capitalised word opening a sentence counts only when the text never writes it in lower
    case ("Firefighters were called" is no name) and no comma follows it alone ("Sadly, ...");
    ``lowercase`` are the words the text writes in lower case, if known.
    """
    if lowercase is None:
        lowercase = {w for w in _WORD.findall(text) if w[0].islower()}
    terms: Counter[str] = Counter()
    surfaces: dict[str, str] = {}
    runs: Counter[str] = Counter()
    for match in _NAME_RUN.finditer(text):
        words = match.group()
        first, _, rest = words.partition(" ")
        if (first.lower() in lowercase or _aside(words, text, match.end())) and _opens_sentence(text, match.start()):
            words = rest.lstrip()
        if words:
            runs[words] += 1
    for words, count in runs.items():
        run: list[str] = []
        for token in words.split():
            bare = token.rstrip(".").removesuffix("'s").removesuffix("’s")
            if bare.lower() in _NOT_NAMES and not (run and bare in _NAME_JOINERS):
                _add_name(run, count, terms, surfaces)
                run = []
            else:
                run.append(bare)
        _add_name(run, count, terms, surfaces)
    for match in _NUMBER.finditer(text):
        if key := _quantity_key(match, text):
            terms[key] += 1
    for match in _DATE.finditer(text):
        day, start = int(match["day"]), match.start()
        if 1 <= day <= 31 and not (start and text[start - 1].isalnum()):
            terms[f"{MONTHS[match['month'].lower()]:02d}-{day:02d}"] += 1
    return terms, surfaces


def _aside(words: str, text: str, end: int) -> bool:
    """A lone "-ly" word set off by a comma ("Unfortunately, ...") is an adverb, not a name."""
    return words.endswith("ly") and " " not in words and text[end : end + 2].lstrip().startswith(",")


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" \t\"'“‘`(")
    return not before or before[-1] in ".!?\n:"


def _add_name(run: list[str], count: int, terms: Counter[str], surfaces: dict[str, str]) -> None:
    """Count each word of a name, and the whole name when it has two to four words."""
    while run and run[-1] in _NAME_JOINERS:
        run.pop()
    parts = [w for w in run if len(w) > 1 and w not in _NAME_JOINERS]
    for word in parts:
        _count(word, count, terms, surfaces)
    if len(parts) > 1 and len(run) <= _MAX_NAME_WORDS:
        _count(" ".join(run), count, terms, surfaces)


def _count(name: str, count: int, terms: Counter[str], surfaces: dict[str, str]) -> None:
    key = name.lower()
    terms[key] += count
    if key not in surfaces or (surfaces[key].isupper() and not name.isupper()):
        surfaces[key] = name


def _quantity_key(match: re.Match[str], text: str) -> str | None:
    """ "$ 108 million" -> "$108million", "23 pirates" -> "23 pirat", "2008" -> "2008"; else None."""
    start = match.start()
    if start and (text[start - 1].isalnum() or text[start - 1] in ".,"):
        return None
    before = text[max(0, start - 2) : start].strip()
    currency = before[-1] if before and before[-1] in _CURRENCIES else ""
    value, scale, unit = match["value"].replace(",", ""), match["scale"] or "", match["unit"]
    if currency or scale:
        return f"{currency}{value}{scale}"
    if len(value) == 4 and value[:2] in ("19", "20"):
        return value
    if unit and unit not in STOPWORDS and unit not in MONTHS:
        return f"{value} {stem(unit)}"
    return None
