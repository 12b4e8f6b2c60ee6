"""``argmap export``: write a map in another format."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import click

from argmap.commands._common import allow_outside_option, emit, force_option, load_map, map_file, note_source_text, output_format
from argmap.formats import choices


@click.command()
@map_file
@click.option("--to", "fmt", type=click.Choice(choices("export")), default=None,
              help="Output format  [default: from -o's suffix (.argdown, .ad, .dot, .gv, .jsonld), else json].")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to a file (atomically).")
@allow_outside_option
@force_option
def export(file: Path, fmt: Optional[str], output: Optional[Path], allow_outside: bool, force: bool) -> None:
    """Export a map (YAML, Argdown or AIF) to another format."""
    from argmap import formats

    fmt = output_format("export", fmt, output, "json", option="--to")
    loaded = load_map(file, allow_outside)
    form = formats.get("export", fmt)
    emit(form.load()(loaded), output, kind=form.kind, force=force)
    note_source_text(loaded.map, file, output)
