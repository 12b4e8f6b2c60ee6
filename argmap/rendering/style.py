"""The diagram's visual vocabulary: colours, shapes and the legend's wording.

One place decides what every mark means, so the legend can explain exactly
the marks a diagram uses.

>>> SEVERITY_COLOR["warning"], FILL_BY["status"]["unsupported"]
('#e66100', '#f9d0c4')
>>> LEGEND["attack"][1]
'attack: the premises argue against the conclusion'
"""

from __future__ import annotations

from argmap.rendering.fonts import FAMILY

__all__ = [
    "FONT",
    "INK",
    "MUTED",
    "ATTACK",
    "SEVERITY_COLOR",
    "SEVERITY_TINT",
    "SEVERITY_DASH",
    "CRITICAL",
    "THESIS_FILL",
    "LEGEND_SHORT",
    "FILL_BY",
    "LEGEND",
]

FONT = FAMILY
"""The bundled font (see :mod:`argmap.rendering.fonts`)."""
INK = "#333333"
MUTED = "#8c8c8c"
ATTACK = "#c0392b"
EVIDENCE_FILL = "#f4f1e8"
JUNCTION_FILL = "#555555"
CRITICAL = "#7b3294"
"""The thesis's critical step: thick purple."""
THESIS_FILL = "#fff7cc"
"""The thesis's fill where nothing else fills it."""

SEVERITY_COLOR = {"error": "#b2182b", "warning": "#e66100", "info": "#2c7bb6"}
"""Outline/edge colour of a flagged element, by the worst finding's severity."""

SEVERITY_DASH = {"error": "dashed", "warning": "dashed", "info": "dotted"}
"""Line style of a flagged element: a note (info) is quieter than a warning."""

SEVERITY_TINT = {"error": "#fbe0e0", "warning": "#fff0dc", "info": "#f1f6fb"}
"""Fill of a flagged claim in the default (findings) view."""

FILL_BY = {
    "status": {
        "supported": "#cfe8c4",
        "assumed": "#d9e6f5",
        "weak": "#fbeeb0",
        "unsupported": "#f9d0c4",
    },
    "label": {"in": "#cfe8c4", "out": "#e0e0e0", "undecided": "#fbeeb0"},
    "change": {"added": "#cfe8c4", "changed": "#fbeeb0", "unchanged": "#ffffff"},
}
"""Claim fill colours for ``--color-by status|label`` and for a diff view."""


_WORDS = {
    "status": {
        "supported": "supported: evidence or supported steps beneath",
        "assumed": "assumed: accepted without support on purpose",
        "weak": "weak: rests on a hedged step or an unstated warrant",
        "unsupported": "unsupported: nothing beneath it",
    },
    "label": {
        "in": "in: accepted (every attacker is out)",
        "out": "out: defeated by an accepted attacker",
        "undecided": "undecided: attacks left unresolved",
    },
    "change": {
        "added": "added since the old version",
        "changed": "changed since the old version",
        "unchanged": "unchanged",
    },
}

LEGEND: dict[str, tuple[str, str]] = {
    "thesis": ("node", "thesis (double outline, bold)"),
    "critical": ("edge", "critical step: the thesis's single point of failure"),
    "group": ("node", "a section of the map: its claims, the steps inside it, its findings"),
    "claim": ("node", "claim: paraphrase, then id · kind · qualifier"),
    "assumption": ("node", "assumption (accepted without support)"),
    "evidence": ("node", "evidence record"),
    "junction": ("node", "inference: premises meet, then one step"),
    "support": ("edge", "support: premises back the conclusion"),
    "attack": ("edge", "attack: the premises argue against the conclusion"),
    "undercut": ("edge", "undercut: denies that a step follows"),
    "evidence-link": ("edge", "evidence cited for a claim"),
    "flag-error": ("node", "flagged by the audit: error (dashed)"),
    "flag-warning": ("node", "flagged by the audit: warning (dashed)"),
    "flag-info": ("node", "flagged by the audit: note (dotted)"),
    "flag-step": ("edge", "step flagged by the audit (dashed; dotted: a note)"),
}
"""Legend key → (``node`` or ``edge``, what it means)."""

LEGEND_SHORT: dict[str, str] = {
    "thesis": "thesis", "critical": "critical step", "group": "section", "claim": "claim", "assumption": "assumption",
    "evidence": "evidence", "junction": "premises meet", "support": "support", "attack": "attack",
    "undercut": "undercut", "evidence-link": "cites", "flag-error": "error", "flag-warning": "warning",
    "flag-info": "note", "flag-step": "flagged step",
}
"""Legend key → a word or two, for the compact legend (fills use their value's name)."""

for _scheme, _words in _WORDS.items():
    for _value, _text in _words.items():
        LEGEND[f"{_scheme}-{_value}"] = ("node", _text)
        LEGEND_SHORT[f"{_scheme}-{_value}"] = _value
