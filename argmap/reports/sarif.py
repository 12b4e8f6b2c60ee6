"""SARIF 2.1.0 audit report, for GitHub code scanning and other SARIF viewers.

One run; ``tool.driver.rules`` is the whole rule catalogue (id, name, short
and full description, default level, help); each result points at the map
file by a URI relative to the current folder (``%SRCROOT%``) with the line
and column of the element.

>>> import json
>>> doc = json.loads(report([], ["m.yaml"]))
>>> doc["version"], doc["runs"][0]["tool"]["driver"]["name"]
('2.1.0', 'argmap')
"""

from __future__ import annotations

import os
from pathlib import Path

from argmap import __version__
from argmap.jsontext import dumps

__all__ = ["report", "LEVELS"]

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
"""argmap severity → SARIF level."""


def _location(file: str) -> dict:
    """An artifactLocation: relative to the current folder (``%SRCROOT%``) when inside it, else a file URI."""
    path = Path(file)
    try:
        rel = Path(os.path.relpath(path.resolve(), Path.cwd()))
    except ValueError:  # another drive on Windows
        rel = None
    if rel is not None and not rel.as_posix().startswith("../"):
        return {"uri": rel.as_posix(), "uriBaseId": "%SRCROOT%"}
    return {"uri": path.resolve().as_uri()}


def report(findings: list, files: list) -> str:
    """The SARIF log as indented JSON."""
    from argmap.audit import rules

    catalogue = rules()
    index = {r.code: n for n, r in enumerate(catalogue)}
    driver_rules = [
        {
            "id": r.code,
            "name": r.name,
            "shortDescription": {"text": r.summary},
            "fullDescription": {"text": r.help.split("\n\n")[0].replace("\n", " ")},
            "defaultConfiguration": {"level": LEVELS[r.severity.value], "enabled": r.enabled},
            "help": {"text": r.help},
        }
        for r in catalogue
    ]
    results = []
    for f in findings:
        result = {
            "ruleId": f.code,
            "level": LEVELS[f.severity.value],
            "message": {"text": f.message},
        }
        if f.code in index:
            result["ruleIndex"] = index[f.code]
        if f.location is not None:
            result["locations"] = [
                {
                    "physicalLocation": {
                        "artifactLocation": _location(f.location.file),
                        "region": {"startLine": f.location.line or 1, "startColumn": f.location.column or 1},
                    }
                }
            ]
        if f.target:
            result["properties"] = {"target": f.target}
        results.append(result)
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "argmap",
                        "version": __version__,
                        "rules": driver_rules,
                    }
                },
                "artifacts": [{"location": _location(str(p))} for p in files],
                "results": results,
            }
        ],
    }
    return dumps(log, indent=2) + "\n"
