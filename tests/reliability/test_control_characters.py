"""8-bit controls in user text never reach a terminal or a page raw.

JSON outputs escape DEL and the C1 controls as ``\\u`` (``json`` escapes C0 only);
the coverage page drops every control but newline and tab.
"""

from __future__ import annotations

import json
import re

import pytest

RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
NASTY = "x\x9b2J\x85y\x7f\x1b[31mz\x07"  # 8-bit CSI, NEL, DEL, ESC, BEL

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
    text: "Support {t}"
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


@pytest.mark.parametrize(
    "args",
    [
        ("audit", "--format", "json"),
        ("audit", "--format", "sarif"),
        ("evaluate", "--format", "json"),
        ("diff", "--format", "json"),
        ("export", "--to", "json"),
        ("export", "--to", "aif"),
        ("export", "--to", "annotations"),
        ("coverage", "--format", "json"),
        ("anchor", "--format", "json"),
    ],
    ids=["audit-json", "audit-sarif", "evaluate-json", "diff-json", "export-json", "export-aif", "export-annotations", "coverage-json", "anchor-json"],
)
def test_json_outputs_escape_every_control(run_cli, nasty_map, tmp_path, args):
    if args[0] == "diff":
        other = tmp_path / "other.yaml"
        other.write_text(nasty_map.read_text().replace("Claim ", "Claim changed "))
        result = run_cli(*args, nasty_map, other)
    else:
        result = run_cli(*args, nasty_map)
    assert result.exit_code in (0, 1), result.output
    assert not RAW_CONTROL.search(result.stdout), repr(RAW_CONTROL.search(result.stdout))
    assert "\\u009b" in result.stdout  # the text is kept, escaped
    document = json.loads(result.stdout)
    if args[0] != "coverage":  # coverage reports normalised source sentences, not the map's strings
        assert any(NASTY in text for text in _strings(document))


def test_coverage_page_drops_control_characters(run_cli, nasty_map, tmp_path):
    page = tmp_path / "coverage.html"
    result = run_cli("coverage", "--format", "html", "-o", page, nasty_map)
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert not RAW_CONTROL.search(html), repr(RAW_CONTROL.search(html))
    assert "x2Jy[31mz" in html  # the printable rest of the text stays
