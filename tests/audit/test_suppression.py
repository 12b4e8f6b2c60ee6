"""Suppressions: ``ignore:`` on claims, evidence and inferences, ``per-file-ignores``, and the unused ones."""

from __future__ import annotations

import json
import re

from tests.conftest import ROOT

from .helpers import audit_text, only

FACT = "argmap: 1\nclaims:\n  - id: a\n    text: A.\n    kind: fact\n{extra}"


def _codes(findings):
    return [(f.code, f.target) for f in findings]


def test_ignore_on_a_claim_drops_that_rule_for_that_claim_only(tmp_path):
    text = FACT.format(extra="    ignore: [uncited-fact]\n  - id: b\n    text: B.\n")
    assert _codes(audit_text(tmp_path, text, config=only("ARG102", "ARG401"))) == [("ARG102", "b")]
    for selector in ("ARG102", "arg1", "ALL"):  # codes, families, ALL: as --ignore takes them
        text = FACT.format(extra=f"    ignore: [{selector}]\n")
        assert audit_text(tmp_path, text, config=only("ARG102", "ARG401")) == [], selector


def test_ignore_on_evidence_and_inferences(tmp_path):
    text = (
        "argmap: 1\nthesis: t\nclaims:\n  - id: t\n    text: T.\n    kind: causal\n"
        "  - id: p\n    text: P.\n    kind: interpretation\n    evidence: [e]\n"
        "evidence:\n  - id: e\n    added_by: analyst\n    ignore: [uncited-evidence]\n"
        "inferences:\n  - id: i\n    premises: [p]\n    conclusion: t\n    qualifier: may\n"
        "    ignore: [unstated-warrant]\n"
    )
    codes = _codes(audit_text(tmp_path, text, config=only("ARG303", "ARG106", "ARG401")))
    assert codes == []
    without = text.replace("    ignore: [uncited-evidence]\n", "").replace("    ignore: [unstated-warrant]\n", "")
    assert sorted(_codes(audit_text(tmp_path, without, config=only("ARG303", "ARG106")))) == [
        ("ARG106", "i"), ("ARG303", "e"),
    ]


def test_unused_suppression_is_reported_at_its_entry_even_when_the_rule_is_not_selected(tmp_path):
    text = FACT.format(extra="    evidence: [e]\n    ignore: [uncited-fact, ARG101]\nevidence:\n  - id: e\n    citation: C\n")
    found = audit_text(tmp_path, text, config=only("ARG401"))
    assert [(f.code, f.rule, f.target) for f in found] == [
        ("ARG401", "unused-suppression", "a"), ("ARG401", "unused-suppression", "a"),
    ]
    lines = text.splitlines()
    assert {f.location.line for f in found} == {lines.index("    ignore: [uncited-fact, ARG101]") + 1}
    assert [f.location.column for f in found] == [14, 28]
    assert "'ignore: uncited-fact' on 'a' suppresses no finding" in found[0].message


def test_unknown_selector_is_a_located_error(run_cli, tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text(FACT.format(extra="    ignore: [uncited-fcat]\n"), encoding="utf-8")
    for command in ("validate", "audit"):
        result = run_cli(command, path)
        assert result.exit_code == 1
        assert (f"argmap: error: {path}:6:14: claim 'a': 'ignore: uncited-fcat' matches no audit rule "
                "(did you mean 'uncited-fact'?)") in result.stderr, result.stderr


def test_per_file_ignores_by_glob(run_cli, tmp_path):
    (tmp_path / "drafts").mkdir()
    for name in ("final.yaml", "drafts/one.yaml", "drafts/two.argdown"):
        text = FACT.format(extra="") if name.endswith(".yaml") else "[a]: A.\n  + [b]: B.\n"
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "argmap.toml").write_text(
        '[per-file-ignores]\n"drafts/*.yaml" = ["uncited-fact"]\n"*.argdown" = ["ARG1", "ARG2"]\n', encoding="utf-8"
    )
    data = json.loads(run_cli("audit", tmp_path, "--format", "json").stdout)
    flagged = {(f["file"].replace(str(tmp_path) + "/", ""), f["code"]) for f in data["findings"]}
    assert ("final.yaml", "ARG102") in flagged
    assert ("drafts/one.yaml", "ARG201") in flagged  # only what the glob's selectors name is off
    assert ("drafts/one.yaml", "ARG102") not in flagged
    assert not any(file == "drafts/two.argdown" and code < "ARG3" for file, code in flagged), flagged


def test_per_file_ignores_are_checked(run_cli, tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text(FACT.format(extra=""), encoding="utf-8")
    (tmp_path / "argmap.toml").write_text('[per-file-ignores]\n"*.yaml" = ["uncited-fcat"]\n', encoding="utf-8")
    result = run_cli("audit", path)
    assert result.exit_code == 2
    assert f"argmap: error: {tmp_path / 'argmap.toml'}:2:" in result.stderr and "did you mean 'uncited-fact'" in result.stderr


def test_malformed_or_misspelled_tool_argmap_tables_are_errors(run_cli, tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text(FACT.format(extra=""), encoding="utf-8")
    py = tmp_path / "pyproject.toml"
    py.write_text('[project]\nname = "x"\n\n[tool.argmap\nselect = ["ARG1"]\n', encoding="utf-8")
    result = run_cli("audit", path)
    assert result.exit_code == 2 and f"argmap: error: {py}:4:" in result.stderr and "invalid TOML" in result.stderr
    py.write_text('[tool.argmap]\nselect = ["ALL"]\n\n[tool.argmap.severty]\nARG102 = "error"\n', encoding="utf-8")
    result = run_cli("audit", path)
    assert result.exit_code == 2
    assert f"argmap: error: {py}:4:" in result.stderr and "unknown argmap table 'severty' (did you mean 'severity'?)" in result.stderr


def test_readme_example_has_the_unused_evidence_record(run_cli, tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(argmap: 1.*?)```", readme, re.S).group(1)
    (tmp_path / "map.yaml").write_text(example, encoding="utf-8")
    data = json.loads(run_cli("audit", tmp_path / "map.yaml", "--format", "json").stdout)
    assert ("ARG308", "unused-evidence", "yeltsin-condemnation") in {
        (f["code"], f["rule"], f["target"]) for f in data["findings"]
    }
