"""The viewer: a map read against its source text, as one self-contained HTML page.

Three panes: the source text with every quote highlighted (coloured by the
worst finding or by status), the diagram (the map pane the review report
uses: pan, zoom, selection), and a panel with the selected element and the
findings list. The page carries its data as JSON in a non-executed
``<script type="application/json">`` element; the page's own script builds the
panel from it with DOM text nodes only, so user text is never parsed as HTML.

>>> data_json({"t": "</script><b>&"})
'{"t": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Optional

from argmap.reports.page import fragment, page, safe_url, sanitize_svg
from argmap.util.terminal import strip_controls
from argmap.review.report import ElementView, ReviewReport
from argmap.reports.review_html import MAP_SCRIPTS, MAP_STYLES, panel_id

__all__ = ["ViewerPage", "empty", "view", "build", "write", "parts", "data_json", "SEVERITY_ORDER"]

SEVERITY_ORDER = ("error", "warning", "info")
"""Worst first."""

BIG = 2000
"""Elements above which the diagram leaves out tooltips and click-widened edges (the panel has it all)
and the page lays out the text of only the nodes in view."""

_ALWAYS = ("kind", "id", "findings")


@dataclass
class ViewerPage:
    """What the viewer page shows, ready for the template (and for a live update)."""

    title: str
    map_file: str
    svg: Optional[str]
    note: str
    source: Optional[list[dict]]
    source_note: str
    data: dict
    focus: list[str] = field(default_factory=list)


def _without_controls(value: Any) -> Any:
    """``value`` with control and bidi characters removed from every string in it (the panel
    shows these strings: a bidi override would reorder what the reader sees)."""
    if isinstance(value, str):
        return strip_controls(value)
    if isinstance(value, dict):
        return {_without_controls(k): _without_controls(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_without_controls(v) for v in value]
    return value


def data_json(data: Any) -> str:
    """JSON safe to put inside an HTML ``<script>`` element (no ``<``, ``>`` or ``&``), its
    strings without control or bidi characters."""
    text = json.dumps(_without_controls(data), ensure_ascii=False)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _worst(findings: list) -> Optional[str]:
    sev = {f.severity.value for f in findings}
    return next((s for s in SEVERITY_ORDER if s in sev), None)


def _element(view: ElementView, report: ReviewReport, index: dict, links: dict) -> dict:
    from argmap.evaluation.explanation import label_reason

    el = view.element
    out: dict[str, Any] = {
        "kind": view.kind, "id": view.id, "text": view.text, "note": el.note, "quote": el.quote,
        "status": view.status, "label": view.label, "thesis": view.thesis,
        "findings": [index[id(f)] for f in view.findings], "worst": _worst(view.findings),
        "reviews": [{"reviewer": e.reviewer, "verdict": e.entry.verdict.value, "severity": e.entry.severity.value,
                     "status": e.entry.status.value, "comment": e.entry.comment,
                     "details": [[label, text] for _kind, label, text in e.details()]} for e in view.entries],
    }
    ev = report.evaluation
    if view.kind == "claim":
        out.update(ckind=el.kind.value, qualifier=el.qualifier.value if el.qualifier else None,
                   evidence=list(el.evidence), assumption=el.assumption, section=el.section,
                   steps_in=links["in"].get(view.id, []), steps_out=links["out"].get(view.id, []))
        if ev is not None and view.id in ev.label:
            out["why"] = label_reason(ev, "claim", view.id)
            out["weakest"] = ev.weakest_link.get(view.id)
    elif view.kind == "inference":
        out.update(ikind=el.kind.value, premises=list(el.premises), conclusion=el.conclusion,
                   qualifier=el.qualifier.value if el.qualifier else None, warrant=el.warrant,
                   steps_in=links["in"].get(view.id, []))
        if ev is not None:
            out["status"] = ev.inference_status.get(view.id)
            out["label"] = ev.inference_label.get(view.id)
            if view.id in ev.inference_label:
                out["why"] = label_reason(ev, "inference", view.id)
    else:
        out.update(ekind=el.kind.value, by=el.by, citation=el.citation, published=el.published,
                   added_by=el.added_by.value, title=el.title,
                   urls=[{"text": u, "href": safe_url(u)} for u in (el.url, el.archived_url) if u],
                   users=links["users"].get(view.id, []))
    return out


def _compact(item: dict) -> dict:
    """Leave out empty fields (None, "", [], False): a big map's page is smaller for it."""
    return {k: v for k, v in item.items() if k in _ALWAYS or (v is not None and v != "" and v != [] and v is not False)}


def _links(m: Any) -> dict:
    """Steps into and out of each claim (and undercuts into each inference); evidence users."""
    into: dict[str, list[str]] = {}
    out: dict[str, list[str]] = {}
    users: dict[str, list[str]] = {}
    for i in m.inferences:
        into.setdefault(i.conclusion, []).append(i.id)
        for p in i.premises:
            out.setdefault(p, []).append(i.id)
    for c in m.claims:
        for ref in dict.fromkeys(c.evidence):
            users.setdefault(ref, []).append(c.id)
    return {"in": into, "out": out, "users": users}


def _rules(findings: list) -> dict:
    from argmap.audit import find_rule

    out = {}
    for code in sorted({f.code for f in findings}):
        r = find_rule(code)
        if r is not None:
            out[code] = {"name": r.name, "summary": r.summary, "doc": r.help}
    return out


FOCUS_MAX = 40
"""At most this many elements to open fitted on (more would not fit at a readable size anyway)."""


def _focus(m: Any) -> list[str]:
    """Panel ids the page opens fitted on: the thesis, the steps into it and their premises."""
    if not m.thesis or m.claim(m.thesis) is None:
        return []
    focus = [f"panel-claim-{m.thesis}"]
    for i in m.inferences:
        if len(focus) >= FOCUS_MAX:
            break
        if i.conclusion == m.thesis:
            focus.append(f"panel-inference-{i.id}")
            focus += [f"panel-claim-{p}" for p in i.premises]
    return list(dict.fromkeys(focus))[:FOCUS_MAX]


def _source(report: ReviewReport, keys: dict[str, str]) -> tuple[Optional[list[dict]], str]:
    """The source text as segments for the template, or None and why there is none."""
    loaded = report.loaded
    if loaded.source_text is None:
        return None, "This map names no source text: only the diagram and the panel are shown."
    from argmap.provenance.coverage import coverage

    cov = coverage(loaded)
    views = {v.id: v for v in report.elements}
    out = []
    seen: set[str] = set()
    for seg in cov.segments(cov.quotes + cov.others):
        part: dict[str, Any] = {"text": cov.raw[seg.start:seg.end], "kind": seg.kind, "ids": [], "first": []}
        if seg.claims:
            ids = [keys[i] for i in seg.claims if i in keys]
            part["ids"] = ids
            part["first"] = [k for k in ids if k not in seen]
            seen.update(ids)
            found = [f for i in seg.claims if i in views for f in views[i].findings]
            part["sev"] = _worst(found) or "none"
            claim = next((views[i] for i in seg.claims if i in views and views[i].kind == "claim"), None)
            part["status"] = (claim.status if claim is not None else None) or "none"
        out.append(part)
    return out, ""


def build(report: ReviewReport, rankdir: str = "TB") -> ViewerPage:
    """The viewer's page data for a gathered report (map, findings, evaluation, reviews)."""
    from argmap.rendering.diagram import render_svg

    m = report.loaded.map
    keys = {v.id: panel_id(v) for v in report.elements}
    svg = render_svg(report.loaded, report.findings or [], rankdir=rankdir, color_by=report.color_by,
                     evaluation=report.evaluation)
    big = len(report.elements) > BIG
    safe = sanitize_svg(svg, {f"{v.kind}-{v.id}": panel_id(v) for v in report.elements}, tooltips=not big,
                        wide_edges=not big, lazy_text=big)
    findings = report.findings or []
    index = {id(f): k for k, f in enumerate(findings)}
    links = _links(m)
    data = {
        "elements": {panel_id(v): _compact(_element(v, report, index, links)) for v in report.elements},
        "keys": keys,
        "findings": [_compact({"code": f.code, "severity": f.severity.value, "message": f.message,
                               "target": keys.get(f.target) if f.target else None, "target_id": f.target})
                     for f in findings],
        "rules": _rules(findings),
        "thesis": keys.get(m.thesis) if m.thesis else None,
        "evaluated": report.evaluation is not None,
    }
    source, source_note = _source(report, keys)
    return ViewerPage(
        title=report.title or report.map_file, map_file=report.map_file, svg=safe,
        note="" if safe else "The renderer produced an SVG that could not be embedded safely.",
        source=source, source_note=source_note, data=data, focus=_focus(m),
    )


def empty(map_path: Any) -> ViewerPage:
    """A page with nothing loaded yet (``argmap serve`` on a map that does not load at first)."""
    data = {"elements": {}, "keys": {}, "findings": [], "rules": {}, "thesis": None, "evaluated": False}
    return ViewerPage(title=str(map_path), map_file=str(map_path), svg=None,
                      note="The map did not load; the page shows it as soon as it does.", source=None,
                      source_note="", data=data)


def view(map_path: Any, reviews: list = (), *, allow_outside: bool = False, rankdir: str = "TB") -> ViewerPage:
    """Load ``map_path`` (and review files), audit, evaluate and render it: the viewer's page data."""
    from argmap.review.report import gather

    return build(gather(map_path, list(reviews), allow_outside=allow_outside), rankdir=rankdir)


def parts(view: ViewerPage) -> dict[str, Any]:
    """The pieces a live page swaps in place: the map pane's SVG, the source pane, the data."""
    return {"svg": view.svg or "", "source": fragment("_viewer.html.j2", "source_pane", view=view),
            "data": view.data, "title": view.title}


def write(view: ViewerPage, live: bool = False) -> str:
    """The whole page; ``live`` adds the script that follows ``argmap serve``'s updates."""
    from markupsafe import Markup

    scripts = [*MAP_SCRIPTS, "viewer.js"] + (["live.js"] if live else [])
    return page(
        "viewer.html.j2",
        styles=[*MAP_STYLES, "viewer.css"],
        scripts=scripts,
        connect="'self'" if live else "",
        view=view,
        svg=Markup(view.svg) if view.svg else None,
        data=Markup(data_json(view.data)),
        live=live,
    )
