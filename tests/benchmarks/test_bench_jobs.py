"""``--jobs`` benchmark (skipped in the normal run): ``pytest -m bench -s tests/benchmarks/test_bench_jobs.py``.

``argmap audit FOLDER --jobs N`` on two folders: the 661 AraucariaDB maps of the
shared corpus (AIF JSON), and 10,000 small generated YAML maps (five claims,
four steps, one evidence record each). For 1 and 2 jobs the table prints the
wall time, the CPU time of the process and its workers, and files per second.
The machine's load is printed with it: figures from a loaded machine say so.
The assertions only check that every file was audited.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import CORPUS, require_corpus

MAPS = 10_000


def _small_map(k: int) -> str:
    claims = "".join(
        f"  - id: c{i}\n    text: Claim {i} of map {k}.\n    kind: {'fact' if i else 'interpretation'}\n"
        + ("    evidence: [e]\n" if i == 4 else "")
        for i in range(5)
    )
    steps = "".join(f"  - id: s{i}\n    premises: [c{i}]\n    conclusion: c{i - 1}\n    qualifier: may\n" for i in range(1, 5))
    return (f"argmap: 1\ntitle: Map {k}\nthesis: c0\nclaims:\n{claims}"
            f"evidence:\n  - id: e\n    citation: Report {k} (2020)\ninferences:\n{steps}")


def _audit(folder: Path, jobs: int, out: Path) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (children included) and the number of files in the JSON report."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "audit", str(folder), "--jobs", str(jobs), "--format", "json", "-o", str(out),
         "--fail-on", "never"],
        capture_output=True, text=True,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(out.read_text(encoding="utf-8"))
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, report["summary"]["files"]


@pytest.mark.bench
def test_jobs_files_per_second(tmp_path, capsys):
    araucaria = require_corpus(CORPUS / "aif" / "araucaria")
    generated = tmp_path / "generated"
    generated.mkdir()
    for k in range(MAPS):
        (generated / f"m{k:05d}.yaml").write_text(_small_map(k), encoding="utf-8")
    folders = {"araucaria (661 AIF)": (araucaria, len(list(araucaria.glob("*.json")))),
               f"generated ({MAPS} YAML)": (generated, MAPS)}
    rows = []
    for name, (folder, expected) in folders.items():
        _audit(folder, 1, tmp_path / "warm.json")  # bytecode and file cache warm
        for jobs in (1, 2):
            wall, cpu, files = _audit(folder, jobs, tmp_path / f"{jobs}.json")
            assert files == expected, (name, jobs, files)
            rows.append((name, jobs, wall, cpu, files / wall))
    with capsys.disabled():
        load = os.getloadavg()
        print(f"\nargmap audit FOLDER --jobs N  (load average {load[0]:.2f}, {os.cpu_count()} CPUs)")
        print(f"{'folder':<24} {'jobs':>4} {'wall s':>8} {'CPU s':>8} {'files/s':>9}")
        for name, jobs, wall, cpu, rate in rows:
            print(f"{name:<24} {jobs:>4} {wall:>8.2f} {cpu:>8.2f} {rate:>9.0f}")
