"""Scaling benchmarks (skipped in the normal run): ``pytest -m bench -s tests/benchmarks/test_bench_scaling.py``.

Each reader or command that was once quadratic runs at a base size, 10× and
100×; the table prints the CPU time of each and the ratio to the base. Linear
work shows ratios near 10 and 100 (quadratic: 100 and 10000). The assertions
only check that every run really read its input.
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


def _cpu(fn) -> float:
    start = time.process_time()
    fn()
    return time.process_time() - start


@pytest.mark.bench
@pytest.mark.parametrize("case", sorted(CASES))
def test_scaling(case, capsys):
    make, base = CASES[case]
    rows = []
    for factor in (1, 10, 100):
        name, text = make(base * factor)
        result = []
        seconds = _cpu(lambda: result.append(_read(name, text)))
        assert len(result[0].claims) >= base * factor - 1
        rows.append((factor, base * factor, seconds))
    with capsys.disabled():
        print(f"\n{case}")
        for factor, size, seconds in rows:
            print(f"  {factor:>4}x  {size:>7}  {seconds:8.3f} s CPU  ratio {seconds / max(rows[0][2], 1e-9):8.1f}")


@pytest.mark.bench
def test_coverage_and_explain_scaling(tmp_path, capsys):
    from argmap.evaluation.evaluate import evaluate
    from argmap.evaluation.explanation import explain
    from argmap.loading import load, load_text
    from argmap.provenance.coverage import coverage
    from argmap.reports.explanation import format_explanation

    lines = []
    base = None
    for factor in (1, 10, 100):
        (tmp_path / "s.txt").write_text("word " * (400 * factor) + "end.\n")  # one line, no sentence end
        (tmp_path / "m.yaml").write_text("argmap: 1\nsource:\n  text: s.txt\nclaims:\n  - id: a\n    text: A.\n")
        loaded = load(tmp_path / "m.yaml")
        seconds = _cpu(lambda: coverage(loaded))
        base = base or seconds
        lines.append(f"  coverage, one line of {2000 * factor:>7} chars: {seconds:8.3f} s CPU  ratio {seconds / base:8.1f}")
    base = None
    for factor in (1, 10, 100):
        n = 50 * factor
        text = "argmap: 1\nclaims:\n" + "".join(f"  - {{id: c{i}, text: C{i}.}}\n" for i in range(n))
        text += "inferences:\n" + "".join(f"  - {{id: i{i}, premises: [c{i}], conclusion: c{i - 1}}}\n" for i in range(1, n))
        m = load_text(text, tmp_path / "chain.yaml")[0]
        out = []
        seconds = _cpu(lambda: out.append(format_explanation(explain(m, evaluate(m), "c0"))))
        base = base or seconds
        lines.append(f"  explain, chain of {n:>6} steps: {seconds:8.3f} s CPU, {len(out[0]):>9} chars  ratio {seconds / base:8.1f}")
    with capsys.disabled():
        print("\ncoverage and explain\n" + "\n".join(lines))
