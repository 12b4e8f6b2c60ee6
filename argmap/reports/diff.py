"""``argmap diff`` output as text, as JSON and as a self-contained HTML page.

>>> from argmap.diffing import MapDiff
>>> to_json(MapDiff(), "a.yaml", "b.yaml").splitlines()[1]
'  "old": "a.yaml",'
"""

from __future__ import annotations

import json
from typing import Any

from argmap.diffing import SECTIONS, MapDiff, render_words
from argmap.util.jsontext import dumps
from argmap.reports.page import page

__all__ = ["to_text", "to_json", "to_html"]


def to_json(diff: MapDiff, old: str, new: str) -> str:
    """The diff as a JSON document (``old``, ``new``, then the sections)."""
    return dumps({"old": old, "new": new, **diff.to_dict()}, indent=2) + "\n"


def to_html(diff: MapDiff, old: str, new: str) -> str:
    """The diff as one HTML page: no script, no network, all user text escaped."""
    return page("diff.html.j2", styles=["diff.css"], diff=diff, old=old, new=new, sections=SECTIONS)


def _show(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def to_text(diff: MapDiff, old: str = "", new: str = "") -> str:
    """A plain-text listing of a :class:`MapDiff` (user text not yet cleaned for a terminal).

    >>> print(to_text(MapDiff()), end="")
    no changes
    """
    lines: list[str] = []
    for change in diff.map_fields:
        lines.append(f"~ map {change.field}: {_show(change.old)} -> {_show(change.new)}")
    for name, kind in SECTIONS:
        sec = diff.section(name)
        lines.extend(f"+ {kind} {i}" for i in sec.added)
        lines.extend(f"- {kind} {i}" for i in sec.removed)
        for change in sec.changed:
            lines.append(f"~ {kind} {change.id}")
            for f in change.fields:
                shown = render_words(f.words) if f.words is not None else f"{_show(f.old)} -> {_show(f.new)}"
                lines.append(f"    {f.field}: {shown}")
    if diff.audited:
        lines.extend(f"finding appeared: {d.code} {d.target or '-'} ({d.severity}): {d.message}" for d in diff.findings_appeared)
        lines.extend(f"finding fixed: {d.code} {d.target or '-'} ({d.severity}): {d.message}" for d in diff.findings_fixed)
    if diff.evaluated:
        lines.extend(f"status {c.id}: {c.old or '-'} -> {c.new or '-'}" for c in diff.status_changes)
        lines.extend(f"label {c.id}: {c.old or '-'} -> {c.new or '-'}" for c in diff.label_changes)
    if not lines:
        lines.append("no changes")
    from argmap.util.terminal import records

    return records(lines)
