"""Findings and errors: what argmap tells a user, always with a place.

>>> print(Diagnostic(Location("m.yaml", 2, 3), "unknown key 'qoute'"))
m.yaml:2:3: unknown key 'qoute'
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Optional

from argmap.locations import Location

__all__ = ["PSEUDO_RULES", "Severity", "Diagnostic", "Omitted", "omitted", "Finding", "ArgmapError", "MAX_PER_FILE", "capped"]

PSEUDO_RULES = {
    "ARG001": ("load-error", "A file that cannot be read or is not a valid map or review file."),
    "ARG002": ("config-error", "A configuration file (argmap.toml, [tool.argmap]) that is not valid."),
}
"""Codes of the report results that no audit rule gives (code → name, summary): they cannot be selected."""

MAX_PER_FILE = 100
"""At most this many errors are reported per file; one more line counts the rest."""


class Severity(str, enum.Enum):
    """How much a finding matters, from ``info`` to ``error``."""

    info = "info"
    warning = "warning"
    error = "error"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


@dataclass(frozen=True)
class Diagnostic:
    """A located error in an input file (schema, reference, syntax)."""

    location: Location
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


@dataclass(frozen=True)
class Omitted(Diagnostic):
    """The line that stands for ``count`` diagnostics left out, at the first of them."""

    count: int = 0


def omitted(location: Location, count: int) -> Omitted:
    """``... and N more errors`` at ``location``."""
    return Omitted(location, f"... and {count} more error{'' if count == 1 else 's'}", count)


def capped(diagnostics: list[Diagnostic], limit: int = MAX_PER_FILE) -> list[Diagnostic]:
    """The first ``limit`` diagnostics of each file, then one line per file counting the rest.

    Capping twice changes nothing: an :class:`Omitted` line is counted, not shown again.

    >>> many = [Diagnostic(Location("m.yaml", n, 1), f"bad {n}") for n in range(1, 5)]
    >>> [str(d) for d in capped(capped(many, 2), 2)]
    ['m.yaml:1:1: bad 1', 'm.yaml:2:1: bad 2', 'm.yaml:3:1: ... and 2 more errors']
    """
    kept: list[Diagnostic] = []
    shown: dict[str, int] = {}
    hidden: dict[str, list] = {}  # file -> [location of the first left out, how many]
    for d in diagnostics:
        file = d.location.file
        if isinstance(d, Omitted) or shown.get(file, 0) >= limit:
            entry = hidden.setdefault(file, [d.location, 0])
            entry[1] += d.count if isinstance(d, Omitted) else 1
        else:
            shown[file] = shown.get(file, 0) + 1
            kept.append(d)
    kept.extend(omitted(where, count) for where, count in hidden.values())
    return kept


@dataclass
class Finding:
    """One audit finding. Rules fill ``target``, ``message`` (and ``location``,
    ``related``); the audit engine stamps ``code``, ``rule`` and ``severity``."""

    target: Optional[str]
    message: str
    location: Optional[Location] = None
    related: list = field(default_factory=list)
    code: str = ""
    rule: str = ""
    severity: Severity = Severity.warning
    on_thesis_path: Optional[bool] = None
    """The target bears on the thesis (set by the audit engine; see :mod:`argmap.audit.impact`)."""
    decides_thesis: Optional[bool] = None
    """The target is on the chain that decides the thesis's status or label."""
    changes_thesis: Optional[bool] = None
    """Fixing it would change the thesis's support status (None: not computed)."""

    def to_dict(self) -> dict:
        loc = self.location
        return {
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity.value,
            "target": self.target,
            "message": self.message,
            "file": loc.file if loc else None,
            "line": loc.line if loc else None,
            "column": loc.column if loc else None,
            "on_thesis_path": self.on_thesis_path,
            "decides_thesis": self.decides_thesis,
            "changes_thesis": self.changes_thesis,
        }


class ArgmapError(Exception):
    """A failure the user can fix: one or more located diagnostics.

    The command line prints each as ``argmap: error: FILE:LINE:COL: message``
    and exits 1.
    """

    def __init__(self, diagnostics: list[Diagnostic] | Diagnostic, exit_code: int = 1):
        if isinstance(diagnostics, Diagnostic):
            diagnostics = [diagnostics]
        self.diagnostics = capped(list(diagnostics))
        self.exit_code = exit_code
        super().__init__("\n".join(str(d) for d in self.diagnostics))
