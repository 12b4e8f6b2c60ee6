"""A support step that rests on a premise with no support of its own.

A step is only as good as its premises. When a premise of a ``support``
inference has no evidence, no supporting step and is not an assumption, the
step stands on the author's say-so; the finding names the premise(s).
Premises marked ``assumption: true`` count as supported.

Failing example::

    argmap: 1
    claims:
      - id: tacit-approval
        text: Russia tacitly approved the blockade.
      - id: green-light
        text: Serbia reads this as a green light.
        kind: interpretation
    inferences:
      - id: reads-approval
        premises: [tacit-approval]
        conclusion: green-light

Passing example::

    argmap: 1
    claims:
      - id: tacit-approval
        text: Russia tacitly approved the blockade.
        evidence: [peacekeepers-stood-by]
      - id: green-light
        text: Serbia reads this as a green light.
        kind: interpretation
    evidence:
      - id: peacekeepers-stood-by
        citation: International Crisis Group report, 2023
    inferences:
      - id: reads-approval
        premises: [tacit-approval]
        conclusion: green-light
"""

from __future__ import annotations

from typing import Iterator

from argmap.diagnostics import Finding, Severity
from argmap.model import InferenceKind

CODE = "ARG103"
NAME = "unsupported-step"
SEVERITY = Severity.warning
SUMMARY = "A support step with a premise that has no evidence, no support and is not an assumption."


def check(ctx) -> Iterator[Finding]:
    g = ctx.graph
    for inf in ctx.map.inferences:
        if inf.kind is not InferenceKind.support:
            continue
        weak = g.ungrounded_premises(inf.id)
        if weak:
            names = ", ".join(f"'{p}'" for p in weak)
            noun = "premise" if len(weak) == 1 else "premises"
            yield ctx.finding(
                inf.id,
                f"step '{inf.id}' to '{inf.conclusion}' rests on unsupported {noun} {names}",
                related=weak,
            )
