"""ARG103 unsupported-step: a support step resting on an unsupported premise."""

from __future__ import annotations

from argmap.audit.config import Config

from tests.maps import supported_thesis

from .helpers import audit_text, codes, only


def test_step_names_each_unsupported_premise(tmp_path):
    found = audit_text(tmp_path, supported_thesis(p_kind="interpretation"), config=only("ARG103"))
    assert codes(found) == [("ARG103", "i")]
    assert "unsupported premise 'p'" in found[0].message and "'q'" not in found[0].message
    assert found[0].location.line == 15


def test_uncited_fact_does_not_make_a_step_unsupported(tmp_path):
    # Tuning on the bundled article: steps from common-knowledge facts ("Azerbaijan is a
    # majority-Muslim country") were a wall of warnings; the fact is reported once, as info.
    found = audit_text(tmp_path, supported_thesis(p_kind="fact"), config=Config(select=["ARG102", "ARG103"]))
    assert [(f.code, f.target, f.severity.value) for f in found] == [("ARG102", "p", "info")]


def test_attacks_are_not_unsupported_steps(tmp_path):
    text = supported_thesis(p_kind="causal").replace("conclusion: t\n", "conclusion: t\n    kind: attack\n")
    assert audit_text(tmp_path, text, config=only("ARG103")) == []


def test_premise_supported_by_a_step_is_supported(tmp_path):
    text = supported_thesis(p_kind="causal") + "  - id: j\n    premises: [q]\n    conclusion: p\n"
    assert audit_text(tmp_path, text, config=only("ARG103")) == []
