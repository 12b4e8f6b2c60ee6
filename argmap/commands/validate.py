"""``argmap validate``: schema, references, duplicate ids and keys, version."""

from __future__ import annotations

from pathlib import Path

import click

from argmap.commands._common import allow_outside_option, load_each, map_files
from argmap.terminal import one_line


@click.command()
@map_files
@allow_outside_option
@click.option("-q", "--quiet", is_flag=True, help="Print nothing for valid files.")
def validate(files: tuple[Path, ...], allow_outside: bool, quiet: bool) -> None:
    """Check map files: schema, references, duplicate ids, format version.

    Prints each error as FILE:LINE:COL: message. Exit 0 when every file is
    valid, 1 when any is not, 2 for usage errors.
    """
    failed: list[Path] = []
    for loaded in load_each(files, allow_outside, failed):
        path = loaded.path
        for warning in _warnings(loaded):
            click.echo(f"argmap: warning: {one_line(warning)}", err=True)
        if not quiet:
            m = loaded.map
            click.echo(
                f"{path}: valid ({len(m.claims)} claims, {len(m.evidence)} evidence, "
                f"{len(m.inferences)} inferences)"
            )
    if failed:
        raise SystemExit(1)


def _warnings(loaded) -> list[str]:
    """Non-fatal problems: the source text changed since the map was anchored."""
    from argmap.anchoring import source_changed

    return source_changed(loaded)
