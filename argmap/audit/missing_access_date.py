"""Evidence with a URL but no access date.

Web pages change. An ``accessed`` date says which version of the page the
analyst saw, so that a reader can find it again (in an archive if need be).

Failing example::

    argmap: 1
    evidence:
      - id: gas-deal
        kind: document
        citation: Gas supply agreement, 2023
        url: https://example.org/gas-deal

Passing example::

    argmap: 1
    evidence:
      - id: gas-deal
        kind: document
        citation: Gas supply agreement, 2023
        url: https://example.org/gas-deal
        accessed: "2024-05-01"
"""

from __future__ import annotations

from typing import Iterator

from argmap.diagnostics import Finding, Severity

CODE = "ARG306"
NAME = "missing-access-date"
SEVERITY = Severity.warning
SUMMARY = "Evidence with a URL but no 'accessed' date."
REPAIR = "source"


def check(ctx) -> Iterator[Finding]:
    for e in ctx.map.evidence:
        if e.url and not e.accessed:
            yield ctx.finding(e.id, f"evidence '{e.id}' has a URL but no access date ({ctx.key('accessed', 'evidence')})", "url")
