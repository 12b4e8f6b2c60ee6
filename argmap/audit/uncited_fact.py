"""A factual claim with no evidence and no supporting step (and not an assumption).

Many facts in an article are common knowledge or checkable; an uncited fact
is therefore an ``info`` finding, less than an unsupported interpretation
(``unsupported-claim``, ARG101). It tells a fact-checker where to look. The
thesis is never reported here (ARG101 reports it), nor a fact marked
``common_knowledge: true``: background no reader would ask a source for.

Failing example::

    argmap: 1
    claims:
      - id: treaty-signed
        text: The treaty was signed in 2013.
        kind: fact

Passing example::

    argmap: 1
    claims:
      - id: treaty-signed
        text: The treaty was signed in 2013.
        kind: fact
        evidence: [treaty-text]
    evidence:
      - id: treaty-text
        citation: Treaty on Strategic Partnership, 2013
"""

from __future__ import annotations

from typing import Iterator

from argmap.diagnostics import Finding, Severity
from argmap.model import ClaimKind

CODE = "ARG102"
NAME = "uncited-fact"
SEVERITY = Severity.info
SUMMARY = "A factual claim with no evidence, no supporting step, and not marked as an assumption or common knowledge."
REPAIR = "evidence"


def check(ctx) -> Iterator[Finding]:
    g = ctx.graph
    for c in ctx.map.claims:
        if c.kind is ClaimKind.fact and c.id != ctx.map.thesis and not c.common_knowledge and not g.is_grounded(c.id):
            yield ctx.finding(c.id, f"fact '{c.id}' is given without evidence")
