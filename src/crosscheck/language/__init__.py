"""The language layer: sentences, entities, attributions, numbers, times and polarity.

Rules, lexicons and gazetteers, no trained model; each capability is its own module and a
stage of ``pipeline.Pipeline``.
"""

from crosscheck.language.pipeline import STAGES, Pipeline, annotate, doc_from_article

__all__ = ["STAGES", "Pipeline", "annotate", "doc_from_article"]
