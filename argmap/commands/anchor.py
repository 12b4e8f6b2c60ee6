"""``argmap anchor``: find every quote in the source text again; optionally write the anchors back."""

from __future__ import annotations

from pathlib import Path

import click

from argmap.commands._common import allow_outside_option, emit, load_map, map_file
from argmap.formats import choices


@click.command()
@map_file
@click.option("--format", "fmt", type=click.Choice(choices("anchor")), default="text", show_default=True, help="Output format.")
@click.option("--fix", is_flag=True, help="Write the new anchors (and source.sha256) into the map file.")
@click.option("--accept-fuzzy", is_flag=True, help="With --fix: also rewrite fuzzy quotes to the words found.")
@click.option("--no-backup", is_flag=True, help="With --fix: keep no backup (else FILE.bak, or the first free FILE.bak.N: a backup is never overwritten).")
@allow_outside_option
def anchor(file: Path, fmt: str, fix: bool, accept_fuzzy: bool, no_backup: bool, allow_outside: bool) -> None:
    """Anchor every claim and evidence quote to the map's source text.

    Each quote is reported as exact, moved (found elsewhere), ambiguous (found
    more than once), fuzzy (found only approximately) or orphaned (not found).
    Exit 1 when a quote is ambiguous, orphaned, or fuzzy and not accepted.
    """
    from argmap import formats
    from argmap.provenance.anchors import anchor_report, fix_map

    loaded = load_map(file, allow_outside, warn_source=False)  # it needs the text: an error, raised below
    report = anchor_report(loaded)
    form = formats.get("anchor", fmt)
    if form.kind == "json":  # the document says what was written
        written = fix_map(loaded, report, accept_fuzzy=accept_fuzzy, backup=not no_backup) if fix else None
        emit(form.load()(report, written), None, kind=form.kind)
    else:  # the report first, then what was written, on standard error
        emit(form.load()(report, None), None, kind=form.kind)
        if fix:
            written = fix_map(loaded, report, accept_fuzzy=accept_fuzzy, backup=not no_backup)
            click.echo(written.message(), err=True)
    if report.needs_attention(accept_fuzzy=accept_fuzzy and fix):
        raise SystemExit(1)
