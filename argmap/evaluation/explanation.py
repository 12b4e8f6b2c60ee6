"""Explanations: for one claim, the chain that decides its status and label, as data.

:func:`explain` walks down from a claim through its support inferences to
evidence and assumptions, and lists beside each claim and inference the
attacks and undercuts on it. Each line carries status, label and a short
reason; the command ``argmap explain`` prints them as an indented tree. A
claim met a second time is not expanded again (``seen``), so cycles and
shared premises print once.

>>> from argmap.model import ArgumentMap
>>> from argmap.evaluation.evaluate import evaluate
>>> m = ArgumentMap.model_validate({"argmap": 1, "thesis": "t", "claims": [
...     {"id": "t", "text": "T."}, {"id": "p", "text": "P.", "evidence": ["e"]}],
...     "evidence": [{"id": "e", "citation": "Report"}],
...     "inferences": [{"id": "i", "premises": ["p"], "conclusion": "t", "qualifier": "may", "warrant": "w"}]})
>>> x = explain(m, evaluate(m), "t")
>>> [(line.depth, line.kind, line.id) for line in x.lines]
[(0, 'claim', 't'), (1, 'support', 'i'), (2, 'claim', 'p'), (3, 'evidence', 'e')]
>>> x.weakest_link, x.lines[1].note
('i', 'qualifier may (hedged); warrant stated')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from argmap.evaluation.acceptability import CLAIM, INFERENCE, LACKS, UNFOUNDED, node, split
from argmap.evaluation.critical import CriticalStep
from argmap.evaluation.framework import IN, OUT
from argmap.evaluation.tiers import tier_of
from argmap.model import ArgumentMap, strength

__all__ = ["Line", "Explanation", "ExplanationTooLong", "MAX_INDENT", "explain", "label_reason", "line_cost"]


@dataclass(frozen=True)
class Line:
    """One line of an explanation tree.

    ``kind``: claim | support | attack | undercut | evidence | assumption | seen.
    ``note`` describes the step (qualifier, warrant), an evidence record's tier
    (:mod:`argmap.evaluation.tiers`) or what an assumption is (declared, or
    common knowledge); ``why`` gives the reason for the label.
    ``deciding``: on the chain that decides the explained claim's status (for
    an attack or undercut: aimed at that chain).
    """

    depth: int
    kind: str
    id: str
    text: str = ""
    status: Optional[str] = None
    label: Optional[str] = None
    note: str = ""
    why: str = ""
    deciding: bool = False
    weakest: bool = False


@dataclass
class Explanation:
    """Why one claim has the status and label it has."""

    claim: str
    status: str
    label: str
    label_reason: str
    weakest_link: Optional[str]
    lines: list[Line] = field(default_factory=list)
    attackers_in: list[str] = field(default_factory=list)
    """Attacks and undercuts that are ``in``, on the claim or on the chain that decides its status."""
    critical_steps: list[CriticalStep] = field(default_factory=list)
    """For the thesis: its single points of failure, most critical first."""
    is_thesis: bool = False


class ExplanationTooLong(ValueError):
    """An explanation grew past its budget of characters; raised before the rest is built."""

    def __init__(self, claim: str, budget: int, lines: int, depth: int):
        super().__init__(f"the explanation of {claim!r} is over {budget} characters after {lines} lines")
        self.claim, self.budget, self.lines, self.depth = claim, budget, lines, depth


MAX_INDENT = 24
"""Deepest indentation the text report draws; deeper lines carry their depth as ``[N]`` instead,
so the output grows with the chain, not with its square (5000 steps once made 300 MB)."""


def line_cost(line: Line) -> int:
    """About how many characters ``line`` takes in the text report (indent, marks, id, texts)."""
    return 40 + 4 * min(line.depth, MAX_INDENT) + len(line.id) + len(line.text) + len(line.note) + len(line.why)


def label_reason(ev, kind: str, id: str) -> str:
    """Why a claim or inference has its label, in one short phrase."""
    acc = ev.acceptability
    lab = acc.labelling
    me = node(kind, id)
    label = lab.label[me]
    attackers = _attackers(ev, kind, id)
    if label == OUT:
        (by,) = lab.reason[me]
        by_kind, by_id = split(by)
        if by_kind == INFERENCE:
            return f"{'undercut' if kind == INFERENCE else 'attacked'} by {by_id}, which is in"
        if by_kind == LACKS:
            return f"premise {by_id} is out"
        if by_kind == UNFOUNDED:
            return "every inference supporting it is out"
    if label == IN:
        if kind == CLAIM:
            kinds = {split(a)[0] for a in attackers}
            parts = []
            if INFERENCE in kinds:
                parts.append("every attack on it is out")
            if UNFOUNDED in kinds:
                parts.append("a step supporting it is in")
            return " and ".join(parts) or "nothing attacks it"
        undercut = any(split(a)[0] == INFERENCE for a in attackers)
        return "its premises are in and every undercut is out" if undercut else "its premises are in and nothing undercuts it"
    pending = [a for a in attackers if lab.label[a] != OUT]
    return "; ".join(_describe(a) for a in pending) + " (grounded semantics decides neither way)"


def _describe(arg: str) -> str:
    kind, id = split(arg)
    if kind == LACKS:
        return f"premise {id} is undecided"
    if kind == UNFOUNDED:
        return "no support of it is in"
    return f"{id} is undecided"


def _attackers(ev, kind: str, id: str) -> list[str]:
    """Framework arguments attacking ``kind:id`` (via the framework's reasons and structure)."""
    s = ev.structure
    result: list[str] = []
    if kind == CLAIM:
        result.extend(node(INFERENCE, a.id) for a in s.attacks_into(id))
        basis = s.claims[id]
        if s.support_into(id) and not basis.evidence and not basis.assumption:
            result.append(node(UNFOUNDED, id))
    else:
        result.extend(node(LACKS, p) for p in s.inferences[id].premises)
        result.extend(node(INFERENCE, u.id) for u in s.attacks_into(id))
    return result


def _step_note(m: ArgumentMap, sid: str) -> str:
    inf = m.inference(sid)
    if inf is None:
        return ""
    parts = []
    if inf.qualifier is not None:
        hedged = " (hedged)" if strength(inf.qualifier) < 4 else ""
        parts.append(f"qualifier {inf.qualifier.value}{hedged}")
    parts.append("warrant stated" if inf.warrant and inf.warrant.strip() else "warrant unstated")
    return "; ".join(parts)


def _evidence_text(m: ArgumentMap, eid: str) -> str:
    e = m.evidence_record(eid)
    if e is None:
        return ""
    return e.citation or e.title or e.quote or (f"by {e.by}" if e.by else "no citation given")


def explain(m: ArgumentMap, ev, claim: str, max_depth: Optional[int] = None,
            budget: Optional[int] = None) -> Explanation:
    """Explain one claim of ``m`` given its evaluation ``ev`` (from :func:`argmap.evaluation.evaluate.evaluate`).

    Claims ``max_depth`` inference steps below the explained one are listed but not expanded.
    With a ``budget`` (characters, counted by :func:`line_cost`), a tree that would grow past it
    raises :class:`ExplanationTooLong` as soon as it does, so the rest is never built.
    """
    s, sup, acc = ev.structure, ev.support, ev.acceptability
    weakest = sup.weakest.get(claim)
    lines: _Lines = _Lines(claim, budget)
    seen: set[str] = set()
    # explicit stack of (depth, kind, id, deciding) so deep maps cannot overflow recursion
    stack: list[tuple[int, str, str, bool]] = [(0, "claim", claim, True)]
    while stack:
        depth, kind, eid, deciding = stack.pop()
        if kind == "claim":
            c = m.claim(eid)
            text = " ".join(c.text.split()) if c else ""
            if eid in seen:
                lines.append(Line(depth, "seen", eid, text, ev.status[eid], ev.label[eid], "see above", "", deciding))
                continue
            seen.add(eid)
            reason = sup.reason[eid]
            cut = max_depth is not None and depth >= 2 * max_depth and bool(s.into.get(eid) or s.claims[eid].evidence)
            lines.append(
                Line(depth, "claim", eid, text, ev.status[eid], ev.label[eid], "not expanded" if cut else "",
                     label_reason(ev, CLAIM, eid), deciding, weakest == eid)
            )
            if cut:
                continue
            children: list[tuple[int, str, str, bool]] = []
            basis = s.claims[eid]
            for e in basis.evidence:
                children.append((depth + 1, "evidence", e, deciding and reason.kind == "evidence"))
            if basis.assumption:
                children.append((depth + 1, "assumption", eid, deciding and reason.kind == "assumption"))
            decider = reason.via[0] if reason.kind == "inference" else None
            supports = sorted(s.support_into(eid), key=lambda step: step.id != decider)  # deciding step first
            for step in supports:
                children.append((depth + 1, "support", step.id, deciding and step.id == decider))
            for step in s.attacks_into(eid):
                children.append((depth + 1, step.kind, step.id, deciding))
            stack.extend(reversed(children))
        elif kind == "evidence":
            record = m.evidence_record(eid)
            tier = tier_of(record) if record is not None else ""
            lines.append(Line(depth, "evidence", eid, _evidence_text(m, eid), note=tier, deciding=deciding))
        elif kind == "assumption":
            note = "common knowledge" if s.claims[eid].common_knowledge else "declared assumption"
            lines.append(Line(depth, "assumption", eid, note=note, deciding=deciding))
        else:  # an inference: support, attack or undercut
            step = s.inferences[eid]
            status = sup.step_status(eid) if step.kind == "support" else None
            note = _step_note(m, eid) if step.kind == "support" else ""
            label = ev.inference_label[eid]
            why = label_reason(ev, INFERENCE, eid)
            lines.append(Line(depth, step.kind, eid, "", status, label, note, why, deciding, weakest == eid))
            children = []
            if step.kind == "support":
                children.extend((depth + 1, "claim", p, deciding) for p in step.premises)
            else:
                children.extend((depth + 1, "claim", p, False) for p in step.premises)
            children.extend((depth + 1, u.kind, u.id, deciding and step.kind == "support") for u in s.attacks_into(eid))
            stack.extend(reversed(children))
    # attacks and undercuts that are in, on the claim or on the chain that decides it
    attackers_in = list(
        dict.fromkeys(x.id for x in lines if x.kind in ("attack", "undercut") and x.deciding and x.label == IN)
    )
    critical = ev.critical_steps if claim == ev.thesis else []
    return Explanation(
        claim, ev.status[claim], ev.label[claim], label_reason(ev, CLAIM, claim), weakest, list(lines), attackers_in,
        critical, claim == ev.thesis,
    )


class _Lines(list):
    """The tree's lines, refusing to grow past a budget of characters."""

    def __init__(self, claim: str, budget: Optional[int]):
        super().__init__()
        self.claim, self.budget, self.cost, self.deepest = claim, budget, 0, 0

    def append(self, line: Line) -> None:
        super().append(line)
        if self.budget is None:
            return
        self.cost += line_cost(line)
        self.deepest = max(self.deepest, line.depth)
        if self.cost > self.budget:
            raise ExplanationTooLong(self.claim, self.budget, len(self), self.deepest)
