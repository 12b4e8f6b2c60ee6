"""``argmap import``: convert an Argdown, AIF or microtext file (or any map) to native YAML."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import click

from argmap.commands._common import echo_notes, emit, force_option, map_file, note_source_text

FORMATS = ("argdown", "aif", "microtext", "yaml", "json")
"""Input formats ``--from`` accepts: the loader's formats, plus Potsdam microtext XML."""


@click.command(name="import")
@map_file
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the YAML map here (atomically); default: standard output.")
@click.option("--from", "fmt", type=click.Choice(FORMATS), default=None, help="Input format; default: by suffix (.argdown/.ad, .json: AIF or native by content, .xml: microtext).")
@force_option
def import_(file: Path, output: Optional[Path], fmt: Optional[str], force: bool) -> None:
    """Convert FILE (Argdown, AIF JSON, microtext XML) to a native argmap YAML map."""
    from argmap.writers.interop import to_yaml

    if fmt == "microtext" or (fmt is None and file.suffix.lower() == ".xml"):
        m = _load_microtext(file)
    else:
        from argmap.loading import load

        loaded = load(file, fmt=fmt, read_source=False)
        echo_notes(loaded.sourcemap)
        m = loaded.map
    emit(to_yaml(m), output, kind="yaml", force=force)
    note_source_text(m, file, output)


def _load_microtext(path: Path):
    """Microtext XML is an import format only: other commands take the imported YAML."""
    from argmap.diagnostics import ArgmapError
    from argmap.limits import Limits
    from argmap.loading.files import read_file
    from argmap.loading.references import check_references
    from argmap.readers.microtext import read

    limits = Limits()
    m, sourcemap = read(path, read_file(path, limits), limits)
    problems = check_references(m, sourcemap)
    if problems:
        raise ArgmapError(problems)
    return m
