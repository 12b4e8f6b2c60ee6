"""``argmap coverage``: which sentences of the source no claim quotes."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import click

from argmap.commands._common import FiniteFloat, allow_outside_option, emit, force_option, load_map, map_file, output_format
from argmap.formats import choices


@click.command()
@map_file
@click.option("--format", "fmt", type=click.Choice(choices("coverage")), default=None,
              help="Output format  [default: from -o's suffix, else text].")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to a file (atomically).")
@click.option("--min", "minimum", type=FiniteFloat(0, 100), default=None, help="Exit 1 when fewer than this percentage of sentences are covered.")
@allow_outside_option
@force_option
def coverage(file: Path, fmt: Optional[str], output: Optional[Path], minimum: Optional[float], allow_outside: bool, force: bool) -> None:
    """Report the sentences of the source text that no claim quotes, and the share covered.

    Lines matching the map's `source.ignore` patterns are left out.
    """
    from argmap import formats
    from argmap.provenance.coverage import coverage as measure

    fmt = output_format("coverage", fmt, output, "text")
    loaded = load_map(file, allow_outside, warn_source=False)  # it needs the text: an error, raised below
    cov = measure(loaded)
    form = formats.get("coverage", fmt)
    emit(form.load()(cov, file, loaded.map.title or str(file)), output, kind=form.kind, force=force)
    if minimum is not None and cov.percent < minimum:
        raise SystemExit(1)

