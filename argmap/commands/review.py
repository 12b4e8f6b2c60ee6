"""``argmap review``: review files (``init``, ``check``) and review reports (``report``)."""

from __future__ import annotations

import datetime
import os
from pathlib import Path
from typing import Optional

import click

from argmap.commands._common import allow_outside_option, emit, force_option, load_map, output_format
from argmap.formats import choices

map_file = click.argument("file", metavar="MAP", type=click.Path(dir_okay=False, path_type=Path))
review_files = click.argument("reviews", metavar="REVIEW...", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))


@click.group()
def review() -> None:
    """Peer review: review files kept beside a map, and reports that merge them."""


@review.command("init")
@map_file
@click.option("--reviewer", required=True, help="Your name, as it should appear in reports.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Review file to write [default: MAP's name with .review.yaml, beside it].")
@click.option("--date", "date", default=None, help="Review date, YYYY-MM-DD [default: today].")
@allow_outside_option
def init(file: Path, reviewer: str, output: Optional[Path], date: Optional[str], allow_outside: bool) -> None:
    """Write a review skeleton for MAP: every claim and inference as an entry to
    fill in, with audit findings as suggestions. Never overwrites a file."""
    from argmap.diagnostics import ArgmapError, Diagnostic
    from argmap.diffing import run_audit
    from argmap.util.fs import atomic_write
    from argmap.locations import Location
    from argmap.review.files import sha256_file, skeleton

    if not reviewer.strip():
        raise click.BadParameter("give your name", param_hint="--reviewer")
    loaded = load_map(file, allow_outside)
    if output is None:
        output = file.with_name(file.name.split(".")[0] + ".review.yaml")
    if not output.parent.is_dir():
        raise ArgmapError(Diagnostic(Location(str(output)), f"folder {output.parent} does not exist"))
    if output.exists() or output.is_symlink():
        raise ArgmapError(Diagnostic(Location(str(output)), "already exists; review init never overwrites a file (choose another -o)"))
    map_ref = Path(os.path.relpath(file.resolve(), output.resolve().parent)).as_posix()
    text = skeleton(
        loaded.map,
        map_ref,
        sha256_file(file),
        reviewer,
        date or datetime.date.today().isoformat(),
        run_audit(loaded),
    )
    atomic_write(output, text)
    click.echo(f"wrote {output}: uncomment and fill the entries you review")


@review.command("check")
@review_files
@click.option("--map", "map_path", type=click.Path(dir_okay=False, path_type=Path),
              help="The map to check against [default: the map each review names].")
@allow_outside_option
def check(reviews: tuple[Path, ...], map_path: Optional[Path], allow_outside: bool) -> None:
    """Validate review files and their targets; say which are stale."""
    from argmap.commands._common import echo_errors
    from argmap.diagnostics import ArgmapError
    from argmap.review.files import check_review
    from argmap.util.terminal import one_line

    code = 0
    for path in reviews:
        try:
            line = check_review(path, map_path, allow_outside)
        except ArgmapError as exc:
            echo_errors(exc)
            code = max(code, exc.exit_code)
            continue
        click.echo(one_line(f"{path}: {line}"))
    if code:
        raise SystemExit(code)


@review.command("report")
@map_file
@review_files
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to a file (atomically); .html, .md or .json picks the format.")
@click.option("--format", "fmt", type=click.Choice(choices("review")), default=None,
              help="Report format [default: from -o's suffix, else markdown].")
@click.option("--color-by", type=click.Choice(("findings", "status", "label")), default="findings", show_default=True,
              help="HTML: fill the map's claims by audit findings, support status or acceptability label.")
@allow_outside_option
@force_option
def report(
    file: Path, reviews: tuple[Path, ...], output: Optional[Path], fmt: Optional[str], color_by: str, allow_outside: bool,
    force: bool,
) -> None:
    """Merge the audit, the evaluation and REVIEWS of MAP into one report:
    summary, disagreements, stale reviews and a section per claim."""
    from argmap import formats
    from argmap.review.report import gather

    fmt = output_format("review", fmt, output, "markdown")
    form = formats.get("review", fmt)
    emit(form.load()(gather(file, list(reviews), allow_outside, color_by)), output, kind=form.kind, force=force)
