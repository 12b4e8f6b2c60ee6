"""Options and helpers shared by the commands."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

import click

from argmap.util.fs import atomic_write, check_output

__all__ = [
    "map_files", "map_file", "jobs_option", "expand_paths", "echo_findings_as_errors", "cpu_jobs", "allow_outside_option", "force_option", "load_map", "echo_errors", "echo_notes", "emit",
    "note_source_text", "stdout_is_terminal", "output_format", "FiniteFloat", "COLOR", "use_color", "color_option",
    "no_color_option", "default_color", "complete_ids",
]

map_files = click.argument(
    "files", metavar="PATH...", nargs=-1, required=True, type=click.Path(allow_dash=True, path_type=Path)
)
"""Files, folders (searched recursively), globs and ``-`` (standard input); see :mod:`argmap.commands._inputs`."""
map_file = click.argument("file", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
jobs_option = click.option(
    "-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
    help="Check this many files at once, in worker processes (0: one per CPU).",
)
allow_outside_option = click.option(
    "--allow-outside",
    is_flag=True,
    help="Let the map's source.text point outside the map's own folder.",
)


def load_map(path: Path, allow_outside: bool = False, read_source: bool = True, warn_source: bool = True,
             regular_only: bool = False):
    """Load a map for a command (errors propagate as ArgmapError); ``regular_only`` for a
    map named inside another file (a review's ``map:``), which may not be a FIFO or device.

    Imported lazily: ``--help`` and ``--version`` must not pay for pydantic and YAML.
    """
    from argmap.loading import load

    loaded = load(path, allow_outside=allow_outside, read_source=read_source, regular_only=regular_only)
    if loaded.source_error is not None and warn_source:
        from argmap.util.terminal import one_line

        click.echo(f"argmap: warning: {one_line(str(loaded.source_error))}; going on without it", err=True)
    echo_notes(loaded.sourcemap)
    return loaded


def cpu_jobs(jobs: int) -> int:
    """``--jobs`` as a number of processes (0 means one per CPU)."""
    import os

    return jobs or os.cpu_count() or 1


def expand_paths(files: tuple[Path, ...], reviews: bool = True):
    """The files that the path arguments name (folders, globs, ``-``); the files skipped in
    folders are counted on stderr. A glob that matches nothing is in ``errors``."""
    from argmap.commands._inputs import expand

    inputs = expand([str(f) for f in files], reviews=reviews)
    if inputs.skipped:
        n = inputs.skipped
        click.echo(f"argmap: note: skipped {n} file{'' if n == 1 else 's'} in folders that "
                   f"{'is' if n == 1 else 'are'} neither a map nor a review", err=True)
    return inputs


def echo_findings_as_errors(findings) -> None:
    """Load and configuration errors (pseudo-rule findings) as ``argmap: error: FILE:LINE:COL: message`` on stderr."""
    from argmap.util.terminal import one_line

    for f in findings:
        click.echo(f"argmap: {f.severity.value}: {one_line(f'{f.location}: {f.message}')}", err=True)


def echo_notes(sourcemap) -> None:
    """Print what a reader of Argdown or AIF left out or read its own way, one line each:
    ``argmap: warning: FILE:LINE:COL: message`` (the map's ``note`` keeps them too)."""
    from argmap.util.terminal import one_line

    for d in sourcemap.notes:
        click.echo(f"argmap: warning: {one_line(str(d))}", err=True)


def echo_errors(exc) -> None:
    """Print an ArgmapError's diagnostics, one line each: ``argmap: error: FILE:LINE:COL: message``."""
    from argmap.util.terminal import one_line

    for d in exc.diagnostics:
        click.echo(f"argmap: error: {one_line(str(d))}", err=True)


force_option = click.option(
    "--force", is_flag=True, help="Write the output even when it is one of the files this command reads."
)


def emit(data: str | bytes, output: Optional[Path], *, kind: str, styled: bool = False, force: bool = False,
         inputs: Iterable[Path] = ()) -> None:
    """Write to ``output`` atomically, or to standard output, cleaned as the
    :data:`~argmap.formats.KINDS` ``kind`` requires (:func:`for_output`); a
    ``styled`` format cleans user text itself and keeps its own terminal styles,
    which ``click.echo`` removes where no terminal reads them. An ``output`` that is
    a file the command read (or one of ``inputs``) is refused unless ``force``."""
    to_stdout = output is None or str(output) == "-"
    if isinstance(data, str) and not styled:
        data = for_output(data, kind, terminal=to_stdout and _is_terminal(sys.stdout))
    if to_stdout:
        if isinstance(data, bytes):
            stream = getattr(sys.stdout, "buffer", None)  # click.get_binary_stream is deprecated
            (stream if stream is not None else sys.stdout).write(data)
        else:
            click.echo(data, nl=not data.endswith("\n"))
        return
    check_output(output, force, inputs)
    if styled and isinstance(data, str):
        data = click.unstyle(data)
    atomic_write(output, data)


def emit_format(command: str, fmt: str, data_for: Callable, output: Optional[Path], *, force: bool = False,
                inputs: Iterable[Path] = ()) -> None:
    """Write ``command``'s format ``fmt``: ``data_for(formatter)`` makes the text (the
    formatter imported from :data:`argmap.formats.FORMATS` only now)."""
    from argmap import formats

    form = formats.get(command, fmt)
    emit(data_for(form.load()), output, kind=form.kind, styled=form.styled, force=force, inputs=inputs)


def output_format(command: str, fmt: Optional[str], output: Optional[Path], default: str, *,
                  option: str = "--format") -> str:
    """The format a command writes: ``fmt``, else the one ``output``'s suffix picks, else ``default``;
    an output name whose suffix says another file type (``-o x.jpg``) is a usage error (exit 2)."""
    from argmap import formats

    suffix = output.suffix if output is not None and str(output) != "-" else ""
    try:
        return formats.pick(command, fmt, suffix, default)
    except ValueError as exc:
        from argmap.util.terminal import one_line

        ctx = click.get_current_context(silent=True)
        name = ctx.command_path if ctx is not None else command
        raise click.UsageError(f"-o {one_line(str(output))}: {name} {str(exc).replace('--format', option)}") from None


class FiniteFloat(click.FloatRange):
    """A :class:`click.FloatRange` that refuses ``nan`` (which passes every comparison) and,
    unless ``allow_inf``, infinities."""

    def __init__(self, *args, allow_inf: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.allow_inf = allow_inf

    def convert(self, value, param, ctx):
        import math

        number = super().convert(value, param, ctx)
        if math.isnan(number) or (math.isinf(number) and not self.allow_inf):
            self.fail(f"{value!r} is not a number", param, ctx)
        return number


def for_output(text: str, kind: str, *, terminal: bool) -> str:
    """Text and Markdown never carry terminal control sequences or bidi overrides,
    wherever they go; nothing written to a terminal does (a person reads it)."""
    from argmap.formats import CLEANED_KINDS

    if terminal or kind in CLEANED_KINDS:
        from argmap.util.terminal import clean

        return clean(text)
    return text


def stdout_is_terminal() -> bool:
    """Whether standard output is a terminal (a page or an image written there would be unreadable)."""
    return _is_terminal(sys.stdout)


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
    from argmap.util.terminal import one_line

    click.echo(
        f"argmap: note: {one_line(str(output))} names the source text '{one_line(ref)}', which is beside "
        f"{one_line(str(file))} but not beside it: copy it there for audit, anchor and coverage",
        err=True,
    )


COLOR = ("auto", "always", "never")


def use_color(ctx: click.Context, choice: Optional[str]) -> None:
    """Set whether styles reach the output: ``always``/``never``, or (``auto``) on a terminal
    unless the ``NO_COLOR`` environment variable is set and not empty (no-color.org)."""
    import os

    if choice in (None, "auto"):
        ctx.color = False if os.environ.get("NO_COLOR") else None  # None: click asks the stream
    else:
        ctx.color = choice == "always"


def _color_callback(ctx: click.Context, param: click.Parameter, value: Any) -> None:
    """An explicit --color or --no-color sets the context's colour (a command's context inherits
    the group's); without one the group applies ``auto`` (:func:`default_color`)."""
    if param.name == "no_color":
        value = "never" if value else None
    if value is not None:
        use_color(ctx, value)
        ctx.meta["argmap.color"] = value


def default_color(ctx: click.Context) -> None:
    """``auto`` colour (NO_COLOR honoured) unless --color or --no-color was given."""
    if "argmap.color" not in ctx.meta:
        use_color(ctx, "auto")


color_option = click.option(
    "--color", type=click.Choice(COLOR), default=None, callback=_color_callback, expose_value=False, is_eager=True,
    help="Styles in the output: on a terminal unless NO_COLOR is set (auto), always, or never.  [default: auto]",
)
"""``--color``, on the group and on the commands that style their output (``argmap audit --color never``)."""
no_color_option = click.option(
    "--no-color", is_flag=True, expose_value=False, is_eager=True, callback=_color_callback,
    help="Same as --color never.",
)


def complete_ids(ctx: click.Context, param: click.Parameter, incomplete: str) -> list:
    """Shell completion of element ids from the map named earlier on the command line
    (``argmap explain MAP <TAB>``, ``argmap render MAP --focus <TAB>``): claims and steps,
    and for ``--focus`` evidence too, each with the start of its text. Nothing on any error."""
    from click.shell_completion import CompletionItem

    file = ctx.params.get("file") or _map_on_the_command_line()
    if file is None:
        return []
    try:
        from argmap.loading import load

        m = load(Path(file), read_source=False).map
    except Exception:  # noqa: BLE001 - a half-typed command line: no suggestions, never a traceback
        return []
    sections = ("claims", "inferences", "evidence") if param.name == "focus" else ("claims", "inferences")
    items = []
    for section in sections:
        for el in getattr(m, section):
            if el.id.startswith(incomplete):
                words = getattr(el, "text", None) or getattr(el, "citation", None) or ""
                items.append(CompletionItem(el.id, help=" ".join(str(words).split())[:60] or None))
    return items


def _map_on_the_command_line() -> Optional[str]:
    """The first existing file among the words being completed: click parses no positional
    argument once an option lacks its value (``render MAP --focus <TAB>``)."""
    import os

    from click.parser import split_arg_string

    for word in split_arg_string(os.environ.get("COMP_WORDS", ""))[1:]:
        if not word.startswith("-") and os.path.isfile(word):
            return word
    return None
