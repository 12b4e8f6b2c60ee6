"""Shared test helpers: the repo root, the external corpus, and running the CLI."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
CLAIMS = ROOT / "claims"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"


def require_corpus(path: Path = CORPUS) -> Path:
    """``path`` when the external corpus is there; else a skip, except under CI
    (``CI=true``), where a missing corpus is a failure: CI always has it."""
    if not path.is_dir():
        reason = f"external corpus not present at {path} (only in the project's workspace and CI)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"corpus tests must run in CI, but the {reason}", pytrace=False)
        pytest.skip(reason)
    return path


@pytest.fixture
def corpus() -> Path:
    """The external corpus in ../shared/corpus (see :func:`require_corpus`)."""
    return require_corpus()


def argdown_cli_path() -> str | None:
    """The reference Argdown CLI: ``ARGMAP_ARGDOWN_CLI``, else ``argdown`` on PATH, else None.

    Tests and benchmarks find it the same way; ``.ci/run`` installs @argdown/cli 1.7.5 and sets it.
    """
    return os.environ.get("ARGMAP_ARGDOWN_CLI") or shutil.which("argdown")


@pytest.fixture(scope="session")
def argdown_cli() -> str:
    """Path of the Argdown CLI; skips where it is not installed, except under ``CI=true``,
    where the comparison with the reference tool must run (``.ci/run`` installs it)."""
    cli = argdown_cli_path()
    if not cli:
        reason = "the Argdown CLI is not installed (npm install @argdown/cli@1.7.5; set ARGMAP_ARGDOWN_CLI)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"Argdown comparison tests must run in CI, but {reason}", pytrace=False)
        pytest.skip(reason)
    return cli


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
