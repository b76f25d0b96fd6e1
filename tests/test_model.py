"""The document model's annotations stay values: frozen, hashable, comparable, copyable."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from crosscheck.model import Attribution, Mention, Polarity, Quantity, Span, Timex


def test_annotations_are_frozen_values_with_their_defaults() -> None:
    span = Span(3, 9)
    attribution = Attribution(Span(0, 20), cue=span)
    assert attribution.speaker is None and attribution.kind == "direct" and not attribution.anonymous
    assert Polarity(0, 4).cues == () and Quantity(0, 2, 5.0).kind == "count"
    assert Mention(start=0, end=9, entity="Ana Reyes", type="person").title is None
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.start = 4  # type: ignore[misc]
    assert {Span(3, 9), span} == {span}
    assert dataclasses.replace(attribution, speaker="Ana Reyes").cue == span
    timex = Timex(0, 6, "DATE", "2026-03-02")
    assert pickle.loads(pickle.dumps(timex)) == timex
    with pytest.raises(TypeError):
        Span(1)  # type: ignore[call-arg]
