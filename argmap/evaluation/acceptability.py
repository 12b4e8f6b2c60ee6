"""Acceptability under attack: the map as an abstract framework, labelled by grounded semantics.

Arguments of the framework are the map's claims and inferences, plus two kinds
of auxiliary arguments that express, with attacks only, what an inference and
a derived claim need:

- ``claim:C`` and ``inference:I`` for every claim and inference;
- ``lacks:P`` — "premise P is not accepted": attacked by ``claim:P`` and
  attacking every inference that uses P. So an inference is ``in`` only when
  all its premises are ``in`` (and nothing defeats it), and ``out`` as soon as
  one premise is ``out``. This is how a linked attack works too: it holds only
  if all its attacking premises are ``in``.
- ``unfounded:C`` — "no support of C stands": only for a claim that has
  support inferences but neither evidence nor ``assumption: true``. It
  attacks ``claim:C`` and is attacked by each support inference into C. Such a
  claim is ``out`` once every inference supporting it is ``out``.

Attacks of the map: an ``attack`` inference attacks its conclusion claim; an
``undercut`` attacks the inference it targets (it defeats the step, not the
conclusion: the conclusion falls only if it has no other standing support).
A claim with no support inferences at all stands unless attacked: whether
its support is enough is the support status's business, not this one's.

Attacks are not weighed: qualifiers and warrants shape the support status,
not the labels (there are no preferences between arguments).

The grounded labelling of this framework labels each claim and inference
``in``, ``out`` or ``undecided``. A cycle of support with nothing under it is
``undecided`` (grounded semantics is sceptical), and so are claims caught in
a cycle of mutual attacks.

>>> from argmap.model import ArgumentMap
>>> from argmap.evaluation.structure import Structure
>>> m = ArgumentMap.model_validate({"argmap": 1, "claims": [
...     {"id": "c", "text": "C."}, {"id": "a", "text": "A."}, {"id": "r", "text": "R."}],
...     "inferences": [{"id": "x", "kind": "attack", "premises": ["a"], "conclusion": "c"},
...                    {"id": "y", "kind": "attack", "premises": ["r"], "conclusion": "a"}]})
>>> acceptability(Structure.from_map(m)).claim_labels()
{'c': 'in', 'a': 'out', 'r': 'in'}
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.evaluation.framework import Labelling, grounded
from argmap.evaluation.structure import Structure

__all__ = ["CLAIM", "INFERENCE", "LACKS", "UNFOUNDED", "Acceptability", "framework", "acceptability", "node", "split"]

CLAIM, INFERENCE, LACKS, UNFOUNDED = "claim", "inference", "lacks", "unfounded"


def node(kind: str, id: str) -> str:
    """Name of a framework argument.

    >>> node("claim", "a")
    'claim:a'
    """
    return f"{kind}:{id}"


def split(name: str) -> tuple[str, str]:
    """Inverse of :func:`node`.

    >>> split("lacks:x:y")
    ('lacks', 'x:y')
    """
    kind, _, id = name.partition(":")
    return kind, id


def framework(s: Structure) -> tuple[list[str], list[tuple[str, str]]]:
    """The abstract framework of a map: argument names and attacks."""
    args: list[str] = [node(CLAIM, c) for c in s.claims]
    attacks: list[tuple[str, str]] = []
    lacking: set[str] = set()
    for step in s.inferences.values():
        me = node(INFERENCE, step.id)
        args.append(me)
        for p in step.premises:
            if p not in lacking:
                lacking.add(p)
                args.append(node(LACKS, p))
                attacks.append((node(CLAIM, p), node(LACKS, p)))
            attacks.append((node(LACKS, p), me))
        if step.kind == "attack":
            attacks.append((me, node(CLAIM, step.conclusion)))
        elif step.kind == "undercut":
            attacks.append((me, node(INFERENCE, step.conclusion)))
    for cid, basis in s.claims.items():
        supports = s.support_into(cid)
        if supports and not basis.evidence and not basis.assumption:
            u = node(UNFOUNDED, cid)
            args.append(u)
            attacks.append((u, node(CLAIM, cid)))
            attacks.extend((node(INFERENCE, step.id), u) for step in supports)
    return args, attacks


@dataclass
class Acceptability:
    """The grounded labelling of a map's framework."""

    labelling: Labelling

    def of(self, kind: str, id: str) -> str:
        return self.labelling.label[node(kind, id)]

    def claim_labels(self) -> dict[str, str]:
        return {split(a)[1]: lab for a, lab in self.labelling.label.items() if a.startswith(CLAIM + ":")}

    def inference_labels(self) -> dict[str, str]:
        return {split(a)[1]: lab for a, lab in self.labelling.label.items() if a.startswith(INFERENCE + ":")}


def acceptability(s: Structure) -> Acceptability:
    """Label every claim and inference of ``s`` by grounded semantics."""
    args, attacks = framework(s)
    return Acceptability(grounded(args, attacks))
