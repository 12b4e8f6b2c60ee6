"""A support step that rests on a premise with no support of its own.

A step is only as good as its premises. When a premise of a ``support``
inference is an interpretation, causal claim, prediction or evaluation with
no evidence, no supporting step, and not marked as an assumption, the step
stands on the author's say-so; the finding names the premise(s). Premises
marked ``assumption: true`` count as supported. An uncited *fact* does not
make a step unsupported: it is reported once, on the fact itself, by
``uncited-fact`` (ARG102), so that a text full of common-knowledge facts does
not turn every step into a warning.

Failing example::

    argmap: 1
    claims:
      - id: tacit-approval
        text: Russia tacitly approved the blockade.
        kind: interpretation
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
        kind: interpretation
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
from argmap.model import ClaimKind, InferenceKind

__all__ = ["CODE", "NAME", "SEVERITY", "SUMMARY", "REPAIR", "unsupported_premises", "check"]

CODE = "ARG103"
NAME = "unsupported-step"
SEVERITY = Severity.warning
SUMMARY = "A support step resting on an interpretation, causal claim, prediction or evaluation with no support."
REPAIR = "premises"


def unsupported_premises(graph, inference_id: str) -> list[str]:
    """Premises of a step that are ungrounded and not plain facts."""
    return [
        p for p in graph.ungrounded_premises(inference_id) if graph.claims[p].kind is not ClaimKind.fact
    ]


def check(ctx) -> Iterator[Finding]:
    g = ctx.graph
    for inf in ctx.map.inferences:
        if inf.kind is not InferenceKind.support:
            continue
        weak = unsupported_premises(g, inf.id)
        if weak:
            names = ", ".join(f"'{p}'" for p in weak)
            noun = "premise" if len(weak) == 1 else "premises"
            yield ctx.finding(
                inf.id,
                f"step '{inf.id}' to '{inf.conclusion}' rests on unsupported {noun} {names}",
                related=weak,
            )
