"""A sentence of the source text that no claim quotes.

The map should account for every assertion of the article. A sentence that
no claim's quote overlaps is a part of the text the map has not mapped —
perhaps on purpose (a sentence of background), perhaps an oversight. Lines
matching the map's ``source.ignore`` patterns (page furniture, headings,
bylines) are skipped. Off by default; run it with ``--select ARG313``, or
see the whole picture with ``argmap coverage``.

Failing example::

    argmap: 1
    source:
      text: source.txt
      ignore: ['^The Russian Connection$']
    claims:
      - id: bond
        text: The 1999 NATO bombings solidified the Serbia–Russia bond.
        quote: it was the 1999 NATO bombings of Kosovo that truly solidified their bond

Passing example::

    argmap: 1
    source:
      text: source.txt
      ignore: ['^The Russian Connection$']
    claims:
      - id: bond
        text: The 1999 NATO bombings solidified the Serbia–Russia bond.
        quote: it was the 1999 NATO bombings of Kosovo that truly solidified their bond
      - id: evolved
        text: Serbia–Russia relations grew in hard times.
        quote: The relationship between Serbia and Russia has evolved significantly

Source text::

    The Russian Connection

    The relationship between Serbia and Russia has evolved significantly.
    However, it was the 1999 NATO bombings of Kosovo that truly solidified their bond.
"""

from __future__ import annotations

from typing import Iterator

from argmap.diagnostics import Finding, Severity
from argmap.locations import Location

CODE = "ARG313"
NAME = "uncovered-sentence"
SEVERITY = Severity.info
SUMMARY = "A sentence of the source text that no claim quotes (see argmap coverage)."
ENABLED = False


def check(ctx) -> Iterator[Finding]:
    if ctx.source_text is None:
        return
    from argmap.provenance.coverage import coverage

    cov = coverage(ctx.loaded)
    where = cov.source_path or ctx.loaded.file
    for s in cov.uncovered:
        short = s.text if len(s.text) <= 80 else s.text[:77] + "..."
        yield Finding(
            target=None,
            message=f"no claim quotes this sentence of the source: \"{short}\"",
            location=Location(where, s.line, s.column),
        )
