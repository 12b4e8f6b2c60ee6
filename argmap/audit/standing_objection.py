"""An objection to the argument that is never answered.

An ``attack`` (on a claim) or ``undercut`` (on a step) that argues against
the thesis side, and that nothing answers: none of its premises is attacked
and the objection itself is not undercut. The text raises or faces the
objection and leaves it standing. Attacks the author makes on the *opposing*
side (replies to objections) are not reported: standing is what they should
do. Without a thesis every attack counts as an objection; attacks that
reach no thesis are left to ``unreachable-claim``.

Failing example::

    argmap: 1
    thesis: main
    claims:
      - id: main
        text: The partnership is about Russia.
        kind: interpretation
        assumption: true
      - id: energy
        text: The partnership is about energy.
        kind: interpretation
        assumption: true
    inferences:
      - id: energy-objection
        premises: [energy]
        conclusion: main
        kind: attack

Passing example::

    argmap: 1
    thesis: main
    claims:
      - id: main
        text: The partnership is about Russia.
        kind: interpretation
        assumption: true
      - id: energy
        text: The partnership is about energy.
        kind: interpretation
        assumption: true
      - id: gas-small
        text: Serbia buys little Azerbaijani gas.
        assumption: true
    inferences:
      - id: energy-objection
        premises: [energy]
        conclusion: main
        kind: attack
      - id: gas-reply
        premises: [gas-small]
        conclusion: energy
        kind: attack
"""

from __future__ import annotations

from typing import Iterator

from argmap.diagnostics import Finding, Severity
from argmap.graph import CON
from argmap.model import InferenceKind

CODE = "ARG205"
NAME = "standing-objection"
SEVERITY = Severity.warning
SUMMARY = "An attack or undercut against the thesis side that nothing answers."
REPAIR = "answer"


def check(ctx) -> Iterator[Finding]:
    g = ctx.graph
    has_thesis = ctx.thesis_claim() is not None
    side = g.polarity() if has_thesis else {}
    for inf in ctx.map.inferences:
        if inf.kind is InferenceKind.support:
            continue
        if has_thesis and side.get(inf.id) != CON:
            continue
        if g.undercuts(inf.id) or any(g.attacks(p) for p in inf.premises):
            continue
        what = "objection" if inf.kind is InferenceKind.attack else "undercut"
        target = "claim" if inf.kind is InferenceKind.attack else "step"
        premises = ", ".join(f"'{p}'" for p in dict.fromkeys(inf.premises))
        yield ctx.finding(
            inf.id,
            f"{what} '{inf.id}' (from {premises}) against {target} '{inf.conclusion}' is never answered",
        )
