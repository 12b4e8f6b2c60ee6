"""The legend: a cluster that explains exactly the marks a diagram uses.

Each item is a sample (a node drawn like the real ones, or a short edge)
with its meaning from :data:`argmap.rendering.style.LEGEND`. Items sit in
rows of a few above a top-down map, or in one column beside a left-right one.

>>> text = "".join(legend_lines(["claim", "attack"], [], flip=False))
>>> "cluster_legend" in text and "attack: the premises argue against the conclusion" in text
True
>>> legend_lines([], [], flip=False)
[]
"""

from __future__ import annotations

from argmap.rendering import style
from argmap.rendering.dot import edge_stmt, node_stmt
from argmap.rendering.labels import dot_text, lines_label, shorten

__all__ = ["ORDER", "ROW", "COLUMN", "legend_lines"]

ORDER = [
    "thesis", "claim", "assumption", "evidence", "junction", "support", "attack", "undercut",
    "evidence-link", "flag-error", "flag-warning", "flag-info", "flag-step",
] + [f"{scheme}-{value}" for scheme, values in style.FILL_BY.items() for value in values]
"""Reading order of the items: marks, then the fills of the colour scheme in use."""

ROW = 4
COLUMN = 16
"""Items per row (top-down maps) and per column (left-right maps)."""

_IN = "\t\t"
_CHAR_WIDTH = 0.075
"""Inches per character of legend text (9 pt Liberation Sans, generously): wide enough for the longest."""


def _sample_node(key: str) -> dict:
    attrs: dict = {"shape": "box", "style": "rounded,filled", "fillcolor": "white"}
    if key == "thesis":
        attrs.update(peripheries="2")
    elif key == "assumption":
        attrs["style"] = "rounded,filled,diagonals"
    elif key == "evidence":
        attrs.update(shape="note", style="filled", fillcolor=style.EVIDENCE_FILL)
    elif key == "junction":
        attrs.update(shape="circle", width="0.1", fixedsize="true", style="filled", fillcolor=style.JUNCTION_FILL)
    elif key.startswith("flag-"):
        sev = key[5:]
        attrs.update(style=f"rounded,filled,{style.SEVERITY_DASH[sev]}", color=style.SEVERITY_COLOR[sev],
                     penwidth="2", fillcolor=style.SEVERITY_TINT[sev])
    else:
        scheme, _, value = key.partition("-")
        attrs["fillcolor"] = style.FILL_BY.get(scheme, {}).get(value, "white")
    return attrs


def _sample_edge(key: str) -> dict:
    return {
        "support": {"color": style.INK},
        "attack": {"color": style.ATTACK, "arrowhead": "tee"},
        "undercut": {"color": style.ATTACK, "arrowhead": "teetee", "penwidth": "1.5"},
        "evidence-link": {"color": style.MUTED, "arrowhead": "empty"},
        "flag-step": {"color": style.SEVERITY_COLOR["warning"], "style": "dashed"},
    }.get(key, {})


def legend_lines(used: list[str], map_findings: list[tuple[str, str]], *, flip: bool) -> list[str]:
    """DOT lines of the legend cluster for the marks in ``used``.

    ``map_findings`` are (severity, text) of findings about the whole map
    (no element to mark), listed at the end. ``flip`` is True for LR layouts.
    """
    keys = [k for k in ORDER if k in used] + [k for k in used if k not in ORDER]
    if not keys and not map_findings:
        return []
    lines = [
        "\tsubgraph cluster_legend {\n",
        f'{_IN}class="legend" color="{style.MUTED}" fontsize="10" id="legend" label="Legend" style="rounded"\n',
        f'{_IN}node [class="legend" fontsize="9"]\n',
    ]
    items: list[list[str]] = []
    seconds: list[str] = []
    beside = [style.LEGEND[k][1] for k in keys if k == "junction" or style.LEGEND[k][0] == "edge"]
    # left-right: the words of edge samples share one column; one width and left-aligned
    # text there give every sample edge the same length
    column = {"width": f"{max(map(len, beside), default=0) * _CHAR_WIDTH:.2f}"} if flip else {}
    for n, key in enumerate(keys):
        kind, words = style.LEGEND[key]
        first, second = f"~legend{n}", f"~legend{n}b"
        text = dot_text(words)
        if key == "junction" or kind == "edge":
            sample = _sample_node(key) if key == "junction" else {
                "shape": "point", "width": "0.05", "color": style.MUTED}
            group = {"group": f"legend{n}"} if flip else {}  # keeps sample and words on one line
            lines.append(node_stmt(first, "", {"id": f"legend-{n}", **sample, **group}, _IN))
            words_label = text + "\\l" if flip else text
            lines.append(node_stmt(second, words_label, {"id": f"legend-{n}b", "shape": "plaintext", **group, **column}, _IN))
            arrow = _sample_edge(key) if kind == "edge" else {"style": "invis"}
            if flip:
                arrow = {**arrow, "weight": "100"}  # straight: the words beside their sample
            lines.append(edge_stmt(first, second, arrow, _IN))
            # top-down: sample and words side by side in one row; left-right: the words
            # go one rank further right, so each item keeps to one line of the column
            items.append([first] if flip else [first, second])
            seconds.append(second)
        else:
            lines.append(node_stmt(first, text, {"id": f"legend-{n}", **_sample_node(key)}, _IN))
            items.append([first])
    if map_findings:
        worst = max(map_findings, key=lambda sf: {"info": 0, "warning": 1, "error": 2}.get(sf[0], 0))[0]
        text = lines_label(["Findings on the whole map:"] + [shorten(t, 90) for _, t in map_findings], align="left")
        tip = lines_label([t for _, t in map_findings])
        lines.append(node_stmt("~legend-map", text, {
            "id": "legend-map", "shape": "plaintext", "fontcolor": style.SEVERITY_COLOR.get(worst, style.INK),
            "tooltip": tip}, _IN))
        items.append(["~legend-map"])
    per_row = COLUMN if flip else ROW
    rows = [items[k:k + per_row] for k in range(0, len(items), per_row)]
    for row in rows:
        lines.append(_IN + "{rank=same; " + " ".join(f'"{x}";' for item in row for x in item) + "}\n")
        for before, after in zip(row, row[1:]):  # reading order (flat edges run upwards in LR)
            pair = (after[0], before[-1]) if flip else (before[-1], after[0])
            lines.append(edge_stmt(*pair, {"style": "invis"}, _IN))
    if flip and seconds:  # the words column, in the same order as the samples
        lines.append(_IN + "{rank=same; " + " ".join(f'"{x}";' for x in seconds) + "}\n")
        for before, after in zip(seconds, seconds[1:]):
            lines.append(edge_stmt(after, before, {"style": "invis"}, _IN))
    for above, below in zip(rows, rows[1:]):
        lines.append(edge_stmt(above[0][0], below[0][0], {"style": "invis"}, _IN))
    lines.append("\t}\n")
    return lines
