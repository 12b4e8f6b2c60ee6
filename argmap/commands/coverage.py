"""``argmap coverage``: which sentences of the source no claim quotes."""

from __future__ import annotations

from argmap.util import jsontext
from pathlib import Path
from typing import Optional

import click

from argmap.commands._common import allow_outside_option, emit, load_map, map_file

FORMATS = ("text", "json", "html")


@click.command()
@map_file
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to a file (atomically).")
@click.option("--min", "minimum", type=click.FloatRange(0, 100), default=None, help="Exit 1 when fewer than this percentage of sentences are covered.")
@allow_outside_option
def coverage(file: Path, fmt: str, output: Optional[Path], minimum: Optional[float], allow_outside: bool) -> None:
    """Report the sentences of the source text that no claim quotes, and the share covered.

    Lines matching the map's `source.ignore` patterns are left out.
    """
    from argmap.provenance.coverage import coverage as measure
    from argmap.util.terminal import clean

    loaded = load_map(file, allow_outside, warn_source=False)  # it needs the text: an error, raised below
    cov = measure(loaded)
    if fmt == "json":
        emit(jsontext.dumps(cov.to_dict(), indent=2, ensure_ascii=False) + "\n", output)
    elif fmt == "html":
        from argmap.reports.coverage import render_html

        emit(render_html(cov, title=loaded.map.title or str(file)), output)
    else:
        where = _short_path(cov.source_path or cov.path)
        lines = [
            f"{file}: {cov.covered} of {cov.total} sentences covered ({cov.percent:.1f}%); "
            f"{len(cov.ignored)} lines ignored"
        ]
        for s in cov.uncovered:
            lines.append(f"{where}:{s.line}:{s.column}: not quoted by any claim: {s.text}")
        for claim_id, state in cov.unplaced.items():
            lines.append(f"{file}: claim '{claim_id}' covers nothing: its quote is {state} (see argmap anchor)")
        emit(clean("\n".join(lines)) + "\n", output)
    if minimum is not None and cov.percent < minimum:
        raise SystemExit(1)


def _short_path(path: str) -> str:
    """``path`` relative to the working folder when it lies inside it."""
    import os

    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        return path
    return path if rel.startswith("..") else rel
