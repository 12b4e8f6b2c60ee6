"""``argmap audit``: run the audit rules over map files, like a linter."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import click

from argmap.commands._common import (
    allow_outside_option, color_option, cpu_jobs, force_option, jobs_option, map_files, no_color_option,
)
from argmap.audit.config import FAIL_ON
from argmap.formats import choices


def _codes(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> Optional[list[str]]:
    """Comma-separated selectors, repeatable; checked against the catalogue."""
    if not values:
        return None
    import difflib

    from argmap.audit import rules
    from argmap.audit.config import matches

    out = [v.strip() for value in values for v in value.split(",") if v.strip()]
    known = rules()
    for s in out:
        if not any(matches(s, r) for r in known):
            close = difflib.get_close_matches(s, [r.code for r in known] + [r.name for r in known], n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise click.BadParameter(f"'{s}' matches no rule{hint}; see 'argmap rules'")
    return out


@click.command()
@map_files
@click.option("--format", "fmt", type=click.Choice(choices("audit")), default=None,
              help="Output format  [default: from -o's suffix, else text].")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
              help="Write the report to this file (atomically) instead of standard output.")
@click.option("--select", multiple=True, callback=_codes, metavar="CODES",
              help="Run only these rules: codes, code prefixes (ARG1), names or ALL; comma-separated.")
@click.option("--extend-select", multiple=True, callback=_codes, metavar="CODES",
              help="Run these rules as well (e.g. rules that are off by default).")
@click.option("--ignore", multiple=True, callback=_codes, metavar="CODES", help="Do not run these rules.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default=None,
              help="Exit 1 when a finding at or above this severity exists  [default: error].")
@click.option("--sort", "sort", type=click.Choice(["impact", "file"]), default="impact", show_default=True,
              help="Order of findings: impact (those whose fix changes the thesis, then the rest on its path, "
                   "then the others) or file (by file, line, column).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="Configuration file (argmap.toml or pyproject.toml) instead of the one found from each map.")
@jobs_option
@color_option
@no_color_option
@allow_outside_option
@force_option
def audit(files: tuple[Path, ...], fmt: Optional[str], output: Optional[Path], select: Optional[list[str]],
          extend_select: Optional[list[str]], ignore: Optional[list[str]], fail_on: Optional[str], sort: str,
          config_path: Optional[Path], jobs: int, allow_outside: bool, force: bool) -> None:
    """Audit map files for weak support, broken provenance and structural flaws.

    PATH is a file, a folder (searched for maps and reviews), a glob or - for
    standard input. Configuration comes from argmap.toml or [tool.argmap] in
    pyproject.toml, found from each map's folder upwards; options given here
    win. Exit 0 clean, 1 when a finding at or above --fail-on exists or a map
    is invalid, 2 when a file or the configuration cannot be read (or for
    usage errors), 3 on an internal error. See 'argmap rules' for the rules.
    """
    from argmap.audit import sort_findings
    from argmap.commands._batch import Options, check_files, exit_code, unmatched
    from argmap.commands._common import echo_findings_as_errors, emit_format, expand_paths, output_format
    from argmap.reports import is_pseudo
    from argmap.util.terminal import one_line

    fmt = output_format("audit", fmt, output, "text")
    inputs = expand_paths(files)
    options = Options(
        select=tuple(select) if select is not None else None,
        extend_select=tuple(extend_select) if extend_select is not None else None,
        ignore=tuple(ignore) if ignore is not None else None,
        fail_on=fail_on,
        config_path=str(config_path) if config_path else None,
        allow_outside=allow_outside,
    )
    results = unmatched(inputs.errors)
    results += check_files([(str(p), kind) for p, kind in inputs.files], options, cpu_jobs(jobs))
    findings = sort_findings([f for r in results for f in r.findings], sort)
    echo_findings_as_errors([f for f in findings if is_pseudo(f)])  # on stderr too, whatever the format
    for note in (n for r in results for n in r.notes):  # what an Argdown or AIF import left out
        click.echo(f"argmap: warning: {one_line(note)}", err=True)
    emit_format("audit", fmt, lambda report: report(findings, [r.path for r in results]), output,
                force=force, inputs=[r.path for r in results])
    code = exit_code(results)
    if code:
        raise SystemExit(code)
