"""Graph queries over an argument map, shared by audit, evaluate and render.

The map is a bipartite graph: claims, and inferences that lead from premise
claims to a conclusion (a claim, or for an ``undercut`` an inference). Every
query here costs O(claims + inferences + premise links); nothing scans all
claims once per claim.

>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap.model_validate({
...     "argmap": 1, "thesis": "t",
...     "claims": [{"id": "t", "text": "T."}, {"id": "a", "text": "A."},
...                {"id": "b", "text": "B."}, {"id": "x", "text": "X."}],
...     "inferences": [
...         {"id": "i1", "premises": ["a"], "conclusion": "t"},
...         {"id": "i2", "premises": ["t"], "conclusion": "a"},
...         {"id": "i3", "premises": ["b"], "conclusion": "t", "kind": "attack"}],
... })
>>> g = ArgumentGraph(m)
>>> [i.id for i in g.supports("t")], [i.id for i in g.attacks("t")]
(['i1'], ['i3'])
>>> g.support_cycles()
[['t', 'a']]
>>> sorted(g.reaching("t") & {"a", "b", "x"})
['a', 'b']
>>> g.is_grounded("t"), g.is_grounded("b")
(True, False)
"""

from __future__ import annotations

from collections import deque
from functools import cached_property
from typing import Iterable, Optional

from argmap.model import ArgumentMap, Claim, Inference, InferenceKind

__all__ = ["ArgumentGraph", "PRO", "CON"]

PRO = 1
"""Polarity of an element that argues for the thesis."""
CON = -1
"""Polarity of an element that argues against the thesis."""


class ArgumentGraph:
    """Queries over one :class:`~argmap.model.ArgumentMap`, on the map's own index
    (:class:`~argmap.model.MapIndex`, built once per map): making a graph builds nothing.

    ``supports(c)``/``attacks(c)`` are the inferences into claim ``c``;
    ``undercuts(i)`` the undercuts of inference ``i``; ``uses(c)`` the
    inferences that take ``c`` as a premise.
    """

    def __init__(self, m: ArgumentMap) -> None:
        self.map = m
        ix = m.index
        self.claims: dict[str, Claim] = ix.claims
        self.inferences: dict[str, Inference] = ix.inferences
        self._into = ix.into
        self._support = ix.support
        self._attack = ix.attack
        self._undercut = ix.undercut
        self._uses = ix.out_of
        self._premise_ids = ix.premises
        self._grounded: Optional[set[str]] = None
        self._ungrounded: dict[str, list[str]] = {}  # inference id → its ungrounded premises (asked by two rules)

    @cached_property
    def order(self) -> dict[str, int]:
        """Element id → its rank in the file (claims, evidence, inferences), from the index's places."""
        base = {"claims": 0, "evidence": len(self.map.claims), "inferences": len(self.map.claims) + len(self.map.evidence)}
        return {ident: base[section] + k for ident, (section, k) in self.map.index.places.items()}

    # ---------------------------------------------------------------- lookups

    def supports(self, claim_id: str) -> list[Inference]:
        """Support inferences whose conclusion is ``claim_id``."""
        return self._support.get(claim_id, [])

    def attacks(self, claim_id: str) -> list[Inference]:
        """Attack inferences whose conclusion is ``claim_id``."""
        return self._attack.get(claim_id, [])

    def undercuts(self, inference_id: str) -> list[Inference]:
        """Undercuts aimed at the inference ``inference_id``."""
        return self._undercut.get(inference_id, [])

    def into(self, element_id: str) -> list[Inference]:
        """Every inference (any kind) whose conclusion is ``element_id``."""
        return self._into.get(element_id, [])

    def uses(self, claim_id: str) -> list[Inference]:
        """Inferences (any kind) that take ``claim_id`` as a premise."""
        return self._uses.get(claim_id, [])

    def conclusions(self, claim_id: str, kind: Optional[InferenceKind] = None) -> list[str]:
        """Ids of what ``claim_id`` is a premise for (claims, or inferences for undercuts), in map order.

        >>> from argmap.model import ArgumentMap
        >>> m = ArgumentMap.model_validate({"argmap": 1,
        ...     "claims": [{"id": "a", "text": "A."}, {"id": "b", "text": "B."}, {"id": "c", "text": "C."}],
        ...     "inferences": [{"id": "i", "premises": ["a"], "conclusion": "b"},
        ...                    {"id": "j", "premises": ["a", "c"], "conclusion": "b", "kind": "attack"}]})
        >>> g = ArgumentGraph(m)
        >>> g.conclusions("a"), g.conclusions("a", InferenceKind.attack), g.conclusions("b")
        (['b'], ['b'], [])
        """
        out = [inf.conclusion for inf in self._uses.get(claim_id, []) if kind is None or inf.kind is kind]
        return list(dict.fromkeys(out))

    def premises(self, inference_id: str) -> list[Claim]:
        """The premise claims of an inference, in the map's order, without repeats."""
        claims = self.claims
        return [claims[p] for p in self._premise_ids[inference_id] if p in claims]

    def support_edges(self) -> Iterable[tuple[str, str, Inference]]:
        """``(premise, conclusion, inference)`` for every support link."""
        for inf in self.map.inferences:
            if inf.kind is InferenceKind.support:
                for p in self._premise_ids[inf.id]:
                    yield p, inf.conclusion, inf

    def attack_edges(self) -> Iterable[tuple[str, str, Inference]]:
        """``(premise, target, inference)`` for every attack and undercut link."""
        for inf in self.map.inferences:
            if inf.kind is not InferenceKind.support:
                for p in self._premise_ids[inf.id]:
                    yield p, inf.conclusion, inf

    def is_attacked(self, element_id: str) -> bool:
        """True when a claim is attacked or an inference undercut."""
        return bool(self._attack.get(element_id) or self._undercut.get(element_id))

    # ------------------------------------------------------------- support

    def is_grounded(self, claim_id: str) -> bool:
        """A claim has *some* support: evidence, an incoming support step, or it is an assumption."""
        if self._grounded is None:
            self._grounded = {
                c.id for c in self.map.claims if c.evidence or c.assumption or c.id in self._support
            }
        return claim_id in self._grounded

    def ungrounded_premises(self, inference_id: str) -> list[str]:
        """Ids of the premises of an inference that are not grounded (see :meth:`is_grounded`)."""
        found = self._ungrounded.get(inference_id)
        if found is None:
            claims = self.claims
            found = self._ungrounded[inference_id] = [
                p for p in self._premise_ids[inference_id] if p in claims and not self.is_grounded(p)
            ]
        return list(found)

    # ---------------------------------------------------------- reachability

    def reaching(self, target_id: str) -> set[str]:
        """Ids of claims and inferences from which a chain of inferences (any kind) leads to ``target_id``.

        The target itself is included. Undercuts reach whatever the inference they cut reaches.
        """
        seen = {target_id}
        queue = deque([target_id])
        while queue:
            node = queue.popleft()
            for inf in self._into.get(node, []):
                if inf.id not in seen:
                    seen.add(inf.id)
                    queue.append(inf.id)
                for p in inf.premises:
                    if p not in seen:
                        seen.add(p)
                        queue.append(p)
            # an inference node is "reached" through its conclusion; continue from its premises
            inf = self.inferences.get(node)
            if inf is not None:
                for p in inf.premises:
                    if p not in seen:
                        seen.add(p)
                        queue.append(p)
        return seen

    def polarity(self, thesis_id: Optional[str] = None) -> dict[str, int]:
        """Which side each claim and inference argues for: :data:`PRO` or :data:`CON` the thesis.

        The thesis is PRO; a support step has its conclusion's side; an attack
        or undercut has the opposite side of what it targets; premises share
        their inference's side. An element reached both ways counts as PRO.
        Elements with no path to the thesis are absent.

        >>> from argmap.model import ArgumentMap
        >>> m = ArgumentMap.model_validate({"argmap": 1, "thesis": "t",
        ...     "claims": [{"id": "t", "text": "T."}, {"id": "o", "text": "O."}, {"id": "r", "text": "R."}],
        ...     "inferences": [{"id": "obj", "premises": ["o"], "conclusion": "t", "kind": "attack"},
        ...                    {"id": "reply", "premises": ["r"], "conclusion": "o", "kind": "attack"}]})
        >>> p = ArgumentGraph(m).polarity()
        >>> p["obj"], p["o"], p["reply"], p["r"]
        (-1, -1, 1, 1)
        """
        thesis_id = thesis_id if thesis_id is not None else self.map.thesis
        if thesis_id is None or thesis_id not in self.claims:
            return {}
        side: dict[str, int] = {}
        queue: deque[tuple[str, int]] = deque([(thesis_id, PRO)])
        seen: dict[int, set[str]] = {PRO: {thesis_id}, CON: set()}  # ids reached with each sign
        support = InferenceKind.support
        into, inferences = self._into, self.inferences
        while queue:
            node, sign = queue.popleft()
            if side.get(node) != PRO:
                side[node] = sign
            for inf in into.get(node, ()):
                inf_sign = sign if inf.kind is support else -sign
                reached = seen[inf_sign]
                if inf.id not in reached:
                    reached.add(inf.id)
                    queue.append((inf.id, inf_sign))
            inf = inferences.get(node)
            if inf is not None:
                reached = seen[sign]
                for p in inf.premises:
                    if p not in reached:
                        reached.add(p)
                        queue.append((p, sign))
        return side

    # ---------------------------------------------------------------- cycles

    def support_cycles(self) -> list[list[str]]:
        """Each circular chain of support, once: claim ids in order, starting at the earliest in the file.

        Uses Tarjan's strongly connected components (iteratively, no recursion
        limit) on the premise → conclusion graph of support steps; for each
        component with a cycle it reports the shortest cycle through the
        component's earliest claim. ``[a, b]`` reads: a supports b supports a.
        """
        succ: dict[str, list[str]] = {}
        for p, c, _ in self.support_edges():
            if p in self.claims and c in self.claims:
                succ.setdefault(p, []).append(c)
        cycles = []
        for comp in _tarjan(list(self.claims), succ):
            if len(comp) == 1 and comp[0] not in succ.get(comp[0], []):
                continue
            members = set(comp)
            start = min(comp, key=lambda x: self.order.get(x, 0))
            cycles.append(_shortest_cycle(start, succ, members))
        cycles.sort(key=lambda cyc: self.order.get(cyc[0], 0))
        return cycles

    def support_step(self, premise: str, conclusion: str) -> Optional[Inference]:
        """The first support inference from ``premise`` to ``conclusion``, if any."""
        for inf in self._support.get(conclusion, []):
            if premise in inf.premises:
                return inf
        return None


def _tarjan(nodes: list[str], succ: dict[str, list[str]]) -> list[list[str]]:
    """Strongly connected components, iterative Tarjan; each component in discovery order."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    comps: list[list[str]] = []
    counter = 0
    for root in nodes:
        if root in index:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            children = succ.get(node, [])
            recursed = False
            while i < len(children):
                child = children[i]
                i += 1
                if child not in index:
                    work.append((node, i))
                    work.append((child, 0))
                    recursed = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if recursed:
                continue
            if low[node] == index[node]:
                comp = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    comp.append(w)
                    if w == node:
                        break
                comps.append(comp[::-1])
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return comps


def _shortest_cycle(start: str, succ: dict[str, list[str]], members: set[str]) -> list[str]:
    """Breadth-first search inside one component for the shortest way back to ``start``."""
    parent: dict[str, Optional[str]] = {start: None}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for nxt in succ.get(node, []):
            if nxt not in members:
                continue
            if nxt == start:
                path = [node]
                while parent[path[-1]] is not None:
                    path.append(parent[path[-1]])  # type: ignore[arg-type]
                return path[::-1]
            if nxt not in parent:
                parent[nxt] = node
                queue.append(nxt)
    return [start]  # unreachable for a real component
