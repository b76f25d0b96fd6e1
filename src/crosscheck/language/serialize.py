"""Annotations as JSON, in the shapes ``shared/bench/score.py`` reads for times and attributions."""

from __future__ import annotations

from typing import Any

from crosscheck.model import Doc, Span


def _span(span: Span | None) -> list[int] | None:
    return None if span is None else [span.start, span.end]


def doc_to_json(doc: Doc) -> dict[str, Any]:
    """Every annotation of ``doc``, offsets into the cleaned text, plus the covered text for people."""
    text = doc.text
    return {
        "id": doc.id,
        "published": doc.published,
        "sentences": [[s.start, s.end] for s in doc.sentences],
        "entities": [
            {"start": m.start, "end": m.end, "text": text[m.start : m.end], "entity": m.entity, "type": m.type, "title": m.title}
            for m in doc.mentions
        ],
        "attributions": [
            {
                "source": _span(a.source),
                "cue": _span(a.cue),
                "content": _span(a.content),
                "speaker": a.speaker,
                "via": a.via,
                "kind": a.kind,
                "anonymous": a.anonymous,
            }
            for a in doc.attributions
        ],
        "numbers": [
            {
                "start": q.start,
                "end": q.end,
                "text": text[q.start : q.end],
                "value": q.value,
                "kind": q.kind,
                "unit": q.unit,
                "approx": q.approx,
                "high": q.high,
            }
            for q in doc.quantities
        ],
        "times": [
            {"start": t.start, "end": t.end, "type": t.type, "value": t.value, "text": text[t.start : t.end]}
            for t in doc.times
        ],
        "polarity": [
            {
                "start": p.start,
                "end": p.end,
                "negated": p.negated,
                "modality": p.modality,
                "cues": [text[c.start : c.end] for c in p.cues],
            }
            for p in doc.polarity
        ],
    }
