"""A quote found more than once in the source text, with nothing to tell which is meant.

A short quote such as "Serbia and Azerbaijan" occurs in many sentences; the
map then does not say which sentence the claim comes from. A stored anchor
(its prefix and suffix, written by ``argmap anchor --fix``) settles it; so
does a longer quote. Also reported: a quote whose exact words occur somewhere
else while its stored prefix and suffix point to a place where the words
were changed — it is never silently moved to the other copy.

Failing example::

    argmap: 1
    source:
      text: source.txt
    claims:
      - id: partnership
        text: Serbia and Azerbaijan became partners.
        quote: Serbia and Azerbaijan

Passing example::

    argmap: 1
    source:
      text: source.txt
    claims:
      - id: partnership
        text: Serbia and Azerbaijan became partners.
        quote: the partnership between Serbia and Azerbaijan

Source text::

    Serbia and Azerbaijan signed a plan. Observers were surprised by the
    partnership between Serbia and Azerbaijan.
"""

from __future__ import annotations

from typing import Iterator

from argmap.diagnostics import Finding, Severity

CODE = "ARG312"
NAME = "quote-ambiguous"
SEVERITY = Severity.warning
SUMMARY = "A quote that occurs more than once in the source text, and nothing decides which is meant."


def check(ctx) -> Iterator[Finding]:
    for element_id, q in ctx.quotes("ambiguous"):
        m = q.match
        places = ", ".join(f"{a}-{b}" for a, b in m.candidates[:5])
        more = f" and {len(m.candidates) - 5} more" if len(m.candidates) > 5 else ""
        yield ctx.finding(
            element_id,
            f"the quote of '{element_id}' is ambiguous: {m.note} (at {places}{more}); "
            "quote more words, or anchor it with argmap anchor --fix",
            "quote",
        )
