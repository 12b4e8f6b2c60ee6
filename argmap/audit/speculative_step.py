"""A step hedged as a mere possibility whose conclusion is then built upon.

When the author says a conclusion only *may*, *could* or *might* follow
(qualifier strength 1–2 on the scale of :class:`argmap.model.Qualifier`:
might, may, could, possibly, can, arguably, plausibly), and then uses that
conclusion as a premise of a further support step, the later argument rests
on speculation. Hedged steps that nothing builds on are not reported: a
hedge is honest, building on it is the problem.

Failing example::

    argmap: 1
    claims:
      - id: a
        text: The port is being expanded.
        assumption: true
      - id: b
        text: Trade through the port will grow.
        kind: prediction
      - id: c
        text: The region will get richer.
        kind: prediction
    inferences:
      - id: expansion-growth
        premises: [a]
        conclusion: b
        qualifier: may
      - id: growth-wealth
        premises: [b]
        conclusion: c
        qualifier: may

Passing example::

    argmap: 1
    claims:
      - id: a
        text: The port is being expanded.
        assumption: true
      - id: b
        text: Trade through the port will grow.
        kind: prediction
    inferences:
      - id: expansion-growth
        premises: [a]
        conclusion: b
        qualifier: may
"""

from __future__ import annotations

from typing import Iterator

from argmap.diagnostics import Finding, Severity
from argmap.model import InferenceKind

CODE = "ARG104"
NAME = "speculative-step"
SEVERITY = Severity.warning
SUMMARY = "A step hedged 'may'/'could'/'might' whose conclusion is used as a premise of further steps."
REPAIR = "step"

WEAK = 2
"""Qualifier strengths up to this count as speculative (possibility, arguability)."""


def check(ctx) -> Iterator[Finding]:
    g = ctx.graph
    for inf in ctx.map.inferences:
        if inf.kind is not InferenceKind.support or inf.qualifier is None or inf.qualifier.strength > WEAK:
            continue
        later = [u.id for u in g.uses(inf.conclusion) if u.kind is InferenceKind.support]
        if later:
            names = ", ".join(f"'{i}'" for i in later)
            yield ctx.finding(
                inf.id,
                f"step '{inf.id}' is hedged '{inf.qualifier.value}', yet its conclusion "
                f"'{inf.conclusion}' is a premise of {names}",
                related=later,
            )
