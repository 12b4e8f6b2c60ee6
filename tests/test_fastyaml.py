"""The fast YAML path must locate elements exactly where the slow, fully located path does."""

from __future__ import annotations

import pytest

from argmap.loading.fast import fast_parse
from argmap.loading import parse_yaml

from tests.test_validate import GOOD
from tests.conftest import CLAIMS
from tests.benchmarks.generate import generate, to_yaml


def _agree(text: str) -> int:
    fast = fast_parse(text, "m.yaml")
    assert fast is not None, "plain block-style map should take the fast path"
    data, fast_map = fast
    slow_data, slow_map = parse_yaml(text, "m.yaml")
    assert data == slow_data
    for path, pos in fast_map.positions.items():
        assert slow_map.positions.get(path) == pos, path
    return len(fast_map.positions)


def test_positions_agree_on_small_map():
    assert _agree(GOOD) > 20


def test_positions_agree_on_generated_map():
    assert _agree(to_yaml(generate(60, 120, seed=3))) > 300


def test_positions_agree_on_bundled_map():
    maps = sorted(CLAIMS.glob("*.yaml"))
    maps = [p for p in maps if "review" not in p.name]
    assert maps, "claims/ holds the bundled map"
    for path in maps:
        _agree(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "text",
    [
        "argmap: 1\nclaims: &c\n  - id: a\n    text: A\n",  # anchors: slow path decides
        "argmap: 1\nclaims: [{id: a, text: A}]\n",  # flow style items
        "argmap: 1\nclaims:\n  - id: a\n    text: A\n    text: B\n",  # duplicate key
        "argmap: 1\nclaims: [\n",  # broken
        "- a\n- b\n",  # not a mapping
    ],
)
def test_unusual_input_takes_the_slow_path(text):
    assert fast_parse(text, "m.yaml") is None
