"""JSON audit report: ``{"findings": [...], "summary": {...}}``.

Each finding has exactly ``code, rule, severity, target, message, file, line, column``.

>>> import json as _json
>>> from argmap.diagnostics import Finding, Severity
>>> from argmap.locations import Location
>>> f = Finding("a", "m", Location("m.yaml", 3, 5), code="ARG102", rule="uncited-fact", severity=Severity.info)
>>> _json.loads(report([f], ["m.yaml"]))["findings"][0]["line"]
3
"""

from __future__ import annotations

import json

from argmap.reports import summary

__all__ = ["report"]


def report(findings: list, files: list) -> str:
    """The findings and their summary as indented JSON."""
    data = {"findings": [f.to_dict() for f in findings], "summary": summary(findings, files)}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
