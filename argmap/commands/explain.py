"""``argmap explain``: why one claim has its status and label, as an indented tree."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import click

from argmap.commands._common import allow_outside_option, load_map, map_file

_ARROWS = {"support": "<+", "attack": "<-", "undercut": "<_"}
_QUIET = {"nothing attacks it", "a step supporting it is in", "its premises are in and nothing undercuts it"}


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
    click.echo(format_explanation(build(m, evaluate(m), claim_id, max_depth=depth)))


def format_explanation(x) -> str:
    """The explanation as text: the tree, then weakest link, attackers in, critical step."""
    from argmap.util.terminal import clean

    out: list[str] = []
    for line in x.lines:
        mark = "*" if line.deciding else " "
        pad = "    " * line.depth
        ident = clean(line.id)
        if line.kind == "claim" or line.kind == "seen":
            head = f"{ident}: {clean(line.text)}  [{line.status}, {line.label}]"
            if line.kind == "seen":
                head += "  (see above)"
            elif line.note == "not expanded":
                head += "  (...)"
            elif line.why not in _QUIET:
                head += f"  - {clean(line.why)}"
        elif line.kind == "evidence":
            head = f"evidence {ident}" + (f": {clean(line.text)}" if line.text else "")
            if line.note:
                head += f"  ({line.note})"
        elif line.kind == "assumption":
            head = line.note or "declared assumption"
        else:
            marks = f"{line.status}, {line.label}" if line.status else line.label
            head = f"{_ARROWS[line.kind]} {line.kind} {ident}  [{marks}]"
            note = "; ".join(clean(p) for p in (line.note, line.why) if p and p not in _QUIET)
            if note:
                head += f"  - {note}"
        if line.weakest:
            head += "  << weakest link"
        out.append(f"{mark} {pad}{head}")
    out.append("")
    out.append(f"{clean(x.claim)} is {x.status} and {x.label} ({clean(x.label_reason)}).")
    out.append(f"weakest link: {clean(x.weakest_link) if x.weakest_link else 'none'}")
    out.append(f"attackers in: {', '.join(clean(a) for a in x.attackers_in) or 'none'}")
    if x.critical_steps:
        c = x.critical_steps[0]
        out.append(
            f"critical step: {c.kind} {clean(c.id)} - without it the thesis would be {c.status} and {c.label}"
        )
        others = [clean(s.id) for s in x.critical_steps[1:]]
        if others:
            out.append(f"other single points of failure: {', '.join(others)}")
    elif x.is_thesis:
        out.append("critical step: none (no single removal weakens the thesis)")
    out.append("(* = on the chain that decides the status, or aimed at it; <+ support, <- attack, <_ undercut)")
    return "\n".join(out)
