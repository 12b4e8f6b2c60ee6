"""``argmap draft``: a first map of an article, for the analyst to review."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import click
from argmap.util.words import count

__all__ = ["draft"]

_SUFFIXES = {".txt": False, ".text": False, "": False, ".md": True, ".markdown": True}


@click.command()
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the draft map here (atomically); default: standard output.")
@click.option("--title", help="The map's title (default: the article's title line).")
@click.option("--force", is_flag=True, help="Replace OUTPUT if it exists (a reviewed map is never overwritten by accident).")
def draft(source: Path, output: Optional[Path], title: Optional[str], force: bool) -> None:
    """Draft a map of the plain-text or Markdown article SOURCE.

    One claim per assertion (a sentence, or each clause of a sentence joined by
    a connective) with its verbatim quote, kind and hedge; quotations as
    evidence records; candidate steps from the author's connectives; the title
    as the thesis candidate. Every element says `draft: true`, and the audit
    reports each one (ARG402) until the analyst has reviewed it.
    """
    import os

    from argmap.commands._common import emit
    from argmap.audit.config import discover
    from argmap.diagnostics import ArgmapError, Diagnostic
    from argmap.drafting.build import draft as make_draft
    from argmap.drafting.lexicon import load_lexicon
    from argmap.writers.interop import to_yaml
    from argmap.limits import Limits
    from argmap.loading.files import read_file
    from argmap.locations import Location

    suffix = source.suffix.lower()
    if suffix not in _SUFFIXES:
        hint = " (save the article as plain text first)" if suffix in (".html", ".htm", ".pdf", ".docx") else ""
        raise ArgmapError(Diagnostic(Location(str(source), 1, 1), f"unsupported file type '{suffix}' for draft: give a .txt or .md article{hint}"))
    if output is not None and str(output) != "-":
        if output.exists() and not force:
            raise ArgmapError(Diagnostic(Location(str(output)), "exists already; pass --force to replace it"))
        if output.resolve() == source.resolve():
            raise ArgmapError(Diagnostic(Location(str(output)), "is the article itself: choose another output file"))
    raw = read_file(source, Limits())
    where = output.parent if output is not None and str(output) != "-" else Path(".")
    ref = os.path.relpath(source.resolve(), where.resolve()).replace(os.sep, "/")
    config = discover(where)
    d = make_draft(raw, text_ref=ref, title=title, lexicon=load_lexicon(config.lexicon), markdown=_SUFFIXES[suffix])
    header = (
        f"# Drafted by 'argmap draft' from {ref}. Every element says 'draft: true' until you have\n"
        "# reviewed it: check each claim's text, kind and qualifier, each evidence record, and each\n"
        "# step (drafted steps follow the author's connectives, or are a first guess said so in\n"
        "# their note); then delete its 'draft: true'. 'argmap audit' lists what is left (ARG402).\n"
    )
    emit(header + to_yaml(d.map, fast=True), output, kind="yaml", force=force)
    if ref.startswith("../") or os.path.isabs(ref):
        click.echo(
            f"argmap: note: the article is outside the map's folder ({ref}); other commands read it only with "
            "--allow-outside: put the map beside the article to avoid that",
            err=True,
        )
    m = d.map
    steps = sum(1 for i in m.inferences if i.quote)
    click.echo(
        f"argmap: drafted {count(len(m.claims), 'claim')}, {count(len(m.evidence), 'evidence record')} and "
        f"{count(len(m.inferences), 'step')} ({steps} from connectives); {count(len(d.layout.furniture), 'line')} "
        "left out as furniture or headings",
        err=True,
    )
