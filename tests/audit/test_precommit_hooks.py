"""The pre-commit hook definitions point at real commands and match map files only."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from argmap.cli import COMMANDS
from tests.maps import ONE_CLAIM

ROOT = Path(__file__).resolve().parents[2]


def _hooks() -> dict:
    return {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}


def test_hooks_run_argmap_commands():
    hooks = _hooks()
    assert set(hooks) == {"argmap-validate", "argmap-audit"}
    for hook in hooks.values():
        program, command, *_ = hook["entry"].split()
        assert program == "argmap" and command in COMMANDS
        assert hook["language"] == "python" and hook["name"]


def test_hooks_match_map_files_only():
    for hook in _hooks().values():
        pattern = re.compile(hook["files"])
        for path in ["claims/serbia-azerbaijan.yaml", "claims/x.yml", "docs/claims/a.argdown", "claims/b.ad"]:
            assert pattern.search(path), path
        for path in [".github/workflows/ci.yml", "mkdocs.yaml", "claims/notes.txt", "claims.yaml"]:
            assert not pattern.search(path), path


def test_validate_hook_entry_runs(run_cli, write_map):
    path = write_map(ONE_CLAIM, name="claims.yaml")
    entry = _hooks()["argmap-validate"]["entry"].split()[1:]
    result = run_cli(*entry, path)
    assert result.exit_code == 0 and result.stdout == ""
