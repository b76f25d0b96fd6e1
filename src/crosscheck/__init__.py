"""crosscheck: what several news reports of one event really establish.

The library comes first; the ``crosscheck`` command is a thin wrapper over it.
"""

import os

# crosscheck's numpy work comes in small pieces (one article's vector against the stories' lead
# vectors, a few candidates' weights), where OpenBLAS's extra threads do nothing but spin between
# calls on the other cores: placing 100k articles in stories took 1.10 ms an article of CPU
# instead of 0.69, and the spinning took the core of the Dask workers beside it (bench/README.md,
# "Scale-out on Dask", the eleventh session). Set before numpy loads; a value the user or Dask's
# nanny set is kept.
for _variable in ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

from crosscheck.model import Article, Failure, Removal, Span  # noqa: E402 - after the environment

__version__ = "0.1.0"
__all__ = ["Article", "Failure", "Removal", "Span", "__version__"]
