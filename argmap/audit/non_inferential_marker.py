"""A step whose only marker in the text does not mark an inference.

A step's ``quote`` holds the author's words that mark it. Some connectives
only place two things side by side: in time (*amidst*, *meanwhile*), as more
of the same (*moreover*, *and*) or as alike (*similarly*); *despite this*
concedes rather than supports. When the quote holds such connectives and no
inferential one (*because*, *therefore*, *for example*, *however*), the text
does not say that one claim is a reason for the other: the step is the
analyst's reading, and should say so in its warrant or note, or go. Classes
come from the drafting lexicon (``argmap/data/lexicon.yaml``, extended with
``lexicon = [...]`` in the configuration).

Failing example::

    argmap: 1
    thesis: b
    claims:
      - id: a
        text: The war in Ukraine goes on.
        assumption: true
      - id: b
        text: Serbia moved closer to Azerbaijan.
    inferences:
      - id: war-explains-move
        premises: [a]
        conclusion: b
        quote: Amid
        warrant: Wars push states to pick partners.

Passing example::

    argmap: 1
    thesis: b
    claims:
      - id: a
        text: The war in Ukraine goes on.
        assumption: true
      - id: b
        text: Serbia moved closer to Azerbaijan.
    inferences:
      - id: war-explains-move
        premises: [a]
        conclusion: b
        quote: because of
        warrant: Wars push states to pick partners.
"""

from __future__ import annotations

from typing import Iterator

from argmap.diagnostics import Finding, Severity
from argmap.model import InferenceKind

__all__ = ["CODE", "NAME", "SEVERITY", "SUMMARY", "check"]

CODE = "ARG108"
NAME = "non-inferential-marker"
SEVERITY = Severity.warning
SUMMARY = "A step whose marker in the text is only temporal, additive or similarity ('amidst', 'meanwhile', 'similarly')."


def check(ctx) -> Iterator[Finding]:
    lexicon = ctx.lexicon
    for inf in ctx.map.inferences:
        if not inf.quote:
            continue
        found = lexicon.connectives_in(inf.quote)
        if not found:
            continue  # no connective the lexicon knows: nothing to say
        fits = [m for m in found if (m.connective.supporting if inf.kind is InferenceKind.support else m.connective.inferential)]
        if fits:
            continue
        words = ", ".join(sorted({f"'{m.connective.words}' ({m.connective.cls})" for m in found}))
        yield ctx.finding(
            inf.id,
            f"step '{inf.id}' is marked only by {words}, which does not make one claim a reason for another"
            + (" (a concession or contrast marks an attack, not a support)" if any(m.connective.inferential for m in found) else ""),
            "quote",
        )
