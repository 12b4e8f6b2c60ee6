"""The review report as one self-contained HTML file: the map, clickable, beside a panel.

Every claim, inference and evidence node of the rendered SVG map opens a side
panel with its text, quote, evidence, findings and reviews; the findings list
and the summary link back to the map. No network: styles and the small script
are inline, and a Content-Security-Policy allows that one script (by hash)
and nothing else to run.

User text is escaped with :func:`esc`; the SVG from the renderer is parsed
and re-serialised, dropping scripts, event-handler attributes and links that
are not ``#fragment``, ``http:`` or ``https:``; evidence URLs are links only
when they are plain ``http(s)`` URLs, otherwise text.

>>> esc('<script>"x"</script>')
'&lt;script&gt;&quot;x&quot;&lt;/script&gt;'
>>> safe_url("javascript:alert(1)") is None, safe_url("https://example.org/a?b=1")
(True, 'https://example.org/a?b=1')
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from typing import Any, Optional
from xml.etree import ElementTree as ET

from argmap.reports.review_data import ElementView, EntryView, ReviewReport
from argmap.terminal import clean

__all__ = ["esc", "safe_url", "sanitize_svg", "write"]

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
_DROP_TAGS = {"script", "foreignObject", "iframe", "object", "embed", "animate", "set", "handler", "listener"}


def esc(text: Any) -> str:
    """User text for HTML text or a quoted attribute (control characters removed)."""
    return html.escape(clean("" if text is None else str(text)), quote=True)


def safe_url(url: Optional[str]) -> Optional[str]:
    """``url`` when it is a plain http(s) URL that can safely be a link, else None."""
    if not url or re.search(r"[\s\x00-\x1f\x7f]", url):
        return None
    return url if re.match(r"(?i)^https?://[^/]", url) else None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def sanitize_svg(svg: str, panels: dict[str, str]) -> Optional[str]:
    """The renderer's SVG made safe to inline, nodes tagged with ``data-panel``.

    ``panels`` maps SVG element ids (``claim-a``) to panel ids. Returns None
    when the SVG is not well-formed XML.
    """
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    try:
        root = ET.fromstring(svg.encode("utf-8"))
    except ET.ParseError:
        return None
    for parent in root.iter():
        for child in list(parent):
            if _local(child.tag) in _DROP_TAGS:
                parent.remove(child)
    for el in root.iter():
        for name in list(el.attrib):
            local = _local(name).lower()
            value = el.attrib[name]
            if local.startswith("on"):
                del el.attrib[name]
            elif local == "href" and not (value.startswith("#") or safe_url(value)):
                del el.attrib[name]
        panel = panels.get(el.get("id", ""))
        if panel is not None:
            el.set("data-panel", panel)
            el.set("tabindex", "0")
            el.set("role", "button")
            if "edge" in el.get("class", "").split():
                _widen(el)
    root.set("id", "map-svg")
    return ET.tostring(root, encoding="unicode")


def _widen(edge: ET.Element) -> None:
    """Give a thin edge (a one-premise step) a wide invisible stroke, so it is easy to click."""
    for path in list(edge.iter(f"{{{SVG_NS}}}path")):
        hit = ET.SubElement(edge, f"{{{SVG_NS}}}path")
        hit.set("d", path.get("d", ""))
        hit.set("class", "hit")
        hit.set("fill", "none")
        hit.set("stroke", "transparent")
        hit.set("stroke-width", "14")
        hit.set("pointer-events", "stroke")


def _panel_id(view: ElementView) -> str:
    return f"panel-{view.kind}-{view.id}"


def _link(report: ReviewReport, ident: str) -> str:
    view = report.element(ident)
    if view is None:
        return f"<code>{esc(ident)}</code>"
    pid = esc(_panel_id(view))
    return f'<a href="#{pid}" data-panel="{pid}"><code>{esc(ident)}</code></a>'


def _badge(word: Optional[str], prefix: str) -> str:
    if not word:
        return ""
    cls = re.sub(r"[^a-z0-9-]", "", word.lower())
    return f'<span class="badge {prefix}-{cls}">{esc(word)}</span>'


def _entry(e: EntryView, report: ReviewReport, with_target: bool = False) -> str:
    en = e.entry
    parts = [f"<li class=\"entry\"><b>{esc(e.reviewer)}</b>"]
    if with_target:
        parts.append(f" on {_link(report, e.target)}")
    parts.append(
        f" {_badge(en.verdict.value, 'verdict')} {_badge(en.severity.value, 'severity')} {_badge(en.status.value, 'status')}"
    )
    if en.comment:
        parts.append(f"<p>{esc(en.comment)}</p>")
    for kind, label, text in e.details():
        parts.append(f'<p class="{kind}">{label}: {esc(text)}</p>')
    parts.append("</li>")
    return "".join(parts)


def _finding(f: Any, report: ReviewReport, with_target: bool = True) -> str:
    target = _link(report, f.target) + " " if f.target and with_target else ""
    return (
        f'<li class="finding">{target}{_badge(f.severity.value, "sev")} '
        f"<code>{esc(f.code)}</code> {esc(f.message)}</li>"
    )


def _evidence_item(report: ReviewReport, ref: str) -> str:
    ev = report.loaded.map.evidence_record(ref) if report.loaded is not None else None
    if ev is None:
        return f"<li>{_link(report, ref)}</li>"
    out = f"{_link(report, ref)} · {_evidence_details(ev)}"
    if ev.quote:
        out += f"<blockquote>“{esc(ev.quote)}”</blockquote>"
    return f"<li>{out}</li>"


def _evidence_details(ev: Any) -> str:
    """Who, citation, date and URL of an evidence record; the URL is a link only if plain http(s)."""
    bits = []
    if ev.by:
        bits.append(f"by {esc(ev.by)}")
    bits.append(esc(ev.citation) if ev.citation else "<i>no citation given</i>")
    if ev.published:
        bits.append(esc(ev.published))
    bits.append(f"added by {esc(ev.added_by.value)}")
    out = " · ".join(bits)
    for url in (ev.url, ev.archived_url):
        if url:
            link = safe_url(url)
            out += (
                f' <a class="url" href="{esc(link)}" rel="noopener noreferrer nofollow">{esc(url)}</a>'
                if link
                else f' <span class="url">{esc(url)}</span>'
            )
    return out


def _panel(view: ElementView, report: ReviewReport) -> str:
    el = view.element
    head = f'<span class="kind">{view.kind}</span> <code>{esc(view.id)}</code>'
    if view.thesis:
        head += ' <span class="badge thesis">thesis</span>'
    head += _badge(view.status, "status") + _badge(view.label, "label")
    out = [f'<section class="element" id="{esc(_panel_id(view))}"><h3>{head}</h3>']
    if view.kind == "inference":
        premises = ", ".join(_link(report, p) for p in el.premises)
        hedge = f" <i>({esc(el.qualifier.value)})</i>" if el.qualifier else ""
        out.append(f"<p>{esc(el.kind.value)}: {premises} → {_link(report, el.conclusion)}{hedge}</p>")
        out.append(f"<p class=\"meta\">Warrant: {esc(el.warrant) if el.warrant else '<i>unstated</i>'}</p>")
    elif view.kind == "evidence":
        out.append(f'<p class="text">{_evidence_details(el)}</p>')
        users = [c.id for c in report.loaded.map.claims if el.id in c.evidence] if report.loaded is not None else []
        if users:
            out.append("<p class=\"meta\">Supports " + ", ".join(_link(report, c) for c in users) + "</p>")
    else:
        out.append(f'<p class="text">{esc(view.text)}</p>')
    if getattr(el, "quote", None):
        out.append(f"<blockquote>“{esc(el.quote)}”</blockquote>")
    if getattr(el, "note", None):
        out.append(f'<p class="meta">Note: {esc(el.note)}</p>')
    if view.kind == "claim" and el.evidence:
        out.append("<h4>Evidence</h4><ul>" + "".join(_evidence_item(report, r) for r in el.evidence) + "</ul>")
    if view.kind == "claim" and report.loaded is not None:
        steps = report.loaded.map.inferences_into(view.id)
        if steps:
            out.append("<h4>Reached by</h4><ul>" + "".join(f"<li>{_link(report, i.id)} {esc(i.kind.value)} from "
                       + ", ".join(_link(report, p) for p in i.premises) + "</li>" for i in steps) + "</ul>")
    out.append(f"<h4>Findings ({len(view.findings)})</h4>")
    out.append("<ul>" + "".join(_finding(f, report, with_target=False) for f in view.findings) + "</ul>" if view.findings else "<p class=\"meta\">None.</p>")
    out.append(f"<h4>Reviews ({len(view.entries)})</h4>")
    out.append("<ul>" + "".join(_entry(e, report) for e in view.entries) + "</ul>" if view.entries else "<p class=\"meta\">None.</p>")
    out.append("</section>")
    return "".join(out)


def _counts(title: str, counts: dict[str, int], prefix: str) -> str:
    cells = "".join(f"<li>{_badge(k, prefix)} {v}</li>" for k, v in counts.items())
    return f'<div class="counts"><h4>{title}</h4><ul>{cells}</ul></div>'


def _diagram(report: ReviewReport) -> tuple[Optional[str], str]:
    """``(svg, note)``: the rendered map made safe, or None and why not."""
    try:
        from argmap.render import render_svg
    except ModuleNotFoundError as exc:
        if exc.name and "argmap.render".startswith(exc.name):
            return None, "The diagram needs argmap's renderer, which this installation lacks."
        raise
    svg = render_svg(report.loaded, report.findings or [], color_by=report.color_by, evaluation=report.evaluation)
    panels = {f"{v.kind}-{v.id}": _panel_id(v) for v in report.elements}
    safe = sanitize_svg(svg, panels)
    if safe is None:
        return None, "The renderer produced an SVG that could not be embedded safely."
    return safe, ""


_CSS = """
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2328;background:#fff}
header{padding:10px 18px;border-bottom:1px solid #d0d7de}
header h1{font-size:18px;margin:0 0 4px}
.meta{color:#57606a;font-size:13px}
.layout{display:grid;grid-template-columns:minmax(0,1fr) 400px;height:72vh;border-bottom:1px solid #d0d7de}
#map{overflow:auto;position:relative;background:#fafbfc}
#map.fit svg{width:100%;height:auto}
#map-tools{position:sticky;top:0;left:0;z-index:1;padding:4px}
#map [data-panel]{cursor:pointer}
#map [data-panel]:focus{outline:none}
#map [data-panel].selected polygon,#map [data-panel].selected ellipse,#map [data-panel].selected path:not(.hit){stroke:#0969da;stroke-width:4}
#panel{overflow:auto;padding:10px 14px;border-left:1px solid #d0d7de}
.element{display:none}
.element.active,.element:target{display:block}
.element h3{font-size:15px;margin:4px 0}
blockquote{margin:6px 0;padding:2px 10px;border-left:3px solid #d0d7de;color:#424a53;font-style:italic}
.kind{text-transform:uppercase;font-size:11px;color:#57606a;letter-spacing:.05em}
.badge{display:inline-block;padding:0 6px;margin:0 2px;border-radius:9px;font-size:12px;background:#eaeef2}
.verdict-accept,.status-supported,.label-in,.status-resolved{background:#dafbe1}
.verdict-challenge,.sev-warning,.status-weak,.label-undecided,.severity-major{background:#fff8c5}
.verdict-needs-evidence,.status-assumed,.status-answered{background:#ddf4ff}
.verdict-reject,.sev-error,.status-unsupported,.label-out,.severity-critical,.status-open{background:#ffebe9}
.badge.thesis{background:#1f2328;color:#fff}
li.entry{margin-bottom:8px}
li.entry p{margin:2px 0}
.stale{color:#9a6700}
.response{color:#0550ae}
main{padding:4px 18px 24px;max-width:1100px}
.counts{display:inline-block;vertical-align:top;margin-right:28px}
.counts ul{list-style:none;padding:0;margin:0}
table{border-collapse:collapse}
td,th{border:1px solid #d0d7de;padding:3px 8px;text-align:left}
"""

_JS = """
(function () {
  "use strict";
  var current = null;
  function show(panelId, scrollMap) {
    var panel = document.getElementById(panelId);
    if (!panel || !panel.classList.contains("element")) { return; }
    if (current) { current.classList.remove("active"); }
    panel.classList.add("active");
    current = panel;
    document.getElementById("panel-hint").hidden = true;
    var nodes = document.querySelectorAll("#map [data-panel]");
    var node = null;
    for (var i = 0; i < nodes.length; i++) {
      var on = nodes[i].getAttribute("data-panel") === panelId;
      nodes[i].classList.toggle("selected", on);
      if (on) { node = nodes[i]; }
    }
    if (scrollMap) { document.querySelector(".layout").scrollIntoView({block: "start"}); }
    if (node && scrollMap) { node.scrollIntoView({block: "nearest", inline: "center"}); }
    document.getElementById("panel").scrollTop = 0;
    if (window.history && history.replaceState) { history.replaceState(null, "", "#" + panelId); }
  }
  document.addEventListener("click", function (ev) {
    var target = ev.target.closest ? ev.target.closest("[data-panel]") : null;
    if (!target) { return; }
    ev.preventDefault();
    show(target.getAttribute("data-panel"), !target.closest("#map"));
  });
  document.addEventListener("keydown", function (ev) {
    var target = ev.target.closest ? ev.target.closest("#map [data-panel]") : null;
    if (target && (ev.key === "Enter" || ev.key === " ")) {
      ev.preventDefault();
      show(target.getAttribute("data-panel"), false);
    }
  });
  var fit = document.getElementById("fit");
  if (fit) {
    fit.addEventListener("click", function () {
      var map = document.getElementById("map");
      map.classList.toggle("fit");
      fit.textContent = map.classList.contains("fit") ? "Actual size" : "Fit to width";
    });
  }
  if (location.hash.length > 1) { show(decodeURIComponent(location.hash.slice(1)), true); }
})();
"""


def _csp() -> str:
    digest = base64.b64encode(hashlib.sha256(_JS.encode("utf-8")).digest()).decode("ascii")
    return f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-{digest}'"


def write(report: ReviewReport) -> str:
    """The whole report as one HTML document."""
    svg, note = _diagram(report)
    title = esc(report.title or report.map_file)
    audit = "audit not available" if report.findings is None else f"{len(report.findings)} audit findings"
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_csp()}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Review report: {title}</title><style>{_CSS}</style></head><body>",
        f"<header><h1>Review report: {title}</h1>",
        f'<div class="meta">Map {esc(report.map_file)} · sha256 {esc(report.map_sha256[:12])} · {audit} · '
        f"evaluation {'included' if report.evaluated else 'not available'} · {len(report.reviews)} review(s), "
        f"{len(report.entries)} entries, {len(report.open_entries)} open, {len(report.stale)} stale</div></header>",
        '<div class="layout"><div id="map">',
    ]
    if svg:
        out.append('<div id="map-tools"><button id="fit" type="button">Fit to width</button></div>')
        out.append(svg)
    else:
        out.append(f'<p class="meta" style="padding:12px">{esc(note)}</p>')
    out.append('</div><div id="panel"><p id="panel-hint" class="meta">Click a claim, step or evidence note in '
               "the map, or an id below, to see its text, quote, evidence, findings and reviews here.</p>")
    out += [_panel(v, report) for v in report.elements]
    out.append("</div></div><main>")

    out.append("<h2>Summary</h2>")
    out.append(_counts("Verdicts", report.verdict_counts(), "verdict"))
    out.append(_counts("Severity", report.severity_counts(), "severity"))
    out.append(_counts("Status", report.status_counts(), "status"))
    opened = report.open_entries
    out.append(f"<h3>Open items ({len(opened)})</h3>")
    out.append("<ul>" + "".join(_entry(e, report, with_target=True) for e in opened) + "</ul>")

    out.append("<h2>Reviews</h2><table><tr><th>file</th><th>reviewer</th><th>date</th><th>entries</th><th>map version</th></tr>")
    for r in report.reviews:
        state = "changed since review (stale)" if r.map_changed else "current"
        if r.other_map:
            state += f"; the review names {esc(r.names_map)}"
        out.append(f"<tr><td>{esc(r.file)}</td><td>{esc(r.reviewer)}</td><td>{esc(r.date)}</td><td>{r.entries}</td><td>{state}</td></tr>")
    out.append("</table>")

    disagreements = report.disagreements()
    out.append(f"<h2>Disagreements ({len(disagreements)})</h2>")
    if not disagreements:
        out.append('<p class="meta">Reviewers agree wherever more than one reviewed the same element.</p>')
    for d in disagreements:
        out.append(f"<h3>{_link(report, d.target)}</h3><ul>" + "".join(_entry(e, report) for e in d.entries) + "</ul>")

    stale = report.stale
    out.append(f"<h2>Stale review entries ({len(stale)})</h2>")
    if not stale:
        out.append('<p class="meta">Every review is of the current map and every target still exists.</p>')
    else:
        out.append("<ul>" + "".join(_entry(e, report, with_target=True) for e in stale) + "</ul>")

    findings = report.findings or []
    out.append(f"<h2 id=\"findings\">Findings ({len(findings)})</h2>")
    if report.findings is None:
        out.append('<p class="meta">The audit is not available in this installation.</p>')
    out.append('<ul class="findings">' + "".join(_finding(f, report) for f in findings) + "</ul>")

    out.append("<h2>Elements</h2><ul class=\"toc\">")
    for v in report.elements:
        flags = f" · {len(v.findings)} findings" if v.findings else ""
        flags += f" · {len(v.entries)} reviews" if v.entries else ""
        out.append(f"<li>{v.kind} {_link(report, v.id)} {esc(v.text[:120])}{flags}</li>")
    out.append("</ul></main>")
    out.append(f"<script>{_JS}</script></body></html>")
    return "\n".join(out) + "\n"
