"""``argmap evaluate`` output: the :func:`argmap.evaluation.evaluate.to_dict` document as a table or JSON."""

from __future__ import annotations

__all__ = ["format_table", "format_json"]


def format_table(data: dict, width: int = 60, columns: "int | None" = None) -> str:
    """A plain-text table of the evaluation, thesis summary last. Claim texts are cut to
    ``width`` characters, or to what is left of ``columns`` (the terminal's width) after the
    other columns, at least 12.

    >>> doc = {"claims": [{"id": "t", "status": "weak", "label": "in", "weakest_link": None,
    ...                    "text": "A claim whose text is long enough to be cut."}], "thesis": None}
    >>> print(format_table(doc, columns=40).splitlines()[2])
    t   weak    in     -             A claim who…
    """
    from argmap.util.terminal import one_line

    rows = [("id", "status", "label", "weakest link", "text")]
    for c in data["claims"]:
        rows.append((one_line(c["id"]), c["status"], c["label"], one_line(c["weakest_link"] or "-"),
                     one_line(" ".join(c["text"].split()))))
    widths = [max(len(r[k]) for r in rows) for k in range(4)]
    if columns is not None:
        width = max(12, columns - sum(widths) - 2 * 4)
    rows = [r[:4] + ((r[4][: width - 1] + "…") if len(r[4]) > width else r[4],) for r in rows]
    lines = ["  ".join(r[k].ljust(widths[k]) for k in range(4)) + "  " + r[4] for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths) + "  " + "-" * 4)
    counts: dict[str, int] = {}
    for c in data["claims"]:
        counts[c["status"]] = counts.get(c["status"], 0) + 1
    lines.append("")
    order = ("supported", "assumed", "weak", "unsupported")
    lines.append(", ".join(f"{counts[s]} {s}" for s in order if s in counts) or "no claims")
    t = data["thesis"]
    if t is None:
        lines.append("thesis: none declared")
    else:
        crit = one_line(t["critical_step"]) if t["critical_step"] else "none (no single removal weakens it)"
        lines.append(f"thesis {one_line(t['id'])}: {t['status']}, {t['label']}; critical step: {crit}")
    return "\n".join(line.rstrip() for line in lines)


def format_json(data: dict) -> str:
    """The evaluation document as indented JSON (user text kept as is, every control escaped)."""
    from argmap.util.jsontext import dumps

    return dumps(data, indent=2)
