"""JSON audit report: ``{"findings": [...], "summary": {...}}``.

Each finding has exactly ``code, rule, severity, target, message, file, line, column,
on_thesis_path, decides_thesis, changes_thesis`` (the last three: :mod:`argmap.audit.impact`).

>>> import json as _json
>>> from argmap.diagnostics import Finding, Severity
>>> from argmap.locations import Location
>>> f = Finding("a", "m", Location("m.yaml", 3, 5), code="ARG102", rule="uncited-fact", severity=Severity.info)
>>> _json.loads(report([f], ["m.yaml"]))["findings"][0]["line"]
3
"""

from __future__ import annotations

import json

from argmap.util.jsontext import escape_controls
from argmap.reports import summary

__all__ = ["report"]


def report(findings: list, files: list) -> str:
    """The findings and their summary as indented JSON (``json.dumps(..., indent=2)``'s layout).

    >>> from argmap.diagnostics import Finding, Severity
    >>> from argmap.locations import Location
    >>> f = Finding("a", 'say "x",\\n', Location("m.yaml", 3, 5), code="ARG102", severity=Severity.info)
    >>> data = {"findings": [f.to_dict()], "summary": summary([f], ["m.yaml"])}
    >>> report([f], ["m.yaml"]) == json.dumps(data, indent=2, ensure_ascii=False) + "\\n"
    True
    """
    items = ",\n".join(_finding(f.to_dict()) for f in findings)
    listed = f"[\n{items}\n  ]" if findings else "[]"
    totals = json.dumps(summary(findings, files), indent=2, ensure_ascii=False).replace("\n", "\n  ")
    return escape_controls(f'{{\n  "findings": {listed},\n  "summary": {totals}\n}}\n')


def _finding(flat: dict) -> str:
    """One finding (a flat mapping of plain values) laid out at the depth of the list.

    The C encoder, which ``indent`` turns off, writes it; the item separator
    carries the indentation (strings never hold a raw line break in JSON).
    """
    text = json.dumps(flat, ensure_ascii=False, separators=(",\n      ", ": "))
    return "    {\n      " + text[1:-1] + "\n    }"
