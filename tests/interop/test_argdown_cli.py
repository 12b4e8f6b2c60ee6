"""Our Argdown output, read by the reference Argdown CLI, gives the same model as our parser.

Runs only where the Argdown CLI is installed: ``argdown`` on PATH, or
``ARGMAP_ARGDOWN_CLI=/path/to/argdown`` (``npm install @argdown/cli@1.7.5``).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from argmap.loading import load
from argmap.readers.argdown import build
from argmap.writers.argdown import to_argdown

from .test_argdown_corpus import _ours, _reference

ROOT = Path(__file__).resolve().parents[2]
CLI = os.environ.get("ARGMAP_ARGDOWN_CLI") or shutil.which("argdown")

pytestmark = pytest.mark.skipif(not CLI, reason="the Argdown CLI is not installed (set ARGMAP_ARGDOWN_CLI)")

MAPS = [ROOT / "claims" / "serbia-azerbaijan.yaml", Path(__file__).parent / "fixtures" / "debate.argdown", Path(__file__).parent / "fixtures" / "quirks.json"]


@pytest.mark.parametrize("path", MAPS, ids=[p.name for p in MAPS])
def test_argdown_cli_reads_our_export_as_we_do(path, tmp_path):
    if not path.is_file():
        pytest.skip(f"{path} is not there")
    text = to_argdown(load(path, read_source=False).map)
    source = tmp_path / "map.argdown"
    source.write_text(text, encoding="utf-8")
    run = subprocess.run([CLI, "json", str(source), str(tmp_path)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    reference = json.loads((tmp_path / "map.json").read_text(encoding="utf-8"))
    assert _ours(build(text)) == _reference(reference)
