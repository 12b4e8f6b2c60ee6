"""Whole-process benchmarks of argmap against the targets of the performance issue.

Run ``python tests/benchmarks/bench.py`` (or ``pytest -m bench -s``). Each row
is the median wall time of several runs of a real ``argmap`` process on maps
from :mod:`generate`, with the peak memory (max RSS) of those runs. Where the
Argdown CLI is installed (``ARGDOWN_CLI=/path/to/argdown`` or ``argdown`` on
PATH), the same files are timed with it too, and the speed-up is shown.

Rendering is timed twice, to SVG and to DOT (everything but the layout), so
the difference is the time Graphviz itself spends on the layout. Each command
runs once untimed first, with Python's bytecode cache on (as in an installed
copy), so the figures are what a user sees from the second run on.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import write_all  # noqa: E402

__all__ = ["Row", "bench_env", "measure", "run_all", "format_table", "main"]

_WRAPPER = (
    "import resource, subprocess, sys, time\n"
    "t = time.perf_counter()\n"
    "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
    "t = time.perf_counter() - t\n"
    "kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "sys.stderr.write(p.stderr.decode(errors='replace')[-400:])\n"
    "print(t, kb, p.returncode)\n"
)


@dataclass
class Row:
    name: str
    seconds: float
    peak_mb: float
    target: Optional[str]
    ok: Optional[bool]
    returncode: int


def bench_env(folder: Path) -> dict[str, str]:
    """The environment of the timed processes: bytecode cached, as after ``pip install``.

    A development shell may set ``PYTHONDONTWRITEBYTECODE``; then every run
    would recompile argmap's modules, which no installed copy does. The cache
    goes to a folder of the benchmark's own, never into the source tree.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    return env


def measure(cmd: list[str], runs: int, env: Optional[dict] = None, warm: bool = True) -> tuple[float, float, int]:
    """Median seconds, peak MB and the last exit code of ``runs`` runs of ``cmd``
    (after one untimed warm-up run: bytecode and the file cache are warm, as for a user)."""
    times, peaks, rc = [], [], 0
    if warm:
        subprocess.run([sys.executable, "-c", _WRAPPER, *cmd], capture_output=True, env=env)
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", _WRAPPER, *cmd], capture_output=True, text=True, env=env)
        t, kb, rc = out.stdout.split()
        times.append(float(t))
        peaks.append(int(kb) / 1024)
        rc = int(rc)
        if rc not in (0, 1):
            sys.stderr.write(out.stderr)
    return statistics.median(times), max(peaks), rc


def _argmap() -> list[str]:
    exe = shutil.which("argmap", path=str(Path(sys.executable).parent)) or shutil.which("argmap")
    return [exe] if exe else [sys.executable, "-m", "argmap"]


def _argdown() -> Optional[str]:
    return os.environ.get("ARGDOWN_CLI") or shutil.which("argdown")


def run_all(folder: Path, runs: int = 5, big: bool = True) -> list[Row]:
    am = _argmap()
    env = bench_env(folder)
    small = write_all(1000, 2000, folder)
    mid = write_all(5000, 10000, folder)
    rows: list[Row] = []

    def row(name: str, cmd: list[str], limit_s: Optional[float] = None, limit_mb: Optional[float] = None,
            n: int = runs, warm: bool = True) -> Row:
        secs, mb, rc = measure(cmd, n, env, warm)
        ok = None
        target = None
        if limit_s is not None:
            target = f"<= {limit_s:g} s" + (f", <= {limit_mb:g} MB" if limit_mb else "")
            ok = secs <= limit_s and (limit_mb is None or mb <= limit_mb) and rc in (0, 1)
        r = Row(name, secs, mb, target, ok, rc)
        rows.append(r)
        return r

    row("argmap --version", am + ["--version"], 0.20)
    row("argmap --help", am + ["--help"], 0.20)
    audit = ["audit", "--fail-on", "never", "--format", "json"]
    a5_argdown = row("audit 5000/10000, Argdown input", am + audit + [str(mid["argdown"])], 0.5)
    a5 = row("audit 5000/10000, native YAML", am + audit + [str(mid["yaml"])], 0.8)
    row("audit 5000/10000, AIF JSON", am + audit + [str(mid["aif"])])
    few = max(1, (runs + 1) // 2)  # 3 of 5: a median that one slow run cannot move
    r1 = row("render 1000/2000 -> SVG", am + ["render", str(small["yaml"]), "-o", str(folder / "s.svg")], 1.2)
    d1 = row("render 1000/2000 -> DOT (no layout)", am + ["render", str(small["yaml"]), "-o", str(folder / "s.dot")])
    rows.append(_derived("  Graphviz layout 1000 (SVG - DOT)", r1.seconds - d1.seconds, r1))
    r5 = row("render 5000/10000 -> SVG", am + ["render", str(mid["yaml"]), "-o", str(folder / "m.svg")], 6.0, 400, n=few)
    d5 = row("render 5000/10000 -> DOT (no layout)", am + ["render", str(mid["yaml"]), "-o", str(folder / "m.dot")], n=few)
    rows.append(_derived("  Graphviz layout 5000 (SVG - DOT)", r5.seconds - d5.seconds, r5))
    if big:
        large = write_all(50000, 100000, folder)
        a50 = row("audit 50000/100000, native YAML", am + audit + [str(large["yaml"])], None, None, n=few)
        ratio = a50.seconds / a5.seconds if a5.seconds else float("inf")
        rows.append(Row("  time ratio 50000 / 5000", ratio, a50.peak_mb, "ratio <= 12, <= 600 MB", ratio <= 12 and a50.peak_mb <= 600, a50.returncode))
    ad = _argdown()
    if ad:
        row("Argdown CLI: json 1000/2000", [ad, "json", str(small["argdown"]), str(folder / "adj")], n=3)
        j5 = row("Argdown CLI: json 5000/10000", [ad, "json", str(mid["argdown"]), str(folder / "adj")], n=3)
        s1 = row("Argdown CLI: map -f svg 1000/2000", [ad, "map", "-f", "svg", str(small["argdown"]), str(folder / "ads")], n=1)
        rows.append(_ratio("  speed-up: audit Argdown 5000 vs its json", j5, a5_argdown, 4))
        rows.append(_ratio("  speed-up: render 1000 vs its map -f svg", s1, r1, 4))
        if big:
            s5 = row("Argdown CLI: map -f svg 5000/10000", [ad, "map", "-f", "svg", str(mid["argdown"]), str(folder / "ads")],
                     n=1, warm=False)
            rows.append(_ratio("  speed-up: render 5000 vs its map -f svg", s5, r5))
    return rows


def _derived(name: str, seconds: float, of: Row) -> Row:
    """A figure computed from other rows (no target, no process of its own)."""
    return Row(name, seconds, of.peak_mb, None, None, of.returncode)


def _ratio(name: str, slow: Row, fast: Row, at_least: Optional[float] = None) -> Row:
    """How many times faster ``fast`` is than ``slow``."""
    ratio = slow.seconds / fast.seconds if fast.seconds else float("inf")
    target = f"ratio >= {at_least:g}" if at_least else None
    ok = (ratio >= at_least) if at_least else None
    return Row(name, ratio, fast.peak_mb, target, ok, fast.returncode)


def format_table(rows: list[Row]) -> str:
    lines = [f"{'work':40} {'median':>9} {'peak':>9}  target", "-" * 80]
    for r in rows:
        unit = "x" if r.name.strip().startswith(("time ratio", "speed-up")) else " s"
        value = f"{r.seconds:.2f}{unit}"
        mark = "" if r.ok is None else ("  met" if r.ok else "  MISSED")
        lines.append(f"{r.name:40} {value:>9} {r.peak_mb:7.0f}MB  {r.target or ''}{mark}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    runs = int(argv[0]) if argv else 5
    with tempfile.TemporaryDirectory() as tmp:
        rows = run_all(Path(tmp), runs=runs)
    print(format_table(rows))
    print(json.dumps([r.__dict__ for r in rows]), file=sys.stderr if os.environ.get("BENCH_JSON") else open(os.devnull, "w"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
