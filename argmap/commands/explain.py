"""``argmap explain``: why one claim has its status and label, as an indented tree."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import click

from argmap.commands._common import allow_outside_option, complete_ids, load_map, map_file


@click.command()
@map_file
@click.argument("claim_id", metavar="ID", shell_complete=lambda ctx, param, incomplete: complete_ids(ctx, param, incomplete))
@click.option("--depth", type=click.IntRange(min=0), default=None, help="Expand claims down to this many steps only.")
@allow_outside_option
def explain(file: Path, claim_id: str, depth: Optional[int], allow_outside: bool) -> None:
    """Explain one claim (or the conclusion of a step): its support chain down to evidence or assumptions,
    the weakest link, the attackers that are in, and (for the thesis) the
    critical step.

    Lines marked * are on the chain that decides the status (or attack it),
    listed first; <+ is a support step, <- an attack, <_ an undercut.
    A claim already shown is not expanded again ("see above").
    """
    if not file.exists() and Path(claim_id).is_file():
        raise click.UsageError(f"the map file comes first: argmap explain {claim_id} {file}")
    loaded = load_map(file, allow_outside, read_source=False)
    m = loaded.map
    claim_id = _claim_to_explain(m, claim_id, loaded.file)
    from argmap import formats
    from argmap.commands._common import emit

    form = formats.get("explain", "text")
    from argmap.util.terminal import output_width

    emit(form.load()(_build(loaded, claim_id, depth), columns=output_width()), None, kind=form.kind)


def _build(loaded, claim_id: str, depth: Optional[int]):
    """The explanation, within the explain budget (ARGMAP_EXPLAIN_BUDGET): an error at the
    explained claim when the tree would grow past it."""
    from argmap.diagnostics import ArgmapError, Diagnostic
    from argmap.evaluation.evaluate import evaluate
    from argmap.evaluation.explanation import ExplanationTooLong
    from argmap.evaluation.explanation import explain as build
    from argmap.limits import Limits
    from argmap.util.terminal import one_line, shorten

    m = loaded.map
    budget = Limits().explain_budget
    try:
        return build(m, evaluate(m), claim_id, max_depth=depth, budget=budget)
    except ExplanationTooLong as over:
        index = next(i for i, c in enumerate(m.claims) if c.id == claim_id)
        hint = "pass --depth N to expand only N steps down" if depth is None else f"pass a --depth below {depth}"
        raise ArgmapError(Diagnostic(
            loaded.sourcemap.find(("claims", index)),
            f"the explanation of '{shorten(one_line(claim_id))}' is longer than the explain budget of {budget}"
            f" characters (stopped after {over.lines} lines, {over.depth} levels deep); {hint},"
            " or raise ARGMAP_EXPLAIN_BUDGET to print it all",
        )) from None


def _claim_to_explain(m, id: str, file: str) -> str:
    """The claim that ``id`` names: a claim, or a step's conclusion (said on stderr); evidence and
    unknown ids are errors that name what to ask for instead."""
    from argmap.diagnostics import ArgmapError, Diagnostic
    from argmap.locations import Location
    from argmap.util.terminal import one_line, shorten

    if m.claim(id) is not None:
        return id
    step = m.inference(id)
    if step is not None:
        click.echo(f"argmap: note: '{one_line(id)}' is a {step.kind.value} step; explaining its conclusion "
                   f"'{step.conclusion}' (the step is the line marked {id})", err=True)
        return step.conclusion
    record = m.evidence_record(id)
    at = Location(file, 1, 1)
    if record is not None:
        users = [c.id for c in m.claims if id in c.evidence]
        which = f"; it supports {', '.join(repr(u) for u in users[:5])}" if users else "; no claim cites it"
        raise ArgmapError(Diagnostic(at, f"'{one_line(id)}' is an evidence record, not a claim{which}"))
    import difflib

    ids = [c.id for c in m.claims] + [i.id for i in m.inferences]
    close = difflib.get_close_matches(id, ids, n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    raise ArgmapError(Diagnostic(at, f"no claim or step with id '{shorten(one_line(id))}'{hint}"))
