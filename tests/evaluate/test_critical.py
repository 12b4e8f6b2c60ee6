"""The critical step: the thesis's single point of failure."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from argmap.evaluation.evaluate import evaluate
from argmap.evaluation.critical import critical_steps, critical_steps_by_removal
from argmap.evaluation.structure import Structure
from argmap.model import ArgumentMap

from .helpers import RANDOMS, build, random_map_data, step


def test_chain_names_the_hedged_step(make_map):
    m = build(make_map, ("t", "m", "p:evidence"), step("i", "m", "t"), step("j", "p", "m", qualifier="could"), thesis="t")
    ev = evaluate(m)
    assert ev.status["t"] == "weak"
    assert [c.id for c in ev.critical_steps][0] == "j"
    assert {c.id for c in ev.critical_steps} == {"i", "m", "j", "p"}
    top = ev.critical_steps[0]
    assert (top.kind, top.status, top.label) == ("inference", "unsupported", "in")


def test_two_sound_alternatives_leave_no_single_point_of_failure(make_map):
    m = build(make_map, ("t", "p:evidence", "q:evidence"), step("i", "p", "t"), step("j", "q", "t"), thesis="t")
    assert evaluate(m).critical_step is None


def test_thesis_with_its_own_evidence_has_no_critical_step(make_map):
    m = build(make_map, ("t:evidence", "p:evidence"), step("i", "p", "t", qualifier="may"), thesis="t")
    assert evaluate(m).critical_step is None


def test_linked_step_names_the_assumed_premise(make_map):
    m = build(make_map, ("t", "p:evidence", "q:assumption"), step("i", "p, q", "t"), thesis="t")
    ev = evaluate(m)
    assert ev.critical_step == "q"
    assert ev.critical_steps[0].status == "unsupported"


def test_bigger_drop_ranks_first(make_map):
    # p is under both alternatives: without it t is unsupported; without q, r, i or j the hedged k still makes it weak
    m = build(make_map, ("t", "q:assumption", "r", "p:evidence"), step("i", "q, r", "t"), step("j", "p", "r"),
              step("k", "p", "t", qualifier="may"), thesis="t")
    ev = evaluate(m)
    assert ev.status["t"] == "assumed"
    got = [(c.id, c.status) for c in ev.critical_steps]
    assert got[0] == ("p", "unsupported")
    assert got[1] == ("q", "weak")  # the assumption is the weakest of the rest
    assert set(got[2:]) == {("i", "weak"), ("j", "weak"), ("r", "weak")}


def test_label_critical_support_when_the_other_is_undercut(make_map):
    m = build(make_map, ("t", "p", "r", "x"), step("i", "p", "t"), step("j", "r", "t"),
              step("u", "x", "j", kind="undercut"), thesis="t")
    ev = evaluate(m)
    assert ev.label["t"] == "in"
    assert {(c.id, c.status, c.label) for c in ev.critical_steps} == {("i", "unsupported", "out"), ("p", "unsupported", "out")}
    assert ev.critical_step == "p"  # the bare premise is weaker than the sound step it feeds


def test_label_critical_defender(make_map):
    m = build(make_map, ("t:evidence", "x", "r"), step("a", "x", "t", kind="attack"), step("b", "r", "x", kind="attack"),
              thesis="t")
    ev = evaluate(m)
    assert ev.label["t"] == "in"
    assert {c.id for c in ev.critical_steps} == {"b", "r"}
    assert all(c.label == "out" for c in ev.critical_steps)


def test_no_thesis_no_critical_step(make_map):
    assert evaluate(build(make_map, ("a",))).critical_steps == []


@settings(max_examples=150, deadline=None, derandomize=True)
@given(rng=RANDOMS)
def test_fast_search_agrees_with_removal_and_reevaluation(rng):
    m = ArgumentMap.model_validate(random_map_data(rng, rng.randint(2, 9), rng.randint(1, 12)))
    s = Structure.from_map(m)
    fast = critical_steps(s).steps
    slow = critical_steps_by_removal(s)
    slow_status = {c.id: c.status for c in slow if c.status != evaluate(m).status[s.thesis]}
    if slow_status:
        assert {c.id: c.status for c in fast} == slow_status
    else:
        assert {c.id: c.label for c in fast} == {c.id: c.label for c in slow}
