"""``argmap rules``: the audit rule catalogue, or one rule's documentation."""

from __future__ import annotations

from typing import Optional

import click


@click.command()
@click.argument("rule", required=False)
def rules(rule: Optional[str]) -> None:
    """List the audit rules (code, name, default severity, summary).

    With RULE (a code such as ARG103, or a name such as unsupported-step),
    print its documentation with a failing and a passing example. A family
    or prefix that --select accepts (ARG1, ARG31, ALL) lists those rules.
    """
    from argmap.audit import find_rule
    from argmap.audit import rules as catalogue
    from argmap.audit.config import matches

    all_rules = catalogue()
    r = find_rule(rule) if rule is not None else None
    if r is None:
        shown = all_rules if rule is None else [x for x in all_rules if matches(rule.strip(), x)]
        if not shown:
            raise click.BadParameter(f"no rule '{rule}'{_close(rule, all_rules)}; run 'argmap rules' for the list",
                                     param_hint="RULE")
        _table(shown)
        from argmap.util.terminal import output_width, wrap

        if rule is None:
            click.echo("")
            for line in wrap("Codes: ARG1xx support of claims and steps, ARG2xx structure, ARG3xx provenance.",
                             output_width(), 7):
                click.echo(line)
        click.echo("Run 'argmap rules CODE' for a rule's documentation and examples.")
        return
    state = "" if r.enabled else ", off by default (enable with --select)"
    click.echo(f"{r.code} {r.name} (default severity: {r.severity.value}{state})\n")
    click.echo(r.help)


def _table(shown: list) -> None:
    from argmap.util.terminal import output_width, wrap

    width = max(len(r.name) for r in shown)
    columns = output_width()
    for r in shown:
        off = " (off by default)" if not r.enabled else ""
        line = f"{r.code}  {r.name:<{width}}  {r.severity.value:<7}  {r.summary}{off}"
        for folded in wrap(line, columns, len(r.code) + width + 13):
            click.echo(folded)


def _close(word: str, known: list) -> str:
    """`` (did you mean 'x'?)`` for a near miss of a rule code or name, else nothing."""
    import difflib

    names = {r.name: r.name for r in known} | {r.code.lower(): r.code for r in known}
    close = difflib.get_close_matches(word.strip().lower(), list(names), n=1, cutoff=0.6)
    return f" (did you mean '{names[close[0]]}'?)" if close else ""
