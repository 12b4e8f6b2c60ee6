"""Shared fuzzing helpers: a watchdog per input, and a checker that collects
every uncaught exception with the input that caused it."""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import signal
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

import pytest

from argmap.diagnostics import ArgmapError

__all__ = ["PER_INPUT_SECONDS", "HOSTILE_TEXTS", "FORMATS", "CHILD", "in_child", "count", "COUNTS", "watchdog",
           "Harness"]

FORMATS = ("yaml", "json", "argdown", "aif", "microtext", "config", "review")
"""What the fuzz tests feed argmap; each input counts once under one of these."""

CHILD = "ARGMAP_FUZZ_CHILD"
"""Set in the child process that runs every fuzz test, measured by tests/reliability/test_fuzz_formats.py."""
COUNTS_FILE = "ARGMAP_FUZZ_COUNTS"
"""Where the child writes how many inputs of each format ran (JSON), when it exits."""

in_child = pytest.mark.skipif(not os.environ.get(CHILD), reason="runs in the measured child process of test_fuzz_run")

COUNTS: Counter = Counter()


def count(fmt: str) -> None:
    """One more input of ``fmt`` (one of :data:`FORMATS`) has run."""
    assert fmt in FORMATS, fmt
    COUNTS[fmt] += 1


def _write_counts() -> None:
    Path(os.environ[COUNTS_FILE]).write_text(json.dumps(dict(COUNTS)))


if os.environ.get(COUNTS_FILE):
    atexit.register(_write_counts)

PER_INPUT_SECONDS = 5.0
"""No single input may take longer than this (the issue's 'hang')."""

HOSTILE_TEXTS = [
    "<script>window.__pwned = 1</script>",
    '" onload="window.__pwned=1',
    "javascript:alert(1)",
    "\\l\\n\\G\\N {braces} <b>html</b> &amp; \"quotes\"",
    "\x1b[2J\x1b]0;title\x07\x9b31m",
    "\u202eevil\u202c",
    "line\nbreak\r\n",
    "\x00nul",
    "*alias &anchor !tag %directive @ ` |",
    "---\n...",
    "https://example.org/a?b=<c>&d='e'",
    "🙂 ünïcödé 中文 עברית",
]
"""Texts that have broken parsers, renderers and terminals elsewhere."""


class InputTimeout(Exception):
    pass


@contextlib.contextmanager
def watchdog(seconds: float = PER_INPUT_SECONDS) -> Iterator[None]:
    """Raise :class:`InputTimeout` in the main thread when one input runs too long."""

    def expire(signum, frame):  # pragma: no cover - only on a hang
        raise InputTimeout(f"input took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass
class Harness:
    """Runs inputs, counts them, and keeps the first few failures with their inputs."""

    name: str
    keep: Path
    fmt: str = "yaml"
    """The format counted for each input (see :func:`count`)."""
    runs: int = 0
    failures: list = field(default_factory=list)
    slowest: float = 0.0

    def check(self, label: str, data: bytes | str, action: Callable[[], object]) -> None:
        self.runs += 1
        count(self.fmt)
        start = time.perf_counter()
        try:
            with watchdog():
                action()
        except ArgmapError:
            pass
        except Exception as exc:  # noqa: BLE001 - this is what we hunt for
            self._record(label, data, exc)
        elapsed = time.perf_counter() - start
        self.slowest = max(self.slowest, elapsed)
        if elapsed > PER_INPUT_SECONDS:
            self._record(label, data, InputTimeout(f"{elapsed:.1f} s"))

    def _record(self, label: str, data: bytes | str, exc: BaseException) -> None:
        if len(self.failures) >= 20:
            return
        self.keep.mkdir(parents=True, exist_ok=True)
        saved = self.keep / f"{self.name}-{len(self.failures)}.input"
        saved.write_bytes(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
        where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
        place = f"{where.filename}:{where.lineno} in {where.name}" if where else "?"
        self.failures.append(f"{label}: {type(exc).__name__}: {str(exc)[:200]} at {place} (input saved to {saved})")

    def assert_clean(self, at_least: int) -> None:
        assert not self.failures, f"{len(self.failures)} uncaught exception(s):\n" + "\n".join(self.failures)
        assert self.runs >= at_least, f"only {self.runs} inputs ran"
