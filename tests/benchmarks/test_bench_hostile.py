"""Hostile inputs of up to 100 MB on every reading path (skipped in the normal run):
``pytest -m bench -s tests/benchmarks/test_bench_hostile.py``.

The promise measured (README, "Security and robustness"): an input over a limit
is refused with a located error in at most 2 s and 300 MB, for inputs up to
100 MB, on every path. Each case writes one hostile file, runs a real
``python -m argmap`` process on it (``validate``; ``import`` for microtext XML,
``audit`` for a configuration file beside a small map, ``review check`` for a
review) and measures exactly that process through ``os.wait4`` in a small
go-between: wall time, CPU time (user + system) and peak resident memory. The
files are of two sizes: over ``ARGMAP_MAX_BYTES`` (100 MB; also through a pipe on
standard input), and just under it (48 MB) with a value, text, nesting or
alias expansion over its limit, placed at the end of the file where a reader
that pays as it goes would pay the most.

The table prints every case with the load average; the test then asserts the
CPU and memory bounds (wall time is printed, not asserted: other work on a
shared machine stretches it).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

import pytest

MB = 1024 * 1024
BIG = 100 * MB
"""Over the default ARGMAP_MAX_BYTES (50M)."""
UNDER = 48 * MB
"""Just under it: the largest file whose content the readers see."""
CPU_SECONDS = 2.0
PEAK_MB = 300

# Starts argmap (stdin from a file, or from a pipe fed by cat) and reports exactly that child's usage.
_GO_BETWEEN = r"""
import json, os, subprocess, sys, time
report, stdin_file, cwd, argv = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
feeder = None
stdin = subprocess.DEVNULL
if stdin_file:
    feeder = subprocess.Popen(["cat", stdin_file], stdout=subprocess.PIPE)
    stdin = feeder.stdout
start = time.perf_counter()
p = subprocess.Popen(argv, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=cwd or None)
if feeder is not None:
    feeder.stdout.close()
err = p.stderr.read()
_, status, u = os.wait4(p.pid, 0)
wall = time.perf_counter() - start
if feeder is not None:
    feeder.kill()
    feeder.wait()
with open(report, "w") as fh:
    json.dump([os.waitstatus_to_exitcode(status), wall, u.ru_utime + u.ru_stime, u.ru_maxrss,
               err.decode("utf-8", "replace")[:2000]], fh)
"""


@dataclass
class Result:
    returncode: int
    wall: float
    cpu: float
    peak_mb: float
    stderr: str


def run(args: list[str], cwd: Optional[Path] = None, stdin_file: Optional[Path] = None, timeout: float = 300) -> Result:
    env = dict(os.environ)
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "usage.json"
        proc = subprocess.Popen(
            [sys.executable, "-c", _GO_BETWEEN, str(report), str(stdin_file or ""), str(cwd or ""),
             sys.executable, "-m", "argmap", *args],
            env=env, start_new_session=True,
        )
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)
            proc.wait()
            return Result(-9, timeout, float("nan"), float("nan"), f"killed after {timeout} s")
        code, wall, cpu, rss_kb, err = json.loads(report.read_text())
        return Result(code, wall, cpu, rss_kb / 1024, err)


# ---------------------------------------------------------------- writers

def _fill(fh, head: str, unit: str, size: int, tail: str = "") -> None:
    """``head``, then ``unit`` repeated to about ``size`` bytes, then ``tail``."""
    fh.write(head)
    count = max(0, (size - len(head) - len(tail)) // len(unit))
    chunk = max(1, (4 * MB) // len(unit))
    while count > 0:
        n = min(chunk, count)
        fh.write(unit * n)
        count -= n
    fh.write(tail)


def _writer(head: str, unit: str, size: int = UNDER, tail: str = "") -> Callable[[Path], None]:
    def write(path: Path) -> None:
        with open(path, "w", encoding="utf-8") as fh:
            _fill(fh, head, unit, size, tail)

    return write


def _bomb(anchor: str, alias: str, json_keys: bool = False) -> str:
    """An alias bomb of 9**7 values. ``anchor`` spells an anchor (``"&{n} "``), ``alias`` an
    item (``"*{n}"``) or a mapping pair (``'"{k}":*{n}'``); ``json_keys`` writes each level as
    ``"lN":&aN`` (no space after the colon, which the fast path once missed)."""
    mapping = "{k}" in alias

    def level(number: int, body: str) -> str:
        mark = anchor.format(n=f"a{number}")
        return f'"l{number}":{mark}{body}' if json_keys else f"l{number}: {mark}{body}"

    lines = [level(0, "[" + ", ".join(["x"] * 9) + "]")]
    for number in range(1, 8):
        items = ", ".join(alias.format(n=f"a{number - 1}", k=f"k{i}") for i in range(9))
        lines.append(level(number, "{" + items + "}" if mapping else "[" + items + "]"))
    if json_keys:  # adjacent values after a colon are YAML only inside flow mappings
        return "x: {" + ", ".join(lines) + "}\n"
    return "\n".join(lines) + "\n"


_CLAIM = "  - id: c{}\n    text: x\n"
# about 1.9M values counted from the punctuation: just under ARGMAP_MAX_NODES (2000000)
_FILLER_VALUES = 1_900_000


def _yaml_filler(claims: int) -> str:
    return "".join(f"  - id: c{i}\n    text: '{'w' * 200}'\n" for i in range(claims))


def _yaml_tail_bomb(anchor: str, alias: str, tab: bool = False, json_keys: bool = False) -> Callable[[Path], None]:
    """48 MB of plain claims (under the value bound), an alias bomb at the very end."""
    def write(path: Path) -> None:
        with open(path, "w", encoding="utf-8") as fh:
            fh.write("argmap: 1\n" + ("#\tslow path\n" if tab else "") + "claims:\n")
            written = 0
            i = 0
            while written < UNDER - 2 * MB:
                block = _yaml_filler(1000).replace("id: c", f"id: b{i}x")
                fh.write(block)
                written += len(block)
                i += 1
            bomb = _bomb(anchor, alias, json_keys)
            fh.write(bomb if json_keys else "x:\n" + "".join("  " + line + "\n" for line in bomb.splitlines()))

    return write


def _yaml_tail_string(path: Path) -> None:
    """48 MB of plain claims, then one text of 2 MB (over ARGMAP_MAX_STRING) in the last claim."""
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("argmap: 1\nclaims:\n")
        written, i = 0, 0
        while written < UNDER - 4 * MB:
            block = _yaml_filler(1000).replace("id: c", f"id: b{i}x")
            fh.write(block)
            written += len(block)
            i += 1
        fh.write("  - id: last\n    text: '" + "y" * (2 * MB) + "'\n")


def _argdown_data_blocks(path: Path) -> None:
    """Many ``{...}`` data blocks, each small, 48 MB of values in all."""
    block = "{" + ", ".join(f"k{i}: [1, 1, 1, 1, 1, 1, 1, 1]" for i in range(50)) + "}"
    with open(path, "w", encoding="utf-8") as fh:
        written, i = 0, 0
        while written < UNDER:
            line = f"[s{i}]: Statement {i}. {block}\n\n"
            fh.write(line)
            written += len(line)
            i += 1


def _review(entries_text: str) -> str:
    return f"argmap-review: 1\nmap: m.yaml\nmap_sha256: '{'0' * 64}'\nreviewer: R\ndate: 2026-01-01\nentries:\n" + entries_text


def _small_map(folder: Path) -> Path:
    path = folder / "m.yaml"
    path.write_text("argmap: 1\nthesis: a\nclaims:\n  - id: a\n    text: A.\n")
    return path


_EXPECT_SIZE = "over the limit of"
_EXPECT_VALUES = "may hold more than"
_EXPECT_EXPANDS = ("expands to more than", "over the limit of 16777216 for the located reader")
_EXPECT_STRING = "characters"  # "... characters long, over the limit" / "longer than the limit"
_EXPECT_DEPTH = ("deeper than", "may hold more than")  # an opening bracket is a value too

# name: (file name, writer(path), command ("validate", "import", "audit", "review", "stdin"),
#        expected fragment of the message, or a tuple of fragments, any of which will do)
CASES: dict[str, tuple[str, Callable[[Path], None], str, "str | tuple[str, ...]"]] = {
    # ---- over ARGMAP_MAX_BYTES: refused from the file's size (or after reading 50 MB from a pipe)
    "yaml 100MB": ("m.yaml", _writer("argmap: 1\nclaims:\n", _CLAIM.format(0), BIG), "validate", _EXPECT_SIZE),
    "yaml 100MB on stdin (pipe)": ("m.yaml", _writer("argmap: 1\nclaims:\n", _CLAIM.format(0), BIG), "stdin", _EXPECT_SIZE),
    "argdown 100MB": ("m.argdown", _writer("", "[s]: A statement.\n", BIG), "validate", _EXPECT_SIZE),
    "json 100MB": ("m.json", _writer('{"argmap": 1, "claims": [', '{"id": "c", "text": "x"},', BIG, "1]}"),
                   "validate", _EXPECT_SIZE),
    "aif 100MB": ("m.json", _writer('{"nodes": [', '{"nodeID": 1, "type": "I", "text": "x"},', BIG, "1]}"),
                  "validate", _EXPECT_SIZE),
    "microtext 100MB": ("m.xml", _writer("<arggraph id='x'>", "<edu id='e'>x</edu>", BIG, "</arggraph>"),
                        "import", _EXPECT_SIZE),
    "argmap.toml 100MB": ("argmap.toml", _writer("select = [", '"ARG101", ', BIG, "]\n"), "audit", _EXPECT_SIZE),
    "pyproject.toml 100MB": ("pyproject.toml", _writer("[tool.argmap]\nselect = [", '"ARG101", ', BIG, "]\n"),
                             "audit", _EXPECT_SIZE),
    "review 100MB": ("r.review.yaml", _writer(_review(""), "  - {target: a, verdict: agree}\n", BIG), "review",
                     _EXPECT_SIZE),
    # ---- YAML, fast path (block style) and slow path
    "yaml block claims 48MB (values)": ("m.yaml", _writer("argmap: 1\nclaims:\n", _CLAIM.format(0)), "validate",
                                        _EXPECT_VALUES),
    "yaml flow list 48MB (values)": ("m.yaml", _writer("argmap: 1\nclaims: [", "1,", UNDER, "1]\n"), "validate",
                                     _EXPECT_VALUES),
    "yaml text 48MB (string)": ("m.yaml", _writer("argmap: 1\ntitle: ", "a", UNDER, "\nclaims: []\n"), "validate",
                                _EXPECT_STRING),
    "yaml block scalar 48MB (string)": ("m.yaml", _writer("argmap: 1\ntitle: |\n", "  a line of text\n", UNDER,
                                                          "claims: []\n"), "validate", _EXPECT_STRING),
    "yaml text 2MB after 46MB of claims": ("m.yaml", _yaml_tail_string, "validate", _EXPECT_STRING),
    "yaml flow nesting 48MB (depth)": ("m.yaml", _writer("argmap: 1\nx: ", "[", UNDER), "validate", _EXPECT_DEPTH),
    "yaml block nesting 24M levels (depth)": ("m.yaml", _writer("argmap: 1\nx:\n  ", "- ", UNDER, "a\n"), "validate",
                                              _EXPECT_DEPTH),
    'yaml bomb after 46MB, "k":&a / "k":*a': ("m.yaml", _yaml_tail_bomb("&{n} ", '"{k}":*{n}', json_keys=True), "validate",
                                             _EXPECT_EXPANDS),
    'yaml bomb after 46MB, "k": &a / k: *a': ("m.yaml", _yaml_tail_bomb("&{n} ", "{k}: *{n}"), "validate",
                                             _EXPECT_EXPANDS),
    "yaml bomb after 46MB, [&a x] / [*a]": ("m.yaml", _yaml_tail_bomb("&{n} ", "*{n}"), "validate",
                                           _EXPECT_EXPANDS),
    "yaml bomb after 46MB, tab (slow path)": ("m.yaml", _yaml_tail_bomb("&{n} ", "*{n}", tab=True), "validate",
                                             _EXPECT_EXPANDS),
    "yaml bomb, !!seq &a tag first": ("m.yaml", lambda p: p.write_text(
        "argmap: 1\n" + _bomb("!!seq &{n} ", "*{n}")), "validate", _EXPECT_EXPANDS),
    # ---- Argdown: statements, {...} data, front matter
    "argdown statements 48MB (values)": ("m.argdown", _writer("", "[s]: x\n"), "validate", _EXPECT_VALUES),
    "argdown relations 48MB (values)": ("m.argdown", _writer("[s]: x\n", "  + [s]\n"), "validate", _EXPECT_VALUES),
    "argdown statement text 48MB (string)": ("m.argdown", _writer("[s]: ", "d", UNDER, "\n"), "validate",
                                             _EXPECT_STRING),
    "argdown data 48MB flow list (values)": ("m.argdown", _writer("[s]: S. {a: [", "1,", UNDER, "1]}\n"), "validate",
                                             _EXPECT_VALUES),
    "argdown data blocks 48MB in all (values)": ("m.argdown", _argdown_data_blocks, "validate", _EXPECT_VALUES),
    'argdown data bomb "k":&a': ("m.argdown", lambda p: p.write_text(
        "[s]: S. " + _bomb("&{n} ", '"{k}":*{n}', json_keys=True)[3:]), "validate",
        _EXPECT_EXPANDS),
    "argdown front matter 48MB (values)": ("m.argdown", _writer("===\nx: [", "1,", UNDER, "1]\n===\n\n[s]: S.\n"),
                                           "validate", _EXPECT_VALUES),
    "argdown front matter bomb": ("m.argdown", lambda p: p.write_text(
        "===\n" + _bomb("&{n} ", "*{n}") + "===\n\n[s]: S.\n"), "validate", _EXPECT_EXPANDS),
    "argdown nesting 48MB (depth)": ("m.argdown", lambda p: p.write_text(
        "[s0]: root\n" + "".join("  " * i + f"+ [s{i}]: t\n" for i in range(1, 7000))), "validate", _EXPECT_DEPTH),
    # ---- native JSON
    "json list 48MB (values)": ("m.json", _writer('{"argmap": 1, "claims": [', "1,", UNDER, "1]}"), "validate",
                                _EXPECT_VALUES),
    "json text 48MB (string)": ("m.json", _writer('{"argmap": 1, "title": "', "b", UNDER, '"}'), "validate",
                                _EXPECT_STRING),
    "json nesting 48MB (depth)": ("m.json", _writer('{"argmap": 1, "x": ', "[", UNDER), "validate", _EXPECT_DEPTH),
    # ---- AIF JSON
    "aif nodes 48MB (values)": ("m.json", _writer('{"nodes": [', '{"nodeID": 1},', UNDER, '{"nodeID": 2}], "edges": []}'),
                                "validate", _EXPECT_VALUES),
    "aif text 48MB (string)": ("m.json", _writer('{"nodes": [{"nodeID": 1, "type": "I", "text": "', "c", UNDER,
                                                 '"}], "edges": []}'), "validate", _EXPECT_STRING),
    "aif nesting 48MB (depth)": ("m.json", _writer('{"nodes": ', "[", UNDER), "validate", _EXPECT_DEPTH),
    # ---- microtext XML
    "microtext elements 48MB (values)": ("m.xml", _writer("<arggraph id='x'>", "<edu id='e'/>", UNDER, "</arggraph>"),
                                         "import", "may hold more than"),
    "microtext text 48MB (string)": ("m.xml", _writer("<arggraph id='x'><edu id='e1'>", "t", UNDER,
                                                      "</edu></arggraph>"), "import", _EXPECT_STRING),
    "microtext nesting 48MB (depth)": ("m.xml", _writer("<arggraph id='x'>", "<a>", UNDER), "import", _EXPECT_DEPTH),
    "microtext entity bomb": ("m.xml", lambda p: p.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE a [\n<!ENTITY e0 "lol">\n'
        + "".join(f'<!ENTITY e{i} "{("&e" + str(i - 1) + ";") * 10}">\n' for i in range(1, 10))
        + "]>\n<arggraph id='x'><edu id='e1'>&e9;</edu></arggraph>\n"), "import", ""),
    # ---- configuration (argmap.toml beside a small map, read by audit): over ARGMAP_MAX_CONFIG (1M) from the
    # size; just under it, the shapes that cost TOML's pure-Python parser most, and line-crossing searches
    "argmap.toml list 48MB (size)": ("argmap.toml", _writer("select = [", '"ARG101", ', UNDER, "]\n"), "audit",
                                     _EXPECT_SIZE),
    "argmap.toml text 48MB (size)": ("argmap.toml", _writer('select = ["', "x", UNDER, '"]\n'), "audit",
                                     _EXPECT_SIZE),
    "argmap.toml nesting 48MB (size)": ("argmap.toml", _writer("select = ", "[", UNDER), "audit", _EXPECT_SIZE),
    "pyproject.toml list 48MB (size)": ("pyproject.toml", _writer("[tool.argmap]\nselect = [", '"ARG101", ', UNDER,
                                                                  "]\n"), "audit", _EXPECT_SIZE),
    "pyproject.toml 48MB of blank lines, then [tool.argmap]": (
        "pyproject.toml", _writer("", "\n", UNDER, "[tool.argmap]\nselect = []\n"), "audit", _EXPECT_SIZE),
    "argmap.toml 1MB of tables (under its cap)": ("argmap.toml", lambda p: p.write_text(
        "".join(f"[t{i}]\na = 1\n" for i in range(MB // 16))), "audit", "unknown argmap table"),
    "argmap.toml 1MB of inline tables (under its cap)": ("argmap.toml", _writer("x = [", "{a = 1}, ", MB - 100, "]\n"),
                                                         "audit", "unknown argmap setting"),
    "argmap.toml 1MB of blank lines, unknown key": ("argmap.toml", _writer("", "\n", MB - 100, "selekt = []\n"),
                                                    "audit", "unknown argmap setting"),
    "argmap.toml 1MB selector (under its cap)": ("argmap.toml", _writer('select = ["', "x", MB - 100, '"]\n'), "audit",
                                                 "matches no audit rule"),
    # ---- format sniffing of standard input (its first 64 KB)
    "stdin 48MB of blank lines (sniffing)": ("m", _writer("x\n", "\n", UNDER), "stdin",
                                             ("expected a mapping", "for the located reader")),
    # ---- review files
    "review entries 48MB (values)": ("r.review.yaml", _writer(_review(""), "  - {target: a, verdict: agree}\n"),
                                     "review", _EXPECT_VALUES),
    "review comment 48MB (string)": ("r.review.yaml", _writer(_review("  - target: a\n    verdict: agree\n"
                                                                      "    comment: "), "z", UNDER, "\n"),
                                     "review", _EXPECT_STRING),
    'review bomb "k":&a': ("r.review.yaml", lambda p: p.write_text(
        _review("  - {target: a, verdict: agree}\n") + _bomb("&{n} ", '"{k}":*{n}', json_keys=True)), "review",
        _EXPECT_EXPANDS),
}


def _command(kind: str, path: Path) -> tuple[list[str], Optional[Path], Optional[Path]]:
    """(argv, cwd, stdin file) for one case."""
    if kind == "import":
        return ["import", str(path)], None, None
    if kind == "audit":
        return ["audit", str(_small_map(path.parent))], path.parent, None
    if kind == "review":
        _small_map(path.parent)
        return ["review", "check", str(path)], None, None
    if kind == "stdin":
        return ["validate", "-"], None, path
    return ["validate", str(path)], None, None


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


@pytest.mark.bench
def test_hostile_inputs_refused_within_bounds(tmp_path, capsys):
    only = [w for w in os.environ.get("ARGMAP_BENCH_ONLY", "").split(",") if w]  # substrings of case names
    rows = []
    started = _load()
    for name, (filename, write, kind, fragment) in CASES.items():
        if only and not any(w in name for w in only):
            continue
        folder = tmp_path / f"case{len(rows)}"
        folder.mkdir()
        path = folder / filename
        write(path)
        size = path.stat().st_size
        argv, cwd, stdin_file = _command(kind, path)
        load = _load()
        result = run(argv, cwd, stdin_file)
        path.unlink()
        first = (result.stderr.splitlines() or [""])[0]
        located = first.startswith("argmap: error: ") and (":" in first[len("argmap: error: "):])
        fragments = (fragment,) if isinstance(fragment, str) else fragment
        refused = result.returncode in (1, 2) and located and any(f in result.stderr for f in fragments)
        within = result.cpu <= CPU_SECONDS and result.peak_mb <= PEAK_MB
        rows.append((name, size, result, refused, within, load, first))
        with capsys.disabled():
            mark = "ok" if refused and within else "MISS"
            print(f"  {name:<44} {size / MB:6.1f} MB  exit {result.returncode:>2}  {result.wall:6.2f} s wall"
                  f"  {result.cpu:6.2f} s CPU  {result.peak_mb:6.0f} MB  load {load}  {mark}", flush=True)
    with capsys.disabled():
        print(f"\nload average at the start {started}, at the end {_load()} ({os.cpu_count()} CPUs)")
        worst_cpu = max(rows, key=lambda r: r[2].cpu)
        worst_mem = max(rows, key=lambda r: r[2].peak_mb)
        print(f"most CPU: {worst_cpu[0]} {worst_cpu[2].cpu:.2f} s; most memory: {worst_mem[0]} {worst_mem[2].peak_mb:.0f} MB")
        for name, _, result, refused, within, _, first in rows:
            if not (refused and within):
                print(f"MISS {name}: {first[:300]}")
    misses = [r[0] for r in rows if not (r[3] and r[4])]
    assert rows and not misses, misses
