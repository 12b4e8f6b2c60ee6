"""GitHub Actions workflow commands: findings appear as annotations on the pull request.

``::warning file=F,line=L,col=C,title=CODE rule-name::message``, the file
relative to the current folder (the repository root in a workflow); errors use
``::error``, info ``::notice``. Property values and messages are escaped as
the workflow-command syntax requires.

>>> from argmap.diagnostics import Finding, Severity
>>> from argmap.locations import Location
>>> f = Finding("a", "50% done, see: x", Location("m.yaml", 3, 5), code="ARG101", rule="unsupported-claim")
>>> print(report([f], ["m.yaml"]), end="")
::warning file=m.yaml,line=3,col=5,title=ARG101 unsupported-claim::50%25 done, see: x (a)
"""

from __future__ import annotations

from argmap.reports import relative_path

__all__ = ["report"]

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def report(findings: list, files: list) -> str:
    """One workflow command per finding (nothing for a clean audit)."""
    out = []
    for f in findings:
        loc = f.location
        props = [f"file={_prop(relative_path(loc.file))}", f"line={loc.line or 1}", f"col={loc.column or 1}"] if loc else []
        props.append(f"title={_prop(f'{f.code} {f.rule}')}")
        target = f" ({f.target})" if f.target else ""
        out.append(f"::{_COMMAND[f.severity.value]} {','.join(props)}::{_data(f.message + target)}")
    return "".join(line + "\n" for line in out)
