"""Plain text audit report: one line per finding, then a summary line.

``FILE:LINE:COL: severity CODE [rule-name] message (target)``, then, for a
finding on the thesis's path, ``[thesis path]``, with ``; decides the thesis``
and ``; fixing it changes the thesis`` where they hold (:mod:`argmap.audit.impact`). Styles are
added with click and removed again by ``click.echo`` when the output is not a
terminal.

>>> from argmap.diagnostics import Finding, Severity
>>> from argmap.locations import Location
>>> f = Finding("a", "fact 'a' is given without evidence", Location("m.yaml", 3, 5),
...             code="ARG102", rule="uncited-fact", severity=Severity.info)
>>> print(report([f], ["m.yaml"], color=False), end="")
m.yaml:3:5: info ARG102 [uncited-fact] fact 'a' is given without evidence (a)
1 finding (0 errors, 0 warnings, 1 info) in 1 file
"""

from __future__ import annotations

import click

from argmap.reports import summary
from argmap.util.terminal import one_line
from argmap.util.words import count

__all__ = ["report", "impact"]

_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}


def impact(f) -> str:
    """The finding's bearing on the thesis, as a closing tag (empty off the thesis's path).

    >>> from argmap.diagnostics import Finding
    >>> impact(Finding("a", "m", on_thesis_path=True, changes_thesis=True))
    ' [thesis path; fixing it changes the thesis]'
    """
    if not f.on_thesis_path:
        return ""
    parts = ["thesis path"]
    if f.decides_thesis:
        parts.append("decides the thesis")
    if f.changes_thesis is None:
        parts.append("effect of a fix not computed")
    elif f.changes_thesis:
        parts.append("fixing it changes the thesis")
    return f" [{'; '.join(parts)}]"


def report(findings: list, files: list, color: bool = True) -> str:
    """The findings as text lines and a closing summary line."""
    lines = []
    for f in findings:
        sev = f.severity.value
        label = click.style(sev, fg=_COLOURS[sev], bold=sev == "error") if color else sev
        code = click.style(f.code, bold=True) if color else f.code
        target = f" ({one_line(f.target)})" if f.target else ""
        lines.append(f"{one_line(str(f.location))}: {label} {code} [{f.rule}] {one_line(f.message)}{target}{impact(f)}")
    s = summary(findings, files)
    if s["findings"]:
        tail = (
            f"{count(s['findings'], 'finding')} ({count(s['error'], 'error')}, "
            f"{count(s['warning'], 'warning')}, {s['info']} info) in {count(s['files'], 'file')}"
        )
    else:
        tail = f"no findings in {count(s['files'], 'file')}"
    lines.append(tail)
    return "\n".join(lines) + "\n"
