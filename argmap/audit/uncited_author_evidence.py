"""Evidence the article's author gives with no citation and no URL.

Authors often mention outside support in passing ("reports show ...").
The map records it as evidence (``added_by: author``, the default) and
this rule notes, at ``info`` level, that the article does not say where it
comes from: a lead for a fact-checker. A record that quotes someone and names
no speaker is reported once, by ``quotation-without-source`` (ARG302) or
``unattributed-quotation`` (ARG305).

Failing example::

    argmap: 1
    evidence:
      - id: arms-sales
        kind: report
        quote: reports of Serbian arms sales to Azerbaijan

Passing example::

    argmap: 1
    evidence:
      - id: arms-sales
        kind: report
        quote: reports of Serbian arms sales to Azerbaijan
        citation: BIRN investigation, 2021
"""

from __future__ import annotations

from typing import Iterator

from argmap.audit.uncited_evidence import uncited
from argmap.diagnostics import Finding, Severity
from argmap.model import AddedBy

CODE = "ARG304"
NAME = "uncited-author-evidence"
SEVERITY = Severity.info
SUMMARY = "Evidence given by the article's author with no citation and no URL."
REPAIR = "source"


def check(ctx) -> Iterator[Finding]:
    for e in ctx.map.evidence:
        if e.added_by is AddedBy.author and uncited(e):
            yield ctx.finding(e.id, f"the author gives evidence '{e.id}' without a citation or URL")
