"""The review report as Markdown, with no raw HTML passthrough.

Every piece of user text goes through :func:`md`: control characters and
line breaks are flattened, ``& < >`` become entities (so no tag or comment
can open) and Markdown punctuation is backslash-escaped (so no link, image,
emphasis or table cell can be forged). Ids are shown as code spans; the id
syntax of the model allows no backtick.

>>> print(md("<script>alert(1)</script> *bold* [x](javascript:y)"))
&lt;script&gt;alert(1)&lt;/script&gt; \\*bold\\* \\[x\\](javascript:y)
"""

from __future__ import annotations

import re
from typing import Optional

from argmap.util.words import count
from argmap.review.report import ElementView, EntryView, ReviewReport
from argmap.util.terminal import clean

__all__ = ["md", "write"]

_PUNCT = re.compile(r"([\\`*_\[\]#+!|~])")  # what can start markup; ( ) only matter after ]


def md(text: Optional[str]) -> str:
    """User text as safe inline Markdown (one line)."""
    flat = " ".join(clean(str(text or "")).split())
    flat = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    flat = _PUNCT.sub(r"\\\1", flat)
    number = re.match(r"\d+(?=[.)])", flat)  # "1. x" would start a list
    if number:
        flat = number.group() + "\\" + flat[number.end():]
    elif flat.startswith(("-", ".")):
        flat = "\\" + flat
    return flat


def _code(ident: Optional[str]) -> str:
    return f"`{ident}`" if ident else "—"


def _entry_line(e: EntryView, with_target: bool = False) -> list[str]:
    en = e.entry
    head = f"- **{md(e.reviewer)}**"
    if with_target:
        head += f" on {_code(e.target)}"
    head += f" — {en.verdict.value}, {en.severity.value}, {en.status.value}"
    if en.comment:
        head += f": {md(en.comment)}"
    out = [head]
    out.extend(f"  - {label}: {md(text)}" for _, label, text in e.details())
    return out


def _element(report: ReviewReport, view: ElementView) -> list[str]:
    el = view.element
    title = f"### {view.kind} {_code(view.id)}"
    if view.thesis:
        title += " (thesis)"
    out = [title, "", md(view.text), ""]
    quote = getattr(el, "quote", None)
    if quote:
        out += [f"> “{md(quote)}”", ""]
    facts = []
    if view.status:
        facts.append(f"status: {md(view.status)}")
    if view.label:
        facts.append(f"label: {md(view.label)}")
    if view.kind == "inference":
        facts.append(f"warrant: {md(el.warrant) if el.warrant else 'unstated'}")
    if facts:
        out += [" · ".join(facts), ""]
    if view.kind == "claim" and el.evidence:
        out.append("Evidence:")
        m = report.loaded.map if report.loaded is not None else None
        for ref in el.evidence:
            ev = m.evidence_record(ref) if m is not None else None
            detail = ""
            if ev is not None:
                parts = [p for p in (ev.by, ev.citation or "no citation given") if p]
                detail = " — " + md("; ".join(parts))
                if ev.quote:
                    detail += f" “{md(ev.quote)}”"
            out.append(f"- {_code(ref)}{detail}")
        out.append("")
    if view.findings:
        out.append("Findings:")
        out += [f"- {f.severity.value} {_code(f.code)}: {md(f.message)}" for f in view.findings]
        out.append("")
    if view.entries:
        out.append("Reviews:")
        for e in view.entries:
            out += _entry_line(e)
        out.append("")
    return out


def write(report: ReviewReport) -> str:
    """The whole report as a Markdown document."""
    out = [f"# Review report: {md(report.title or report.map_file)}", ""]
    audit = "not available" if report.findings is None else count(len(report.findings), "finding")
    out += [
        f"Map: {md(report.map_file)} (sha256 {report.map_sha256[:12]}) · audit: {audit} · "
        f"evaluation: {'included' if report.evaluated else 'not available'}",
        "",
        "## Reviews",
        "",
    ]
    if report.reviews:
        out += ["| file | reviewer | date | entries | map version |", "|---|---|---|---|---|"]
        for r in report.reviews:
            state = "changed since review (stale)" if r.map_changed else "current"
            if r.other_map:
                state += f"; the review names {md(r.names_map)}"
            out.append(f"| {md(r.file)} | {md(r.reviewer)} | {md(r.date)} | {r.entries} | {state} |")
    else:
        out.append("No reviews.")
    out += ["", "## Summary", ""]
    out.append("Verdicts: " + " · ".join(f"{k} {v}" for k, v in report.verdict_counts().items()))
    out.append("")
    out.append("Severity: " + " · ".join(f"{k} {v}" for k, v in report.severity_counts().items()))
    out.append("")
    out.append("Status: " + " · ".join(f"{k} {v}" for k, v in report.status_counts().items()))
    out.append("")
    opened = report.open_entries
    out += [f"Open items ({len(opened)}):", ""]
    for e in opened:
        out += _entry_line(e, with_target=True)[:1]
    disagreements = report.disagreements()
    out += ["", f"## Disagreements ({len(disagreements)})", ""]
    if not disagreements:
        out.append("Reviewers agree wherever more than one reviewed the same element.")
    for d in disagreements:
        out += [f"### {_code(d.target)}", ""]
        for e in d.entries:
            out += _entry_line(e)
        out.append("")
    stale = report.stale
    out += ["", f"## Stale review entries ({len(stale)})", ""]
    if not stale:
        out.append("Every review is of the current map and every target still exists.")
    for e in stale:
        out += _entry_line(e, with_target=True)
    if report.map_findings:
        out += ["", "## Map-wide findings", ""]
        out += [f"- {f.severity.value} {_code(f.code)}: {md(f.message)}" for f in report.map_findings]
    for kind, heading in (("claim", "Claims"), ("inference", "Inferences"), ("evidence", "Evidence")):
        # Evidence gets a section only when something is said about it; claims list theirs.
        views = [v for v in report.elements if v.kind == kind and (kind != "evidence" or v.findings or v.entries)]
        if not views:
            continue
        out += ["", f"## {heading}", ""]
        for view in views:
            out += _element(report, view)
    return "\n".join(out).rstrip("\n") + "\n"
