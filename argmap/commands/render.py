"""``argmap render``: the argument diagram as SVG, PNG, PDF or DOT."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any, Optional

import click

from argmap.util.words import count
from argmap.commands._common import (
    FiniteFloat, allow_outside_option, complete_ids, emit, force_option, load_map, map_file, output_format, stdout_is_terminal,
)
from argmap.formats import choices, get
from argmap.rendering import (  # light: no graphviz
    COLOR_BY, DEFAULT_MIN_SEVERITY, ENGINES, LEGENDS, RANKDIRS, SEVERITIES,
)
from argmap.rendering.engines import MAX_PIXELS, png_size, png_zoom

OVERVIEW_MAP = 300
"""Claims above which a whole-map render draws the overview unless told otherwise."""
CRITICAL_MAP = 20000
"""Claims above which the critical step is not searched for the diagram."""
CRITICAL_BUDGET = 500_000
CRITICAL_BUDGET_PER_ELEMENT = 20
"""The diagram's critical-step search relabels at most this many arguments per claim and
inference of the map (or :data:`CRITICAL_BUDGET`, if that is more: about 0.3 s). ``argmap
evaluate`` allows 2 million (:data:`argmap.evaluation.critical.LABEL_BUDGET`): on a densely
linked map with no status-critical element, trying every element took 1 s for 100 claims and
1000 steps; a chain of 310 claims needs about 250000."""
BIG_MAP = 1000
"""Claims above which slow layouts get progress notes and advice on stderr."""


@click.command()
@map_file
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to a file (atomically); the format follows its suffix. Default: standard output.")
@click.option("-f", "--format", "fmt", type=click.Choice(choices("render")), help="Output format (default: from -o's suffix, else svg).")
@click.option("--engine", type=click.Choice(ENGINES), default="embedded", show_default=True,
              help="embedded: Graphviz as WebAssembly, nothing to install; system: the Graphviz 'dot' program.")
@click.option("--focus", metavar="ID", shell_complete=lambda ctx, param, incomplete: complete_ids(ctx, param, incomplete), help="Show only the neighbourhood of this claim, evidence or inference.")
@click.option("--depth", type=click.IntRange(0, None), default=None,
              help="With --focus: how many inference steps to follow, in both directions.  [default: 2]")
@click.option("--rankdir", type=click.Choice(RANKDIRS), default="TB", show_default=True,
              help="Layout direction: top to bottom or left to right.")
@click.option("--cluster", is_flag=True, help="Group claims by their section.")
@click.option("--color-by", type=click.Choice(COLOR_BY), default="findings", show_default=True,
              help="Fill claims by audit findings, support status or acceptability label (argmap evaluate).")
@click.option("--diff", "diff_old", metavar="OLD", type=click.Path(dir_okay=False, path_type=Path),
              help="Colour elements by change since the map version OLD (added, changed, unchanged).")
@click.option("--time-limit", type=FiniteFloat(0, None, min_open=True, allow_inf=True), default=60, show_default=True,
              metavar="SECONDS", help="Stop a layout that takes longer, with advice on drawing less.")
@click.option("--overview/--no-overview", default=None,
              help=f"Draw the sections (or connected parts) with their counts and the steps between them. "
                   f"Default: on for whole maps of over {OVERVIEW_MAP} claims.")
@click.option("--legend", "legend", type=click.Choice(LEGENDS), default="compact", show_default=True,
              help="Key under the diagram: a word or two per mark, what each mark means, or none.")
@click.option("--min-severity", type=click.Choice(SEVERITIES), default=DEFAULT_MIN_SEVERITY, show_default=True,
              help="Mark findings of this severity and worse (tooltips list them all).")
@click.option("--scale", type=FiniteFloat(0.05, 20), metavar="FACTOR",
              help="PNG: pixels per CSS pixel (1 = 96 dpi). Default 1.5.")
@click.option("--dpi", type=FiniteFloat(5, 2000), help="PNG: dots per inch, instead of --scale.")
@click.option("--max-pixels", type=click.IntRange(0, None), default=MAX_PIXELS, show_default=True,
              help="PNG: refuse to draw more pixels than this (0: no limit).")
@click.option("--watch", is_flag=True,
              help="With -o: keep running and re-write OUT whenever the map, its source text or configuration changes.")
@allow_outside_option
@force_option
def render(
    file: Path,
    output: Optional[Path],
    fmt: Optional[str],
    engine: str,
    focus: Optional[str],
    depth: Optional[int],
    rankdir: str,
    cluster: bool,
    color_by: str,
    diff_old: Optional[Path],
    time_limit: float,
    overview: Optional[bool],
    legend: str,
    min_severity: str,
    scale: Optional[float],
    dpi: Optional[float],
    max_pixels: int,
    watch: bool,
    allow_outside: bool,
    force: bool,
) -> None:
    """Render a map as a diagram; audit findings are marked on it."""
    fmt = output_format("render", fmt, output, "svg", option="-f")
    if depth is not None and focus is None:
        raise click.UsageError("--depth counts steps from the --focus element: give --focus ID as well"
                               " (--overview draws a big map small)")
    depth = 2 if depth is None else depth
    if scale is not None and dpi is not None:
        raise click.UsageError("give --scale or --dpi, not both")
    if output is None and fmt in ("png", "pdf") and stdout_is_terminal():
        raise click.UsageError(f"{fmt.upper()} is binary: give -o FILE (or redirect standard output)")
    if overview and focus is not None:
        raise click.UsageError("--overview draws the whole map: leave out --focus, or --overview")
    job = dict(file=file, output=output, fmt=fmt, engine=engine, focus=focus, depth=depth, rankdir=rankdir,
               cluster=cluster, color_by=color_by, diff_old=diff_old, time_limit=time_limit, overview=overview,
               legend=legend, min_severity=min_severity, scale=scale, dpi=dpi, max_pixels=max_pixels,
               allow_outside=allow_outside, force=force)
    if not watch:
        render_once(**job)
        return
    if output is None or str(output) == "-":
        raise click.UsageError("--watch re-writes a file: give -o OUT")
    _watch(job, [p for p in (diff_old,) if p is not None])


def _watch(job: dict, extra: list[Path]) -> None:
    """Render now and after every change of the map's files, until Ctrl-C; errors are printed, not fatal."""
    from argmap.commands._common import echo_errors
    from argmap.diagnostics import ArgmapError
    from argmap.live.watch import follow, inputs, stamps

    def once(_changed: object = None) -> None:
        try:
            render_once(**job)
        except ArgmapError as exc:
            echo_errors(exc)
            click.echo(f"argmap: kept the last good {job['output']}; waiting for a fix", err=True)
        else:
            click.echo(f"argmap: wrote {job['output']}", err=True)

    def files() -> set:
        return inputs(job["file"]) | {p.resolve() for p in extra}

    since = stamps(files())  # before the first rendering: an edit made during it is not lost
    once()
    follow(files, once, since=since,
           ready=lambda: click.echo(f"argmap: watching {job['file']} (Ctrl-C stops)", err=True))


def render_once(file: Path, output: Optional[Path], fmt: str, engine: str, focus: Optional[str], depth: int,
                rankdir: str, cluster: bool, color_by: str, diff_old: Optional[Path], time_limit: float,
                overview: Optional[bool], legend: str, min_severity: str,
                scale: Optional[float], dpi: Optional[float], max_pixels: int, allow_outside: bool,
                force: bool = False) -> None:
    """Load, audit and render ``file`` once, to ``output`` (or standard output; an input only with ``force``)."""
    loaded = load_map(file, allow_outside)
    if overview is None and focus is None and len(loaded.map.claims) > OVERVIEW_MAP:
        overview = True
        click.echo(
            f"argmap: {len(loaded.map.claims)} claims: drawing the overview (sections and the steps between them);"
            " --no-overview draws every claim, --focus ID --depth N one part of the map", err=True,
        )
    findings = _audit(loaded)
    evaluation = _evaluation(loaded, color_by)
    options: dict[str, Any] = dict(
        focus=focus, depth=depth, rankdir=rankdir, color_by=color_by, evaluation=evaluation, cluster=cluster,
        legend=legend, min_severity=min_severity,
    )
    if diff_old is not None:
        from argmap.diffing import diff_maps

        options["changes"] = diff_maps(load_map(diff_old, allow_outside, read_source=False).map, loaded.map).changes()
    from argmap.rendering import diagram as renderer

    if overview:
        diagram = renderer.build_overview(loaded, findings, rankdir=rankdir, legend=legend, min_severity=min_severity)
    else:
        diagram = renderer.build_diagram(loaded, findings, critical=_critical_step(loaded, evaluation), **options)
    if fmt == "dot":
        emit(diagram.graph.source, output, kind=get("render", fmt).kind, force=force)
        return
    m = loaded.map
    advice = len(m.claims) > BIG_MAP and focus is None
    with _Progress(advice, overview=bool(overview)) as progress:
        what = "the overview of " if overview else ""
        progress.stage(f"laying out {what}{count(len(m.claims), 'claim')} and {count(len(m.inferences), 'step')} with Graphviz")
        svg = renderer.draw(diagram, "svg", engine, file=loaded.file, time_limit=time_limit)
        zoom = png_zoom(scale=scale, dpi=dpi)
        if fmt == "png":
            size = png_size(svg, zoom)
            progress.stage(f"drawing a {size[0]}\u00d7{size[1]} px PNG" if size else "drawing the PNG")
        elif fmt == "pdf":
            progress.stage("writing the PDF")
        data = renderer.convert(svg, fmt, file=loaded.file, dot_source=diagram.graph.source, zoom=zoom,
                                max_pixels=max_pixels)
    kind = get("render", fmt).kind
    to_terminal = (output is None or str(output) == "-") and stdout_is_terminal()
    # SVG goes out as the UTF-8 bytes it is (13 MB for 5000 claims; as text, two or four
    # bytes a character), unless a terminal shows it: then it is cleaned as text.
    emit(data.decode("utf-8") if kind != "binary" and to_terminal else data, output, kind=kind, force=force)


def _audit(loaded: Any) -> list:
    """The audit's findings, so that the diagram shows them. The diagram marks a finding
    where it is, never by its impact on the thesis, so that rating is not paid for
    (a third of the audit's time on a 5000-claim map)."""
    from argmap.audit import run

    return run(loaded, impact=False)


def _critical_step(loaded: Any, evaluation: Any) -> Optional[str]:
    """The thesis's critical step, drawn thick purple; None without a thesis or on a huge map.

    The search has a budget (:data:`CRITICAL_BUDGET_PER_ELEMENT`); when it runs out, the most
    critical step found so far is drawn (every step found does weaken the thesis), and a note says so.
    """
    from argmap.evaluation.critical import critical_steps

    m = loaded.map
    if m.thesis is None or len(m.claims) > CRITICAL_MAP:
        return None
    if evaluation is None:
        from argmap.evaluation.evaluate import evaluate

        evaluation = evaluate(m)
    if evaluation.structure is None:
        return None
    budget = max(CRITICAL_BUDGET, CRITICAL_BUDGET_PER_ELEMENT * (len(m.claims) + len(m.inferences)))
    search = critical_steps(evaluation.structure, evaluation.support, evaluation.acceptability, budget=budget)
    if not search.complete:
        click.echo("argmap: the search for the thesis's critical step ran out of its budget on this map;"
                   " argmap evaluate searches further", err=True)
    return search.steps[0].id if search.steps else None


def _evaluation(loaded: Any, color_by: str) -> Any:
    if color_by == "findings":
        return None
    from argmap.evaluation.evaluate import evaluate

    return evaluate(loaded.map)


class _Progress:
    """Notes on stderr for a render that takes over a second: the stage it is in, then the time taken."""

    AFTER = 1.0

    def __init__(self, advice: bool, overview: bool = False) -> None:
        self.advice = advice
        self.overview = overview
        self.start = time.perf_counter()
        self.current = ""
        self.shown = False
        self.due = False
        self.lock = threading.Lock()

    def __enter__(self) -> "_Progress":
        self.timer = threading.Timer(self.AFTER, self._due)
        self.timer.daemon = True
        self.timer.start()
        return self

    def stage(self, words: str) -> None:
        """Say ``words`` now if the render is already slow, else when it becomes so."""
        with self.lock:
            self.current = words
            due = self.due
        if due:
            self._show(words)

    def _due(self) -> None:
        with self.lock:
            self.due = True
            words = self.current
        if words:
            self._show(words)

    def _show(self, words: str) -> None:
        with self.lock:
            first, self.shown = not self.shown, True
        hint = ""
        if first and self.advice:
            hint = (" (for the claims of one part, try --focus ID --depth 2)" if self.overview else
                    " (for a quicker, more readable view try --overview, or --focus ID --depth 2)")
        click.echo(f"argmap: {words} ...{hint}", err=True)

    def __exit__(self, *exc: Any) -> None:
        self.timer.cancel()
        took = time.perf_counter() - self.start
        if self.shown and exc[0] is None:
            click.echo(f"argmap: rendered in {took:.1f} s", err=True)
