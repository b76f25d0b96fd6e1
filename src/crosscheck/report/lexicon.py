"""Word lists the framing checks and the neutral summary share.

Kept short and conservative: a word is here only if a careful news editor would strike it
from straight reporting (judgement, ridicule, or a verdict the facts do not state).
"""

from __future__ import annotations

import re

# Loaded or evaluative words: a writer's verdict rather than a report.
LOADED_WORDS = (
    "shambles", "fiasco", "farce", "debacle", "scandalous", "outrageous", "shameful", "shocking",
    "appalling", "absurd", "ridiculous", "laughable", "pathetic", "reckless", "chaotic", "flip-flop",
    "meltdown", "bombshell", "jaw-dropping", "staggering", "alarming", "disastrous", "draconian",
    "brazen", "cynical", "so-called", "cover-up", "whitewash", "sham", "spineless", "naturally",
    "obviously", "needless to say", "of course", "slams", "slammed", "blasts", "blasted", "lashed out",
    "endless",
)
# Words that judge rather than report when the writer predicates them of something ("The
# pull-out is welcome news"); in other places they are ordinary words.
EVALUATIVE_WORDS = (
    "welcome", "unwelcome", "good news", "bad news", "troubling", "worrying", "embarrassing", "inexcusable",
    "unacceptable", "deplorable", "commendable", "admirable", "encouraging", "heartening", "regrettable",
    "unfortunate", "a relief", "a disgrace", "a mess",
)
# Stems of loaded words, matched at a word start: "fumbl" covers fumble, fumbled, fumbling.
LOADED_STEMS = ("incompeten", "bungl", "botch", "blunder", "fumbl", "backpedal", "hysteri", "fearmonger", "humiliat", "disgrace")
LOADED_PATTERN = re.compile(
    r"\b(?:" + "|".join(map(re.escape, LOADED_WORDS)) + r")\b|\b(?:" + "|".join(LOADED_STEMS) + r")[\w-]*",
    re.I,
)

# A loaded word as the sentence's verdict: "That is a shambles", "the plan was reckless" (a
# loaded word elsewhere, "the backpedalling began", is listed but does not make an opinion).
VERDICT = re.compile(
    r"\b(?:is|are|was|were|be|been|looks?|seems?|sounds?|remains?)\s+(?:(?:a|an|the|just|simply|utterly|"
    r"quite|so|very|truly|nothing\s+but|nothing\s+short\s+of)\s+){0,2}(?:" + LOADED_PATTERN.pattern
    + r"|\b(?:" + "|".join(map(re.escape, EVALUATIVE_WORDS)) + r")\b)",
    re.I,
)
# A reporting verb opening reported speech: first-person words after it are the source's.
REPORTED_THAT = re.compile(r"\b(?:reported|said|says|wrote|announced|stated|declared|told\s+\w+)\s+that\b", re.I)

# The writer speaking as themself. "US" the country is upper case, so only lower-case "us" counts.
FIRST_PERSON = re.compile(
    r"\bI(?=\s+[a-z]|['’](?:m|ve|d|ll)\b)|\b(?:[Mm]y|[Mm]e|[Mm]yself|[Ww]e|[Oo]ur|[Oo]urs|[Oo]urselves|us)\b"
)
# The writer guessing aloud, or telling the reader what to conclude.
AUTHOR_HEDGE = re.compile(r"\bit (?:appears|seems|would (?:appear|seem)|looks as (?:if|though))\b", re.I)
# "If the notice was only a draft ..., then somebody ...": the writer's own inference.
AUTHOR_INFERENCE = re.compile(r"^\W*If\b.*?,\s*then\b", re.S)

# Section labels, title prefixes and URL parts that declare what an article is.
OPINION_MARKERS = re.compile(r"\b(?:opinion|comment|commentary|column|columnist|editorial|op-?ed|viewpoint|perspective|letters?)\b", re.I)
ANALYSIS_MARKERS = re.compile(r"\b(?:analysis|explainer|explained|fact[- ]check|news analysis)\b", re.I)
UPDATE_MARKERS = re.compile(
    r"^\s*update\b|\bupdate to (?:the |this )?story\b|\boriginal story (?:follows|below)\b|\bthis story has been updated\b",
    re.I | re.M,
)

# Words in a name that make it a news organisation (a credit to it is a credit to other media).
MEDIA_WORDS = re.compile(
    r"\b(?:Press|News|Times|Post|Herald|Journal|Gazette|Tribune|Telegraph|Guardian|Ledger|Dispatch|"
    r"Sentinel|Chronicle|Observer|Beacon|Courier|Examiner|Standard|Mirror|Express|Independent|Agency|"
    r"Wire|TV|Radio|Television|Broadcasting|Network|Channel|Media|Reuters|AFP|AP|Associated|Bloomberg|"
    r"BBC|CNN|NBC|CBS|ABC|Fox|Sky|Politico|Axios|Yahoo|\d+)\b"
)

# Function words: never evidence that two sentences tell of the same event.
STOPWORDS = frozenset(
    """a an the and or but if of in on at to for from by with as into onto over under about after
    before since until than then that this these those there here it its it's is are was were be been
    being has have had do does did will would shall should can could may might must not no nor so
    such he she they them his her their hers theirs him we us our you your i me my who whom whose
    which what when where why how all any both each few more most other some own same too very just
    also only said says say told tell according one two three day days week last next later earlier
    monday tuesday wednesday thursday friday saturday sunday night morning afternoon evening
    tonight today yesterday tomorrow""".split()
)
