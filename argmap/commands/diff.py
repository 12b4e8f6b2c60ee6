"""``argmap diff``: what changed between two versions of a map, and what followed."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import click

from argmap.commands._common import allow_outside_option, emit, force_option, output_format
from argmap.formats import choices

_path = click.Path(dir_okay=False, path_type=Path)


@click.command()
@click.argument("old", type=_path)
@click.argument("new", type=_path)
@click.option("--format", "fmt", type=click.Choice(choices("diff")), default=None,
              help="Output format  [default: from -o's suffix, else text].")
@click.option("-o", "--output", type=_path, help="Write to a file (atomically).")
@click.option("--no-consequences", is_flag=True, help="Skip the audit and evaluation deltas.")
@allow_outside_option
@force_option
def diff(old: Path, new: Path, fmt: Optional[str], output: Optional[Path], no_consequences: bool, allow_outside: bool, force: bool) -> None:
    """Claims, evidence and inferences added, removed and changed from OLD to NEW
    (text changes word by word), findings that appeared or were fixed, and
    status and label changes."""
    from argmap import formats
    from argmap.commands._common import load_map
    from argmap.diffing import compare

    fmt = output_format("diff", fmt, output, "text")
    result = compare(load_map(old, allow_outside), load_map(new, allow_outside), consequences=not no_consequences)
    form = formats.get("diff", fmt)
    emit(form.load()(result, str(old), str(new)), output, kind=form.kind, force=force)
