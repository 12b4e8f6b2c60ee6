"""The critical step: the single element whose removal weakens the thesis.

Candidates are the thesis's support subgraph: the support inferences into it
and, recursively, their premises and the inferences into those. Removing an
inference deletes that step; removing a claim withdraws it, so every
inference that needs it goes too (see :meth:`Structure.without`).

A removal *changes* the thesis when it lowers its support status, or else
lowers its label (``in`` > ``undecided`` > ``out``). Among the candidates
that do, the critical step is the one whose removal costs most (status drop
first, then label drop), then the weakest element itself (its own strength),
then the one nearest the thesis, then map order.

Removing elements only ever takes support away, so a status can only drop
when the removed element lies on the thesis's deciding derivation, and an
``in`` label only when the element is part of the grounded justification of
that label; other candidates are skipped without recomputing. Each remaining
candidate costs one evaluation of the map, so this is O(candidates × map).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Optional

from argmap.evaluation.acceptability import CLAIM, INFERENCE, Acceptability, acceptability, node, split
from argmap.evaluation.framework import IN, OUT, UNDECIDED
from argmap.evaluation.structure import RANKS, Key, Structure
from argmap.evaluation.support import Support, support

__all__ = ["CriticalStep", "support_subgraph", "critical_steps"]

_LABEL_RANK = {IN: 2, UNDECIDED: 1, OUT: 0}


@dataclass(frozen=True)
class CriticalStep:
    """One element whose removal weakens the thesis, and what the thesis becomes."""

    id: str
    kind: str  # "inference" | "claim"
    status: str  # thesis status without it
    label: str  # thesis label without it
    distance: int  # inference hops from the thesis


def support_subgraph(s: Structure, claim: str) -> dict[str, int]:
    """Claims and support inferences under ``claim``, each with its distance in hops (BFS order)."""
    dist: dict[str, int] = {claim: 0}
    queue: deque[str] = deque([claim])
    while queue:
        c = queue.popleft()
        for step in s.support_into(c):
            if step.id not in dist:
                dist[step.id] = dist[c]
                for p in step.premises:
                    if p not in dist:
                        dist[p] = dist[c] + 1
                        queue.append(p)
    return dist


def _derivation(s: Structure, sup: Support, claim: str) -> set[str]:
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
) -> list[CriticalStep]:
    """All single points of failure of ``claim`` (default: the thesis), most critical first."""
    claim = claim or s.thesis
    if claim is None or claim not in s.claims:
        return []
    sup = sup or support(s)
    acc = acc or acceptability(s)
    status0, label0 = sup.status[claim], acc.of(CLAIM, claim)
    derivation = _derivation(s, sup, claim)
    justified = _justification(s, acc, claim)
    found: list[tuple[tuple, CriticalStep]] = []
    for order, (element, distance) in enumerate(support_subgraph(s, claim).items()):
        if element == claim:
            continue
        may_drop_status = element in derivation and RANKS[status0] > 0
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
        own: Key = s.inferences[element].key if kind == "inference" else sup.key[element]
        rank = (-max(status_drop, 0), -max(label_drop, 0), own, distance, order)
        found.append((rank, CriticalStep(element, kind, status1, label1, distance)))
    found.sort(key=lambda pair: pair[0])
    return [step for _, step in found]

