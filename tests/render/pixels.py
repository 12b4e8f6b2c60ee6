"""Reading rasterised diagrams: where the SVG says text is, and where the PNG has ink."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from PIL import Image

SVG = "{http://www.w3.org/2000/svg}"
_NUM = re.compile(r"-?[0-9.]+")


@dataclass
class Box:
    """A node's text lines (baseline y, font size, centre x) and its outline's bounds, in SVG units."""

    id: str
    left: float
    top: float
    right: float
    bottom: float
    lines: list[tuple[float, float, float]]


def svg_boxes(svg: str, kind: str = "claim") -> tuple[list[Box], float, float]:
    """The ``kind`` nodes of a Graphviz SVG, and the graph's translation (x, y)."""
    root = ET.fromstring(svg.encode("utf-8"))
    graph = root.find(f"{SVG}g")
    tx, ty = (float(v) for v in re.search(r"translate\(([-0-9.]+)[ ,]([-0-9.]+)\)", graph.get("transform")).groups())
    boxes = []
    for g in root.iter(f"{SVG}g"):
        classes = (g.get("class") or "").split()
        if "node" not in classes or kind not in classes:
            continue
        outline = next(e for e in g.iter() if e.tag in (f"{SVG}path", f"{SVG}polygon"))
        coords = [float(v) for v in _NUM.findall(outline.get("d") or outline.get("points"))]
        xs, ys = coords[0::2], coords[1::2]
        lines = [(float(t.get("y")), float(t.get("font-size")), float(t.get("x"))) for t in g.iter(f"{SVG}text")]
        boxes.append(Box(g.get("id"), min(xs), min(ys), max(xs), max(ys), lines))
    return boxes, tx, ty


def image(png: bytes) -> Image.Image:
    return Image.open(io.BytesIO(png)).convert("L")


def ink_rows(img: Image.Image, left: int, top: int, right: int, bottom: int, dark: int = 160) -> list[int]:
    """Rows of the rectangle that have at least one dark pixel."""
    crop = img.crop((left, top, right, bottom))
    w, h = crop.size
    data = crop.tobytes()
    return [top + y for y in range(h) if min(data[y * w:(y + 1) * w], default=255) < dark]


def bands(rows: list[int], gap: int = 1) -> list[tuple[int, int]]:
    """Runs of consecutive rows (first, last), runs closer than ``gap`` rows merged."""
    out: list[list[int]] = []
    for r in rows:
        if out and r - out[-1][1] <= gap + 1:
            out[-1][1] = r
        else:
            out.append([r, r])
    return [(a, b) for a, b in out]
