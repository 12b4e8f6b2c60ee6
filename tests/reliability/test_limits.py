"""Resource limits: hostile inputs are refused fast, in little memory, with a located error.

Each case runs ``argmap validate`` as a real process and measures that one child
through ``os.wait4``: ≤ 2 s of CPU time (wall time is checked loosely, as a busy CI
machine stretches it) and ≤ 300 MB peak resident memory.
"""

from __future__ import annotations

import json

import pytest

from argmap.diagnostics import ArgmapError
from argmap.limits import Limits, flow_depth, parse_size
from argmap.loading import load, load_text, parse_yaml

from ._hostile import MB, billion_laughs, deep_block, deep_flow, run_measured

SECONDS = 2.0
WALL_SECONDS = 20.0
MEMORY_MB = 300


def _write_big_string(path, size):
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("argmap: 1\ntitle: ")
        fh.write("a" * size)
        fh.write("\nclaims: []\n")


HOSTILE = {
    # name: (writer(path), file name, expected message fragment, expected line)
    "billion-laughs": (lambda p: p.write_text(billion_laughs()), "map.yaml", "expands to more than", None),
    "deep-flow-100000": (lambda p: p.write_text(deep_flow(100_000)), "map.yaml", "nest", 2),
    "deep-block-100000": (lambda p: p.write_text(deep_block(100_000)), "map.yaml", "nesting deeper than", 3),
    "deep-closed-900": (lambda p: p.write_text("argmap: 1\nx: " + "[" * 900 + "]" * 900 + "\n"), "map.yaml", "nesting deeper than 200", 2),
    "recursive-alias": (lambda p: p.write_text("argmap: 1\nx: &a [1, *a]\n"), "map.yaml", "recursive", 2),
    "file-100MB": (lambda p: p.open("wb").truncate(100 * MB), "map.yaml", "over the limit of", 1),
    "string-10MB": (lambda p: _write_big_string(p, 10 * MB), "map.yaml", "characters long, over the limit", 2),
    "string-10MB-flow": (
        lambda p: p.write_text('{"argmap": 1, "title": "' + "b" * (10 * MB) + '"}'),
        "map.yaml",
        "longer than the limit",
        1,
    ),
    "json-deep-100000": (lambda p: p.write_text("[" * 100_000), "map.json", "", 1),
    "aif-deep-100000": (lambda p: p.write_text('{"nodes": ' + "[" * 100_000), "map.json", "", 1),
    "aif-string-10MB": (
        lambda p: p.write_text('{"nodes": [{"nodeID": 1, "type": "I", "text": "' + "c" * (10 * MB) + '"}], "edges": []}'),
        "map.json",
        "characters long, over the limit",
        1,
    ),
    "argdown-string-10MB": (lambda p: p.write_text("[a]: " + "d" * (10 * MB) + "\n"), "map.argdown", "over the limit", 1),
    "argdown-deep-3000": (
        lambda p: p.write_text("[s0]: root\n" + "".join("  " * i + f"+ [s{i}]: t\n" for i in range(1, 3000))),
        "map.argdown",
        "deeper than",
        None,
    ),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_is_refused_quickly_in_little_memory(tmp_path, name):
    write, filename, fragment, line = HOSTILE[name]
    path = tmp_path / filename
    write(path)
    result = run_measured("validate", path, timeout=30)
    assert result.returncode == 1, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) >= 1 and lines[0].startswith(f"argmap: error: {path}:"), result.stderr
    if line is not None:
        assert lines[0].startswith(f"argmap: error: {path}:{line}:"), lines[0]
    assert fragment in result.stderr
    assert "Traceback" not in result.stderr
    assert result.cpu_seconds <= SECONDS, f"{name}: {result.cpu_seconds:.2f} s of CPU"
    assert result.seconds <= WALL_SECONDS, f"{name}: {result.seconds:.2f} s"
    assert result.max_rss_mb <= MEMORY_MB, f"{name}: {result.max_rss_mb:.0f} MB"


def test_limits_are_configurable_by_environment(tmp_path):
    path = tmp_path / "map.yaml"
    _write_big_string(path, 2 * MB)
    refused = run_measured("validate", path)
    assert refused.returncode == 1 and "ARGMAP_MAX_STRING" in refused.stderr
    allowed = run_measured("validate", path, env={"ARGMAP_MAX_STRING": "4M"})
    assert allowed.returncode == 0, allowed.stderr
    small = run_measured("validate", path, env={"ARGMAP_MAX_BYTES": "1M"})
    assert small.returncode == 1 and "over the limit of 1048576 bytes" in small.stderr


def test_bad_limit_setting_is_a_clear_error(tmp_path):
    path = tmp_path / "map.yaml"
    path.write_text("argmap: 1\n")
    result = run_measured("validate", path, env={"ARGMAP_MAX_DEPTH": "lots"})
    assert result.returncode == 1
    assert result.stderr.startswith("argmap: error: $ARGMAP_MAX_DEPTH"), result.stderr
    assert "'lots' is not a positive whole number" in result.stderr


def test_limits_read_environment_when_created(monkeypatch):
    monkeypatch.setenv("ARGMAP_MAX_NODES", "10k")
    assert Limits().max_nodes == 10240
    monkeypatch.delenv("ARGMAP_MAX_NODES")
    assert Limits().max_nodes == 2_000_000


@pytest.mark.parametrize("text", ["0", "-3", "1.5", "", "12Q"])
def test_parse_size_rejects(text):
    with pytest.raises(ValueError):
        parse_size(text if text else "x")


def test_alias_expansion_counted_not_performed():
    """Aliases are cheap to write and cheap to check: the bomb is refused by counting."""
    with pytest.raises(ArgmapError) as info:
        parse_yaml(billion_laughs(levels=6), "m.yaml", Limits(max_nodes=100_000))
    assert "expands to more than 100000 values" in str(info.value)
    data, _ = parse_yaml(billion_laughs(levels=3), "m.yaml", Limits(max_nodes=100_000))
    assert len(data["x"]["l3"]) == 10 and len(data["x"]["l3"][0][0]) == 10


def test_alias_expansion_of_text_counted():
    text = "argmap: 1\nt: &t " + "x" * 1000 + "\nmany: [" + ", ".join(["*t"] * 100) + "]\n"
    with pytest.raises(ArgmapError) as info:
        parse_yaml(text, "m.yaml", Limits(max_bytes=50_000))
    assert "characters of text" in str(info.value)


def test_alias_depth_counted():
    inner = "[" * 150 + "]" * 150
    text = f"a: &a {inner}\nb: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[*a]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n"
    with pytest.raises(ArgmapError) as info:
        parse_yaml(text, "m.yaml")
    assert "through a YAML alias" in str(info.value)


def test_normal_anchors_and_merges_still_work():
    text = "base: &b {x: 1, y: 2}\nitem:\n  <<: *b\n  y: 3\nlist: [*b, *b]\n"
    data, sm = parse_yaml(text, "m.yaml")
    assert data["item"] == {"x": 1, "y": 3}
    assert data["list"] == [{"x": 1, "y": 2}] * 2
    assert str(sm.find(("item", "y"))) == "m.yaml:4:6"


@pytest.mark.parametrize(
    "text,fragment",
    [
        ("a: *nope\n", "undefined alias"),
        ("a: 1\n---\nb: 2\n", "single YAML document"),
        ("a: !!python/object:os.system {}\n", "invalid YAML"),
    ],
)
def test_yaml_oddities_are_located_errors(text, fragment):
    with pytest.raises(ArgmapError) as info:
        parse_yaml(text, "m.yaml")
    assert fragment in str(info.value)
    assert str(info.value).startswith("m.yaml:")


def test_flow_depth_is_an_upper_bound():
    assert flow_depth("[[1], {a: [2, [3]]}]") == 4
    assert flow_depth("'[[[[' plain") == 4  # quoted brackets count: never an under-estimate
    assert flow_depth("[" * 10) == 10


def test_json_nesting_in_every_reader(tmp_path):
    """Deep JSON must be a located error in every reader, never a RecursionError."""
    deep = '{"argmap": 1, "x": ' + "[" * 50_000 + "]" * 50_000 + "}"
    for fmt in ("json", "aif"):
        with pytest.raises(ArgmapError) as info:
            load_text(deep, tmp_path / "m.json", fmt=fmt)
        assert str(info.value).startswith(str(tmp_path / "m.json") + ":")


def test_reading_a_device_is_bounded(tmp_path):
    with pytest.raises(ArgmapError) as info:
        load("/dev/zero", limits=Limits(max_bytes=1000))
    assert "over the limit of 1000 bytes" in str(info.value)


def test_long_strings_refused_from_every_reader(tmp_path):
    big = "z" * 5000
    native = json.dumps({"argmap": 1, "claims": [{"id": "a", "text": big}]})
    with pytest.raises(ArgmapError) as info:
        load_text(native, tmp_path / "m.json", limits=Limits(max_string=1000))
    assert "5000 characters" in str(info.value)


ARGDOWN_QUADRATIC = "".join(
    [
        "[a]: " + "[" * 30000 + "\n",
        "[b]: " + "{" * 30000 + "\n",
        "[c]: " + "@[" * 15000 + "\n",
        "[d]: " + "#(" * 15000 + "\n",
        "[e]: " + "@<" * 15000 + "\n",
        "[f]: " + "[x](" * 8000 + "\n",
        "\n<g>: " + "<" * 30000 + "\n",
        "\n" + "[h]: x {\n" * 10000,  # one element over many lines, each opening a block
        "\n" + "[i]: x {{}\n" * 3000,  # ... and each holding a {} block
    ]
)


@pytest.mark.parametrize("comment", ["", "// a comment turns on the comment pass\n"], ids=["plain", "commented"])
def test_argdown_long_lines_of_openers_are_cheap(tmp_path, comment):
    """Every opener used to retry its pattern to the end of the line (or file): quadratic."""
    path = tmp_path / "map.argdown"
    path.write_text(comment + ARGDOWN_QUADRATIC)
    result = run_measured("validate", path, timeout=WALL_SECONDS)
    assert "Traceback" not in result.stderr
    assert result.cpu_seconds <= SECONDS, f"{result.cpu_seconds:.2f} s of CPU"


@pytest.mark.parametrize("quote", ["'", '"', ""])
def test_a_long_text_on_its_own_line_is_measured_before_parsing(quote):
    """The fast reader's pre-check (a line that holds one text alone) agrees with the limit to
    the character, for single-quoted, double-quoted and plain text, and places the error."""
    def text(n: int) -> str:
        return "argmap: 1\nclaims:\n" + "".join(f"  - id: c{i}\n    text: x{i}\n" for i in range(20)) + \
            f"  - id: long\n    text: {quote}{'w' * n}{quote}   \n"

    limits = Limits(max_string=300)
    assert load_text(text(300), "m.yaml", limits=limits)[0].claim("long").text == "w" * 300
    with pytest.raises(ArgmapError) as info:
        load_text(text(301), "m.yaml", limits=limits)
    assert str(info.value).startswith("m.yaml:44:11: 'text' is 301 characters long, over the limit of 300")


@pytest.mark.parametrize("header", ["|", "|-", "|+", "|2"])
def test_a_long_literal_block_is_measured_before_parsing(header):
    """A literal block scalar (``text: |``) surely over ARGMAP_MAX_STRING is refused before the
    file is parsed (48 MB: 2.3-2.7 s of CPU before); one at the limit still loads, and the length
    the pre-check counts is never more than the text the block holds."""
    def text(lines: int) -> str:
        return ("argmap: 1\nclaims:\n  - id: long\n    text: " + header + "\n" + "      abcdefghi\n" * lines
                + "  - id: next\n    text: N.\n")

    limits = Limits(max_string=300)
    assert len(load_text(text(30), "m.yaml", limits=limits)[0].claim("long").text) == 300 - (header == "|-")
    with pytest.raises(ArgmapError) as info:
        load_text(text(40), "m.yaml", limits=limits)
    assert "'text' is" in str(info.value) and "over the limit of 300" in str(info.value)
    from argmap.loading.fast import long_block_value

    found = long_block_value(text(40) + "x" * 300, 300)
    assert found is not None and found[:2] == (4, 11) and found[2] <= 400
