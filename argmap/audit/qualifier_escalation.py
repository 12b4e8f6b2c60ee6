"""A conclusion stated more strongly than the hedged steps and premises beneath it.

Qualifiers are ordered (:attr:`argmap.model.Qualifier.strength`: might/may/
could/possibly 1, arguably/plausibly 2, likely/probably 3, should/presumably 4,
certainly/must and an unhedged statement 5). Each support step into a claim
is as strong as its weakest part: the step's own qualifier and its premises'
qualifiers. When the claim is stated more strongly than that, the claim is
escalated over that step; one finding per such step, located at the claim.
Only the immediate level is compared (a premise's own support is judged
where it is concluded). Claims with their own evidence or marked as
assumptions are not reported: they do not rest on the hedged steps. The
message names both words, e.g. "concluded unhedged ('none') from a step
hedged 'may'".

Failing example::

    argmap: 1
    claims:
      - id: pressure
        text: Sanctions put pressure on the regime.
        assumption: true
      - id: collapse
        text: The regime will collapse.
        kind: prediction
    inferences:
      - id: pressure-collapse
        premises: [pressure]
        conclusion: collapse
        qualifier: may

Passing example::

    argmap: 1
    claims:
      - id: pressure
        text: Sanctions put pressure on the regime.
        assumption: true
      - id: collapse
        text: The regime may collapse.
        kind: prediction
        qualifier: may
    inferences:
      - id: pressure-collapse
        premises: [pressure]
        conclusion: collapse
        qualifier: may
"""

from __future__ import annotations

from typing import Iterator, Optional

from argmap.diagnostics import Finding, Severity
from argmap.model import Qualifier, strength

CODE = "ARG105"
NAME = "qualifier-escalation"
SEVERITY = Severity.warning
SUMMARY = "A conclusion stated more strongly than the qualifiers of the steps and premises that support it."


def _word(q: Optional[Qualifier]) -> str:
    return "none" if q is None else q.value


def check(ctx) -> Iterator[Finding]:
    g = ctx.graph
    for c in ctx.map.claims:
        steps = g.supports(c.id)
        if not steps or c.evidence or c.assumption:
            continue
        mine = strength(c.qualifier)
        stated = "unhedged ('none')" if c.qualifier is None else f"'{c.qualifier.value}'"
        for inf in steps:
            weakest = (strength(inf.qualifier), f"a step hedged '{_word(inf.qualifier)}'")
            for p in g.premises(inf.id):
                if strength(p.qualifier) < weakest[0]:
                    weakest = (strength(p.qualifier), f"premise '{p.id}' hedged '{_word(p.qualifier)}'")
            if mine > weakest[0]:
                yield ctx.finding(
                    c.id, f"'{c.id}' is concluded {stated} from {weakest[1]} (step '{inf.id}')", related=[inf.id]
                )
