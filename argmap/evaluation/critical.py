"""The critical step: the single element whose removal weakens the thesis.

Candidates are the elements that bear on the thesis (:func:`neighbourhood`):
the inferences into it and, recursively, their premises, the attacks and
undercuts aimed at them and whatever those rest on. Removing an inference
deletes that step; removing a claim withdraws it, so every inference that
needs it goes too (see :meth:`Structure.without`).

A removal *changes* the thesis when it lowers its support status, or else
lowers its label (``in`` > ``undecided`` > ``out``).

Status: an element lowers the thesis below status level *l* exactly when it
lies on every derivation of the thesis at level *l* — it is *necessary* at
that level. :func:`_necessary` computes these sets like dominators in a flow
graph, generalised to linked premises, without removing anything; so the
status part is exact and near-linear for maps of a few hundred claims (a
long chain costs the sum of its depths). Status-critical elements are ranked
by how low the thesis falls, then by the element's own weakness (a hedged or
warrant-less step, an assumption, a bare premise before a sound step), then
by nearness to the thesis, then map order.

Label: only when no element is status-critical, the elements of the grounded
justification of the thesis's label (or, if it is undecided, everything
bearing on it) are tried one by one, weakest first, recomputing the grounded
labelling of the part of the framework that can reach the thesis, within a
work budget (:data:`LABEL_BUDGET`; ``complete`` says whether it sufficed).
An element outside the justification cannot lower an ``in`` label, since
removing elements adds no attack. Removing an attack can raise the thesis;
that is no failure and is not reported.

:func:`critical_steps_by_removal` is the plain reference: remove each
candidate and evaluate the whole map again.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Optional

from argmap.evaluation.acceptability import (
    CLAIM,
    INFERENCE,
    LACKS,
    UNFOUNDED,
    Acceptability,
    acceptability,
    framework,
    node,
    split,
)
from argmap.evaluation.framework import IN, OUT, UNDECIDED, attackers_of, relabel
from argmap.evaluation.structure import BOTTOM, RANKS, TOP, Key, Step, Structure
from argmap.evaluation.support import Support, support

__all__ = ["CriticalStep", "CriticalSearch", "LabelSearch", "derivation", "neighbourhood", "critical_steps", "critical_steps_by_removal"]

_LABEL_RANK = {IN: 2, UNDECIDED: 1, OUT: 0}
_STATUS_NAMES = {3: "supported", 2: "assumed", 1: "weak", 0: "unsupported"}

LABEL_BUDGET = 2_000_000
"""Work allowed for relabelling (arguments relabelled, summed over the candidates tried)."""
LABELLED = 1
"""How many status-critical elements also get the thesis label after their removal."""


@dataclass(frozen=True)
class CriticalStep:
    """One element whose removal weakens the thesis, and what the thesis becomes."""

    id: str
    kind: str  # "inference" | "claim"
    status: str  # thesis status without it
    label: Optional[str]  # thesis label without it (None: not computed, see LABELLED)
    distance: int  # claim hops from the thesis


@dataclass(frozen=True)
class CriticalSearch:
    """The result of :func:`critical_steps`; ``complete`` is False when the label search ran out of budget."""

    steps: list[CriticalStep]
    complete: bool


def neighbourhood(s: Structure, claim: str) -> dict[str, int]:
    """Every claim and inference that bears on ``claim``, with its distance in claim hops (BFS order).

    Going down from a claim: the inferences into it (support and attack);
    from an inference: its premises and the undercuts aimed at it.
    """
    dist: dict[str, int] = {claim: 0}
    queue: deque[str] = deque([claim])
    while queue:
        x = queue.popleft()
        if x in s.claims:
            for sid in s.into.get(x, ()):
                if sid not in dist:
                    dist[sid] = dist[x]
                    queue.append(sid)
        else:
            for p in s.inferences[x].premises:
                if p not in dist:
                    dist[p] = dist[x] + 1
                    queue.append(p)
            for sid in s.into.get(x, ()):
                if sid not in dist:
                    dist[sid] = dist[x] + 1
                    queue.append(sid)
    return dist


def _own_key(s: Structure, x: str) -> Key:
    """How weak an element is in itself: a step's strength; a claim's basis."""
    if x in s.inferences:
        return s.inferences[x].key
    basis = s.claims[x]
    if basis.evidence or basis.assumption:
        return basis.key
    return TOP if s.support_into(x) else BOTTOM


def _kind(s: Structure, x: str) -> str:
    return "inference" if x in s.inferences else "claim"


def _necessary(s: Structure, claim: str, level: int) -> frozenset[str]:
    """Elements on every derivation of ``claim`` at status rank ≥ ``level`` (empty if there is none).

    Like dominators in a flow graph, generalised to linked premises: a step
    needs itself and everything its premises need (union); a claim needs
    itself and what all its ready alternatives need (intersection). Computed
    as the greatest fixed point below the first derivation found, over the
    claims and usable steps under ``claim`` only.
    """

    def usable(step: Step) -> bool:
        return step.kind == "support" and step.key[0] >= level

    def is_base(c: str) -> bool:
        basis = s.claims[c]
        return basis.key[0] >= level

    below: set[str] = {claim}
    into: dict[str, list[str]] = {}
    users: dict[str, list[str]] = {}
    queue: deque[str] = deque([claim])
    while queue:
        c = queue.popleft()
        if is_base(c):
            continue
        for step in s.support_into(c):
            if not usable(step):
                continue
            into.setdefault(c, []).append(step.id)
            for p in step.premises:
                users.setdefault(p, []).append(step.id)
                if p not in below:
                    below.add(p)
                    queue.append(p)
    nec: dict[str, frozenset[str]] = {}
    step_nec: dict[str, frozenset[str]] = {}
    for c in below:
        if is_base(c):
            nec[c] = frozenset((c,))
            queue.append(c)
    while queue:
        c = queue.popleft()
        for sid in users.get(c, ()):
            step = s.inferences[sid]
            if any(p not in nec for p in step.premises):
                continue
            need = frozenset((sid,)).union(*(nec[p] for p in step.premises))
            if step_nec.get(sid) == need:
                continue
            step_nec[sid] = need
            d = step.conclusion
            if is_base(d):
                continue
            ready = [step_nec[t] for t in into[d] if t in step_nec]
            new = frozenset.intersection(*ready) | {d}
            if nec.get(d) != new:
                nec[d] = new
                queue.append(d)
    return nec.get(claim, frozenset())


class LabelSearch:
    """The thesis label with one element removed, relabelling only what that removal can reach."""

    def __init__(self, s: Structure, acc: Acceptability, claim: str, budget: int):
        self.s, self.acc, self.claim, self.budget, self.complete = s, acc, claim, budget, True
        self._ready = False

    def _prepare(self) -> None:
        args, attacks = framework(self.s)
        self.incoming = attackers_of(args, attacks)
        self.outgoing: dict[str, list[str]] = {a: [] for a in args}
        for target, atts in self.incoming.items():
            for attacker in atts:
                self.outgoing[attacker].append(target)
        start = node(CLAIM, self.claim)
        self.upstream = {start}  # what the thesis label depends on
        stack = [start]
        while stack:
            for a in self.incoming[stack.pop()]:
                if a not in self.upstream:
                    self.upstream.add(a)
                    stack.append(a)
        self._ready = True

    def _removed(self, x: str) -> set[str]:
        s = self.s
        steps: list[str] = []
        if x in s.inferences:
            steps.append(x)
            removed = set()
        else:
            steps.extend(s.out_of.get(x, ()))
            steps.extend(s.into.get(x, ()))
            removed = {node(CLAIM, x), node(LACKS, x), node(UNFOUNDED, x)}
        gone: set[str] = set()
        while steps:
            sid = steps.pop()
            if sid not in gone:
                gone.add(sid)
                steps.extend(u for u in s.into.get(sid, ()))
        removed.update(node(INFERENCE, sid) for sid in gone)
        for sid in gone:
            step = s.inferences[sid]
            if step.kind == "support" and all(t.id in gone for t in s.support_into(step.conclusion)):
                removed.add(node(UNFOUNDED, step.conclusion))
        return removed

    def label_without(self, x: str) -> Optional[str]:
        """The thesis label without ``x``, or None when the budget is spent."""
        if not self._ready:
            self._prepare()
        if self.budget <= 0:
            self.complete = False
            return None
        thesis = node(CLAIM, self.claim)
        changed = relabel(self.acc.labelling.label, self.incoming, self.outgoing, self._removed(x), self.upstream)
        self.budget -= len(changed) + 1
        return changed.get(thesis, self.acc.labelling.label[thesis])


def derivation(s: Structure, sup: Support, claim: str) -> set[str]:
    """Every element of the acyclic derivation that gives ``claim`` its status."""
    seen: set[str] = set()
    stack = [claim]
    while stack:
        c = stack.pop()
        if c in seen:
            continue
        seen.add(c)
        why = sup.reason[c]
        if why.kind == "inference":
            sid = why.via[0]
            seen.add(sid)
            stack.extend(s.inferences[sid].premises)
    return seen


def _justification(s: Structure, acc: Acceptability, claim: str) -> Optional[set[str]]:
    """Map elements in the grounded justification of ``claim`` being ``in`` (None if it is not in)."""
    lab = acc.labelling
    start = node(CLAIM, claim)
    if lab.label[start] != IN:
        return None
    seen: set[str] = set()
    stack = [start]
    while stack:
        a = stack.pop()
        if a in seen:
            continue
        seen.add(a)
        stack.extend(lab.reason.get(a, ()))
    elements: set[str] = set()
    for a in seen:
        kind, id = split(a)
        if kind in (CLAIM, INFERENCE):
            elements.add(id)
    return elements


def critical_steps(
    s: Structure,
    sup: Optional[Support] = None,
    acc: Optional[Acceptability] = None,
    claim: Optional[str] = None,
    budget: int = LABEL_BUDGET,
) -> CriticalSearch:
    """Single points of failure of ``claim`` (default: the thesis), most critical first."""
    claim = claim or s.thesis
    if claim is None or claim not in s.claims:
        return CriticalSearch([], True)
    sup = sup or support(s)
    acc = acc or acceptability(s)
    rank0 = RANKS[sup.status[claim]]
    label0 = acc.of(CLAIM, claim)
    dist = neighbourhood(s, claim)
    order = {x: k for k, x in enumerate(dist)}
    labels = LabelSearch(s, acc, claim, budget)

    # 1. status: an element lowers the status below level l iff it is necessary at level l
    necessary = [frozenset()] + [_necessary(s, claim, level) for level in range(1, rank0 + 1)]
    status_critical = [x for x in necessary[rank0] if x != claim] if rank0 else []
    ranked = []
    for x in status_critical:
        new_rank = max(level for level in range(rank0 + 1) if level == 0 or x not in necessary[level])
        ranked.append(((new_rank, _own_key(s, x), dist.get(x, len(dist)), order.get(x, len(dist))), x))
    ranked.sort()
    steps = []
    for k, ((new_rank, _, distance, _), x) in enumerate(ranked):
        label1 = labels.label_without(x) if k < LABELLED and label0 != OUT else (label0 if label0 == OUT else None)
        steps.append(CriticalStep(x, _kind(s, x), _STATUS_NAMES[new_rank], label1, distance))
    if steps or label0 == OUT:
        return CriticalSearch(steps, labels.complete)

    # 2. label: no status-critical element; try the elements that can matter, weakest first
    justified = _justification(s, acc, claim)
    candidates = [x for x in dist if x != claim and (justified is None or x in justified)]
    candidates.sort(key=lambda x: (_own_key(s, x), dist[x], order[x]))
    found = []
    for x in candidates:
        label1 = labels.label_without(x)
        if label1 is None:
            break
        if _LABEL_RANK[label1] < _LABEL_RANK[label0]:
            found.append(((-(_LABEL_RANK[label0] - _LABEL_RANK[label1]), _own_key(s, x), dist[x], order[x]), x, label1))
    found.sort()
    steps = [CriticalStep(x, _kind(s, x), sup.status[claim], label1, dist[x]) for _, x, label1 in found]
    return CriticalSearch(steps, labels.complete)


def critical_steps_by_removal(
    s: Structure,
    sup: Optional[Support] = None,
    acc: Optional[Acceptability] = None,
    claim: Optional[str] = None,
) -> list[CriticalStep]:
    """Reference implementation of :func:`critical_steps`: recompute the whole map per candidate.

    Quadratic; the tests compare the fast search against it on small maps.
    Ranks by status drop, then label drop, then the element's own strength.
    """
    claim = claim or s.thesis
    if claim is None or claim not in s.claims:
        return []
    sup = sup or support(s)
    acc = acc or acceptability(s)
    status0, label0 = sup.status[claim], acc.of(CLAIM, claim)
    derived = derivation(s, sup, claim)
    justified = _justification(s, acc, claim)
    found: list[tuple[tuple, CriticalStep]] = []
    for order, (element, distance) in enumerate(neighbourhood(s, claim).items()):
        if element == claim:
            continue
        may_drop_status = element in derived and RANKS[status0] > 0
        may_drop_label = label0 != OUT and (justified is None or element in justified)
        if not (may_drop_status or may_drop_label):
            continue
        rest = s.without(element)
        status1 = support(rest).status[claim] if may_drop_status else status0
        label1 = acceptability(rest).of(CLAIM, claim) if may_drop_label else label0
        status_drop = RANKS[status0] - RANKS[status1]
        label_drop = _LABEL_RANK[label0] - _LABEL_RANK[label1]
        if status_drop <= 0 and label_drop <= 0:
            continue
        kind = "inference" if element in s.inferences else "claim"
        own = _own_key(s, element)
        rank = (-max(status_drop, 0), -max(label_drop, 0), own, distance, order)
        found.append((rank, CriticalStep(element, kind, status1, label1, distance)))
    found.sort(key=lambda pair: pair[0])
    return [step for _, step in found]

