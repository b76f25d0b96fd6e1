"""Numbers and what they count: "some 5,200 U.S. soldiers" -> 5200 soldiers, approx "some".

One regex finds every number (digits, number words, "hundreds of thousands"); the words
around it decide the rest: an approximator before it, a scale, currency or percent sign,
a range ("between 40 and 50", "40-50"), and the counted noun after it. Dates, clock times and
durations ("Oct. 1", "5 p.m.", "24 hours") are left to the time tagger; a bare four-digit
number that counts nothing is a year. ``quantity_head`` gives the counted noun's lemma and
concept, so "5,000 troops" and "5,200 soldiers" can be compared.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from crosscheck.language.patterns import alternation, literal_branches
from crosscheck.model import Quantity

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "dozen": 12,
}
_SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SHORT_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "twentieth": 20,
    "hundredth": 100,
}
# Plural magnitudes: the value is their lower bound ("thousands" is at least 2,000).
_VAGUE = {"dozens": 24, "scores": 40, "tens": 20, "hundreds": 200, "thousands": 2e3, "millions": 2e6, "billions": 2e9}
_CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR"}
_CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pounds sterling": "GBP",
    "yen": "JPY", "yuan": "CNY", "rupees": "INR", "rubles": "RUB", "roubles": "RUB",
    "riyals": "SAR", "dinars": "IQD", "shekels": "ILS", "pesos": "MXN",
}
_TIME_UNITS = frozenset(
    """second seconds minute minutes hour hours day days week weeks month months year years
    decade decades century centuries am pm a.m. p.m. a.m p.m gmt utc et est edt pst pdt
    o'clock hrs year-old years-old month-old""".split()
)
_MONTHS = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
# Words before a number that make it a name, not a quantity: "Article 5", "Flight 17".
_IDENTIFIERS = frozenset(
    """article section chapter resolution flight route highway interstate no number proposition
    prop amendment room page vol volume title class phase level category model type ward grade
    form channel act apollo boeing airbus windows iphone pixel galaxy covid""".split()
)
# Words that end the counted noun phrase.
_UNIT_STOP = frozenset(
    """the a an of in on at to for from by with and or but nor that which who whom whose were was
    are is be been being have has had will would could can may might must shall should said
    says say than as here there now then also again more less over under about into onto per
    each every this these those it its their his her our my your he she they we i you not no so
    such if when while after before since until because although though where what how why
    all some any both many much few several other another same only just even still yet
    ago later earlier last next across around through during between among against toward
    most least fewer""".split()
)
_IRREGULAR = {
    "people": "person", "men": "man", "women": "woman", "children": "child", "feet": "foot",
    "teeth": "tooth", "mice": "mouse", "geese": "goose", "lives": "life", "wives": "wife",
    "police": "police", "personnel": "personnel", "staff": "staff", "troops": "troop",
    "series": "series", "species": "species", "news": "news", "dead": "dead", "wounded": "wounded",
    "injured": "injured", "killed": "killed", "missing": "missing", "data": "data",
}
_PLURAL_ONLY = frozenset(_IRREGULAR) - {"news", "series", "species", "data"}
# Lemmas that count the same thing, so the cross-source stage can compare them.
CONCEPTS = {
    "soldier": "troop", "troop": "troop", "servicemember": "troop", "service member": "troop",
    "personnel": "troop", "serviceman": "troop", "servicemen": "troop", "marine": "troop",
    "person": "person", "individual": "person", "resident": "person",
    "dead": "death", "killed": "death", "death": "death", "fatality": "death", "casualty": "casualty",
    "wounded": "injury", "injured": "injury", "injury": "injury",
    "dollar": "money", "usd": "money",
}

_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


# "two thirds", "two-thirds", "three quarters", "one fifth": a count of parts is a fraction,
# when "of" or the end of a phrase follows ("two thirds of voters"; "fell by two thirds.").
_DENOMINATORS = {"half": 2, "halves": 2, "quarter": 4, "quarters": 4} | {
    f"{word}{plural}": value for word, value in (
        ("third", 3), ("fourth", 4), ("fifth", 5), ("sixth", 6), ("seventh", 7), ("eighth", 8), ("ninth", 9),
        ("tenth", 10), ("twentieth", 20), ("hundredth", 100),
    ) for plural in ("", "s")
}  # fmt: skip


_PARTS = ("half", "quarter")  # scanned for "half of the ships", "a quarter of the staff"
_PART_VALUES = {word: 1 / _DENOMINATORS[word] for word in _PARTS}
_AND_A_PART_BEFORE = re.compile(r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+and\s+$", re.I)


def _scanner() -> re.Pattern[str]:
    """Every branch opens with a literal character, so ``re`` skips ahead by a character set
    instead of trying the pattern at every position: a digit (not glued to a word, a date or a
    hashtag) or a number word, with compounds ("twenty-four", "a hundred thirty million")."""
    digit_rest = r"[\d,.]*(?<![,.])(?:st|nd|rd|th|s|bn|mn|m|k|tn)?(?![\w/:]|[.,]\d)"
    parts = alternation(list(_DENOMINATORS), either_case=True)
    compound = rf"(?:(?:[ -]|\sand\s){alternation([*_UNITS, *_SCALES], either_case=True)})*(?!\w|-(?!{parts}\b))"
    digits = "|".join(rf"{d}(?<![\w.,/:#'‘’-]{d}){digit_rest}" for d in "0123456789")
    # "half" and "quarter" open a number only before a scale: "a quarter million", "a half-dozen".
    scaled_part = rf"(?:[ -](?:{'|'.join(_SCALES)}|dozen))?(?![\w-])"
    return re.compile(
        digits + "|" + literal_branches([*_UNITS, *_SCALES, *_VAGUE, *_ORDINALS], compound) + "|" + literal_branches(list(_PARTS), scaled_part)
    )


_SCAN = _scanner()
_WORD = alternation([*_UNITS, *_SCALES], either_case=True)
_NUMBER = rf"{_DIGITS.pattern}|{_WORD}(?:[ -]{_WORD})*"
_APPROXIMATOR_PHRASES = frozenset(
    w.replace("_", " ")
    for w in """some about around roughly approximately nearly almost over under below above circa
    approx approx. ~ more_than less_than fewer_than at_least at_most up_to as_many_as as_few_as
    close_to just_over just_under an_estimated upwards_of upward_of well_over in_excess_of
    no_more_than no_fewer_than not_more_than""".split()
)
_RANGE = re.compile(rf"(?:\s*[-–—]\s*|\s+to\s+)(?P<currency>\$|£|€)?(?P<high>{_NUMBER})(?![\w/:])", re.I)
_AND_HIGH = re.compile(rf"\s+and\s+(?P<currency>\$|£|€)?(?P<high>{_NUMBER})(?![\w/:])", re.I)
_SCALE_AFTER = re.compile(r"(?:\s*|-)(?P<scale>hundred|thousand|million|billion|trillion)(?![\w-])|(?P<short>k|m|mn|mln|bn|b|tn)\b", re.I)
_PERCENT = re.compile(r"\s*(?:%|(?:per\s*cent|percent|pct)(?:age points?)?\b|percentage points?\b)", re.I)
_CURRENCY_AFTER = re.compile(r"\s+(?:of\s+)?(dollars?|euros?|pounds sterling|yen|yuan|rupees|rubles|roubles|riyals|dinars|shekels|pesos)\b", re.I)
_VAGUE_OF = re.compile(r"\s+of\s+(thousands|millions|billions)\b", re.I)
_TIME_AFTER = re.compile(r"(?:\s*|-)(a\.m\.|p\.m\.|[a-z][\w'’-]*)", re.I)
_NEXT_WORD = re.compile(r"[ \t]+(U\.S\.|U\.K\.|[A-Za-z][\w'’-]*)")
_YEAR_CUES = frozenset("in since the of by until from before after during early late mid 's".split())
_ADJECTIVE_ENDINGS = ("ed", "al", "ar", "ic", "ian", "ive", "ous", "ary", "ese", "ish", "ful", "ing")
_ADJECTIVES = frozenset("foreign local young old other new key top senior civilian military full-time".split())
_PART_WORD = "|".join(sorted(_DENOMINATORS, key=len, reverse=True))
_PART_OF = re.compile(r"\s+of\b|\s*[.,;:)!?]|\s*$")  # "two thirds of", "by a third."
# "a third stayed", "a fifth said": a part that is the subject of a verb, not an ordinal ("a third term").
_PART_BEFORE_VERB = re.compile(
    r"\s+(?:said|say|says|were|are|was|is|had|have|has|will|would|could|did|do|remain|remained|stayed|"
    r"left|voted|supported|opposed|backed|wanted|want|agreed|disagreed|favou?r|favou?red)\b",
    re.I,
)
_FRACTION_AFTER = re.compile(rf"[ -]({_PART_WORD})(?={_PART_OF.pattern})", re.I)
_HYPHENED_PART = re.compile(rf"-(?:{_PART_WORD})\b", re.I)
_A_BEFORE = re.compile(r"\ba\s$", re.I)
_BEFORE_QUARTERS_OF_A_YEAR = frozenset("last past next previous fiscal consecutive straight".split())
_OF_PHRASE = re.compile(r"\s+of\s+(?:the\s+|them\s+|those\s+|these\s+|its\s+|their\s+)?")


class Head(NamedTuple):
    """The counted noun of a quantity: as written, its lemma, and the concept it counts."""

    noun: str
    lemma: str
    concept: str


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity of a text, in order; dates, times and durations are left out."""
    found: list[Quantity] = []
    skip_to = 0
    for match in _SCAN.finditer(text):
        if match.start() < skip_to:
            continue
        quantity = _quantity(text, match.start(), match.end(), match.group())
        if quantity is not None:
            while found and found[-1].start >= quantity.start:
                found.pop()  # "two" of "two and a half million", read again whole
            found.append(quantity)
            skip_to = quantity.end
    return found


def quantity_head(quantity: Quantity, text: str | None = None) -> Head | None:
    """The noun a quantity counts ("U.S. soldiers" -> soldiers, soldier, troop), or None.

    ``text``, the text the quantity points into, is read only for a quantity made without its
    unit: the counted noun is then looked for right after the span."""
    unit = quantity.unit
    if unit is None and text is not None:
        unit = _unit(text, quantity.end)[0]
    if not unit or quantity.kind in ("money", "percent", "year", "ordinal"):
        return None
    noun = unit.split()[-1]
    lemma = singular(noun.lower())
    return Head(noun=noun, lemma=lemma, concept=CONCEPTS.get(lemma, lemma))


def singular(noun: str) -> str:
    """A rough English singular: "soldiers" -> "soldier", "militias" -> "militia", "lives" -> "life"."""
    if noun in _IRREGULAR:
        return _IRREGULAR[noun]
    if len(noun) > 4 and noun.endswith("ies"):
        return noun[:-3] + "y"
    if len(noun) > 4 and noun.endswith(("sses", "shes", "ches", "xes", "zes")):
        return noun[:-2]
    if len(noun) > 3 and noun.endswith("s") and not noun.endswith(("ss", "us", "is")):
        return noun[:-1]
    return noun


def _quantity(text: str, start: int, end: int, written: str) -> Quantity | None:
    """The quantity a scanned number opens, or None when it is part of a date, time or name."""
    lower = written.lower()
    if not written[0].isdigit():
        if start and (text[start - 1].isalnum() or text[start - 1] in "-_"):
            return None
        if written[0].isupper() and not _sentence_start(text, start):
            return None  # "Gang of Eight", "Air Force One"
        if lower in _ORDINALS:
            return _ordinal(text, start, end, lower)
        if lower in _PARTS:
            return _part(text, start, end, lower)
        if lower in _VAGUE:
            return _vague(text, start, end, lower)
        if lower == "one" and not _counts_one(text, start, end) and not _FRACTION_AFTER.match(text, end):
            return None
        value = _word_value(lower)
        before = " " + text[max(0, start - 8) : start].lower()
        if before.endswith(" half a "):
            value, start = value / 2, start - 7
        elif before.endswith(" a ") and re.split(r"[\s-]", lower)[0] in ("hundred", "thousand", "million", "billion", "dozen", *_PARTS):
            start -= 2
            whole = _AND_A_PART_BEFORE.search(text, max(0, start - 30), start)
            if whole and (part := re.split(r"[\s-]", lower)[0]) in _PARTS:
                # "one and a half million": value is the half million; add the whole millions
                scale = value / _PART_VALUES[part]
                value, start = value + _number(whole.group(1)) * scale, whole.start(1)
    else:
        digits = _DIGITS.match(written)
        suffix = written[digits.end() :]
        if suffix == "s" or len(digits.group()) > 12 or _after_date_or_name(text, start):
            return None
        value = float(digits.group().replace(",", ""))
        if suffix in _SHORT_SCALES:
            if not (_currency_before(text, start) or _CURRENCY_AFTER.match(text, end)):
                return None  # "3.7bn dollars", "$3.7bn", not "5m" (metres) alone
            value *= _SHORT_SCALES[suffix]
        elif suffix:
            return None if _month_after(text, end) else Quantity(start, end, value, "ordinal")
    fraction = None if _currency_before(text, start) else _FRACTION_AFTER.match(text, end)
    if fraction is not None and _counts_parts(text, start, value, fraction, written):
        return _fraction(text, start, fraction.end(), value / _DENOMINATORS[fraction.group(1).lower()])
    if _HYPHENED_PART.match(text, end):
        return None  # "a two-thirds majority", "the twenty-fifth": parts or an ordinal, no count
    return _scanned(text, start, end, value, written)


def _scanned(text: str, start: int, end: int, value: float, written: str) -> Quantity | None:
    """The quantity a number ``value`` written ``text[start:end]`` opens: money, a percentage,
    a year, a range or a count of a unit."""
    currency = _currency_before(text, start)
    if currency:
        start -= len(currency)
    value, end = _scaled(text, value, end, bool(currency))
    value, high, end, start = _range(text, value, start, end)
    kind = "range" if high is not None else "count"
    unit: str | None = None
    percent = _PERCENT.match(text, end)
    after = None if percent else _CURRENCY_AFTER.match(text, end)
    if percent:
        kind, end = ("range" if high else "percent"), percent.end()
        unit = "percentage points" if "point" in percent.group().lower() else "percent"
    elif currency or after:
        unit = _CURRENCY_SIGNS[currency] if currency else _CURRENCY_WORDS[after.group(1).lower()]
        end = after.end() if after and not currency else end
        kind = "range" if high else "money"
    elif _time_after(text, end):
        return None
    elif _is_year(written, value, text, start, end):
        return Quantity(start, end, value, "year", None, None, high)
    else:
        unit, unit_end = _unit(text, end)
        if unit is None and high is None and _names_a_thing(text, start, end):
            return None
        end = unit_end or end
    approx, start = _approximator(text, start)
    return Quantity(start, end, value, kind, unit, approx, high)


def _names_a_thing(text: str, start: int, end: int) -> bool:
    """"Pier 4", "Harbour 7's": a bare number after a capitalised word, or before a possessive,
    is part of a name."""
    if text.startswith(("'s", "’s"), end):
        return True
    before = text[max(0, start - 20) : start]
    words = before.split()
    return bool(words) and before.endswith(" ") and words[-1][:1].isupper() and words[-1].isalpha() and not _sentence_start(text, start - len(words[-1]) - 1)


def _scaled(text: str, value: float, end: int, money: bool) -> tuple[float, int]:
    """Apply "million" (or, after a currency sign, "m"/"bn") written after the number."""
    scale = _SCALE_AFTER.match(text, end)
    if scale is None or not (scale.group("scale") or money):
        return value, end
    if scale.group("scale"):
        return value * _SCALES[scale.group("scale").lower()], scale.end()
    return value * _SHORT_SCALES[scale.group("short").lower()], scale.end()


def _range(text: str, value: float, start: int, end: int) -> tuple[float, float | None, int, int]:
    """(low, high, end, start) of "40-50", "40 to 50", "between 40 and 50"; high is None
    without a range. In "5 to 6 million" the low end takes the high end's scale."""
    opener = text[max(0, start - 9) : start].lower()
    between = opener.endswith(("between ", "between $"))
    found = (_AND_HIGH if between else _RANGE).match(text, end)
    if found is None:
        return value, None, end, start
    written = _number(found.group("high"))
    high, high_end = _scaled(text, written, found.end(), bool(found.group("currency")))
    if high != written and value * high / written <= high:
        value *= high / written
    if high <= value:
        return value, None, end, start
    if between:
        start -= len("between ") + (1 if opener.endswith("$") else 0)
    elif opener.endswith("from "):
        start -= len("from ")
    return value, high, high_end, start


def _approximator(text: str, start: int) -> tuple[str | None, int]:
    """("some", new start) for "some 5,200"; the longest approximator of up to three words."""
    before = text[max(0, start - 30) : start]
    if not before.endswith((" ", "~", "\xa0")):
        return None, start
    stripped = before.rstrip()
    words = stripped.lower().split()
    for size in (3, 2, 1):
        phrase = " ".join(words[-size:])
        if len(words) >= size and phrase in _APPROXIMATOR_PHRASES and stripped.lower().endswith(phrase):
            if len(stripped) > len(phrase) and stripped[-len(phrase) - 1].isalnum():
                continue
            return phrase, start - (len(before) - len(stripped)) - len(phrase)
    return None, start


def _counts_parts(text: str, start: int, value: float, fraction: re.Match[str], written: str) -> bool:
    """"one third", "two thirds": one part is singular, more are plural ("twenty-fifth" is an
    ordinal); "the past two quarters" or "the first two quarters" are spans of a year,
    "three-quarters of" is a fraction."""
    part = fraction.group(1).lower()
    if not value.is_integer() or (value == 1) != (part[-1] != "s") or written.split()[0].lower() in _ORDINALS:
        return False
    if part.startswith("quarter") and fraction.group().startswith(" "):
        before = text[max(0, start - 12) : start].lower().split()
        return not before or before[-1] not in _BEFORE_QUARTERS_OF_A_YEAR
    return True


def _part(text: str, start: int, end: int, word: str) -> Quantity | None:
    """"half of the ships", "more than half.", "a quarter of the staff": a fraction; not "half an
    hour" or "the fourth quarter" (a bare "quarter" is a span of a year)."""
    if word == "half" and _PART_OF.match(text, end):
        return _a_part(text, start, end, word) or _fraction(text, start, end, 0.5)
    return _a_part(text, start, end, word)


def _a_part(text: str, start: int, end: int, word: str) -> Quantity | None:
    """"cut by a third", "A fifth of the budget", "a quarter of the staff", "a third stayed": one
    part, a fraction."""
    if _A_BEFORE.search(text, max(0, start - 3), start) and (_PART_OF.match(text, end) or _PART_BEFORE_VERB.match(text, end)):
        return _fraction(text, start - 2, end, 1 / _DENOMINATORS[word])
    return None


def _fraction(text: str, start: int, end: int, value: float) -> Quantity:
    approx, start = _approximator(text, start)
    return Quantity(start, end, value, "fraction", None, approx)


def _ordinal(text: str, start: int, end: int, word: str) -> Quantity | None:
    if word in _DENOMINATORS and (fraction := _a_part(text, start, end, word)):
        return fraction
    if word == "second" and text[max(0, start - 8) : start].lower().endswith(("a ", "one ", "per ", "split ")):
        return None
    if _month_after(text, end):
        return None
    return Quantity(start, end, float(_ORDINALS[word]), "ordinal")


def _vague(text: str, start: int, end: int, word: str) -> Quantity | None:
    """"hundreds of thousands", "dozens", "billions of dollars": the value is a lower bound."""
    value = _VAGUE[word]
    phrase = word
    of_scale = _VAGUE_OF.match(text, end)
    if of_scale:
        value *= _SCALES[of_scale.group(1).lower().rstrip("s")]
        phrase, end = f"{word} of {of_scale.group(1).lower()}", of_scale.end()
    elif word == "tens":
        return None
    currency = _CURRENCY_AFTER.match(text, end)
    if currency:
        return Quantity(start, currency.end(), value, "money", _CURRENCY_WORDS[currency.group(1).lower()], phrase)
    if _time_after(text, end):
        return None
    unit, unit_end = _unit(text, end)
    return Quantity(start, unit_end or end, value, "count", unit, phrase)


def _word_value(phrase: str) -> float:
    """Value of number words: "twenty-four" 24, "a hundred thirty million" 130,000,000."""
    total, current, part = 0.0, 0.0, 1.0
    for word in re.split(r"[\s-]+", phrase):
        if word in _PART_VALUES:  # "a quarter million", "a half-dozen": the part of what follows
            part = _PART_VALUES[word]
        elif word == "dozen":  # "two dozen" is 24, "a dozen" 12
            current = (current or part) * 12
        elif word in _UNITS:
            current += _UNITS[word] * part
        elif word == "hundred":
            current = (current or part) * 100
        elif word in _SCALES:
            total += (current or part) * _SCALES[word]
            current = 0
    return total + current


def _number(written: str) -> float:
    if written[0].isdigit():
        return float(written.replace(",", ""))
    return _word_value(written.lower())


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" \t\xa0\"'“‘(")
    return not before or before[-1] in ".!?:;\n—–-•"


def _counts_one(text: str, start: int, end: int) -> bool:
    """"one" is a count only before a counted noun: "one US soldier", not "one of", "no one"."""
    previous = text[max(0, start - 12) : start].lower().split()
    if previous and previous[-1] in ("no", "the", "any", "each", "every", "this", "that", "which", "only", "anyone", "someone"):
        return False
    following = _NEXT_WORD.match(text, end)
    return bool(following) and following.group(1).lower() not in _UNIT_STOP | _TIME_UNITS | {"another", "way", "thing", "point", "side", "hand", "time"}


def _currency_before(text: str, start: int) -> str | None:
    sign = text[start - 1 : start]
    if sign not in _CURRENCY_SIGNS:
        return None
    return "US$" if sign == "$" and text[start - 3 : start] == "US$" else sign


def _after_date_or_name(text: str, start: int) -> bool:
    """"Oct. 1", "January 27, 2018", "Article 5": the number is part of a date or a name."""
    words = text[max(0, start - 24) : start].split()
    if not words or not text[start - 1 : start].isspace():
        return False
    last = words[-1].lower().rstrip(".,")
    if last in _MONTHS or last in _IDENTIFIERS:
        return True
    return len(words) > 1 and last.rstrip("stndrh").isdigit() and words[-2].lower().rstrip(".,") in _MONTHS


def _month_after(text: str, end: int) -> bool:
    following = _NEXT_WORD.match(text, end)
    word = following.group(1).lower() if following else ""
    if word == "of":
        following = _NEXT_WORD.match(text, following.end())
        word = following.group(1).lower() if following else ""
    return word in _MONTHS


def _time_after(text: str, end: int) -> bool:
    """Clock times and durations: "5 p.m.", "24 hours", "17-year", "four-year war"."""
    following = _TIME_AFTER.match(text, end)
    return bool(following) and following.group(1).lower() in _TIME_UNITS


def _is_year(written: str, value: float, text: str, start: int, end: int) -> bool:
    """A four-digit number from 1000 to 2199 is a year unless it counts something ("2000 troops");
    after "in", "since", "the" and the like it is a year even then ("the 2012 attacks")."""
    if len(written) != 4 or not written.isdigit() or not 1000 <= value <= 2199:
        return False
    previous = text[max(0, start - 8) : start].lower().split()
    if previous and previous[-1] in _YEAR_CUES:
        return True
    following = _NEXT_WORD.match(text, end)
    return not (following and _countable(following.group(1)))


def _countable(word: str) -> bool:
    lower = word.lower()
    if lower in _UNIT_STOP:
        return False
    return lower in _PLURAL_ONLY or (lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and word[:1].islower())


def _unit(text: str, end: int) -> tuple[str | None, int]:
    """The counted noun phrase after a number: up to the first plural noun, at most four words
    ("5,200 U.S. soldiers are" -> "U.S. soldiers"); (None, 0) when nothing is counted."""
    position = end
    of_phrase = _OF_PHRASE.match(text, position)
    if of_phrase:
        position = of_phrase.end() - 1
    words: list[tuple[str, int]] = []
    while len(words) < 4:
        following = _NEXT_WORD.match(text, position)
        if not following:
            break
        word = following.group(1)
        lower = word.lower()
        if lower in _UNIT_STOP or lower in _TIME_UNITS:
            break
        position = following.end()
        words.append((word, position))
        if _countable(word):
            break
        if not word[:1].isupper() and not _modifier(lower):
            upcoming = _NEXT_WORD.match(text, position)
            if not (upcoming and _countable(upcoming.group(1))):
                break  # "six concrete piers" goes on to "piers"
    while words and words[-1][0].lower().endswith(("ed", "ing")) and words[-1][0].lower() not in _PLURAL_ONLY:
        words.pop()
    if not words or (len(words) == 1 and words[0][0][:1].isupper() and not _countable(words[0][0].lower())):
        return None, 0
    return " ".join(w for w, _ in words), words[-1][1]


def _modifier(word: str) -> bool:
    """An adjective-like word that a counted noun may follow ("armed", "foreign", "nuclear")."""
    return word.endswith(_ADJECTIVE_ENDINGS) or word in _ADJECTIVES
