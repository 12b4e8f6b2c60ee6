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

import re
import unicodedata
from typing import Callable, Iterator

from argmap.diagnostics import Finding, Severity
from argmap.model import AddedBy

__all__ = ["normalise", "found", "CODE", "NAME", "SEVERITY", "SUMMARY", "check"]

CODE = "ARG301"
NAME = "quote-not-found"
SEVERITY = Severity.error
SUMMARY = "A quote not found in the source text, not even approximately (white space, quote marks, dashes folded)."

_FOLD = str.maketrans(
    {
        **{ch: "'" for ch in "\u2018\u2019\u201a\u201b\u2032\u00b4`"},
        **{ch: '"' for ch in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"},
        **{ch: "-" for ch in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"},
    }
)
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Text as quotes are matched: NFC, one space for any white space, plain quote marks and dashes.

    >>> normalise("Russia\u2019s  \u201ctacit\u201d\\n approval \u2014 then")
    'Russia\\'s "tacit" approval - then'
    """
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text).translate(_FOLD)).strip()


def found(quote: str, normalised_source: str) -> bool:
    """Whether ``quote`` occurs in a source text already passed through :func:`normalise`.

    >>> found("tacit  approval", normalise("with tacit\\napproval"))
    True
    """
    q = normalise(quote)
    return not q or q in normalised_source


MATCHER: Callable[[str, str], bool] = found
"""The matching used by this rule; provenance may swap in smarter anchoring."""


def _quoted(ctx) -> Iterator[tuple[str, str]]:
    for c in ctx.map.claims:
        if c.quote:
            yield c.id, c.quote
    for e in ctx.map.evidence:
        if e.quote and e.added_by is AddedBy.author:
            yield e.id, e.quote
    for i in ctx.map.inferences:
        if i.quote:
            yield i.id, i.quote


def check(ctx) -> Iterator[Finding]:
    if ctx.source_text is None:
        return
    from argmap.provenance.anchoring import State
    from argmap.provenance.anchors import audit_matches

    anchored = audit_matches(ctx)
    for element_id, quote in _quoted(ctx):
        q = anchored.get(element_id)
        if q is not None and q.match.state is State.orphaned:
            short = quote if len(quote) <= 60 else quote[:57] + "..."
            yield ctx.finding(
                element_id, f"the quote of '{element_id}' is not in the source text: \"{short}\"", "quote"
            )
