"""8-bit controls in user text never reach a terminal or a page raw; nor bidi overrides text.

The formats tested are every one in :data:`argmap.formats.FORMATS`.

JSON outputs escape DEL and the C1 controls as ``\\u`` (``json`` escapes C0 only);
the coverage page drops every control but newline and tab.
"""

from __future__ import annotations

import json
import re

import pytest

from argmap.formats import CLEANED_KINDS, FORMATS

RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
NASTY = "x\x9b2J\x85y\x7f\x1b[31mz\x07"  # 8-bit CSI, NEL, DEL, ESC, BEL
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")

MAP = """\
argmap: 1
title: "Title {t}"
source:
  text: source.txt
thesis: a
claims:
  - id: a
    text: "Claim {t}"
    quote: "alpha {t} beta"
    qualifier: certainly
  - id: b
    text: "Support {t} \\u202eright-to-left\\u202c"
    quote: gamma
  - id: c
    text: Unplaced.
    quote: "not in the source {t}"
inferences:
  - id: i
    premises: [b]
    conclusion: a
    note: "note {t}"
"""


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


@pytest.fixture
def nasty_map(write_map):
    escaped = NASTY.encode("unicode_escape").decode("ascii")  # YAML double-quoted escapes: \x9b, \x85 ...
    source = f"alpha {NASTY} beta.\x00 gamma\x85 delta.\n"
    return write_map(MAP.format(t=escaped), source=source)


def _invocation(command: str, fmt: str, map_path, tmp_path, run_cli) -> list:
    """The command line that writes ``command``'s format ``fmt`` for ``map_path`` to standard output."""
    if command == "diff":
        other = tmp_path / "other.yaml"
        other.write_text(map_path.read_text().replace("Claim ", "Claim changed "))
        return ["diff", "--format", fmt, map_path, other]
    if command == "review":
        review = tmp_path / "map.review.yaml"
        if not review.exists():
            assert run_cli("review", "init", map_path, "--reviewer", f"Rev {NASTY}", "-o", review).exit_code == 0
        return ["review", "report", "--format", fmt, map_path, review]
    if command == "explain":
        return ["explain", map_path, "a"]
    if command == "view":
        return ["view", map_path]
    option = {"export": "--to", "render": "-f"}.get(command, "--format")
    return [command, option, fmt, map_path]


COMMANDS = {"anchor", "audit", "coverage", "diff", "evaluate", "explain", "export", "render", "review", "sources", "view"}
"""The commands :func:`_invocation` knows; a new command in the registry must be added there."""

TEXT_FORMATS = [
    (command, name, f.kind) for command, names in FORMATS.items() for name, f in names.items() if f.kind != "binary"
]


def test_every_registered_command_is_invoked():
    assert set(FORMATS) == COMMANDS


@pytest.mark.parametrize(("command", "fmt", "kind"), TEXT_FORMATS, ids=[f"{c}-{n}" for c, n, _ in TEXT_FORMATS])
def test_every_format_keeps_controls_out(run_cli, nasty_map, tmp_path, command, fmt, kind):
    """Every registered format, fed user text full of controls and bidi overrides:
    JSON escapes them (and keeps the text), text and Markdown drop them, pages and
    diagrams carry no raw control character."""
    result = run_cli(*_invocation(command, fmt, nasty_map, tmp_path, run_cli))
    assert result.exit_code in (0, 1), result.output
    out = result.stdout
    assert not RAW_CONTROL.search(out), repr(RAW_CONTROL.search(out))
    if kind == "json" and out:  # valid JSON, and the map's text kept (escaped), where it is shown
        kept = [text for text in _strings(json.loads(out)) if "2J" in text]
        if command != "coverage":  # coverage shows the source's sentences, split and normalised
            assert not kept or any(NASTY in text for text in kept), kept
    if kind in CLEANED_KINDS:
        assert not BIDI.search(out), repr(BIDI.search(out))


def test_coverage_page_drops_control_characters(run_cli, nasty_map, tmp_path):
    page = tmp_path / "coverage.html"
    result = run_cli("coverage", "--format", "html", "-o", page, nasty_map)
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert not RAW_CONTROL.search(html), repr(RAW_CONTROL.search(html))
    assert "x2Jy[31mz" in html  # the printable rest of the text stays
