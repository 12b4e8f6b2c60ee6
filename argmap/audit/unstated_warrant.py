"""A step the argument leans on, whose warrant (what licenses it) is not stated.

Most everyday arguments leave warrants implicit, and spelling out every
bridge would bury a reader. So this ``info`` rule reports a ``support`` step
with no ``warrant`` only where the bridge matters most:

- the step concludes the thesis;
- the step is hedged (it has a qualifier); or
- the step rests on an unsupported premise (see ``unsupported-step``).

Elsewhere an implicit warrant is normal and not reported. The severity stays
``info`` on the weak steps too: hedging and missing support are reported as
warnings by their own rules (``speculative-step``, ``unsupported-step``,
``qualifier-escalation``); a second warning on the same step would only
repeat them. Attacks and undercuts are not reported.

Failing example::

    argmap: 1
    thesis: dependence
    claims:
      - id: gas-deal
        text: Azerbaijan supplies Serbia with gas.
        assumption: true
      - id: dependence
        text: Serbia depends on Azerbaijan.
        kind: interpretation
    inferences:
      - id: supply-dependence
        premises: [gas-deal]
        conclusion: dependence

Passing example::

    argmap: 1
    thesis: dependence
    claims:
      - id: gas-deal
        text: Azerbaijan supplies Serbia with gas.
        assumption: true
      - id: dependence
        text: Serbia depends on Azerbaijan.
        kind: interpretation
    inferences:
      - id: supply-dependence
        premises: [gas-deal]
        conclusion: dependence
        warrant: A country that buys a vital good from one supplier depends on it.
"""

from __future__ import annotations

from typing import Iterator

from argmap.audit.unsupported_step import unsupported_premises
from argmap.diagnostics import Finding, Severity
from argmap.model import InferenceKind

CODE = "ARG106"
NAME = "unstated-warrant"
SEVERITY = Severity.info
SUMMARY = "A step to the thesis, a hedged step or an unsupported step with no stated warrant."
REPAIR = "step"


def check(ctx) -> Iterator[Finding]:
    g = ctx.graph
    thesis = ctx.map.thesis
    for inf in ctx.map.inferences:
        if inf.kind is not InferenceKind.support or (inf.warrant and inf.warrant.strip()):
            continue
        if inf.conclusion == thesis:
            why = "it concludes the thesis"
        elif inf.qualifier is not None:
            why = f"it is hedged '{inf.qualifier.value}'"
        elif unsupported_premises(g, inf.id):
            why = "it rests on an unsupported premise"
        else:
            continue
        yield ctx.finding(inf.id, f"step '{inf.id}' to '{inf.conclusion}' states no warrant, and {why}")
