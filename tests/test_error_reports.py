"""Validation errors name the user's own keys, at their place in the file."""

from __future__ import annotations

import json

import pytest

MAP = """\
argmap: 1
title: Keys
claims:
  - id: a
    text: A holds.
    {key}: 3
"""


@pytest.mark.parametrize("key", ["x[1]", "[x]", "function-after[f(), str]", "str"])
def test_unknown_key_with_brackets_is_reported_where_it_is(run_cli, write_map, key):
    path = write_map(MAP.format(key=json.dumps(key)))
    result = run_cli("validate", path)
    assert result.exit_code == 1
    assert f"{path}:6:5: claim 'a': unknown key '{key}'" in result.stderr, result.stderr


def test_unknown_key_with_brackets_in_json(run_cli, write_map):
    anchor = {"start": 0, "end": 1, "y[0]": 1}
    text = json.dumps({"argmap": 1, "title": "Keys", "claims": [{"id": "a", "text": "A.", "anchor": anchor}]})
    path = write_map(text, name="map.json")
    result = run_cli("validate", path)
    assert result.exit_code == 1
    column = text.index('"y[0]"') + 1
    assert result.stderr == f"argmap: error: {path}:1:{column}: claim 'a': unknown key 'y[0]'\n"
