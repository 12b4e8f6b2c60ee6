"""Hostile inputs and a way to run argmap on them as a measured real process."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Measured", "run_measured", "billion_laughs", "deep_flow", "deep_block", "MB"]

MB = 1024 * 1024


@dataclass
class Measured:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    """Wall-clock time (inflated when the machine is busy)."""
    cpu_seconds: float
    """User + system CPU time of the child: what the input itself cost."""
    max_rss_mb: float


# A small go-between: it starts argmap and reports exactly that child's usage.
# Peak memory cannot be read from a child of the test process itself: on Linux a
# child's ru_maxrss starts at the RSS of the process it was forked from (the
# whole pytest run, hundreds of MB after the fuzz tests), so argmap is started
# from this small process instead.
_GO_BETWEEN = (
    "import json, os, subprocess, sys\n"
    "p = subprocess.Popen(sys.argv[2:])\n"
    "_, status, u = os.wait4(p.pid, 0)\n"
    "with open(sys.argv[1], 'w') as fh:\n"
    "    json.dump([os.waitstatus_to_exitcode(status), u.ru_utime + u.ru_stime, u.ru_maxrss], fh)\n"
)


def run_measured(*args: str, timeout: float = 60, env: dict | None = None, cwd: Path | None = None) -> Measured:
    """Run ``python -m argmap ARGS`` and measure that one process: wall time, CPU time and peak memory."""
    import json
    import signal

    full_env = dict(os.environ)
    full_env.update(env or {})
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "usage.json"
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-c", _GO_BETWEEN, str(report), sys.executable, "-m", "argmap", *map(str, args)],
            stdout=out,
            stderr=err,
            env=full_env,
            cwd=cwd,
            start_new_session=True,
        )
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            raise AssertionError(f"argmap {' '.join(map(str, args))} ran over {timeout} s") from None
        seconds = time.perf_counter() - start
        returncode, cpu_seconds, max_rss_kb = json.loads(report.read_text())
        out.seek(0)
        err.seek(0)
        return Measured(
            returncode,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
            seconds,
            cpu_seconds,
            max_rss_kb / 1024,  # kilobytes on Linux
        )


def billion_laughs(levels: int = 9, width: int = 10) -> str:
    """The classic alias bomb, inside an otherwise plausible map."""
    lines = ["argmap: 1", "x:", '  l0: &l0 [' + ", ".join(['"lol"'] * width) + "]"]
    for i in range(1, levels + 1):
        lines.append(f"  l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * width) + "]")
    lines.append("claims: []")
    return "\n".join(lines) + "\n"


def deep_flow(depth: int) -> str:
    return "argmap: 1\nx: " + "[" * depth + "\n"


def deep_block(depth: int) -> str:
    return "argmap: 1\nx:\n  " + "- " * depth + "a\n"
