"""Does a headline claim more than its article's body supports?

"Port Halvard To Shut Harbour Bridge" asserts an event; a body saying "nothing had been
decided" or "no decision ... to close the bridge" hedges it. A headline that attributes
("..., Says Commissioner"), asks, or hedges itself is not an overclaim, whatever the body says.
"""

from __future__ import annotations

import re
from typing import Any

from crosscheck.model import Doc
from crosscheck.report.passages import quoted_spans

# A headline that reports, asks or hedges does not assert the event as fact.
_HEDGED = re.compile(
    r"\?|\b(?:may|might|could|would|possibl[ey]|likely|unlikely|consider(?:s|ing)?|weighs?|"
    r"mulls?|eyes|plans?|seeks?|reportedly|reports?|says?|said|claims?|tells?|told|according|den(?:y|ies|ied)|"
    r"no|not|nothing|never|but|if|whether|amid)\b",
    re.I,
)
# Headlinese for a certain future: "To Shut", "Will Close", "Set To Ban".
_FUTURE = re.compile(r"\b(?:to|will|set to)\s+([a-z]+)\b", re.I)
# Event verbs, by meaning; a headline's third-person or past form asserts the event happened.
_EVENTS: dict[str, tuple[str, ...]] = {
    "close": ("close", "closes", "closed", "closing", "closure", "shut", "shuts", "shutting", "shutdown"),
    "order": ("order", "orders", "ordered", "force", "forces", "forced", "instruct", "instructs", "instructed"),
    "evacuate": ("evacuate", "evacuates", "evacuated", "evacuation", "relocate", "relocated", "relocation", "move", "moved"),
    "withdraw": ("withdraw", "withdraws", "withdrew", "withdrawal", "leave", "leaves", "leaving", "pullout", "exit"),
    "ban": ("ban", "bans", "banned", "bar", "bars", "barred"),
    "cancel": ("cancel", "cancels", "cancelled", "canceled", "scrap", "scraps", "scrapped"),
    "approve": ("approve", "approves", "approved", "approval", "sign", "signs", "signed"),
    "resign": ("resign", "resigns", "resigned", "resignation", "quit", "quits"),
    "fire": ("fire", "fires", "fired", "sack", "sacks", "sacked", "dismiss", "dismissed"),
    "confirm": ("confirm", "confirms", "confirmed", "confirmation"),
}
# Forms that assert a finished event; plural nouns that look like verbs ("Fires", "Signs") are left out.
_ASSERTED = {
    form: meaning
    for meaning, forms in _EVENTS.items()
    for form in forms
    if form.endswith(("s", "ed", "ew")) and form not in {"fires", "bars", "forces", "leaves", "signs"}
}
_NEGATION = re.compile(r"\b(?:no|not|nothing|never|none|nobody|den(?:y|ies|ied|ial))\b|n['’]t\b", re.I)
_UNDECIDED = re.compile(r"\b(?:decid\w*|decision|ordered|approved|final|confirmed|established)\b", re.I)


def headline_claims(headline: str) -> list[tuple[str, str]]:
    """The events a headline asserts as fact: ``(words as written, meaning)`` pairs."""
    if not headline or _HEDGED.search(headline) or quoted_spans(headline):
        return []
    claims: list[tuple[str, str]] = []
    for match in _FUTURE.finditer(headline):
        verb = match.group(1).lower()
        meaning = next((m for m, forms in _EVENTS.items() if verb in forms), None)
        if meaning:
            claims.append((match.group(0), meaning))
    for word in re.findall(r"[A-Za-z]+", headline):
        meaning = _ASSERTED.get(word.lower())
        if meaning and all(meaning != m for _, m in claims):
            claims.append((word, meaning))
    return claims


def headline_overclaim(headline: str | None, doc: Doc) -> dict[str, Any] | None:
    """The headline's unhedged claim and the body sentence that hedges or denies it, or None.

    A body sentence hedges the claim when it negates it ("no decision ... to close") or says
    nothing was decided, ordered or confirmed.
    """
    claims = headline_claims(headline or "")
    for written, meaning in claims:
        forms = re.compile(r"\b(?:" + "|".join(_EVENTS[meaning]) + r")\b", re.I)
        for sentence in doc.sentences:
            text = sentence.of(doc.text)
            if _NEGATION.search(text) and (forms.search(text) or _UNDECIDED.search(text)):
                return {
                    "claim": written,
                    "evidence": {"sentence": [sentence.start, sentence.end], "text": text},
                    "note": f"The headline states “{written}” as fact; the body says: “{text}”",
                }
    return None
