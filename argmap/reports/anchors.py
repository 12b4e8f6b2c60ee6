"""``argmap anchor`` output: every quote's anchoring state as lines of text, or as JSON."""

from __future__ import annotations

from typing import Any, Optional

from argmap.util.words import count
from argmap.provenance.anchoring import KINDS, State
from argmap.util.terminal import one_line

__all__ = ["to_text", "to_json", "quote_lines", "summary_line"]


def quote_lines(report: Any) -> list[str]:
    """One line per quote: ``FILE:LINE:COL: state kind 'id' details``."""
    out = []
    for q in report.quotes:
        kind = KINDS[q.section]
        m = q.match
        detail = ""
        if m.state is State.moved:
            detail = f" now at {m.start}-{m.end} ({m.note})"
        elif m.state is State.fuzzy:
            detail = f" {m.similarity:.0%} similar at {m.start}-{m.end}: {m.found!r}"
        elif m.state is State.ambiguous:
            spans = ", ".join(f"{a}-{b}" for a, b in m.candidates[:6])
            detail = f" at {spans}: {m.note}"
        elif m.state is State.orphaned:
            detail = f": {m.note}"
        elif m.start is not None:
            detail = f" at {m.start}-{m.end}"
        out.append(one_line(f"{report.location(q)}: {m.state.value} {kind} '{q.id}'{detail}"))
    return out


def summary_line(report: Any) -> str:
    """``N quotes: n exact, m moved, ...``."""
    counts = report.counts()
    parts = ", ".join(f"{n} {state}" for state, n in counts.items()) or "nothing to anchor"
    return f"{count(len(report.quotes), 'quote')}: {parts}"


def to_text(report: Any, fixed: Optional[Any] = None) -> str:
    """One line per quote, then the summary (what ``--fix`` wrote goes to standard error)."""
    return "\n".join([*quote_lines(report), summary_line(report)]) + "\n"


def to_json(report: Any, fixed: Optional[Any] = None) -> str:
    """The anchor report as JSON, with what ``--fix`` wrote (``null`` without ``--fix``)."""
    from argmap.util import jsontext

    doc = report.to_dict()
    doc["fixed"] = fixed.to_dict() if fixed else None
    return jsontext.dumps(doc, indent=2, ensure_ascii=False) + "\n"
