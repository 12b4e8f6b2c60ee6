"""Benchmark of ``argmap draft`` (skipped in the normal run): ``pytest -m bench -s tests/benchmarks/test_bench_draft.py``.

Prints the quality table on the English microtexts (segmentation and relation F1 of the draft
and of two baselines), what the draft of the seed article covers of the bundled map, and the
time the program takes on the seed article and on a text of 100,000 words.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import CLAIMS

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "drafting"))

import scoring  # noqa: E402


def _timed(args: list[str], cwd: Path) -> tuple[float, float, subprocess.CompletedProcess]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    r = subprocess.run([sys.executable, "-m", "argmap", *args], capture_output=True, text=True, cwd=cwd)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), r


def _big_text(corpus: Path, words: int) -> str:
    texts = [t.text for t in scoring.corpus(corpus / "microtexts" / "en")] + [
        p for p in (CLAIMS / "serbia-azerbaijan.txt").read_text(encoding="utf-8").split("\n\n") if len(p.split()) > 20
    ]
    out, n = [], 0
    while n < words:
        for t in texts:
            out.append(t)
            n += len(t.split())
    return "\n\n".join(out) + "\n"


@pytest.mark.bench
def test_draft_benchmark(corpus, tmp_path, capsys):
    from argmap.drafting.build import draft
    from argmap.loading import load

    rows = scoring.evaluate(scoring.corpus(corpus / "microtexts" / "en"))
    article = (CLAIMS / "serbia-azerbaijan.txt").read_text(encoding="utf-8")
    bundled = load(CLAIMS / "serbia-azerbaijan.yaml")
    drafted = draft(article).map
    covered, quoted = scoring.quoted_sentences_covered(bundled, drafted)
    matched, steps = scoring.bundled_step_matches(bundled.map, drafted, article)

    (tmp_path / "seed.txt").write_text(article, encoding="utf-8")
    big = _big_text(corpus, 100_000)
    (tmp_path / "big.txt").write_text(big, encoding="utf-8")
    timings = []
    for name in ("seed.txt", "big.txt"):
        best = None
        for _ in range(3):
            wall, cpu, r = _timed(["draft", name, "-o", name + ".yaml", "--force"], tmp_path)
            assert r.returncode == 0, r.stderr
            best = min(best or (wall, cpu), (wall, cpu))
        timings.append((name, len((tmp_path / name).read_text(encoding="utf-8").split()), *best, r.stderr.strip()))

    with capsys.disabled():
        print("\n\nargmap draft on the 83 English microtexts (gold ADUs and relations)\n")
        print(scoring.format_table(rows))
        print(f"\nseed article: the draft quotes {covered} of the {quoted} sentences the bundled map quotes ({covered / quoted:.1%})")
        print(f"seed article: {matched} of the bundled map's {steps} steps have a drafted step with the same premise and conclusion sentences")
        print(f"\n{'text':10} {'words':>8} {'wall s':>8} {'cpu s':>8}  (best of 3, {os.cpu_count()} cores)")
        for name, words, wall, cpu, said in timings:
            print(f"{name:10} {words:8d} {wall:8.2f} {cpu:8.2f}  {said}")
    ours = rows[0]
    assert ours.segmentation.pred > 0 and ours.relations.pred > 0
    assert covered <= quoted and matched <= steps
