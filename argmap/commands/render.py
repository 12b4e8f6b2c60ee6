"""``argmap render``: the argument diagram as SVG, PNG, PDF or DOT."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any, Optional

import click

from argmap.commands._common import allow_outside_option, emit, load_map, map_file
from argmap.rendering import COLOR_BY, ENGINES, FORMATS, RANKDIRS  # light: no graphviz

BIG_MAP = 1000
"""Claims above which slow layouts get progress notes and advice on stderr."""


@click.command()
@map_file
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to a file (atomically); the format follows its suffix. Default: standard output.")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), help="Output format (default: from -o's suffix, else svg).")
@click.option("--engine", type=click.Choice(ENGINES), default="embedded", show_default=True,
              help="embedded: Graphviz as WebAssembly, nothing to install; system: the Graphviz 'dot' program.")
@click.option("--focus", metavar="ID", help="Show only the neighbourhood of this claim, evidence or inference.")
@click.option("--depth", type=click.IntRange(0, None), default=2, show_default=True,
              help="With --focus: how many inference steps to follow, in both directions.")
@click.option("--rankdir", type=click.Choice(RANKDIRS), default="TB", show_default=True,
              help="Layout direction: top to bottom or left to right.")
@click.option("--cluster", is_flag=True, help="Group claims by their section.")
@click.option("--color-by", type=click.Choice(COLOR_BY), default="findings", show_default=True,
              help="Fill claims by audit findings, support status or acceptability label (argmap evaluate).")
@click.option("--diff", "diff_old", metavar="OLD", type=click.Path(dir_okay=False, path_type=Path),
              help="Colour elements by change since the map version OLD (added, changed, unchanged).")
@click.option("--time-limit", type=click.FloatRange(0, None, min_open=True), default=60, show_default=True,
              metavar="SECONDS", help="Stop a layout that takes longer, with advice on drawing less.")
@allow_outside_option
def render(
    file: Path,
    output: Optional[Path],
    fmt: Optional[str],
    engine: str,
    focus: Optional[str],
    depth: int,
    rankdir: str,
    cluster: bool,
    color_by: str,
    diff_old: Optional[Path],
    time_limit: float,
    allow_outside: bool,
) -> None:
    """Render a map as a diagram; audit findings are marked on it."""
    fmt = fmt or _format_from_suffix(output)
    if output is None and fmt in ("png", "pdf") and _stdout_is_terminal():
        raise click.UsageError(f"{fmt.upper()} is binary: give -o FILE (or redirect standard output)")
    loaded = load_map(file, allow_outside)
    findings = _audit(loaded)
    evaluation = _evaluation(loaded, color_by)
    options: dict[str, Any] = dict(
        focus=focus, depth=depth, rankdir=rankdir, color_by=color_by, evaluation=evaluation, cluster=cluster
    )
    if diff_old is not None:
        from argmap.diffing import diff_maps

        options["changes"] = diff_maps(load_map(diff_old, allow_outside, read_source=False).map, loaded.map).changes()
    from argmap import render as renderer

    diagram = renderer.build_diagram(loaded, findings, **options)
    big = len(loaded.map.claims) > BIG_MAP and focus is None and fmt != "dot"
    data = _timed(lambda: renderer.draw(diagram, fmt, engine, file=loaded.file, time_limit=time_limit),
                  len(loaded.map.claims), big)
    emit(data.decode("utf-8") if fmt in ("svg", "dot") else data, output)


def _format_from_suffix(output: Optional[Path]) -> str:
    if output is not None:
        suffix = output.suffix.lower().lstrip(".")
        if suffix in FORMATS:
            return suffix
        if suffix == "gv":
            return "dot"
    return "svg"


def _stdout_is_terminal() -> bool:
    stream = click.get_binary_stream("stdout")
    return bool(getattr(stream, "isatty", lambda: False)())


def _audit(loaded: Any) -> list:
    """The audit's findings, so that the diagram shows them."""
    from argmap.audit import run

    return run(loaded)


def _evaluation(loaded: Any, color_by: str) -> Any:
    if color_by == "findings":
        return None
    try:
        from argmap.evaluate import evaluate
    except ImportError:
        from argmap.diagnostics import ArgmapError, Diagnostic
        from argmap.locations import Location

        raise ArgmapError(
            Diagnostic(Location(loaded.file, 1, 1), f"--color-by {color_by} needs argmap.evaluate, which this installation lacks")
        ) from None
    return evaluate(loaded.map)


def _timed(job, claims: int, big: bool) -> bytes:
    """Run the layout; on a big map, say on stderr what is happening when it takes over a second."""
    if not big:
        return job()
    start = time.perf_counter()

    def note() -> None:
        click.echo(
            f"argmap: laying out {claims} claims with Graphviz ... "
            "(for a quicker, more readable view try --focus ID --depth 2, or --cluster)",
            err=True,
        )

    timer = threading.Timer(1.0, note)
    timer.daemon = True
    timer.start()
    try:
        return job()
    finally:
        timer.cancel()
        took = time.perf_counter() - start
        if took > 1.0:
            click.echo(f"argmap: layout took {took:.1f} s", err=True)
