"""``argmap explain`` output: one claim's explanation as an indented tree of text."""

from __future__ import annotations

__all__ = ["format_explanation"]

_ARROWS = {"support": "<+", "attack": "<-", "undercut": "<_"}
_QUIET = {"nothing attacks it", "a step supporting it is in", "its premises are in and nothing undercuts it"}


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
