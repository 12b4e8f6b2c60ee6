"""The two Graphviz passes of a layered layout (see :mod:`argmap.rendering.layered`).

Pass one hands ``dot`` the nodes, one ``rank=same`` group per layer and only
the edges between adjacent layers, each pointing down; dot orders the layers
and places the nodes, with no virtual nodes and no edge routing
(``splines=none``), and reports the positions as JSON. Pass two is the whole
diagram, every edge as it is drawn (premise to conclusion), with each node
pinned where pass one put it; Graphviz's ``nop2`` engine (``neato -n2``) then
draws the edges straight between the pinned nodes and writes the picture.

>>> from argmap.rendering.layered import plan_layers
>>> plan = plan_layers(["a", "b", "c"], [("a", "b"), ("b", "c"), ("a", "c")])
>>> for line in rank_statements(plan): print(line.strip())
{rank=same; "a";}
{rank=same; "b";}
{rank=same; "c";}
"a" -> "b"
"b" -> "c"
>>> apart = plan_layers(["a", "b", "c"], [("a", "b")], width=1)  # c alone on top: nothing joins it to a
>>> [line.strip() for line in rank_statements(apart) if "~" in line][2:]
['{rank=same; "~layer0"; "c";}', '{rank=same; "~layer1"; "a";}', '"~layer0" -> "~layer1" [style="invis"]']
>>> layout = b'{"bb": "0,0,80,90", "objects": [{"name": "a", "pos": "27,72"}, {"name": "cluster_x", "bb": "1,2,3,4"}]}'
>>> for line in pinned_statements(layout): print(line.strip())
graph [bb="0,0,80,90"]
"a" [pos="27,72"]
subgraph "cluster_x" {graph [bb="1,2,3,4"]}
"""

from __future__ import annotations

import json

from argmap.rendering.labels import dot_text
from argmap.rendering.layered import LayerPlan

__all__ = ["FIRST_PASS", "ANCHOR", "rank_statements", "pinned_statements"]

FIRST_PASS = {"splines": "none", "outputorder": "nodesfirst", "newrank": "true"}
"""Graph attributes of pass one: no edge routing (pass two draws the edges), and
the ranking that lets a ``rank=same`` group hold nodes of several clusters (sections)."""


ANCHOR = "~layer"
"""Names of pass one's invisible anchors (see :func:`rank_statements`)."""


def rank_statements(plan: LayerPlan) -> list[str]:
    """DOT lines of pass one: the layers as ``rank=same`` groups, then the edges
    between adjacent layers, upper node first (so a reversed edge is turned round).
    Two adjacent layers that no such edge joins get an invisible anchor each, and
    an edge between them, so that every layer keeps its rank."""
    rows = plan.layers()
    short = [plan.downward(k) for k in range(len(plan.edges)) if plan.span(k) == 1]
    joined = {plan.layer[upper] for upper, _ in short}
    gaps = [n for n in range(len(rows) - 1) if n not in joined]
    anchored = {n for gap in gaps for n in (gap, gap + 1)}
    lines = [f'\t"{ANCHOR}{n}" [label="" shape="point" style="invis" width="0" height="0"]\n' for n in sorted(anchored)]
    for n, row in enumerate(rows):
        names = ([f"{ANCHOR}{n}"] if n in anchored else []) + row
        lines.append("\t{rank=same; " + " ".join(f'"{name}";' for name in names) + "}\n")
    lines += [f'\t"{ANCHOR}{n}" -> "{ANCHOR}{n + 1}" [style="invis"]\n' for n in gaps]
    lines += [f'\t"{upper}" -> "{lower}"\n' for upper, lower in short]
    return lines


def pinned_statements(layout_json: bytes) -> list[str]:
    """DOT lines of pass two from pass one's ``json0`` output: the bounding box,
    every node's position and every cluster's box. Node names are argmap's own;
    none begins with ``%``, which would make Graphviz treat the node as anonymous."""
    data = json.loads(layout_json)
    lines = []
    for key in ("bb", "lp"):
        if key in data:
            lines.append(f'\tgraph [{key}="{data[key]}"]\n')
    for obj in data.get("objects", []):
        name = dot_text(obj.get("name", ""))
        if name.startswith(("%", ANCHOR)):  # an anonymous subgraph, or pass one's own anchors
            continue
        if "pos" in obj:
            lines.append(f'\t"{name}" [pos="{obj["pos"]}"]\n')
        elif "bb" in obj:
            extra = f' lp="{obj["lp"]}"' if "lp" in obj else ""
            lines.append(f'\tsubgraph "{name}" {{graph [bb="{obj["bb"]}"{extra}]}}\n')
    return lines
