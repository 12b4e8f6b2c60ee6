"""Every formatter: what a command prints or writes, by command and format.

``audit_<format>`` are the audit reporters (text, json, sarif, github);
``review_<format>`` the review report (markdown, html, json); one module per
other command holds all its formats: :mod:`.diff`, :mod:`.coverage`,
:mod:`.sources`, :mod:`.evaluation`, :mod:`.explanation`.
Formatters turn data into text; they load and compute nothing.

May import: :mod:`argmap.rendering` and everything below it (analysis layer,
loading, readers, core). Not writers or commands.

Each audit reporter has ``report(findings, files) -> str``: ``findings`` are the
audit's :class:`~argmap.diagnostics.Finding` objects of all files, in order;
``files`` the map files audited. Every formatter is registered, with the
kind of text it writes, in :data:`argmap.formats.FORMATS`.
"""

from __future__ import annotations

from argmap import HOMEPAGE

__all__ = ["summary", "is_pseudo", "relative_path", "HELP_URI"]

HELP_URI = f"{HOMEPAGE}/blob/main/README.md#audit"
"""Where the rule catalogue is documented (SARIF ``helpUri``)."""


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
    from argmap.diagnostics import PSEUDO_RULES

    return finding.code in PSEUDO_RULES


def relative_path(file: str) -> str:
    """``file`` relative to the current folder (POSIX slashes) when it lies inside it, else unchanged.

    >>> import os
    >>> relative_path(os.path.join(os.getcwd(), "claims", "m.yaml")), relative_path("/elsewhere/m.yaml")
    ('claims/m.yaml', '/elsewhere/m.yaml')
    """
    import os
    from pathlib import Path

    if file == "-":
        return file
    try:
        rel = Path(os.path.relpath(Path(file).resolve(), Path.cwd().resolve()))
    except (ValueError, OSError):  # another drive on Windows
        return file
    posix = rel.as_posix()
    return file if posix.startswith("../") or posix == ".." else posix
