"""A quote that does not occur in the map's source text.

Every claim's ``quote``, every inference's ``quote`` and the ``quote`` of
evidence the author gives (``added_by: author``) must be the source's own
words. Quotes are anchored as ``argmap anchor`` does it (:mod:`argmap.provenance.anchoring`:
Unicode NFC, white space folded, curly and straight quote marks alike, dashes
alike); this rule reports the **orphaned** ones, found not even approximately.
Near misses are ARG311 (quote-fuzzy), repeated quotes ARG312
(quote-ambiguous). Checked only when the map has a source text
(``source.text``). Evidence added by the analyst quotes outside documents and
is not checked against the article.

Failing example::

    argmap: 1
    source:
      text: source.txt
    claims:
      - id: tacit
        text: Russia tacitly approved the blockade.
        quote: Russia openly condemned the blockade

Passing example::

    argmap: 1
    source:
      text: source.txt
    claims:
      - id: tacit
        text: Russia tacitly approved the blockade.
        quote: "Azerbaijan, with Russia's tacit approval,"

Source text::

    In December 2022 Azerbaijan, with Russia’s tacit
    approval, violated the agreement.
"""

from __future__ import annotations

from typing import Iterator

from argmap.diagnostics import Finding, Severity

__all__ = ["CODE", "NAME", "SEVERITY", "SUMMARY", "check"]

CODE = "ARG301"
NAME = "quote-not-found"
SEVERITY = Severity.error
SUMMARY = "A quote not found in the source text, not even approximately (white space, quote marks, dashes folded)."


def check(ctx) -> Iterator[Finding]:
    for element_id, q in ctx.quotes("orphaned"):
        short = q.quote if len(q.quote) <= 60 else q.quote[:57] + "..."
        yield ctx.finding(element_id, f"the quote of '{element_id}' is not in the source text: \"{short}\"", "quote")
