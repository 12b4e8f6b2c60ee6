"""``argmap sources``: the outside sources a map relies on, with the claims that depend on each."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import click

from argmap.commands._common import allow_outside_option, emit, force_option, load_map, map_file, output_format
from argmap.formats import choices


@click.command()
@map_file
@click.option("--format", "fmt", type=click.Choice(choices("sources")), default=None,
              help="Output format  [default: from -o's suffix, else text].")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to a file (atomically).")
@allow_outside_option
@force_option
def sources(file: Path, fmt: Optional[str], output: Optional[Path], allow_outside: bool, force: bool) -> None:
    """List every outside source the map relies on (a bibliography by dependency).

    For each source: its evidence records, the claims citing it, and the
    claims that rely on it through chains of support.
    """
    from argmap import formats
    from argmap.provenance.sources import bibliography

    fmt = output_format("sources", fmt, output, "text")
    loaded = load_map(file, allow_outside, read_source=False)
    form = formats.get("sources", fmt)
    emit(form.load()(bibliography(loaded.map), file, loaded.map.title or str(file)), output, kind=form.kind, force=force)
