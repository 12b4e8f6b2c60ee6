"""``argmap explain``: why one claim has its status and label, as an indented tree."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import click

from argmap.commands._common import allow_outside_option, load_map, map_file


@click.command()
@map_file
@click.argument("claim_id", metavar="ID")
@click.option("--depth", type=click.IntRange(min=0), default=None, help="Expand claims down to this many steps only.")
@allow_outside_option
def explain(file: Path, claim_id: str, depth: Optional[int], allow_outside: bool) -> None:
    """Explain one claim: its support chain down to evidence or assumptions,
    the weakest link, the attackers that are in, and (for the thesis) the
    critical step.

    Lines marked * are on the chain that decides the status (or attack it),
    listed first; <+ is a support step, <- an attack, <_ an undercut.
    A claim already shown is not expanded again ("see above").
    """
    from argmap.diagnostics import ArgmapError, Diagnostic
    from argmap.evaluation.evaluate import evaluate
    from argmap.evaluation.explanation import explain as build
    from argmap.locations import Location

    if not file.exists() and Path(claim_id).is_file():
        raise click.UsageError(f"the map file comes first: argmap explain {claim_id} {file}")
    loaded = load_map(file, allow_outside, read_source=False)
    m = loaded.map
    if m.claim(claim_id) is None:
        import difflib

        close = difflib.get_close_matches(claim_id, [c.id for c in m.claims], n=1, cutoff=0.6)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise ArgmapError(Diagnostic(Location(loaded.file, 1, 1), f"no claim with id '{claim_id}'{hint}"))
    from argmap import formats
    from argmap.commands._common import emit

    form = formats.get("explain", "text")
    emit(form.load()(build(m, evaluate(m), claim_id, max_depth=depth)), None, kind=form.kind)
