"""The map names no thesis.

Without a ``thesis`` the audit cannot tell which claims the argument is for,
which claims are stray, or which objections go unanswered. Name the claim the
source argues for.

Failing example::

    argmap: 1
    claims:
      - id: main
        text: The partnership is about Russia.
        kind: interpretation
        assumption: true

Passing example::

    argmap: 1
    thesis: main
    claims:
      - id: main
        text: The partnership is about Russia.
        kind: interpretation
        assumption: true
"""

from __future__ import annotations

from typing import Iterator

from argmap.diagnostics import Finding, Severity

CODE = "ARG201"
NAME = "missing-thesis"
SEVERITY = Severity.warning
SUMMARY = "The map has no thesis."


def check(ctx) -> Iterator[Finding]:
    if ctx.map.thesis is None:
        yield ctx.finding(None, f"the map names no thesis; set {ctx.key('thesis', 'map')} to the id of the claim "
                                "the source argues for")
