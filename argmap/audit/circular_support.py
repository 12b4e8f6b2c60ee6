"""Claims that support each other in a circle.

A chain of support steps that comes back to where it started supports
nothing: each claim in the circle borrows its support from the others. Each
circle is reported once, as its claims in order, at the claim of the circle
that comes first in the file. (When several circles share claims, one
representative circle is reported for the tangle.)

Failing example::

    argmap: 1
    claims:
      - id: reliable
        text: The minister is reliable.
        kind: evaluation
      - id: says-so
        text: The minister says he is reliable.
    inferences:
      - id: trust-statement
        premises: [reliable]
        conclusion: says-so
      - id: statement-shows-trust
        premises: [says-so]
        conclusion: reliable

Passing example::

    argmap: 1
    claims:
      - id: reliable
        text: The minister is reliable.
        kind: evaluation
      - id: record
        text: The minister kept every promise in office.
        assumption: true
    inferences:
      - id: record-shows-trust
        premises: [record]
        conclusion: reliable
"""

from __future__ import annotations

from typing import Iterator

from argmap.diagnostics import Finding, Severity

CODE = "ARG203"
NAME = "circular-support"
SEVERITY = Severity.error
SUMMARY = "A chain of support steps leads back to where it started."


def check(ctx) -> Iterator[Finding]:
    g = ctx.graph
    for cycle in g.support_cycles():
        steps = []
        for k, claim_id in enumerate(cycle):
            nxt = cycle[(k + 1) % len(cycle)]
            inf = g.support_step(claim_id, nxt)
            if inf is not None:
                steps.append(inf.id)
        chain = " -> ".join(f"'{c}'" for c in [*cycle, cycle[0]])
        via = f" (steps {', '.join(repr(s) for s in steps)})" if steps else ""
        yield ctx.finding(cycle[0], f"circular support: {chain}{via}", related=list(cycle))
