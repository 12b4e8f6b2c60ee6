"""Support status on small hand-made maps: every status, linked vs independent premises, cycles."""

from __future__ import annotations

import time

import pytest

from argmap.evaluation.evaluate import evaluate
from argmap.model import ArgumentMap

from .helpers import HEAD, build, step

def test_base_statuses(make_map):
    ev = evaluate(build(make_map, ("a:evidence", "b:assumption", "c")))
    assert ev.status == {"a": "supported", "b": "assumed", "c": "unsupported"}
    assert ev.weakest_link == {"a": None, "b": "b", "c": "c"}


def test_evidence_beats_assumption(make_map):
    m = make_map(HEAD + "claims:\n  - id: a\n    text: A.\n    evidence: [e]\n    assumption: true\n")
    assert evaluate(m).status["a"] == "supported"


def test_sound_step_passes_support_on(make_map):
    ev = evaluate(build(make_map, ("t", "p:evidence"), step("i", "p", "t")))
    assert ev.status["t"] == "supported"
    assert ev.weakest_link["t"] is None
    assert ev.inference_status["i"] == "supported"


@pytest.mark.parametrize("qualifier,expected", [
    ("might", "weak"), ("could", "weak"), ("arguably", "weak"), ("likely", "weak"),
    ("should", "supported"), ("presumably", "supported"), ("certainly", "supported"), (None, "supported"),
])
def test_hedged_step_is_weak(make_map, qualifier, expected):
    ev = evaluate(build(make_map, ("t", "p:evidence"), step("i", "p", "t", qualifier=qualifier)))
    assert ev.status["t"] == expected
    assert ev.weakest_link["t"] == ("i" if expected == "weak" else ev.weakest_link["t"])


def test_should_step_is_supported_but_named_as_weakest(make_map):
    ev = evaluate(build(make_map, ("t", "p:evidence"), step("i", "p", "t", qualifier="should")))
    assert ev.status["t"] == "supported" and ev.weakest_link["t"] == "i"


def test_unstated_warrant_is_weak_even_on_supported_premises(make_map):
    ev = evaluate(build(make_map, ("t", "p:evidence"), step("i", "p", "t", warrant=None)))
    assert ev.status["t"] == "weak"
    assert ev.weakest_link["t"] == "i"


def test_assumption_passes_through_sound_step(make_map):
    ev = evaluate(build(make_map, ("t", "p:assumption"), step("i", "p", "t")))
    assert ev.status["t"] == "assumed" and ev.weakest_link["t"] == "p"


def test_assumption_through_hedged_step_is_weak(make_map):
    ev = evaluate(build(make_map, ("t", "p:assumption"), step("i", "p", "t", qualifier="may")))
    assert ev.status["t"] == "weak" and ev.weakest_link["t"] == "i"


def test_claim_qualifier_does_not_change_status(make_map):
    m = make_map(HEAD + "claims:\n  - id: a\n    text: A.\n    qualifier: could\n    evidence: [e]\n")
    assert evaluate(m).status["a"] == "supported"


@pytest.mark.parametrize("bases,expected,weakest", [
    (("p:evidence", "q:evidence"), "supported", None),
    (("p:evidence", "q:assumption"), "assumed", "q"),
    (("p:evidence", "q"), "unsupported", "q"),
    (("p:assumption", "q"), "unsupported", "q"),
])
def test_linked_premises_take_the_weakest(make_map, bases, expected, weakest):
    ev = evaluate(build(make_map, ("t", *bases), step("i", "p, q", "t")))
    assert ev.status["t"] == expected
    assert ev.weakest_link["t"] == weakest


def test_linked_premise_that_is_weak_makes_the_step_weak(make_map):
    m = build(make_map, ("t", "p:evidence", "q", "r:evidence"), step("i", "p, q", "t"), step("j", "r", "q", qualifier="could"))
    ev = evaluate(m)
    assert ev.status["q"] == "weak" and ev.status["t"] == "weak"
    assert ev.weakest_link["t"] == "j"  # the hedge two levels down is what makes t weak


@pytest.mark.parametrize("second,expected", [
    ("q:evidence", "supported"),  # the sound alternative wins over the hedged one
    ("q:assumption", "assumed"),
    ("q", "weak"),  # the unsupported alternative does not pull the hedged one down
])
def test_independent_inferences_are_alternatives(make_map, second, expected):
    m = build(make_map, ("t", "p:evidence", second), step("i", "p", "t", qualifier="may"), step("j", "q", "t"))
    ev = evaluate(m)
    assert ev.status["t"] == expected
    assert ev.support.reason["t"].via == (("i",) if expected == "weak" else ("j",))


def test_strongest_hedge_counts_among_weak_alternatives(make_map):
    m = build(make_map, ("t", "p:evidence", "q:evidence"),
              step("i", "p", "t", qualifier="might"), step("j", "q", "t", qualifier="likely"))
    ev = evaluate(m)
    assert ev.status["t"] == "weak" and ev.weakest_link["t"] == "j"


def test_ties_name_the_link_nearest_the_claim(make_map):
    m = build(make_map, ("t", "m", "p:evidence"), step("i", "m", "t", warrant=None), step("j", "p", "m", warrant=None))
    assert evaluate(m).weakest_link["t"] == "i"


def test_cycle_does_not_support_itself(make_map):
    m = build(make_map, ("a", "b"), step("i", "a", "b"), step("j", "b", "a"))
    ev = evaluate(m)
    assert ev.status == {"a": "unsupported", "b": "unsupported"}
    assert ev.weakest_link["a"] == "a" and ev.weakest_link["b"] == "b"


def test_self_loop_does_not_support_itself(make_map):
    ev = evaluate(build(make_map, ("a",), step("i", "a", "a")))
    assert ev.status["a"] == "unsupported"


def test_cycle_with_an_entry_is_supported(make_map):
    m = build(make_map, ("a", "b", "c:evidence"), step("i", "a", "b"), step("j", "b", "a"), step("k", "c", "a"))
    ev = evaluate(m)
    assert ev.status == {"a": "supported", "b": "supported", "c": "supported"}
    assert ev.support.reason["a"].via == ("k",)  # not via the cycle


def test_unsupported_chain_names_the_bare_claim(make_map):
    m = build(make_map, ("t", "m", "p"), step("i", "m", "t"), step("j", "p", "m"))
    ev = evaluate(m)
    assert ev.status["t"] == "unsupported" and ev.weakest_link["t"] == "p"


def test_attacks_do_not_change_status(make_map):
    m = build(make_map, ("t:evidence", "x:evidence"), step("a", "x", "t", kind="attack"))
    ev = evaluate(m)
    assert ev.status["t"] == "supported" and ev.label["t"] == "out"


def chain(n: int, last_qualifier: str = "may") -> ArgumentMap:
    """c0 <- c1 <- ... <- c(n-1) <- base (evidence); every step sound except the last, which is hedged."""
    data = {
        "argmap": 1,
        "thesis": "c0",
        "claims": [{"id": f"c{k}", "text": "C."} for k in range(n)] + [{"id": "base", "text": "B.", "evidence": ["e"]}],
        "evidence": [{"id": "e"}],
        "inferences": [{"id": f"i{k}", "premises": [f"c{k + 1}"], "conclusion": f"c{k}", "warrant": "w"} for k in range(n - 1)]
        + [{"id": "last", "premises": ["base"], "conclusion": f"c{n - 1}", "qualifier": last_qualifier}],
    }
    return ArgumentMap.model_validate(data)


def test_long_chain_has_no_recursion_limit():
    ev = evaluate(chain(5000))
    assert ev.status["c0"] == "weak" and ev.weakest_link["c0"] == "last"
    assert ev.label["c0"] == "in"


def test_critical_step_on_a_chain_of_hundreds_is_quick():
    ev = evaluate(chain(400))
    started = time.perf_counter()
    assert ev.critical_step == "last"
    assert time.perf_counter() - started < 2.0


def test_unresolved_references_are_ignored_not_fatal():
    """The model alone does not check references; evaluation must not fail on maps the loader would reject."""
    m = ArgumentMap.model_validate({
        "argmap": 1, "thesis": "i",  # the thesis names an inference, not a claim
        "claims": [{"id": "a", "text": "A.", "evidence": ["missing"]}, {"id": "b", "text": "B."}],
        "inferences": [
            {"id": "i", "premises": ["a", "ghost"], "conclusion": "b"},
            {"id": "u", "kind": "undercut", "premises": ["a"], "conclusion": "i"},  # its target is dropped too
            {"id": "x", "kind": "attack", "premises": ["a"], "conclusion": "nowhere"},
        ],
    })
    ev = evaluate(m)
    assert ev.status == {"a": "unsupported", "b": "unsupported"}
    assert ev.label == {"a": "in", "b": "in"}
    assert ev.thesis is None and ev.critical_step is None
    assert ev.inference_label == {}
