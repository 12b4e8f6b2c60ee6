"""A support step whose warrant (what licenses going from premises to conclusion) is not stated.

Most everyday arguments leave warrants implicit, so this is ``info`` by
default: a prompt to spell out the bridge. The severity does not rise when
the step is also hedged or unsupported; those problems are reported by their
own rules (``speculative-step``, ``unsupported-step``, ``qualifier-escalation``)
and a second warning on the same step would only repeat them. Attacks and
undercuts are not reported.

Failing example::

    argmap: 1
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

from argmap.diagnostics import Finding, Severity
from argmap.model import InferenceKind

CODE = "ARG106"
NAME = "unstated-warrant"
SEVERITY = Severity.info
SUMMARY = "A support step with no stated warrant (what licenses the step)."


def check(ctx) -> Iterator[Finding]:
    for inf in ctx.map.inferences:
        if inf.kind is InferenceKind.support and not (inf.warrant and inf.warrant.strip()):
            yield ctx.finding(inf.id, f"step '{inf.id}' to '{inf.conclusion}' states no warrant")
