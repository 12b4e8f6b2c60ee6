"""The audit of the bundled article map reads as a careful reader would: the weak steps, not a wall."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from argmap.audit import run
from argmap.audit.config import Config
from argmap.loading import load

MAP = Path(__file__).resolve().parents[2] / "claims" / "serbia-azerbaijan.yaml"


@pytest.fixture(scope="module")
def findings():
    if not MAP.is_file():
        pytest.fail(f"the bundled map {MAP} is missing")
    loaded = load(MAP)
    found = run(loaded, Config())
    return loaded, found


def by(found, code):
    return {f.target: f for f in found if f.code == code}


def test_green_light_step_rests_on_unevidenced_tacit_approval(findings):
    loaded, found = findings
    step = next(i for i in loaded.map.inferences if "russia-tacit-approval" in i.premises)
    f = by(found, "ARG103")[step.id]
    assert "russia-tacit-approval" in f.related
    assert f.location == loaded.sourcemap.find(("inferences", loaded.map.inferences.index(step)))


def test_no_errors_and_every_quote_is_in_the_article(findings):
    _, found = findings
    assert [f for f in found if f.severity.value == "error"] == []


def test_not_a_wall_of_equal_warnings(findings):
    loaded, found = findings
    severity = Counter(f.severity.value for f in found)
    assert severity["info"] > 0 and severity["warning"] > 0
    # uncited facts are info; no step is flagged merely for resting on them
    facts = {c.id for c in loaded.map.claims if c.kind.value == "fact"}
    assert all(f.severity.value == "info" for f in found if f.code == "ARG102")
    for f in found:
        if f.code == "ARG103":
            assert not set(f.related) & facts, f.message
    # fewer warnings than the map has inferences: the audit points at the weak steps only
    assert severity["warning"] < len(loaded.map.inferences)


def test_hedged_body_does_not_carry_the_unhedged_thesis(findings):
    loaded, found = findings
    escalated = [f for f in found if f.code == "ARG105" and f.target == loaded.map.thesis]
    assert escalated, "the title states the thesis unhedged over steps hedged 'may'/'should'"
    assert all("unhedged ('none')" in f.message for f in escalated)


def test_every_hedged_step_built_upon_is_speculative(findings):
    loaded, found = findings
    flagged = set(by(found, "ARG104"))
    for inf in loaded.map.inferences:
        weak = inf.kind.value == "support" and inf.qualifier is not None and inf.qualifier.strength <= 2
        built_upon = any(
            j.kind.value == "support" and inf.conclusion in j.premises for j in loaded.map.inferences
        )
        assert (inf.id in flagged) == (weak and built_upon), inf.id


def test_audit_command_on_the_bundled_map_as_a_process(run_process):
    import json

    result = run_process("audit", MAP, "--format", "sarif", cwd=MAP.parents[1])
    assert result.returncode == 0, result.stderr  # no error-level findings; warnings do not fail by default
    log = json.loads(result.stdout)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert uris == {"claims/serbia-azerbaijan.yaml"}
    strict = run_process("audit", MAP, "--fail-on", "warning", "--format", "github")
    assert strict.returncode == 1 and strict.stdout.startswith("::")
