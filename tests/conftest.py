"""Shared test helpers: the repo root, the external corpus, and running the CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
CLAIMS = ROOT / "claims"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"


@pytest.fixture
def corpus() -> Path:
    """The external corpus in ../shared/corpus; skips where a clone has none."""
    if not CORPUS.is_dir():
        pytest.skip(f"external corpus not present at {CORPUS} (only in the project's workspace and CI)")
    return CORPUS


@pytest.fixture
def run_cli():
    """Run ``argmap ARGS...`` in-process; returns the click Result (stdout, stderr, exit_code)."""
    from argmap.cli import cli

    def run(*args: str, input: str | None = None):
        runner = CliRunner()
        return runner.invoke(cli, [str(a) for a in args], input=input, catch_exceptions=False)

    return run


@pytest.fixture
def run_process():
    """Run ``python -m argmap ARGS...`` as a real process."""

    def run(*args: str, cwd: Path | None = None, timeout: float = 120):
        return subprocess.run(
            [sys.executable, "-m", "argmap", *map(str, args)],
            capture_output=True,
            text=True,
            cwd=cwd,
            timeout=timeout,
        )

    return run


@pytest.fixture
def write_map(tmp_path):
    """Write a map file (and optionally its source text) into a temp folder; returns the map path."""

    def write(text: str, name: str = "map.yaml", source: str | None = None, source_name: str = "source.txt") -> Path:
        if source is not None:
            (tmp_path / source_name).write_text(source, encoding="utf-8")
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write
