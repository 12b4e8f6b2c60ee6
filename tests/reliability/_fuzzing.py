"""Shared fuzzing helpers: a watchdog per input, and a checker that collects
every uncaught exception with the input that caused it."""

from __future__ import annotations

import contextlib
import signal
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from argmap.diagnostics import ArgmapError

__all__ = ["PER_INPUT_SECONDS", "HOSTILE_TEXTS", "watchdog", "Harness"]

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
    runs: int = 0
    failures: list = field(default_factory=list)
    slowest: float = 0.0

    def check(self, label: str, data: bytes | str, action: Callable[[], object]) -> None:
        self.runs += 1
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
