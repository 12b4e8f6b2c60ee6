"""``argmap sources``: the outside sources a map relies on, with the claims that depend on each."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import click

from argmap.commands._common import allow_outside_option, emit, load_map, map_file

FORMATS = ("text", "json", "markdown")


@click.command()
@map_file
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to a file (atomically).")
@allow_outside_option
def sources(file: Path, fmt: str, output: Optional[Path], allow_outside: bool) -> None:
    """List every outside source the map relies on (a bibliography by dependency).

    For each source: its evidence records, the claims citing it, and the
    claims that rely on it through chains of support.
    """
    from argmap.provenance.sources import bibliography

    loaded = load_map(file, allow_outside, read_source=False)
    entries = bibliography(loaded.map)
    from argmap.reports import sources as formats

    if fmt == "json":
        emit(formats.to_json(entries, file), output)
    elif fmt == "markdown":
        emit(formats.to_markdown(entries, loaded.map.title or str(file)), output)
    else:
        emit(formats.to_text(entries, file), output)
