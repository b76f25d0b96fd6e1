"""Attributions: who said (wrote, believed, claimed) what, as source, cue and content spans.

    >>> from crosscheck.language.attributions import find_attributions
    >>> text = "“The bridge is safe,” said Ana Reyes, the city engineer."
    >>> [(a.speaker, a.cue.of(text), a.content.of(text)) for a in find_attributions(text)]
    [('Ana Reyes', 'said', '“The bridge is safe,”')]

Rules propose, a small learned model decides: ``quotes`` finds quotations, ``frames`` the
cues and their shape (``verbs``, ``nominal``), ``subjects`` and ``clauses`` the source and
content spans; ``candidates`` adds frames for words the rules pass over, and ``cue_model``
keeps the candidates annotated news would call attributions. ``speakers`` tells who a source
is; ``lexicon`` holds the word lists.
"""

from __future__ import annotations

from crosscheck.language.attributions.cue_model import CueModel, default_model
from crosscheck.language.attributions.frame import Frame
from crosscheck.language.attributions.frames import find_frames
from crosscheck.language.attributions.speakers import SpeakerResolver, is_anonymous, outlet_via
from crosscheck.language.attributions.tokens import Tokens
from crosscheck.language.sentences import split_sentences
from crosscheck.model import Attribution, Span

__all__ = ["find_attributions"]

_QUOTE_OPENERS = frozenset("\"“„«‹‘'")


def find_attributions(
    text: str, sentences: list[Span] | None = None, model: CueModel | None = None
) -> list[Attribution]:
    """Every attribution in ``text``, in text order; ``sentences`` defaults to ``split_sentences``.

    ``model`` defaults to the shipped cue model (a training run passes its own).
    """
    tokens = Tokens(text, sentences if sentences is not None else split_sentences(text))
    resolver = SpeakerResolver(text)
    frames = (model or default_model()).select(tokens, find_frames(tokens))
    return [_attribution(tokens, frame, resolver) for frame in frames]


def _attribution(tokens: Tokens, frame: Frame, resolver: SpeakerResolver) -> Attribution:
    text = tokens.text
    cue = tokens.span(*frame.cue)
    source = tokens.span(*frame.source) if frame.source is not None else None
    source_text = source.of(text) if source is not None else None
    first, stop = tokens.sentences[tokens.sentence_of[frame.cue[0]]]
    sentence_start = tokens.starts[first] if stop > first else cue.start
    via, speaker_phrase = outlet_via(source_text, text[sentence_start : cue.start])
    speaker = None
    if source is not None:
        speaker = resolver.resolve(speaker_phrase or source_text, source.start, source.end)
    sentence = text[sentence_start : tokens.ends[stop - 1]] if stop > first else ""
    anonymous = is_anonymous(source_text, sentence)
    if anonymous and speaker is not None:
        resolver.unnamed.add(speaker)
    return Attribution(
        content=frame.content,
        cue=cue,
        source=source,
        speaker=speaker,
        via=via,
        kind=_kind(tokens, frame.content, _speaker_part(cue, source)),
        anonymous=anonymous or speaker in resolver.unnamed,
    )


def _speaker_part(cue: Span, source: Span | None) -> Span:
    if source is None:
        return cue
    return Span(min(cue.start, source.start), max(cue.end, source.end))


def _kind(tokens: Tokens, content: Span, speaker_part: Span) -> str:
    """direct: all quotation; partial: quoted words inside paraphrase; mixed: a quotation and
    paraphrase together; indirect: no quotation. The cue and speaker inside a content that runs
    around them ('“A,” she said. “B.”') do not count."""
    length = content.end - content.start
    if speaker_part.start >= content.start and speaker_part.end <= content.end:
        length -= speaker_part.end - speaker_part.start
    spans = tokens.quotes.overlapping(content)
    if not spans or length <= 0:
        return "indirect"
    quoted = sum(min(q.end, content.end) - max(q.start, content.start) for q in spans)
    if quoted >= 0.9 * length:
        return "direct"
    return "mixed" if tokens.text[content.start] in _QUOTE_OPENERS else "partial"
