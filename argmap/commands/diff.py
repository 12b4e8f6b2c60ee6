"""``argmap diff``: what changed between two versions of a map, and what followed."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import click

from argmap.commands._common import allow_outside_option, emit

DIFF_FORMATS: dict[str, str] = {
    "text": "argmap.reports.diff:to_text",
    "json": "argmap.reports.diff:to_json",
    "html": "argmap.reports.diff:to_html",
}
"""Diff output format → ``module:function`` taking (MapDiff, old_file, new_file)."""

_path = click.Path(dir_okay=False, path_type=Path)


@click.command()
@click.argument("old", type=_path)
@click.argument("new", type=_path)
@click.option("--format", "fmt", type=click.Choice(list(DIFF_FORMATS)), default="text", show_default=True)
@click.option("-o", "--output", type=_path, help="Write to a file (atomically).")
@click.option("--no-consequences", is_flag=True, help="Skip the audit and evaluation deltas.")
@allow_outside_option
def diff(old: Path, new: Path, fmt: str, output: Optional[Path], no_consequences: bool, allow_outside: bool) -> None:
    """Claims, evidence and inferences added, removed and changed from OLD to NEW
    (text changes word by word), findings that appeared or were fixed, and
    status and label changes."""
    import importlib

    from argmap.commands._common import load_map
    from argmap.diffing import compare

    result = compare(load_map(old, allow_outside), load_map(new, allow_outside), consequences=not no_consequences)
    module, _, attr = DIFF_FORMATS[fmt].partition(":")
    formatter = getattr(importlib.import_module(module), attr)
    text = formatter(result) if fmt == "text" else formatter(result, str(old), str(new))
    if fmt == "text" and output is None:
        from argmap.util.terminal import clean

        text = clean(text)
    emit(text, output)
