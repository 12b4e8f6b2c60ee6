"""ARG202 thesis-not-a-claim."""

from __future__ import annotations

from .helpers import audit_text, claims, codes, only


BASE = "argmap: 1\nthesis: {thesis}\nclaims:\n" + claims("a", "b") + (
    "evidence:\n  - id: e\n    citation: C.\ninferences:\n  - id: i\n    premises: [b]\n    conclusion: a\n"
)


def test_thesis_naming_evidence_or_inference(tmp_path):
    found = audit_text(tmp_path, BASE.format(thesis="e"), config=only("ARG202"))
    assert codes(found) == [("ARG202", "e")] and "is an evidence record, not a claim" in found[0].message
    found = audit_text(tmp_path, BASE.format(thesis="i"), config=only("ARG202"))
    assert codes(found) == [("ARG202", "i")] and "is an inference, not a claim" in found[0].message


def test_thesis_naming_a_claim(tmp_path):
    assert audit_text(tmp_path, BASE.format(thesis="a"), config=only("ARG202")) == []
