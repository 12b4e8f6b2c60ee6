"""``argmap audit``: run the audit rules over map files, like a linter."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import click

from argmap.commands._common import allow_outside_option, load_each, map_files
from argmap.config import FAIL_ON
from argmap.reports import REPORTERS


def _codes(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> Optional[list[str]]:
    """Comma-separated selectors, repeatable; checked against the catalogue."""
    if not values:
        return None
    import difflib

    from argmap.audit import rules
    from argmap.config import matches

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
@click.option("--format", "fmt", type=click.Choice(sorted(REPORTERS)), default="text", show_default=True,
              help="Output format.")
@click.option("--select", multiple=True, callback=_codes, metavar="CODES",
              help="Run only these rules: codes, code prefixes (ARG1), names or ALL; comma-separated.")
@click.option("--extend-select", multiple=True, callback=_codes, metavar="CODES",
              help="Run these rules as well (e.g. rules that are off by default).")
@click.option("--ignore", multiple=True, callback=_codes, metavar="CODES", help="Do not run these rules.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default=None,
              help="Exit 1 when a finding at or above this severity exists  [default: error].")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="Configuration file (argmap.toml or pyproject.toml) instead of the one found from each map.")
@allow_outside_option
def audit(files: tuple[Path, ...], fmt: str, select: Optional[list[str]], extend_select: Optional[list[str]],
          ignore: Optional[list[str]], fail_on: Optional[str], config_path: Optional[Path],
          allow_outside: bool) -> None:
    """Audit map files for weak support, broken provenance and structural flaws.

    Configuration comes from argmap.toml or [tool.argmap] in pyproject.toml,
    found from each map's folder upwards; options given here win. Exit 1 when
    a finding at or above --fail-on exists or a file does not load, else 0.
    See 'argmap rules' for the rule catalogue.
    """
    from argmap.audit import run
    from argmap.config import discover, fails, load_config
    from argmap.reports import get_reporter

    fixed = load_config(config_path) if config_path else None
    findings: list = []
    audited: list[Path] = []
    unloaded: list[Path] = []
    failed = False
    for loaded in load_each(files, allow_outside, unloaded):
        path = loaded.path
        config = (fixed or discover(path)).override(
            select=select, ignore=ignore, fail_on=fail_on, extend_select=extend_select
        )
        found = run(loaded, config)
        findings.extend(found)
        audited.append(path)
        failed = failed or fails(found, config.fail_on)
    click.echo(get_reporter(fmt)(findings, [str(p) for p in audited]), nl=False)
    if failed or unloaded:
        raise SystemExit(1)
