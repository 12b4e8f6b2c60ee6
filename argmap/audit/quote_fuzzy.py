"""A quote found in the source text only approximately.

The quote is anchored as ``argmap anchor`` does it (:mod:`argmap.provenance.anchoring`):
when it is not in the source word for word, but a passage close to it is
(at least 75% similar), the quote was probably mistyped, or the source was
edited after the map was made. The finding gives the similarity and the
words found; ``argmap anchor --fix --accept-fuzzy`` takes them over.

Failing example::

    argmap: 1
    source:
      text: source.txt
    claims:
      - id: blockade
        text: Azerbaijan blockaded Nagorno-Karabakh in December 2022.
        quote: violated the agreement in December 2022 by blockading Nagorno Karabakh

Passing example::

    argmap: 1
    source:
      text: source.txt
    claims:
      - id: blockade
        text: Azerbaijan blockaded Nagorno-Karabakh in December 2022.
        quote: violated the agreement in December 2022 by blockading Nagorno-Karabakh

Source text::

    Despite this agreement, Azerbaijan violated the agreement in December
    2022 by blockading Nagorno-Karabakh and thereby exacerbating tensions.
"""

from __future__ import annotations

from typing import Iterator

from argmap.diagnostics import Finding, Severity

CODE = "ARG311"
NAME = "quote-fuzzy"
SEVERITY = Severity.warning
SUMMARY = "A quote found in the source text only approximately (reworded or mistyped)."


def check(ctx) -> Iterator[Finding]:
    for element_id, q in ctx.quotes("fuzzy"):
        m = q.match
        yield ctx.finding(
            element_id,
            f"the quote of '{element_id}' is only {m.similarity:.0%} like the source text, "
            f"which reads \"{_short(m.found or '')}\" (argmap anchor --fix --accept-fuzzy takes it over)",
            "quote",
        )


def _short(text: str) -> str:
    return text if len(text) <= 80 else text[:77] + "..."
