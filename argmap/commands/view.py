"""``argmap view``: the map beside its source text, as one self-contained HTML page."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import click

from argmap.commands._common import allow_outside_option, emit, force_option, output_format, stdout_is_terminal
from argmap.rendering import RANKDIRS  # light: no graphviz

map_file = click.argument("file", metavar="MAP", type=click.Path(dir_okay=False, path_type=Path))
review_files = click.argument("reviews", metavar="[REVIEW]...", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
rankdir_option = click.option("--rankdir", type=click.Choice(RANKDIRS), default="TB", show_default=True,
                              help="Layout direction of the diagram.")


@click.command()
@map_file
@review_files
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the page to this file (atomically). Default: standard output.")
@rankdir_option
@allow_outside_option
@force_option
def view(file: Path, reviews: tuple[Path, ...], output: Optional[Path], rankdir: str, allow_outside: bool,
         force: bool) -> None:
    """Write the viewer: source text, diagram and details side by side, in one HTML file.

    Click a node to see its quote in the text and its details; click a quote to
    find its node. Reviews given after the map show in the details. No network:
    open the file in any browser.
    """
    from argmap import formats

    form = formats.get("view", output_format("view", None, output, "html"))

    if output is None and stdout_is_terminal():
        raise click.UsageError("the viewer is an HTML page: give -o FILE.html (or redirect standard output)")
    from argmap.reports import viewer

    page = viewer.view(file, list(reviews), allow_outside=allow_outside, rankdir=rankdir)
    emit(form.load()(page), output, kind=form.kind, force=force)
