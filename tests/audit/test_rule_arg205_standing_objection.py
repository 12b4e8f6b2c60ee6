"""ARG205 standing-objection: unanswered objections against the thesis side."""

from __future__ import annotations

from .helpers import audit_text, claims, codes, only, steps


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
