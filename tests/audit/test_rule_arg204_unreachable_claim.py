"""ARG204 unreachable-claim: claims with no path to the thesis."""

from __future__ import annotations

from .helpers import audit_text, claims, codes, only, steps


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
