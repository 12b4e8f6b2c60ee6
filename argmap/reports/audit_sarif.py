"""SARIF 2.1.0 audit report, for GitHub code scanning and other SARIF viewers.

One run; ``tool.driver.rules`` is the whole rule catalogue (id, name, short
and full description, default level, help and ``helpUri``), led by the two
pseudo-rules of files that do not load (``ARG001``) and of configuration
errors (``ARG002``); each result points at the map file by a percent-encoded
URI relative to the current folder (``%SRCROOT%``) with the line and column
of the element.

>>> import json
>>> doc = json.loads(report([], ["m.yaml"]))
>>> doc["version"], doc["runs"][0]["tool"]["driver"]["name"]
('2.1.0', 'argmap')
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from argmap import HOMEPAGE, __version__
from argmap.diagnostics import PSEUDO_RULES
from argmap.util.jsontext import dumps
from argmap.reports import HELP_URI, relative_path

__all__ = ["report", "LEVELS"]

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
"""argmap severity → SARIF level."""


def _location(file: str) -> dict:
    """An artifactLocation: a percent-encoded URI relative to the current folder (``%SRCROOT%``)
    when the file is inside it, else a file URI.

    >>> _location("a b:c%.yaml")
    {'uri': 'a%20b%3Ac%25.yaml', 'uriBaseId': '%SRCROOT%'}
    """
    if file == "-":
        return {"uri": "stdin", "description": {"text": "standard input"}}
    rel = relative_path(file)
    if not Path(rel).is_absolute():
        return {"uri": quote(rel, safe="/"), "uriBaseId": "%SRCROOT%"}
    return {"uri": Path(file).resolve().as_uri()}


def _descriptor(code: str, name: str, summary: str, help_text: str, level: str, enabled: bool = True) -> dict:
    return {
        "id": code,
        "name": name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": help_text.split("\n\n")[0].replace("\n", " ")},
        "defaultConfiguration": {"level": level, "enabled": enabled},
        "helpUri": HELP_URI,
        "help": {"text": help_text},
    }


def report(findings: list, files: list) -> str:
    """The SARIF log as indented JSON."""
    from argmap.audit import rules

    catalogue = rules()
    driver_rules = [
        _descriptor(code, name, summary, summary, "error") for code, (name, summary) in sorted(PSEUDO_RULES.items())
    ] + [
        _descriptor(r.code, r.name, r.summary, r.help, LEVELS[r.severity.value], r.enabled) for r in catalogue
    ]
    index = {d["id"]: n for n, d in enumerate(driver_rules)}
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
        properties = {"target": f.target} if f.target else {}
        if f.on_thesis_path is not None:
            properties["on_thesis_path"] = f.on_thesis_path
            properties["decides_thesis"] = f.decides_thesis
            properties["changes_thesis"] = f.changes_thesis
            result["rank"] = (
                100.0 if f.changes_thesis else 75.0 if f.decides_thesis else 50.0 if f.on_thesis_path else 0.0
            )
        if properties:
            result["properties"] = properties
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
                        "informationUri": HOMEPAGE,
                        "rules": driver_rules,
                    }
                },
                "artifacts": [{"location": _location(str(p))} for p in files],
                "results": results,
            }
        ],
    }
    return dumps(log, indent=2) + "\n"
