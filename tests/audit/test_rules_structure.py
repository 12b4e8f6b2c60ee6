"""ARG2xx rules: thesis, circular support, reachability, standing objections."""

from __future__ import annotations

from argmap.config import Config
from argmap.graph import ArgumentGraph
from argmap.model import ArgumentMap

from .helpers import audit_text, codes


def only(code: str) -> Config:
    return Config(select=[code])


def claims(*ids: str) -> str:
    return "".join(f"  - id: {i}\n    text: {i.upper()}.\n    assumption: true\n" for i in ids)


def steps(*triples: tuple) -> str:
    out = "inferences:\n"
    for n, (premises, conclusion, kind) in enumerate(triples):
        out += f"  - id: s{n}\n    premises: [{', '.join(premises)}]\n    conclusion: {conclusion}\n    kind: {kind}\n"
    return out


def test_missing_thesis_and_thesis_not_a_claim(tmp_path):
    base = "argmap: 1\nclaims:\n" + claims("a") + "evidence:\n  - id: e\n    citation: C.\n"
    found = audit_text(tmp_path, base, config=Config(select=["ARG2"]))
    assert codes(found) == [("ARG201", None)]
    assert (found[0].location.line, found[0].location.column) == (1, 1)
    found = audit_text(tmp_path, base.replace("argmap: 1\n", "argmap: 1\nthesis: e\n"), config=Config(select=["ARG2"]))
    assert codes(found) == [("ARG202", "e")] and "evidence record" in found[0].message


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


def test_unreachable_claims(tmp_path):
    text = "argmap: 1\nthesis: t\nclaims:\n" + claims("t", "a", "b", "o", "r", "stray") + steps(
        (["a"], "t", "support"), (["b"], "a", "support"),  # chain to the thesis
        (["o"], "s0", "undercut"),  # undercut of a step into the thesis
        (["r"], "o", "attack"),  # reply to the undercut
    )
    assert codes(audit_text(tmp_path, text, config=only("ARG204"))) == [("ARG204", "stray")]


def test_no_reachability_findings_without_thesis(tmp_path):
    text = "argmap: 1\nclaims:\n" + claims("a", "b")
    assert audit_text(tmp_path, text, config=only("ARG204")) == []


def test_standing_objection_only_against_the_thesis_side(tmp_path):
    text = "argmap: 1\nthesis: t\nclaims:\n" + claims("t", "a", "o", "r", "x") + steps(
        (["a"], "t", "support"),
        (["o"], "a", "attack"),  # objection to a premise of the thesis: answered by r
        (["r"], "o", "attack"),  # the reply: stands, as it should
        (["x"], "s0", "undercut"),  # undercut of the step a -> t: never answered
    )
    found = audit_text(tmp_path, text, config=only("ARG205"))
    assert codes(found) == [("ARG205", "s3")]
    assert "undercut 's3' (from 'x') against step 's0' is never answered" == found[0].message


def test_undercutting_the_objection_answers_it(tmp_path):
    text = "argmap: 1\nthesis: t\nclaims:\n" + claims("t", "o", "r") + steps(
        (["o"], "t", "attack"), (["r"], "s0", "undercut")
    )
    assert audit_text(tmp_path, text, config=only("ARG205")) == []


def test_without_thesis_every_unanswered_attack_is_standing(tmp_path):
    text = "argmap: 1\nclaims:\n" + claims("a", "b") + steps((["a"], "b", "attack"))
    assert codes(audit_text(tmp_path, text, config=only("ARG205"))) == [("ARG205", "s0")]
