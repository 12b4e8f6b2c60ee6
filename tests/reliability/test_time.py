"""Promise: time. No input makes a command hang; heavy work has a budget and a clear message.

From the hardening report: a ``source.ignore`` regex such as ``^(a+)+$`` hung
coverage and audit (a committed ``argmap.toml`` can switch that rule on);
coverage was quadratic on long lines (a 1 MB single-line source ran past 5
minutes); fuzzy quote search scaled with quote × source (160 KB quote: 13 s);
``explain`` output grew with the square of the chain (5000 steps: 300 MB); the
microtext reader scanned the file once per element (5000 units: 100 s). Each
case runs as a real process, bounded in CPU seconds (measured with ``os.wait4``)
far below what the old code needed. Speed itself is measured in tests/benchmarks.
"""

from __future__ import annotations

import pytest

from ._hostile import run_measured

CPU_SECONDS = 10.0  # the old code needed minutes for each of these


def _map(tmp_path, source: str, extra: str = "", claims: str = "") -> str:
    (tmp_path / "s.txt").write_text(source)
    text = f"argmap: 1\nsource:\n  text: s.txt\n{extra}claims:\n  - id: a\n    text: A.\n{claims}"
    (tmp_path / "m.yaml").write_text(text)
    return str(tmp_path / "m.yaml")


REDOS = "  ignore: ['^(a+)+$']\n"


def test_redos_ignore_pattern_does_not_hang_coverage(tmp_path):
    path = _map(tmp_path, "a" * 5000 + "b\nA real sentence.\n", REDOS)
    result = run_measured("coverage", path, timeout=60)
    assert result.returncode in (0, 1), result.stderr
    assert "sentences covered" in result.stdout and "0 lines ignored" in result.stdout
    assert result.cpu_seconds <= CPU_SECONDS, result.cpu_seconds


def test_redos_ignore_pattern_does_not_hang_audit_with_the_rule_switched_on(tmp_path):
    path = _map(tmp_path, "a" * 5000 + "b\nA real sentence.\n", REDOS)
    (tmp_path / "argmap.toml").write_text('extend-select = ["ARG313"]\n')
    result = run_measured("audit", path, timeout=60, cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr
    assert "ARG313" in result.stdout
    assert result.cpu_seconds <= CPU_SECONDS, result.cpu_seconds


def test_unsupported_pattern_is_a_located_error(tmp_path):
    path = _map(tmp_path, "Text.\n", "  ignore: ['(a)\\1']\n")
    result = run_measured("coverage", path, timeout=60)
    assert result.returncode == 1
    assert f"{path}:4:" in result.stderr and "backreferences and lookaround are not supported" in result.stderr


def test_coverage_of_a_long_single_line_is_linear(tmp_path):
    path = _map(tmp_path, ("word " * 40_000) + "end.\n")  # 200 KB, no sentence end: quadratic took hours
    result = run_measured("coverage", path, timeout=120)
    assert result.returncode in (0, 1), result.stderr
    assert result.cpu_seconds <= 4 * CPU_SECONDS, result.cpu_seconds


def test_coverage_budget_is_a_clear_error(tmp_path):
    path = _map(tmp_path, "A sentence. " * 1000 + "\n")
    result = run_measured("coverage", path, env={"ARGMAP_COVERAGE_BUDGET": "1000"}, timeout=60)
    assert result.returncode == 1
    assert "over the coverage budget of 1000" in result.stderr and "ARGMAP_COVERAGE_BUDGET" in result.stderr


def test_long_fuzzy_quote_is_refused_by_budget_not_searched(tmp_path):
    source = "".join(f"Sentence number {i} says something. " for i in range(30_000))  # about 1 MB
    quote = source[100_000:260_000].replace("says", "said")  # 160 KB, nowhere exactly
    path = _map(tmp_path, source, claims=f"    quote: '{quote}'\n")
    result = run_measured("anchor", path, timeout=120)
    assert result.returncode == 1
    assert "approximate-search budget" in result.stdout and "ARGMAP_FUZZY_BUDGET" in result.stdout
    assert result.cpu_seconds <= CPU_SECONDS, result.cpu_seconds


def _chain(tmp_path, n: int) -> str:
    lines = ["argmap: 1", "claims:"] + [f"  - {{id: c{i}, text: Claim {i}.}}" for i in range(n)]
    lines += ["inferences:"] + [f"  - {{id: i{i}, premises: [c{i}], conclusion: c{i - 1}}}" for i in range(1, n)]
    (tmp_path / "m.yaml").write_text("\n".join(lines) + "\n")
    return str(tmp_path / "m.yaml")


def test_explain_of_a_long_chain_is_refused_by_its_budget(tmp_path):
    """5000 steps once printed 300 MB; now the tree stops at the explain budget (1M characters)
    with an error at the explained claim, before the rest of the tree is built."""
    path = _chain(tmp_path, 5000)
    result = run_measured("explain", path, "c0", timeout=120)
    assert result.returncode == 1, result.stderr
    assert result.stdout == ""
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"argmap: error: {path}:3:5: the explanation of 'c0' is longer than the explain budget"
                            " of 1048576 characters"), first
    assert "--depth N" in first and "ARGMAP_EXPLAIN_BUDGET" in first
    assert result.cpu_seconds <= 2.0, result.cpu_seconds
    result = run_measured("explain", path, "c0", "--depth", "3000", timeout=120)
    assert result.returncode == 1 and "pass a --depth below 3000" in result.stderr, result.stderr


def test_explain_within_its_budget_prints_the_tree(tmp_path):
    """--depth keeps a long chain inside the budget; a raised budget prints all of it, and the
    output still grows with the chain, not its square (indentation is capped)."""
    path = _chain(tmp_path, 5000)
    result = run_measured("explain", path, "c0", "--depth", "100", timeout=120)
    assert result.returncode == 0, result.stderr
    assert "c100: Claim 100.  [unsupported, in]  (...)" in result.stdout and "c101:" not in result.stdout
    result = run_measured("explain", path, "c0", env={"ARGMAP_EXPLAIN_BUDGET": "10M"}, timeout=120)
    assert result.returncode == 0, result.stderr
    assert len(result.stdout) < 3_000_000, len(result.stdout)  # 300 MB before the indent cap
    assert "[4999] " in result.stdout
    assert result.cpu_seconds <= CPU_SECONDS, result.cpu_seconds


def test_explain_budget_counts_repeated_text(tmp_path):
    """One claim of 500 KB that 400 steps take as a premise: each mention repeats its text
    ("see above"), 200 MB of output from a 500 KB map; the budget stops it at the third."""
    big = "word " * 100_000
    lines = ["argmap: 1", "claims:", "  - {id: t, text: T.}", f"  - {{id: big, text: '{big}'}}"]
    lines += [f"  - {{id: c{i}, text: C{i}.}}" for i in range(400)]
    lines += ["inferences:"] + [f"  - {{id: i{i}, premises: [big, c{i}], conclusion: t}}" for i in range(400)]
    (tmp_path / "m.yaml").write_text("\n".join(lines) + "\n")
    result = run_measured("explain", tmp_path / "m.yaml", "t", timeout=120)
    assert result.returncode == 1, result.stderr
    assert f"{tmp_path / 'm.yaml'}:3:5: the explanation of 't' is longer than the explain budget" in result.stderr
    assert result.max_rss_mb <= 300 and result.cpu_seconds <= 2.0, (result.max_rss_mb, result.cpu_seconds)


def test_explain_of_the_bundled_map_is_within_the_budget(tmp_path):
    from pathlib import Path

    bundled = Path(__file__).resolve().parents[2] / "claims" / "serbia-azerbaijan.yaml"
    result = run_measured("explain", bundled, "partnership-is-about-russia", timeout=120)
    assert result.returncode == 0, result.stderr
    assert "critical step:" in result.stdout


@pytest.mark.parametrize("units", [5000])
def test_microtext_reader_is_linear(tmp_path, units):
    edus = "".join(f'<edu id="e{i}">Unit {i}.</edu>' for i in range(units))
    adus = "".join(f'<adu id="a{i}" type="pro"/>' for i in range(units))
    segs = "".join(f'<edge id="s{i}" src="e{i}" trg="a{i}" type="seg"/>' for i in range(units))
    sups = "".join(f'<edge id="c{i}" src="a{i}" trg="a{i - 1}" type="sup"/>\n' for i in range(1, units))
    (tmp_path / "m.xml").write_text(f'<arggraph id="x">\n{edus}\n{adus}\n{segs}\n{sups}</arggraph>\n')
    result = run_measured("import", tmp_path / "m.xml", timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("- id: c") == units - 1
    assert result.cpu_seconds <= CPU_SECONDS, result.cpu_seconds


# Runs of blanks: patterns with \s* after ^ (MULTILINE) crossed lines, and two runs of blanks side
# by side (\s*\{?\s*) split a run every way. A 64 KB head of line breaks, or one line of spaces,
# cost 2 * 10**9 steps: 'validate' on such a file ran for minutes (recognising a map or a review),
# as did 'validate -' (telling the format of standard input) and 'audit' beside such an argmap.toml
# or pyproject.toml (finding a key's line, finding a [tool.argmap] header).
BLANKS = {"newlines": "\n", "spaces": " ", "tabs": "\t", "space-newline": " \n", "crlf": "\r\n"}
BLANK_RUN = 256 * 1024


def _blank_inputs(tmp_path, blanks: str) -> list[tuple[str, ...]]:
    """(command args...) for each reading path, each file carrying a 256 KB run of ``blanks``."""
    import json

    w = blanks * (BLANK_RUN // len(blanks))
    (tmp_path / "base.yaml").write_text("argmap: 1\nthesis: a\nclaims:\n  - id: a\n    text: A.\n")
    files = {
        "m.yaml": f"argmap: 1\nclaims:\n  - id: a\n    text: A.\n{w}\n",
        "m.argdown": f"[a]: A.\n{w}\n[b]: B.\n  + [a]\n",
        "m.json": '{"argmap": 1,' + w + '"claims": [{"id": "a", "text": "A."}]}',
        "aif.json": '{"nodes": [{"nodeID": 1, "type": "I", "text": ' + json.dumps("A" + w + "B") + "}]," + w
                    + '"edges": []}',
        "m.xml": f"<arggraph id='x'>{w}<edu id='e1'>A</edu><adu id='a1' type='pro'/>"
                 "<edge id='s1' src='e1' trg='a1' type='seg'/></arggraph>",
        "r.review.yaml": f"argmap-review: 1\nmap: base.yaml\nmap_sha256: '{'0' * 64}'\nreviewer: R\n"
                         f"date: 2026-01-01\n{w}\nentries: []\n",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    for folder, name, text in (("cfg", "argmap.toml", f"select = ['ALL']\n{w}\nselekt = []\n"),
                               ("py", "pyproject.toml", f"[project]\nname = 'x'\n{w}\n[tool.argmap]\nselect = ['ALL']\n")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / name).write_text(text)
        (tmp_path / folder / "base.yaml").write_text((tmp_path / "base.yaml").read_text())
    return [("validate", str(tmp_path / "m.yaml")), ("validate", str(tmp_path / "m.argdown")),
            ("validate", str(tmp_path / "m.json")), ("validate", str(tmp_path / "aif.json")),
            ("import", str(tmp_path / "m.xml")), ("review", "check", str(tmp_path / "r.review.yaml")),
            ("audit", str(tmp_path / "cfg" / "base.yaml")), ("audit", str(tmp_path / "py" / "base.yaml")),
            ("validate", "-", files["m.yaml"])]


@pytest.mark.parametrize("blanks", sorted(BLANKS))
def test_runs_of_blanks_cost_linear_time(run_cli, tmp_path, blanks):
    import time

    for args in _blank_inputs(tmp_path, BLANKS[blanks]):
        stdin = args[2] if args[:2] == ("validate", "-") else None
        args = args[:2] if stdin is not None else args
        start = time.process_time()
        result = run_cli(*args, input=stdin)
        seconds = time.process_time() - start
        assert result.exit_code in (0, 1, 2), (args, result.output)
        assert "internal error" not in result.output, (args, result.output)
        assert seconds <= 2.0, f"{' '.join(args)}: {seconds:.2f} s of CPU"


def test_argdown_paragraph_of_many_lines_is_linear(tmp_path):
    """Each line of a paragraph was appended to the element's text with ``+=`` on an attribute,
    a copy of the whole text per line: 320,000 lines (2.2 MB) took 41 s."""
    path = tmp_path / "m.argdown"
    path.write_text("[s]: x\n" * 320_000)
    result = run_measured("validate", path, timeout=120)
    assert result.returncode == 1 and f"{path}:2:1: [s] inside a text" in result.stderr, result.stderr
    assert result.cpu_seconds <= 2.0, result.cpu_seconds
