"""Whole-process benchmarks of argmap against the targets of the performance issue.

Run ``python tests/benchmarks/bench.py`` (or ``pytest -m bench -s``). Each row
is the median wall time of several runs of a real ``argmap`` process on maps
from :mod:`generate`, with the median CPU time (user + system) and the peak
memory (max RSS) of those runs. Where the Argdown CLI is installed
(``ARGMAP_ARGDOWN_CLI=/path/to/argdown``, or ``argdown`` on PATH), the same
files are timed with it too, and the speed-up is shown.

Rendering is timed on every graph shape of :data:`generate.SHAPES` (deep,
random with cycles, random acyclic, dense) against ``argdown map -f svg`` on
the same file; the two programs' runs alternate, so that load from other
work on the machine falls on both alike.

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

__all__ = ["Row", "SHAPE_SIZES", "bench_env", "measure", "measure_pair", "run_shapes", "run_all", "format_table", "main"]

_WRAPPER = (
    "import resource, subprocess, sys, time\n"
    "t = time.perf_counter()\n"
    "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
    "t = time.perf_counter() - t\n"
    "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "sys.stderr.write(p.stderr.decode(errors='replace')[-400:])\n"
    "print(t, u.ru_maxrss, p.returncode, u.ru_utime + u.ru_stime)\n"
)


@dataclass
class Row:
    name: str
    seconds: float
    peak_mb: float
    target: Optional[str]
    ok: Optional[bool]
    returncode: int
    cpu: Optional[float] = None  # median CPU seconds (user + system), where measured


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


@dataclass
class Timing:
    """Runs of one command: wall seconds, CPU seconds and peak MB of each, the last exit code."""

    walls: list[float]
    cpus: list[float]
    peaks: list[float]
    returncode: int = 0

    def once(self, cmd: list[str], env: Optional[dict]) -> None:
        out = subprocess.run([sys.executable, "-c", _WRAPPER, *cmd], capture_output=True, text=True, env=env)
        t, kb, rc, cpu = out.stdout.split()
        self.walls.append(float(t))
        self.cpus.append(float(cpu))
        self.peaks.append(int(kb) / 1024)
        self.returncode = int(rc)
        if self.returncode not in (0, 1):
            sys.stderr.write(out.stderr)

    def summary(self) -> tuple[float, float, int, float]:
        return statistics.median(self.walls), max(self.peaks), self.returncode, statistics.median(self.cpus)


def measure(cmd: list[str], runs: int, env: Optional[dict] = None, warm: bool = True) -> tuple[float, float, int, float]:
    """Median seconds, peak MB, the last exit code and median CPU seconds of ``runs`` runs of
    ``cmd`` (after one untimed warm-up run: bytecode and the file cache are warm, as for a user)."""
    if warm:
        subprocess.run([sys.executable, "-c", _WRAPPER, *cmd], capture_output=True, env=env)
    timing = Timing([], [], [])
    for _ in range(runs):
        timing.once(cmd, env)
    return timing.summary()


def measure_pair(first: list[str], second: list[str], runs: int, env: Optional[dict] = None,
                 second_runs: Optional[int] = None) -> tuple[tuple, tuple]:
    """:func:`measure` of two commands whose runs alternate (both warmed up first), so
    that other load on the machine slows both alike; ``second`` may run fewer times."""
    for cmd in (first, second) if (second_runs or runs) > 1 else (first,):  # one slow run: no warm-up
        subprocess.run([sys.executable, "-c", _WRAPPER, *cmd], capture_output=True, env=env)
    a, b = Timing([], [], []), Timing([], [], [])
    for k in range(runs):
        a.once(first, env)
        if k < (second_runs or runs):
            b.once(second, env)
    return a.summary(), b.summary()


def _argmap() -> list[str]:
    exe = shutil.which("argmap", path=str(Path(sys.executable).parent)) or shutil.which("argmap")
    return [exe] if exe else [sys.executable, "-m", "argmap"]


def _argdown() -> Optional[str]:
    return os.environ.get("ARGMAP_ARGDOWN_CLI") or os.environ.get("ARGDOWN_CLI") or shutil.which("argdown")


SHAPE_SIZES = [
    ("deep", 1000, 2000), ("deep", 5000, 10000),
    ("random", 1000, 2000), ("random", 5000, 10000),
    ("dag", 1000, 2000), ("dag", 5000, 10000),
    ("dense", 100, 1000), ("dense", 1000, 10000),
]
"""The maps ``render`` is timed on, against ``argdown map -f svg``: shape, claims, relations.
Dense maps have ten links a claim; at two a claim (1000/2000, 5000/10000) the generator's
``dense`` file is the ``random`` one, byte for byte, so those are not timed twice."""


def _render_target(shape: str, claims: int) -> tuple[Optional[float], Optional[float]]:
    """Seconds and MB that rendering this map must stay within (None: no target)."""
    if shape == "dense":
        return (1.0, None) if claims <= 100 else (None, None)
    if claims >= 5000:
        return 3.0, 300
    return None, None


def run_shapes(folder: Path, runs: int = 5) -> list[Row]:
    """``render`` to SVG on every map of :data:`SHAPE_SIZES`, against ``argdown map -f svg``
    where the Argdown CLI is installed (runs alternating; fewer of them for 10000 links)."""
    am = _argmap()
    env = bench_env(folder)
    few = max(1, (runs + 1) // 2)
    ad = _argdown()
    rows: list[Row] = []
    for shape, claims, links in SHAPE_SIZES:
        paths = write_all(claims, links, folder, shape=shape)
        label = f"{shape} {claims}/{links}"
        mine = am + ["render", str(paths["yaml"]), "--no-overview", "-o", str(folder / "r.svg")]
        limit_s, limit_mb = _render_target(shape, claims)
        if ad:
            theirs = [ad, "map", "-f", "svg", str(paths["argdown"]), str(folder / "ads")]
            big = links >= 10000  # Argdown takes a minute or more: one run of it
            timed, other = measure_pair(mine, theirs, few if big else runs, env, second_runs=1 if big else few)
            fast = _row(f"render {label} -> SVG", timed, limit_s, limit_mb)
            slow = _row(f"Argdown CLI: map -f svg {label}", other)
            rows += [fast, slow, _ratio(f"  speed-up: render {label} vs Argdown", slow, fast, 4)]
        else:
            rows.append(_row(f"render {label} -> SVG", measure(mine, few if links >= 10000 else runs, env), limit_s, limit_mb))
        if os.environ.get("BENCH_PROGRESS"):  # rows as they come, for long runs
            print(format_table(rows), file=sys.stderr, flush=True)
    return rows


def run_all(folder: Path, runs: int = 5, big: bool = True) -> list[Row]:
    am = _argmap()
    env = bench_env(folder)
    small = write_all(1000, 2000, folder)
    mid = write_all(5000, 10000, folder)
    rows: list[Row] = []

    def row(name: str, cmd: list[str], limit_s: Optional[float] = None, limit_mb: Optional[float] = None,
            n: int = runs, warm: bool = True) -> Row:
        rows.append(_row(name, measure(cmd, n, env, warm), limit_s, limit_mb))
        return rows[-1]

    row("argmap --version", am + ["--version"], 0.20)
    row("argmap --help", am + ["--help"], 0.20)
    audit = ["audit", "--fail-on", "never", "--format", "json"]
    a5_argdown = row("audit 5000/10000, Argdown input", am + audit + [str(mid["argdown"])], 0.5)
    a5 = row("audit 5000/10000, native YAML", am + audit + [str(mid["yaml"])], 0.8)
    row("audit 5000/10000, AIF JSON", am + audit + [str(mid["aif"])])
    few = max(1, (runs + 1) // 2)  # 3 of 5: a median that one slow run cannot move
    ad = _argdown()
    rows += run_shapes(folder, runs)
    svg = {r.name: r for r in rows}
    r1 = svg["render deep 1000/2000 -> SVG"]
    d1 = row("render deep 1000/2000 -> DOT (no layout)", am + ["render", str(small["yaml"]), "--no-overview", "-o", str(folder / "s.dot")])
    rows.append(_derived("  Graphviz layout 1000 (SVG - DOT)", r1.seconds - d1.seconds, r1))
    r5 = svg["render deep 5000/10000 -> SVG"]
    d5 = row("render deep 5000/10000 -> DOT (no layout)", am + ["render", str(mid["yaml"]), "--no-overview", "-o", str(folder / "m.dot")], n=few)
    rows.append(_derived("  Graphviz layout 5000 (SVG - DOT)", r5.seconds - d5.seconds, r5))
    if big:
        large = write_all(50000, 100000, folder)
        a50 = row("audit 50000/100000, native YAML", am + audit + [str(large["yaml"])], None, None, n=few)
        ratio = a50.seconds / a5.seconds if a5.seconds else float("inf")
        rows.append(Row("  time ratio 50000 / 5000", ratio, a50.peak_mb, "ratio <= 12, <= 600 MB", ratio <= 12 and a50.peak_mb <= 600, a50.returncode))
    if ad:
        row("Argdown CLI: json 1000/2000", [ad, "json", str(small["argdown"]), str(folder / "adj")], n=3)
        j5 = row("Argdown CLI: json 5000/10000", [ad, "json", str(mid["argdown"]), str(folder / "adj")], n=3)
        rows.append(_ratio("  speed-up: audit Argdown 5000 vs its json", j5, a5_argdown, 4))
    return rows


def _row(name: str, timing: tuple, limit_s: Optional[float] = None, limit_mb: Optional[float] = None) -> Row:
    """A row from :func:`measure`'s figures, checked against the targets given."""
    secs, mb, rc, cpu = timing
    ok = None
    target = None
    if limit_s is not None:
        target = f"<= {limit_s:g} s" + (f", <= {limit_mb:g} MB" if limit_mb else "")
        ok = secs <= limit_s and (limit_mb is None or mb <= limit_mb) and rc in (0, 1)
    return Row(name, secs, mb, target, ok, rc, cpu)


def _derived(name: str, seconds: float, of: Row) -> Row:
    """A figure computed from other rows (no target, no process of its own)."""
    return Row(name, seconds, of.peak_mb, None, None, of.returncode)


def _ratio(name: str, slow: Row, fast: Row, at_least: Optional[float] = None) -> Row:
    """How many times faster ``fast`` is than ``slow``."""
    ratio = slow.seconds / fast.seconds if fast.seconds else float("inf")
    cpu = slow.cpu / fast.cpu if slow.cpu and fast.cpu else None  # the same ratio of CPU times
    target = f"ratio >= {at_least:g}" if at_least else None
    ok = (ratio >= at_least) if at_least else None
    return Row(name, ratio, fast.peak_mb, target, ok, fast.returncode, cpu)


def format_table(rows: list[Row]) -> str:
    lines = [f"{'work':46} {'median':>9} {'cpu':>8} {'peak':>9}  target", "-" * 96]
    for r in rows:
        unit = "x" if r.name.strip().startswith(("time ratio", "speed-up")) else " s"
        value = f"{r.seconds:.2f}{unit}"
        cpu = f"{r.cpu:.2f}{unit}" if r.cpu is not None else ""
        mark = "" if r.ok is None else ("  met" if r.ok else "  MISSED")
        lines.append(f"{r.name:46} {value:>9} {cpu:>8} {r.peak_mb:7.0f}MB  {r.target or ''}{mark}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    """``bench.py [RUNS] [shapes]``: every row, or only rendering by graph shape."""
    runs = int(argv[0]) if argv else 5
    with tempfile.TemporaryDirectory() as tmp:
        rows = run_shapes(Path(tmp), runs=runs) if "shapes" in argv[1:] else run_all(Path(tmp), runs=runs)
    print(format_table(rows))
    print(json.dumps([r.__dict__ for r in rows]), file=sys.stderr if os.environ.get("BENCH_JSON") else open(os.devnull, "w"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
