"""The format registry: every entry names a formatter that exists, and the commands offer exactly its formats."""

from __future__ import annotations

import click
import pytest

from argmap.formats import FORMATS, KINDS

ENTRIES = [(command, name) for command, names in FORMATS.items() for name in names]


@pytest.mark.parametrize(("command", "name"), ENTRIES, ids=[f"{c}-{n}" for c, n in ENTRIES])
def test_every_entry_names_a_callable_of_a_known_kind(command, name):
    form = FORMATS[command][name]
    assert form.kind in KINDS
    assert callable(form.load())


def _format_choices(command: click.Command) -> list[str]:
    for p in command.params:
        if isinstance(p, click.Option) and p.name == "fmt":
            return list(p.type.choices)
    return []


@pytest.mark.parametrize("command", sorted(c for c in FORMATS if len(FORMATS[c]) > 1))  # one format: no option
def test_the_command_offers_the_registered_formats(command):
    from argmap.cli import cli

    ctx = click.Context(cli)
    cmd = cli.get_command(ctx, command)
    if isinstance(cmd, click.Group):
        cmd = cmd.get_command(ctx, "report")
    assert _format_choices(cmd) == list(FORMATS[command])
