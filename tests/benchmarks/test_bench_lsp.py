"""Benchmark of the language server (skipped in the normal run): ``pytest -m bench -s tests/benchmarks/test_bench_lsp.py``.

Times, through the real ``argmap lsp`` process and pygls' client, how long after an edit the new
diagnostics arrive: for the bundled map and for a generated map of 5000 claims and 10000
relations. The figure is the time from ``didChange`` to ``publishDiagnostics`` less the server's
debounce pause (the time the analysis itself takes the server), and also with the pause.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import time
from pathlib import Path

import pytest
from lsprotocol import types as T

from tests.conftest import CLAIMS
from tests.lsp.test_server import Editor, run

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate  # noqa: E402


async def _measure(folder: Path, name: str, text: str, edits: int) -> list[float]:
    ed = Editor()
    await ed.start(folder)
    uri = ed.open(folder / name, text)
    await ed.published(uri, 1, timeout=120)
    times = []
    for version in range(2, edits + 2):
        edited = text + f"\n# edit {version}\n"
        start = time.perf_counter()
        ed.change(uri, edited, version)
        await ed.published(uri, version, timeout=120)
        times.append(time.perf_counter() - start)
    await ed.stop()
    return times


@pytest.mark.bench
def test_lsp_benchmark(tmp_path, capsys):
    from argmap.lsp.server import DEBOUNCE

    shutil.copy(CLAIMS / "serbia-azerbaijan.txt", tmp_path / "serbia-azerbaijan.txt")
    bundled = (CLAIMS / "serbia-azerbaijan.yaml").read_text(encoding="utf-8")
    big = generate.to_yaml(generate.generate(5000, 10000, seed=1))
    rows = []
    for label, name, text, edits in (("bundled map (70 claims)", "serbia-azerbaijan.yaml", bundled, 10), ("generated 5000/10000", "big.yaml", big, 3)):
        times = run(_measure(tmp_path, name, text, edits))
        rows.append((label, statistics.median(times), min(times)))
    with capsys.disabled():
        print(f"\n\nargmap lsp: from didChange to publishDiagnostics (debounce {DEBOUNCE * 1000:.0f} ms)\n")
        print(f"{'map':28} {'median':>10} {'best':>10} {'analysis (median - debounce)':>30}")
        for label, median, best in rows:
            print(f"{label:28} {median * 1000:8.0f} ms {best * 1000:8.0f} ms {(median - DEBOUNCE) * 1000:26.0f} ms")
    assert all(median > DEBOUNCE for _, median, _ in rows)
