"""A quote that itself quotes someone, with no citation for whom.

When the words of a claim or evidence record contain quotation marks, the
source is quoting someone else: a statement, a document, a slogan. The reader
needs to know where those words come from. A claim is reported when it has
no evidence record at all (when it has records, the records are checked
instead); an evidence record when it has no ``citation``, ``url`` or ``by``.
A ``statement`` with no speaker is reported once, by
``unattributed-quotation`` (ARG305). Double quotation marks (straight,
curly, guillemets) count, and so do single quotation marks around three
words or more; one or two words in single quotes, as in *Armenia's perceived
‘betrayal’*, are scare quotes (the author's distance from a word, not someone's
statement), and an apostrophe as in *Russia’s* or *the Serbs’ land* is no quote.

Failing example::

    argmap: 1
    claims:
      - id: yeltsin
        text: Yeltsin condemned the NATO campaign.
        quote: 'condemned NATO''s campaign as "illegal" and "open aggression"'

Passing example::

    argmap: 1
    claims:
      - id: yeltsin
        text: Yeltsin condemned the NATO campaign.
        quote: 'condemned NATO''s campaign as "illegal" and "open aggression"'
        evidence: [yeltsin-statement]
    evidence:
      - id: yeltsin-statement
        kind: statement
        by: Boris Yeltsin
        citation: Statement of 24 March 1999
"""

from __future__ import annotations

import re
from typing import Iterator

from argmap.diagnostics import Finding, Severity
from argmap.model import EvidenceKind

__all__ = ["quotes_someone", "CODE", "NAME", "SEVERITY", "SUMMARY", "REPAIR", "check"]

CODE = "ARG302"
NAME = "quotation-without-source"
SEVERITY = Severity.warning
SUMMARY = "A quote containing a quotation (quotation marks) with no citation of who said it."
REPAIR = "evidence"

_DOUBLE = re.compile("[\"\u201c\u201d\u201e\u201f\u00ab\u00bb]")
_CURLY_SINGLE = re.compile("\u2018[^\u2018\u2019]+\u2019(?![^\\W\\d_])")
_STRAIGHT_SINGLE = re.compile(r"(?:^|(?<=[\s(\[]))'(?=[^\W\d_])[^'\n]*[^\s']'(?![^\W\d_])")


def quotes_someone(text: str) -> bool:
    """Whether text contains quotation marks (not apostrophes).

    >>> quotes_someone("Russia\u2019s tacit approval"), quotes_someone("the Serbs' land")
    (False, False)
    >>> quotes_someone('called it "illegal"'), quotes_someone("called it \u2018plainly illegal aggression\u2019, then")
    (True, True)
    >>> quotes_someone("called it 'an open aggression'.")
    True
    >>> quotes_someone("Armenia's perceived ‘betrayal’ of Russia")  # a scare quote
    False
    """
    if _DOUBLE.search(text):
        return True
    singles = [*_CURLY_SINGLE.finditer(text), *_STRAIGHT_SINGLE.finditer(text)]
    return any(len(m.group().strip("'‘’").split()) >= _MIN_QUOTED_WORDS for m in singles)


_MIN_QUOTED_WORDS = 3
"""Fewer words than this in single quotes make a scare quote, not a quotation."""


def _sourced(e) -> bool:
    return bool(e.citation or e.url or e.by)


def check(ctx) -> Iterator[Finding]:
    for c in ctx.map.claims:
        if c.quote and not c.evidence and quotes_someone(c.quote):
            yield ctx.finding(
                c.id, f"the quote of '{c.id}' quotes someone, but no evidence record says who or where", "quote"
            )
    for e in ctx.map.evidence:
        if e.kind is EvidenceKind.statement:
            continue  # a statement needs a speaker: reported by unattributed-quotation (ARG305)
        if e.quote and quotes_someone(e.quote) and not _sourced(e):
            yield ctx.finding(
                e.id, f"evidence '{e.id}' quotes someone, but gives no citation, url or speaker ('by')", "quote"
            )
