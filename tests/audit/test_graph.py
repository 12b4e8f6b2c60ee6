"""argmap.graph: the shared queries behave on odd shapes and stay linear."""

from __future__ import annotations

import time

import pytest

from argmap.graph import CON, PRO, ArgumentGraph
from argmap.model import ArgumentMap, InferenceKind


def graph(claims, inferences, thesis=None) -> ArgumentGraph:
    data = {
        "argmap": 1,
        "claims": [{"id": c, "text": c.upper() + "."} for c in claims],
        "inferences": [
            {"id": i, "premises": p, "conclusion": c, "kind": k} for i, (p, c, k) in inferences.items()
        ],
    }
    if thesis:
        data["thesis"] = thesis
    return ArgumentGraph(ArgumentMap.model_validate(data))


def test_lookups_by_kind_and_repeated_premises():
    g = graph("tabx", {"s": (["a", "a"], "t", "support"), "k": (["b"], "t", "attack"), "u": (["x"], "s", "undercut")})
    assert [i.id for i in g.supports("t")] == ["s"]
    assert [i.id for i in g.attacks("t")] == ["k"]
    assert [i.id for i in g.undercuts("s")] == ["u"]
    assert [c.id for c in g.premises("s")] == ["a"]
    assert list(g.support_edges()) == [("a", "t", g.inferences["s"])]
    assert [(p, c) for p, c, _ in g.attack_edges()] == [("b", "t"), ("x", "s")]
    assert g.conclusions("x") == ["s"] and g.conclusions("a", InferenceKind.attack) == []
    assert g.is_attacked("t") and g.is_attacked("s") and not g.is_attacked("a")


def test_reaching_goes_through_undercuts_and_attacks():
    g = graph("tabxyz", {"s": (["a"], "t", "support"), "k": (["b"], "a", "attack"), "u": (["x"], "s", "undercut"),
                         "w": (["y"], "z", "support")})
    assert g.reaching("t") == {"t", "s", "a", "k", "b", "u", "x"}


def test_polarity_sides():
    g = graph("toarx", {"s": (["a"], "t", "support"), "obj": (["o"], "a", "attack"), "rep": (["r"], "o", "attack"),
                        "cut": (["x"], "rep", "undercut")}, thesis="t")
    side = g.polarity()
    assert (side["a"], side["obj"], side["o"], side["rep"], side["r"], side["cut"], side["x"]) == (
        PRO, CON, CON, PRO, PRO, CON, CON
    )


def test_claim_on_both_sides_counts_as_pro():
    g = graph("tab", {"s": (["a"], "t", "support"), "k": (["a"], "b", "attack"), "s2": (["b"], "t", "support")}, "t")
    assert g.polarity()["a"] == PRO


def test_overlapping_cycles_give_one_cycle_per_tangle():
    g = graph("abc", {"1": (["a"], "b", "support"), "2": (["b"], "a", "support"), "3": (["b"], "c", "support"),
                      "4": (["c"], "a", "support")})
    assert g.support_cycles() == [["a", "b"]]


def _chain_with_back_edge(n: int) -> ArgumentGraph:
    claims = [f"c{i}" for i in range(n)]
    infs = {f"i{i}": ([f"c{i}"], f"c{i + 1}", "support") for i in range(n - 1)}
    infs["back"] = ([f"c{n - 1}"], "c0", "support")
    return graph(claims, infs)


def test_long_cycle_needs_no_recursion():
    (cycle,) = _chain_with_back_edge(5_000).support_cycles()
    assert len(cycle) == 5_000 and cycle[0] == "c0"


@pytest.mark.bench
def test_cycle_search_time_grows_linearly():
    timings = []
    for n in (10_000, 40_000):
        g = _chain_with_back_edge(n)
        best = min(_timed(g.support_cycles) for _ in range(3))
        timings.append(best)
    print(f"support_cycles: 10k {timings[0]:.3f}s, 40k {timings[1]:.3f}s")
    assert timings[1] < timings[0] * 8  # 4x the size: linear ~4x, quadratic ~16x


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start
