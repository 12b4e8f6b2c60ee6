"""Promise: errors. Bad input gets a located error and exit 1 or 2, never an internal
error (exit 3) and never a silently wrong map.

From the hardening report: integers over 4,300 digits (AIF node ids, Argdown data),
``<adu/>`` without an id, a tab before a comment under ``anchor --fix``, ``select``
nested 5,000 deep in ``argmap.toml``, a duplicate ``"nodes"`` key in AIF (gave an
empty map), native JSON read as YAML (refused surrogate pairs, changed U+2028,
U+2029 and NEL), ``anchor: {start: true}`` and start after end (accepted).
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from argmap.cli import cli
from argmap.loading import load
from tests.maps import ONE_CLAIM, quoted

DIGITS = "9" * 5000

BAD = {
    # name: (file name, text, command, expected exit, expected "file:line:col: message" start)
    "aif-huge-node-id": ("m.json", '{"nodes": [{"nodeID": ' + DIGITS + ', "type": "I", "text": "x"}], "edges": []}',
                         "validate", 1, "1:23: invalid JSON: a number of 5000 digits"),
    "argdown-huge-integer": ("m.argdown", "[a]: A. {n: " + DIGITS + "}\n", "validate", 1,
                             "1:9: invalid YAML data in {...}: an integer of more than 4300 digits"),
    "argdown-front-matter-huge-integer": ("m.argdown", "===\nn: " + DIGITS + "\n===\n\n[a]: A.\n", "validate", 1,
                                          "invalid YAML front matter"),
    "microtext-adu-without-id": ("m.xml", '<arggraph id="x"><edu id="e1">A.</edu>\n  <adu/></arggraph>', "import", 1,
                                 "2:3: an <adu> element has no id"),
    "microtext-edge-without-id": ("m.xml", '<arggraph id="x"><adu id="a1"/><edge src="a1" trg="a1" type="sup"/></arggraph>',
                                  "import", 1, "an <edge> element has no id"),
    "aif-duplicate-nodes": ("m.json", '{"nodes": [{"nodeID": "1", "type": "I", "text": "x"}],\n "edges": [],\n "nodes": []}',
                            "validate", 1, "3:2: duplicate key 'nodes' (first at line 1)"),
    "native-json-duplicate-claims": ("m.json", '{"argmap": 1, "claims": [],\n  "claims": [{"id": "a", "text": "A."}]}',
                                     "validate", 1, "2:3: duplicate key 'claims'"),
    "native-json-lone-surrogate": ("m.json", '{"argmap": 1, "title": "\\ud800"}', "validate", 1, "1:25: invalid JSON: a lone surrogate"),
    "native-json-nan": ("m.json", '{"argmap": 1, "title": NaN}', "validate", 1, "invalid JSON: NaN is not JSON"),
    "anchor-start-true": ("m.yaml", "argmap: 1\nclaims:\n  - id: a\n    text: A.\n    anchor: {start: true, end: 3}\n",
                          "validate", 1, "5:21: claim 'a': 'start': input should be a valid integer"),
    "anchor-start-after-end": ("m.yaml", "argmap: 1\nclaims:\n  - id: a\n    text: A.\n    anchor: {start: 9, end: 2}\n",
                               "validate", 1, "end (2) is before start (9)"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_is_a_located_error(tmp_path, name):
    filename, text, command, code, expected = BAD[name]
    path = tmp_path / filename
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, [command, str(path)])
    assert result.exit_code == code, result.output
    assert f"argmap: error: {path}:" in result.stderr and expected in result.stderr, result.stderr
    assert "internal error" not in result.stderr


def test_select_nested_5000_deep_is_a_config_error(tmp_path):
    (tmp_path / "argmap.toml").write_text("select = " + "[" * 5000 + "]" * 5000 + "\n")
    (tmp_path / "m.yaml").write_text(ONE_CLAIM)
    result = CliRunner().invoke(cli, ["audit", str(tmp_path / "m.yaml")])
    assert result.exit_code == 2, result.output
    assert "argmap.toml:1:1" in result.output and "nested deeper than 200 levels" in result.output
    assert "internal error" not in result.output + result.stderr


def test_tab_before_a_comment_under_anchor_fix(tmp_path):
    (tmp_path / "s.txt").write_text("Alpha beta gamma.\n")
    (tmp_path / "m.yaml").write_text(quoted("Alpha beta\t# a comment", source="s.txt"))
    result = CliRunner().invoke(cli, ["anchor", str(tmp_path / "m.yaml"), "--fix"])
    assert result.exit_code == 0, result.output
    fixed = (tmp_path / "m.yaml").read_text()
    assert "quote: Alpha beta\t# a comment\n" in fixed and "start: 0" in fixed and "end: 10" in fixed
    assert load(tmp_path / "m.yaml").map.claims[0].anchor.end == 10


def test_native_json_reads_back_what_json_tools_write(tmp_path):
    """Surrogate-pair escapes (json.dumps of an emoji), raw U+2028/U+2029 and NEL are kept exactly."""
    text = "smile \U0001F600, line \u2028 paragraph \u2029 next \x85 tab\t end"
    doc = {"argmap": 1, "title": text, "claims": [{"id": "a", "text": text}]}
    for ensure_ascii in (True, False):
        path = tmp_path / f"m{ensure_ascii}.json"
        path.write_text(json.dumps(doc, ensure_ascii=ensure_ascii), encoding="utf-8")
        loaded = load(path)
        assert loaded.map.title == text and loaded.map.claims[0].text == text
        assert str(loaded.map.location("a")).startswith(f"{path}:1:")
    exported = CliRunner().invoke(cli, ["export", str(tmp_path / "mTrue.json"), "--to", "json"])
    assert exported.exit_code == 0 and json.loads(exported.stdout)["claims"][0]["text"] == text


def test_native_json_errors_are_located_on_their_line(tmp_path):
    path = tmp_path / "m.json"
    path.write_text('{\n  "argmap": 1,\n  "claims": [\n    {"id": "a", "text": "A.", "bogus": 1}\n  ]\n}\n')
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 1
    assert f"{path}:4:" in result.stderr and "bogus" in result.stderr
