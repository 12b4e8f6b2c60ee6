"""The fast YAML scan finds the keys inside an element only when asked, and then
exactly where the full line scan does."""

from __future__ import annotations

import random

import ryaml

from argmap.loading.fast import ScannedPositions, _scan_lines, fast_parse, scan_positions
from argmap.loading import load

from tests.benchmarks.generate import generate, to_yaml


def _text_and_data(n: int = 40, links: int = 70, seed: int = 5) -> tuple[str, dict]:
    text = to_yaml(generate(n, links, seed=seed))
    text = text.replace("title: Synthetic", "source:\n  title: S\n  url: http://example.org\ntitle: Synthetic")
    return text, ryaml.loads(text)


def test_lookups_agree_with_the_full_scan_in_any_order():
    text, data = _text_and_data()
    full = _scan_lines(text, data)
    lazy = scan_positions(text, data)
    assert isinstance(lazy, ScannedPositions)
    paths = list(full) + [("claims", 3, "no-such-key"), ("#key", "inferences", 9, "nope"), ("claims", 999, "id")]
    random.Random(1).shuffle(paths)
    for path in paths:
        assert lazy.get(path) == full.get(path), path
    assert lazy == full and dict(lazy.items()) == full


def test_only_the_element_looked_up_is_scanned():
    text, data = _text_and_data()
    lazy = scan_positions(text, data)
    items = len(data["claims"]) + len(data["inferences"])
    assert len(lazy._pending) == items
    assert lazy.get(("inferences", 7, "conclusion")) is not None
    assert lazy.get(("#key", "claims", 2, "kind")) is not None
    assert len(lazy._pending) == items - 2
    assert len(lazy) == len(_scan_lines(text, data)) and not lazy._pending


def test_located_findings_through_load(tmp_path):
    text, _ = _text_and_data()
    path = tmp_path / "m.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = load(path)
    lines = text.split("\n")
    for section, key in (("claims", "kind"), ("inferences", "conclusion")):
        for i in (0, 5, len(getattr(loaded.map, section)) - 1):
            loc = loaded.sourcemap.find((section, i, key))
            assert lines[loc.line - 1][loc.column - 1 - len(key) - 2:].startswith(f"{key}: ")


def test_windows_line_ends_still_agree():
    text, data = _text_and_data(12, 15)
    crlf = text.replace("\n", "\r\n")
    parsed = fast_parse(crlf, "m.yaml")
    assert parsed is not None
    assert parsed[1].positions == _scan_lines(text, data)


def test_no_value_is_longer_than_the_longest_span():
    text, data = _text_and_data()
    long_note = "x" * 3000
    text = text.replace("    kind: interpretation\n", f"    kind: interpretation\n    note: \"{long_note}\"\n", 1)
    lazy = scan_positions(text, ryaml.loads(text))
    assert 3000 < lazy.longest_span < len(text) / 2
    values = [v for section in ("claims", "inferences") for item in ryaml.loads(text)[section] for v in item.values()]
    assert max(len(str(v)) for v in values) <= lazy.longest_span


def test_a_document_start_marker_keeps_the_fast_path():
    from argmap.loading import parse_yaml

    text, _ = _text_and_data(8, 10)
    for marked in ("---\n" + text, "# a map\n---\n\n" + text, ("---\n" + text).replace("\n", "\r\n")):
        parsed = fast_parse(marked, "m.yaml")
        assert parsed is not None
        _, slow = parse_yaml(marked, "m.yaml")
        for path, pos in parsed[1].positions.items():
            assert slow.positions.get(path) == pos, path
