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


def run_measured(*args: str, timeout: float = 60, env: dict | None = None, cwd: Path | None = None) -> Measured:
    """Run ``python -m argmap ARGS`` and measure that one child: wall time and peak memory.

    ``os.wait4`` gives the resource usage of exactly this child (RUSAGE_CHILDREN
    would mix in every earlier child of the test process).
    """
    full_env = dict(os.environ)
    full_env.update(env or {})
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "argmap", *map(str, args)], stdout=out, stderr=err, env=full_env, cwd=cwd
        )
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - start > timeout:
                proc.kill()
                os.wait4(proc.pid, 0)
                proc.returncode = -9
                raise AssertionError(f"argmap {' '.join(map(str, args))} ran over {timeout} s")
            time.sleep(0.005)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Measured(
            proc.returncode,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
            seconds,
            usage.ru_utime + usage.ru_stime,
            usage.ru_maxrss / 1024,  # kilobytes on Linux
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
