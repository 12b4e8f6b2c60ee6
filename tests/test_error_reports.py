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


def _many_unknown_keys(count: int) -> str:
    return "argmap: 1\ntitle: Many\nclaims:\n  - id: a\n    text: A.\n" + "".join(f"    k{i}: 1\n" for i in range(count))


def test_errors_are_capped_per_file_with_a_located_count(run_cli, write_map):
    path = write_map(_many_unknown_keys(5000))
    result = run_cli("validate", path)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 101
    assert lines[99] == f"argmap: error: {path}:105:5: claim 'a': unknown key 'k99'"
    assert lines[100] == f"argmap: error: {path}:106:5: ... and 4900 more errors"


def test_many_unknown_keys_are_cheap(write_map):
    """100,000 unknown keys: only the first 100 errors are worded, so only their did-you-mean
    lookups are paid (the time is measured in the benchmarks, not here)."""
    path = write_map(_many_unknown_keys(100_000))
    from argmap.diagnostics import ArgmapError
    from argmap.loading import load
    from argmap.validation import _closest_field

    _closest_field.cache_clear()
    with pytest.raises(ArgmapError) as info:
        load(path)
    assert len(info.value.diagnostics) == 101
    lookups = _closest_field.cache_info()
    assert lookups.hits + lookups.misses <= 100, lookups


def test_dangling_references_are_capped_and_keep_their_hints(run_cli, write_map):
    claims = "".join(f"  - id: c{i}\n    text: C.\n    evidence: [nope{i}]\n" for i in range(3000))
    text = "argmap: 1\ntitle: Refs\nclaims:\n" + claims + "evidence:\n  - id: nope0x\n    quote: q\n"
    path = write_map(text)
    result = run_cli("validate", path)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 101
    assert lines[0] == f"argmap: error: {path}:6:16: 'nope0' is not the id of an evidence record (did you mean 'nope0x'?)"
    assert lines[100] == f"argmap: error: {path}:{6 + 3 * 100}:16: ... and 2900 more errors"
