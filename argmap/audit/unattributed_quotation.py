"""A statement quoted as evidence without saying who said it.

Evidence of kind ``statement`` with a ``quote`` must name the speaker in
``by``: a quotation with no attribution cannot be checked or weighed.

Failing example::

    argmap: 1
    evidence:
      - id: minister-quote
        kind: statement
        quote: Azerbaijan is our strategic partner.
        citation: Press conference, Belgrade, 2023

Passing example::

    argmap: 1
    evidence:
      - id: minister-quote
        kind: statement
        quote: Azerbaijan is our strategic partner.
        by: Aleksandar Vucic
        citation: Press conference, Belgrade, 2023
"""

from __future__ import annotations

from typing import Iterator

from argmap.diagnostics import Finding, Severity
from argmap.model import EvidenceKind

CODE = "ARG305"
NAME = "unattributed-quotation"
SEVERITY = Severity.warning
SUMMARY = "Evidence of kind statement with a quote but no speaker ('by')."
REPAIR = "source"


def check(ctx) -> Iterator[Finding]:
    for e in ctx.map.evidence:
        if e.kind is EvidenceKind.statement and e.quote and not (e.by and e.by.strip()):
            yield ctx.finding(e.id, f"statement '{e.id}' is quoted without saying who said it (no {ctx.key('by', 'evidence')})")
