"""``argmap import`` and ``argmap export --to argdown|aif|dot`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

from argmap.loading import load
from tests.maps import quoted

FIXTURES = Path(__file__).parent / "fixtures"


def test_import_writes_native_yaml_that_loads_back_the_same(run_cli, tmp_path):
    source = FIXTURES / "debate.argdown"
    out = tmp_path / "debate.yaml"
    out.write_text("old content\n", encoding="utf-8")
    result = run_cli("import", source, "-o", out)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8").startswith("argmap: 1\n")
    assert load(out).map.model_dump() == load(source).map.model_dump()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["debate.yaml"]  # no temp files left


def test_import_aif_to_stdout(run_cli):
    result = run_cli("import", FIXTURES / "quirks.json")
    assert result.exit_code == 0, result.output
    assert "- id: n1\n  text: Taxes should rise.\n" in result.stdout


def test_import_of_a_broken_file_fails_cleanly_and_writes_nothing(run_cli, tmp_path):
    bad = tmp_path / "bad.argdown"
    bad.write_text("[a]: A\n\n  + [b]\n", encoding="utf-8")
    out = tmp_path / "out.yaml"
    result = run_cli("import", bad, "-o", out)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"argmap: error: {bad}:3:3: ")
    assert not out.exists()


def test_import_forced_format(run_cli, tmp_path):
    odd = tmp_path / "map.txt"
    odd.write_text("[a]: A\n  - [b]: B\n", encoding="utf-8")
    result = run_cli("import", odd, "--from", "argdown")
    assert result.exit_code == 0, result.output
    assert "kind: attack" in result.stdout


def test_export_to_argdown_and_aif_and_back(run_cli, tmp_path):
    source = FIXTURES / "debate.argdown"
    original = load(source).map.model_dump()
    for fmt, name in (("argdown", "x.argdown"), ("aif", "x.json")):
        out = tmp_path / name
        result = run_cli("export", source, "--to", fmt, "-o", out)
        assert result.exit_code == 0, result.output
        assert load(out).map.model_dump() == original
    data = json.loads((tmp_path / "x.json").read_text(encoding="utf-8"))
    assert {n["type"] for n in data["nodes"]} == {"I", "RA", "CA"}


def test_export_to_dot(run_cli):
    result = run_cli("export", FIXTURES / "quirks.json", "--to", "dot")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("digraph")
    assert "Taxes should rise." in result.stdout


def test_export_elsewhere_notes_a_source_text_left_behind(run_cli, write_map, tmp_path):
    path = write_map(quoted("Alpha", source="article.txt"),
                     source="Alpha beta.", source_name="article.txt")
    away = tmp_path / "away"
    away.mkdir()
    result = run_cli("export", path, "--to", "argdown", "-o", away / "m.argdown")
    assert result.exit_code == 0
    assert result.stderr == (
        f"argmap: note: {away / 'm.argdown'} names the source text 'article.txt', which is beside {path} "
        "but not beside it: copy it there for audit, anchor and coverage\n"
    )
    audit = run_cli("audit", away / "m.argdown", "--fail-on", "warning")
    assert audit.exit_code == 1 and "source text file 'article.txt' not found" in audit.stderr  # as the note says
    beside = run_cli("export", path, "--to", "argdown", "-o", tmp_path / "m.argdown")
    assert beside.exit_code == 0 and beside.stderr == ""
    imported = run_cli("import", tmp_path / "m.argdown", "-o", away / "back.yaml")
    assert "names the source text 'article.txt'" in imported.stderr
