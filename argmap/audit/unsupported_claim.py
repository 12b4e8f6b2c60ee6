"""A claim that needs support has none: no evidence, no supporting step, and it is not an assumption.

What a claim needs depends on its ``kind``. An interpretation, a causal
claim, a prediction or an evaluation with nothing under it asks the reader to
take the author's word for it: that is this rule. The thesis with no support
is reported here whatever its kind. An uncited ``fact`` is a lesser finding,
reported by ``uncited-fact`` (ARG102). Mark premises the argument takes for
granted on purpose with ``assumption: true``.

Failing example::

    argmap: 1
    thesis: sanctions-failed
    claims:
      - id: sanctions-failed
        text: The sanctions failed because exporters rerouted trade.
        kind: causal

Passing example::

    argmap: 1
    thesis: sanctions-failed
    claims:
      - id: sanctions-failed
        text: The sanctions failed because exporters rerouted trade.
        kind: causal
      - id: rerouted
        text: Exports to third countries tripled.
        evidence: [customs-data]
    evidence:
      - id: customs-data
        citation: National customs statistics, 2023
    inferences:
      - id: rerouting-explains
        premises: [rerouted]
        conclusion: sanctions-failed
"""

from __future__ import annotations

from typing import Iterator

from argmap.diagnostics import Finding, Severity
from argmap.model import ClaimKind

CODE = "ARG101"
NAME = "unsupported-claim"
SEVERITY = Severity.warning
SUMMARY = "An interpretation, causal claim, prediction or evaluation (or the thesis) with no support at all."
REPAIR = "evidence"


def check(ctx) -> Iterator[Finding]:
    g = ctx.graph
    thesis = ctx.map.thesis
    for c in ctx.map.claims:
        if g.is_grounded(c.id):
            continue
        if c.id == thesis:
            yield ctx.finding(c.id, f"the thesis '{c.id}' has no support: no evidence and no step leads to it")
        elif c.kind is not ClaimKind.fact:
            yield ctx.finding(
                c.id,
                f"{c.kind.value} claim '{c.id}' has no support: no evidence, no supporting step, not an assumption",
            )
