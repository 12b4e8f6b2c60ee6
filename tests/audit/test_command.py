"""`argmap audit` and `argmap rules` end to end: formats, selection and exit codes."""

from __future__ import annotations

import json

import pytest
from tests.maps import MISSPELLED_KEY

# One info (ARG102 on the uncited fact 'f'), two warnings (ARG101 on 'p', ARG103 on the step 'i').
MAP = """\
argmap: 1
thesis: t
claims:
  - id: t
    text: The treaty failed because of the war.
    kind: causal
  - id: f
    text: The war began in 2014.
  - id: p
    text: The war was about the treaty.
    kind: interpretation
inferences:
  - id: i
    premises: [f, p]
    conclusion: t
    warrant: A war makes treaties fail.
"""


@pytest.fixture
def mapfile(write_map):
    return write_map(MAP)


def test_text_output_and_default_exit(run_cli, mapfile):
    result = run_cli("audit", mapfile)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    # ranked by impact: only supporting both premises of 'i' would raise the thesis, so ARG103 (which
    # asks for that) comes first; the other two are on the thesis's path but fixing one alone changes nothing
    assert lines == [
        f"{mapfile}:13:5: warning ARG103 [unsupported-step] step 'i' to 't' rests on unsupported premise 'p' (i)"
        " [thesis path; fixing it changes the thesis]",
        f"{mapfile}:9:5: warning ARG101 [unsupported-claim] interpretation claim 'p' has no support: "
        "no evidence, no supporting step, not an assumption (p) [thesis path]",
        f"{mapfile}:7:5: info ARG102 [uncited-fact] fact 'f' is given without evidence (f) [thesis path]",
        "3 findings (0 errors, 2 warnings, 1 info) in 1 file",
    ]
    assert "\x1b[" not in result.stdout  # not a terminal: no colour


def test_sort_file_keeps_the_file_order(run_cli, mapfile):
    lines = run_cli("audit", mapfile, "--sort", "file").stdout.splitlines()
    assert [line.split(" ")[2] for line in lines[:-1]] == ["ARG102", "ARG101", "ARG103"]


def test_impact_fields_in_json_and_sarif(run_cli, mapfile):
    found = json.loads(run_cli("audit", mapfile, "--format", "json").stdout)["findings"]
    assert [(f["code"], f["on_thesis_path"], f["changes_thesis"]) for f in found] == [
        ("ARG103", True, True), ("ARG101", True, False), ("ARG102", True, False)]
    results = json.loads(run_cli("audit", mapfile, "--format", "sarif").stdout)["runs"][0]["results"]
    assert [(r["ruleId"], r["properties"]["on_thesis_path"], r["properties"]["changes_thesis"], r["rank"])
            for r in results] == [("ARG103", True, True, 100.0), ("ARG101", True, False, 50.0),
                                  ("ARG102", True, False, 50.0)]


@pytest.mark.parametrize(
    "options,code",
    [
        ([], 0),
        (["--fail-on", "error"], 0),
        (["--fail-on", "warning"], 1),
        (["--fail-on", "info"], 1),
        (["--fail-on", "never"], 0),
        (["--fail-on", "warning", "--ignore", "ARG101,ARG103"], 0),
        (["--fail-on", "info", "--ignore", "ARG101", "--ignore", "unsupported-step"], 1),
        (["--fail-on", "info", "--ignore", "ARG1"], 0),
        (["--fail-on", "warning", "--select", "ARG2,ARG3"], 0),
        (["--fail-on", "warning", "--select", "ARG3", "--select", "unsupported-step"], 1),
    ],
)
def test_fail_on_select_ignore_exit_codes(run_cli, mapfile, options, code):
    assert run_cli("audit", mapfile, *options).exit_code == code


def test_select_limits_rules(run_cli, mapfile):
    every = json.loads(run_cli("audit", mapfile, "--format", "json", "--select", "ALL").stdout)
    one = json.loads(run_cli("audit", mapfile, "--format", "json", "--select", "uncited-fact").stdout)
    assert [f["code"] for f in every["findings"]] == ["ARG103", "ARG101", "ARG102"]
    assert [f["code"] for f in one["findings"]] == ["ARG102"]


def test_unknown_selector_is_a_usage_error(run_cli, mapfile):
    result = run_cli("audit", mapfile, "--select", "ARG9")
    assert result.exit_code == 2
    assert "'ARG9' matches no rule" in result.stderr
    typo = run_cli("audit", mapfile, "--ignore", "unsuported-step")
    assert typo.exit_code == 2 and "(did you mean 'unsupported-step'?)" in typo.stderr


def test_load_error_exits_1_and_other_files_are_still_audited(run_cli, write_map, mapfile):
    broken = write_map(MISSPELLED_KEY, name="broken.yaml")
    result = run_cli("audit", broken, mapfile, "--format", "json")
    assert result.exit_code == 1
    assert f"argmap: error: {broken}:4:5: claim 'a': unknown key 'txt'" in result.stderr
    data = json.loads(result.stdout)
    assert data["summary"]["files"] == 2  # the file that did not load counts too ...
    load_errors = [f for f in data["findings"] if f["code"] == "ARG001"]
    # ... and its error is a result of the report, with its place
    assert ("load-error", "error", str(broken), 4, 5) in [
        (f["rule"], f["severity"], f["file"], f["line"], f["column"]) for f in load_errors
    ]
    assert any(f["file"] == str(mapfile) for f in data["findings"])


def test_json_shape(run_cli, mapfile):
    data = json.loads(run_cli("audit", mapfile, "--format", "json", "--select", "ALL", "--sort", "file").stdout)
    assert set(data) == {"findings", "summary"}
    for f in data["findings"]:
        assert list(f) == ["code", "rule", "severity", "target", "message", "file", "line", "column",
                           "on_thesis_path", "decides_thesis", "changes_thesis"]
    first = data["findings"][0]
    assert (first["code"], first["target"], first["line"], first["column"]) == ("ARG102", "f", 7, 5)
    assert first["file"] == str(mapfile) and first["severity"] == "info" and first["rule"] == "uncited-fact"
    s = data["summary"]
    assert s["findings"] == len(data["findings"]) == s["error"] + s["warning"] + s["info"]


def test_sarif_shape(run_cli, mapfile, monkeypatch):
    monkeypatch.chdir(mapfile.parent)
    data = json.loads(run_cli("audit", mapfile.name, "--format", "sarif", "--select", "ARG103").stdout)
    assert data["version"] == "2.1.0" and "sarif-2.1.0" in data["$schema"]
    run = data["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted(r["id"] for r in rules)
    for r in rules:
        assert set(r) >= {"id", "name", "shortDescription", "fullDescription", "defaultConfiguration", "help"}
        assert r["defaultConfiguration"]["level"] in {"error", "warning", "note"}
    (result,) = run["results"]
    assert result["ruleId"] == "ARG103" and result["level"] == "warning"
    assert rules[result["ruleIndex"]]["id"] == "ARG103"
    assert "'p'" in result["message"]["text"]
    loc = result["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "map.yaml"
    assert loc["region"] == {"startLine": 13, "startColumn": 5}
    assert run["artifacts"] == [{"location": {"uri": "map.yaml", "uriBaseId": "%SRCROOT%"}}]


def test_sarif_outside_the_current_folder_uses_file_uris(run_cli, mapfile, monkeypatch, tmp_path_factory):
    monkeypatch.chdir(tmp_path_factory.mktemp("elsewhere"))
    data = json.loads(run_cli("audit", mapfile, "--format", "sarif").stdout)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in data["runs"][0]["results"]}
    assert uris == {mapfile.resolve().as_uri()}


def test_github_lines(run_cli, mapfile):
    out = run_cli("audit", mapfile, "--format", "github", "--select", "ARG102,ARG103", "--sort", "file").stdout.splitlines()
    assert out == [
        f"::notice file={mapfile},line=7,col=5,title=ARG102 uncited-fact::fact 'f' is given without evidence (f)",
        f"::warning file={mapfile},line=13,col=5,title=ARG103 unsupported-step::"
        "step 'i' to 't' rests on unsupported premise 'p' (i)",
    ]


def test_clean_map_says_so(run_cli, write_map):
    path = write_map("argmap: 1\nthesis: a\nclaims:\n  - id: a\n    text: A.\n    assumption: true\n")
    result = run_cli("audit", path)
    assert result.exit_code == 0
    assert result.stdout == "no findings in 1 file\n"


def test_user_text_is_cleaned_in_terminal_output(run_cli, write_map):
    path = write_map('argmap: 1\nthesis: "x"\nclaims:\n  - id: x\n    text: "\\e[31mred"\n    kind: causal\n')
    result = run_cli("audit", path)
    assert "\x1b" not in result.stdout


def test_rules_lists_catalogue(run_cli):
    from argmap.audit import rules

    out = run_cli("rules").stdout
    for r in rules():
        assert f"{r.code}  {r.name}" in out and r.summary in out


@pytest.mark.parametrize("key", ["ARG103", "arg103", "unsupported-step"])
def test_rules_shows_one_rule(run_cli, key):
    result = run_cli("rules", key)
    assert result.exit_code == 0
    assert result.stdout.startswith("ARG103 unsupported-step (default severity: warning)")
    assert "Failing example:\n" in result.stdout and "Passing example:\n" in result.stdout
    assert "``" not in result.stdout


def test_rules_unknown_is_usage_error(run_cli):
    result = run_cli("rules", "no-such-rule")
    assert result.exit_code == 2 and "no rule 'no-such-rule'" in result.stderr


def test_text_report_is_coloured_only_when_asked():
    from argmap.diagnostics import Finding, Severity
    from argmap.locations import Location
    from argmap.reports.audit_text import report

    f = Finding("a", "m", Location("m.yaml", 1, 1), code="ARG202", rule="thesis-not-a-claim", severity=Severity.error)
    assert "\x1b[31m" in report([f], ["m.yaml"], color=True)
    assert "\x1b[" not in report([f], ["m.yaml"], color=False)


def test_terminal_gets_colour(run_cli, mapfile):
    from click.testing import CliRunner

    from argmap.cli import cli

    result = CliRunner().invoke(cli, ["audit", str(mapfile)], color=True)
    assert "\x1b[33m" in result.stdout and "\x1b[36m" in result.stdout


def test_text_report_to_a_file_has_no_colour_codes(mapfile, tmp_path):
    from click.testing import CliRunner

    from argmap.cli import cli

    out = tmp_path / "report.txt"
    result = CliRunner().invoke(cli, ["audit", str(mapfile), "-o", str(out)], color=True)
    assert result.exit_code in (0, 1), result.output
    text = out.read_text(encoding="utf-8")
    assert "warning" in text and "\x1b" not in text
