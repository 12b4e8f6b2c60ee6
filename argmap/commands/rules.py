"""``argmap rules``: the audit rule catalogue, or one rule's documentation."""

from __future__ import annotations

from typing import Optional

import click


@click.command()
@click.argument("rule", required=False)
def rules(rule: Optional[str]) -> None:
    """List the audit rules (code, name, default severity, summary).

    With RULE (a code such as ARG103, or a name such as unsupported-step),
    print its documentation with a failing and a passing example.
    """
    from argmap.audit import find_rule
    from argmap.audit import rules as catalogue

    if rule is None:
        all_rules = catalogue()
        width = max(len(r.name) for r in all_rules)
        for r in all_rules:
            off = " (off by default)" if not r.enabled else ""
            click.echo(f"{r.code}  {r.name:<{width}}  {r.severity.value:<7}  {r.summary}{off}")
        click.echo("\nCodes: ARG1xx support of claims and steps, ARG2xx structure, ARG3xx provenance.")
        click.echo("Run 'argmap rules CODE' for a rule's documentation and examples.")
        return
    r = find_rule(rule)
    if r is None:
        raise click.BadParameter(f"no rule '{rule}'; run 'argmap rules' for the list", param_hint="RULE")
    state = "" if r.enabled else ", off by default (enable with --select)"
    click.echo(f"{r.code} {r.name} (default severity: {r.severity.value}{state})\n")
    click.echo(r.help)
