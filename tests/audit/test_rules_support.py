"""ARG1xx rules: unsupported claims and steps, speculation, escalation, warrants."""

from __future__ import annotations

from argmap.config import Config

from .helpers import audit_text, codes


def only(code: str) -> Config:
    return Config(select=[code])


CHAIN = """\
argmap: 1
thesis: t
claims:
  - id: t
    text: T.
    kind: interpretation
  - id: p
    text: P.
    kind: {p_kind}
    {p_extra}
  - id: q
    text: Q.
    assumption: true
inferences:
  - id: i
    premises: [p, q]
    conclusion: t
"""


def chain(p_kind="fact", p_extra=""):
    return CHAIN.format(p_kind=p_kind, p_extra=p_extra)


# ARG101 unsupported-claim / ARG102 uncited-fact: calibrated by kind


def test_interpretation_without_support_is_a_warning_fact_is_info(tmp_path):
    found = audit_text(tmp_path, chain(p_kind="interpretation"), config=Config(select=["ARG101", "ARG102"]))
    assert codes(found) == [("ARG101", "p")]
    found = audit_text(tmp_path, chain(p_kind="fact"), config=Config(select=["ARG101", "ARG102"]))
    assert [(f.code, f.target, f.severity.value) for f in found] == [("ARG102", "p", "info")]


def test_every_non_fact_kind_needs_support(tmp_path):
    for kind in ("interpretation", "causal", "prediction", "evaluation"):
        assert codes(audit_text(tmp_path, chain(p_kind=kind), config=only("ARG101"))) == [("ARG101", "p")]


def test_evidence_or_assumption_counts_as_support(tmp_path):
    assumed = chain(p_kind="causal", p_extra="assumption: true")
    assert audit_text(tmp_path, assumed, config=only("ARG101")) == []
    cited = chain(p_kind="causal", p_extra="evidence: [e]") + "evidence:\n  - id: e\n    citation: C.\n"
    assert audit_text(tmp_path, cited, config=only("ARG101")) == []


def test_thesis_without_support_is_reported_whatever_its_kind(tmp_path):
    text = "argmap: 1\nthesis: t\nclaims:\n  - id: t\n    text: T.\n    kind: fact\n"
    assert codes(audit_text(tmp_path, text, config=Config(select=["ARG101", "ARG102"]))) == [("ARG101", "t")]


# ARG103 unsupported-step


def test_step_names_each_unsupported_premise(tmp_path):
    found = audit_text(tmp_path, chain(p_kind="interpretation"), config=only("ARG103"))
    assert codes(found) == [("ARG103", "i")]
    assert "unsupported premise 'p'" in found[0].message and "'q'" not in found[0].message
    assert found[0].location.line == 15


def test_uncited_fact_does_not_make_a_step_unsupported(tmp_path):
    # Tuning on the bundled article: steps from common-knowledge facts ("Azerbaijan is a
    # majority-Muslim country") were a wall of warnings; the fact is reported once, as info.
    found = audit_text(tmp_path, chain(p_kind="fact"), config=Config(select=["ARG102", "ARG103"]))
    assert [(f.code, f.target, f.severity.value) for f in found] == [("ARG102", "p", "info")]


def test_attacks_are_not_unsupported_steps(tmp_path):
    text = chain(p_kind="causal").replace("conclusion: t\n", "conclusion: t\n    kind: attack\n")
    assert audit_text(tmp_path, text, config=only("ARG103")) == []


def test_premise_supported_by_a_step_is_supported(tmp_path):
    text = chain(p_kind="causal") + "  - id: j\n    premises: [q]\n    conclusion: p\n"
    assert audit_text(tmp_path, text, config=only("ARG103")) == []


# ARG104 speculative-step

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


# ARG105 qualifier-escalation

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


# ARG106 unstated-warrant


def test_unstated_warrant_is_info_on_a_step_to_the_thesis(tmp_path):
    found = audit_text(tmp_path, chain(), config=only("ARG106"))
    assert [(f.code, f.target, f.severity.value) for f in found] == [("ARG106", "i", "info")]
    assert found[0].message.endswith("and it concludes the thesis")
    stated = chain().replace("conclusion: t\n", "conclusion: t\n    warrant: Because.\n")
    assert audit_text(tmp_path, stated, config=only("ARG106")) == []
    blank = chain().replace("conclusion: t\n", "conclusion: t\n    warrant: '  '\n")
    assert codes(audit_text(tmp_path, blank, config=only("ARG106"))) == [("ARG106", "i")]


WARRANTS = """\
argmap: 1
thesis: t
claims:
  - id: t
    text: T.
    assumption: true
  - id: a
    text: A.
    assumption: true
  - id: b
    text: B.
  - id: c
    text: C.
    kind: interpretation
  - id: d
    text: D.
inferences:
  - id: plain
    premises: [a]
    conclusion: b
  - id: hedged
    premises: [a]
    conclusion: d
    qualifier: likely
  - id: shaky
    premises: [c]
    conclusion: d
  - id: to-thesis
    premises: [b, d]
    conclusion: t
"""


def test_unstated_warrant_only_where_the_argument_leans(tmp_path):
    # Tuning on the bundled article: every one of its 50 steps leaves the warrant implicit;
    # reporting all of them buried the few steps where the missing bridge matters.
    found = audit_text(tmp_path, WARRANTS, config=only("ARG106"))
    assert [(f.target, f.message.split(", and ")[1]) for f in found] == [
        ("hedged", "it is hedged 'likely'"),
        ("shaky", "it rests on an unsupported premise"),
        ("to-thesis", "it concludes the thesis"),
    ]
