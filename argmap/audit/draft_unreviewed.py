"""An element that ``argmap draft`` wrote and nobody has reviewed yet.

A drafted map is a starting point: its claims, kinds, qualifiers, evidence
records and steps are guesses from the text's wording. Each keeps
``draft: true`` until the analyst has checked it and deleted the key, so a
draft never passes as a finished map (this rule's default severity is
``error``, which makes ``argmap audit`` exit 1).

Failing example::

    argmap: 1
    thesis: a
    claims:
      - id: a
        text: Fines should rise.
        kind: evaluation
        assumption: true
        draft: true

Passing example::

    argmap: 1
    thesis: a
    claims:
      - id: a
        text: Fines should rise.
        kind: evaluation
        assumption: true
"""

from __future__ import annotations

from typing import Iterator

from argmap.diagnostics import Finding, Severity

__all__ = ["CODE", "NAME", "SEVERITY", "SUMMARY", "check"]

CODE = "ARG402"
NAME = "draft-unreviewed"
SEVERITY = Severity.error
SUMMARY = "An element written by 'argmap draft' that still says 'draft: true'."

_WHAT = {"claims": "claim", "evidence": "evidence record", "inferences": "step"}


def check(ctx) -> Iterator[Finding]:
    for section, what in _WHAT.items():
        for el in getattr(ctx.map, section):
            if el.draft:
                yield ctx.finding(el.id, f"{what} '{el.id}' is drafted and not yet reviewed: check it, then delete "
                                  f"{ctx.key('draft', 'evidence' if section == 'evidence' else 'element')}", "draft")
