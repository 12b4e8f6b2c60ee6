"""Inputs that fuzzing once found crashing, kept as small hand-written cases."""

from __future__ import annotations

import pytest

from argmap.diagnostics import ArgmapError
from argmap.loading import load_text

CASES = [
    # Argdown: a reconstruction whose last line is an inference bar (StopIteration in to_map)
    ("argdown", "m.argdown", "<a>\n\n(1) D\n----\n(2) E\n----\n", "must end with an inference line"),
    # YAML: a recursive alias (would recurse forever while building)
    ("yaml", "m.yaml", "argmap: 1\nx: &a [1, *a]\n", "recursive"),
    # YAML: a tagged key whose value cannot be constructed
    ("yaml", "m.yaml", "argmap: 1\n!!int x: 1\n", "invalid YAML key"),
    # YAML: a Python tag on a mapping (must not be ignored)
    ("yaml", "m.yaml", "argmap: 1\nx: !!python/object:os.system {}\n", "unsupported tag"),
    # JSON/AIF: nesting beyond the interpreter's recursion limit
    ("aif", "m.json", "[" * 20000, ""),
    ("json", "m.json", '{"argmap": 1, "x": ' + "[" * 20000 + "]" * 20000 + "}", ""),
]


@pytest.mark.parametrize("fmt,name,text,fragment", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_found_by_fuzzing(fmt, name, text, fragment):
    with pytest.raises(ArgmapError) as info:
        load_text(text, name, fmt=fmt)
    assert str(info.value).startswith(f"{name}:")
    assert fragment in str(info.value)


@pytest.mark.parametrize("value", ["!!int x", "!!float y", "!!bool maybe", "!!timestamp 2020-99-99", "!!int 1e99999"])
def test_explicit_tags_that_cannot_be_built(value):
    with pytest.raises(ArgmapError) as info:
        load_text(f"argmap: 1\ntitle: {value}\n", "m.yaml")
    assert str(info.value).startswith("m.yaml:2:")


@pytest.mark.parametrize("text", ["\x85", "a\u2028b", "x\u2029", "line \x85 and \u2028 both"])
@pytest.mark.parametrize("fast", [False, True])
def test_line_separators_survive_yaml_output(text, fast):
    """Found by the round-trip fuzzing: a title '\\x85' (NEL) written by ``import`` read back as
    ' ' (PyYAML writes NEL, LS and PS raw in plain and single-quoted scalars)."""
    from argmap.model import ArgumentMap
    from argmap.writers.interop import to_yaml

    m = ArgumentMap.model_validate({"argmap": 1, "title": text, "claims": [{"id": "a", "text": text + "."}]})
    back = load_text(to_yaml(m, fast=fast), "m.yaml")[0]
    assert back.model_dump() == m.model_dump()


@pytest.mark.parametrize("text", ["\x85", "a\u2028b", "x\u2029"])
def test_line_separators_survive_review_skeletons(text):
    import yaml

    from argmap.review.files import _scalar

    assert yaml.safe_load("k: " + _scalar(text))["k"] == text
