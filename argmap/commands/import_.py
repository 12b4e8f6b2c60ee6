"""``argmap import``: convert an Argdown or AIF file (or any map) to native YAML."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import click

from argmap.commands._common import emit, map_file

FORMATS = ("argdown", "aif", "yaml", "json")
"""Input formats ``--from`` accepts (the names of :data:`argmap.loading.READERS`)."""


@click.command(name="import")
@map_file
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the YAML map here (atomically); default: standard output.")
@click.option("--from", "fmt", type=click.Choice(FORMATS), default=None, help="Input format; default: by suffix (.argdown/.ad, .json: AIF or native by content).")
def import_(file: Path, output: Optional[Path], fmt: Optional[str]) -> None:
    """Convert FILE (Argdown, AIF JSON) to a native argmap YAML map."""
    from argmap.interop import to_yaml
    from argmap.loading import load

    loaded = load(file, fmt=fmt, read_source=False)
    emit(to_yaml(loaded.map), output)
