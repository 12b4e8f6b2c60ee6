"""``argmap evaluate``: support status, label and weakest link of every claim."""

from __future__ import annotations

from pathlib import Path

import click

from argmap.commands._common import allow_outside_option, load_map, map_file
from argmap.commands._common import emit
from argmap.formats import choices


@click.command()
@map_file
@click.option("--format", "fmt", type=click.Choice(choices("evaluate")), default="text", show_default=True, help="Output format.")
@allow_outside_option
def evaluate(file: Path, fmt: str, allow_outside: bool) -> None:
    """Evaluate a map: which claims stand, how strongly, and the thesis's critical step.

    Status: supported | assumed | weak | unsupported (support from evidence
    through inferences). Label: in | out | undecided (grounded semantics
    under attacks and undercuts).
    """
    from argmap.evaluation import evaluate as evaluation

    loaded = load_map(file, allow_outside, read_source=False)
    from argmap import formats

    from argmap.util.terminal import output_width

    form = formats.get("evaluate", fmt)
    fit = {"columns": output_width()} if fmt == "text" else {}
    emit(form.load()(evaluation.to_dict(loaded.map, evaluation.evaluate(loaded.map)), **fit), None, kind=form.kind)
