"""Promise: output. User text never forges a record, moves the cursor or reorders what is read.

A map whose every text field (title, claim text, quote, citation, note, warrant,
the source text, a reviewer's name) holds a newline followed by a GitHub
Actions workflow command, an ANSI escape and bidi overrides is fed to every
output format of every command.
Text and Markdown outputs must keep one record per line (no line starts with the
forged command), and no output may carry a raw ESC or a bidi control; JSON
outputs must stay valid JSON (they escape what they carry). The formats come from
the format registry (:data:`argmap.formats.FORMATS`), so a new one is covered with
no extra line; only the exports that must round-trip user text (Argdown, YAML)
keep it as it is.
"""

from __future__ import annotations

import json

import click
import pytest
from click.testing import CliRunner

from argmap.cli import cli
from argmap.formats import CLEANED_KINDS, FORMATS
from argmap.util.terminal import BIDI_CONTROLS
from tests.maps import ONE_CLAIM

FORGED = "::error file=x.yaml::FORGED"
HOSTILE = "A\n" + FORGED + "\r\nFORGED line \x1b[31mred\x1b[0m \u202eevil\u202c \u2066iso\u2069 \u2028sep"

INPUT_OPTIONS = {"--from"}
DATA_KINDS = {"argdown", "yaml"}  # exports: user text kept exactly (a round trip), in their own syntax


def _quoted(text: str) -> str:
    return json.dumps(text)  # a JSON string is a YAML double-quoted scalar


MAP = """\
argmap: 1
title: {t}
source:
  text: source.txt
  title: {t}
thesis: a
claims:
  - id: a
    text: {t}
    quote: "alpha beta"
    note: {t}
  - id: b
    text: {t}
    quote: {t}
    evidence: [e]
evidence:
  - id: e
    kind: document
    citation: {t}
    quote: {t}
inferences:
  - id: i
    premises: [b]
    conclusion: a
    warrant: {t}
    note: {t}
"""


@pytest.fixture
def hostile(tmp_path):
    (tmp_path / "source.txt").write_text(f"alpha beta.\n{HOSTILE}.\nAnother sentence {HOSTILE}.\n")
    (tmp_path / "map.yaml").write_text(MAP.format(t=_quoted(HOSTILE)))
    (tmp_path / "old.yaml").write_text(MAP.format(t=_quoted("old " + HOSTILE)))
    runner = CliRunner()
    init = runner.invoke(cli, ["review", "init", str(tmp_path / "map.yaml"), "--reviewer", HOSTILE])
    assert init.exit_code == 0, init.output
    return tmp_path


CHOICES = [(command, name, form.kind) for command, table in FORMATS.items() for name, form in table.items()]
RUN = {  # how to run each command of the format registry on the hostile project
    "anchor": ["anchor", "{map}"],
    "audit": ["audit", "{map}"],
    "coverage": ["coverage", "{map}"],
    "diff": ["diff", "{old}", "{map}"],
    "evaluate": ["evaluate", "{map}"],
    "explain": ["explain", "{map}", "a"],
    "export": ["export", "{map}"],
    "render": ["render", "{map}"],
    "review": ["review", "report", "{map}", "{review}"],
    "sources": ["sources", "{map}"],
    "view": ["view", "{map}", "{review}"],
}
PLAIN = [  # text outputs of commands outside the registry, and a second explain
    ("explain", ["{map}", "b"]),
    ("review check", ["{review}"]),
    ("validate", ["{map}", "{broken}"]),
]


def _option(words: list[str], name: str) -> list[str]:
    """The option that picks format ``name`` on the command ``words`` names (none for a command of one format)."""
    command = cli
    ctx = click.Context(cli)
    for word in words:
        if not isinstance(command, click.Group):
            break
        command = command.get_command(ctx, word)
    for param in command.params:
        if isinstance(param.type, click.Choice) and name in param.type.choices and INPUT_OPTIONS.isdisjoint(param.opts):
            return [param.opts[-1], name]
    return []


def test_every_registered_command_can_be_run():
    assert {c for c, _, _ in CHOICES} <= set(RUN), "a new command in argmap.formats: add how to run it to RUN"
    assert len(CHOICES) >= 25


def _run(project, args):
    (project / "broken.yaml").write_text(ONE_CLAIM + "    " + _quoted(HOSTILE) + ": 1\n")
    filled = [a.format(map=project / "map.yaml", old=project / "old.yaml", review=project / "map.review.yaml",
                       broken=project / "broken.yaml") for a in args]
    return CliRunner().invoke(cli, filled)


def _check_text(out: str, what: str):
    assert "\x1b" not in out, f"{what}: raw ESC"
    assert not set(out) & set(BIDI_CONTROLS), f"{what}: raw bidi control"
    for line in out.splitlines():
        body = line.lstrip(" \t-*>|#0123456789.")
        assert not body.startswith(("::error file=x.yaml", "FORGED")), f"{what}: forged line {line!r}"


@pytest.mark.parametrize("command,name,kind", CHOICES, ids=[f"{c}-{n}" for c, n, _ in CHOICES])
def test_hostile_strings_never_reach_an_output_raw(hostile, command, name, kind):
    if kind == "binary":
        pytest.skip("binary drawing: no text records")
    words = [w for w in RUN[command] if not w.startswith("{")]
    result = _run(hostile, [*RUN[command], *_option(words, name)])
    assert result.exit_code in (0, 1), result.output
    what = f"{command} {name} ({kind})"
    _check_text(result.stderr, what + " (stderr)")
    if kind in DATA_KINDS:
        return
    assert "\x1b" not in result.stdout, what
    assert not set(result.stdout) & set(BIDI_CONTROLS), what
    if kind == "json" and result.exit_code == 0:
        json.loads(result.stdout)
    if kind in CLEANED_KINDS:
        _check_text(result.stdout, what)


@pytest.mark.parametrize("command,args", PLAIN, ids=[f"{c}-{a[-1]}" for c, a in PLAIN])
def test_hostile_strings_in_plain_text_commands(hostile, command, args):
    result = _run(hostile, [*command.split(), *args])
    assert result.exit_code in (0, 1), result.output
    _check_text(result.stdout, command)
    _check_text(result.stderr, command + " (stderr)")
    assert "FORGED" in result.output or command == "validate"  # the text is shown, escaped
