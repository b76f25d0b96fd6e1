"""Photo captions and credits.

Strong signals decide alone: a caption label ("Pictured:", "Illustrative:"), a credit line,
a photo credit in parentheses at the end ("(Name/AFP)"). Prose captions that lack those are
recognised only by weaker signals taken together, and only where the caller allows it.
"""

from __future__ import annotations

import re

from crosscheck.clean.lines import Line

_MAX_CAPTION_WORDS = 80
_MAX_CREDIT_WORDS = 12
_MIN_PROSE_WORDS = 8
_MIN_CLAUSE_WORDS = 12

_CREDIT_LABEL = re.compile(r"(?:(?:photo(?:graph)?|image|picture|video)s?\s+)?credits?\s*:\s*\S", re.I)
_CAPTION_LABEL = re.compile(
    r"(?P<label>illustrative(?: image| photo)?|pictured|above|below|inset|main (?:image|picture|photo)"
    r"|file (?:photo|image|picture)|photo(?:graph)?|image|picture|seen here|in this (?:photo|image|picture))"
    r"(?:[ ,]+(?:left|right|centre|center|top|bottom|inset|above|below))*(?:\s*\([^()]{0,40}\))?\s*:\s*(?=\S)",
    re.I,
)
_CREDIT_ONLY_LABELS = {"photo", "photograph", "image", "picture"}
_IMAGE_LABEL = re.compile(r"(?:image|media) (?P<kind>source|caption|credit)\s*[,:]\s*(?=\S)", re.I)
_BARE_CREDIT = re.compile(
    r"(?:[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*\s*/\s*)?"
    r"(?:Getty Images|Shutterstock|Alamy|iStock|AP Photo|AFP via Getty Images)"
    r"|[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)+\s*/\s*(?:AP|AFP|Reuters|EPA|Bloomberg|Getty Images)"
)
_BARE_CREDIT_HINTS = ("/", "Getty", "Shutterstock", "Alamy", "iStock", "AP Photo")
_CREDIT_AT_END = re.compile(r"\(([^()]{2,80})\)$")
_CREDIT_WORDS = re.compile(
    r"\b(?:[Pp]hotos?|[Pp]hotograph|[Cc]redit|[Cc]ourtesy|Getty|Images|Shutterstock|iStock|Alamy|Flash90"
    r"|[Hh]andout|[Ss]creenshot|[Ss]creengrab|File|Pool)\b"
)
_CREDIT_PREFIX = re.compile(r"(?:photo(?:graph)?|image|picture)?\s*(?:credit)?\s*:", re.I)
_AGENCY = re.compile(
    r"\b(?:AP|AFP|Reuters|EPA|EFE|Xinhua|Bloomberg|UPI|TASS|Sputnik|Anadolu|dpa|ANSA|KCNA|IRNA|Tasnim|WANA"
    r"|SANA|PA|Zuma|NurPhoto|Sipa|SOPA|Abaca|Twitter|Facebook|Instagram|YouTube|Wikimedia|Wikipedia)\b"
)
_NAMED_CREDIT = re.compile(r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)+\s*/\s*[A-Z][\w.'’ -]*")
_PHOTO_WORDS = re.compile(
    r"\b(?:pictured|photographed|(?:is|are) (?:seen|shown)|seen here|(?:in )?this (?:photo|photograph|picture"
    r"|image|handout|video|screenshot|screengrab|still|letter|document|map|graphic|file photo))\b"
    r"|\((?:left|right|centre|center|above|below|top|bottom)\)"
)
_PHOTO_HINTS = ("pictur", "photo", " seen", " shown", "this ", "(")
_LEAD_LABEL = re.compile(r"[A-Z][\w'’.-]+(?: [\w'’.-]+){0,2}: [A-Z‘“'\"]")


def caption_reason(line: Line) -> str | None:
    """"photo caption" or "photo credit" when the line carries an unmistakable caption signal."""
    text = line.text
    if line.words > _MAX_CAPTION_WORDS:
        return None
    image = _IMAGE_LABEL.match(text) if text[:5].lower() in ("image", "media") else None
    if image:
        return "photo caption" if image.group("kind").lower() == "caption" else "photo credit"
    if line.words <= _MAX_CREDIT_WORDS and not line.finished and _is_bare_credit(text):
        return "photo credit"
    if ":" in text:
        if line.words <= _MAX_CREDIT_WORDS and _CREDIT_LABEL.match(text):
            return "photo credit"
        label = _CAPTION_LABEL.match(text)
        if label:
            short = len(text[label.end() :].split()) <= 5
            return "photo credit" if short and label.group("label").lower() in _CREDIT_ONLY_LABELS else "photo caption"
    credit = _CREDIT_AT_END.search(text) if text.endswith(")") else None
    if credit and _is_photo_credit(credit.group(1)):
        return "photo credit" if credit.start() == 0 else "photo caption"
    return None


def is_prose_caption(line: Line) -> bool:
    """A line without a final full stop that reads like a caption: photo words, or a long
    line split by a semicolon or led by a short "Label:" (the tabloid caption style)."""
    if line.words < _MIN_PROSE_WORDS:
        return False
    lowered = line.text.lower()
    if any(hint in lowered for hint in _PHOTO_HINTS) and _PHOTO_WORDS.search(lowered):
        return True
    if line.words < _MIN_CLAUSE_WORDS:
        return False
    label = _LEAD_LABEL.match(line.text)
    return "; " in line.text or (label is not None and _reads_as_prose(line.text[label.end() - 1 :]))


def _is_bare_credit(text: str) -> bool:
    """A line that is only a credit: "Name/AFP", "Getty Images"."""
    return any(hint in text for hint in _BARE_CREDIT_HINTS) and _BARE_CREDIT.fullmatch(text) is not None


def _reads_as_prose(text: str) -> bool:
    """Most words in lower case: a described scene, not a list of names or products."""
    words = [word for word in text.split() if word[0].isalpha()]
    return sum(word[0].islower() for word in words) * 2 >= len(words)


def _is_photo_credit(inner: str) -> bool:
    """"Name/AFP", "AP Photo/Name", "Photo: Name": a credit, not a remark in brackets."""
    if ":" in inner and not _CREDIT_PREFIX.match(inner):
        return False
    if _CREDIT_WORDS.search(inner):
        return True
    return "/" in inner and (_AGENCY.search(inner) is not None or _NAMED_CREDIT.fullmatch(inner.strip()) is not None)
