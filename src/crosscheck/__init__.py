"""crosscheck: what several news reports of one event really establish.

The library comes first; the ``crosscheck`` command is a thin wrapper over it.
"""

from crosscheck.model import Article, Failure, Removal, Span

__version__ = "0.1.0"
__all__ = ["Article", "Failure", "Removal", "Span", "__version__"]
