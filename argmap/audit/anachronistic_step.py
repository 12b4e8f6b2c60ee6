"""A step offered as explaining or causing something, whose premises happened after it.

A cause comes before its effect, and what explains an event cannot happen
later than the event. The rule compares the ``when`` dates (ISO 8601, as
precise as the source: year, month or day) of the two ends of a support step:

- a step into a ``causal`` claim offers its premises as the cause; it is
  flagged when a premise happened wholly after the conclusion (a causal
  claim's ``when`` is the time of what it explains);
- a step whose ``scheme`` is ``abduction`` (inference to the explanation)
  runs the other way: its conclusion explains the premises, and it is
  flagged when the conclusion happened wholly after one of them.

A claim without ``when`` takes the span of its dated evidence records, if it
has any; an undated claim is never flagged. Precision counts: ``2023`` and
``2023-06`` overlap, so they are not in the wrong order, while ``2023-01``
is after ``2022-12``.

Failing example::

    argmap: 1
    claims:
      - id: approval-reacts-to-armenia
        text: Russia's approval of the December 2022 blockade was a reaction to Armenia's drift West.
        kind: causal
        when: 2022-12
      - id: us-exercise
        text: Armenia held a joint exercise with the US.
        when: 2023-09
    inferences:
      - id: exercise-provoked-approval
        premises: [us-exercise]
        conclusion: approval-reacts-to-armenia

Passing example::

    argmap: 1
    claims:
      - id: approval-reacts-to-armenia
        text: Russia's approval of the December 2022 blockade was a reaction to Armenia's drift West.
        kind: causal
        when: 2022-12
      - id: pashinyan-elected
        text: Pashinyan came to power after the 2018 protests.
        when: 2018
    inferences:
      - id: long-drift
        premises: [pashinyan-elected]
        conclusion: approval-reacts-to-armenia
"""

from __future__ import annotations

import datetime
from typing import Iterator, Optional

from argmap.diagnostics import Finding, Severity
from argmap.model import ArgumentMap, ClaimKind, InferenceKind, parse_when

__all__ = ["CODE", "NAME", "SEVERITY", "SUMMARY", "REPAIR", "ABDUCTIVE_SCHEMES", "span", "check"]

CODE = "ARG107"
NAME = "anachronistic-step"
SEVERITY = Severity.warning
SUMMARY = "A step offered as explaining or causing something, whose premises happened after it."
REPAIR = "remove"

ABDUCTIVE_SCHEMES = frozenset({"abduction", "inference to the best explanation"})
"""Schemes whose conclusion explains the premises (compared the other way round)."""

Span = tuple[datetime.date, datetime.date]


def span(m: ArgumentMap, claim_id: str) -> Optional[tuple[str, Span]]:
    """The claim's date as written and the days it covers: its ``when``, else its dated evidence."""
    c = m.claim(claim_id)
    if c is None:
        return None
    if c.when is not None:
        return c.when, parse_when(c.when)
    dated = [e.when for e in (m.evidence_record(x) for x in c.evidence) if e is not None and e.when is not None]
    if not dated:
        return None
    spans = [parse_when(w) for w in dated]
    text = dated[0] if len(set(dated)) == 1 else f"{min(dated)}/{max(dated)}"
    return text, (min(s[0] for s in spans), max(s[1] for s in spans))


def check(ctx) -> Iterator[Finding]:
    m = ctx.map
    for inf in m.inferences:
        if inf.kind is not InferenceKind.support:
            continue
        conclusion = m.claim(inf.conclusion)
        if conclusion is None:
            continue
        abductive = (inf.scheme or "").strip().lower() in ABDUCTIVE_SCHEMES
        if not abductive and conclusion.kind is not ClaimKind.causal:
            continue
        end = span(m, conclusion.id)
        if end is None:
            continue
        for p in dict.fromkeys(inf.premises):
            start = span(m, p)
            if start is None:
                continue
            if abductive and end[1][0] > start[1][1]:
                yield ctx.finding(
                    inf.id,
                    f"step '{inf.id}' explains '{p}' ({start[0]}) by '{conclusion.id}' ({end[0]}), "
                    "which happened after it",
                )
            elif not abductive and start[1][0] > end[1][1]:
                yield ctx.finding(
                    inf.id,
                    f"step '{inf.id}' offers '{p}' ({start[0]}) as a cause of '{conclusion.id}' ({end[0]}), "
                    "but it happened after it",
                )
