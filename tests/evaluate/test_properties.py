"""Properties of the support status on random maps: it solves its defining equations, every status has a
well-founded derivation, and more evidence never weakens anything."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from argmap.evaluation.evaluate import evaluate
from argmap.evaluation.structure import RANKS
from argmap.model import ArgumentMap

from .helpers import RANDOMS, random_map_data


def rank_equation(ev, m: ArgumentMap, cid: str) -> int:
    """max(basis, strongest support inference), each inference = min(its own step, its premises)."""
    s = ev.structure
    basis = s.claims[cid]
    best = max(3 if basis.tier in ("attributed", "cited", "archived") else 1 if basis.evidence else 0,
               2 if basis.assumption else 0)
    for step in s.support_into(cid):
        best = max(best, min([step.key[0]] + [RANKS[ev.status[p]] for p in step.premises]))
    return best


@settings(max_examples=200, deadline=None, derandomize=True)
@given(rng=RANDOMS)
def test_status_is_a_well_founded_fixed_point(rng):
    m = ArgumentMap.model_validate(random_map_data(rng, rng.randint(1, 12), rng.randint(0, 20)))
    ev = evaluate(m)
    for c in m.claims:
        assert RANKS[ev.status[c.id]] == rank_equation(ev, m, c.id)
    # following the recorded reasons from any claim reaches evidence or assumptions without a cycle
    for c in m.claims:
        stack: list = [(c.id, frozenset())]
        while stack:
            cid, above = stack.pop()
            assert cid not in above, f"derivation of {c.id} cycles through {cid}"
            why = ev.support.reason[cid]
            if why.kind == "inference":
                stack.extend((p, above | {cid}) for p in ev.structure.inferences[why.via[0]].premises)
            else:
                assert why.kind in ("evidence", "assumption") or ev.status[cid] == "unsupported"


@settings(max_examples=100, deadline=None, derandomize=True)
@given(rng=RANDOMS)
def test_more_evidence_never_weakens(rng):
    data = random_map_data(rng, rng.randint(1, 10), rng.randint(0, 15))
    before = evaluate(ArgumentMap.model_validate(data)).status
    rng.choice(data["claims"])["evidence"] = ["e"]
    after = evaluate(ArgumentMap.model_validate(data)).status
    assert all(RANKS[after[c]] >= RANKS[before[c]] for c in before)
