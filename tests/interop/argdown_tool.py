"""Running the reference Argdown CLI on many texts at once (one process: node starts once)."""

from __future__ import annotations

import subprocess
from pathlib import Path

__all__ = ["argdown_json"]


def argdown_json(cli: str, texts: dict, folder: Path) -> dict:
    """``argdown json`` run once on every text (name -> Argdown text), in ``folder``.

    Returns name -> ``("json", data)``, ``("error", "LINE:COL")`` for a file the CLI refuses
    with a syntax error, or ``("missing", log)`` for one it wrote nothing for otherwise.
    """
    import json
    import re

    sources, out = folder / "argdown", folder / "json"
    sources.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (sources / f"{name}.argdown").write_text(text, encoding="utf-8")
    run = subprocess.run([cli, "json", str(sources / "*.argdown"), str(out)], capture_output=True, text=True, timeout=600)
    log = re.sub(r"\x1b\[[0-9;]*m", "", run.stdout + run.stderr)
    errors = {m.group(1): f"{m.group(2)}:{m.group(3)}" for m in re.finditer(r"Argdown syntax errors in .*/([^/\s]+)\.argdown: \d+\s+At (\d+):(\d+)", log)}
    results: dict = {}
    for name in texts:
        path = out / f"{name}.json"
        if path.is_file():
            results[name] = ("json", json.loads(path.read_text(encoding="utf-8")))
        else:
            results[name] = ("error", errors[name]) if name in errors else ("missing", log)
    return results
