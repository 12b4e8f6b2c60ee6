"""Acceptability labels on small hand-made maps: attacks, undercuts, reinstatement, cycles."""

from __future__ import annotations

import pytest

from argmap.evaluation.evaluate import evaluate
from .helpers import build, step


def labels(make_map, claim_specs, *steps):
    return evaluate(build(make_map, claim_specs, *steps)).label


def test_unattacked_claims_are_in(make_map):
    assert labels(make_map, ("a:evidence", "b", "c:assumption")) == {"a": "in", "b": "in", "c": "in"}


def test_attack_by_an_accepted_claim_puts_the_target_out(make_map):
    got = labels(make_map, ("t:evidence", "x"), step("a", "x", "t", kind="attack"))
    assert got == {"t": "out", "x": "in"}


def test_reinstatement_an_attacked_attacker(make_map):
    got = labels(make_map, ("t", "x", "r"), step("a", "x", "t", kind="attack"), step("b", "r", "x", kind="attack"))
    assert got == {"t": "in", "x": "out", "r": "in"}


def test_reinstatement_chain_alternates(make_map):
    steps = [step(f"a{k}", f"c{k + 1}", f"c{k}", kind="attack") for k in range(4)]
    got = labels(make_map, tuple(f"c{k}" for k in range(5)), *steps)
    assert got == {"c0": "in", "c1": "out", "c2": "in", "c3": "out", "c4": "in"}


def test_mutual_attack_is_undecided(make_map):
    got = labels(make_map, ("a", "b"), step("x", "a", "b", kind="attack"), step("y", "b", "a", kind="attack"))
    assert got == {"a": "undecided", "b": "undecided"}


def test_odd_attack_cycle_is_undecided_and_so_is_what_it_attacks(make_map):
    steps = [step("x", "a", "b", kind="attack"), step("y", "b", "c", kind="attack"), step("z", "c", "a", kind="attack"),
             step("w", "c", "d", kind="attack")]
    got = labels(make_map, ("a", "b", "c", "d"), *steps)
    assert got == {"a": "undecided", "b": "undecided", "c": "undecided", "d": "undecided"}


def test_self_attack_is_undecided_and_harmless_to_others(make_map):
    got = labels(make_map, ("a", "b"), step("x", "a", "a", kind="attack"))
    assert got == {"a": "undecided", "b": "in"}


def test_undercut_defeats_the_step_and_an_unfounded_conclusion(make_map):
    ev = evaluate(build(make_map, ("t", "p:evidence", "q"), step("i", "p", "t"), step("u", "q", "i", kind="undercut")))
    assert ev.inference_label == {"i": "out", "u": "in"}
    assert ev.label == {"t": "out", "p": "in", "q": "in"}
    assert ev.status["t"] == "supported"  # status is about support; the undercut shows in the label


def test_undercut_leaves_a_conclusion_with_evidence_in(make_map):
    ev = evaluate(build(make_map, ("t:evidence", "p:evidence", "q"), step("i", "p", "t"), step("u", "q", "i", kind="undercut")))
    assert ev.inference_label["i"] == "out"
    assert ev.label["t"] == "in"


def test_undercut_leaves_a_conclusion_with_another_standing_support_in(make_map):
    m = build(make_map, ("t", "p", "r", "q"), step("i", "p", "t"), step("j", "r", "t"), step("u", "q", "i", kind="undercut"))
    ev = evaluate(m)
    assert ev.inference_label == {"i": "out", "j": "in", "u": "in"}
    assert ev.label["t"] == "in"


def test_undercut_of_an_undercut_reinstates_the_step(make_map):
    m = build(make_map, ("t", "p", "q", "r"), step("i", "p", "t"), step("u", "q", "i", kind="undercut"),
              step("v", "r", "u", kind="undercut"))
    ev = evaluate(m)
    assert ev.inference_label == {"i": "in", "u": "out", "v": "in"}
    assert ev.label["t"] == "in"


def test_conclusion_falls_when_its_premise_is_out(make_map):
    m = build(make_map, ("t", "p", "x"), step("i", "p", "t"), step("a", "x", "p", kind="attack"))
    ev = evaluate(m)
    assert ev.label == {"t": "out", "p": "out", "x": "in"}
    assert ev.inference_label["i"] == "out"


@pytest.mark.parametrize("y_attacked,expected", [(False, "out"), (True, "in")])
def test_linked_attack_holds_only_if_all_its_premises_are_in(make_map, y_attacked, expected):
    steps = [step("a", "x, y", "t", kind="attack")]
    if y_attacked:
        steps.append(step("b", "z", "y", kind="attack"))
    got = labels(make_map, ("t", "x", "y", "z"), *steps)
    assert got["t"] == expected


def test_undecided_premise_makes_its_attack_undecided(make_map):
    steps = [step("x1", "a", "b", kind="attack"), step("x2", "b", "a", kind="attack"), step("h", "a", "t", kind="attack")]
    got = labels(make_map, ("a", "b", "t"), *steps)
    assert got["t"] == "undecided"


def test_support_cycle_with_nothing_under_it_is_undecided(make_map):
    got = labels(make_map, ("a", "b"), step("i", "a", "b"), step("j", "b", "a"))
    assert got == {"a": "undecided", "b": "undecided"}


def test_support_cycle_with_an_entry_is_in(make_map):
    got = labels(make_map, ("a", "b", "c"), step("i", "a", "b"), step("j", "b", "a"), step("k", "c", "a"))
    assert got == {"a": "in", "b": "in", "c": "in"}
