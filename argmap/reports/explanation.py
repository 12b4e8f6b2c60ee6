"""``argmap explain`` output: one claim's explanation as an indented tree of text."""

from __future__ import annotations

from argmap.evaluation.explanation import MAX_INDENT  # deeper lines carry their depth as [N]

__all__ = ["format_explanation"]

_ARROWS = {"support": "<+", "attack": "<-", "undercut": "<_"}

_QUIET = {"nothing attacks it", "a step supporting it is in", "its premises are in and nothing undercuts it"}


def format_explanation(x, columns: "int | None" = None) -> str:
    """The explanation as text: the tree, then weakest link, attackers in, critical step.
    With ``columns`` (the terminal's width) long lines fold at spaces, indented under their start."""
    from argmap.util.terminal import one_line, wrap

    out: list[str] = []
    for line in x.lines:
        mark = "*" if line.deciding else " "
        pad = "    " * min(line.depth, MAX_INDENT) + (f"[{line.depth}] " if line.depth > MAX_INDENT else "")
        ident = one_line(line.id)
        if line.kind == "claim" or line.kind == "seen":
            head = f"{ident}: {one_line(line.text)}  [{line.status}, {line.label}]"
            if line.kind == "seen":
                head += "  (see above)"
            elif line.note == "not expanded":
                head += "  (...)"
            elif line.why not in _QUIET:
                head += f"  - {one_line(line.why)}"
        elif line.kind == "evidence":
            head = f"evidence {ident}" + (f": {one_line(line.text)}" if line.text else "")
            if line.note:
                head += f"  ({line.note})"
        elif line.kind == "assumption":
            head = line.note or "declared assumption"
        else:
            marks = f"{line.status}, {line.label}" if line.status else line.label
            head = f"{_ARROWS[line.kind]} {line.kind} {ident}  [{marks}]"
            note = "; ".join(one_line(p) for p in (line.note, line.why) if p and p not in _QUIET)
            if note:
                head += f"  - {note}"
        if line.weakest:
            head += "  << weakest link"
        out.extend(wrap(f"{mark} {pad}{head}", columns, len(pad) + 6))
    out.append("")
    out.append(f"{one_line(x.claim)} is {x.status} and {x.label} ({one_line(x.label_reason)}).")
    out.append(f"weakest link: {one_line(x.weakest_link) if x.weakest_link else 'none'}")
    out.append(f"attackers in: {', '.join(one_line(a) for a in x.attackers_in) or 'none'}")
    if x.critical_steps:
        c = x.critical_steps[0]
        out.append(
            f"critical step: {c.kind} {one_line(c.id)} - without it the thesis would be {c.status} and {c.label}"
        )
        others = [one_line(s.id) for s in x.critical_steps[1:]]
        if others:
            out.append(f"other single points of failure: {', '.join(others)}")
    elif x.is_thesis:
        out.append("critical step: none (no single removal weakens the thesis)")
    out.append("(* = on the chain that decides the status, or aimed at it; <+ support, <- attack, <_ undercut)")
    return "\n".join(folded for line in out for folded in wrap(line, columns, 4))
