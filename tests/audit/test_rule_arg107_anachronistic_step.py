"""ARG107 anachronistic-step: a cause or explanation that comes after what it explains."""

from __future__ import annotations

import pytest

from .helpers import audit_text, only


def causal_map(premise_when: str | None, conclusion_when: str | None, kind: str = "causal", scheme: str = "",
               premise_evidence_when: str | None = None) -> str:
    def when(value):
        return f"\n    when: '{value}'" if value else ""

    evidence = ""
    premise_extra = when(premise_when)
    if premise_evidence_when:
        premise_extra += "\n    evidence: [s]"
        evidence = f"evidence:\n  - id: s\n    by: The Kremlin\n    when: '{premise_evidence_when}'\n"
    return (
        "argmap: 1\nclaims:\n"
        f"  - id: c\n    text: C.\n    kind: {kind}{when(conclusion_when)}\n"
        f"  - id: p\n    text: P.{premise_extra}\n"
        + evidence
        + "inferences:\n  - id: i\n    premises: [p]\n    conclusion: c\n"
        + (f"    scheme: {scheme}\n" if scheme else "")
    )


@pytest.mark.parametrize("premise, conclusion, flagged", [
    ("2023-01", "2022-12", True),       # a month later
    ("2023", "2022-12", True),          # a later year, whatever month
    ("2023-06", "2023", False),         # inside the same year: not known to be later
    ("2022-12-31", "2022-12", False),   # the same month
    ("2018", "2022-12", False),         # before: a possible cause
    ("2023-09/2023-10", "2023-09-19", False),  # an interval that overlaps
    (None, "2022-12", False),           # undated premise
    ("2023", None, False),              # undated conclusion
])
def test_causal_step_dates(tmp_path, premise, conclusion, flagged):
    found = audit_text(tmp_path, causal_map(premise, conclusion), config=only("ARG107"))
    assert [(f.code, f.target) for f in found] == ([("ARG107", "i")] if flagged else [])


def test_message_names_both_dates(tmp_path):
    (f,) = audit_text(tmp_path, causal_map("2023-09", "2022-12"), config=only("ARG107"))
    assert f.message == "step 'i' offers 'p' (2023-09) as a cause of 'c' (2022-12), but it happened after it"
    assert f.location.line == 11  # the "- id: i" line of the step


def test_only_explaining_steps_are_checked(tmp_path):
    # an interpretation supported by later events is ordinary hindsight, not a cause after its effect
    assert audit_text(tmp_path, causal_map("2023", "2022", kind="interpretation"), config=only("ARG107")) == []


def test_abduction_compares_the_other_way(tmp_path):
    # the conclusion explains the premise: an explanation dated after what it explains is flagged
    late = causal_map("2020", "2023", kind="interpretation", scheme="abduction")
    (f,) = audit_text(tmp_path, late, config=only("ARG107"))
    assert f.message == "step 'i' explains 'p' (2020) by 'c' (2023), which happened after it"
    early = causal_map("2023", "2020", kind="interpretation", scheme="abduction")
    assert audit_text(tmp_path, early, config=only("ARG107")) == []


def test_undated_claim_takes_its_evidence_date(tmp_path):
    found = audit_text(tmp_path, causal_map(None, "2022-12", premise_evidence_when="2023-03"), config=only("ARG107"))
    assert [f.target for f in found] == ["i"]
    assert "'p' (2023-03)" in found[0].message
