"""Evidence added by the analyst with no citation and no URL.

An evidence record the analyst adds (``added_by: analyst``) must say where
it comes from; otherwise nobody can check it. (Evidence the article's author
gives without a citation is ``uncited-author-evidence``, ARG304, info.) A
record that quotes someone and names no speaker is reported once, by
``quotation-without-source`` (ARG302) or ``unattributed-quotation`` (ARG305).

Failing example::

    argmap: 1
    evidence:
      - id: trade-figures
        kind: data
        quote: Trade grew 40 percent.
        added_by: analyst

Passing example::

    argmap: 1
    evidence:
      - id: trade-figures
        kind: data
        quote: Trade grew 40 percent.
        added_by: analyst
        citation: Serbian Statistical Office, External trade 2023
"""

from __future__ import annotations

from typing import Iterator

from argmap.audit.quotation_without_source import quotes_someone
from argmap.diagnostics import Finding, Severity
from argmap.model import AddedBy

CODE = "ARG303"
NAME = "uncited-evidence"
SEVERITY = Severity.warning
SUMMARY = "Evidence added by the analyst with no citation and no URL."
REPAIR = "source"


def uncited(e) -> bool:
    """No citation, no URL, and not already reported as an unsourced or unattributed quotation."""
    if e.citation or e.url:
        return False
    return not (e.quote and quotes_someone(e.quote) and not e.by)


def check(ctx) -> Iterator[Finding]:
    for e in ctx.map.evidence:
        if e.added_by is AddedBy.analyst and uncited(e):
            yield ctx.finding(e.id, f"evidence '{e.id}' (added by the analyst) has no citation and no URL")
