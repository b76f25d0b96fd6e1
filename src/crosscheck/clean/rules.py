"""Site furniture recognised from one line alone: widgets, prompts, links, notices, residue.

Every pattern must match the whole line (or a clearly delimited piece of it), so a story
sentence that merely mentions comments, sharing or copyright is never taken.
"""

from __future__ import annotations

import re

from crosscheck.clean.lines import DOUBLE_QUOTES, REPORTING_WORDS, Line

PROMPT_REASONS = frozenset({"sign-up prompt", "newsletter prompt"})
_MAX_WORDS = 40
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = (
    rf"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,? )?"
    rf"(?:{_MONTH} \d{{1,2}},? \d{{4}}|\d{{1,2}} {_MONTH} \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
)
_SOCIAL = r"(?:twitter|x|instagram|facebook|threads|bluesky|linkedin|tiktok|youtube|telegram|mastodon)"

_NEWSLETTER = (
    r"never miss \S+(?: \S+){0,7}"
    r"|(?:get|receive|turn on|enable|allow) (?:push |breaking |e-?mail |news )?(?:notifications|alerts)\b.*"
    r"|(?:sign up|subscribe|register) (?:for|to) (?:our|the|my|a|free)\b.*"
    r"\b(?:newsletters?|briefings?|digest|alerts|bulletin|inbox|podcast|updates)\b.*"
    r"|(?:get|receive) (?:our|the)\b.*\b(?:newsletters?|briefing|digest)\b.*"
    r"|stay (?:updated|informed|up to date)\b.*|(?:get|receive|have)\b.*\b(?:in|to|into) your inbox\b.*"
)
_SIGN_UP = (
    r"(?:register|sign ?up|subscribe|log ?in|sign ?in)(?: (?:now|today|here|for free|free|to continue(?: reading)?"
    r"|to read(?: more)?|to comment|for (?:full|unlimited) access))?"
    r"|(?:sign|log) ?in (?:or|to) (?:register|sign ?up|subscribe|continue|your account)"
    r"|(?:or |and )?continue (?:with|reading)(?: (?:google|facebook|apple|e-?mail))?"
    r"|already (?:registered|a (?:subscriber|member)|have an account)\?.*|not a (?:subscriber|member)\?.*"
    r"|(?:check|confirm|verify) your (?:e-?mail|inbox)|enter your e-?mail\b.*"
    r"|we(?:'ve|’ve| have)? sent (?:you )?an? (?:e-?mail|link)\b.*|(?:create|open) (?:an|your|a free) account\b.*"
    r"|forgot (?:your )?password\??"
    r"|by (?:registering|signing up|subscribing|creating an account|continuing|clicking)\b.*"
    r"\b(?:agree|terms|privacy|consent)\b.*"
    r"|you(?:'|’)re (?:now |all )?(?:subscribed|registered|signed up|logged in|signed in|all set)"
    r"|(?:this|the) (?:article|story|content) is (?:for|available to|reserved for|exclusive to)"
    r" (?:subscribers|members|registered users)\b.*"
    r"|to continue reading,? (?:please )?(?:log|sign|subscribe|register|create)\b.*"
    r"|(?:subscribe|register|sign ?up|log ?in|sign ?in) to (?:continue|keep) reading\b.*"
    r"|you(?:'ve|’ve| have) read \d+ (?:of (?:your )?\d+ )?(?:free )?(?:articles?|stories)\b.*"
)

# (reason, pattern); each pattern must match a whole lower-cased line.
_BOILERPLATE = (
    ("newsletter prompt", _NEWSLETTER),
    ("sign-up prompt", _SIGN_UP),
    (
        "advertisement",
        r"advertisement|advert|sponsored(?: content)?|(?:story|article) continues below(?: advertisement)?"
        r"|continue reading (?:the main story|below)|scroll to continue(?: with content)?",
    ),
    (
        "comment widget",
        r"no comments(?: yet)?|\d+ comments?|comments?(?: \(\d+\))?|(?:leave|post|add|write) a comment"
        r"|(?:view|show|read|load|see) (?:all )?(?:\d+ )?comments|join the (?:conversation|discussion)"
        r"|be the first to comment|you must be logged in to (?:post a )?comment"
        r"|comments are (?:open|closed|available)(?: (?:only )?to (?:subscribers|members|registered users))?"
        r"(?:[.\s]+\d+ comments?)?",
    ),
    (
        "share prompt",
        r"tell your friends|share (?:this|the) (?:article|story|post|page)|share this|click to share.*"
        r"|share(?: on| via)? (?:facebook|twitter|whatsapp|e-?mail|linkedin)|copy (?:the )?link|share"
        r"|(?:(?:share|facebook|twitter|whatsapp|e-?mail|linkedin|reddit|pinterest|telegram|messenger|print"
        r"|copy link)[\s,|·•/]*){2,}",
    ),
    (
        "read-more link",
        r"(?:read more|read also|also read|see also|more reading|related|recommended|more on this"
        r"|related (?:stories|articles|coverage|content|reading|news|links)|recommended (?:reading|stories|for you)"
        r"|more on this (?:story|topic)|you (?:may|might) also like|most (?:read|popular|viewed)"
        r"|trending(?: now| stories)?|more stories|more from \S+(?: \S+){0,3})(?:\s*[:»›|-]\s*[^.!]*)?",
    ),
    (
        "timestamp",
        rf"(?:updated|published|posted|last (?:updated|modified))(?: on)?:? {_DATE}"
        r"(?:,? (?:at )?\d{1,2}(?:[:.]\d{2})?(?: ?[ap]\.?m\.?)?(?: [a-z]{2,5})?)?",
    ),
    (
        "copyright line",
        r"(?:copyright\s*(?:©|\(c\))?\s*\d{4}|©\s*\S|\(c\)\s*\d{4}).*|all rights reserved",
    ),
    (
        "video embed",
        r"(?:watch|video|listen)\s*:\s*[^.!?]+",
    ),
    (
        "follow prompt",
        rf"follow (?:(?:him|her|them|us|me|@\w+|\w[\w.'’-]*(?: \w[\w.'’-]*){{0,2}}) )?on {_SOCIAL}"
        rf"(?: at| @|:)?\s*@\w+.*|follow (?:us|me) on {_SOCIAL}",
    ),
)
_BOILERPLATE_LINE = re.compile(
    "(?:"
    + "|".join(f"(?P<rule{index}>{pattern})" for index, (_, pattern) in enumerate(_BOILERPLATE))
    + r")[\s.:!»›…]*"
)
_REASONS = {f"rule{index}": reason for index, (reason, _) in enumerate(_BOILERPLATE)}

_SIGN_UP_CALL = re.compile(r"\bsign up(?: for free| free| now| today| here)?[.!]?$")
_DATED_LINK = re.compile(rf"\({_MONTH} \d{{1,2}}, \d{{4}}\)$")
_DATELINE_RESIDUE = re.compile(r"\(\s*\)?\s*[–—-]+(?=\s+[\w“\"'‘])")
_TRAILING_FOLLOW = re.compile(
    rf"(?<=[.!?”\"’'])\s+(follow (?:(?:him|her|them|us|me) )?on {_SOCIAL}(?: at)?:? ?@\w+\.?)$", re.I
)


def boilerplate_reason(line: Line) -> str | None:
    """The reason a whole line is site furniture, or None.

    Quoted lines are story text; so are would-be prompts with a reporting verb in them.
    """
    if line.words > _MAX_WORDS:
        return None
    lowered = line.text.lower()
    match = _BOILERPLATE_LINE.fullmatch(lowered)
    reason = _REASONS[match.lastgroup] if match and match.lastgroup else _ending_reason(line, lowered)
    if reason is None or any(quote in line.text for quote in DOUBLE_QUOTES):
        return None
    if reason in PROMPT_REASONS and any(word in lowered for word in REPORTING_WORDS):
        return None
    return reason


def _ending_reason(line: Line, lowered: str) -> str | None:
    """Lines known by how they end: a sign-up call, or a link to an older story dated in brackets."""
    if "sign up" in lowered and _SIGN_UP_CALL.search(lowered):
        return "newsletter prompt"
    if not line.finished and lowered.endswith(")") and _DATED_LINK.search(lowered):
        return "read-more link"
    return None


def leading_junk(text: str) -> tuple[int, str] | None:
    """``(length, reason)`` of residue glued to the start of a story line, such as "( – "."""
    match = _DATELINE_RESIDUE.match(text)
    return (match.end(), "dateline residue") if match else None


def trailing_junk(text: str) -> tuple[int, str] | None:
    """``(offset, reason)`` of a prompt glued to the end of a story line ("… Follow on Twitter @x")."""
    match = _TRAILING_FOLLOW.search(text) if "@" in text else None
    return (match.start(1), "follow prompt") if match else None
