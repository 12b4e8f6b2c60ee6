"""An evidence record that no claim lists in its ``evidence``.

Evidence supports a claim only through the claim's ``evidence: [ids]``. A
record nothing lists supports nothing: the evaluation ignores it, and the
map looks better sourced than it is. List it under the claim it supports,
or remove it.

Failing example::

    argmap: 1
    claims:
      - id: trade-grew
        text: Trade grew by 40 percent.
    evidence:
      - id: trade-figures
        kind: data
        citation: Serbian Statistical Office, External trade 2023

Passing example::

    argmap: 1
    claims:
      - id: trade-grew
        text: Trade grew by 40 percent.
        evidence: [trade-figures]
    evidence:
      - id: trade-figures
        kind: data
        citation: Serbian Statistical Office, External trade 2023
"""

from __future__ import annotations

from typing import Iterator

from argmap.diagnostics import Finding, Severity

CODE = "ARG308"
NAME = "unused-evidence"
SEVERITY = Severity.warning
SUMMARY = "An evidence record that no claim lists in its evidence."


def check(ctx) -> Iterator[Finding]:
    used = {ref for c in ctx.map.claims for ref in c.evidence}
    for e in ctx.map.evidence:
        if e.id not in used:
            yield ctx.finding(e.id, f"evidence '{e.id}' supports no claim: no claim lists it in {ctx.key('evidence')}")
