"""The bundled article map: every quote anchors exactly, --fix adds only anchors, coverage ≥ 95%.

The map is never rewritten in place: the tests work on a temp copy.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from argmap.provenance.coverage import coverage, split_sentences
from argmap.loading import load

CLAIMS = Path(__file__).resolve().parents[2] / "claims"
MAP = CLAIMS / "serbia-azerbaijan.yaml"
TEXT = CLAIMS / "serbia-azerbaijan.txt"


@pytest.fixture
def copy(tmp_path) -> Path:
    shutil.copy(MAP, tmp_path / MAP.name)
    shutil.copy(TEXT, tmp_path / TEXT.name)
    return tmp_path / MAP.name


def _states(run_cli, path: Path) -> dict[str, str]:
    result = run_cli("anchor", path, "--format", "json")
    doc = json.loads(result.stdout)
    return {f"{q['kind']}:{q['id']}": q["state"] for q in doc["quotes"]}


def test_every_quote_of_the_bundled_map_is_exact(run_cli, copy):
    states = _states(run_cli, copy)
    loaded = load(copy)
    quoted_claims = [c for c in loaded.map.claims if c.quote]
    assert len(quoted_claims) == len(loaded.map.claims)  # every claim carries its quote
    assert len(states) >= len(quoted_claims)
    assert {s for s in states.values()} == {"exact"}, {k: s for k, s in states.items() if s != "exact"}


def _without_anchors(text: str) -> str:
    """The map text with every `anchor:` block and the `sha256:` line taken out."""
    text = re.sub(r"^( +)anchor:\n(?:\1  .*\n)+", "", text, flags=re.M)
    return re.sub(r"^  sha256: [0-9a-f]{64}\n", "", text, flags=re.M)


def test_fix_on_the_bundled_map_adds_anchors_and_nothing_else(run_cli, copy):
    committed = copy.read_text(encoding="utf-8")
    before = _without_anchors(committed)  # the map as its author wrote it, before anchoring
    copy.write_text(before, encoding="utf-8")
    result = run_cli("anchor", copy, "--fix", "--no-backup")
    assert result.exit_code == 0, result.output
    after = copy.read_text(encoding="utf-8")
    assert after != before
    assert _without_anchors(after) == before
    assert after == committed  # the committed map is exactly what --fix writes
    assert after.count("    anchor:\n") + after.count("  anchor:\n") > 0
    assert run_cli("validate", copy).exit_code == 0
    # The written anchors are right where the quotes are: still exact, nothing more to write.
    assert set(_states(run_cli, copy).values()) == {"exact"}
    assert "nothing written" in run_cli("anchor", copy, "--fix", "--no-backup").stderr


def test_bundled_map_covers_at_least_95_percent_of_the_body(copy):
    loaded = load(copy)
    cov = coverage(loaded)
    all_sentences, _ = split_sentences(loaded.source_text)
    assert cov.total >= 0.7 * len(all_sentences)  # the ignore patterns leave the body in
    assert cov.percent >= 95.0, [s.text for s in cov.uncovered]
    assert not cov.unplaced


def test_coverage_command_on_the_bundled_map(run_cli, copy):
    result = run_cli("coverage", copy, "--min", "95")
    assert result.exit_code == 0, result.output
    assert re.match(rf"{re.escape(str(copy))}: (\d+) of (\d+) sentences covered \((\d+\.\d)%\)", result.stdout)
