"""A claim from which no chain of inferences leads to the thesis.

Every claim in a map should bear on the thesis: as a premise of a step
towards it, as an objection to it, or as a reply to an objection. A claim
that reaches no thesis is either a gap in the map (a missing inference) or
not part of the argument. Not checked when the map has no thesis claim (see
``missing-thesis``).

Failing example::

    argmap: 1
    thesis: main
    claims:
      - id: main
        text: The partnership is about Russia.
        kind: interpretation
        assumption: true
      - id: stray
        text: Baku hosted the Eurovision Song Contest in 2012.

Passing example::

    argmap: 1
    thesis: main
    claims:
      - id: main
        text: The partnership is about Russia.
        kind: interpretation
      - id: shared-patron
        text: Both states rely on Moscow.
        assumption: true
    inferences:
      - id: patron
        premises: [shared-patron]
        conclusion: main
"""

from __future__ import annotations

from typing import Iterator

from argmap.diagnostics import Finding, Severity

CODE = "ARG204"
NAME = "unreachable-claim"
SEVERITY = Severity.warning
SUMMARY = "A claim with no path of support or attack steps to the thesis."


def check(ctx) -> Iterator[Finding]:
    thesis = ctx.thesis_claim()
    if thesis is None:
        return
    reached = ctx.graph.reaching(thesis.id)
    for c in ctx.map.claims:
        if c.id not in reached:
            yield ctx.finding(c.id, f"claim '{c.id}' does not lead to the thesis '{thesis.id}' by any step")
