"""``argmap diff`` output as JSON and as a self-contained HTML page.

>>> from argmap.diffing import MapDiff
>>> to_json(MapDiff(), "a.yaml", "b.yaml").splitlines()[1]
'  "old": "a.yaml",'
"""

from __future__ import annotations

import json
from typing import Any

from argmap.diffing import SECTIONS, MapDiff
from argmap.jsontext import dumps
from argmap.reports.review_html import esc

__all__ = ["to_json", "to_html"]


def to_json(diff: MapDiff, old: str, new: str) -> str:
    """The diff as a JSON document (``old``, ``new``, then the sections)."""
    return dumps({"old": old, "new": new, **diff.to_dict()}, indent=2) + "\n"


def _words(words: list[tuple[str, str]]) -> str:
    tags = {"equal": "{}", "delete": "<del>{}</del>", "insert": "<ins>{}</ins>"}
    return " ".join(tags[op].format(esc(text)) for op, text in words)


def _value(value: Any) -> str:
    if isinstance(value, str):
        return esc(value)
    return f"<code>{esc(json.dumps(value, ensure_ascii=False))}</code>"


_CSS = """
body{font:14px/1.45 system-ui,sans-serif;margin:18px;color:#1f2328;max-width:1000px}
del{background:#ffebe9;text-decoration:line-through}ins{background:#dafbe1;text-decoration:none}
.added{color:#1a7f37}.removed{color:#cf222e}.changed{color:#9a6700}
td,th{border:1px solid #d0d7de;padding:3px 8px;text-align:left;vertical-align:top}table{border-collapse:collapse}
"""


def to_html(diff: MapDiff, old: str, new: str) -> str:
    """The diff as one HTML page: no script, no network, all user text escaped."""
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        f"<title>argmap diff</title><style>{_CSS}</style></head><body>",
        f"<h1>Changes from {esc(old)} to {esc(new)}</h1>",
    ]
    if diff.is_empty():
        out.append("<p>No changes to the map's content.</p>")
    if diff.map_fields:
        out.append("<h2>Map</h2><table>")
        out += [f"<tr><th>{esc(f.field)}</th><td>{_value(f.old)} → {_value(f.new)}</td></tr>" for f in diff.map_fields]
        out.append("</table>")
    for name, kind in SECTIONS:
        sec = diff.section(name)
        if not sec:
            continue
        out.append(f"<h2>{name.capitalize()}</h2><ul>")
        out += [f'<li class="added">added {kind} <code>{esc(i)}</code></li>' for i in sec.added]
        out += [f'<li class="removed">removed {kind} <code>{esc(i)}</code></li>' for i in sec.removed]
        for change in sec.changed:
            rows = "".join(
                f"<tr><th>{esc(f.field)}</th><td>{_words(f.words) if f.words is not None else _value(f.old) + ' → ' + _value(f.new)}</td></tr>"
                for f in change.fields
            )
            out.append(f'<li class="changed">changed {kind} <code>{esc(change.id)}</code><table>{rows}</table></li>')
        out.append("</ul>")
    if diff.audited:
        out.append("<h2>Findings</h2><ul>")
        for label, items in (("appeared", diff.findings_appeared), ("fixed", diff.findings_fixed)):
            cls = "removed" if label == "appeared" else "added"
            out += [
                f'<li class="{cls}">{label}: <code>{esc(d.code)}</code> <code>{esc(d.target or "-")}</code> '
                f"({esc(d.severity)}) {esc(d.message)}</li>"
                for d in items
            ]
        out.append("</ul>")
    if diff.evaluated:
        out.append("<h2>Evaluation</h2><ul>")
        for label, items in (("status", diff.status_changes), ("label", diff.label_changes)):
            out += [f"<li>{label} <code>{esc(c.id)}</code>: {esc(c.old or '-')} → {esc(c.new or '-')}</li>" for c in items]
        out.append("</ul>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
