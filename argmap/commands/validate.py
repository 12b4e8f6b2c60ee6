"""``argmap validate``: schema, references, duplicate ids and keys, version."""

from __future__ import annotations

from pathlib import Path

import click

from argmap.commands._common import allow_outside_option, cpu_jobs, jobs_option, map_files
from argmap.util.terminal import one_line


@click.command()
@map_files
@allow_outside_option
@click.option("-q", "--quiet", is_flag=True, help="Print nothing for valid files.")
@jobs_option
def validate(files: tuple[Path, ...], allow_outside: bool, quiet: bool, jobs: int) -> None:
    """Check map files and review files: schema, references, duplicate ids, format version.

    PATH is a file, a folder (searched for maps and reviews), a glob or - for
    standard input. Prints each error as FILE:LINE:COL: message. Exit 0 when
    every file is valid, 1 when any is not, 2 when a file cannot be read or
    for usage errors.
    """
    from argmap.commands._batch import Options, check_files, exit_code, unmatched
    from argmap.commands._common import echo_findings_as_errors, expand_paths

    inputs = expand_paths(files)
    pairs = [(str(p), kind) for p, kind in inputs.files]
    results = unmatched(inputs.errors)
    echo_findings_as_errors([f for r in results for f in r.findings])
    for result in check_files(pairs, Options(audit=False, allow_outside=allow_outside), cpu_jobs(jobs)):
        results.append(result)
        for warning in result.warnings + result.notes:
            click.echo(f"argmap: warning: {one_line(warning)}", err=True)
        if result.findings:
            echo_findings_as_errors(result.findings)
        elif not quiet:
            click.echo(one_line(f"{result.path}: {result.summary}"))
    code = exit_code(results)
    if code:
        raise SystemExit(code)
