"""`argmap evaluate` and `argmap explain` on real files."""

from __future__ import annotations

import json

MAP = """\
argmap: 1
thesis: t
claims:
  - id: t
    text: The thesis.
  - id: p
    text: P has evidence.
    evidence: [e]
  - id: q
    text: Q is assumed.
    assumption: true
  - id: x
    text: X objects to the thesis.
  - id: r
    text: R rebuts the objection.
    evidence: [e]
evidence:
  - id: e
    citation: A report, 2020
inferences:
  - id: i
    premises: [p, q]
    conclusion: t
    warrant: P and Q together give T.
  - id: a
    kind: attack
    premises: [x]
    conclusion: t
  - id: b
    kind: attack
    premises: [r]
    conclusion: x
"""


def test_evaluate_json_shape(run_cli, write_map):
    result = run_cli("evaluate", write_map(MAP), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"claims", "thesis"}
    assert [c["id"] for c in data["claims"]] == ["t", "p", "q", "x", "r"]
    for c in data["claims"]:
        assert set(c) == {"id", "text", "status", "label", "weakest_link"}
    by_id = {c["id"]: c for c in data["claims"]}
    assert by_id["t"]["status"] == "assumed"  # rests on the assumption q through a sound step
    assert by_id["x"]["label"] == "out" and by_id["t"]["label"] == "in"  # reinstated
    assert data["thesis"] == {"id": "t", "status": "assumed", "label": "in", "critical_step": "q"}


def test_evaluate_text_table(run_cli, write_map):
    result = run_cli("evaluate", write_map(MAP))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["id", "status", "label", "weakest", "link", "text"]
    assert any(line.split()[:3] == ["x", "unsupported", "out"] for line in lines)
    assert "thesis t: assumed, in; critical step: q" in result.stdout


def test_evaluate_bad_file_is_located_error(run_cli, write_map):
    result = run_cli("evaluate", write_map(MAP.replace("premises: [p, q]", "premises: [p, z]")))
    assert result.exit_code == 1
    assert "'z' is not the id of a claim" in result.stderr
    assert "Traceback" not in result.output
