"""ARG101 unsupported-claim: calibrated by kind; the thesis always needs support."""

from __future__ import annotations

from argmap.audit.config import Config

from tests.maps import supported_thesis

from .helpers import audit_text, codes, only


def test_interpretation_without_support_is_a_warning_fact_is_info(tmp_path):
    found = audit_text(tmp_path, supported_thesis(p_kind="interpretation"), config=Config(select=["ARG101", "ARG102"]))
    assert codes(found) == [("ARG101", "p")]
    found = audit_text(tmp_path, supported_thesis(p_kind="fact"), config=Config(select=["ARG101", "ARG102"]))
    assert [(f.code, f.target, f.severity.value) for f in found] == [("ARG102", "p", "info")]


def test_every_non_fact_kind_needs_support(tmp_path):
    for kind in ("interpretation", "causal", "prediction", "evaluation"):
        assert codes(audit_text(tmp_path, supported_thesis(p_kind=kind), config=only("ARG101"))) == [("ARG101", "p")]


def test_evidence_or_assumption_counts_as_support(tmp_path):
    assumed = supported_thesis(p_kind="causal", p_extra="assumption: true")
    assert audit_text(tmp_path, assumed, config=only("ARG101")) == []
    cited = supported_thesis(p_kind="causal", p_extra="evidence: [e]") + "evidence:\n  - id: e\n    citation: C.\n"
    assert audit_text(tmp_path, cited, config=only("ARG101")) == []


def test_thesis_without_support_is_reported_whatever_its_kind(tmp_path):
    text = "argmap: 1\nthesis: t\nclaims:\n  - id: t\n    text: T.\n    kind: fact\n"
    assert codes(audit_text(tmp_path, text, config=Config(select=["ARG101", "ARG102"]))) == [("ARG101", "t")]
