"""``argmap sources`` output: the bibliography by dependency as text, Markdown and JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Callable
from argmap.util.words import count

__all__ = ["to_text", "to_markdown", "to_json"]


def to_json(entries: list, file: Path | str, title: str = "") -> str:
    """The bibliography as indented JSON (every control character escaped)."""
    from argmap.util import jsontext

    return jsontext.dumps({"file": str(file), "sources": [s.to_dict() for s in entries]}, indent=2, ensure_ascii=False) + "\n"


def to_text(entries: list, file: Path | str, title: str = "") -> str:
    """The bibliography as plain text, one numbered entry per source."""
    from argmap.util.terminal import one_line, records

    if not entries:
        return one_line(f"{file}: no outside sources (no evidence records)") + "\n"
    lines = [f"{file}: {count(len(entries), 'outside source')}"]
    for n, s in enumerate(entries, start=1):
        lines += _entry(n, s, s.label, "  [the thesis relies on it]", "", str)
    return records(lines)


def _entry(n: int, s, label: str, relied: str, bullet: str, code: Callable[[str], str]) -> list[str]:
    """The lines of source ``s``, number ``n``: ``relied`` marks a source the thesis relies on,
    ``bullet`` starts each detail and ``code`` shows an id."""
    lines = [
        f"{n}. {label}{relied if s.thesis_relies else ''}",
        f"   {bullet}evidence: {', '.join(code(e.id) for e in s.evidence)}",
        f"   {bullet}cited by: {', '.join(code(c) for c in s.cited_by) or '(no claim)'}",
    ]
    if s.relied_on_by:
        lines.append(f"   {bullet}relied on by: {', '.join(code(c) for c in s.relied_on_by)}")
    return lines


def _md(text: str) -> str:
    """Escape Markdown and HTML in user text."""
    import html
    import re

    from argmap.util.terminal import clean

    return re.sub(r"([\\`*_{}\[\]()#+\-.!|>~])", r"\\\1", html.escape(" ".join(clean(text).split()), quote=False))


def to_markdown(entries: list, file: Path | str, title: str) -> str:
    """The bibliography as a Markdown list, user text escaped."""
    lines = [f"# Sources of {_md(title)}", ""]
    if not entries:
        lines.append("No outside sources (no evidence records).")
    for n, s in enumerate(entries, start=1):
        lines += _entry(n, s, _md(s.label), " — *the thesis relies on it*", "- ", lambda c: f"`{c}`")
    return "\n".join(lines) + "\n"
