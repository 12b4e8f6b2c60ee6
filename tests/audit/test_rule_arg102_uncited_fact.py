"""ARG102 uncited-fact: an info-level note on facts given without evidence."""

from __future__ import annotations

from tests.maps import supported_thesis

from .helpers import audit_text, only


def test_uncited_fact_is_info(tmp_path):
    found = audit_text(tmp_path, supported_thesis(p_kind="fact"), config=only("ARG102"))
    assert [(f.code, f.target, f.severity.value) for f in found] == [("ARG102", "p", "info")]
    assert found[0].message == "fact 'p' is given without evidence"


def test_fact_with_evidence_or_support_passes(tmp_path):
    cited = supported_thesis(p_extra="evidence: [e]") + "evidence:\n  - id: e\n    citation: Census 2011.\n"
    assert audit_text(tmp_path, cited, config=only("ARG102")) == []
    derived = supported_thesis() + "  - id: j\n    premises: [q]\n    conclusion: p\n"
    assert audit_text(tmp_path, derived, config=only("ARG102")) == []
    assumed = supported_thesis(p_extra="assumption: true")
    assert audit_text(tmp_path, assumed, config=only("ARG102")) == []


def test_other_kinds_are_left_to_unsupported_claim(tmp_path):
    assert audit_text(tmp_path, supported_thesis(p_kind="causal"), config=only("ARG102")) == []


def test_common_knowledge_silences_the_note(tmp_path):
    marked = supported_thesis(p_kind="fact", p_extra="common_knowledge: true")
    assert audit_text(tmp_path, marked, config=only("ARG102")) == []
    # only the marked fact is silenced
    other = supported_thesis(p_kind="fact", p_extra="common_knowledge: false")
    assert [f.target for f in audit_text(tmp_path, other, config=only("ARG102"))] == ["p"]
