"""`argmap validate`: located one-line errors and exit codes for broken files."""

from __future__ import annotations

import pytest

GOOD = """\
argmap: 1
title: Small
source:
  text: source.txt
thesis: a
claims:
  - id: a
    text: A holds.
    quote: alpha beta
  - id: b
    text: B holds.
    evidence: [e]
evidence:
  - id: e
    quote: gamma
    citation: Some report, 2020
inferences:
  - id: i
    premises: [b]
    conclusion: a
"""

SOURCE = "alpha beta gamma.\n"


def test_valid_map(run_cli, write_map):
    path = write_map(GOOD, source=SOURCE)
    result = run_cli("validate", path)
    assert result.exit_code == 0, result.output
    assert "valid (2 claims, 1 evidence, 1 inference)" in result.stdout


CASES = [
    # (name, edit of GOOD, expected line:col, message fragment)
    ("bad-yaml", lambda t: t.replace("  - id: b\n", "  - id: b\n   x: [\n"), "11:", "invalid YAML"),
    ("unknown-key", lambda t: t.replace("    quote: alpha beta", "    qoute: alpha beta"), "9:5", "unknown key 'qoute' (did you mean 'quote'?)"),
    ("wrong-type", lambda t: t.replace("    evidence: [e]", "    evidence: e"), "12:15", "claim 'b': 'evidence'"),
    ("dangling-reference", lambda t: t.replace("premises: [b]", "premises: [c]"), "19:16", "'c' is not the id of a claim"),
    ("duplicate-id", lambda t: t.replace("  - id: b\n", "  - id: a\n").replace("premises: [b]", "premises: [a]"), "10:9", "duplicate id 'a'"),
    ("duplicate-key", lambda t: t.replace("    text: B holds.\n", "    text: B holds.\n    text: B again.\n"), "12:5", "duplicate key 'text'"),
    ("wrong-version", lambda t: t.replace("argmap: 1", "argmap: 7"), "1:9", "unsupported format version 7"),
    ("missing-source", lambda t: t.replace("text: source.txt", "text: missing.txt"), "4:9", "source text file 'missing.txt' not found"),
    ("bad-enum", lambda t: t.replace("conclusion: a", "conclusion: a\n    kind: suport"), "21:11", "did you mean 'support'?"),
    ("missing-required", lambda t: t.replace("    text: A holds.\n", ""), "7:5", "missing required key 'text'"),
]


@pytest.mark.parametrize("name,edit,where,fragment", CASES, ids=[c[0] for c in CASES])
def test_broken_file_gives_located_error(run_cli, write_map, name, edit, where, fragment):
    path = write_map(edit(GOOD), source=SOURCE)
    before = path.read_bytes()
    result = run_cli("validate", path)
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line]
    assert lines, result.output
    first = lines[0]
    assert first.startswith(f"argmap: error: {path}:{where}"), first
    assert fragment in result.stderr
    assert "Traceback" not in result.output
    assert path.read_bytes() == before  # the user's file is untouched


def test_usage_error_exits_2(run_cli):
    result = CliRunnerResult = run_cli("validate")
    assert CliRunnerResult.exit_code == 2


def test_missing_file(run_cli, tmp_path):
    result = run_cli("validate", tmp_path / "nope.yaml")
    assert result.exit_code == 2  # unreadable input, as a usage error
    assert "nope.yaml:1:1: no such file" in result.stderr


def test_several_files_report_each(run_cli, write_map):
    good = write_map(GOOD, source=SOURCE)
    bad = write_map(GOOD.replace("argmap: 1", "argmap: 2"), name="bad.yaml")
    result = run_cli("validate", good, bad)
    assert result.exit_code == 1
    assert "map.yaml: valid" in result.stdout
    assert "bad.yaml:1:9" in result.stderr


def test_source_outside_folder_refused(run_cli, write_map, tmp_path):
    path = write_map(GOOD.replace("text: source.txt", "text: ../outside.txt"))
    (tmp_path.parent / "outside.txt").write_text(SOURCE)
    result = run_cli("validate", path)
    assert result.exit_code == 1
    assert "outside the map's folder" in result.stderr
    assert run_cli("validate", "--allow-outside", path).exit_code == 0


def test_schema_is_json_schema(run_cli):
    import json

    result = run_cli("schema")
    doc = json.loads(result.stdout)
    assert doc["type"] == "object"
    assert "claims" in doc["properties"]
    assert doc["additionalProperties"] is False


def test_real_process_has_no_traceback(run_process, write_map):
    path = write_map("argmap: 1\nclaims: {\n")
    proc = run_process("validate", path)
    assert proc.returncode == 1
    assert proc.stderr.startswith(f"argmap: error: {path}:")
    assert "Traceback" not in proc.stderr


def test_review_schema_describes_review_files(run_cli):
    import json

    import yaml

    from tests.conftest import CLAIMS

    doc = json.loads(run_cli("schema", "--review").stdout)
    assert doc["title"] == "argmap review file" and doc["additionalProperties"] is False
    assert {"argmap-review", "map", "reviewer", "entries"} <= set(doc["properties"])
    entry = doc["$defs"]["ReviewEntry"]
    assert entry["additionalProperties"] is False
    verdicts = doc["$defs"]["Verdict"]["enum"]
    review = yaml.safe_load((CLAIMS / "serbia-azerbaijan.review.yaml").read_text(encoding="utf-8"))
    assert set(review) <= set(doc["properties"])
    for e in review["entries"]:
        assert set(e) <= set(entry["properties"]), set(e) - set(entry["properties"])
        assert e["verdict"] in verdicts
