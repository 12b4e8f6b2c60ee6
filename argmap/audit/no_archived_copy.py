"""Evidence with a URL but no archived copy.

Links rot. An ``archived_url`` (e.g. from the Wayback Machine) keeps the
evidence checkable when the page moves or changes. Info level: a good habit,
not a flaw of the argument.

Failing example::

    argmap: 1
    evidence:
      - id: gas-deal
        kind: document
        citation: Gas supply agreement, 2023
        url: https://example.org/gas-deal
        accessed: "2024-05-01"

Passing example::

    argmap: 1
    evidence:
      - id: gas-deal
        kind: document
        citation: Gas supply agreement, 2023
        url: https://example.org/gas-deal
        accessed: "2024-05-01"
        archived_url: https://web.archive.org/web/20240501000000/https://example.org/gas-deal
"""

from __future__ import annotations

from typing import Iterator

from argmap.diagnostics import Finding, Severity

CODE = "ARG307"
NAME = "no-archived-copy"
SEVERITY = Severity.info
SUMMARY = "Evidence with a URL but no archived copy ('archived_url')."
REPAIR = "source"


def check(ctx) -> Iterator[Finding]:
    for e in ctx.map.evidence:
        if e.url and not e.archived_url:
            yield ctx.finding(e.id, f"evidence '{e.id}' has a URL but no archived copy ({ctx.key('archived_url', 'evidence')})", "url")
