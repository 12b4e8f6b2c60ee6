"""Evaluate a map: which claims stand, how strongly, and what would bring the thesis down.

Pure functions returning data; nothing here prints or reads files.

**Support status** (``Evaluation.status``, claim id → ``supported`` |
``assumed`` | ``weak`` | ``unsupported``) propagates from evidence through
support inferences:

- ``supported``: the claim has evidence (a non-empty ``evidence`` list), or
  a support inference whose premises are all supported and whose step is
  neither hedged nor warrant-less;
- ``assumed``: a declared assumption (``assumption: true``), or resting on
  one through sound steps;
- ``weak``: rests somewhere on a hedged step (qualifier strength < 4, see
  :func:`argmap.model.strength`) or on a step whose warrant is unstated
  (``warrant: null``) — even when that step's premises are all supported: an
  unstated warrant is a gap in the reasoning, which is what the issue asks
  this status to show;
- ``unsupported``: reaches neither evidence nor an assumption.

A linked inference is only as strong as its weakest premise (and its own
step); independent inferences into one claim are alternatives, the strongest
counts. Cycles do not count as support: statuses are the least fixed point
over the order supported > assumed > weak > unsupported. A claim's own
``qualifier`` records how firmly the author asserts it and does not change its
status; attacks do not change status either (that is the label's job).
See :mod:`argmap.evaluation.support`.

**Acceptability** (``Evaluation.label``, claim id → ``in`` | ``out`` |
``undecided``): the grounded labelling of an abstract framework built from
claims and inferences; attacks attack claims, undercuts attack inferences,
an inference needs all its premises ``in``, and a claim that rests only on
inferences (no evidence, not an assumption) is ``out`` once all of them are.
See :mod:`argmap.evaluation.acceptability`.

**Weakest link** (``Evaluation.weakest_link``): the weakest element on the
chain that decides a claim's status. **Critical step**
(``Evaluation.critical_step``): the thesis's single point of failure — the
inference or premise whose removal lowers its status (or else its label);
searched on first use. See :mod:`argmap.evaluation.critical`.

**Explanations** (:func:`explain`): for one claim, the tree of support
steps down to evidence and assumptions, with the attacks on the way, as data
(``argmap explain`` prints it). See :mod:`argmap.evaluation.explanation`.

>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap.model_validate({"argmap": 1, "thesis": "t", "claims": [
...     {"id": "t", "text": "T."}, {"id": "p", "text": "P.", "evidence": ["e"]}],
...     "evidence": [{"id": "e", "citation": "Report"}],
...     "inferences": [{"id": "i", "premises": ["p"], "conclusion": "t", "qualifier": "may", "warrant": "w"}]})
>>> ev = evaluate(m)
>>> ev.status, ev.label
({'t': 'weak', 'p': 'supported'}, {'t': 'in', 'p': 'in'})
>>> ev.weakest_link["t"], ev.critical_step
('i', 'i')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from argmap.evaluation.acceptability import Acceptability, acceptability
from argmap.evaluation.critical import CriticalSearch, CriticalStep, critical_steps
from argmap.evaluation.explanation import Explanation, explain
from argmap.evaluation.framework import LABELS
from argmap.evaluation.structure import STATUSES, Structure
from argmap.evaluation.support import Support, support
from argmap.model import ArgumentMap

__all__ = ["STATUSES", "LABELS", "Evaluation", "CriticalStep", "Explanation", "evaluate", "explain", "to_dict"]


@dataclass
class Evaluation:
    """Everything evaluation found out about one map."""

    status: dict[str, str]
    """Claim id → supported | assumed | weak | unsupported."""
    label: dict[str, str]
    """Claim id → in | out | undecided."""
    weakest_link: dict[str, Optional[str]]
    """Claim id → id of the weakest element on its deciding chain, or None."""
    inference_status: dict[str, str]
    """Support inference id → status of the chain through it."""
    inference_label: dict[str, str]
    """Inference id (any kind) → in | out | undecided."""
    thesis: Optional[str] = None
    structure: Optional[Structure] = field(default=None, repr=False)
    support: Optional[Support] = field(default=None, repr=False)
    acceptability: Optional[Acceptability] = field(default=None, repr=False)
    _critical: Optional[CriticalSearch] = field(default=None, repr=False)

    @property
    def critical(self) -> CriticalSearch:
        """The critical-step search for the thesis, run on first use (it is the costly part)."""
        if self._critical is None:
            if self.thesis is None or self.structure is None:
                self._critical = CriticalSearch([], True)
            else:
                self._critical = critical_steps(self.structure, self.support, self.acceptability)
        return self._critical

    @property
    def critical_steps(self) -> list[CriticalStep]:
        """Single points of failure of the thesis, most critical first."""
        return self.critical.steps

    @property
    def critical_step(self) -> Optional[str]:
        """Id of the thesis's most critical step, or None."""
        steps = self.critical.steps
        return steps[0].id if steps else None


def evaluate(m: ArgumentMap) -> Evaluation:
    """Evaluate ``m``: status, label and weakest link of every claim; the thesis's critical step.

    Near-linear in the size of the map; the critical step is searched only
    when first asked for.
    """
    s = Structure.from_map(m)
    sup = support(s)
    acc = acceptability(s)
    inference_status = {sid: sup.step_status(sid) for sid, step in s.inferences.items() if step.kind == "support"}
    return Evaluation(
        status=sup.status,
        label=acc.claim_labels(),
        weakest_link=sup.weakest,
        inference_status=inference_status,
        inference_label=acc.inference_labels(),
        thesis=s.thesis,
        structure=s,
        support=sup,
        acceptability=acc,
    )


def to_dict(m: ArgumentMap, ev: Evaluation) -> dict:
    """The evaluation as plain data (the ``argmap evaluate --format json`` document).

    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({"argmap": 1, "thesis": "a", "claims": [{"id": "a", "text": "A."}]})
    >>> to_dict(m, evaluate(m))
    {'claims': [{'id': 'a', 'text': 'A.', 'status': 'unsupported', 'label': 'in', 'weakest_link': 'a', 'evidence_tier': None}], 'thesis': {'id': 'a', 'status': 'unsupported', 'label': 'in', 'critical_step': None}}
    """
    claims = [
        {
            "id": c.id,
            "text": c.text,
            "status": ev.status[c.id],
            "label": ev.label[c.id],
            "weakest_link": ev.weakest_link.get(c.id),
            "evidence_tier": ev.structure.claims[c.id].tier if ev.structure else None,
        }
        for c in m.claims
        if c.id in ev.status
    ]
    thesis = None
    if ev.thesis is not None:
        thesis = {
            "id": ev.thesis,
            "status": ev.status[ev.thesis],
            "label": ev.label[ev.thesis],
            "critical_step": ev.critical_step,
        }
    return {"claims": claims, "thesis": thesis}
