"""ARG104 speculative-step: building on a step hedged as a mere possibility."""

from __future__ import annotations

from .helpers import audit_text, codes, only


SPEC = """\
argmap: 1
claims:
  - id: a
    text: A.
    assumption: true
  - id: b
    text: B.
  - id: c
    text: C.
inferences:
  - id: ab
    premises: [a]
    conclusion: b
    qualifier: {q}
  - id: bc
    premises: [b]
    conclusion: c
    kind: {kind}
"""


def test_weak_hedge_built_upon_is_speculative(tmp_path):
    for q in ("may", "could", "might", "arguably"):
        found = audit_text(tmp_path, SPEC.format(q=q, kind="support"), config=only("ARG104"))
        assert codes(found) == [("ARG104", "ab")], q
        assert f"hedged '{q}'" in found[0].message and "'bc'" in found[0].message


def test_likely_is_not_speculative_and_attacks_do_not_build(tmp_path):
    assert audit_text(tmp_path, SPEC.format(q="likely", kind="support"), config=only("ARG104")) == []
    assert audit_text(tmp_path, SPEC.format(q="may", kind="attack"), config=only("ARG104")) == []
