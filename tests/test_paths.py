"""Path arguments as linters take them: files, folders, globs and ``-``; exit codes 0/1/2."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from tests.conftest import CLAIMS, ROOT
from tests.maps import CAUSAL_THESIS, MISSPELLED_KEY, ONE_CLAIM, quoted


def _repo(tmp_path: Path) -> Path:
    """A repository that holds maps, their sources, a review, pictures and other YAML together."""
    repo = tmp_path / "repo"
    claims = repo / "claims"
    shutil.copytree(CLAIMS, claims)
    (claims / "nested").mkdir()
    (claims / "nested" / "small.yaml").write_text(ONE_CLAIM, encoding="utf-8")
    (claims / "nested" / "small.argdown").write_text("[a]: A.\n  + [b]: B.\n", encoding="utf-8")
    (repo / ".github").mkdir()
    (repo / ".github" / "ci.yml").write_text("on: push\n", encoding="utf-8")
    (repo / "mkdocs.yaml").write_text("site_name: x\n", encoding="utf-8")
    (repo / "package.json").write_text('{"name": "x"}\n', encoding="utf-8")
    (repo / ".venv").mkdir()
    (repo / ".venv" / "broken.yaml").write_text(MISSPELLED_KEY, encoding="utf-8")
    return repo


def test_folder_is_searched_recursively_and_the_rest_skipped_with_a_count(run_cli, tmp_path, monkeypatch):
    repo = _repo(tmp_path)
    monkeypatch.chdir(repo)
    result = run_cli("validate", ".")
    assert result.exit_code == 0, result.output
    checked = sorted(line.split(":")[0] for line in result.stdout.splitlines())
    assert checked == [
        "claims/nested/small.argdown", "claims/nested/small.yaml",
        "claims/serbia-azerbaijan.review.yaml", "claims/serbia-azerbaijan.yaml",
    ]
    assert f"valid ({_review_entries()} entries by" in result.stdout  # the review is checked as a review
    # claims/'s README.md, source text and pictures, mkdocs.yaml, package.json; not .github/.venv (hidden)
    pictures = sorted(p.name for p in CLAIMS.iterdir() if p.suffix in (".svg", ".png"))
    assert len(pictures) >= 2
    assert f"skipped {2 + len(pictures) + 2} files in folders" in result.stderr


def _review_entries() -> int:
    """How many entries the bundled review has, read from the file itself."""
    review = Path(__file__).resolve().parents[1] / "claims" / "serbia-azerbaijan.review.yaml"
    return len(yaml.safe_load(review.read_text(encoding="utf-8"))["entries"])


def test_review_named_beside_maps_is_checked_as_a_review(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(_repo(tmp_path))
    # what the shell gives for claims/*.yaml, and what a pre-commit hook passes
    result = run_cli("validate", "claims/serbia-azerbaijan.yaml", "claims/serbia-azerbaijan.review.yaml")
    assert result.exit_code == 0, result.output
    audit = run_cli("audit", "claims/serbia-azerbaijan.yaml", "claims/serbia-azerbaijan.review.yaml")
    assert audit.exit_code == 0, audit.output
    assert "in 2 files" in audit.stdout


def test_broken_review_is_reported_as_a_review(run_cli, tmp_path):
    (tmp_path / "m.yaml").write_text(ONE_CLAIM, encoding="utf-8")
    review = tmp_path / "m.review.yaml"
    review.write_text("argmap-review: 1\nmap: m.yaml\nreviewer: R\ndate: '2026-01-01'\nentries:\n"
                      "  - target: a\n    verdict: maybe\n", encoding="utf-8")
    result = run_cli("validate", tmp_path)
    assert result.exit_code == 1
    assert f"argmap: error: {review}:7:14:" in result.stderr and "verdict" in result.stderr
    assert "missing 'argmap: 1'" not in result.stderr


def test_glob_is_expanded_and_an_empty_glob_is_an_error(run_cli, tmp_path, monkeypatch):
    repo = _repo(tmp_path)
    monkeypatch.chdir(repo)
    result = run_cli("validate", "claims/**/*.yaml")
    assert result.exit_code == 0, result.output
    assert "claims/nested/small.yaml: valid" in result.stdout
    assert f"claims/serbia-azerbaijan.review.yaml: valid ({_review_entries()} entries" in result.stdout
    nothing = run_cli("validate", "claims/*.nothing", "claims/nested/small.yaml")
    assert nothing.exit_code == 2
    assert "argmap: error: claims/*.nothing:1:1: matches no file" in nothing.stderr
    assert "claims/nested/small.yaml: valid" in nothing.stdout  # the others are still checked


def test_dash_reads_standard_input(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run_cli("validate", "-", input=ONE_CLAIM).stdout == "-: valid (1 claim, 0 evidence, 0 inferences)\n"
    argdown = run_cli("validate", "-", input="[a]: A.\n  + [b]: B.\n")
    assert argdown.exit_code == 0 and "(2 claims, 0 evidence, 1 inference)" in argdown.stdout
    broken = run_cli("audit", "-", "--format", "json", input=MISSPELLED_KEY)
    assert broken.exit_code == 1
    assert json.loads(broken.stdout)["findings"][-1]["file"] == "-"
    assert "argmap: error: -:4:5: claim 'a': unknown key 'txt'" in broken.stderr
    evaluated = run_cli("evaluate", "-", input=ONE_CLAIM)
    assert evaluated.exit_code == 0 and "a" in evaluated.stdout


@pytest.mark.parametrize("command", ["validate", "audit"])
def test_exit_codes(run_cli, tmp_path, command):
    good = tmp_path / "good.yaml"
    good.write_text(ONE_CLAIM, encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(MISSPELLED_KEY, encoding="utf-8")
    utf16 = tmp_path / "utf16.yaml"
    utf16.write_bytes(ONE_CLAIM.encode("utf-16"))
    assert run_cli(command, good).exit_code == 0
    assert run_cli(command, good, bad).exit_code == 1  # an invalid map: a finding
    assert run_cli(command, good, tmp_path / "missing.yaml").exit_code == 2  # unreadable input
    assert run_cli(command, bad, utf16).exit_code == 2  # the graver of the two
    assert run_cli(command, "--no-such-option").exit_code == 2  # usage


def test_exit_1_for_findings_at_fail_on_and_2_for_a_broken_configuration(run_cli, tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text(CAUSAL_THESIS, encoding="utf-8")
    assert run_cli("audit", path).exit_code == 0  # a warning, below --fail-on error
    assert run_cli("audit", path, "--fail-on", "warning").exit_code == 1
    (tmp_path / "argmap.toml").write_text('ignore = ["ARG9"]\n', encoding="utf-8")
    broken = run_cli("audit", path, "--format", "sarif")
    assert broken.exit_code == 2
    results = json.loads(broken.stdout)["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["ARG002"]  # the configuration error is a result, located
    where = results[0]["locations"][0]["physicalLocation"]
    assert where["artifactLocation"]["uri"].endswith("argmap.toml") and where["region"]["startLine"] == 1


def test_internal_error_exits_3(run_cli, tmp_path, monkeypatch):
    path = tmp_path / "m.yaml"
    path.write_text(ONE_CLAIM, encoding="utf-8")

    def crash(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("argmap.audit.run", crash)  # a bug anywhere in a rule
    result = run_cli("audit", path)
    assert result.exit_code == 3
    assert "argmap: internal error: RuntimeError: a bug" in result.stderr and "--debug" in result.stderr


def test_unsupported_file_type_and_utf16_are_named(run_cli, tmp_path):
    for name in ("notes.md", "pyproject.toml", "micro.xml"):
        path = tmp_path / name
        path.write_text("# title\n", encoding="utf-8")
        result = run_cli("validate", path)
        assert result.exit_code == 2
        assert f"unsupported file type '{path.suffix}'" in result.stderr, result.stderr
        assert "YAML" not in result.stderr and "mapping" not in result.stderr
    assert "argmap import --from microtext" in run_cli("validate", tmp_path / "micro.xml").stderr
    utf16 = tmp_path / "m.yaml"
    utf16.write_bytes(ONE_CLAIM.encode("utf-16"))
    result = run_cli("validate", utf16)
    assert "UTF-16 byte order mark" in result.stderr and result.exit_code == 2


def test_missing_source_text_does_not_stop_render_export_and_audit(run_cli, tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text(quoted("A", source="gone.txt"), encoding="utf-8")
    audit = run_cli("audit", path, "--format", "json")
    assert audit.exit_code == 0, audit.output
    found = json.loads(audit.stdout)["findings"]
    assert [(f["code"], f["severity"], f["line"]) for f in found if f["code"] == "ARG001"] == [("ARG001", "warning", 3)]
    assert "source text file 'gone.txt' not found" in audit.stderr
    svg = tmp_path / "m.svg"
    render = run_cli("render", path, "-o", svg)
    assert render.exit_code == 0 and svg.read_text(encoding="utf-8").lstrip().startswith(("<?xml", "<svg"))
    assert "argmap: warning:" in render.stderr and "gone.txt" in render.stderr
    assert run_cli("export", path, "--to", "json").exit_code == 0
    anchor = run_cli("anchor", path)  # anchoring does need the text: an error
    assert anchor.exit_code == 1 and "gone.txt' not found" in anchor.stderr
    assert run_cli("validate", path).exit_code == 1  # and a map that names a missing file is not valid


def test_precommit_hooks_pass_on_a_repo_with_maps_sources_and_reviews(run_cli, tmp_path, monkeypatch):
    """Each hook runs on the files pre-commit would pass it: every tracked file its ``files`` matches."""
    repo = _repo(tmp_path)
    monkeypatch.chdir(repo)
    tracked = sorted(p.relative_to(repo).as_posix() for p in repo.rglob("*") if p.is_file() and ".venv" not in p.parts)
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    for hook in hooks:
        files = [f for f in tracked if re.search(hook["files"], f)]
        assert "claims/serbia-azerbaijan.review.yaml" in files and "claims/serbia-azerbaijan.yaml" in files
        result = run_cli(*hook["entry"].split()[1:], *hook.get("args", []), *files)
        assert result.exit_code == 0, (hook["id"], result.output)
