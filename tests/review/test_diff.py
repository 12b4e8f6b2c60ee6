"""`argmap diff`: exactly the changes made between two versions the test builds, and their consequences."""

from __future__ import annotations

import json

from argmap.diffing import diff_maps, word_diff
from tests.maps import REVIEW_TARGET

OLD = REVIEW_TARGET.replace(
    "    text: A premise without support.\n",
    "    text: A premise without support.\n  - id: gone\n    text: A claim that will be removed.\n",
) + "  - id: j\n    premises: [gone]\n    conclusion: t\n"
"""The review target with a claim and a step that the revision removes."""


def _new(old: str) -> str:
    """The revision: reword p, give q evidence, drop 'gone' and its step, warrant i, add an objection."""
    new = old.replace("A premise with support.", "A premise with strong support.")
    new = new.replace("    text: A premise without support.\n", "    text: A premise without support.\n    evidence: [e2]\n")
    new = new.replace("  - id: gone\n    text: A claim that will be removed.\n", "  - id: r\n    text: A new objection.\n")
    new = new.replace("    citation: Some report, 2020\n", "    citation: Some report, 2020\n  - id: e2\n    citation: Another report, 2021\n")
    new = new.replace("    qualifier: may\n", "    qualifier: may\n    warrant: Both premises together make the thesis likely.\n")
    new = new.replace("  - id: j\n    premises: [gone]\n    conclusion: t\n", "  - id: k\n    premises: [r]\n    conclusion: t\n    kind: attack\n")
    assert new.count("\n") == old.count("\n") + 5  # every edit above applied
    return new


def _versions(tmp_path):
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(_new(OLD), encoding="utf-8")
    return old, new


def test_diff_json_lists_exactly_the_changes(run_cli, tmp_path):
    old, new = _versions(tmp_path)
    result = run_cli("diff", old, new, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["claims"] == {
        "added": ["r"],
        "removed": ["gone"],
        "changed": [
            {"id": "p", "kind": "claim", "fields": [{
                "field": "text", "old": "A premise with support.", "new": "A premise with strong support.",
                "words": [["equal", "A premise with"], ["insert", "strong"], ["equal", "support."]]}]},
            {"id": "q", "kind": "claim", "fields": [{"field": "evidence", "old": [], "new": ["e2"]}]},
        ],
    }
    assert data["evidence"] == {"added": ["e2"], "removed": [], "changed": []}
    assert data["inferences"]["added"] == ["k"] and data["inferences"]["removed"] == ["j"]
    (change,) = data["inferences"]["changed"]
    assert change["id"] == "i"
    assert [(f["field"], f["old"], f["new"]) for f in change["fields"]] == [
        ("warrant", None, "Both premises together make the thesis likely.")
    ]
    assert data["map"] == []


def test_diff_finding_deltas_and_evaluation_changes(run_cli, tmp_path):
    from argmap.audit import run
    from argmap.loading import load

    old, new = _versions(tmp_path)
    data = json.loads(run_cli("diff", old, new, "--format", "json").stdout)
    fixed = {(f["code"], f["target"]) for f in data["findings"]["fixed"]}
    appeared = {(f["code"], f["target"]) for f in data["findings"]["appeared"]}
    # What the edits were made to fix, and what the new unsupported objection brings:
    assert {("ARG102", "q"), ("ARG102", "gone"), ("ARG106", "i")} <= fixed
    assert ("ARG102", "r") in appeared
    # ... and exactly the audit's own difference, nothing more or less:
    before = {(f.code, f.target) for f in run(load(old))}
    after = {(f.code, f.target) for f in run(load(new))}
    assert fixed == before - after and appeared == after - before
    status = {c["id"]: (c["old"], c["new"]) for c in data["status"]}
    assert status["q"] == ("unsupported", "supported")
    assert "r" not in status and "gone" not in status  # added/removed claims are listed as such
    labels = {c["id"]: (c["old"], c["new"]) for c in data["label"]}
    assert labels.get("t", ("in", "in"))[0] == "in"


def test_diff_text_output(run_cli, tmp_path):
    old, new = _versions(tmp_path)
    result = run_cli("diff", old, new, "--no-consequences")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "+ claim r",
        "- claim gone",
        "~ claim p",
        "    text: A premise with {+strong+} support.",
        "~ claim q",
        '    evidence: [] -> ["e2"]',
        "+ evidence e2",
        "+ inference k",
        "- inference j",
        "~ inference i",
        "    warrant: null -> Both premises together make the thesis likely.",
    ]


def test_diff_of_identical_maps_is_empty(run_cli, tmp_path):
    old, _ = _versions(tmp_path)
    result = run_cli("diff", old, old)
    assert result.exit_code == 0
    assert result.stdout == "no changes\n"


def test_diff_html_escapes_and_marks_words(run_cli, tmp_path):
    old, new = _versions(tmp_path)
    new.write_text(new.read_text().replace("A premise with strong support.", "'A <script>alert(1)</script> support.'"))
    out = tmp_path / "d.html"
    result = run_cli("diff", old, new, "--format", "html", "-o", out)
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "<del>premise with</del> <ins>&lt;script&gt;alert(1)&lt;/script&gt;</ins>" in html
    assert "<script" not in html
    assert "Content-Security-Policy" in html


def test_diff_map_fields_and_nested_changes():
    from argmap.model import ArgumentMap

    a = ArgumentMap.model_validate({"argmap": 1, "title": "T", "claims": [{"id": "c", "text": "x", "anchor": {"start": 0, "end": 1}}]})
    b = ArgumentMap.model_validate({"argmap": 1, "title": "T2", "claims": [{"id": "c", "text": "x", "anchor": {"start": 2, "end": 3}}]})
    d = diff_maps(a, b)
    assert [(f.field, f.old, f.new) for f in d.map_fields] == [("title", "T", "T2")]
    assert [(f.field, f.old, f.new) for f in d.claims.changed[0].fields] == [("anchor.start", 0, 2), ("anchor.end", 1, 3)]
    assert d.changes() == {"c": "changed"}


def test_word_diff_replacement():
    assert word_diff("Armenia decided to ratify", "Armenia ratified") == [
        ("equal", "Armenia"), ("delete", "decided to ratify"), ("insert", "ratified")]


def test_render_diff_colours_nodes_by_change(run_cli, tmp_path):
    from xml.etree import ElementTree as ET

    old, new = _versions(tmp_path)
    out = tmp_path / "diff.svg"
    result = run_cli("render", new, "--diff", old, "-o", out)
    assert result.exit_code == 0, result.output
    ns = {"svg": "http://www.w3.org/2000/svg"}
    classes = {g.get("id"): (g.get("class") or "").split() for g in ET.parse(out).getroot().iterfind(".//svg:g", ns)}
    assert "added" in classes["claim-r"]
    assert "changed" in classes["claim-p"] and "changed" in classes["claim-q"]
    assert "unchanged" in classes["claim-t"]
    assert "added" in classes["evidence-e2"]
    assert "claim-gone" not in classes  # removed elements are not in the new map
