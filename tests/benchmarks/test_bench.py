"""Benchmarks (skipped in the normal run): ``pytest -m bench -s tests/benchmarks``.

They print the figures table; the assertions only check that every measured
command really ran (exit 0 or 1), so a broken command cannot pass as fast.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench  # noqa: E402


@pytest.mark.bench
def test_benchmark_table(tmp_path, capsys):
    rows = bench.run_all(tmp_path, runs=5)
    with capsys.disabled():
        print("\n" + bench.format_table(rows))
    assert all(r.returncode in (0, 1) for r in rows), [r.name for r in rows if r.returncode not in (0, 1)]
