"""The thesis names an evidence record or an inference instead of a claim.

The thesis is what the source argues for; it must be one of the ``claims``.

Failing example::

    argmap: 1
    thesis: report
    claims:
      - id: main
        text: The partnership is about Russia.
        evidence: [report]
    evidence:
      - id: report
        citation: A report, 2022

Passing example::

    argmap: 1
    thesis: main
    claims:
      - id: main
        text: The partnership is about Russia.
        evidence: [report]
    evidence:
      - id: report
        citation: A report, 2022
"""

from __future__ import annotations

from typing import Iterator

from argmap.diagnostics import Finding, Severity

CODE = "ARG202"
NAME = "thesis-not-a-claim"
SEVERITY = Severity.error
SUMMARY = "The thesis is the id of an evidence record or inference, not of a claim."


def check(ctx) -> Iterator[Finding]:
    t = ctx.map.thesis
    if t is None or t in ctx.graph.claims:
        return
    what = "an evidence record" if ctx.map.evidence_record(t) is not None else "an inference"
    yield ctx.finding(t, f"the thesis '{t}' is {what}, not a claim")
