"""What importing crosscheck does to the process: one BLAS thread, unless the user chose."""

from __future__ import annotations

import os
import subprocess
import sys


def _blas_threads(environment: dict[str, str]) -> str:
    code = "import crosscheck, numpy, os; print(os.environ['OPENBLAS_NUM_THREADS'])"
    done = subprocess.run([sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_importing_crosscheck_keeps_blas_to_one_thread() -> None:
    # OpenBLAS's extra threads only spin between crosscheck's small numpy calls (bench/README.md)
    environment = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}
    assert _blas_threads(environment) == "1"


def test_a_blas_thread_count_the_user_set_is_kept() -> None:
    assert _blas_threads({**os.environ, "OPENBLAS_NUM_THREADS": "4"}) == "4"
