"""Promise: memory. Limits apply before the cost is paid, on every path.

Each input runs as a real ``argmap`` process measured through ``os.wait4``: refused
with a located error in ≤ 2 s of CPU and ≤ 300 MB peak memory. Inputs from the
hardening report: anchors and aliases spelled with no space after a JSON-style
key's colon (the fast YAML path's check missed them: 1 MB grew to 5.9 GB), YAML
in Argdown ``{...}`` data (a 476-byte file reached 6 GB), a million claims and a
24 MB flow list (limits only on the slow path: 1.9 GB and 2.4 GB), and the same
for native JSON, AIF and microtext XML.
"""

from __future__ import annotations

import pytest

from ._hostile import run_measured

SECONDS = 2.0
WALL_SECONDS = 30.0
MEMORY_MB = 300


def _aliases_after_colons(rows: int = 100, width: int = 100) -> str:
    """100 KB whose every anchor and alias follows a JSON-style key's colon
    (``"v":&a``, ``"k":*a``), the spelling the fast path's check missed: the Rust
    parser expanded its 10**7 values (835 MB, 7.5 s) before the slow path refused it."""
    lines = ["argmap: 1", 'l0: {"v":&a [' + ", ".join(["1"] * 1000) + "]}"]
    row = ", ".join(f'"k{k}":*a' for k in range(width))
    lines += [f"r{n}: {{{row}}}" for n in range(rows)]
    return "\n".join(lines) + "\n"


def _levels() -> list[str]:
    levels = ["a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1]"]
    for n, name in enumerate("bcdefg"):
        prev = "abcdefg"[n]
        levels.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    return levels


def _data_bomb() -> str:
    """Under 500 bytes of Argdown whose ``{...}`` data expands to 9**7 values."""
    return "[s]: A statement. {" + ", ".join(_levels()) + "}\n"


def _claims(n: int) -> str:
    return "argmap: 1\nclaims:\n" + "".join(f"  - id: c{i}\n    text: x\n" for i in range(n))


def _flow_claims(n: int) -> str:
    return "argmap: 1\nclaims:\n" + "".join(f"  - {{id: c{i}, text: x}}\n" for i in range(n))


HOSTILE = {
    # name: (file name, text, expected message fragment)
    "fast-path-anchors-after-colons": ("m.yaml", _aliases_after_colons(), "expands to more than"),
    "argdown-data-alias-bomb": ("m.argdown", _data_bomb(), "expands to more than"),
    "argdown-front-matter-alias-bomb": (
        "m.argdown", "===\n" + "\n".join(_levels()) + "\n===\n\n[s]: S.\n",
        "expands to more than"),
    "million-claims-block": ("m.yaml", _claims(1_000_000), "may hold more than 2000000 values"),
    "million-claims-flow-items": ("m.yaml", _flow_claims(1_000_000), "may hold more than 2000000 values"),
    "flow-list-24MB": ("m.yaml", "argmap: 1\nclaims: [" + ",".join(["1"] * 12_000_000) + "]\n", "may hold more than"),
    "native-json-24MB": ("m.json", '{"argmap": 1, "claims": [' + ",".join(["1"] * 12_000_000) + "]}",
                         "may hold more than"),
    "aif-2M-nodes": ("m.json", '{"nodes": [' + ",".join(['{"nodeID": 1}'] * 2_000_000) + '], "edges": []}',
                     "may hold more than"),
    # no bound applied to Argdown: 48 MB of statements ran past 300 s, 48 MB of relations took 3 GB,
    # many small {...} blocks 57 s (each block was held to the limits alone)
    "argdown-statements-8MB": ("m.argdown", "[s]: x\n" * 1_200_000, "may hold more than 2000000 values"),
    "argdown-data-blocks-8MB": ("m.argdown", "".join(f"[s{i}]: S. {{k: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]}}\n\n"
                                                     for i in range(200_000)), "may hold more than 2000000 values"),
    "argdown-front-matter-8MB": ("m.argdown", "===\nx: [" + "1," * 4_000_000 + "1]\n===\n\n[s]: S.\n",
                                 "may hold more than"),
    # the located reader (anchors, aliases, tags, tabs) paid for 46 MB of claims before the bomb at
    # their end: 3.3 s, 584 MB; now files over ARGMAP_MAX_LOCATED (16M) are refused before parsing
    "yaml-bomb-after-30MB-of-claims": ("m.yaml", "argmap: 1\nclaims:\n" + "".join(
        f"  - id: c{i}\n    text: '{'w' * 200}'\n" for i in range(135_000)) + "\n".join(_levels()) + "\n",
        "over the limit of 16777216 for the located reader"),
    # the fast reader parsed and validated 46 MB of claims before the text over ARGMAP_MAX_STRING
    # in the last one was seen (3.4 s, 522 MB); a line holding one text alone is measured first
    "yaml-text-2MB-after-30MB-of-claims": ("m.yaml", "argmap: 1\nclaims:\n" + "".join(
        f"  - id: c{i}\n    text: '{'w' * 200}'\n" for i in range(135_000)) + "  - id: last\n    text: '"
        + "y" * 2_000_000 + "'\n", "'text' is 2000000 characters long, over the limit of 1048576"),
    "microtext-3M-elements": ("m.xml", "<arggraph id='x'>" + "<edu id='e'/>" * 3_000_000 + "</arggraph>",
                              "may hold more than 2000000 elements"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_refused_before_the_cost_is_paid(tmp_path, name):
    filename, text, fragment = HOSTILE[name]
    path = tmp_path / filename
    path.write_text(text)
    command = "import" if filename.endswith(".xml") else "validate"
    result = run_measured(command, path, timeout=60)
    assert result.returncode == 1, result.stderr
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"argmap: error: {path}:"), result.stderr
    assert fragment in result.stderr and "Traceback" not in result.stderr
    assert result.cpu_seconds <= SECONDS, f"{name}: {result.cpu_seconds:.2f} s of CPU"
    assert result.seconds <= WALL_SECONDS, f"{name}: {result.seconds:.2f} s"
    assert result.max_rss_mb <= MEMORY_MB, f"{name}: {result.max_rss_mb:.0f} MB"


def test_argdown_data_bomb_is_small():
    assert len(_data_bomb()) < 500


def test_maps_within_the_limits_still_load(tmp_path):
    """The punctuation count is an upper bound, not a guess: 20000 claims with commas,
    colons and dashes in their text load through both YAML paths and JSON."""
    import json

    from argmap.loading import load

    text = "argmap: 1\nclaims:\n" + "".join(
        f"  - id: c{i}\n    text: 'Claim {i}: a, b, c - d, e: f, [g], {{h}}.'\n" for i in range(20_000))
    (tmp_path / "m.yaml").write_text(text)
    assert len(load(tmp_path / "m.yaml").map.claims) == 20_000
    doc = {"argmap": 1, "claims": [{"id": f"c{i}", "text": f"a, b: c, [d]{i}"} for i in range(20_000)]}
    (tmp_path / "m.json").write_text(json.dumps(doc))
    assert len(load(tmp_path / "m.json").map.claims) == 20_000


CONFIGS = {
    # name: (file name, text): TOML is read by a pure-Python parser; 48 MB lists took 37 s and 514 MB,
    # a 48 MB selector 86 s and 5.8 GB (a search pattern made of it, to find its line)
    "argmap.toml-list-8MB": ("argmap.toml", "select = [" + '"ARG101", ' * 800_000 + "]\n"),
    "argmap.toml-selector-8MB": ("argmap.toml", 'select = ["' + "x" * 8_000_000 + '"]\n'),
    "pyproject.toml-list-8MB": ("pyproject.toml", "[tool.argmap]\nselect = [" + '"ARG101", ' * 800_000 + "]\n"),
}


@pytest.mark.parametrize("name", sorted(CONFIGS))
def test_configuration_over_its_limit_is_refused_unread(tmp_path, name):
    filename, text = CONFIGS[name]
    (tmp_path / filename).write_text(text)
    (tmp_path / "m.yaml").write_text("argmap: 1\nclaims:\n  - id: a\n    text: A.\n")
    result = run_measured("audit", tmp_path / "m.yaml", cwd=tmp_path, timeout=120)
    assert result.returncode in (1, 2), result.stderr
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"argmap: error: {tmp_path / filename}:1:1: the configuration"), first
    assert "over the limit of 1048576; raise ARGMAP_MAX_CONFIG" in first
    assert result.cpu_seconds <= SECONDS and result.max_rss_mb <= MEMORY_MB, (result.cpu_seconds, result.max_rss_mb)


def test_long_selector_under_the_configuration_limit_is_cheap_and_shortened(tmp_path):
    (tmp_path / "argmap.toml").write_text('select = ["' + "x" * 1_000_000 + '"]\n')
    (tmp_path / "m.yaml").write_text("argmap: 1\nclaims:\n  - id: a\n    text: A.\n")
    result = run_measured("audit", tmp_path / "m.yaml", cwd=tmp_path, timeout=120)
    assert result.returncode in (1, 2), result.stderr
    assert f"{tmp_path / 'argmap.toml'}:1:" in result.stderr and "matches no audit rule" in result.stderr
    assert len(result.stderr) < 1000, len(result.stderr)
    assert result.cpu_seconds <= SECONDS and result.max_rss_mb <= MEMORY_MB, (result.cpu_seconds, result.max_rss_mb)


def test_microtext_text_over_the_string_limit_is_refused(tmp_path):
    """The microtext reader applied no limit to a text: 48 MB in one unit was accepted."""
    path = tmp_path / "m.xml"
    path.write_text('<arggraph id="x">\n<edu id="e1">' + "t" * 2_000_000 + '</edu><adu id="a1" type="pro"/>'
                    '<edge id="s1" src="e1" trg="a1" type="seg"/></arggraph>\n')
    result = run_measured("import", path, timeout=60)
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith(f"argmap: error: {path}:2:6: a text of 2000000 characters in <edu> is longer"
                                    " than the limit of 1048576; raise ARGMAP_MAX_STRING"), result.stderr
