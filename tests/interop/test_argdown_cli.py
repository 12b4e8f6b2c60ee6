"""Our Argdown output, read by the reference Argdown CLI, gives the same model as our parser.

Runs where the Argdown CLI is installed (``ARGMAP_ARGDOWN_CLI=/path/to/argdown``, or
``argdown`` on PATH; ``.ci/run`` installs @argdown/cli 1.7.5); skips elsewhere, fails under CI.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from argmap.loading import load
from argmap.readers.argdown import build
from argmap.writers.argdown import to_argdown

from .test_argdown_corpus import _ours, _reference

ROOT = Path(__file__).resolve().parents[2]
MAPS = [ROOT / "claims" / "serbia-azerbaijan.yaml", Path(__file__).parent / "fixtures" / "debate.argdown", Path(__file__).parent / "fixtures" / "quirks.json"]


@pytest.mark.parametrize("path", MAPS, ids=[p.name for p in MAPS])
def test_argdown_cli_reads_our_export_as_we_do(path, tmp_path, argdown_cli):
    text = to_argdown(load(path, read_source=False).map)
    source = tmp_path / "map.argdown"
    source.write_text(text, encoding="utf-8")
    run = subprocess.run([argdown_cli, "json", str(source), str(tmp_path)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    reference = json.loads((tmp_path / "map.json").read_text(encoding="utf-8"))
    assert _ours(build(text)) == _reference(reference)
