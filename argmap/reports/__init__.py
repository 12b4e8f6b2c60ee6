"""Audit reporters: one module per output format of ``argmap audit``.

Each module has ``report(findings, files) -> str``: ``findings`` are the
audit's :class:`~argmap.diagnostics.Finding` objects of all files, in order;
``files`` the map files audited. ``REPORTERS`` is the registry; it also feeds
the choices of ``argmap audit --format``.

>>> sorted(REPORTERS)
['github', 'json', 'sarif', 'text']
"""

from __future__ import annotations

import importlib
from typing import Callable

__all__ = ["REPORTERS", "get_reporter", "summary", "is_pseudo"]

REPORTERS: dict[str, str] = {
    "text": "argmap.reports.text:report",
    "json": "argmap.reports.json:report",
    "sarif": "argmap.reports.sarif:report",
    "github": "argmap.reports.github:report",
}
"""Format name → ``module:function``."""


def get_reporter(name: str) -> Callable:
    module, _, attr = REPORTERS[name].partition(":")
    return getattr(importlib.import_module(module), attr)


def summary(findings: list, files: list) -> dict:
    """Counts for a report: files audited, findings, and findings per severity.

    >>> from argmap.diagnostics import Finding, Severity
    >>> summary([Finding("a", "m", severity=Severity.info)], ["m.yaml"])
    {'files': 1, 'findings': 1, 'error': 0, 'warning': 0, 'info': 1}
    """
    counts = {"error": 0, "warning": 0, "info": 0}
    for f in findings:
        counts[f.severity.value] += 1
    return {"files": len(files), "findings": len(findings), **counts}


def is_pseudo(finding) -> bool:
    """Whether a finding is a load or configuration error rather than a rule's finding."""
    from argmap.batch import PSEUDO_RULES

    return finding.code in PSEUDO_RULES
