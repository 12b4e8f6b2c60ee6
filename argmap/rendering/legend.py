"""The legend: a key drawn below the laid-out diagram, for exactly the marks it uses.

It is not part of the Graphviz graph, so it never moves the map's nodes
apart: :func:`add_legend` draws it into the finished SVG and makes the canvas
taller. ``compact`` (the default) gives each mark a sample and a word or two,
in rows as wide as the map; ``full`` says what each mark means; ``none``
leaves it out. Findings about the whole map (no element to mark) and the
number of findings below ``--min-severity`` are listed under it.

>>> svg = '<svg width="200pt" height="50pt"\\n viewBox="0.00 0.00 200.00 50.00">\\n<g id="argmap"></g>\\n</svg>\\n'
>>> out = add_legend(svg, Legend(["claim", "attack"]))
>>> 'id="legend"' in out and ">attack<" in out and 'height="' in out
True
>>> add_legend(svg, Legend(["claim"], mode="none")) == svg
True
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import AnyStr

from argmap.rendering import LEGENDS, style
from argmap.rendering.fonts import CSS_FAMILIES
from argmap.rendering.labels import shorten

__all__ = ["MODES", "ORDER", "Legend", "add_legend", "legend_svg"]

MODES = LEGENDS
"""``--legend``: short words, full explanations, or no legend."""

ORDER = [
    "thesis", "critical", "group", "claim", "assumption", "evidence", "junction", "support", "attack", "undercut",
    "evidence-link", "flag-error", "flag-warning", "flag-info", "flag-step",
] + [f"{scheme}-{value}" for scheme, values in style.FILL_BY.items() for value in values]
"""Reading order of the items: marks, then the fills of the colour scheme in use."""

FONT_SIZE = 9.0
ROW = 16.0
"""Height of a row of items (pt)."""
SAMPLE = 24.0
"""Width of a sample (pt)."""
CHAR = 0.53
"""Width of an average character in ems (Liberation Sans averages about 0.49): generous."""
PAD = 8.0


@dataclass
class Legend:
    """What the legend explains: mark keys (see :data:`ORDER`), map-level findings, hidden counts."""

    keys: list[str]
    map_findings: list[tuple[str, str]] = field(default_factory=list)
    """(severity, text) of findings about the whole map."""
    hidden: dict[str, int] = field(default_factory=dict)
    """Severity → how many findings are not drawn (below ``--min-severity``)."""
    min_severity: str = "info"
    mode: str = "compact"


def _width(text: str, size: float = FONT_SIZE) -> float:
    return len(text) * CHAR * size


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _text(x: float, y: float, words: str, *, size: float = FONT_SIZE, fill: str = style.INK, extra: str = "") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-family="{CSS_FAMILIES}" font-size="{size:.2f}" fill="{fill}"{extra}>'
            f"{_esc(words)}</text>")


def _box(x: float, y: float, *, fill: str = "white", stroke: str = style.INK, width: float = 1.0,
         dash: str = "", rx: float = 3.0, w: float = SAMPLE, h: float = 10.0) -> str:
    dashes = {"dashed": ' stroke-dasharray="4,2"', "dotted": ' stroke-dasharray="1,2"'}.get(dash, "")
    return (f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" rx="{rx}" fill="{fill}" '
            f'stroke="{stroke}" stroke-width="{width}"{dashes}/>')


def _arrow(x: float, y: float, *, color: str, head: str = "normal", dash: str = "", width: float = 1.0) -> str:
    """A short edge from left to right ending in ``head`` (normal, tee, teetee, empty)."""
    end = x + SAMPLE
    dashes = {"dashed": ' stroke-dasharray="4,2"', "dotted": ' stroke-dasharray="1,2"'}.get(dash, "")
    parts = [f'<path d="M{x:.1f},{y:.1f} L{end - 1:.1f},{y:.1f}" stroke="{color}" stroke-width="{width}" fill="none"{dashes}/>']
    if head in ("normal", "empty"):
        fill = color if head == "normal" else "white"
        parts.append(f'<polygon points="{end - 6:.1f},{y - 3:.1f} {end:.1f},{y:.1f} {end - 6:.1f},{y + 3:.1f}" '
                     f'fill="{fill}" stroke="{color}"/>')
    else:
        for k in range(2 if head == "teetee" else 1):
            bx = end - 1 - 3 * k
            parts.append(f'<path d="M{bx:.1f},{y - 4:.1f} L{bx:.1f},{y + 4:.1f}" stroke="{color}" stroke-width="1.5"/>')
    return "".join(parts)


def _sample(key: str, x: float, y: float) -> str:
    """The sample of ``key`` in a cell whose vertical middle is ``y``."""
    top = y - 5
    sev = key[5:] if key.startswith("flag-") else ""
    if key == "thesis":
        return _box(x - 1.5, top - 1.5, w=SAMPLE + 3, h=13, width=1.0) + _box(x + 1, top + 1, w=SAMPLE - 2, h=8, width=1.5)
    if key == "critical":
        return _arrow(x, y, color=style.CRITICAL, width=3.0)
    if key == "claim":
        return _box(x, top)
    if key == "assumption":
        return _box(x, top) + (f'<path d="M{x + 4:.1f},{top:.1f} L{x:.1f},{top + 4:.1f} M{x + SAMPLE - 4:.1f},{top + 10:.1f} '
                               f'L{x + SAMPLE:.1f},{top + 6:.1f}" stroke="{style.INK}"/>')
    if key == "evidence":
        return _box(x, top, fill=style.EVIDENCE_FILL, rx=0)
    if key == "junction":
        mid = x + 12
        return (f'<path d="M{x:.1f},{y - 4:.1f} L{mid:.1f},{y:.1f} L{x:.1f},{y + 4:.1f}" stroke="{style.INK}" fill="none"/>'
                f'<path d="M{mid:.1f},{y:.1f} L{x + SAMPLE - 1:.1f},{y:.1f}" stroke="{style.INK}"/>'
                f'<polygon points="{x + SAMPLE - 6:.1f},{y - 3:.1f} {x + SAMPLE:.1f},{y:.1f} {x + SAMPLE - 6:.1f},{y + 3:.1f}" '
                f'fill="{style.INK}" stroke="{style.INK}"/>'
                f'<circle cx="{mid:.1f}" cy="{y:.1f}" r="2.5" fill="{style.JUNCTION_FILL}"/>')
    if key in ("support", "attack", "undercut", "evidence-link"):
        color = {"support": style.INK, "evidence-link": style.MUTED}.get(key, style.ATTACK)
        head = {"support": "normal", "attack": "tee", "undercut": "teetee", "evidence-link": "empty"}[key]
        return _arrow(x, y, color=color, head=head, width=1.5 if key == "undercut" else 1.0)
    if key == "flag-step":
        return _arrow(x, y, color=style.SEVERITY_COLOR["warning"], dash="dashed")
    if sev:
        return _box(x, top, fill=style.SEVERITY_TINT[sev], stroke=style.SEVERITY_COLOR[sev], width=2,
                    dash=style.SEVERITY_DASH[sev])
    scheme, _, value = key.partition("-")
    return _box(x, top, fill=style.FILL_BY.get(scheme, {}).get(value, "white"))


def _words(key: str, mode: str) -> str:
    table = style.LEGEND_SHORT if mode == "compact" else {k: v[1] for k, v in style.LEGEND.items()}
    return table.get(key, key)


def legend_svg(legend: Legend, width: float) -> tuple[str, float, float]:
    """The legend as SVG elements from (0, 0), rows at most ``width`` pt wide; and its width and height."""
    keys = [k for k in ORDER if k in legend.keys] + [k for k in legend.keys if k not in ORDER and k in style.LEGEND]
    width = max(width, 320.0)
    parts: list[str] = []
    x, y = PAD, PAD + ROW / 2
    title = "Key"
    parts.append(_text(x, y + 3, title, extra=' font-weight="bold"'))
    x += _width(title) + 8
    used = x
    for key in keys:
        words = _words(key, legend.mode)
        item = SAMPLE + 5 + _width(words) + 12
        if x + item > width - PAD and x > PAD + _width(title) + 8:
            x, y = PAD + _width(title) + 8, y + ROW
        parts.append(f'<g class="legend-item {key}">' + _sample(key, x, y) + _text(x + SAMPLE + 5, y + 3, words) + "</g>")
        x += item
        used = max(used, x)
    lines: list[tuple[str, str]] = []
    if legend.map_findings:
        room = max(20, int((width - 2 * PAD) / (CHAR * FONT_SIZE)))
        lines.append((style.INK, "Findings on the whole map:"))
        lines += [(style.SEVERITY_COLOR.get(sev, style.INK), shorten(f"[{sev}] {text}", room)) for sev, text in legend.map_findings]
    hidden = [f"{n} {'note' if sev == 'info' else sev}{'' if n == 1 else 's'}" for sev, n in legend.hidden.items() if n]
    if hidden:
        lines.append((style.MUTED, f"Not marked: {' and '.join(hidden)} (--min-severity {_lowest(legend.hidden)} marks them)"))
    for colour, words in lines:
        y += ROW
        parts.append(_text(PAD, y + 3, words, fill=colour))
        used = max(used, PAD + _width(words) + PAD)
    height = y + ROW / 2 + PAD
    used = min(max(used, 200.0), width)
    frame = (f'<rect x="0.5" y="0.5" width="{used - 1:.1f}" height="{height - 1:.1f}" rx="4" fill="white" '
             f'stroke="{style.MUTED}"/>')
    return frame + "".join(parts), used, height


def _lowest(hidden: dict[str, int]) -> str:
    return min((s for s, n in hidden.items() if n), key=["info", "warning", "error"].index)


_HEAD = re.compile(rb'<svg width="([0-9.]+)pt" height="([0-9.]+)pt"\s+viewBox="([-0-9. ]+)"')


def add_legend(svg: AnyStr, legend: Legend) -> AnyStr:
    """Draw ``legend`` below the diagram of a Graphviz SVG (bytes or text) and make the canvas fit it.

    The diagram's bytes are copied once (a 5000-claim SVG is 13 MB)."""
    if legend.mode == "none" or not (legend.keys or legend.map_findings or any(legend.hidden.values())):
        return svg
    if isinstance(svg, str):
        return add_legend(svg.encode("utf-8"), legend).decode("utf-8")
    m = _HEAD.search(svg)
    end = svg.rfind(b"</svg>")
    if not m or end < 0:
        return svg
    w, h = float(m.group(1)), float(m.group(2))
    body, lw, lh = legend_svg(legend, w - 8)
    new_w, new_h = max(w, lw + 8), h + lh + 4
    head = f'<svg width="{new_w:.0f}pt" height="{new_h:.0f}pt"\n viewBox="0.00 0.00 {new_w:.2f} {new_h:.2f}"'
    group = (f'<g id="legend" class="legend" transform="translate(4 {h:.2f})">\n'
             f'<rect x="-4" y="-0.5" width="{new_w:.2f}" height="{lh + 4.5:.2f}" fill="white"/>\n{body}\n</g>\n')
    whole = memoryview(svg)
    return b"".join((whole[: m.start()], head.encode("utf-8"), whole[m.end(): end], group.encode("utf-8"), whole[end:]))
