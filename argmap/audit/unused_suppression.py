"""An ``ignore:`` entry on an element that suppresses no finding.

A claim, evidence record or inference may carry ``ignore: [CODE or name]``
to keep one rule quiet about it, as ruff's ``# noqa`` does for a line. An
entry that suppresses nothing (the rule no longer finds anything there) is
reported, so suppressions do not outlive their reason and hide a later,
real finding. The rules an entry names are run to tell, selected or not.

Failing example::

    argmap: 1
    claims:
      - id: treaty-signed
        text: The treaty was signed in 2013.
        kind: fact
        evidence: [treaty-text]
        ignore: [uncited-fact]
    evidence:
      - id: treaty-text
        citation: Treaty on Strategic Partnership, 2013

Passing example::

    argmap: 1
    claims:
      - id: treaty-signed
        text: The treaty was signed in 2013.
        kind: fact
        ignore: [uncited-fact]
"""

from __future__ import annotations

from typing import Iterator

from argmap.diagnostics import Finding, Severity

CODE = "ARG401"
NAME = "unused-suppression"
SEVERITY = Severity.warning
SUMMARY = "An ignore: entry on a claim, evidence record or inference that suppresses no finding."


def check(ctx) -> Iterator[Finding]:
    suppressions = ctx.suppressions
    if suppressions is None:
        return
    for element_id, selector, where in suppressions.unused():
        yield Finding(target=element_id, message=f"'ignore: {selector}' on '{element_id}' suppresses no finding; remove it",
                      location=where)
