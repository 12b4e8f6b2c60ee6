"""Support status: how well each claim is grounded, and its weakest link.

Every link on a chain of support has a strength :data:`~argmap.evaluation.structure.Key`
``(rank, qualifier strength, warrant stated)``:

- evidence on the claim: ``supported``, nothing weaker (:data:`TOP`), when
  its best record is at least ``attributed``; evidence of the
  ``unattributed`` tier only is ``weak`` (:mod:`argmap.evaluation.tiers`);
- ``assumption: true``: ``assumed``;
- a support inference: ``supported`` if unhedged (qualifier strength ≥ 4,
  ``should`` included) and its warrant is stated; otherwise ``weak`` — a hedged
  step or an unstated warrant makes everything resting on it weak, even when
  its premises are fully supported.

A chain is as strong as its weakest link, so a linked inference passes on the
minimum over its own step and all its premises; independent inferences into
one claim are alternatives, and the strongest counts (the maximum). A claim
that reaches neither evidence nor an assumption is ``unsupported``.

The values are the least fixed point of these equations, computed like
Dijkstra's algorithm for widest paths: claims are settled strongest first, and
an inference fires only when all its premises are settled. A cycle of support
therefore never supports itself (nothing in it settles unless something under
it does), and the recorded derivation of each claim is acyclic. Time
O((claims + links) log claims).

The **weakest link** of a claim is the link of least strength on its deciding
derivation (nearest the claim on ties): a hedged or warrant-less inference, an
assumption, or — for an unsupported claim — the nearest claim below it with
nothing under it at all. It is ``None`` when nothing on the way is below
:data:`TOP`.

>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap.model_validate({"argmap": 1, "claims": [
...     {"id": "t", "text": "T."}, {"id": "p", "text": "P.", "evidence": ["e"]},
...     {"id": "q", "text": "Q."}],
...     "evidence": [{"id": "e", "citation": "Report"}],
...     "inferences": [{"id": "i", "premises": ["p"], "conclusion": "t", "qualifier": "may", "warrant": "w"},
...                    {"id": "j", "premises": ["q"], "conclusion": "t", "warrant": "w"}]})
>>> from argmap.evaluation.structure import Structure
>>> s = support(Structure.from_map(m))
>>> s.status
{'t': 'weak', 'p': 'supported', 'q': 'unsupported'}
>>> s.weakest["t"], s.weakest["q"]
('i', 'q')
"""

from __future__ import annotations

import heapq
from collections import deque
from dataclasses import dataclass
from typing import Optional

from argmap.evaluation.structure import ASSUMED_KEY, BOTTOM, STATUSES, TOP, Key, Structure

__all__ = ["Reason", "Support", "support", "status_of"]

_NAMES = {3: "supported", 2: "assumed", 1: "weak", 0: "unsupported"}


def status_of(key: Key) -> str:
    """The status name of a strength key.

    >>> status_of((1, 5, 0)), status_of(TOP)
    ('weak', 'supported')
    """
    return _NAMES[key[0]]


@dataclass(frozen=True)
class Reason:
    """How a claim got its status: ``evidence`` (ids), ``assumption``, ``inference`` (its id) or ``none``."""

    kind: str
    via: tuple[str, ...] = ()


@dataclass
class Support:
    """Support status of every claim and support inference, with derivations."""

    key: dict[str, Key]
    """Claim → strength of its best chain (``BOTTOM`` when unsupported)."""
    status: dict[str, str]
    """Claim → supported | assumed | weak | unsupported."""
    reason: dict[str, Reason]
    """Claim → what decided its status."""
    weakest: dict[str, Optional[str]]
    """Claim → id of the weakest link on its deciding chain (an inference or a claim), or None."""
    step: dict[str, Key]
    """Support inference → strength of the chain through it (its own step and all premises)."""

    def step_status(self, inference: str) -> str:
        return status_of(self.step.get(inference, BOTTOM))


def support(s: Structure) -> Support:
    """Compute the support status of every claim of ``s``."""
    # heap entries: (negated key, depth of weakest link, seq, claim, reason, weakest element)
    heap: list = []
    seq = 0

    def push(claim: str, key: Key, depth: int, reason: Reason, weak: Optional[str]) -> None:
        nonlocal seq
        heapq.heappush(heap, ((-key[0], -key[1], -key[2]), depth, seq, claim, reason, weak))
        seq += 1

    for cid, basis in s.claims.items():
        if basis.evidence:
            own = basis.evidence_key
            push(cid, own, 0, Reason("evidence", basis.evidence), None if own >= TOP else cid)
        if basis.assumption:
            push(cid, ASSUMED_KEY, 0, Reason("assumption"), cid)

    pending = {sid: len(step.premises) for sid, step in s.inferences.items() if step.kind == "support"}
    key: dict[str, Key] = {}
    depth: dict[str, int] = {}
    weakest: dict[str, Optional[str]] = {}
    reason: dict[str, Reason] = {}
    step_value: dict[str, Key] = {}
    while heap:
        neg, d, _, cid, why, weak = heapq.heappop(heap)
        if cid in key:
            continue
        key[cid] = (-neg[0], -neg[1], -neg[2])
        depth[cid], reason[cid], weakest[cid] = d, why, weak
        for sid in s.out_of.get(cid, ()):
            if sid not in pending:
                continue
            pending[sid] -= 1
            if pending[sid]:
                continue
            step = s.inferences[sid]
            # weakest link through this step: its own strength first (nearest), then each premise's
            best = (step.key, 0, sid)
            for p in step.premises:
                cand = (key[p], depth[p] + 1, weakest[p])
                if (cand[0], cand[1]) < (best[0], best[1]):
                    best = cand
            step_value[sid] = best[0]
            if step.conclusion not in key:
                push(step.conclusion, best[0], best[1], Reason("inference", (sid,)), best[2])

    status: dict[str, str] = {}
    for cid in s.claims:
        if cid not in key:
            key[cid] = BOTTOM
            reason[cid] = Reason("none")
        status[cid] = status_of(key[cid])
        if key[cid] >= TOP:
            weakest[cid] = None
    weakest.update(_unsupported_roots(s, key))
    return Support(key, status, reason, weakest, step_value)


def _unsupported_roots(s: Structure, key: dict[str, Key]) -> dict[str, str]:
    """For each unsupported claim, the nearest unsupported claim below it with no support at all.

    A claim with nothing under it is its own root; one held up only by a
    cycle of unsupported claims is its own root too.
    """
    unsupported = {c for c in s.claims if key[c] == BOTTOM}
    root: dict[str, str] = {}
    queue: deque[str] = deque()
    for c in s.claims:
        if c in unsupported and not s.support_into(c):
            root[c] = c
            queue.append(c)
    while queue:
        c = queue.popleft()
        for sid in s.out_of.get(c, ()):
            step = s.inferences[sid]
            if step.kind == "support" and step.conclusion in unsupported and step.conclusion not in root:
                root[step.conclusion] = root[c]
                queue.append(step.conclusion)
    for c in unsupported:
        root.setdefault(c, c)
    return root


assert STATUSES == tuple(_NAMES[r] for r in (3, 2, 1, 0))
