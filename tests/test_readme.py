"""The README's format example is a real map: it validates and audits against the bundled article."""

from __future__ import annotations

import re
import shutil

from tests.conftest import CLAIMS, ROOT


def test_readme_example_map_validates_and_audits(run_cli, tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(argmap: 1.*?)```", readme, re.S).group(1)
    example = re.sub(r"\n  sha256: .*", "", example)  # the README abbreviates the digest
    (tmp_path / "map.yaml").write_text(example, encoding="utf-8")
    shutil.copy(CLAIMS / "serbia-azerbaijan.txt", tmp_path / "serbia-azerbaijan.txt")
    assert run_cli("validate", tmp_path / "map.yaml").exit_code == 0
    result = run_cli("audit", tmp_path / "map.yaml", "--format", "json")
    assert result.exit_code == 0, result.output
    findings = {(f["code"], f["target"]) for f in __import__("json").loads(result.stdout)["findings"]}
    assert ("ARG103", "green-light") in findings  # the mission's example: an unsupported step
    assert not any(code == "ARG301" for code, _ in findings)  # every quote is in the article


def test_readme_test_command_is_what_ci_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = "python3 -m venv .venv && .venv/bin/pip install -q -e '.[test]' && .venv/bin/python -m pytest"
    assert command in readme
    assert command in ci
