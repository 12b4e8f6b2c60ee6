"""``argmap sources``: the outside sources a map relies on, with the claims that depend on each."""

from __future__ import annotations

from argmap.util import jsontext
from pathlib import Path
from typing import Optional

import click

from argmap.commands._common import allow_outside_option, emit, load_map, map_file

FORMATS = ("text", "json", "markdown")


@click.command()
@map_file
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to a file (atomically).")
@allow_outside_option
def sources(file: Path, fmt: str, output: Optional[Path], allow_outside: bool) -> None:
    """List every outside source the map relies on (a bibliography by dependency).

    For each source: its evidence records, the claims citing it, and the
    claims that rely on it through chains of support.
    """
    from argmap.provenance.sources import bibliography

    loaded = load_map(file, allow_outside, read_source=False)
    entries = bibliography(loaded.map)
    if fmt == "json":
        emit(jsontext.dumps({"file": str(file), "sources": [s.to_dict() for s in entries]}, indent=2, ensure_ascii=False) + "\n", output)
    elif fmt == "markdown":
        emit(_markdown(entries, loaded.map.title or str(file)), output)
    else:
        emit(_text(entries, file), output)


def _text(entries, file: Path) -> str:
    from argmap.util.terminal import clean

    if not entries:
        return f"{file}: no outside sources (no evidence records)\n"
    lines = [f"{file}: {len(entries)} outside sources"]
    for n, s in enumerate(entries, start=1):
        thesis = "  [the thesis relies on it]" if s.thesis_relies else ""
        lines.append(f"{n}. {s.label}{thesis}")
        lines.append(f"   evidence: {', '.join(e.id for e in s.evidence)}")
        lines.append(f"   cited by: {', '.join(s.cited_by) or '(no claim)'}")
        if s.relied_on_by:
            lines.append(f"   relied on by: {', '.join(s.relied_on_by)}")
    return clean("\n".join(lines)) + "\n"


def _md(text: str) -> str:
    """Escape Markdown and HTML in user text."""
    import html
    import re

    return re.sub(r"([\\`*_{}\[\]()#+\-.!|>~])", r"\\\1", html.escape(" ".join(text.split()), quote=False))


def _markdown(entries, title: str) -> str:
    lines = [f"# Sources of {_md(title)}", ""]
    if not entries:
        lines.append("No outside sources (no evidence records).")
    for n, s in enumerate(entries, start=1):
        thesis = " — *the thesis relies on it*" if s.thesis_relies else ""
        lines.append(f"{n}. {_md(s.label)}{thesis}")
        lines.append(f"   - evidence: {', '.join('`' + e.id + '`' for e in s.evidence)}")
        lines.append(f"   - cited by: {', '.join('`' + c + '`' for c in s.cited_by) or '(no claim)'}")
        if s.relied_on_by:
            lines.append(f"   - relied on by: {', '.join('`' + c + '`' for c in s.relied_on_by)}")
    return "\n".join(lines) + "\n"
