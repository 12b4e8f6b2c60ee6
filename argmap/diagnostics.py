"""Findings and errors: what argmap tells a user, always with a place.

>>> print(Diagnostic(Location("m.yaml", 2, 3), "unknown key 'qoute'"))
m.yaml:2:3: unknown key 'qoute'
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Optional

from argmap.locations import Location

__all__ = ["Severity", "Diagnostic", "Finding", "ArgmapError"]


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
        }


class ArgmapError(Exception):
    """A failure the user can fix: one or more located diagnostics.

    The command line prints each as ``argmap: error: FILE:LINE:COL: message``
    and exits 1.
    """

    def __init__(self, diagnostics: list[Diagnostic] | Diagnostic, exit_code: int = 1):
        if isinstance(diagnostics, Diagnostic):
            diagnostics = [diagnostics]
        self.diagnostics = list(diagnostics)
        self.exit_code = exit_code
        super().__init__("\n".join(str(d) for d in self.diagnostics))
