"""The part of a map that evaluation reads, as plain data that is cheap to copy.

:class:`Structure` keeps, per claim, its basis (evidence ids, ``assumption``)
and, per inference, its kind, distinct premises, conclusion and the strength
of the step (qualifier, warrant). References that do not resolve are dropped,
so evaluation never fails on a map the loader would reject.
:meth:`Structure.without` removes one element (for the critical-step search).

>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap.model_validate({"argmap": 1, "claims": [
...     {"id": "a", "text": "A."}, {"id": "b", "text": "B.", "evidence": []}],
...     "inferences": [{"id": "i", "premises": ["b", "b"], "conclusion": "a", "qualifier": "may"}]})
>>> s = Structure.from_map(m)
>>> s.inferences["i"].premises, s.inferences["i"].key
(('b',), (1, 1, 0))
>>> sorted(s.without("b").inferences)
[]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from argmap.evaluation.tiers import SUPPORTING_TIER, TIER_RANK, best_tier
from argmap.model import ArgumentMap, Inference, InferenceKind, strength

__all__ = [
    "Key",
    "RANKS",
    "STATUSES",
    "TOP",
    "ASSUMED_KEY",
    "BOTTOM",
    "WEAK_EVIDENCE_KEY",
    "step_key",
    "ClaimBasis",
    "Step",
    "Structure",
]

STATUSES = ("supported", "assumed", "weak", "unsupported")
"""Support statuses, strongest first."""

RANKS = {"supported": 3, "assumed": 2, "weak": 1, "unsupported": 0}
"""Status → rank; a higher rank is stronger."""

Key = tuple[int, int, int]
"""Strength of a link: ``(rank, qualifier strength 1..5, warrant stated 0|1)``; compares as a tuple."""

TOP: Key = (3, 5, 1)
"""Evidence, or an unhedged step with a stated warrant: nothing weaker on the way."""
ASSUMED_KEY: Key = (2, 5, 1)
"""A declared assumption."""
BOTTOM: Key = (0, 0, 0)
"""Nothing under it."""
WEAK_EVIDENCE_KEY: Key = (1, 5, 1)
"""Evidence of the ``unattributed`` tier only: something is there, but nobody to check it against."""

_KIND_NAMES = {kind: kind.value for kind in InferenceKind}  # enum .value is slow on big maps
_UNDERCUT = InferenceKind.undercut.value

HEDGE_BELOW = 4
"""A step whose qualifier strength is below this is hedged (``should`` = 4 is not)."""


def step_key(inference: Inference) -> Key:
    """The strength of one inference step on its own.

    A step is ``weak`` when hedged (qualifier strength < 4) or when its warrant
    is unstated; otherwise it passes on whatever its premises have.

    >>> from argmap.model import Inference
    >>> step_key(Inference(id="i", premises=["p"], conclusion="c", warrant="w"))
    (3, 5, 1)
    >>> step_key(Inference(id="i", premises=["p"], conclusion="c", warrant="w", qualifier="should"))
    (3, 4, 1)
    >>> step_key(Inference(id="i", premises=["p"], conclusion="c"))
    (1, 5, 0)
    """
    s = strength(inference.qualifier)
    warranted = bool(inference.warrant and inference.warrant.strip())
    rank = 3 if s >= HEDGE_BELOW and warranted else 1
    return (rank, s, int(warranted))


@dataclass(frozen=True)
class ClaimBasis:
    """What a claim has under it before any inference: evidence or a declared assumption.

    ``tier`` is the best evidence tier (:mod:`argmap.evaluation.tiers`) of
    its records, None without evidence. ``assumption`` is also true for
    ``common_knowledge: true`` (``common_knowledge`` says which it was).
    """

    id: str
    evidence: tuple[str, ...] = ()
    assumption: bool = False
    tier: Optional[str] = None
    common_knowledge: bool = False

    @property
    def evidence_key(self) -> Key:
        """What the claim's own evidence is worth: ``TOP``, only weak (unattributed), or ``BOTTOM`` (none)."""
        if not self.evidence:
            return BOTTOM
        rank = TIER_RANK[self.tier] if self.tier is not None else SUPPORTING_TIER
        return TOP if rank >= SUPPORTING_TIER else WEAK_EVIDENCE_KEY

    @property
    def key(self) -> Key:
        """The claim's strength before any inference: the better of its evidence and its assumption."""
        own = self.evidence_key
        return max(own, ASSUMED_KEY) if self.assumption else own


@dataclass(frozen=True)
class Step:
    """One inference as evaluation sees it."""

    id: str
    kind: str
    premises: tuple[str, ...]
    conclusion: str
    key: Key


@dataclass
class Structure:
    """Claims and inferences of a map, with lookups by conclusion and by premise."""

    claims: dict[str, ClaimBasis]
    inferences: dict[str, Step]
    thesis: Optional[str] = None
    into: dict[str, list[str]] = field(default_factory=dict)
    out_of: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.into = {}
        self.out_of = {}
        for step in self.inferences.values():
            self.into.setdefault(step.conclusion, []).append(step.id)
            for p in step.premises:
                self.out_of.setdefault(p, []).append(step.id)

    @classmethod
    def from_map(cls, m: ArgumentMap) -> "Structure":
        """Evaluation's reduced copy of ``m``, read from the map's index (:class:`~argmap.model.MapIndex`).
        Its own ``into``/``out_of`` hold only the steps that resolve, and :meth:`without` rebuilds
        them for each removal the critical-step search tries."""
        records = m.index.evidence
        claims = {}
        for c in m.claims:
            ids = _distinct([e for e in c.evidence if e in records])
            tier = best_tier([records[e] for e in ids]) if ids else None
            claims[c.id] = ClaimBasis(
                c.id, ids, c.assumption or c.common_knowledge, tier, c.common_knowledge and not c.assumption
            )
        steps: dict[str, Step] = {}
        for inf in m.inferences:
            if inf.id in claims or inf.id in steps:
                continue  # duplicate id: the loader reports it; keep the first
            steps[inf.id] = Step(
                inf.id, _KIND_NAMES[inf.kind], _distinct(inf.premises), inf.conclusion, step_key(inf)
            )
        thesis = m.thesis if m.thesis in claims else None
        return cls(claims, _resolved(claims, steps), thesis)

    def support_into(self, claim: str) -> list[Step]:
        """Support inferences concluding in ``claim``, in map order."""
        return [self.inferences[i] for i in self.into.get(claim, ()) if self.inferences[i].kind == "support"]

    def attacks_into(self, target: str) -> list[Step]:
        """Attacks on a claim, or undercuts of an inference, in map order."""
        return [self.inferences[i] for i in self.into.get(target, ()) if self.inferences[i].kind != "support"]

    def without(self, element: str) -> "Structure":
        """A copy with one claim or inference removed.

        Removing a claim withdraws it: every inference that needs it as a
        premise or concludes in it goes too (and, in turn, undercuts of those).
        """
        claims = {k: v for k, v in self.claims.items() if k != element}
        steps = {k: v for k, v in self.inferences.items() if k != element}
        return Structure(claims, _resolved(claims, steps), self.thesis if self.thesis in claims else None)


def _distinct(ids: list[str]) -> tuple[str, ...]:
    """The ids in order, without repeats (the common short cases without building a dict)."""
    if len(ids) < 2 or (len(ids) == 2 and ids[0] != ids[1]):
        return tuple(ids)
    return tuple(dict.fromkeys(ids))


def _resolved(claims: dict[str, ClaimBasis], steps: dict[str, Step]) -> dict[str, Step]:
    """Drop inferences whose premises or conclusion do not resolve (cascading to undercuts)."""
    undercuts: dict[str, list[str]] = {}
    for step in steps.values():
        if step.kind == _UNDERCUT:
            undercuts.setdefault(step.conclusion, []).append(step.id)

    def broken(step: Step) -> bool:
        if not step.premises or any(p not in claims for p in step.premises):
            return True
        if step.kind == _UNDERCUT:
            return step.conclusion not in steps
        return step.conclusion not in claims

    dropped = [sid for sid, step in steps.items() if broken(step)]
    gone: set[str] = set()
    while dropped:
        sid = dropped.pop()
        if sid in gone:
            continue
        gone.add(sid)
        dropped.extend(undercuts.get(sid, ()))
    return {sid: step for sid, step in steps.items() if sid not in gone}
