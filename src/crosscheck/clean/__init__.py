"""Junk removal: site furniture, prompts and captions come out, each with its reason.

``clean_article`` is the stage the pipeline runs; ``clean_text`` is the same on a bare string.
"""

from crosscheck.clean.cleaner import clean_article, clean_text

__all__ = ["clean_article", "clean_text"]
