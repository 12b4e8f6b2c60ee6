"""Layers for the diagram, computed in Python: cycle breaking, then layering.

Graphviz's ``dot`` breaks cycles by depth-first search and ranks by network
simplex; on a random or densely linked map that makes hundreds of ranks and
turns every long edge into a chain of virtual nodes, and the layout runs for
minutes. Here the diagram's graph (node names and edges, premise to
conclusion) is ordered with the greedy heuristic of Eades, Lin and Smyth
(1993) for a small feedback arc set: edges that point backwards in that order
are the ones laid out upside down. Every node then gets a layer by the
longest path to a sink of the resulting acyclic graph, so it sits just above
the highest node it points to (a premise right above its conclusion), with
conclusions nearer the bottom. Where a layer gets too wide (many premises of
one layer's conclusions, or many unlinked claims), nodes move up to layers
with room, as far as the nodes pointing to them allow. The steps are linear in nodes plus edges (plus layers times the
layers that overflow).

The renderer gives ``dot`` only the layers (as ``rank=same`` groups) and the
edges between adjacent layers; longer edges are drawn straight onto dot's
positions afterwards (see :mod:`argmap.rendering.diagram`).

>>> plan = plan_layers(["a", "b", "c"], [("a", "b"), ("b", "c"), ("c", "a")])
>>> plan.layer
{'a': 0, 'b': 1, 'c': 2}
>>> sorted(plan.reversed)
[2]
>>> plan.span(2)
2
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Iterable, Optional, Sequence

__all__ = ["LayerPlan", "feedback_order", "plan_layers", "default_width"]


def feedback_order(count: int, edges: Sequence[tuple[int, int]]) -> list[int]:
    """A linear order of nodes ``0..count-1`` with few edges pointing backwards.

    Eades–Lin–Smyth: repeatedly take away sinks (they go to the end of the
    order) and sources (to the front); when there are neither, the node whose
    out-degree exceeds its in-degree the most goes to the front. Ties go to
    the node that comes first, so the order is deterministic. Self-loops are
    ignored. Time is linear in nodes plus edges.

    >>> feedback_order(3, [(0, 1), (1, 2), (2, 0)])
    [0, 1, 2]
    >>> feedback_order(2, [(1, 0)])
    [1, 0]
    """
    succ: list[list[int]] = [[] for _ in range(count)]
    pred: list[list[int]] = [[] for _ in range(count)]
    for u, v in edges:
        if u != v:
            succ[u].append(v)
            pred[v].append(u)
    outdeg = [len(s) for s in succ]
    indeg = [len(p) for p in pred]
    alive = [True] * count
    delta = [0] * count
    # nodes that are neither sources nor sinks, bucketed by out-degree minus in-degree;
    # the stacks of sinks and sources may hold stale entries, checked when popped
    buckets: dict[int, dict[int, None]] = {}
    sinks: list[int] = []
    sources: list[int] = []
    top = 0

    def place(v: int) -> None:
        nonlocal top
        if outdeg[v] == 0:
            sinks.append(v)
        elif indeg[v] == 0:
            sources.append(v)
        else:
            delta[v] = outdeg[v] - indeg[v]
            buckets.setdefault(delta[v], {})[v] = None
            top = max(top, delta[v])

    def unbucket(v: int) -> None:
        if outdeg[v] and indeg[v]:
            bucket = buckets[delta[v]]
            del bucket[v]
            if not bucket:
                del buckets[delta[v]]

    def remove(v: int) -> None:
        alive[v] = False
        for w in succ[v]:
            if alive[w]:
                unbucket(w)
                indeg[w] -= 1
                place(w)
        for u in pred[v]:
            if alive[u]:
                unbucket(u)
                outdeg[u] -= 1
                place(u)

    for v in range(count):
        place(v)
    sinks.reverse()  # popped from the end: the first node first
    sources.reverse()
    front: list[int] = []
    back: list[int] = []
    left = count
    while left:
        if sinks:
            v = sinks.pop()
            if alive[v]:  # a sink stays a sink
                remove(v)
                back.append(v)
                left -= 1
            continue
        if sources:
            v = sources.pop()
            if alive[v] and outdeg[v]:  # a source that lost all its edges went to the sinks
                remove(v)
                front.append(v)
                left -= 1
            continue
        while top not in buckets:
            top -= 1
        v = next(iter(buckets[top]))
        unbucket(v)
        remove(v)
        front.append(v)
        left -= 1
    back.reverse()
    return front + back


@dataclass
class LayerPlan:
    """Where each node of the diagram goes: layer 0 on top.

    ``edges`` are the diagram's edges as (tail, head) names, premise to
    conclusion; ``reversed`` holds the indexes of the edges that run upwards
    (against the order), so that the layered graph has no cycle.
    """

    layer: dict[str, int]
    edges: list[tuple[str, str]]
    reversed: set[int] = field(default_factory=set)

    def span(self, k: int) -> int:
        """How many layers edge ``k`` crosses (1: between adjacent layers; 0 for a self-loop)."""
        tail, head = self.edges[k]
        return abs(self.layer[head] - self.layer[tail])

    def virtual_nodes(self) -> int:
        """The nodes a layered layout adds along edges that cross more than one layer."""
        return sum(max(0, self.span(k) - 1) for k in range(len(self.edges)))

    def downward(self, k: int) -> tuple[str, str]:
        """Edge ``k`` as (upper, lower) node names."""
        tail, head = self.edges[k]
        return (head, tail) if k in self.reversed else (tail, head)

    def layers(self) -> list[list[str]]:
        """The nodes of each layer, top to bottom, in the order they were given."""
        rows: list[list[str]] = [[] for _ in range(max(self.layer.values(), default=-1) + 1)]
        for name, n in self.layer.items():
            rows[n].append(name)
        return rows


def _balance(layer: list[int], above: list[list[int]], width: int) -> None:
    """Move nodes from layers with more than ``width`` nodes up to the nearest layer
    with room that is still below every node pointing to them; sources (nothing
    points to them) may go to new layers on top.

    Layers are taken bottom up and nodes only ever move up, so a node stays
    below the nodes pointing to it and above the nodes it points to: the
    layering stays valid. Edges only get longer, which costs the layout nothing.
    """
    if not layer:
        return
    members: dict[int, list[int]] = {}
    for v, n in enumerate(layer):
        members.setdefault(n, []).append(v)
    count = {n: len(vs) for n, vs in members.items()}
    top = 0  # the top layer's number (layers opened above it are negative)
    for n in sorted(members, reverse=True):
        for v in members[n]:
            if count[n] <= width:
                break
            bound = max((layer[u] for u in above[v]), default=None)
            target = n - 1
            while target >= top and count.get(target, 0) >= width:
                target -= 1
            if bound is not None and target <= bound:
                continue  # no room between this node and those pointing to it
            if target < top:
                top = target
            layer[v] = target
            count[n] -= 1
            count[target] = count.get(target, 0) + 1
    if top < 0:
        for v in range(len(layer)):
            layer[v] -= top


def plan_layers(nodes: Iterable[str], edges: Iterable[tuple[str, str]], width: Optional[int] = None) -> LayerPlan:
    """Break cycles (:func:`feedback_order`) and give every node a layer.

    Every edge ends up crossing at least one layer downwards once the edges
    in ``reversed`` are turned around. A name only edges know is a node too.
    No layer holds more than ``width`` nodes (default: :func:`default_width`)
    where moving nodes up can prevent it.
    """
    pairs = list(edges)
    names = list(dict.fromkeys([*nodes, *(name for pair in pairs for name in pair)]))
    index = {name: k for k, name in enumerate(names)}
    numbered = [(index[t], index[h]) for t, h in pairs]
    order = feedback_order(len(names), numbered)
    position = [0] * len(names)
    for k, v in enumerate(order):
        position[v] = k
    below: list[list[int]] = [[] for _ in names]
    turned: set[int] = set()
    for k, (t, h) in enumerate(numbered):
        if t == h:
            continue
        if position[t] < position[h]:
            below[t].append(h)
        else:
            turned.add(k)
            below[h].append(t)
    height = [0] * len(names)  # longest path down to a sink
    for v in reversed(order):  # every edge of ``below`` goes forward in the order
        for w in below[v]:
            if height[w] + 1 > height[v]:
                height[v] = height[w] + 1
    top = max(height, default=0)
    layer = [top - h for h in height]
    above: list[list[int]] = [[] for _ in names]
    for v, targets in enumerate(below):
        for w in targets:
            above[w].append(v)
    _balance(layer, above, width or default_width(len(names)))
    return LayerPlan({name: layer[k] for k, name in enumerate(names)}, pairs, turned)


def default_width(count: int) -> int:
    """Nodes per layer at most, for ``count`` nodes: about 1.5 √count (a picture
    a little wider than tall, with boxes wider than they are high), at least 8.

    >>> default_width(100), default_width(5000)
    (15, 107)
    """
    return max(8, math.ceil(1.5 * math.sqrt(count)))
