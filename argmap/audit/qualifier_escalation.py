"""A conclusion stated more strongly than the hedged steps and premises beneath it.

Qualifiers are ordered (:attr:`argmap.model.Qualifier.strength`: might/may/
could/possibly 1, arguably/plausibly 2, likely/probably 3, should/presumably 4,
certainly/must and an unhedged statement 5). A conclusion can be no stronger
than its best supporting route, and a route is as strong as its weakest part:
the step's own qualifier and its premises' qualifiers. Only the immediate
level is compared (the premises' own support is judged where they are
concluded). Claims with their own evidence or marked as assumptions are not
reported: they do not rest on the hedged steps alone. The message names both
words, e.g. "concluded unhedged ('none') from a step hedged 'may'".

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
        best = None  # (route strength, description, inference id)
        for inf in steps:
            weakest = (strength(inf.qualifier), f"a step hedged '{_word(inf.qualifier)}'", inf.id)
            for p in g.premises(inf.id):
                if strength(p.qualifier) < weakest[0]:
                    weakest = (strength(p.qualifier), f"premise '{p.id}' hedged '{_word(p.qualifier)}'", inf.id)
            if best is None or weakest[0] > best[0]:
                best = weakest
        if best is not None and mine > best[0]:
            stated = "unhedged ('none')" if c.qualifier is None else f"'{c.qualifier.value}'"
            yield ctx.finding(
                c.id,
                f"'{c.id}' is concluded {stated} from {best[1]} (step '{best[2]}')",
                related=[best[2]],
            )
