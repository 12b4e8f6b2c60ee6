"""How much a finding matters to the thesis, computed from the evaluation.

Each finding gets two answers:

- ``on_thesis_path``: its target bears on the thesis — it is the thesis, a
  claim or inference on a chain of support, attack or undercut that reaches
  the thesis (:func:`argmap.evaluation.critical.neighbourhood`), or an
  evidence record of such a claim;
- ``decides_thesis``: its target is on the chain that decides the thesis's
  status or label — the derivation that gives the thesis its status, the
  evidence at its foot and the attacks and undercuts aimed at it (the lines
  ``argmap explain`` marks ``*``);
- ``changes_thesis``: fixing it would change the thesis's support status
  (for an objection: its label). What fixing means depends on the rule (its
  ``REPAIR``):

  - ``evidence``: the target claim gets evidence of the ``cited`` tier (an
    evidence record as target: as for ``source``);
  - ``premises``: every premise of the target step gets such evidence;
  - ``step``: the target step is made sound (stated warrant, no hedge);
  - ``source``: the target evidence record is cited and archived;
  - ``remove``: the target step is taken out (a step that cannot stand);
    the thesis's status or label may fall;
  - ``answer``: the target attack or undercut is answered, so it no longer
    counts; the thesis's label may rise;
  - none: fixing it does not change what supports what (a quote, a hedge
    on a conclusion, a structural note), so the answer is ``False``.

The first four can only raise the thesis: whether one of them lifts it to
the next status is a Horn closure from the repaired element upwards (a
claim reaches the level when its own basis does, or when a usable step into
it has all its premises there), stopped as soon as the thesis is reached.
An answered objection is relabelled incrementally, as the critical-step
search does. Off the thesis's path nothing can change the thesis, so only
findings on it cost anything; each (repair, target) pair is worked out once,
and the answer is ``None`` when the work budget (:data:`BUDGET` elements
visited, at least :data:`BUDGET_PER_ELEMENT` per map element) ran out.

:func:`impact_order` sorts findings by impact: those whose fix changes the
thesis first, then those on the chain that decides it, then the rest on its
path, then the others; within each, the
more severe first, then by place in the file. Files that do not load (their
findings are not rated) come before all of them.
"""

from __future__ import annotations

from collections import deque
from typing import Iterable, Optional

from argmap.diagnostics import Finding
from argmap.evaluation.acceptability import CLAIM, acceptability
from argmap.evaluation.critical import LabelSearch, derivation, neighbourhood
from argmap.evaluation.structure import RANKS, TOP, Structure
from argmap.evaluation.support import Support, support
from argmap.model import ArgumentMap

__all__ = ["REPAIRS", "BUDGET", "BUDGET_PER_ELEMENT", "annotate", "impact_order"]

REPAIRS = {
    "evidence": "the target claim gets cited evidence",
    "premises": "its premises get cited evidence",
    "step": "the step gets a stated warrant and no hedge",
    "source": "the record is cited and archived",
    "remove": "the step is taken out",
    "answer": "the objection is answered",
}
"""What fixing a finding does to its target (a rule module's ``REPAIR`` names one), for its
impact on the thesis."""

BUDGET = 200_000
"""Elements visited, summed over every repair worked out for one map (or :data:`BUDGET_PER_ELEMENT`
times the map's size, if that is more)."""
BUDGET_PER_ELEMENT = 20


class _Raise:
    """Whether one repair lifts the thesis to the next status: upward closure at that level."""

    def __init__(self, s: Structure, sup: Support, thesis: str) -> None:
        self.s, self.thesis = s, thesis
        self.level = RANKS[sup.status[thesis]] + 1
        self.reached = {c for c, key in sup.key.items() if key[0] >= self.level}
        self.lifting: set[str] = set()
        """Claims whose grounding alone is known to lift the thesis: reaching one ends the search."""
        self.work = 0

    def lifts(self, claims: Iterable[str] = (), step: Optional[str] = None) -> bool:
        """True when the thesis reaches the next level with ``claims`` grounded (TOP) and/or ``step`` sound."""
        s, level = self.s, self.level
        new: dict[str, Optional[str]] = {}  # newly reached claim -> the step that reached it
        queue: deque[str] = deque()

        def reach(c: str, via: Optional[str]) -> bool:
            if c in self.reached or c in new:
                return False
            new[c] = via
            queue.append(c)
            if c == self.thesis or c in self.lifting:  # the closure of c is part of this one
                self._learn(c, new, step)
                return True
            return False

        def fires(sid: str) -> bool:
            st = s.inferences[sid]
            usable = sid == step or st.key[0] >= level
            return st.kind == "support" and usable and all(p in self.reached or p in new for p in st.premises)

        for c in claims:
            if reach(c, None):
                return True
        if step is not None and fires(step) and reach(s.inferences[step].conclusion, step):
            return True
        while queue:
            c = queue.popleft()
            self.work += 1
            for sid in s.out_of.get(c, ()):
                self.work += 1
                if fires(sid) and reach(s.inferences[sid].conclusion, sid):
                    return True
        return False

    def _learn(self, top: str, new: dict[str, Optional[str]], repaired: Optional[str]) -> None:
        """Claims below ``top`` on its new derivation that alone would have reached it are lifting too.

        Going down from ``top`` while each step has exactly one newly reached
        premise: grounding that premise alone fires the step (its other
        premises were reached before), so it lifts whatever ``top`` lifts. The
        descent stops at the repaired step, which fired only because of the repair.
        """
        c: Optional[str] = top
        while c is not None:
            self.lifting.add(c)
            sid = new.get(c)
            if sid is None or (sid == repaired and self.s.inferences[sid].key[0] < self.level):
                return
            fresh = [p for p in self.s.inferences[sid].premises if p in new]
            c = fresh[0] if len(fresh) == 1 else None


def _citing(m: ArgumentMap, s: Structure, record: str) -> list[str]:
    """Claims whose evidence would be worth TOP once ``record`` is cited and archived."""
    out = []
    for c in m.claims:
        if record in c.evidence and c.id in s.claims:
            if s.claims[c.id].evidence_key < TOP:
                out.append(c.id)
    return out


class _Effects:
    """Works out, once per (repair, target), whether the fix changes the thesis."""

    def __init__(self, m: ArgumentMap, s: Structure, sup: Support, budget: int) -> None:
        self.m, self.s, self.sup = m, s, sup
        self.thesis = s.thesis
        self.raise_ = _Raise(s, sup, self.thesis) if sup.status[self.thesis] != "supported" else None
        self._labels: Optional[LabelSearch] = None
        self.budget = budget
        self.size = len(s.claims) + len(s.inferences) + 1

    @property
    def labels(self) -> LabelSearch:
        """The grounded labelling and its incremental search, built on first need (objections, removals)."""
        if self._labels is None:
            self.acc = acceptability(self.s)
            self._labels = LabelSearch(self.s, self.acc, self.thesis, self.budget)
        return self._labels

    def changes(self, repair: str, target: str) -> Optional[bool]:
        s = self.s
        if repair in ("evidence", "premises", "step", "source"):
            if self.raise_ is None:
                return False  # already supported: nothing to raise
            if self.raise_.work >= self.budget:
                return None
            if repair in ("evidence", "source") and target in s.claims:
                return self.raise_.lifts(claims=[target])
            if repair in ("evidence", "source") and self.m.evidence_record(target) is not None:
                return self.raise_.lifts(claims=_citing(self.m, s, target))
            if repair == "premises" and target in s.inferences:
                return self.raise_.lifts(claims=s.inferences[target].premises)
            if repair == "step" and target in s.inferences:
                return self.raise_.lifts(step=target)
            return False
        if repair == "answer" and target in s.inferences:
            label = self.labels.label_without(target)
            return None if label is None else label != self.acc.of(CLAIM, self.thesis)
        if repair == "remove" and target in s.inferences:
            if self.labels.budget < 2 * self.size:
                return None
            self.labels.budget -= 2 * self.size
            rest = s.without(target)
            if rest.thesis is None:
                return True
            return (support(rest).status[self.thesis], acceptability(rest).of(CLAIM, self.thesis)) != (
                self.sup.status[self.thesis], self.acc.of(CLAIM, self.thesis))
        return False


def _deciding(s: Structure, sup: Support, thesis: str) -> set[str]:
    """The thesis's deciding chain: its derivation, the evidence under it, and the attacks aimed at it."""
    chain = derivation(s, sup, thesis)
    for c in [x for x in chain if x in s.claims]:
        why = sup.reason[c]
        if why.kind == "evidence":
            chain.update(why.via)
    for x in list(chain):
        chain.update(sid for sid in s.into.get(x, ()) if s.inferences[sid].kind != "support")
    return chain


def annotate(findings: list[Finding], m: ArgumentMap, repairs: dict[str, Optional[str]],
             budget: Optional[int] = None) -> None:
    """Fill ``on_thesis_path``, ``decides_thesis`` and ``changes_thesis`` of each finding of map ``m``.

    ``repairs`` maps a rule code to its repair (:data:`REPAIRS`) or None.
    """
    s = Structure.from_map(m)
    thesis = s.thesis
    if thesis is None:
        for f in findings:
            f.on_thesis_path, f.decides_thesis, f.changes_thesis = False, False, False
        return
    path = set(neighbourhood(s, thesis))
    for c in m.claims:
        if c.id in path:
            path.update(c.evidence)
    if budget is None:
        budget = max(BUDGET, BUDGET_PER_ELEMENT * (len(s.claims) + len(s.inferences)))
    sup = support(s)
    deciding = _deciding(s, sup, thesis)
    effects: Optional[_Effects] = None
    seen: dict[tuple[str, str], Optional[bool]] = {}
    for f in findings:
        f.on_thesis_path = f.target is not None and f.target in path
        f.decides_thesis = f.target is not None and f.target in deciding
        repair = repairs.get(f.code)
        if not f.on_thesis_path or repair is None:
            f.changes_thesis = False
            continue
        key = (repair, f.target)
        if key not in seen:
            if effects is None:
                effects = _Effects(m, s, sup, budget)
            seen[key] = None if budget <= 0 else effects.changes(repair, f.target)
        f.changes_thesis = seen[key]


def impact_order(f: Finding) -> tuple:
    """Sort key: fix changes the thesis, then deciding it, then on its path, then severity, then place.

    A finding the audit did not rate (a file that does not load) comes first of all.
    """
    loc = f.location
    return (
        0 if f.on_thesis_path is None else 1,
        0 if f.changes_thesis else 1,
        0 if f.decides_thesis else 1,
        0 if f.on_thesis_path else 1,
        -f.severity.rank,
        loc.file if loc else "",
        loc.line if loc else 0,
        loc.column if loc else 0,
        f.code,
        f.target or "",
    )
