"""A neutral summary of the story: corroborated facts first, then disputes with who says what.

Extractive: each sentence is a claim as the analysis words it (or one of its evidence
sentences), or a dispute phrased from its positions in one fixed, even-handed form. Each
sentence cites the articles it rests on; sentences with opinion signals or loaded words are
never used. Sides of a dispute are named by their independent source ("Meridian Press"), not
by every outlet that reprinted it.
"""

from __future__ import annotations

import re
from typing import Any

from crosscheck.crosssource.text import bare_quote, unclosed_quote
from crosscheck.report.lexicon import AUTHOR_HEDGE, FIRST_PERSON, LOADED_PATTERN
from crosscheck.report.passages import without_dateline

MIN_SENTENCES, MAX_SENTENCES = 3, 10
MAX_CORROBORATED, MAX_DISPUTES, MAX_SINGLE = 5, 4, 2
_DISPUTE_ORDER = {"numeric": 0, "polarity": 1, "attribution": 2, "superseded": 3}
_TOPIC_START = re.compile(r"^(?:how|whether|who|what|when|where|which|why)\b", re.I)
# A sentence a reader can take on its own: not a fragment ("which alone has the power ..."),
# and not a quote whose speaker is only a pronoun ("..., he said.").
_SENTENCE_START = re.compile(r"^[\"“‘']?[A-Z0-9]")
_PRONOUN_SPEAKER = re.compile(r"\b(?:he|she|they|it)\s+(?:said|says|added|told)\b", re.I)
_REPORTED = re.compile(r"\b(?:said|says|told|tells|according to|announced|stated|insisted|denied|wrote)\b")


def is_neutral(sentence: str) -> bool:
    """No first person, question, loaded word or "it appears": fit for a neutral summary."""
    return not (
        FIRST_PERSON.search(sentence) or sentence.rstrip(" ”\"'’").endswith("?") or LOADED_PATTERN.search(sentence) or AUTHOR_HEDGE.search(sentence)
    )


def build_summary(
    claims: list[dict[str, Any]],
    disputes: list[dict[str, Any]],
    *,
    names: dict[str, str],
    opinion: set[str],
    derivative: set[str],
    texts: dict[str, str],
) -> list[dict[str, Any]]:
    """Three to ten cited sentences ``[{text, articles, evidence, kind}]`` (fewer only when the
    analysis has fewer findings to state).

    ``names`` maps an article id to the name its side goes by (its independent source, or its
    outlet), ``opinion`` holds the ids of opinion pieces (never cited for a fact when a news
    article carries it), ``derivative`` those that add no source of their own (never named as
    a fact's source), and ``texts`` the articles' cleaned texts (evidence offsets point into
    them). Dispute positions must carry their evidence.
    """
    corroborated = sorted(
        (c for c in claims if c["status"] == "corroborated"),
        key=lambda c: (-c.get("independent_sources", 0), -len(c["articles"])),
    )
    single = [c for c in claims if c["status"] == "single-source"]
    ordered_disputes = sorted(disputes, key=lambda d: _DISPUTE_ORDER.get(d["kind"], len(_DISPUTE_ORDER)))
    sentences = [s for c in corroborated if (s := _claim_sentence(c, opinion, texts, None))][:MAX_CORROBORATED]
    sentences += [s for d in ordered_disputes if (s := _dispute_sentence(d, names, opinion))][:MAX_DISPUTES]
    wanted = min(MAX_SENTENCES - len(sentences), max(MAX_SINGLE, MIN_SENTENCES - len(sentences)))
    sources = {a: name for a, name in names.items() if a not in derivative}
    sentences += [s for c in single if (s := _claim_sentence(c, opinion, texts, sources))][:wanted]
    return sentences


def _cited(articles: list[str], opinion: set[str]) -> list[str]:
    """The articles to cite: news first; opinion pieces only when nothing else carries it."""
    return [a for a in articles if a not in opinion] or list(articles)


def _claim_sentence(
    claim: dict[str, Any], opinion: set[str], texts: dict[str, str], sources: dict[str, str] | None
) -> dict[str, Any] | None:
    """The claim in neutral words, or None; given ``sources`` (article -> independent source),
    it says whose claim it is, and a claim no independent source carries is left out."""
    articles = _cited(claim["articles"], opinion)
    evidence = [e for e in claim.get("evidence", []) if e["article"] in articles]
    text = next((w for w in _wordings(claim, evidence, texts) if is_neutral(w)), None)
    if text is None:
        return None
    if sources is not None:
        who = _unique(sources[a] for a in articles if a in sources)
        if not who:
            return None
        text = _according_to(text, _join(who))
    return {"text": text, "articles": articles, "evidence": evidence, "kind": claim["status"], "claim": claim["id"]}


def _closed(text: str) -> str:
    """``text`` with an unclosed quotation closed and a full stop if it has no end mark."""
    if closer := unclosed_quote(text):
        text = text.rstrip(".,") + closer
    return text if text[-1] in ".!?”\"'" else text + "."


def _according_to(text: str, who: str) -> str:
    """``text`` credited at its end: "..., according to X." or "...,” according to X."."""
    if text.endswith(("”", '"')):
        return f"{text[:-1].rstrip('.,')},{text[-1]} according to {who}."
    return f"{text.rstrip('.')}, according to {who}."


def _wordings(claim: dict[str, Any], evidence: list[dict[str, Any]], texts: dict[str, str]) -> list[str]:
    """Ways to state the claim as a sentence: the analysis's wording (a quote credited to its
    speaker), then the shortest source sentences that stand on their own."""
    wordings = []
    own = without_dateline(claim["text"].strip())
    if _SENTENCE_START.match(own):
        speaker = claim.get("speaker")
        if speaker and speaker.split()[-1] not in own and not _REPORTED.search(own):
            own = f"{speaker} said: “{bare_quote(own)}.”"
        wordings.append(_closed(own))
    sentences = {without_dateline(texts[e["article"]][e["sentence"][0] : e["sentence"][1]].strip()) for e in evidence if e["article"] in texts}
    wordings += sorted((s for s in sentences if _SENTENCE_START.match(s) and not _PRONOUN_SPEAKER.search(s)), key=len)
    return wordings


def _dispute_sentence(dispute: dict[str, Any], names: dict[str, str], opinion: set[str]) -> dict[str, Any] | None:
    positions = [p for p in dispute["positions"] if not set(p["articles"]) <= opinion]
    if len(positions) < 2 and dispute["kind"] != "superseded":
        positions = dispute["positions"]
    if dispute["kind"] == "attribution":
        text = _attribution_text(positions, names)
    elif dispute["kind"] == "superseded":
        text = _superseded_text(positions, names)
    else:
        sides = "; ".join(_side(group, names) for group in _by_speaker(positions))
        text = f"Accounts differ{_topic(dispute)}: {sides}."
    if not is_neutral(text):
        return None
    articles = _unique(a for p in positions for a in p["articles"])
    evidence = [e for p in positions for e in p["evidence"]]
    return {"text": text, "articles": articles, "evidence": evidence, "kind": "dispute", "dispute": dispute["kind"]}


def _topic(dispute: dict[str, Any]) -> str:
    """" on how many residents are affected": the dispute's topic, or the question its summary
    opens with ("How many residents are affected: ..."); empty when it has neither."""
    topic = dispute.get("topic") or dispute.get("summary", "").split(":")[0].strip().rstrip(".")
    if _TOPIC_START.match(topic) and "(" not in topic and len(topic) <= 120:
        return " on " + topic[0].lower() + topic[1:]
    return ""


def _by_speaker(positions: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Positions grouped so one speaker's several wordings make one side."""
    groups: list[list[dict[str, Any]]] = []
    for position in positions:
        same = next((g for g in groups if position.get("speaker") and g[0].get("speaker") == position.get("speaker")), None)
        if same:
            same.append(position)
        else:
            groups.append([position])
    return groups


def _side(group: list[dict[str, Any]], names: dict[str, str]) -> str:
    """One side in words; named by the sources its positions count for ("NPR" for a column
    quoting an NPR reporter), else by the sources of its articles."""
    who = _unique(s for p in group for s in p.get("sources") or [names.get(a, a) for a in p["articles"]])
    words = " and ".join(f"“{bare_quote(p['text'])}”" for p in group)
    speaker = group[0].get("speaker")
    if speaker:
        return f"{speaker}, as reported by {_join(who)}, says {words}"
    return f"{_join(who)} {'reports' if len(who) == 1 else 'report'} {words}"


def _attribution_text(positions: list[dict[str, Any]], names: dict[str, str]) -> str:
    credits = [f"to {p['speaker'] or 'an unnamed speaker'} by {_join(_unique(names.get(a, a) for a in p['articles']))}" for p in positions]
    return f"The words “{bare_quote(positions[0]['text'])}” are credited {_join(credits, last=', and ')}."


def _superseded_text(positions: list[dict[str, Any]], names: dict[str, str]) -> str:
    first, *later = positions
    who = _join(_unique(names.get(a, a) for a in first["articles"]))
    updates = [f"“{bare_quote(p['text'])}”" + (f", quoting {p['speaker']}" if p.get("speaker") else "") for p in later]
    return f"{who} first reported “{bare_quote(first['text'])}”; its later version says {_join(updates)}."


def _unique(items: Any) -> list[str]:
    return list(dict.fromkeys(items))


def _join(items: list[str], last: str = " and ") -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + last + items[-1]
