"""Promise: output. User text never forges a record, moves the cursor or reorders what is read.

A map whose every text field (title, claim text, quote, citation, note, warrant,
the source text, a reviewer's name) holds a newline followed by a GitHub
Actions workflow command, an ANSI escape and bidi overrides is fed to every
output format of every command: the formats are found from the commands'
``--format``/``--to`` choices, so a new format is covered with no extra line.
Text and Markdown outputs must keep one record per line (no line starts with the
forged command), and no output may carry a raw ESC or a bidi control; JSON
outputs must stay valid JSON (they escape what they carry).
"""

from __future__ import annotations

import json

import click
import pytest
from click.testing import CliRunner

from argmap.cli import cli
from argmap.util.terminal import BIDI_CONTROLS

FORGED = "::error file=x.yaml::FORGED"
HOSTILE = "A\n" + FORGED + "\r\nFORGED line \x1b[31mred\x1b[0m \u202eevil\u202c \u2066iso\u2069 \u2028sep"

# Output kinds by format name; every other name is checked as text.
JSON_KINDS = {"json", "sarif", "aif", "annotations", "claimreview"}
NOT_TEXT = {"svg", "png", "pdf", "dot", "argdown"}  # no records: drawings, and Argdown (which must round-trip)
DATA = {"argdown"}  # an export: user text kept exactly (bidi included), line breaks in Argdown's own syntax
INPUT_OPTIONS = {"--from"}


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


def _format_choices():
    """(command path, option, choice) for every output format of every command."""
    ctx = click.Context(cli)
    found = []

    def walk(command, path):
        if isinstance(command, click.Group):
            for name in command.list_commands(ctx):
                walk(command.get_command(ctx, name), path + [name])
            return
        for param in command.params:
            if isinstance(param.type, click.Choice) and param.name in ("fmt", "format", "to"):
                if INPUT_OPTIONS.isdisjoint(param.opts):
                    found.extend((tuple(path), param.opts[-1], choice) for choice in param.type.choices)

    walk(cli, [])
    return found


CHOICES = _format_choices()
ARGS = {  # how to run each command on the hostile project
    ("anchor",): ["{map}"],
    ("audit",): ["{map}"],
    ("coverage",): ["{map}"],
    ("diff",): ["{old}", "{map}"],
    ("evaluate",): ["{map}"],
    ("export",): ["{map}"],
    ("render",): ["{map}"],
    ("review", "report"): ["{map}", "{review}"],
    ("sources",): ["{map}"],
}
PLAIN = [  # commands with one text output and no format choice
    ("explain", ["{map}", "a"]),
    ("explain", ["{map}", "b"]),
    ("review check", ["{review}"]),
    ("validate", ["{map}", "{broken}"]),
]


def test_every_command_with_formats_is_known():
    assert {c for c, _, _ in CHOICES} <= set(ARGS), "a new command with formats: add how to run it to ARGS"
    assert len(CHOICES) >= 25


def _run(project, args):
    (project / "broken.yaml").write_text("argmap: 1\nclaims:\n  - id: a\n    text: A.\n    " + _quoted(HOSTILE) + ": 1\n")
    filled = [a.format(map=project / "map.yaml", old=project / "old.yaml", review=project / "map.review.yaml",
                       broken=project / "broken.yaml") for a in args]
    return CliRunner().invoke(cli, filled)


def _check_text(out: str, what: str):
    assert "\x1b" not in out, f"{what}: raw ESC"
    assert not set(out) & set(BIDI_CONTROLS), f"{what}: raw bidi control"
    for line in out.splitlines():
        body = line.lstrip(" \t-*>|#0123456789.")
        assert not body.startswith(("::error file=x.yaml", "FORGED")), f"{what}: forged line {line!r}"


@pytest.mark.parametrize("command,option,choice", CHOICES, ids=[f"{' '.join(c)}-{f}" for c, _, f in CHOICES])
def test_hostile_strings_never_reach_an_output_raw(hostile, command, option, choice):
    if choice in {"png", "pdf"}:
        pytest.skip("binary drawing: no text records")
    result = _run(hostile, [*command, *ARGS[command], option, choice])
    assert result.exit_code in (0, 1), result.output
    what = f"{' '.join(command)} {option} {choice}"
    if choice in JSON_KINDS:
        if result.exit_code == 0:
            json.loads(result.stdout)
        assert "\x1b" not in result.stdout
        return
    assert "\x1b" not in result.stdout, what
    if choice not in DATA:
        assert not set(result.stdout) & set(BIDI_CONTROLS), what
    if choice not in NOT_TEXT and choice != "html":
        _check_text(result.stdout, what)
    _check_text(result.stderr, what + " (stderr)")


@pytest.mark.parametrize("command,args", PLAIN, ids=[f"{c}-{a[-1]}" for c, a in PLAIN])
def test_hostile_strings_in_plain_text_commands(hostile, command, args):
    result = _run(hostile, [*command.split(), *args])
    assert result.exit_code in (0, 1), result.output
    _check_text(result.stdout, command)
    _check_text(result.stderr, command + " (stderr)")
    assert "FORGED" in result.output or command == "validate"  # the text is shown, escaped
