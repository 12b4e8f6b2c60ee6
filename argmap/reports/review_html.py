"""The review report as one self-contained HTML file: the map, clickable, beside a panel.

Every claim, inference and evidence node of the rendered SVG map opens a side
panel with its text, quote, evidence, findings and reviews; the findings list
and the summary link back to the map. The map pane (pan, zoom, selection) is
the one the viewer uses. No network: styles and script are inline, and a
Content-Security-Policy allows that one script (by hash) and nothing else.

User text is escaped by the page shell's templates; the SVG passes the
allow-list sanitiser; evidence URLs are links only when they are plain
``http(s)`` URLs, otherwise text.
"""

from __future__ import annotations

from typing import Optional

from argmap.reports.page import page, sanitize_svg
from argmap.review.report import ElementView, ReviewReport

__all__ = ["write", "MAP_SCRIPTS", "MAP_STYLES"]

MAP_SCRIPTS = ["vendor/svg-pan-zoom.js", "mappane.js"]
"""The map pane's scripts (``static/``), in load order; a page's own script follows them."""
MAP_STYLES = ["mappane.css"]


def panel_id(view: ElementView) -> str:
    return f"panel-{view.kind}-{view.id}"


def _diagram(report: ReviewReport) -> tuple[Optional[str], str]:
    """``(svg, note)``: the rendered map made safe, or None and why not."""
    from argmap.rendering.diagram import render_svg

    svg = render_svg(report.loaded, report.findings or [], color_by=report.color_by, evaluation=report.evaluation)
    safe = sanitize_svg(svg, {f"{v.kind}-{v.id}": panel_id(v) for v in report.elements})
    if safe is None:
        return None, "The renderer produced an SVG that could not be embedded safely."
    return safe, ""


def write(report: ReviewReport) -> str:
    """The whole report as one HTML document."""
    from markupsafe import Markup

    svg, note = _diagram(report)
    m = report.loaded.map if report.loaded is not None else None
    users: dict[str, list[str]] = {}
    if m is not None:
        for c in m.claims:
            for ref in c.evidence:
                users.setdefault(ref, []).append(c.id)
    audit = "audit not available" if report.findings is None else f"{len(report.findings)} audit findings"
    return page(
        "review.html.j2",
        styles=["review.css", *MAP_STYLES],
        scripts=[*MAP_SCRIPTS, "review.js"],
        report=report,
        title=report.title or report.map_file,
        audit=audit,
        svg=Markup(svg) if svg else None,
        note=note,
        panel_id=panel_id,
        evidence=lambda ref: m.evidence_record(ref) if m is not None else None,
        evidence_users={k: list(dict.fromkeys(v)) for k, v in users.items()},
        steps_into=lambda ident: m.inferences_into(ident) if m is not None else [],
    )
