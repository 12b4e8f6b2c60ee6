"""ARG105 qualifier-escalation: a conclusion stated more strongly than its steps."""

from __future__ import annotations

from .helpers import audit_text, codes, only


ESC = """\
argmap: 1
claims:
  - id: p
    text: P.
    assumption: true
    qualifier: {pq}
  - id: c
    text: C.
    qualifier: {cq}
inferences:
  - id: i
    premises: [p]
    conclusion: c
    qualifier: {iq}
"""


def test_escalation_reports_both_words(tmp_path):
    found = audit_text(tmp_path, ESC.format(pq="null", cq="null", iq="may"), config=only("ARG105"))
    assert codes(found) == [("ARG105", "c")]
    assert "concluded unhedged ('none') from a step hedged 'may'" in found[0].message
    found = audit_text(tmp_path, ESC.format(pq="could", cq="should", iq="null"), config=only("ARG105"))
    assert "concluded 'should' from premise 'p' hedged 'could'" in found[0].message


def test_no_escalation_when_hedged_as_much_or_more(tmp_path):
    for cq in ("may", "might", "could"):
        assert audit_text(tmp_path, ESC.format(pq="null", cq=cq, iq="may"), config=only("ARG105")) == []
    assert audit_text(tmp_path, ESC.format(pq="likely", cq="probably", iq="null"), config=only("ARG105")) == []


def test_each_escalated_step_is_reported_even_beside_a_strong_one(tmp_path):
    # Tuning on the bundled article: "could be seen as a move to counterbalance" restated
    # as "should be interpreted as a reaction" was hidden by a second, unhedged route.
    text = ESC.format(pq="null", cq="should", iq="could") + "  - id: j\n    premises: [p]\n    conclusion: c\n"
    found = audit_text(tmp_path, text, config=only("ARG105"))
    assert codes(found) == [("ARG105", "c")] and found[0].related == ["i"]
    assert "concluded 'should' from a step hedged 'could' (step 'i')" in found[0].message


def test_own_evidence_is_not_escalation(tmp_path):
    text = ESC.format(pq="null", cq="null", iq="may").replace(
        "  - id: c\n    text: C.\n", "  - id: c\n    text: C.\n    evidence: [e]\n"
    ) + "evidence:\n  - id: e\n    citation: X.\n"
    assert audit_text(tmp_path, text, config=only("ARG105")) == []
