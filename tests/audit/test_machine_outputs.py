"""Machine-readable audit outputs carry every file's problems, with paths a CI can use."""

from __future__ import annotations

import json
from tests.maps import MISSPELLED_KEY, quoted

MAP = quoted("Alpha is here.")
SOURCE = "Alpha is here. Beta is not quoted.\n"


def test_github_annotations_use_paths_relative_to_the_workspace(run_cli, tmp_path, monkeypatch):
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "source.txt").write_text(SOURCE, encoding="utf-8")
    path = tmp_path / "claims" / "m.yaml"
    path.write_text(MAP, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    out = run_cli("audit", path.resolve(), "--format", "github", "--extend-select", "uncovered-sentence").stdout
    lines = [line for line in out.splitlines() if "ARG313" in line]
    assert lines and all("file=claims/source.txt," in line for line in lines), out
    assert str(tmp_path) not in out


def test_load_errors_are_annotations_and_json_results(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.yaml").write_text(MISSPELLED_KEY, encoding="utf-8")
    github = run_cli("audit", "bad.yaml", "--format", "github")
    assert github.exit_code == 1
    assert "::error file=bad.yaml,line=4,col=5,title=ARG001 load-error::claim 'a': unknown key 'txt'" in github.stdout
    data = json.loads(run_cli("audit", "bad.yaml", "nothing-*.yaml", "--format", "json").stdout)
    assert data["summary"]["files"] == 2 and data["summary"]["error"] == len(data["findings"]) >= 2
    assert {f["file"] for f in data["findings"]} == {"bad.yaml", "nothing-*.yaml"}
