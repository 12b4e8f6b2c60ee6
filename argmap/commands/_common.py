"""Options and helpers shared by the commands."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable, Iterator, Optional

import click

from argmap.fsutil import atomic_write

__all__ = [
    "map_files", "map_file", "allow_outside_option", "load_map", "load_each", "echo_errors", "emit",
    "note_source_text",
]

map_files = click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
map_file = click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
allow_outside_option = click.option(
    "--allow-outside",
    is_flag=True,
    help="Let the map's source.text point outside the map's own folder.",
)


def load_map(path: Path, allow_outside: bool = False, read_source: bool = True):
    """Load a map for a command (errors propagate as ArgmapError).

    Imported lazily: ``--help`` and ``--version`` must not pay for pydantic and YAML.
    """
    from argmap.loading import load

    return load(path, allow_outside=allow_outside, read_source=read_source)


def echo_errors(exc) -> None:
    """Print an ArgmapError's diagnostics, one line each: ``argmap: error: FILE:LINE:COL: message``."""
    from argmap.terminal import one_line

    for d in exc.diagnostics:
        click.echo(f"argmap: error: {one_line(str(d))}", err=True)


def load_each(files: tuple[Path, ...], allow_outside: bool, failed: list[Path]) -> Iterator:
    """Load each map in turn for a command that takes several; a map that does not
    load has its errors printed and its path added to ``failed``, and the rest go on."""
    from argmap.diagnostics import ArgmapError

    for path in files:
        try:
            loaded = load_map(path, allow_outside)
        except ArgmapError as exc:
            echo_errors(exc)
            failed.append(path)
            continue
        yield loaded


def emit(data: str | bytes, output: Optional[Path]) -> None:
    """Write to ``output`` atomically, or to standard output."""
    if output is None or str(output) == "-":
        if isinstance(data, bytes):
            click.get_binary_stream("stdout").write(data)
        else:
            if _is_terminal(sys.stdout):  # a person reads it: no escape sequences
                from argmap.terminal import clean

                data = clean(data)
            click.echo(data, nl=not data.endswith("\n"))
        return
    atomic_write(output, data)


def _is_terminal(stream) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # replaced or closed stream
        return False


def note_source_text(m, file: Path, output: Optional[Path]) -> None:
    """Say so on stderr when a map written to ``output`` names a source text that is
    beside ``file`` but not beside ``output`` (the path is relative to the map's folder)."""
    ref = m.source.text
    if not ref or output is None or str(output) == "-" or "://" in ref:
        return
    try:
        if (output.parent / ref).exists() or not (file.parent / ref).is_file():
            return
    except (OSError, ValueError):
        return
    from argmap.terminal import one_line

    click.echo(
        f"argmap: note: {one_line(str(output))} names the source text '{one_line(ref)}', which is beside "
        f"{one_line(str(file))} but not beside it: copy it there for audit, anchor and coverage",
        err=True,
    )
