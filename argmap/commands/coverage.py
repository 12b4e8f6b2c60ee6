"""``argmap coverage``: which sentences of the source no claim quotes."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import click

from argmap.commands._common import allow_outside_option, emit, load_map, map_file

FORMATS = ("text", "json", "html")


@click.command()
@map_file
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to a file (atomically).")
@click.option("--min", "minimum", type=click.FloatRange(0, 100), default=None, help="Exit 1 when fewer than this percentage of sentences are covered.")
@allow_outside_option
def coverage(file: Path, fmt: str, output: Optional[Path], minimum: Optional[float], allow_outside: bool) -> None:
    """Report the sentences of the source text that no claim quotes, and the share covered.

    Lines matching the map's `source.ignore` patterns are left out.
    """
    from argmap.provenance.coverage import coverage as measure
    from argmap.reports import coverage as formats

    loaded = load_map(file, allow_outside, warn_source=False)  # it needs the text: an error, raised below
    cov = measure(loaded)
    if fmt == "json":
        emit(formats.to_json(cov), output)
    elif fmt == "html":
        emit(formats.render_html(cov, title=loaded.map.title or str(file)), output)
    else:
        emit(formats.to_text(cov, file), output)
    if minimum is not None and cov.percent < minimum:
        raise SystemExit(1)

