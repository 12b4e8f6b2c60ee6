"""The allow-list SVG sanitiser: only the elements and attributes Graphviz writes survive.

The renderer's SVG is parsed and rebuilt keeping the elements in
:data:`ELEMENTS` and, on them, the attributes in :data:`ATTRIBUTES`; anything
else (scripts, ``foreignObject``, images, animation, event handlers, styles)
is dropped with its content. Links keep only ``#fragment`` and plain http(s)
targets; paint may refer only to the document's own gradients (``url(#id)``).
Nodes named in ``panels`` get ``data-panel``, a tab stop and the button role;
the drawing is put in the group the map pane pans and zooms.

>>> svg = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
...        '<g id="claim-a" class="node" onclick="x()"><script>x()</script><image href="http://e/x.png"/>'
...        '<a xlink:href="javascript:x()" xlink:title="t"><text x="1" style="a">A</text></a></g></svg>')
>>> print(sanitize_svg(svg, {"claim-a": "panel-claim-a"}))  # doctest: +NORMALIZE_WHITESPACE
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" id="map-svg"><g
 class="svg-pan-zoom_viewport"><g id="claim-a" class="node" data-panel="panel-claim-a" tabindex="0"
 role="button"><a xlink:title="t"><text x="1">A</text></a></g></g></svg>
"""

from __future__ import annotations

import re
from typing import Optional
from xml.etree import ElementTree as ET

from argmap.reports.page.shell import safe_url

__all__ = ["ELEMENTS", "ATTRIBUTES", "sanitize_svg"]

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"

ELEMENTS = frozenset({
    "svg", "g", "title", "desc", "a", "polygon", "polyline", "path", "ellipse", "circle", "rect", "line",
    "text", "tspan", "defs", "linearGradient", "radialGradient", "stop",
})
"""SVG elements Graphviz's SVG renderer writes (images excepted: a page loads nothing)."""

ATTRIBUTES = frozenset({
    "id", "class", "transform", "width", "height", "viewBox", "preserveAspectRatio",
    "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "d", "points", "offset",
    "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-dasharray", "stroke-opacity",
    "stroke-linecap", "stroke-linejoin", "stop-color", "stop-opacity", "gradientUnits", "gradientTransform",
    "text-anchor", "font-family", "font-size", "font-weight", "font-style", "text-decoration",
    f"{{{XML_NS}}}space", f"{{{XLINK_NS}}}title", f"{{{XLINK_NS}}}href", "href", "target",
})
"""Attributes kept (qualified names for the ``xml:`` and ``xlink:`` ones)."""

_HREF = {"href", f"{{{XLINK_NS}}}href"}
_TARGETS = {"_blank", "_top", "_self", "_parent"}
_URL_REF = re.compile(r"url\(\s*([^)]*)\)", re.I)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _value_ok(name: str, value: str) -> bool:
    if name in _HREF:
        return value.startswith("#") or safe_url(value) is not None
    if name == "target":
        return value in _TARGETS
    return all(ref.strip().startswith("#") for ref in _URL_REF.findall(value))


_TOOLTIP = {f"{{{SVG_NS}}}title", f"{{{XLINK_NS}}}title"}


def _clean(el: ET.Element, tooltips: bool) -> None:
    for child in list(el):
        if (not child.tag.startswith(f"{{{SVG_NS}}}") or _local(child.tag) not in ELEMENTS
                or (not tooltips and child.tag in _TOOLTIP)):
            el.remove(child)
        else:
            _clean(child, tooltips)
            if not tooltips and _wrapper(child):
                _unwrap(el, child)
    for name in [n for n, v in el.attrib.items()
                 if n not in ATTRIBUTES or not _value_ok(n, v) or (not tooltips and n in _TOOLTIP)]:
        del el.attrib[name]


_A, _G = f"{{{SVG_NS}}}a", f"{{{SVG_NS}}}g"


def _wrapper(el: ET.Element) -> bool:
    """A link left with no attributes (its tooltip dropped), or the group Graphviz puts around a
    node's link (``<g id="a_NODE">``) left with nothing else: neither does anything, and a big
    map has two of them for each of its thousands of elements."""
    if el.tag == _A:
        return not el.attrib
    return el.tag == _G and el.attrib.keys() == {"id"} and el.get("id", "").startswith("a_") and not (el.text or "").strip()


def _unwrap(parent: ET.Element, el: ET.Element) -> None:
    """Put ``el``'s children in its place (the browser then has thousands fewer elements)."""
    at = list(parent).index(el)
    parent.remove(el)
    parent[at:at] = list(el)


def sanitize_svg(svg: str, panels: dict[str, str], *, tooltips: bool = True, wide_edges: bool = True,
                 lazy_text: bool = False) -> Optional[str]:
    """The renderer's SVG made safe to inline, nodes tagged with ``data-panel``.

    ``panels`` maps SVG element ids (``claim-a``) to panel ids. Returns None
    when the SVG is not well-formed XML or its root is not ``svg``. A page
    for a big map may leave out the tooltips (``title``) and the wide
    invisible strokes that make thin edges easy to click: both cost the
    browser time on every one of thousands of elements; without tooltips,
    the links and groups Graphviz wrote to carry them go too (their
    content stays). ``lazy_text`` marks
    the root ``lazy``: the map pane then lays out the text of only the
    elements in view (``static/mappane.js``).
    """
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    try:
        root = ET.fromstring(svg.encode("utf-8"))
    except ET.ParseError:
        return None
    if root.tag != f"{{{SVG_NS}}}svg":
        return None
    _clean(root, tooltips)
    for el in root.iter():
        panel = panels.get(el.get("id", ""))
        if panel is not None:
            el.set("data-panel", panel)
            el.set("tabindex", "0")
            el.set("role", "button")
            if wide_edges and "edge" in el.get("class", "").split():
                _widen(el)
    _viewport(root)
    root.set("id", "map-svg")
    if lazy_text:
        root.set("class", "lazy")
    return ET.tostring(root, encoding="unicode")


def _viewport(root: ET.Element) -> None:
    """Put the drawing in the group svg-pan-zoom transforms (``svg-pan-zoom_viewport``), as it
    would itself: moving a big drawing in the browser costs it a second full layout."""
    group = ET.Element(f"{{{SVG_NS}}}g", {"class": "svg-pan-zoom_viewport"})
    for child in [c for c in root if c.tag != f"{{{SVG_NS}}}defs"]:
        root.remove(child)
        group.append(child)
    group.text, root.text = root.text, None
    root.append(group)


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
