"""Scaling benchmarks (skipped in the normal run): ``pytest -m bench -s tests/benchmarks/test_bench_scaling.py``.

Each reader or command that was once quadratic runs at a base size, 10× and
100×; the table prints the CPU time of each and the ratio to the base. Linear
work shows ratios near 10 and 100 (quadratic: 100 and 10000). The assertions
only check that every run really read its input.

The figures are CPU time (``time.process_time``: this process's user + system
time, which other work on a shared machine inflates far less than wall time),
the best of several runs after one untimed warm-up run (imports and caches
paid there), with the garbage collector emptied before each. Wall time (best
run) and the load average are printed beside them, so a loaded run shows as one.

The same runs are then timed with Python's cyclic garbage collector off. Its
full collections scan the whole heap and start only once a run has made enough
objects, so the small base pays none of them and the 100× run pays several:
the ratio with the collector on is above the ideal even for linear work, and
the ratio with it off shows what the reader's own code costs.
"""

from __future__ import annotations

import time

import pytest


def _microtext(n: int) -> tuple[str, str]:
    edus = "".join(f'<edu id="e{i}">Unit {i}.</edu>' for i in range(n))
    adus = "".join(f'<adu id="a{i}" type="pro"/>' for i in range(n))
    segs = "".join(f'<edge id="s{i}" src="e{i}" trg="a{i}" type="seg"/>' for i in range(n))
    sups = "".join(f'<edge id="c{i}" src="a{i}" trg="a{i - 1}" type="sup"/>\n' for i in range(1, n))
    return "m.xml", f'<arggraph id="x">\n{edus}\n{adus}\n{segs}\n{sups}</arggraph>\n'


def _argdown_pcs(n: int) -> tuple[str, str]:
    parts = [f"<a{i}>\n\n(1) [p{i}]: Premise {i}.\n(2) [q{i}]: Other {i}.\n----\n(3) [c{i}]: Conclusion {i}.\n"
             for i in range(n)]
    return "m.argdown", "\n".join(parts)


def _argdown_data(n: int) -> tuple[str, str]:
    claims = "".join(f"[c{i}]: Claim {i}.\n\n" for i in range(n))
    args = "".join(f'<i{i}> {{"argmap": {{"warrant": "W.", "scheme": "Expert Opinion"}}}}\n\n(1) [c{i}]\n----\n(2) [c{i - 1}]\n\n'
                   for i in range(1, n))
    return "m.argdown", claims + args


def _native_json(n: int) -> tuple[str, str]:
    import json

    doc = {"argmap": 1, "claims": [{"id": f"c{i}", "text": f"Claim {i}, with words."} for i in range(n)]}
    return "m.json", json.dumps(doc, indent=2)


CASES = {
    # name: (make(n) -> (file name, text), base size, what to read)
    "microtext reader (units)": (_microtext, 200),
    "Argdown premise-conclusion structures": (_argdown_pcs, 100),
    "Argdown arguments carrying argmap data": (_argdown_data, 100),
    "native JSON reader (claims)": (_native_json, 200),
}


def _read(name: str, text: str):
    from pathlib import Path

    if name.endswith(".xml"):
        from argmap.readers.microtext import read_text

        return read_text(text, name)[0]
    from argmap.loading import load_text

    return load_text(text, Path(name))[0]


REPEATS = {1: 7, 10: 5, 100: 3}
"""Runs measured at each factor; the best (least CPU) counts."""


def _best(fn, repeats: int) -> tuple[float, float, float]:
    """Least CPU seconds and least wall seconds of ``repeats`` runs of ``fn``, then least CPU
    seconds of as many runs with Python's cyclic garbage collector off."""
    import gc

    cpus, walls, bare = [], [], []
    for _ in range(repeats):
        gc.collect()
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
    for _ in range(repeats):
        gc.collect()
        gc.disable()
        try:
            cpu = time.process_time()
            fn()
            bare.append(time.process_time() - cpu)
        finally:
            gc.enable()
    return min(cpus), min(walls), min(bare)


def _load() -> str:
    import os

    return "load average " + " ".join(f"{x:.1f}" for x in os.getloadavg()) + f" on {os.cpu_count()} CPUs"


def _row(label: str, factor: int, times: tuple[float, float, float], base: tuple[float, float, float],
         extra: str = "") -> str:
    cpu, wall, bare = times
    return (f"  {label}  {cpu:8.4f} s CPU  {wall:8.4f} s wall{extra}  ratio {cpu / max(base[0], 1e-9):6.1f}"
            f"  (ideal {factor});  collector off: {bare:8.4f} s CPU, ratio {bare / max(base[2], 1e-9):6.1f}")


@pytest.mark.bench
@pytest.mark.parametrize("case", sorted(CASES))
def test_scaling(case, capsys):
    make, base = CASES[case]
    rows = []
    before = _load()
    for factor in (1, 10, 100):
        name, text = make(base * factor)
        result = []
        if factor == 1:
            _read(name, text)  # warm-up: imports, caches
        times = _best(lambda: result.append(len(_read(name, text).claims)), REPEATS[factor])
        assert result and all(count >= base * factor - 1 for count in result)
        rows.append((factor, base * factor, times))
    with capsys.disabled():
        print(f"\n{case}  (best of {'/'.join(map(str, REPEATS.values()))}; {before}, after: {_load()})")
        for factor, size, times in rows:
            print(_row(f"{factor:>4}x  {size:>7}", factor, times, rows[0][2]))


@pytest.mark.bench
def test_coverage_and_explain_scaling(tmp_path, capsys):
    from argmap.evaluation.evaluate import evaluate
    from argmap.evaluation.explanation import explain
    from argmap.loading import load, load_text
    from argmap.provenance.coverage import coverage
    from argmap.reports.explanation import format_explanation

    lines = [f"coverage and explain  (best of {'/'.join(map(str, REPEATS.values()))}; {_load()})"]
    base = None
    for factor in (1, 10, 100):
        (tmp_path / "s.txt").write_text("word " * (400 * factor) + "end.\n")  # one line, no sentence end
        (tmp_path / "m.yaml").write_text("argmap: 1\nsource:\n  text: s.txt\nclaims:\n  - id: a\n    text: A.\n")
        loaded = load(tmp_path / "m.yaml")
        if factor == 1:
            coverage(loaded)
        times = _best(lambda: coverage(loaded), REPEATS[factor])
        base = base or times
        lines.append(_row(f"coverage, one line of {2000 * factor:>7} chars:", factor, times, base))
    base = None
    for factor in (1, 10, 100):
        n = 50 * factor
        text = "argmap: 1\nclaims:\n" + "".join(f"  - {{id: c{i}, text: C{i}.}}\n" for i in range(n))
        text += "inferences:\n" + "".join(f"  - {{id: i{i}, premises: [c{i}], conclusion: c{i - 1}}}\n" for i in range(1, n))
        m = load_text(text, tmp_path / "chain.yaml")[0]
        out = []
        if factor == 1:
            format_explanation(explain(m, evaluate(m), "c0"))
        times = _best(lambda: out.append(len(format_explanation(explain(m, evaluate(m), "c0")))), REPEATS[factor])
        base = base or times
        lines.append(_row(f"explain, chain of {n:>6} steps:", factor, times, base, f", {out[0]:>8} chars"))
    lines.append(f"  after: {_load()}")
    with capsys.disabled():
        print("\n" + "\n".join(lines))
