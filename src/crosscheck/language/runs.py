"""Runs of capitalised words, and the pieces they are made of.

A run is a stretch of capitalised words joined by spaces or name particles ("Abu Mahdi
al-Muhandis", "Ministry of Defense"); possessives, "-led" compounds, sentence-final periods and
capitalised function words ("The", "Monday") end one. Each run is cut into pieces: a gazetteer
name, an organisation ending in a word like "Ministry", a place ending in a word like "Bridge",
a title ("Brigadier General") or a personal name. Words glued by bad extraction ("StaffArmy")
are cut apart where both halves are known words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from crosscheck.language import gazetteer
from crosscheck.language.names import GIVEN_NAMES, SUFFIXES
from crosscheck.language.titles import HEADS, MODIFIERS, normalize_word

NAME, TITLE = "name", "title"
PLACE, ORGANIZATION = gazetteer.PLACE, gazetteer.ORGANIZATION

# Capitalised words that never start or continue a name.
STOPWORDS = frozenset(
    """A An The This That These Those It Its He She They We I You His Her Their Our My Your Me Us
    Him Them In On At By For From To Of With Without And But Or Nor So Yet If As When While After
    Before Since Until Because Although Though However Meanwhile Also Still Then There Here Now
    Not No Yes Is Are Was Were Be Been Being Has Have Had Do Does Did Will Would Can Could May
    Might Must Should Shall Says Said Say Tells Told Asked Added What Who Why How Where Which Whom
    Whose All Some Many Most More Much Any Each Every Both Few Several Other Another Such Only Just
    Even Very Two Three Four Five Six Seven Eight Nine Ten First Second Third Last Next Over
    Under About Against Into Onto Upon Amid Among During Within Through Throughout Toward Towards
    Across Around Along Behind Beyond According Following Despite Update Read Breaking Exclusive
    Watch Video Photo Photos Image Click Follow Sign Share Subscribe Register Log Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday January February March April June July August
    September October November December Today Tomorrow Yesterday Tonight Jan Feb Mar Apr Jun Jul
    Aug Sep Sept Oct Nov Dec Let Please Thanks Like Unlike Whether Either Neither Once Oh Yeah OK
    Okay Well Instead Perhaps Maybe Indeed Already Again Ever Never Why Sir Madam Illustrative
    Copyright Getty Reporting Editing Additional Related Advertisement Nobody Somebody Someone
    Everyone Everybody Anyone Anybody Nothing Something Everything Anything None Later Earlier
    Afterwards Finally Eventually Recently Separately Elsewhere Overall Initially Previously
    Moreover Furthermore Nevertheless Nonetheless Similarly Likewise Otherwise""".split()
)

# A word before " of " that keeps the name going: "Ministry of Defense", "Secretary of State".
_OF_HEADS = frozenset(
    """Secretary Minister Ministry Department Bureau University Bank Republic Kingdom Council
    Chiefs Chief Court Office Organization Organisation Commission Committee League Union
    Federation Institute Church Party Board Association House Museum School College Center
    Centre Academy Chairman Director Head Governor Mayor President Speaker Leader Commander
    States Gulf Bay Sea Strait Duke Prince Princess Queen King Emir Army""".split()
)

# Lower-case words that may sit inside a name ("Mohammed bin Salman", "Ministry of Defense").
_PARTICLE_GAPS = frozenset(f" {p} " for p in "bin ibn bint van von der den de da del della di du dos das al".split()) | {
    " & ",
    " of ",
    " of the ",
}

_LONGEST_GAP = max(map(len, _PARTICLE_GAPS))
# A capital not glued to a word, then an initialism ("U.S.") or the rest of a word.
_TOKEN = re.compile(r"[A-Z](?<![\w'’@#][A-Z])(?:(?:\.[A-Z])+\.?|[\w'’-]*\.?)")
_ARTICLES = frozenset("al el ad as ash at an ar".split())  # "al-Muhandis", "ash-Sharif"
_PREFIXES = frozenset("anti pro non ex post pre neo pan mid".split())  # "Anti-Trump" is not a name
_DIGIT = re.compile(r"\d")
_GLUE = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
_KEEP_DOT = frozenset("mr mrs ms dr prof gen lt col maj capt sgt cmdr adm brig rep sen gov rev jr sr st mt ft cpl pvt".split())
_MINISTRY = re.compile(r"^(\w+) Ministry$")

Token = tuple[int, int, str, bool]  # start, end, word, whether the run ends after it
Piece = tuple[str, int, int, str | None]  # kind, first token, end token, canonical name
# Pieces by run text: most runs ("Trump", "U.S.") come back many times in a corpus.
_PIECES: dict[tuple[str, tuple[bool, ...]], tuple[Piece, ...]] = {}


def capitalised_runs(text: str) -> list[list[Token]]:
    """The runs of capitalised words of a text, in order."""
    return _runs(_tokens(text), text)


def _tokens(text: str) -> list[Token]:
    """Capitalised words as (start, end, word, run ends after it); a possessive, a "-led"
    compound, a sentence-final period or a stop word ends a run."""
    tokens: list[Token] = []
    append = tokens.append
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        word = match.group()
        ends_run = False
        if not word.isalpha():
            if word[-1] in "'’s" and word.endswith(("'s", "’s", "'", "’")):
                cut = 2 if word[-1] == "s" else 1
                word, end, ends_run = word[:-cut], end - cut, True
            if "-" in word:
                head, _, tail = word.partition("-")
                if tail.islower() or not tail:
                    word, end, ends_run = head, start + len(head), True
                elif head.lower() in _PREFIXES:
                    word, start = tail, start + len(head) + 1
            if word.endswith(".") and not abbreviation(word):
                word, end, ends_run = word[:-1], end - 1, True
            if not word or _DIGIT.search(word):
                if tokens:
                    tokens[-1] = (*tokens[-1][:3], True)
                continue
        if start and text[start - 1] == "-":
            start = _article_start(text, start)
            word = text[start:end]
        if word in STOPWORDS:
            if tokens:
                tokens[-1] = (*tokens[-1][:3], True)
            continue
        glue = 0 if word.istitle() else glued(word)
        if glue:
            append((start, start + glue, word[:glue], True))
            start, word = start + glue, word[glue:]
        append((start, end, word, ends_run))
    return tokens


def _article_start(text: str, start: int) -> int:
    """Start of "al-Muhandis" for the capital after "al-" (or "ash-", "el-", ...)."""
    for size in (3, 4):
        if text[start - size : start - 1].lower() in _ARTICLES and not text[start - size - 1 : start - size].isalnum():
            return start - size
    return start


@lru_cache(maxsize=65536)
def glued(word: str) -> int:
    """Where two known words were glued by extraction ("StaffArmy" -> 5), or 0."""
    match = _GLUE.search(word)
    if not match:
        return 0
    left, right = word[: match.start()], word[match.start() :]
    return match.start() if _known_word(left) and _known_word(right) else 0


def _known_word(word: str) -> bool:
    return (
        is_title_word(word)
        or word in gazetteer.ORG_SUFFIXES
        or gazetteer.lookup(word) is not None
        or word in GIVEN_NAMES
    )


def _runs(tokens: list[Token], text: str) -> list[list[Token]]:
    """Tokens grouped into runs of one name-like phrase: neighbours joined by a space or by a
    particle ("bin", "of" after "Ministry")."""
    runs: list[list[Token]] = []
    previous: Token | None = None
    for token in tokens:
        if previous is not None and not previous[3] and token[0] - previous[1] <= _LONGEST_GAP:
            gap = text[previous[1] : token[0]]
            if gap == " " or gap == "\xa0" or (gap in _PARTICLE_GAPS and (not gap.startswith(" of") or previous[2] in _OF_HEADS)):
                runs[-1].append(token)
                previous = token
                continue
        runs.append([token])
        previous = token
    return runs


def pieces(run: list[Token], text: str) -> tuple[Piece, ...]:
    """Pieces of a run: place, organization or name (titles are left out). A run depends only on
    its own text, so the pieces of a repeated one ("Trump", "U.S.") are computed once."""
    base = run[0][0]
    key = (text[base : run[-1][1]], (run[0][3],) if len(run) == 1 else tuple([t[3] for t in run]))
    found = _PIECES.get(key)
    if found is None:
        if len(_PIECES) > 50_000:
            _PIECES.clear()
        found = _PIECES[key] = _surface_pieces(key[0], [(s - base, e - base, w, f) for s, e, w, f in run])
    return found


def _surface_pieces(text: str, run: list[Token]) -> tuple[Piece, ...]:
    """Cut a run (offsets relative to ``text``, the run's own text) left to right, taking at
    each word the longest gazetteer name, organisation, place or title that starts there."""
    pieces: list[tuple[str, int, int, str | None]] = []
    words = [t[2] for t in run]
    n = len(run)
    i = 0
    while i < n:
        kind, size, canonical = _piece_at(run, words, i, text)
        if kind != NAME and pieces and pieces[-1][0] == NAME and pieces[-1][2] == i and _absorbs(run, pieces[-1], kind, i, size):
            kind = NAME
        if kind == NAME and pieces and pieces[-1][0] == NAME and pieces[-1][2] == i:
            pieces[-1] = (NAME, pieces[-1][1], i + 1, None)
            i += 1
            continue
        if kind == TITLE and pieces and pieces[-1][0] == NAME and pieces[-1][2] == i and pieces[-1][1] == 0:
            pieces.pop()  # "Harbour Commissioner": an unknown word opening a title belongs to it
        pieces.append((kind, i, i + size, canonical))
        i += size
    return tuple(p for p in pieces if p[0] != TITLE)


def _absorbs(run: Sequence[Token], name: tuple[str, int, int, str | None], kind: str, i: int, size: int) -> bool:
    """A title word or a place right after a given name is a surname when only initials or a
    suffix follow it: "Martin Luther King", "Michael Jordan", "William H. Dane III"."""
    if size != 1 or kind not in (TITLE, PLACE):
        return False
    rest = [t[2] for t in run[i + 1 :]]
    if not all(w in SUFFIXES for w in rest):
        return False
    return kind == TITLE or run[name[1]][2] in GIVEN_NAMES


def _piece_at(run: Sequence[Token], words: list[str], i: int, text: str) -> tuple[str, int, str | None]:
    n = len(run)
    if n == 1:
        found = gazetteer.lookup(words[0])
        if found:
            return found[1], 1, found[0]
        return (TITLE if is_title_word(words[0], heads_only=True) else NAME), 1, None
    if words[i] in GIVEN_NAMES and i + 1 < n and is_name_word(words[i + 1]) and not _starts_known(run, i + 1, text):
        return NAME, 1, None
    best: tuple[str, int, str | None] = (NAME, 0, None)
    for size in range(min(gazetteer.MAX_NAME_WORDS, n - i), 0, -1):
        found = gazetteer.lookup(text[run[i][0] : run[i + size - 1][1]])
        if found:
            best = (found[1], size, found[0])
            break
    organization = _organization_size(run, i, text)
    if organization > best[1]:
        best = (ORGANIZATION, organization, _organization_name(text[run[i][0] : run[i + organization - 1][1]]))
    place = _place_size(run, i)
    if place > best[1]:
        best = (PLACE, place, text[run[i][0] : run[i + place - 1][1]])
    title = _title_size(run, i, text)
    if title > best[1]:
        best = (TITLE, title, None)
    return best if best[1] else (NAME, 1, None)


def _place_size(run: Sequence[Token], i: int) -> int:
    """Length of a place name ending in a word like "Bridge" or "Quay" ("Lower Quay"), or
    opening with one like "Port" ("Port Halvard")."""
    opened = run[i][2] in gazetteer.PLACE_PREFIXES and i + 1 < len(run) and not run[i][3]
    for k in range(i + 1, min(len(run), i + 5)):
        if run[k][2] in gazetteer.PLACE_SUFFIXES:
            while k + 1 < len(run) and run[k + 1][2] in gazetteer.PLACE_SUFFIXES:
                k += 1
            return k - i + 1
        if run[k - 1][3] or run[k][2] in gazetteer.ORG_SUFFIXES or is_title_word(run[k][2], heads_only=True):
            break
    return 2 if opened and is_name_word(run[i + 1][2]) else 0


def _starts_known(run: Sequence[Token], i: int, text: str) -> bool:
    return gazetteer.lookup(run[i][2]) is not None or _title_size(run, i, text) > 0 or _organization_size(run, i, text) > 0


def _organization_size(run: Sequence[Token], i: int, text: str) -> int:
    """Length of an organisation name starting at i and ending in a word like "Ministry", or
    made of such a word and its "of" complement ("Ministry of Defense")."""
    if run[i][2] in gazetteer.ORG_SUFFIXES and i + 1 < len(run) and text[run[i][1] : run[i + 1][0]].startswith(" of"):
        return min(len(run), i + 6) - i
    for k in range(i, min(len(run), i + 6)):
        word = run[k][2]
        if word in gazetteer.ORG_SUFFIXES and k > i:
            if k == i + 1 and run[i][2] in GIVEN_NAMES:
                return 0
            if word == "Force" and run[k - 1][2] == "Task" and k + 1 < len(run) and not run[k][3]:
                return min(len(run), k + 3) - i  # "Task Force Valdera"
            while k + 1 < len(run) and run[k + 1][2] in gazetteer.ORG_SUFFIXES:
                k += 1
            return k - i + 1
        if is_title_word(word, heads_only=True) and word not in gazetteer.ORG_SUFFIXES or run[k][3]:
            return 0
    return 0


def _organization_name(text: str) -> str:
    """Canonical name of an organisation: "Iraqi Defense Ministry" -> "Iraqi Ministry of Defense"."""
    words = text.split()
    found = gazetteer.lookup(text)
    if found:
        return found[0]
    country = gazetteer.lookup(words[0])
    prefix = ""
    if country and gazetteer.is_country(country[0]) and len(words) > 1:
        rest = " ".join(words[1:])
        inner = gazetteer.lookup(rest)
        if inner and inner[1] == ORGANIZATION:
            return inner[0]
        prefix, text = gazetteer.adjective(country[0]) + " ", rest
    text = text.replace(".", "").replace("Defence", "Defense")
    ministry = _MINISTRY.match(text)
    if ministry:
        text = f"Ministry of {ministry.group(1)}"
    return prefix + text


@lru_cache(maxsize=65536)
def is_title_word(word: str, heads_only: bool = False) -> bool:
    """Whether a word names an office ("premier", "Gen.") or, unless ``heads_only``, modifies one."""
    normal = normalize_word(word)
    if "-" in normal and normal.split("-", 1)[0] in ("ex", "then", "former", "vice", "acting"):
        normal = normal.split("-", 1)[1]
    return normal.rsplit(" ", 1)[-1] in HEADS or (not heads_only and normal in MODIFIERS)


def _title_size(run: Sequence[Token], i: int, text: str) -> int:
    """Length of a capitalised title starting at i ("Brigadier General", "Secretary of State")."""
    best = 0
    for k in range(i, len(run)):
        word = run[k][2]
        if is_title_word(word, heads_only=True):
            best = k - i + 1
        elif is_title_word(word):
            if k > i and text[run[k - 1][1] : run[k][0]].startswith(" of"):
                best = k - i + 1
        else:
            break
        if run[k][3]:
            break
    return best


def is_name_word(word: str) -> bool:
    return word[:1].isupper() and (not word.isupper() or len(word) == 1 or word.endswith(".") or word in SUFFIXES)


def abbreviation(word: str) -> bool:
    base = word[:-1]
    return len(base) == 1 or "." in base or base.lower() in _KEEP_DOT
