"""The small maps that more than one test module uses, written once (real YAML text).

A map that only one test module needs stays in that module, beside the test that
explains it. Tests write these with the ``write_map`` fixture of ``tests/conftest.py``
or into their own temp folders.
"""

from __future__ import annotations

import yaml

__all__ = [
    "ONE_CLAIM",
    "MISSPELLED_KEY",
    "CAUSAL_THESIS",
    "quoted",
    "EVIDENCE_QUOTE",
    "BOOK",
    "supported_thesis",
    "REVIEW_TARGET",
    "LINKED",
    "ATTACK",
    "CHAIN",
    "HOSTILE_TEXT",
    "HOSTILE",
]

ONE_CLAIM = "argmap: 1\nclaims:\n  - id: a\n    text: A.\n"
"""The smallest valid map: one claim, no findings that stop a command."""

MISSPELLED_KEY = "argmap: 1\nclaims:\n  - id: a\n    txt: A.\n"
"""A schema error at line 4 (``txt`` for ``text``): every command refuses it, located."""

CAUSAL_THESIS = "argmap: 1\nthesis: t\nclaims:\n  - id: t\n    text: T.\n    kind: causal\n"
"""A thesis with no support: one warning (unsupported-claim) and nothing else."""


def quoted(quote: str, source: str = "source.txt", claim: str = "a") -> str:
    """One claim quoting ``quote`` from the source text file ``source`` (not written here)."""
    return f"argmap: 1\nsource:\n  text: {source}\nclaims:\n  - id: {claim}\n    text: {claim.upper()}.\n    quote: {quote}\n"


EVIDENCE_QUOTE = "argmap: 1\nevidence:\n  - id: e\n    quote: {quote}\n    added_by: {who}\n{extra}"
"""Evidence ``e`` quoting ``{quote}``, added by ``{who}`` (author or analyst), then ``{extra}`` lines."""

BOOK = "argmap: 1\nevidence:\n  - id: e\n    citation: Book.\n"
"""Evidence cited from a book: no URL, so nothing about access dates or archives applies."""

_CHAIN_OF_SUPPORT = """\
argmap: 1
thesis: t
claims:
  - id: t
    text: T.
    kind: interpretation
  - id: p
    text: P.
    kind: {p_kind}
    {p_extra}
  - id: q
    text: Q.
    assumption: true
inferences:
  - id: i
    premises: [p, q]
    conclusion: t
"""


def supported_thesis(p_kind: str = "fact", p_extra: str = "") -> str:
    """Thesis ``t`` (an interpretation) supported by step ``i`` from ``p`` (of ``p_kind``) and assumption ``q``."""
    return _CHAIN_OF_SUPPORT.format(p_kind=p_kind, p_extra=p_extra)


REVIEW_TARGET = """\
argmap: 1
title: Small review target
thesis: t
claims:
  - id: t
    text: The thesis holds.
  - id: p
    text: A premise with support.
    quote: alpha beta
    evidence: [e]
  - id: q
    text: A premise without support.
evidence:
  - id: e
    quote: gamma
    citation: Some report, 2020
inferences:
  - id: i
    premises: [p, q]
    conclusion: t
    qualifier: may
"""
"""Three claims, one evidence record, one hedged step: what the review and diff tests change."""

# ------------------------------------------------------------ for the diagrams

LINKED = """\
argmap: 1
title: Linked premises
thesis: t
claims:
  - id: t
    text: The partnership is about Russia.
    quote: about Russia
    kind: interpretation
  - id: p1
    text: Russia tacitly approved the blockade.
    quote: with Russia's tacit approval
  - id: p2
    text: Russia rewards Azerbaijan.
    evidence: [e1]
evidence:
  - id: e1
    quote: rewarded
    citation: Some report, 2020
inferences:
  - id: step
    premises: [p1, p2]
    conclusion: t
    qualifier: may
"""
"""Two linked premises of one hedged step, one with evidence."""

ATTACK = """\
argmap: 1
title: An attack and an undercut
thesis: t
claims:
  - id: t
    text: Armenia's moves answer Russia's failure.
  - id: p
    text: Russia failed to protect Armenia.
  - id: x
    text: Armenia wants to join NATO.
    section: Objections
  - id: u
    text: Failure need not cause realignment.
    section: Objections
inferences:
  - id: s
    premises: [p]
    conclusion: t
  - id: a
    premises: [x]
    conclusion: t
    kind: attack
  - id: cut
    premises: [u]
    conclusion: s
    kind: undercut
"""
"""A support, an attack on the thesis and an undercut of the support, in two sections."""

CHAIN = """\
argmap: 1
title: A chain
thesis: c4
claims:
  - id: c0
    text: Zero.
  - id: c1
    text: One.
  - id: c2
    text: Two.
  - id: c3
    text: Three.
  - id: c4
    text: Four.
  - id: side
    text: Side premise.
inferences:
  - id: i1
    premises: [c0]
    conclusion: c1
  - id: i2
    premises: [c1, side]
    conclusion: c2
  - id: i3
    premises: [c2]
    conclusion: c3
  - id: i4
    premises: [c3]
    conclusion: c4
"""
"""Four steps from c0 up to the thesis c4, with a side premise joining at c2."""

HOSTILE_TEXT = '<script>alert(1)</script> " onload="alert(2)" \\l \\N {x|y} <b>bold</b> & \\'
_HOSTILE_DATA = {
    "argmap": 1,
    "title": '<script>alert(3)</script> "quoted" \\',
    "source": {"title": "x"},
    "thesis": "h",
    "claims": [
        {"id": "h", "text": HOSTILE_TEXT, "quote": '" onload="alert(4)'},
        {"id": "k", "text": "<<b>html</b>>", "section": '</text><script>alert(5)</script> \\" {', "evidence": ["ev"]},
        {"id": "ns:a.b", "text": "An id with a colon.", "section": "Other"},
    ],
    "evidence": [{"id": "ev", "quote": "<img src=x onerror=alert(6)>", "url": "javascript:alert(7)"}],
    "inferences": [{"id": "i", "premises": ["k"], "conclusion": "h", "warrant": '"; } digraph x {'}],
}
HOSTILE = yaml.safe_dump(_HOSTILE_DATA, sort_keys=False, allow_unicode=True)
"""Markup, DOT syntax and script URLs in every text field a diagram shows."""
