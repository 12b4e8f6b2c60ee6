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

__all__ = ["FIRST_PASS", "rank_statements", "pinned_statements"]

FIRST_PASS = {"splines": "none", "outputorder": "nodesfirst", "newrank": "true"}
"""Graph attributes of pass one: no edge routing (pass two draws the edges), and
the ranking that lets a ``rank=same`` group hold nodes of several clusters (sections)."""


def rank_statements(plan: LayerPlan) -> list[str]:
    """DOT lines of pass one: the layers as ``rank=same`` groups, then the edges
    between adjacent layers, upper node first (so a reversed edge is turned round)."""
    lines = []
    for row in plan.layers():
        if row:
            lines.append("\t{rank=same; " + " ".join(f'"{name}";' for name in row) + "}\n")
    for k in range(len(plan.edges)):
        if plan.span(k) == 1:
            upper, lower = plan.downward(k)
            lines.append(f'\t"{upper}" -> "{lower}"\n')
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
        if name.startswith("%"):  # Graphviz's own name for an anonymous subgraph: nothing to pin
            continue
        if "pos" in obj:
            lines.append(f'\t"{name}" [pos="{obj["pos"]}"]\n')
        elif "bb" in obj:
            extra = f' lp="{obj["lp"]}"' if "lp" in obj else ""
            lines.append(f'\tsubgraph "{name}" {{graph [bb="{obj["bb"]}"{extra}]}}\n')
    return lines
