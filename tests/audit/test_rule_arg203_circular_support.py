"""ARG203 circular-support: each cycle once, in order, at its first claim."""

from __future__ import annotations

from argmap.graph import ArgumentGraph
from argmap.model import ArgumentMap

from .helpers import audit_text, claims, codes, only, steps


def test_each_cycle_reported_once_in_order_at_its_first_claim(tmp_path):
    text = "argmap: 1\nthesis: a\nclaims:\n" + claims("a", "b", "c", "d", "e") + steps(
        (["b"], "c", "support"), (["c"], "d", "support"), (["d"], "b", "support"),  # b -> c -> d -> b
        (["a"], "a", "support"),  # a self-loop
        (["e"], "a", "support"),  # not a cycle
    )
    found = audit_text(tmp_path, text, config=only("ARG203"))
    assert codes(found) == [("ARG203", "a"), ("ARG203", "b")]
    assert found[0].related == ["a"]
    assert found[1].related == ["b", "c", "d"]
    assert "'b' -> 'c' -> 'd' -> 'b'" in found[1].message and "'s0', 's1', 's2'" in found[1].message


def test_attack_loops_are_not_circular_support(tmp_path):
    text = "argmap: 1\nclaims:\n" + claims("a", "b") + steps((["a"], "b", "attack"), (["b"], "a", "attack"))
    assert audit_text(tmp_path, text, config=only("ARG203")) == []


def test_long_cycle_is_found_without_recursion_limit():
    n = 5000
    m = ArgumentMap.model_validate({
        "argmap": 1,
        "claims": [{"id": f"c{i}", "text": "x"} for i in range(n)],
        "inferences": [{"id": f"i{i}", "premises": [f"c{i}"], "conclusion": f"c{(i + 1) % n}"} for i in range(n)],
    })
    (cycle,) = ArgumentGraph(m).support_cycles()
    assert cycle == [f"c{i}" for i in range(n)]
